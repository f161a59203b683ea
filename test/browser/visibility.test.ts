/**
 * Many blocks on one page (issue 13): a block far out of view waits to be simulated until the
 * reader comes near, showing its scenario text meanwhile; a script that awaits `ready` gets it at once.
 */
import { expect, fixture, html } from '@open-wc/testing';
import type { MemSim } from '../../components/mem-sim.js';
import { FALLBACK_CSS, renderTable } from '../../plugin/fallback.js';
import { eventually, fifo } from './helpers.js';

const frames = () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done))));
const drawn = (el: MemSim) => !!el.shadowRoot?.querySelector('[part=controls]');

/** A block in view, then one ten viewports below it (its `ready` is never read before the end). */
async function page(): Promise<[MemSim, MemSim]> {
  const root = await fixture<HTMLElement>(html`<div>
    <mem-sim><pre><code class="language-memsim">${fifo(3)}</code></pre></mem-sim>
    <div style="height: 1000vh"></div>
    <mem-sim><pre><code class="language-memsim">${fifo(4)}</code></pre></mem-sim>
  </div>`);
  return [...root.querySelectorAll('mem-sim')] as [MemSim, MemSim];
}

describe('blocks far out of view', () => {
  afterEach(() => scrollTo(0, 0));

  it('a block far below the fold shows its scenario text, not a simulator, until the reader scrolls near it', async () => {
    const [near, far] = await page();
    await eventually(() => drawn(near), 'the block in view is drawn');
    await frames();
    expect(drawn(far), 'the far block is not simulated while out of view').to.equal(false);
    expect(far.total).to.equal(0);
    expect(far.shadowRoot, 'no shadow root yet: its children show as the page laid them out').to.equal(null);
    expect(far.querySelector('pre')!.checkVisibility(), 'its scenario text shows').to.equal(true);
    far.scrollIntoView();
    await eventually(() => drawn(far), 'the far block is drawn once scrolled into view');
    expect(far.total).to.equal(20);
  });

  it('a block just below the fold (within a viewport height) is drawn without the reader scrolling, once the page is idle', async () => {
    const root = await fixture<HTMLElement>(html`<div>
      <mem-sim><pre><code class="language-memsim">${fifo(3)}</code></pre></mem-sim>
      <div style="height: 110vh"></div>
      <mem-sim><pre><code class="language-memsim">${fifo(4)}</code></pre></mem-sim>
    </div>`);
    const [, below] = [...root.querySelectorAll('mem-sim')] as [MemSim, MemSim];
    expect(below.getBoundingClientRect().top, 'below the fold').to.be.greaterThan(innerHeight);
    await eventually(() => drawn(below), 'the block below the fold is drawn');
    expect(scrollY).to.equal(0);
  });

  it('awaiting ready loads a block wherever it is', async () => {
    const [, far] = await page();
    await far.ready;
    expect(drawn(far)).to.equal(true);
    expect(far.getBoundingClientRect().top).to.be.greaterThan(innerHeight);
  });
});

describe("the plugin's fallback stylesheet", () => {
  /** A page of the plugin's output before the drop-in script defines `<mem-sim>`: a frame with its own, empty registry. */
  async function undefinedPage(): Promise<Document> {
    const frame = document.createElement('iframe');
    frame.style.cssText = 'width: 800px; height: 600px';
    const fallback = (id: string) =>
      `<mem-sim id="${id}"><div class="mem-sim-fallback"><table class="mem-sim-table"><tr><td>7</td><td>0</td></tr></table></div></mem-sim>`;
    frame.srcdoc = `<!doctype html><style>${FALLBACK_CSS}</style>${fallback('near')}<div style="height: 1000vh"></div>${fallback('far')}<mem-sim id="hidden" hidden></mem-sim>`;
    const loaded = new Promise((done) => frame.addEventListener('load', done, { once: true }));
    document.body.append(frame);
    await loaded;
    return frame.contentDocument!;
  }

  it('lets the browser skip the layout of a fallback far out of view until its simulator has loaded', async () => {
    const doc = await undefinedPage();
    await new Promise((done) => doc.defaultView!.requestAnimationFrame(() => setTimeout(done)));
    const cell = (id: string) => doc.querySelector(`#${id} td`)!;
    expect(doc.defaultView!.getComputedStyle(doc.getElementById('far')!).contentVisibility).to.equal('auto');
    expect(cell('near').checkVisibility({ contentVisibilityAuto: true }), 'the fallback in view is laid out').to.equal(true);
    expect(cell('far').checkVisibility({ contentVisibilityAuto: true }), 'the fallback far below is skipped').to.equal(false);
    expect(doc.getElementById('hidden')!.checkVisibility(), 'a hidden simulator stays hidden').to.equal(false);
    doc.defaultView!.frameElement!.remove();
  });

  it('stacks the working set a page a line, as the view does, so its column stays as narrow as a frame\'s', async () => {
    const doc = await undefinedPage();
    const table = renderTable({
      caption: 'WS',
      head: [{ text: 'reference' }, { text: '4' }],
      rows: [[{ text: 'frame 0' }, { text: '4' }], [{ text: 'working set (window 3)' }, { text: '1\n3\n4', classes: ['set'] }]],
    });
    doc.getElementById('near')!.insertAdjacentHTML('beforeend', table);
    const [page, set] = [...doc.querySelectorAll('#near .mem-sim-table td')].slice(-2) as HTMLElement[];
    expect(set!.getBoundingClientRect().height, 'three lines').to.be.greaterThan(2.5 * page!.getBoundingClientRect().height);
    expect(Math.round(set!.getBoundingClientRect().width)).to.equal(Math.round(page!.getBoundingClientRect().width));
    doc.defaultView!.frameElement!.remove();
  });
});
