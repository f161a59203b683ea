/**
 * The drop-in script on a site built by a real Jekyll (Debian's, kramdown + rouge): a course blog
 * under a baseurl, the dist folder copied into assets/, one script tag in the layout.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { parseScenario } from '../../engine/report.js';
import { openJekyllPost, type JekyllPost, type StaticServer } from './support.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const POST = '/blog/2024/03/01/page-replacement.html';

let site: JekyllPost | undefined;
let server: StaticServer;
let page: Page;
let pageErrors: string[] = [];
let failed: string[] = [];

interface Block {
  text: string;
  step: number;
  total: number;
  errors: string[];
  faults: string[];
}

/** What each `<mem-sim>` on the page holds and shows. */
const blocks = (): Promise<Block[]> =>
  page.$$eval('mem-sim', (sims) =>
    sims.map((el) => {
      const sim = el as HTMLElement & { step: number; total: number };
      const root = sim.shadowRoot!;
      return {
        text: sim.querySelector(':scope > pre > code.language-memsim')!.textContent!,
        step: sim.step,
        total: sim.total,
        errors: [...root.querySelectorAll('[part=error-list] li')].map((li) => li.textContent!.trim()),
        faults: [...root.querySelectorAll('[part=metrics] div')]
          .filter((d) => d.querySelector('dt')!.textContent === 'faults')
          .map((d) => d.querySelector('dd')!.textContent!),
      };
    }),
  );

before(async () => {
  site = await openJekyllPost(join(root, 'test/e2e/fixtures/jekyll'), 'blog', POST, 5);
  ({ server, page, pageErrors, failed } = site);
});

after(() => site?.close());

test('every memsim block of the Jekyll post becomes a <mem-sim>: fences, {% highlight %} and {% highlight linenos %}', async () => {
  assert.equal(await page.locator('pre > code.language-memsim').count(), 5);
  const outside = await page.$$eval('code.language-memsim', (codes) => codes.filter((c) => !c.closest('mem-sim')).length);
  assert.equal(outside, 0);
  assert.equal(await page.locator('figure.highlight').count(), 0);
  // The linenos block is read without its line numbers.
  const texts = (await blocks()).map((b) => b.text);
  assert.match(texts[4]!, /^scheme: vm-paging\nframes: 3\npolicy: LRU\n/);
  // Other languages keep Jekyll's highlighting.
  assert.equal(await page.locator('div.language-yaml.highlighter-rouge').count(), 1);
});

test('End reaches the last step in every working block, with the fault counts the textbooks give', async () => {
  const sims = page.locator('mem-sim');
  for (const i of [0, 1, 3, 4]) {
    await sims.nth(i).locator('input[type=range]').focus();
    await page.keyboard.press('End');
  }
  const shown = await blocks();
  for (const i of [0, 1, 3, 4]) assert.equal(shown[i]!.step, shown[i]!.total, `block ${i + 1} is at its last step`);
  // Silberschatz FIFO 15; Belady FIFO 9 with 3 frames and 10 with 4; Stallings CLOCK 8; Silberschatz LRU 12.
  assert.deepEqual(
    [0, 1, 3, 4].map((i) => shown[i]!.faults),
    [['15'], ['9', '10'], ['8'], ['12']],
  );
  assert.equal(await sims.nth(0).locator('[part=position]').textContent(), 'Step 20 of 20');
});

test('the broken block shows each error at its line and column, as the engine reports it in Node, beside its text', async () => {
  const broken = (await blocks())[2]!;
  const parsed = parseScenario(broken.text);
  assert.equal(parsed.ok, false);
  const expected = parsed.ok ? [] : parsed.errors.map((e) => `${e.line}:${e.column} ${e.message}`);
  assert.deepEqual(broken.errors, expected);
  assert.match(broken.errors[0]!, /^3:15 unknown policy 'LFUU'/);
  assert.match(broken.errors[1]!, /^4:11 'x' is not a reference/);
  const source = await page.locator('mem-sim').nth(2).locator('[part=source]').textContent();
  assert.match(source!, /policy: FIFO, LFUU/);
});

test('the page loads the bundle from assets/ under the baseurl, without failures, errors or Mermaid', () => {
  assert.ok(server.requests.includes('/blog/assets/mem-sim/mem-sim.js'));
  assert.ok(server.requests.some((p) => /^\/blog\/assets\/mem-sim\/chunks\/vm-paging-[\w-]+\.js$/.test(p)));
  assert.deepEqual(failed, []);
  assert.deepEqual(pageErrors, []);
  assert.deepEqual(server.requests.filter((p) => p.includes('/mermaid/')), []);
});

test('the Diagram control loads Mermaid from the mermaid/ folder beside the bundle and draws the step', async () => {
  const sim = page.locator('mem-sim').first();
  await sim.getByRole('button', { name: 'Diagram' }).click();
  await sim.locator('mem-sim-diagram svg g.node').first().waitFor();
  assert.ok(server.requests.includes('/blog/assets/mem-sim/mermaid/mermaid.esm.min.mjs'));
  assert.match((await sim.locator('mem-sim-diagram svg').textContent())!, /frame 0: page 7/);
  assert.deepEqual(failed, []);
  assert.deepEqual(pageErrors, []);
});
