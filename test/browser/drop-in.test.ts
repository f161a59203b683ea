import { expect, fixture, html } from '@open-wc/testing';
import { eventually } from './helpers.js';
import '../../components/mem-sim.js';
import type { MemSim } from '../../components/mem-sim.js';
import { upgradeBlocks, upgradeDocument } from '../../components/upgrade.js';
import markdownIt from 'markdown-it';
import { frontMatterLines } from '../../plugin/blocks.js';

const SCENARIO = 'scheme: vm-paging\nframes: 3\nrefs: 7 0 1 2 0 3\n';

/** What the drop-in made of a page: each element's scenario text, once it has rendered. */
async function simulators(root: ParentNode): Promise<string[]> {
  const sims = [...root.querySelectorAll<MemSim>('mem-sim')];
  await Promise.all(sims.map((s) => s.ready));
  return sims.map((s) => {
    expect(s.total, 'a simulator that runs').to.be.greaterThan(0);
    return s.querySelector(':scope > pre > code.language-memsim')!.textContent!;
  });
}

describe('the drop-in upgrader', () => {
  it('replaces pre > code.language-memsim (markdown-it; Jekyll for an unknown language) with <mem-sim>', async () => {
    const page = await fixture<HTMLElement>(html`<article><p>Before</p><pre><code class="language-memsim">${SCENARIO}</code></pre><p>After</p></article>`);
    expect(upgradeBlocks(page).length).to.equal(1);
    expect([...page.children].map((c) => c.localName)).to.deep.equal(['p', 'mem-sim', 'p']);
    expect(await simulators(page)).to.deep.equal([SCENARIO]);
  });

  it("replaces Jekyll's {% highlight memsim %} figure as a whole", async () => {
    const page = await fixture<HTMLElement>(
      html`<article><figure class="highlight"><pre><code class="language-memsim" data-lang="memsim">${SCENARIO}</code></pre></figure></article>`,
    );
    upgradeBlocks(page);
    expect([...page.children].map((c) => c.localName)).to.deep.equal(['mem-sim']);
    expect(await simulators(page)).to.deep.equal([SCENARIO]);
  });

  it('reads only the code of a {% highlight memsim linenos %} table, not its line numbers', async () => {
    const page = await fixture<HTMLElement>(html`<article>
      <figure class="highlight"><pre><code class="language-memsim" data-lang="memsim"><table class="rouge-table"><tbody><tr><td class="gutter gl"><pre class="lineno">1
2
3
</pre></td><td class="code"><pre>${SCENARIO}</pre></td></tr></tbody></table></code></pre></figure>
    </article>`);
    upgradeBlocks(page);
    expect(await simulators(page)).to.deep.equal([SCENARIO]);
  });

  it('replaces div.language-memsim.highlighter-rouge (rouge with a memsim lexer), reading the text under its spans', async () => {
    const page = await fixture<HTMLElement>(html`<article>
      <div class="language-memsim highlighter-rouge"><div class="highlight"><pre class="highlight"><code><span class="na">scheme</span><span class="pi">:</span> <span class="s">vm-paging</span>
<span class="na">frames</span><span class="pi">:</span> <span class="m">3</span>
<span class="na">refs</span><span class="pi">:</span> <span class="s">7 0 1 2 0 3</span>
</code></pre></div></div>
    </article>`);
    upgradeBlocks(page);
    expect(page.querySelector('.highlighter-rouge')).to.equal(null);
    expect(await simulators(page)).to.deep.equal([SCENARIO]);
  });

  it('leaves alone blocks already inside a <mem-sim>, inline code, and other languages', async () => {
    const page = await fixture<HTMLElement>(html`<article>
      <mem-sim><pre><code class="language-memsim">${SCENARIO}</code></pre><div class="mem-sim-fallback"><pre><code class="language-memsim">${SCENARIO}</code></pre></div></mem-sim>
      <p>Inline <code class="language-memsim">refs: 1</code> code.</p>
      <pre><code class="language-yaml">scheme: vm-paging</code></pre>
    </article>`);
    expect(upgradeBlocks(page)).to.deep.equal([]);
    expect(page.querySelectorAll('mem-sim').length).to.equal(1);
    expect(page.querySelector('p > code.language-memsim')).to.not.equal(null);
    expect(page.querySelector('pre > code.language-yaml')).to.not.equal(null);
  });

  it('upgrades every block of a page, each with its own text', async () => {
    const other = SCENARIO.replace('3\n', '4\n');
    const page = await fixture<HTMLElement>(html`<article>
      <pre><code class="language-memsim">${SCENARIO}</code></pre>
      <figure class="highlight"><pre><code class="language-memsim">${other}</code></pre></figure>
    </article>`);
    upgradeBlocks(page);
    expect(await simulators(page)).to.deep.equal([SCENARIO, other]);
  });

  it('upgrades blocks added to the document later, also inside added containers', async () => {
    const observer = upgradeDocument();
    try {
      const page = await fixture<HTMLElement>(html`<article></article>`);
      const pre = document.createElement('pre');
      pre.append(Object.assign(document.createElement('code'), { className: 'language-memsim', textContent: SCENARIO }));
      page.append(pre);
      const section = document.createElement('section');
      section.append(Object.assign(document.createElement('figure'), { className: 'highlight' }));
      section.firstElementChild!.append(pre.cloneNode(true));
      page.append(section);
      await eventually(() => page.querySelectorAll('mem-sim').length === 2, 'later blocks were not upgraded');
      expect(page.querySelector('figure')).to.equal(null);
      expect(await simulators(page)).to.deep.equal([SCENARIO, SCENARIO]);
    } finally {
      observer.disconnect();
    }
  });

  it('the drop-in script upgrades the blocks on the page when it loads, and those added after', async () => {
    const page = await fixture<HTMLElement>(html`<article><pre><code class="language-memsim">${SCENARIO}</code></pre></article>`);
    await import('../../components/drop-in.js');
    expect(page.querySelectorAll('mem-sim').length).to.equal(1);
    const later = document.createElement('div');
    later.className = 'language-memsim highlighter-rouge';
    later.append(document.createElement('pre'));
    later.firstElementChild!.append(Object.assign(document.createElement('code'), { textContent: SCENARIO }));
    page.append(later);
    await eventually(() => page.querySelectorAll('mem-sim').length === 2, 'the later block was not upgraded');
    expect(await simulators(page)).to.deep.equal([SCENARIO, SCENARIO]);
  });

  it('matches the class language-memsim in any ASCII letter case, in each shape of the markup contract', () => {
    // Detached: the drop-in script loaded by the test above would otherwise upgrade the blocks first.
    const page = document.createElement('article');
    page.innerHTML = `
      <pre><code class="language-MEMSIM">${SCENARIO}</code></pre>
      <figure class="highlight"><pre><code class="language-MemSim" data-lang="MemSim">${SCENARIO}</code></pre></figure>
      <div class="language-mEmSiM highlighter-rouge"><div class="highlight"><pre class="highlight"><code>${SCENARIO}</code></pre></div></div>
      <pre><code class="language-memsimulator">${SCENARIO}</code></pre>
      <pre><code class="xlanguage-memsim">${SCENARIO}</code></pre>`;
    expect(upgradeBlocks(page).length).to.equal(3);
    expect([...page.children].map((c) => c.localName)).to.deep.equal(['mem-sim', 'mem-sim', 'mem-sim', 'pre', 'pre']);
    const texts = [...page.querySelectorAll('mem-sim > pre > code.language-memsim')].map((c) => c.textContent);
    expect(texts).to.deep.equal([SCENARIO, SCENARIO, SCENARIO]);
  });

  it("upgrades exactly the blocks the CLI and the plugins find in the shared fixtures' markdown-it HTML", async () => {
    const dir = '/test/fixtures/blocks/';
    const { '//': _, ...table } = (await (await fetch(`${dir}expected.json`)).json()) as Record<string, unknown[]>;
    const md = markdownIt({ html: true });
    const classes = new Set<string>();
    let total = 0;
    for (const [name, blocks] of Object.entries(table)) {
      // As a host hands markdown over: without a byte-order mark, line breaks made LF, front matter cut.
      const file = (await (await fetch(dir + name)).text()).replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
      const body = file.split('\n').slice(frontMatterLines(file)).join('\n');
      const page = document.createElement('article');
      page.innerHTML = md.render(body);
      for (const code of page.querySelectorAll('pre > code')) classes.add(code.className);
      const upgraded = upgradeBlocks(page);
      expect(upgraded.length, name).to.equal(blocks.length);
      for (const sim of upgraded) expect(sim.querySelector('code.language-memsim')!.textContent).to.equal('scheme: vm-paging\nframes: 3\nrefs: 1 2 z\n');
      total += upgraded.length;
    }
    expect(total).to.equal(18);
    expect([...classes]).to.include.members(['language-MEMSIM', 'language-MemSim', 'language-memsim', 'language-markdown']);
  });
});
