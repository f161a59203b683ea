import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, describe, it, mock } from 'node:test';
// @ts-expect-error: Eleventy ships no type declarations
import Eleventy from '@11ty/eleventy';
// @ts-expect-error: the syntax-highlight plugin ships no type declarations
import syntaxHighlight from '@11ty/eleventy-plugin-syntaxhighlight';
import memSim, { ELEVENTY_COMPATIBILITY, type EleventyConfigLike, type EleventyMemSimOptions } from '../../plugin/eleventy.js';

const temp = mkdtempSync(join(tmpdir(), 'mem-sim-eleventy-'));
after(() => rmSync(temp, { recursive: true, force: true }));

/** A stand-in for the browser bundle, so these tests do not depend on the bundle build. */
const bundleDir = join(temp, 'bundle');
mkdirSync(join(bundleDir, 'chunks'), { recursive: true });
writeFileSync(join(bundleDir, 'mem-sim.js'), 'export {};\n');
writeFileSync(join(bundleDir, 'chunks', 'vm-paging.js'), 'export {};\n');

const LAYOUT = '<!doctype html>\n<html><head><title>{{ title }}</title></head><body>{{ content | safe }}</body></html>\n';

interface Site {
  /** Virtual templates: input path -> content. */
  templates?: Record<string, string>;
  /** Files written into the input folder before the build. */
  files?: Record<string, string>;
  options?: EleventyMemSimOptions;
  /** Registers plugins around memSim: 'before' and 'after' name where syntax-highlight goes; 'none' leaves it out. */
  highlight?: 'none' | 'before' | 'after';
  /** Leaves the mem-sim plugin out, to compare against plain Eleventy. */
  without?: boolean;
}

let siteCount = 0;

/** Builds a site with Eleventy's programmatic API and returns its folder and a reader for output files. */
async function build(site: Site) {
  const root = join(temp, `site-${++siteCount}`);
  const input = join(root, 'in');
  const output = join(root, 'out');
  mkdirSync(input, { recursive: true });
  for (const [path, content] of Object.entries(site.files ?? {})) {
    mkdirSync(dirname(join(input, path)), { recursive: true });
    writeFileSync(join(input, path), content);
  }
  const elev = new Eleventy(input, output, {
    quietMode: true,
    config(cfg: any) {
      if (site.highlight === 'before') cfg.addPlugin(syntaxHighlight);
      if (!site.without) cfg.addPlugin(memSim, { bundleDir, ...site.options });
      if (site.highlight === 'after') cfg.addPlugin(syntaxHighlight);
      for (const [path, content] of Object.entries(site.templates ?? {})) cfg.addTemplate(path, content);
    },
  });
  elev.disableLogger();
  await elev.write();
  return {
    input,
    output,
    read: (path: string) => readFileSync(join(output, path), 'utf8'),
    has: (path: string) => existsSync(join(output, path)),
  };
}

/** The error chain of a failed build, messages joined, the way Eleventy prints them. */
async function buildError(site: Site): Promise<string> {
  try {
    await build(site);
  } catch (e) {
    const messages: string[] = [];
    for (let x: any = e; x; x = x.originalError ?? x.cause) messages.push(x.message);
    return messages.join('\n');
  }
  assert.fail('expected the build to fail');
}

const fence = (body: string, info = 'memsim') => `\`\`\`${info}\n${body}\n\`\`\`\n`;
/** Front matter that keeps Liquid away from the body, as the README tells sites to do. */
const md = (body: string, frontMatter = 'title: Post') => `---\n${frontMatter}\ntemplateEngineOverride: md\n---\n${body}`;

