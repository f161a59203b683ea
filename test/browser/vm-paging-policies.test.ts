import { expect } from '@open-wc/testing';
import { frameTable, keysDrawn, parts, sentence, settled, simulator, views } from './helpers.js';

/** Tanenbaum's aging figure, four references per clock tick, with a working-set window. */
const AGING = 'scheme: vm-paging\nframes: 6\npolicy: AGING\nclear-interval: 4\nwindow: 4\nrefs: 0 2 4 5 0 1 4 4 0 1 3 5 0 4 4 4 1 2 2 2 6\n';

describe('vm-paging view: the policies beyond CLOCK and the working set', () => {
  it('AGING shows R bits and counters in the cells, a clock-tick row and the working set one page a line under the frames', async () => {
    const el = await simulator(AGING);
    el.step = 21;
    await settled(el);
    const rows = frameTable(el);
    const labels = rows.map((r) => r[0]);
    expect(labels.slice(-3)).to.deep.equal(['working set (window 4)', 'clock tick (every 4)', 'fault']);
    // After reference 21 (page 6 replaced page 3, the lowest counter, in frame 5).
    const last = rows.slice(1, 7).map((r) => r[r.length - 1]);
    expect(last).to.deep.equal(['0 01111000', '2 10001000', '4 01011000', '5 00101000', '1 10110000', '6* 00000000']);
    // The last four references, 2 2 2 6.
    expect(rows[7]![rows[7]!.length - 1]!.split(/\s+/)).to.deep.equal(['2', '6']);
    expect(sentence(el)).to.contain('3 has the lowest counter, 00100000 (AGING)');
  });

  it('RANDOM loads its chunk before the first render and draws OSTEP\'s victims (seed 0: 2, then 3)', async () => {
    const el = await simulator('scheme: vm-paging\nframes: 3\npolicy: RANDOM\nrefs: 0 1 2 0 1 3 0 3 1 2 1\n');
    el.step = 11;
    await settled(el);
    expect(frameTable(el).slice(1, 4).map((r) => r[r.length - 1])).to.deep.equal(['0', '1', '2']);
  });

  it('the key explains the R bit and the counter', async () => {
    const el = await simulator(AGING);
    await keysDrawn(el);
    const words = views(el)[0]!.shadowRoot!.querySelector('[part=legend]')!.textContent!;
    expect(words).to.contain('R (referenced) bit set');
    expect(words).to.contain('aging counter');
    expect(parts(el, '[part=sentence]').length).to.equal(1);
  });
});
