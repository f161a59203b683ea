import { expect, fixture, html } from '@open-wc/testing';
import type { MemSim } from '../../components/mem-sim.js';
import { stallingsDynamic } from '../textbook-scenarios.js';
import { control, eventually, fifo, parts, settled, views, inView } from './helpers.js';

/** Belady's anomaly: 3 and 4 frames side by side, the comparison a reader needs every column of. */
const BELADY = 'scheme: vm-paging\nframes: 3, 4\npolicy: FIFO\nrefs: 1 2 3 4 1 2 5 1 2 3 4 5\n';

const WIDTHS = [320, 375, 800, 1000, 1280];

/** A simulator in a column `width` px wide, at `step`, its tables fitted to the column. */
async function inColumn(text: string, width: number, step = 0): Promise<MemSim> {
  const box = await fixture<HTMLDivElement>(
    html`<div style=${`width: ${width}px`}><mem-sim><pre><code class="language-memsim">${text}</code></pre></mem-sim></div>`,
  );
  const el = box.querySelector('mem-sim')!;
  await el.ready;
  el.step = step;
  await fitted(el);
  return el;
}

/** Waits until every frame table has sized its window to its box (two frames: measure, redraw). */
async function fitted(el: MemSim): Promise<void> {
  for (let i = 0; i < 3; i++) {
    await settled(el);
    await new Promise((r) => requestAnimationFrame(r));
  }
  await settled(el);
}

const shadow = (el: MemSim, i = 0) => views(el)[i]!.shadowRoot!;
const scroller = (el: MemSim, i = 0) => shadow(el, i).querySelector<HTMLElement>('[part=frame-table]')!;
const heads = (el: MemSim, i = 0) => [...shadow(el, i).querySelectorAll<HTMLElement>('thead th')];

/** The reference columns of run `i`'s window that are not wholly in view beside the row labels. */
function hidden(el: MemSim, i = 0): string[] {
  const box = scroller(el, i).getBoundingClientRect();
  const [label, ...columns] = heads(el, i).map((h) => h.getBoundingClientRect());
  const from = Math.max(box.left, label!.right);
  return columns.flatMap((c, k) => (c.left >= from - 0.5 && c.right <= box.right + 0.5 ? [] : [`column ${k + 1}`]));
}

/** Whether a reader is told the table scrolls: the shadow at the clipped edge and the hint line. */
function cued(el: MemSim, i = 0): boolean {
  const frame = scroller(el, i).parentElement!;
  const shade = frame.hasAttribute('data-after') || frame.hasAttribute('data-before');
  return shade && shadow(el, i).querySelector('[part=scroll-hint]') !== null;
}

describe('frame tables fit their column', () => {
  for (const width of WIDTHS) {
    it(`at ${width} px every reference of the window is in view, or the table says it scrolls; at least 8 columns`, async () => {
      for (const step of [0, 10, 20]) {
        const el = await inColumn(fifo(), width, step);
        const columns = heads(el).length - 1;
        expect(columns, `columns at step ${step}`).to.be.at.least(8);
        const box = scroller(el);
        const scrolls = box.scrollWidth > box.clientWidth + 1;
        if (width >= 375) expect(scrolls, `the table scrolls at ${width} px, step ${step}`).to.equal(false);
        if (scrolls) expect(cued(el), `no scroll cue at ${width} px, step ${step}`).to.equal(true);
        else expect(hidden(el), `step ${step}`).to.deep.equal([]);
        expect(heads(el).some((h) => h.classList.contains('current')) || step === 0).to.equal(true);
        // The current reference is always in view, scrolled to when it must be.
        if (step > 0) expect(hidden(el).includes(`column ${heads(el).findIndex((h) => h.classList.contains('current'))}`)).to.equal(false);
      }
    });
  }

  it('shows all 20 of Silberschatz’s references at once in a 774 px column (the home page)', async () => {
    const el = await inColumn(fifo(), 774, 20);
    expect([heads(el).length - 1, hidden(el)]).to.deep.equal([20, []]);
  });

  it('two runs side by side in a 1000 px column each show all twelve references; at 800 px the runs stack', async () => {
    const wide = await inColumn(BELADY, 1000, 12);
    const [a, b] = parts(wide, '[part=run]').map((r) => r.getBoundingClientRect());
    expect(Math.abs(a!.top - b!.top), 'side by side').to.be.below(1);
    for (const i of [0, 1]) expect([heads(wide, i).length - 1, hidden(wide, i)]).to.deep.equal([12, []]);
    const narrow = await inColumn(BELADY, 800, 12);
    for (const i of [0, 1]) expect(hidden(narrow, i)).to.deep.equal([]);
  });

  it('where the table must scroll, no sliver of a scrolled-away column shows beside the labels', async () => {
    const el = await inColumn(fifo(3, 'FIFO', '12 10 11 12 13 10 14 12 11 13 14 10'), 320, 12);
    const box = scroller(el);
    // Two-digit pages: 8 columns are wider than 320 px.
    expect([heads(el).length - 1, box.scrollWidth > box.clientWidth + 1]).to.deep.equal([8, true]);
    expect(cued(el)).to.equal(true);
    for (const at of [7, 31, box.scrollWidth]) {
      box.scrollLeft = at;
      await eventually(() => {
        const label = heads(el)[0]!.getBoundingClientRect();
        return heads(el)
          .slice(1)
          .every((h) => {
            const r = h.getBoundingClientRect();
            return r.right <= label.right + 0.5 || r.left >= label.right - 0.5;
          });
      }, `a column is cut by the labels at scrollLeft ${at}`);
    }
  });

  it('a window too narrow for a long string shrinks the window, never below 8 columns, and turns its pages', async () => {
    const refs = Array.from({ length: 60 }, (_, i) => i % 7).join(' ');
    const el = await inColumn(`scheme: vm-paging\nframes: 3\nrefs: ${refs}\n`, 375, 30);
    const columns = heads(el).length - 1;
    expect(columns).to.be.within(8, 24);
    expect(hidden(el)).to.deep.equal([]);
    expect(shadow(el).querySelector('.window')!.textContent).to.match(/^References \d+ to \d+ of 60$/);
    expect(heads(el).find((h) => h.classList.contains('current'))!.title).to.match(/^step 30:/);
  });
});