describe('Eleventy plugin: output', () => {
  it('renders a small block as the exact markup of the contract: <mem-sim>, the escaped scenario, the static fallback', async () => {
    const site = await build({
      templates: { 'post.md': md(`# Paging\n\n${fence('scheme: vm-paging\nframes: 1\nrefs: 1 2')}`) },
      options: { fallbackStyles: false, steps: false },
    });
    assert.equal(
      site.read('post/index.html'),
      '<script type="module" src="/assets/mem-sim/mem-sim.js"></script>' +
        '<h1>Paging</h1>\n' +
        '<mem-sim data-line="7"><pre><code class="language-memsim">scheme: vm-paging\nframes: 1\nrefs: 1 2\n</code></pre>\n' +
        '<div class="mem-sim-fallback">\n' +
        '<div class="mem-sim-run"><div class="mem-sim-scroll" tabindex="0"><table class="mem-sim-table"><caption>FIFO, 1 frame</caption>' +
        '<thead><tr><th scope="col">reference</th><th scope="col">1</th><th scope="col">2</th></tr></thead>' +
        '<tbody><tr><th scope="row">frame 0</th><td class="fault">1</td><td class="fault victim">2</td></tr>' +
        '<tr><th scope="row">fault</th><td class="fault">F</td><td class="fault">F</td></tr>' +
        '</tbody></table></div>\n' +
        '<dl class="mem-sim-metrics"><div><dt>faults</dt><dd>2</dd></div><div><dt>faults after fill</dt><dd>1</dd></div>' +
        '<div><dt>hits</dt><dd>0</dd></div><div><dt>hit ratio</dt><dd>0%</dd></div><div><dt>write-backs</dt><dd>0</dd></div></dl></div>\n' +
        '</div></mem-sim>\n',
    );
  });

  it('leaves every other fence exactly as Eleventy renders it without the plugin', async () => {
    const page = md(['# Code', fence('let a = 1 < 2;', 'js'), fence('plain {text}', 'text'), fence('no language', ''), fence('scheme: vm-paging', 'yaml')].join('\n'));
    const withPlugin = await build({ templates: { 'code.md': page } });
    const without = await build({ templates: { 'code.md': page }, without: true });
    assert.equal(withPlugin.read('code/index.html'), without.read('code/index.html'));
  });

  for (const order of ['before', 'after'] as const) {
    it(`works beside @11ty/eleventy-plugin-syntaxhighlight registered ${order} it: Prism highlights js, memsim blocks are the same as without Prism`, async () => {
      const body = `${fence('let a = 1;', 'js')}\n${fence('scheme: vm-paging\nframes: 2\nrefs: 1 2 1')}`;
      const highlighted = await build({ templates: { 'p.md': md(body) }, highlight: order });
      const plain = await build({ templates: { 'p.md': md(body) } });
      const html = highlighted.read('p/index.html');
      assert.match(html, /<pre class="language-js"[^>]*><code class="language-js"[^>]*><span class="token keyword">let<\/span>/);
      const sim = (s: string) => /<mem-sim[\s\S]*<\/mem-sim>/.exec(s)![0];
      assert.equal(sim(html), sim(plain.read('p/index.html')));
    });
  }

  it('escapes markup in a scenario in the code child and the fallback: a title with <img onerror> stays text', async () => {
    const site = await build({
      templates: { 'x.md': md(fence('scheme: vm-paging\ntitle: "<img src=x onerror=alert(1)>"\nrefs: 1')) },
    });
    const html = site.read('x/index.html');
    assert.doesNotMatch(html, /<img/);
    assert.match(html, /<code class="language-memsim">scheme: vm-paging\ntitle: &quot;&lt;img src=x onerror=alert\(1\)&gt;&quot;/);
    assert.match(html, /<p class="mem-sim-title">&lt;img src=x onerror=alert\(1\)&gt;<\/p>/);
  });

  it('with markdownTemplateEngine off, {{ }} and {% %} in a scenario reach the page unchanged', async () => {
    const site = await build({
      templates: { 'l.md': md(fence('scheme: vm-paging\ntitle: "{{ page.url }} {% raw %}"\nrefs: 1')) },
    });
    assert.match(site.read('l/index.html'), /<p class="mem-sim-title">\{\{ page\.url \}\} \{% raw %\}<\/p>/);
  });
});

