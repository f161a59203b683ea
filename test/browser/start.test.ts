import { expect, fixture, html } from '@open-wc/testing';
import type { MemSim } from '../../components/mem-sim.js';
import { upgradeBlocks } from '../../components/upgrade.js';
import { eventually, fifo, frameTable, liveText, metrics, part, sentence, settled, simulator } from './helpers.js';

const position = (el: MemSim) => part(el, '[part=position]').textContent;

/** Counts the `memsim-step` events that reach the document while `make` runs. */
async function stepEvents(make: () => Promise<unknown>): Promise<number> {
  let count = 0;
  const listener = () => count++;
  document.addEventListener('memsim-step', listener);
  try {
    await make();
  } finally {
    document.removeEventListener('memsim-step', listener);
  }
  return count;
}

describe('<mem-sim>: the step a scenario opens at', () => {
  it('start: end opens at the last step: its position, sentence, table column and metrics, without an event or an announcement', async () => {
    let el!: MemSim;
    const events = await stepEvents(async () => (el = await simulator(`${fifo()}start: end\n`)));
    await settled(el);
    expect(el.step).to.equal(20);
    expect(position(el)).to.equal('Step 20 of 20');
    expect(sentence(el)).to.equal('page 1 replaces page 2 in frame 2: 2 was loaded first (FIFO)');
    expect(frameTable(el).map((r) => r[20])).to.deep.equal(['1', '7', '0', '1', 'F']);
    expect(metrics(el).faults).to.equal('15');
    expect(events).to.equal(0);
    expect(liveText(el)).to.equal('');
  });

  it('the step attribute opens at that step', async () => {
    const el = await fixture<MemSim>(html`<mem-sim step="3"><pre><code class="language-memsim">${fifo()}</code></pre></mem-sim>`);
    await el.ready;
    expect(position(el)).to.equal('Step 3 of 20');
    expect(sentence(el)).to.equal('page 1 is loaded into empty frame 2');
  });

  it('the step attribute wins over the scenario\'s start', async () => {
    const el = await fixture<MemSim>(html`<mem-sim step="3"><pre><code class="language-memsim">${fifo()}start: end</code></pre></mem-sim>`);
    await el.ready;
    expect(position(el)).to.equal('Step 3 of 20');
  });

  it('step="end" opens a hand-written element spelt in attributes at its last step; a step past the end stops at the last', async () => {
    const end = await fixture<MemSim>(html`<mem-sim step="end" scheme="vm-paging" frames="3" refs="1 2 3 4"></mem-sim>`);
    await end.ready;
    expect(position(end)).to.equal('Step 4 of 4');
    const past = await fixture<MemSim>(html`<mem-sim step="99" scheme="vm-paging" frames="3" refs="1 2 3 4"></mem-sim>`);
    await past.ready;
    expect(position(past)).to.equal('Step 4 of 4');
  });

  it('a block the drop-in upgrades opens at its start', async () => {
    const host = await fixture<HTMLDivElement>(html`<div><pre><code class="language-memsim">${fifo()}start: 5</code></pre></div>`);
    const [el] = upgradeBlocks(host) as MemSim[];
    await eventually(() => el!.total === 20);
    await el!.ready;
    expect(position(el!)).to.equal('Step 5 of 20');
    expect(sentence(el!)).to.equal('page 0 is already in frame 1: a hit');
  });

  it('edited text without start keeps the current step; with start it opens there again', async () => {
    const el = await simulator(fifo());
    el.step = 7;
    const code = el.querySelector('code')!;
    code.textContent = fifo(4);
    await eventually(() => frameTable(el).length === 6);
    await el.ready;
    expect(position(el)).to.equal('Step 7 of 20');
    code.textContent = `${fifo(4)}start: 2`;
    await eventually(() => position(el) === 'Step 2 of 20');
  });
});
