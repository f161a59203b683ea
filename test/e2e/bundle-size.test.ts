/**
 * The drop-in's budget, measured as bench/bundle-size.ts measures it: the scripts a page with one
 * block of a scheme fetches before its simulator first renders, gzipped, at most 45 KB, for every
 * scheme built so far.
 */
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { BUDGET_BYTES, measureBundleSizes, SCENARIOS, type BundleSize } from '../../bench/bundle-size.js';
import { BUILT_SCHEMES } from '../../engine/schemes/registry.js';
import { builtBundle } from './support.js';

let sizes: Record<string, BundleSize>;

before(async () => {
  builtBundle();
  sizes = await measureBundleSizes();
});

/** The files a page fetched, without their content hashes. */
const files = (m: BundleSize) => m.scripts.map((s) => s.path.replace(/-[\w-]{8}\.js$/, '.js'));

test('every scheme in the registry has a page in the measurement', () => {
  assert.deepEqual(Object.keys(sizes).sort(), [...BUILT_SCHEMES].sort());
  assert.deepEqual(Object.keys(SCENARIOS).sort(), Object.keys(sizes).sort());
});

for (const scheme of BUILT_SCHEMES) {
  test(`a page with one ${scheme} block loads at most 45 KB of gzipped script before its simulator renders`, () => {
    const m = sizes[scheme]!;
    assert.deepEqual(m.missing, []);
    assert.ok(m.total.gzip <= BUDGET_BYTES, `${scheme}: ${m.total.gzip} bytes gzipped is over the ${BUDGET_BYTES}-byte budget`);
  });
}

test('a page loads only its own scheme: other schemes, the error box, the table and Mermaid wait until needed', () => {
  assert.deepEqual(files(sizes['vm-paging']!), ['mem-sim.js', 'chunks/core.js', 'chunks/vm-paging.js', 'chunks/table.js']);
  // The contiguous schemes share one chunk (the contiguous engine, the memory bar and the lists).
  for (const scheme of ['dynamic', 'fixed', 'buddy']) {
    assert.deepEqual(files(sizes[scheme]!).sort(), ['chunks/contiguous.js', 'chunks/core.js', `chunks/${scheme}.js`, 'mem-sim.js'].sort(), scheme);
  }
});

test("what loads on a reader's request imports no scheme's chunk it does not draw: the editor, the key and the contiguous presentation half", async () => {
  const { readdirSync, readFileSync } = await import('node:fs');
  const dir = new URL('../../dist/chunks/', import.meta.url);
  const chunks = readdirSync(dir);
  const schemeChunk = new RegExp(`^(?:${BUILT_SCHEMES.join('|')})-[\\w-]{8}\\.js$`);
  const importsOf = (file: string) => [...readFileSync(new URL(file, dir), 'utf8').matchAll(/from\s*"\.\/([^"]+)"/g)].map((m) => m[1]!);
  for (const prefix of ['scenario-editor', 'legend', 'contiguous-presentation', 'diagram-panel', 'error-box']) {
    const file = chunks.find((f) => new RegExp(`^${prefix}-[\\w-]{8}\\.js$`).test(f));
    assert.ok(file, `no ${prefix} chunk`);
    // Everything it imports, directly or not.
    const seen = new Set<string>();
    const queue = [file];
    while (queue.length) for (const f of importsOf(queue.pop()!)) if (!seen.has(f)) seen.add(f), queue.push(f);
    assert.deepEqual([...seen].filter((f) => schemeChunk.test(f)), [], prefix);
  }
});
