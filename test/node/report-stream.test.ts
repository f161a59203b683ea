import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { main } from '../../cli/main.js';
import { parseScenario, reportBlock, simulate, writeReport, type Policy } from '../../engine/index.js';
import { findBlocks } from '../../plugin/blocks.js';
import { fastFinalReport } from '../../engine/fast/final.js';
import { stallingsDynamic } from '../textbook-scenarios.js';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const FIXTURES = ['../fixtures/paging-post.md', '../fixtures/broken-post.md', '../e2e/fixtures/contiguous/fences.md'].map(here);

/** The streamed report of a markdown file's blocks, parsed back. */
function streamed(markdown: string, summary = false): unknown {
  let out = '';
  const blocks = findBlocks(markdown).map((b) => ({ line: b.line, parsed: parseScenario(b.text, { lineOffset: b.line }) }));
  writeReport(blocks, (s) => (out += s), { summary });
  return JSON.parse(out);
}

const whole = (markdown: string) => JSON.parse(JSON.stringify(findBlocks(markdown).map((b) => reportBlock(b.text, b.line, b.line))));

describe('the JSON report written step by step', () => {
  it('parses to the same report as the report built whole, on every fixture post', () => {
    for (const path of FIXTURES) {
      const md = readFileSync(path, 'utf8');
      assert.deepEqual(streamed(md), whole(md), path);
    }
  });
  it('an empty file is an empty array, and a trace with no operations has an empty steps array', () => {
    assert.deepEqual(streamed('no blocks here'), []);
    const r = streamed('```memsim\nscheme: dynamic\nmemory: 1M\n```\n') as any;
    assert.deepEqual(r[0].runs[0].steps, []);
  });
  it('is written in many pieces, none holding more than one step', () => {
    const refs = Array.from({ length: 2000 }, (_, i) => i % 13).join(' ');
    const r = parseScenario(`scheme: vm-paging\nframes: 4\nrefs: ${refs}\n`);
    const pieces: string[] = [];
    writeReport([{ line: 1, parsed: r }], (s) => pieces.push(s));
    assert.ok(pieces.length > 2000);
    assert.ok(Math.max(...pieces.map((p) => p.length)) < 2000);
  });
  it('--summary leaves out steps and keeps each run\'s fields and final', () => {
    for (const path of FIXTURES) {
      const md = readFileSync(path, 'utf8');
      const expected = whole(md).map((b: any) => (b.runs ? { ...b, runs: b.runs.map(({ steps: _, ...run }: any) => run) } : b));
      assert.deepEqual(streamed(md, true), expected, path);
    }
  });
  it('the CLI writes the same report with --json and its summary with --summary', () => {
    const chunks: string[] = [];
    const code = main(['run', FIXTURES[0]!, '--json', '--summary'], { out: () => {}, err: () => {}, read: (p) => readFileSync(p, 'utf8'), write: (s) => chunks.push(s) });
    assert.equal(code, 0);
    const report = JSON.parse(chunks.join(''));
    assert.ok(report.length > 0 && report.every((b: any) => b.runs.every((r: any) => !('steps' in r) && 'final' in r)));
  });
  it('the CLI text summary prints each run\'s metrics without tables', () => {
    const out: string[] = [];
    main(['run', here('../fixtures/belady.yaml'), '--summary'], { out: (s) => out.push(s), err: () => {}, read: (p) => readFileSync(p, 'utf8') });
    assert.match(out.join('\n'), /FIFO, 3 frames\nfaults 9, faults after fill 6/);
    assert.doesNotMatch(out.join('\n'), /frame 0/);
  });
  it('Stallings\' dynamic-partitioning figure streams to the final layout the figure shows', () => {
    const r = streamed(`\`\`\`memsim\n${stallingsDynamic()}\n\`\`\`\n`) as any;
    assert.deepEqual(r[0].runs[0].final.holes.map((h: any) => h.size / 1024 ** 2), [6, 6, 4]);
  });
});

describe('the fast path\'s final report equals the stepwise one (fast-check)', () => {
  it('faults, hits, write-backs, the final contents of every frame and the last step\'s diagram, for every policy, with writes', () => {
    const ref = fc.record({ page: fc.integer({ min: 0, max: 9 }), write: fc.boolean() });
    fc.assert(
      fc.property(
        fc.array(ref, { minLength: 1, maxLength: 60 }),
        fc.integer({ min: 1, max: 12 }),
        fc.constantFrom<Policy>('FIFO', 'LRU', 'OPT', 'CLOCK'),
        (refs, frames, policy) => {
          const text = `scheme: vm-paging\nframes: ${frames}\npolicy: ${policy}\nrefs: ${refs.map((r) => `${r.page}${r.write ? ':w' : ''}`).join(' ')}`;
          const parsed = parseScenario(text);
          assert.ok(parsed.ok);
          const t = simulate(parsed.scenario).runs[0]!;
          assert.deepEqual(fastFinalReport(parsed.scenario, t.run), { ...t.scheme.finalReport(t.config, t.run, t.final), mermaid: t.mermaidAt(t.length) });
        },
      ),
      { numRuns: 2000 },
    );
  });
  it('pages far apart (renumbered inside the fast path) come back as written', () => {
    const parsed = parseScenario('scheme: vm-paging\nframes: 3\nrefs: 2000000000 7 2000000000 99999999:w 5\n');
    assert.ok(parsed.ok);
    const t = simulate(parsed.scenario).runs[0]!;
    assert.deepEqual(fastFinalReport(parsed.scenario, t.run), { ...t.scheme.finalReport(t.config, t.run, t.final), mermaid: t.mermaidAt(t.length) });
  });
});