describe('Eleventy plugin: the bundle and its script', () => {
  it('adds one module script, in the head, only to pages that hold a simulator', async () => {
    const site = await build({
      templates: {
        '_includes/base.njk': LAYOUT,
        'sim.md': md(`${fence('scheme: vm-paging\nrefs: 1')}\n${fence('scheme: vm-paging\nrefs: 2')}`, 'title: Post\nlayout: base.njk'),
        'plain.md': md('Writing about `<mem-sim>` in prose and code:\n\n```html\n<mem-sim></mem-sim>\n```\n', 'layout: base.njk'),
        'data.njk': '---\npermalink: /data.json\n---\n"<mem-sim>"',
      },
    });
    const sim = site.read('sim/index.html');
    assert.equal(sim.match(/<script /g)!.length, 1);
    assert.match(sim, /<head><title>Post<\/title><script type="module" src="\/assets\/mem-sim\/mem-sim\.js"><\/script><style>[^<]*\.mem-sim-table[^<]*<\/style><\/head>/);
    assert.doesNotMatch(site.read('plain/index.html'), /<script|<style/);
    assert.equal(site.read('data.json'), '"<mem-sim>"');
  });

  it('copies the bundle, chunk folders included, to /assets/mem-sim/ in the output', async () => {
    const site = await build({ templates: { 'a.md': md(fence('scheme: vm-paging\nrefs: 1')) } });
    assert.equal(site.read('assets/mem-sim/mem-sim.js'), 'export {};\n');
    assert.ok(site.has('assets/mem-sim/chunks/vm-paging.js'));
  });

  it('bundlePath moves the copy and the script with it', async () => {
    const site = await build({ templates: { 'a.md': md(fence('scheme: vm-paging\nrefs: 1')) }, options: { bundlePath: '/js/sim' } });
    assert.ok(site.has('js/sim/mem-sim.js'));
    assert.match(site.read('a/index.html'), /<script type="module" src="\/js\/sim\/mem-sim\.js"><\/script>/);
  });

  it('scriptSrc loads the bundle from another URL (a CDN) and copies nothing', async () => {
    const src = 'https://cdn.example.org/mem-sim@0.1.0/dist/mem-sim.js?a=1&b=2';
    const site = await build({ templates: { 'a.md': md(fence('scheme: vm-paging\nrefs: 1')) }, options: { scriptSrc: src } });
    assert.ok(!site.has('assets/mem-sim'));
    assert.match(site.read('a/index.html'), /<script type="module" src="https:\/\/cdn\.example\.org\/mem-sim@0\.1\.0\/dist\/mem-sim\.js\?a=1&amp;b=2"><\/script>/);
  });
});

