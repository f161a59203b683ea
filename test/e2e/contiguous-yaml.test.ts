/**
 * The bundle parses scenarios exactly as the engine does in Node. The drop-in bundles a trimmed
 * yaml parser (scripts/rollup/yaml-parse-only.mjs drops the writer, the YAML 1.1 tags and the document-editing
 * methods), so scenarios that use YAML's less common features, valid or not, are run through both
 * and must give the same steps or the same positioned errors. Contiguous scenarios mostly, since
 * their block scalars (layout, trace) use most of the grammar.
 */
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { parseScenario } from '../../engine/report.js';
import { simulate } from '../../engine/scenario.js';
import { builtBundle, everySimulatorShown, launchChromium, serve, type StaticServer } from './support.js';


const DYNAMIC = 'scheme: dynamic\nmemory: 64M\nos: 8M\n';
const SCENARIOS: Record<string, string> = {
  'anchors and aliases': `${DYNAMIC}placement: &p first-fit\ntitle: *p\ntrace: |\n  load A 1M\n`,
  'an alias as a size': 'scheme: buddy\nmemory: &m 1M\nmin-block: *m\ntrace: |\n  load A 1K\n',
  'explicit core tags': 'scheme: buddy\nmemory: !!str 1M\ntitle: !!str 12\ntrace: !!str |\n  load A 100K\n',
  'a custom tag': `${DYNAMIC}title: !local hello\ntrace: |\n  load A 1M\n`,
  'flow sequences': `${DYNAMIC}placement: [first-fit, best-fit]\ntrace: |\n  load A 1M\n`,
  'a flow mapping where a list belongs': `${DYNAMIC}placement: {first: fit}\ntrace: |\n  load A 1M\n`,
  'double and single quotes': `scheme: fixed\ntitle: "a \\"quoted\\" title"\npartitions: '4 x 8M'\ntrace: "load A 1M"\n`,
  'an unclosed quote': `${DYNAMIC}title: "never closed\ntrace: |\n  load A 1M\n`,
  'a %YAML directive': `%YAML 1.2\n---\n${DYNAMIC}trace: |\n  load A 1M\n`,
  'an unknown directive': `%FOO bar\n---\n${DYNAMIC}trace: |\n  load A 1M\n`,
  'two documents': `${DYNAMIC}---\ntrace: |\n  load A 1M\n`,
  'a duplicate key': `${DYNAMIC}memory: 32M\ntrace: |\n  load A 1M\n`,
  'a folded block scalar': `${DYNAMIC}trace: >\n  load A 1M\n\n  load B 2M\n`,
  'a sequence of operations': `${DYNAMIC}trace:\n  - load A 1M # a comment\n  - exit A\n`,
  'bad indentation in a block scalar': `${DYNAMIC}trace: |\n    load A 1M\n  load B 1M\n`,
  'a tab for indentation': `${DYNAMIC}trace: |\n\tload A 1M\n`,
  'a merge key': `base: &b\n  memory: 64M\n${DYNAMIC}<<: *b\ntrace: |\n  load A 1M\n`,
  'a complex key': `${DYNAMIC}? trace\n: |\n  load A 1M\n`,
  'a number and a null as keys': `${DYNAMIC}1: one\n~: none\n`,
  'a nested mapping as a value': `${DYNAMIC}trace:\n  load: A 1M\n`,
  'a sequence at the top': '- scheme: dynamic\n- memory: 64M\n',
  'an empty value': `${DYNAMIC}title:\ntrace: |\n  load A 1M\n`,
  'a scalar document': 'just words\n',
  'comments everywhere': `# a scenario\n${DYNAMIC}# between keys\nlayout: | # the map\n  hole 8M # free\n  used 8M\ntrace: |\n  load A 1M # first\n`,
  'a byte-order mark': `\uFEFF${DYNAMIC}trace: |\n  load A 1M\n`,
  'vm-paging with flow and quoted refs': 'scheme: vm-paging\nframes: [3, 4]\npolicy: "FIFO, LRU"\nrefs: [7, 0, 1, 2, "0:w"]\n',
};

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

interface Outcome {
  total: number;
  first: string;
  errors: string[];
}

/** What the engine says in Node: the step count and the first step's sentence, or the errors. */
function inNode(text: string): Outcome {
  const r = parseScenario(text);
  if (!r.ok) return { total: 0, first: '', errors: r.errors.map((e) => `${e.line}:${e.column} ${e.message}`) };
  const runs = simulate(r.scenario).runs;
  return { total: runs[0]?.length ?? 0, first: runs[0]?.eventAt(1)?.sentence ?? '', errors: [] };
}

let work: string;
let server: StaticServer;
let browser: Browser;
let outcomes: Outcome[];

before(async () => {
  work = mkdtempSync(join(tmpdir(), 'mem-sim-yaml-'));
  cpSync(builtBundle(), join(work, 'mem-sim'), { recursive: true });
  const blocks = Object.values(SCENARIOS).map((s) => `<pre><code class="language-memsim">${escape(s)}</code></pre>`);
  writeFileSync(
    join(work, 'index.html'),
    `<!doctype html><html lang="en"><meta charset="utf-8"><title>yaml</title><script type="module" src="mem-sim/mem-sim.js"></script>${blocks.join('\n')}</html>`,
  );
  server = await serve(work);
  browser = await launchChromium();
  const page = await browser.newPage();
  await page.goto(`${server.url}/index.html`);
  const count = Object.keys(SCENARIOS).length;
  await everySimulatorShown(page, count);
  outcomes = await page.$$eval('mem-sim', async (sims) => {
    const out = [];
    for (const el of sims as (HTMLElement & { step: number; total: number; ready: Promise<void> })[]) {
      el.step = 1;
      await el.ready;
      const root = el.shadowRoot!;
      out.push({
        total: el.total,
        first: el.total ? root.querySelector('[part=sentence]')!.textContent!.trim() : '',
        errors: [...root.querySelectorAll('[part=error-list] li')].map((li) => li.textContent!.trim()),
      });
    }
    return out;
  });
});

after(async () => {
  await browser?.close();
  await server?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

Object.entries(SCENARIOS).forEach(([name, text], i) => {
  test(`the bundle reads ${name} as the engine does in Node`, () => {
    assert.deepEqual(outcomes[i], inNode(text));
  });
});

test('the scenarios cover both outcomes: some run, some are refused with positioned errors', () => {
  assert.ok(outcomes.filter((o) => o.total > 0).length >= 8);
  assert.ok(outcomes.filter((o) => o.errors.length > 0).length >= 8);
});
