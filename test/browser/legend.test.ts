import { expect } from '@open-wc/testing';
import type { MemSim } from '../../components/mem-sim.js';
import { silberschatzDynamic } from '../textbook-scenarios.js';
import { fifo, inView, keysDrawn, parts, simulator } from './helpers.js';

/** CLOCK and LRU with writes: faults into empty frames, victims, hits, use bits, the hand, dirty pages. */
const CLOCK = 'scheme: vm-paging\nframes: 3\npolicy: CLOCK, LRU\nrefs: 2 3:w 2 1 5 2 4 5 3:w 2 5 2\n';
/** Dynamic partitioning with memory used by no named process, next-fit's pointer and a placement that waits. */
const DYNAMIC = silberschatzDynamic('first-fit, next-fit', 'Dynamic');
const FIXED = 'scheme: fixed\nmemory: 64M\nos: 8M\npartitions: 8M, 16M\ntrace: |\n  load A 5M\n  load B 7M\n  exit A\n';
const BUDDY = 'scheme: buddy\nmemory: 1M\nos: 100K\ntrace: |\n  load A 100K\n  load B 240K\n  exit A\n';
/** Sixty 1K processes and every other one gone: holes too thin to draw alone, gathered into strips. */
const TINY = `scheme: dynamic\nmemory: 64M\nos: 8M\ntrace: |\n${Array.from({ length: 60 }, (_, i) => `  load P${i} 1K`).join('\n')}\n${Array.from({ length: 30 }, (_, i) => `  exit P${2 * i}`).join('\n')}\n`;

/** Classes that place or frame things rather than carry a meaning of their own. */
const LAYOUT = new Set(['block', 'node', 'level']);

/** The scheme views of a simulator, one per run. */
const viewElements = (el: MemSim) => parts(el, '*').filter((e) => /^mem-sim-(vm-paging|dynamic|fixed|buddy)$/.test(e.localName)) as (HTMLElement & { updateComplete: Promise<boolean> })[];
const schemeViews = (el: MemSim) => viewElements(el).map((v) => v.shadowRoot!);

/** Moves to `step` and waits until every view has drawn it. */
async function goTo(el: MemSim, step: number): Promise<void> {
  el.step = step;
  await el.updateComplete;
  await Promise.all(viewElements(el).map((v) => v.updateComplete));
  await keysDrawn(el);
}

/** Every class a view's cells, blocks, tree nodes and rows wear, and the classes of its key's swatches. */
function classesAndKey(root: ShadowRoot) {
  const drawn = new Set<string>();
  for (const e of root.querySelectorAll('table *, .bar *, .tree *')) for (const c of e.classList) if (!LAYOUT.has(c) && c !== 'sr-only') drawn.add(c);
  const keyed = new Set([...root.querySelectorAll('.legend .key')].flatMap((k) => [...k.classList]));
  // The victim mark and the dirty mark are marks inside cells whose class (victim, dirty) the key names.
  for (const mark of ['out', 'mark']) if (drawn.has(mark) && root.querySelector(`.legend .key .${mark}`)) keyed.add(mark);
  return { drawn, keyed };
}

/** Checks at every step that each class any view draws has an entry in that view's key. */
async function everyClassKeyed(el: MemSim): Promise<Set<string>> {
  const seen = new Set<string>();
  for (let step = 0; step <= el.total; step++) {
    await goTo(el, step);
    for (const root of schemeViews(el)) {
      const { drawn, keyed } = classesAndKey(root);
      const missing = [...drawn].filter((c) => !keyed.has(c));
      expect(missing, `step ${step}: classes drawn with no entry in the key`).to.deep.equal([]);
      drawn.forEach((c) => seen.add(c));
    }
  }
  return seen;
}

/** Each swatch's fill, text colour and pattern, compared with a drawn element wearing the same classes. */
function swatchesMatch(root: ShadowRoot) {
  const look = (e: Element) => {
    const s = getComputedStyle(e);
    return `${s.backgroundColor} ${s.backgroundImage} ${s.color}`;
  };
  const compared: string[] = [];
  for (const key of root.querySelectorAll('.legend .key')) {
    const classes = [...key.classList].filter((c) => c !== 'key');
    if (!classes.length) continue;
    const selector = classes.map((c) => `.${c}`).join('');
    const same = (e: Element) => [...e.classList].filter((c) => !LAYOUT.has(c)).sort().join(' ') === [...classes].sort().join(' ');
    const drawn = [...root.querySelectorAll(`td${selector}, .bar ${selector}`)].find(same);
    if (!drawn) continue;
    expect(look(key), `swatch ${selector}`).to.equal(look(drawn));
    compared.push(selector);
  }
  return compared;
}

