/**
 * The drop-in's budget, measured as bench/bundle-size.ts measures it: the scripts a page with one
 * vm-paging block fetches before its simulator first renders, gzipped, at most 45 KB.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { BUDGET_BYTES, measureBundleSize } from '../../bench/bundle-size.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

test('a page with one vm-paging block loads at most 45 KB of gzipped script before its simulator renders', async () => {
  if (!existsSync(join(root, 'dist/mem-sim.js'))) {
    assert.equal(spawnSync(process.execPath, ['scripts/build-bundle.mjs'], { cwd: root, stdio: 'inherit' }).status, 0);
  }
  const m = await measureBundleSize();
  assert.deepEqual(m.missing, []);
  const files = m.scripts.map((s) => s.path.replace(/-[\w-]{8}\.js$/, '.js'));
  // Only vm-paging's own chunks load: the other schemes' code and Mermaid wait until a page needs them.
  assert.deepEqual(files, ['mem-sim.js', 'chunks/core.js', 'chunks/vm-paging.js', 'chunks/vm-paging-view.js']);
  assert.ok(m.total.gzip <= BUDGET_BYTES, `${m.total.gzip} bytes gzipped is over the ${BUDGET_BYTES}-byte budget`);
});
