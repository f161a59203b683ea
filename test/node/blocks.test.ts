// One notion of a memsim block: the CLI, the markdown-it plugin and the Eleventy plugin find the
// same blocks of the shared fixtures (test/fixtures/blocks/), at the same lines and columns of the
// file, as the hand-made table expected.json says. The drop-in is held to the same table in
// test/browser/drop-in.test.ts.
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
// @ts-expect-error: Eleventy ships no type declarations
import Eleventy from '@11ty/eleventy';
import markdownIt from 'markdown-it';
import { main } from '../../cli/main.js';
import { findBlocks } from '../../plugin/blocks.js';
import memSimEleventy from '../../plugin/eleventy.js';
import type { LocatedError } from '../../plugin/fallback.js';
import { isMemSimFence } from '../../plugin/fence.js';
import memSim from '../../plugin/markdown-it.js';

const dir = fileURLToPath(new URL('../fixtures/blocks/', import.meta.url));
const { '//': _, ...table } = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as Record<
  string,
  { fence: number; error: [number, number] }[]
>;
const files = Object.keys(table);
const read = (name: string) => readFileSync(join(dir, name), 'utf8');
/** `[file, line, column]` of each expected error, in file order. */
const expectedErrors = (name: string) => table[name]!.map((b) => `${name}:${b.error[0]}:${b.error[1]}`);
const NOT_A_REFERENCE = "'z' is not a reference";

describe('the block rule', () => {
  it("a fence is a memsim block when its info string's first word is memsim in any ASCII letter case", () => {
    for (const info of ['memsim', 'MEMSIM', 'MemSim extra words', ' memsim ', 'memsim\tx']) assert.ok(isMemSimFence(info), info);
    // U+0130, a capital I with a dot, is not the ASCII letter I.
    for (const info of ['memsimulator', 'mem sim', '{.memsim}', 'yaml memsim', 'MEMS\u0130M', '']) assert.ok(!isMemSimFence(info), info);
  });

  it('every fixture has the table\'s blocks: fence lines counted in the file, and the text markdown-it hands the fence rule', () => {
    assert.ok(files.length >= 14 && files.every((f) => f.endsWith('.md')));
    for (const name of files) {
      const blocks = findBlocks(read(name));
      assert.deepEqual(blocks.map((b) => b.line), table[name]!.map((b) => b.fence), name);
      for (const b of blocks) assert.equal(b.text, 'scheme: vm-paging\nframes: 3\nrefs: 1 2 z\n', name);
    }
  });
});

describe('mem-sim check: the table\'s blocks with path:LINE:COL', () => {
  for (const name of files) {
    it(`${name}: ${table[name]!.length} block(s) at the table's lines and columns`, () => {
      const out: string[] = [];
      const err: string[] = [];
      const code = main(['check', name], { out: (s) => out.push(s), err: (s) => err.push(s), read: (p) => read(p) });
      assert.deepEqual(err.map((l) => l.split(' ', 1)[0]), expectedErrors(name));
      assert.ok(err.every((l) => l.includes(NOT_A_REFERENCE)));
      assert.equal(code, table[name]!.length ? 1 : 0);
      if (!table[name]!.length) assert.deepEqual(out, [`${name}: 0 memsim blocks, no errors`]);
    });
  }
});

describe('markdown-it plugin: the table\'s blocks, errors at the same lines and columns', () => {
  for (const name of files) {
    it(`${name}: inline errors and onError name the table's positions`, () => {
      const errors: LocatedError[] = [];
      const md = markdownIt({ html: true }).use(memSim, { errors: 'inline', onError: (e) => errors.push(...e) });
      const html = md.render(read(name), { path: name });
      assert.deepEqual(errors.map((e) => `${e.file}:${e.line}:${e.column}`), expectedErrors(name));
      assert.equal(html.match(/<mem-sim[\s>]/g)?.length ?? 0, table[name]!.length);
      for (const [line, column] of table[name]!.map((b) => b.error)) assert.ok(html.includes(`${name}:${line}:${column}</code> ${NOT_A_REFERENCE.replace(/'/g, '&#39;')}`));
    });
  }

  it("errors: 'throw' names the first fixture's position in the MemSimError", () => {
    const md = markdownIt().use(memSim);
    assert.throws(() => md.render(read('nested.md'), { path: 'nested.md' }), { name: 'MemSimError', message: `nested.md:8:18 ${NOT_A_REFERENCE}: expected a page number such as 7, optionally followed by :r or :w (7:w)` });
  });
});

describe('Eleventy plugin: the table\'s blocks, errors at the same lines and columns', () => {
  const temp = mkdtempSync(join(tmpdir(), 'mem-sim-blocks-'));
  after(() => rmSync(temp, { recursive: true, force: true }));

  it('a site of the fixtures warns of exactly the table\'s errors, each at its file line and column', async (t) => {
    const input = join(temp, 'in');
    cpSync(dir, input, { recursive: true, filter: (p) => !p.endsWith('.json') });
    const bundleDir = join(temp, 'bundle');
    mkdirSync(bundleDir);
    writeFileSync(join(bundleDir, 'mem-sim.js'), 'export {};\n');
    const warn = t.mock.method(console, 'warn', () => {});
    const elev = new Eleventy(input, join(temp, 'out'), {
      quietMode: true,
      config(cfg: any) {
        cfg.addPlugin(memSimEleventy, { bundleDir, errors: 'inline' });
      },
    });
    elev.disableLogger();
    await elev.write();
    const seen = warn.mock.calls
      .map((c) => String(c.arguments[0]))
      .filter((m) => m.includes(NOT_A_REFERENCE))
      .map((m) => /([\w-]+\.md:\d+:\d+) /.exec(m)![1]!)
      .sort();
    assert.deepEqual(seen, files.flatMap(expectedErrors).sort());
  });
});