describe('the key: every colour and mark a view draws is explained', () => {
  it('page replacement: every class in the frame table at every step has a key entry (CLOCK and LRU, with writes)', async () => {
    const el = await simulator(CLOCK);
    const seen = await everyClassKeyed(el);
    // The run draws every look the frame table has, so the check above covered them all.
    expect([...seen].sort()).to.include.members(['current', 'dirty', 'fault', 'future', 'hand', 'hit', 'victim']);
  });

  it('page replacement: the key lists only what the run draws (no clock marks or dirty pages for FIFO without writes)', async () => {
    const el = await simulator(fifo(3, 'FIFO', '1 2 3 4'));
    const text = schemeViews(el)[0]!.querySelector('[part=legend]')!.textContent!.replace(/\s+/g, ' ');
    expect(text).to.contain('page fault').and.contain('replaced').and.not.contain('clock hand').and.not.contain('dirty').and.not.contain('hit');
  });

  it('a victim mark reads as two pages, the new one and the struck victim after an arrow, never as one number', async () => {
    const el = await simulator(fifo(3, 'FIFO', '7 0 1 2'));
    await goTo(el, 4);
    const cell = schemeViews(el)[0]!.querySelector('tbody td.victim')!;
    expect(cell.querySelector('[aria-hidden]')!.textContent).to.equal('2←7');
    expect(cell.querySelector('s')!.textContent).to.equal('7');
    expect(cell.querySelector('.sr-only')!.textContent).to.equal('frame 0: page 2 (fault: replaced page 7)');
  });

  it('every swatch holds its whole sample: the victim swatch grows to show the struck page under the new one', async () => {
    const el = await simulator(CLOCK);
    await goTo(el, 8);
    const swatches = [...schemeViews(el)[0]!.querySelectorAll<HTMLElement>('.legend .key')];
    const victim = swatches.find((k) => k.classList.contains('victim'))!;
    expect(victim.textContent).to.equal('2←7');
    for (const key of swatches) expect(key.scrollHeight, `swatch ${key.className}`).to.be.at.most(key.clientHeight);
    expect(victim.getBoundingClientRect().height).to.be.greaterThan(swatches.find((k) => k.classList.contains('current'))!.getBoundingClientRect().height);
  });

  it('dynamic partitioning: the bar, the table and next-fit’s run, at every step', async () => {
    const el = await simulator(DYNAMIC);
    const seen = await everyClassKeyed(el);
    expect([...seen]).to.include.members(['process', 'current', 'hole', 'used', 'free']);
  });

  it('dynamic partitioning: strips of tiny blocks are explained when drawn', async () => {
    const el = await simulator(TINY);
    await goTo(el, el.total);
    const { drawn, keyed } = classesAndKey(schemeViews(el)[0]!);
    expect(drawn.has('many')).to.equal(true);
    expect(keyed.has('many')).to.equal(true);
  });

  it('fixed partitioning: OS, holders, free partitions, lost space and unused memory, at every step', async () => {
    const el = await simulator(FIXED);
    const seen = await everyClassKeyed(el);
    expect([...seen]).to.include.members(['os', 'process', 'current', 'free', 'lost', 'unused']);
  });

  it('buddy system: the bar, the split tree and both tables, at every step', async () => {
    const el = await simulator(BUDDY);
    const seen = await everyClassKeyed(el);
    expect([...seen]).to.include.members(['os', 'process', 'current', 'free', 'lost', 'split']);
  });

  for (const theme of ['light', 'dark']) {
    it(`each swatch has the fill, pattern and text colour of what it explains, in the ${theme} theme`, async () => {
      const paging = await simulator(CLOCK);
      const fixed = await simulator(FIXED);
      const compared: string[] = [];
      for (const el of [paging, fixed]) {
        el.theme = theme as 'light' | 'dark';
        await goTo(el, el === paging ? 8 : 2);
        compared.push(...swatchesMatch(schemeViews(el)[0]!));
      }
      expect(compared).to.include.members(['.fault', '.hit', '.fault.victim', '.current', '.process', '.process.current', '.os', '.lost', '.unused']);
    });

    it(`axe finds no violations in the contiguous views and their keys, in the ${theme} theme`, async () => {
      for (const text of [DYNAMIC, FIXED, BUDDY]) {
        const el = await simulator(text);
        el.theme = theme as 'light' | 'dark';
        await goTo(el, 2);
        await inView(el);
        await expect(el).to.be.accessible();
      }
    });
  }
});
