import { expect } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import type { MemSim } from '../../components/mem-sim.js';
import { eventually, inView, settled, simulator, views } from './helpers.js';

/** The hardware panel under run `i`, once its chunk has drawn it. */
async function panel(el: MemSim, i = 0): Promise<ShadowRoot> {
  const tlb = views(el)[i]!.shadowRoot!.querySelector('mem-sim-tlb')!;
  await eventually(() => tlb.shadowRoot?.querySelector('section'), 'the TLB panel draws');
  return tlb.shadowRoot!;
}
const text = (root: ShadowRoot, part: string) => root.querySelector(`[part=${part}]`)!.textContent!.replace(/\s+/g, ' ').trim();

const OSTEP_ARRAY = 'scheme: vm-paging\ntitle: OSTEP array\nframes: 4\ntlb: 4\npage-size: 16\nrefs: 100 104 108 112 116 120 124 128 132 136\n';
const TWO_LEVEL = 'scheme: vm-paging\ntitle: two levels\nframes: 3\npage-size: 4K\naddress-bits: 32\nlevels: 2\ntlb: 2\nrefs: 0x00401004 0x00402008 0x00401010\n';
const BELADY = "scheme: vm-paging\ntitle: Belady's anomaly\nframes: 1-7\npolicy: FIFO, LRU\nrefs: 1 2 3 4 1 2 5 1 2 3 4 5\n";

describe('vm-paging hardware: the TLB, the level walk and the access time', () => {
  it("OSTEP's array example at its last step: the TLB holds pages 6, 7 and 8, reference 10 hits, and the formula gives 2,400,070 ns", async () => {
    const el = await simulator(OSTEP_ARRAY);
    el.step = 10;
    await settled(el);
    const root = await panel(el);
    await eventually(() => /Reference 10/.test(text(root, 'tlb')));
    expect([...root.querySelectorAll('[part=tlb] li')].map((li) => li.textContent)).to.deep.equal(['page 6 → frame 0', 'page 7 → frame 1', 'page 8 → frame 2']);
    expect(root.querySelector('[part=tlb] li.hit')!.textContent).to.equal('page 8 → frame 2');
    expect(text(root, 'tlb')).to.match(/Reference 10 \(page 8\): a TLB hit/);
    expect(text(root, 'access-time')).to.contain('EAT = (7 × (0 + 100) + 0 × (0 + 2 × 100) + 3 × 8,000,000) / 10 = 2,400,070 ns');
  });

  it('a 32-bit address with two levels of 4K pages splits 1 | 1 | 0x4, and a TLB miss walks both levels to its frame', async () => {
    const el = await simulator(TWO_LEVEL);
    el.step = 1;
    await settled(el);
    const root = await panel(el);
    await eventually(() => root.querySelector('.fields'));
    expect(text(root, 'walk')).to.match(/32-bit address: level 1 10 bits, level 2 10 bits, offset 12 bits/);
    expect(text(root, 'walk')).to.contain('linear page table: 2^20 entries × 4 B = 4M');
    expect([...root.querySelectorAll('.field')].map((f) => f.lastChild!.textContent)).to.deep.equal(['1', '1', '0x4']);
    expect(text(root, 'walk')).to.match(/outer table entry 1 → level-2 table entry 1 → not resident: a page fault loads page 1025 into frame 0; physical address 0x4/);
    el.step = 3;
    await settled(el);
    await eventually(() => /no walk/.test(text(root, 'walk')));
  });

  it('is accessible with the TLB panel shown', async () => {
    const el = await simulator(TWO_LEVEL);
    el.step = 2;
    await settled(el);
    await panel(el);
    await inView(el);
    await expect(el).to.be.accessible();
  });
});

describe('vm-paging frames as a range: the faults chart', () => {
  async function chart(el: MemSim): Promise<ShadowRoot> {
    const all = views(el);
    const host = all[all.length - 1]!.shadowRoot!.querySelector('mem-sim-faults-chart')!;
    await eventually(() => host.shadowRoot?.querySelector('svg'), 'the chart draws');
    return host.shadowRoot!;
  }

  it("draws one line per policy under the last run only, with a table of the counts that shows Belady's anomaly", async () => {
    const el = await simulator(BELADY);
    const root = await chart(el);
    expect(views(el).length).to.equal(14);
    expect(views(el).filter((v) => v.shadowRoot!.querySelector('mem-sim-faults-chart')?.shadowRoot?.querySelector('svg')).length).to.equal(1);
    expect(root.querySelectorAll('polyline').length).to.equal(2);
    const rows = [...root.querySelectorAll('tbody tr')].map((r) => [...(r as HTMLTableRowElement).cells].map((c) => c.textContent!.trim()));
    // frames, FIFO, LRU: FIFO faults 9 times with 3 frames and 10 with 4; LRU never more with more frames
    expect(rows).to.deep.equal([
      ['1', '12', '12'],
      ['2', '12', '12'],
      ['3', '9', '10'],
      ['4', '10', '8'],
      ['5', '5', '5'],
      ['6', '5', '5'],
      ['7', '5', '5'],
    ]);
    expect(root.textContent).to.contain("FIFO faults more with 4 frames (10) than with 3 (9): Belady's anomaly");
    expect(root.querySelector('svg')!.getAttribute('role')).to.equal('img');
  });

  it('is accessible', async () => {
    const el = await simulator(BELADY);
    await chart(el);
    await inView(el);
    await expect(el).to.be.accessible();
  });

  it('at 320 px wide neither the chart nor the hardware panel is wider than the view', async () => {
    await setViewport({ width: 320, height: 700 });
    try {
      const el = await simulator(BELADY.replace('frames: 1-7', 'frames: 1-7\ntlb: 2\nmemory-latency: 100'));
      el.step = 3;
      await settled(el);
      const root = await chart(el);
      const view = views(el).at(-1)!;
      const tlb = await panel(el, views(el).length - 1);
      for (const box of [root.querySelector('svg')!, root.querySelector('table')!, ...tlb.querySelectorAll('section')]) {
        expect(box.getBoundingClientRect().right).to.be.at.most(view.getBoundingClientRect().right + 1, box.tagName);
      }
    } finally {
      await setViewport({ width: 1280, height: 800 });
    }
  });
});
