/**
 * The docs site, built by scripts/build-site.mjs with the project's own Eleventy plugin, opened in
 * Chromium: every simulator upgrades and steps, the static fallback gives way to it, a reader without
 * JavaScript still gets each scenario and its result table, and markup in a scenario never runs.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
// @ts-expect-error: Eleventy ships no type declarations
import Eleventy from '@11ty/eleventy';
import type { Browser, Page } from 'playwright-core';
import memSim from '../../plugin/eleventy.js';
import { launchChromium, serve, textWhenShown, within, type StaticServer } from './support.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const temp = mkdtempSync(join(tmpdir(), 'mem-sim-site-'));
const out = join(temp, 'site');

/** Every built page that holds a simulator, as a URL path, with its simulator count. */
function pagesWithSimulators(dir: string): { path: string; count: number }[] {
  const found: { path: string; count: number }[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (name === 'index.html') {
        const count = (readFileSync(p, 'utf8').match(/<mem-sim[\s>]/g) ?? []).length;
        if (count) found.push({ path: `/${relative(dir, d)}${d === dir ? '' : '/'}`, count });
      }
    }
  };
  walk(dir);
  return found.sort((a, b) => a.path.localeCompare(b.path));
}

/** Every built page, as a URL path. */
function allPages(dir: string): string[] {
  const found: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (name === 'index.html') found.push(`/${relative(dir, d)}${d === dir ? '' : '/'}`);
    }
  };
  walk(dir);
  return found.sort();
}

let server: StaticServer;
let browser: Browser;
let pages: { path: string; count: number }[];

before(async () => {
  const r = spawnSync(process.execPath, [join(root, 'scripts/build-site.mjs'), '--output', out, '--quiet'], { cwd: root, encoding: 'utf8' });
  assert.equal(r.status, 0, `the site build failed:\n${r.stdout}\n${r.stderr}`);
  pages = pagesWithSimulators(out);
  server = await serve(out);
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await server?.close();
  rmSync(temp, { recursive: true, force: true });
});

/** Opens a page and collects its script errors. */
async function open(page: Page, url: string): Promise<string[]> {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(url);
  return errors;
}

describe('docs site in Chromium', () => {
  it('has the pages the docs promise, with simulators on home and virtual-memory paging', () => {
    const paths = pages.map((p) => p.path);
    assert.ok(paths.includes('/'), 'home has a live example');
    assert.ok(paths.includes('/schemes/vm-paging/'));
    // Silberschatz under FIFO, LRU, OPT and CLOCK, Stallings, Belady and the write-back example
    assert.ok(pages.find((p) => p.path === '/schemes/vm-paging/')!.count >= 7);
    for (const page of ['getting-started', 'reference', 'element', 'cli']) {
      assert.ok(readFileSync(join(out, page, 'index.html'), 'utf8').includes('<h1>'), `${page} is built`);
    }
  });

  it('every simulator upgrades, steps forward on Forward, and hides the static fallback once rendered', async () => {
    const context = await browser.newContext();
    for (const { path, count } of pages) {
      const page = await context.newPage();
      const errors = await open(page, server.url + path);
      await page.waitForFunction(() => customElements.get('mem-sim') !== undefined);
      const sims = page.locator('mem-sim');
      assert.equal(await sims.count(), count, `${path}: every block became a <mem-sim>`);
      for (let i = 0; i < count; i++) {
        const sim = sims.nth(i);
        await within(sim.evaluate((el: any) => el.ready), `${path} #${i}: the simulator became ready`);
        assert.equal(await sim.locator('[part~="simulator"]').count(), 1, `${path} #${i}: rendered a simulator, not an error`);
        assert.equal(await sim.locator('.mem-sim-fallback').isHidden(), true, `${path} #${i}: fallback hidden`);
        assert.equal(await sim.locator('pre > code.language-memsim').isHidden(), true, `${path} #${i}: scenario text hidden`);
        // The listener is in place before the click (awaited), so the step event cannot come first and be missed.
        await sim.evaluate((el: any) => {
          el.firstStep = new Promise<number>((resolve) => el.addEventListener('memsim-step', (e: Event) => resolve((e as CustomEvent).detail.step), { once: true }));
        });
        await sim.getByRole('button', { name: 'Forward', exact: true }).click();
        assert.equal(await within(sim.evaluate((el: any) => el.firstStep), `${path} #${i}: a memsim-step event after Forward`), 1, `${path} #${i}: Forward took the first step`);
        assert.equal(await sim.evaluate((el: any) => el.step), 1);
      }
      assert.deepEqual(errors, [], `${path}: no script errors`);
      await page.close();
    }
    await context.close();
  });

  it('without JavaScript, a built page still shows each scenario and its result table', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    for (const { path, count } of pages) {
      const page = await context.newPage();
      await page.goto(server.url + path);
      const sims = page.locator('mem-sim');
      assert.equal(await sims.count(), count);
      for (let i = 0; i < count; i++) {
        const sim = sims.nth(i);
        const code = sim.locator('pre > code.language-memsim');
        assert.ok(await code.isVisible(), `${path} #${i}: scenario text visible`);
        assert.match(await textWhenShown(code), /^scheme: [a-z-]+$/m);
        const tables = sim.locator('.mem-sim-fallback table');
        assert.ok((await tables.count()) >= 1);
        for (let t = 0; t < (await tables.count()); t++) assert.ok(await tables.nth(t).isVisible(), `${path} #${i}: table ${t} visible`);
        // every scheme's metrics, whatever they are called: a name and a value each, in the engine's
        // words (a count, a percentage or a size: 1,500, 25%, 16M)
        const metrics = sim.locator('.mem-sim-fallback .mem-sim-metrics');
        assert.ok(await metrics.first().isVisible(), `${path} #${i}: metrics visible`);
        assert.match(await metrics.first().locator('dd').first().innerText(), /^[\d,.]+(%|[KMGTP]|B)?$/);
      }
      await page.close();
    }
    // The home page's example is Silberschatz's string: FIFO 15, LRU 12 and OPT 9 faults, readable as text.
    const page = await context.newPage();
    await page.goto(server.url + '/');
    const faults = await page.locator('.mem-sim-metrics dt:text-is("faults") + dd').allInnerTexts();
    assert.deepEqual(faults, ['15', '12', '9']);
    await context.close();
  });
});