describe('Eleventy plugin: errors name the file, line and column', () => {
  it('an invalid block fails the build with path:LINE:COL message, LINE counted in the file with its front matter', async () => {
    const post = '---\ntitle: Broken\ntags: [os, paging]\ndate: 2024-01-01\n---\n# Broken\n\n```memsim\nscheme: vm-paging\nframez: 3\nrefs: 1 2\n```\n';
    const message = await buildError({ files: { 'posts/broken.md': post } });
    // The path as Eleventy names the input file (relative to the working folder), then line 10: the
    // fence opens on line 8 of the file, after five lines of front matter and two of markdown.
    assert.match(message, /^\S*site-\d+\/in\/posts\/broken\.md:10:1 unknown key 'framez' for scheme vm-paging: .*did you mean 'frames'\?$/m);
  });

  it('counts lines in the file even when Liquid ran first and removed lines, and adds a list item\'s indentation to the column', async () => {
    const post = '---\ntitle: Liquid\n---\n{% if true %}\nIntro.\n{% endif %}\n\n- A list item:\n\n  ```memsim\n  scheme: vm-paging\n  refs: 1 two\n  ```\n';
    const message = await buildError({ files: { 'liquid.md': post } });
    assert.match(message, /liquid\.md:12:11 'two' is not a reference/);
  });

  it('names lines of a virtual template the same way', async () => {
    const message = await buildError({ templates: { 'v.md': md(`Text.\n\n${fence('scheme: vm-paging\npolicy: LRU, FIFOO\nrefs: 1')}`) } });
    assert.match(message, /v\.md:9:14 unknown policy 'FIFOO'/);
  });

  it("errors: 'inline' renders the error box in the page, builds the rest, and logs each error as a warning", async (t) => {
    const warn = t.mock.method(console, 'warn', () => {});
    const site = await build({
      templates: { 'e.md': md(fence('scheme: vm-paging\nrefs: 1 <b>')), 'ok.md': md(fence('scheme: vm-paging\nrefs: 1')) },
      options: { errors: 'inline' },
    });
    const html = site.read('e/index.html');
    assert.match(html, /<div class="mem-sim-fallback mem-sim-errors">\n<p>This memsim block has an error:<\/p><ul><li><code>[^<]*e\.md:7:9<\/code> &#39;&lt;b&gt;&#39; is not a reference/);
    assert.match(html, /<script type="module"/, 'the element still loads and shows the error itself');
    assert.ok(site.has('ok/index.html'));
    assert.equal(warn.mock.callCount(), 1);
    assert.match(String(warn.mock.calls[0]!.arguments[0]), /^\[mem-sim\] .*e\.md:7:9 '<b>' is not a reference/);
    mock.restoreAll();
  });
});

describe('Eleventy plugin: options and version check', () => {
  /** A configuration object with only what the plugin touches, to check what it registers. */
  function fakeConfig(overrides: Partial<EleventyConfigLike> = {}): EleventyConfigLike & { calls: string[] } {
    const calls: string[] = [];
    return {
      calls,
      versionCheck: () => {},
      amendLibrary: () => void calls.push('amendLibrary'),
      addPassthroughCopy: (copy) => void calls.push(`copy ${JSON.stringify(Object.values(copy))}`),
      addTransform: (name) => void calls.push(`transform ${name}`),
      ...overrides,
    };
  }

  it(`asks Eleventy for ${ELEVENTY_COMPATIBILITY} and explains a mismatch with Eleventy's own message`, () => {
    const ranges: string[] = [];
    memSim(fakeConfig({ versionCheck: (r) => void ranges.push(r) }), { bundleDir });
    assert.deepEqual(ranges, ['>=3.0.0']);
    assert.throws(
      () => memSim(fakeConfig({ versionCheck: () => { throw new Error("We found Eleventy version '2.0.1' which does not meet the required version range: '>=3.0.0'."); } })),
      { message: "mem-sim/eleventy: this plugin needs Eleventy >=3.0.0. We found Eleventy version '2.0.1' which does not meet the required version range: '>=3.0.0'." },
    );
    assert.throws(() => memSim(fakeConfig({ versionCheck: undefined })), /needs Eleventy >=3\.0\.0, and this Eleventy is older than 2\.0.*npm install @11ty\/eleventy@3/);
  });

  it('rejects an unknown option with the nearest name, and a wrong value with what it received', () => {
    assert.throws(() => memSim(fakeConfig(), { scriptSource: 'x' } as any), /unknown option 'scriptSource'; did you mean 'scriptSrc'\?/);
    assert.throws(() => memSim(fakeConfig(), { errors: 'warn' } as any), { message: `mem-sim/eleventy: option errors must be 'throw' or 'inline', got "warn"` });
    assert.throws(() => memSim(fakeConfig(), { bundlePath: 'assets/' }), /bundlePath must be a URL path that starts with '\/'/);
    assert.throws(() => memSim(fakeConfig(), { maxTableSteps: -1 }), /maxTableSteps must be a whole number of steps, got -1/);
    assert.throws(() => memSim(fakeConfig(), { mermaid: 'yes' } as any), /mermaid must be true or false, got "yes"/);
  });

  it('registers the fence rule, the copy and the script transform; scriptSrc skips the copy', () => {
    const copying = fakeConfig();
    memSim(copying, { bundleDir });
    assert.deepEqual(copying.calls, ['amendLibrary', `copy ["assets/mem-sim"]`, 'transform mem-sim']);
    const cdn = fakeConfig();
    memSim(cdn, { scriptSrc: 'https://cdn.example.org/mem-sim.js' });
    assert.deepEqual(cdn.calls, ['amendLibrary', 'transform mem-sim']);
  });
});
