/**
 * The docs site's own tools: the sidebar's shape, and Prism highlighting composed with the memsim
 * fence (whichever plugin is added first, a memsim fence still becomes a simulator and never reaches Prism).
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
// @ts-expect-error: Eleventy ships no type declarations
import Eleventy from '@11ty/eleventy';
// @ts-expect-error: a JavaScript module without types
import syntaxHighlight from '@11ty/eleventy-plugin-syntaxhighlight';
import memSim from '../../plugin/eleventy.js';
// @ts-expect-error: a JavaScript module without types
import { navTree } from '../../site/nav-tree.mjs';

const page = (url: string, tags?: string[]) => ({ url, data: { tags } });

describe('site sidebar', () => {
  it('gathers every page tagged scheme into one Schemes group where the first one falls, the rest in order', () => {
    const tree = navTree([page('/'), page('/start/'), page('/schemes/a/', ['scheme']), page('/schemes/b/', ['scheme']), page('/reference/')]);
    assert.deepEqual(
      tree.map((e: any) => (e.group ? `${e.group}: ${e.items.map((i: any) => i.url).join(' ')}` : e.item.url)),
      ['/', '/start/', 'Schemes: /schemes/a/ /schemes/b/', '/reference/'],
    );
  });

  it('has no Schemes group when no page is a scheme', () => {
    assert.deepEqual(navTree([page('/')]).map((e: any) => e.item.url), ['/']);
  });
});

describe('syntax highlighting beside memsim fences', () => {
  const temp = mkdtempSync(join(tmpdir(), 'mem-sim-highlight-'));
  after(() => rmSync(temp, { recursive: true, force: true }));
  const post = '# Post\n\n```js\nconst frames = 3;\n```\n\n```memsim\nscheme: vm-paging\nframes: 2\nrefs: 1 2 3\n```\n';

  for (const order of ['highlighter first', 'mem-sim first'] as const) {
    it(`highlights other fences and leaves memsim fences to mem-sim (${order})`, async () => {
      const input = join(temp, order.replace(' ', '-'));
      mkdirSync(input, { recursive: true });
      writeFileSync(join(input, 'post.md'), post);
      const output = join(input, '_out');
      const elev = new Eleventy(input, output, {
        quietMode: true,
        config(cfg: any) {
          const plugins = [() => cfg.addPlugin(syntaxHighlight), () => cfg.addPlugin(memSim, { errors: 'throw' })];
          for (const add of order === 'mem-sim first' ? plugins.reverse() : plugins) add();
        },
      });
      elev.disableLogger();
      await elev.write();
      const html = readFileSync(join(output, 'post/index.html'), 'utf8');
      assert.match(html, /<code class="language-js"><span class="token keyword">const<\/span>/, 'the js fence is highlighted');
      assert.match(html, /<mem-sim[^>]*><pre><code class="language-memsim">scheme: vm-paging\nframes: 2\nrefs: 1 2 3\n<\/code><\/pre>/, 'the memsim fence is a simulator with its scenario as text');
      assert.doesNotMatch(html.slice(html.indexOf('<mem-sim')), /class="token/, 'no Prism token inside the simulator');
    });
  }
});