describe('docs site accessibility', () => {
  it('every page, static fallbacks included, passes axe (WCAG 2 A and AA) in light and dark, and fits 320 px without sideways scrolling', async () => {
    const axe = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
    const all = allPages(out);
    assert.ok(all.length >= 6);
    for (const colorScheme of ['light', 'dark'] as const) {
      const context = await browser.newContext({ colorScheme, viewport: { width: 320, height: 800 } });
      // Without the bundle the elements never upgrade, so the audit sees what a reader without
      // JavaScript sees: the site's own markup and the plugin's fallback. The element has its own audit.
      await context.route('**/assets/mem-sim/**', (route) => route.abort());
      for (const path of all) {
        const page = await context.newPage();
        await page.goto(server.url + path);
        await page.addScriptTag({ path: axe });
        const violations = (await page.evaluate(
          `axe.run(document, { runOnly: ['wcag2a', 'wcag2aa'] }).then((r) => r.violations.map((v) => v.id + ': ' + v.nodes.map((n) => n.target.join(' ')).join(', ')))`,
        )) as string[];
        assert.deepEqual(violations, [], `${path} (${colorScheme})`);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        assert.equal(overflow, 0, `${path} (${colorScheme}) scrolls sideways at 320 px`);
        await page.close();
      }
      await context.close();
    }
  });
});

describe('XSS: markup in a scenario never runs', () => {
  const ATTACK = `<img src=x onerror="window.__xss=1"><script>window.__xss=2</script>`;
  let xss: StaticServer;

  before(async () => {
    const input = join(temp, 'xss-in');
    mkdirSync(input, { recursive: true });
    const elev = new Eleventy(input, join(temp, 'xss-out'), {
      quietMode: true,
      config(cfg: any) {
        cfg.addPlugin(memSim, { errors: 'inline', mermaid: true });
        const title = JSON.stringify(ATTACK);
        cfg.addTemplate(
          'post.md',
          `---\ntemplateEngineOverride: md\n---\n# Post\n\n` +
            `\`\`\`memsim\nscheme: vm-paging\ntitle: ${title}\nframes: 2\nrefs: 1 2 3 # ${ATTACK}\n\`\`\`\n\n` +
            `\`\`\`memsim\nscheme: vm-paging\ntitle: ${title}\nrefs: 1 ${ATTACK}\n\`\`\`\n`,
        );
      },
    });
    elev.disableLogger();
    const warn = console.warn;
    console.warn = () => {}; // the invalid block's warning, expected
    try {
      await elev.write();
    } finally {
      console.warn = warn;
    }
    xss = await serve(join(temp, 'xss-out'));
  });
  after(() => xss?.close());

  /**
   * Whether the attack ran, or left an <img src=x> or inline script anywhere, shadow roots included.
   * A string, because tsx would wrap a named inner function in a helper the page does not have.
   */
  const attacked = (page: Page) =>
    page.evaluate(`(() => {
      const count = (r) => r.querySelectorAll('img[src="x"], script:not([src])').length +
        [...r.querySelectorAll('*')].reduce((n, el) => n + (el.shadowRoot ? count(el.shadowRoot) : 0), 0);
      return { ran: window.__xss ?? null, elements: count(document) };
    })()`);

  it('not in the static fallback (JavaScript off: the markup is text)', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${xss.url}/post/`);
    assert.equal(await page.locator('img').count(), 0);
    assert.equal(await page.locator('script:not([src])').count(), 0);
    assert.equal(await page.locator('.mem-sim-title').first().innerText(), ATTACK);
    assert.match(await page.locator('.mem-sim-errors').innerText(), /is not a reference/);
    await context.close();
  });

  it('not in the built page once the simulators render (JavaScript on)', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const errors = await open(page, `${xss.url}/post/`);
    await page.waitForFunction(() => customElements.get('mem-sim') !== undefined);
    for (const sim of await page.locator('mem-sim').all()) await within(sim.evaluate((el: any) => el.ready), 'every simulator became ready');
    assert.match(await page.locator('mem-sim').first().locator('[part~="title"]').innerText(), /<img src=x onerror=/);
    const first = page.locator('mem-sim').first();
    // Wait for the step to be drawn (its event, then every view's update; the listener is set before the click).
    await first.evaluate((el: any) => {
      el.firstStep = new Promise((resolve) => el.addEventListener('memsim-step', resolve, { once: true }));
    });
    await first.getByRole('button', { name: 'Forward', exact: true }).click();
    await within(first.evaluate((el: any) => el.firstStep.then(() => el.ready)), 'the step after Forward, drawn');
    assert.deepEqual(await attacked(page), { ran: null, elements: 0 });
    assert.deepEqual(errors, []);
    await context.close();
  });
});