describe('the table before and during the steps', () => {
  it('at step 0 the whole reference string shows, the columns to come dashed and dotted, and Forward stands out', async () => {
    const el = await inColumn(fifo(), 1280, 0);
    expect(heads(el).slice(1).map((h) => h.textContent!.trim()).join(' ')).to.equal('7 0 1 2 0 3 0 4 2 3 0 3 2 1 2 0 1 7 0 1');
    const cells = [...shadow(el).querySelectorAll('td')];
    expect(cells.every((c) => c.classList.contains('future') && getComputedStyle(c).borderBottomStyle === 'dashed')).to.equal(true);
    expect(getComputedStyle(cells[0]!).backgroundImage).to.match(/^radial-gradient/);
    const forward = control(el, 'Forward');
    expect(getComputedStyle(forward).borderTopWidth).to.equal('2px');
    forward.click();
    await fitted(el);
    expect(getComputedStyle(control(el, 'Forward')).borderTopWidth).to.equal('1px');
    const current = heads(el)[1]!;
    // The current reference is bold with a bar under it, not only a colour.
    expect([current.classList.contains('current'), getComputedStyle(current).fontWeight, getComputedStyle(current).boxShadow]).to.satisfy(
      ([c, w, s]: [boolean, string, string]) => c && Number(w) >= 700 && s.includes('inset'),
    );
    expect(getComputedStyle(shadow(el).querySelector('td')!).borderBottomStyle).to.equal('solid');
  });

  it('axe finds no violations at 320 px with the table scrolled, light and dark', async () => {
    const el = await inColumn(BELADY, 320, 6);
    await inView(el);
    await expect(el).to.be.accessible();
    el.theme = 'dark';
    await fitted(el);
    const roots = [el.shadowRoot!, ...views(el).map((v) => v.shadowRoot!)];
    await eventually(() => roots.every((r) => r.getAnimations().length === 0), 'the theme change has finished');
    await inView(el);
    await expect(el).to.be.accessible();
  });
});

describe('the table alternative of the other schemes', () => {
  it('at 320 px stays inside the run, in a labelled box that scrolls with shadows at the clipped edges', async () => {
    const el = await inColumn(stallingsDynamic(), 320, 3);
    control(el, 'Table').click();
    await eventually(() => el.shadowRoot!.querySelector('[part=run] > .scroll table'), 'no table alternative');
    const box = el.shadowRoot!.querySelector<HTMLElement>('[part=run] > .scroll')!;
    expect(box.getBoundingClientRect().right).to.be.at.most(el.getBoundingClientRect().right);
    expect([box.getAttribute('role'), getComputedStyle(box).overflowX]).to.deep.equal(['region', 'auto']);
    expect(getComputedStyle(box).backgroundImage.match(/linear-gradient/g)!.length).to.equal(4);
    await inView(el);
    await expect(el).to.be.accessible();
  });
});
