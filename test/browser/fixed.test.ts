import { expect } from '@open-wc/testing';
import { emulateMedia, sendKeys, setViewport } from '@web/test-runner-commands';
import type { MemSim } from '../../components/mem-sim.js';
import { bar, barLabel, goTo, rowClasses, settledAll, swapped, table, view, waiting } from './contiguous-helpers.js';
import { control, eventually, liveText, metrics, part, parts, sentence, simulator, inView } from './helpers.js';

/** Stallings, Operating Systems: Internals and Design Principles, the fixed partitioning figure. */
const EQUAL = 'scheme: fixed\ntitle: Equal-size partitions (Stallings)\nmemory: 64M\nos: 8M\npartitions: 7 x 8M\n';
const UNEQUAL = 'scheme: fixed\ntitle: Unequal-size partitions (Stallings)\nmemory: 64M\nos: 8M\npartitions: 2M, 4M, 6M, 8M, 8M, 12M, 16M\n';
const trace = (...ops: string[]) => `trace: |\n${ops.map((o) => `  ${o}`).join('\n')}\n`;
const PARTITIONS = 'Partitions';

/** The partition table's body rows. */
const partitions = (el: MemSim) => table(el, PARTITIONS).slice(1, -1);
const total = (el: MemSim) => table(el, PARTITIONS).at(-1)!;

describe('fixed partitioning: the memory bar, the partition table and the queues', () => {
  it("Stallings' equal-size partitions: seven 8M partitions from 8M up, each bordered; a 2M program loses 6M of its partition", async () => {
    const el = await simulator(EQUAL + trace('load A 2M', 'load BIG 9M'));
    expect(bar(el).map((b) => [b.kind, b.name, b.size, Math.round(b.left * 10) / 10, Math.round(b.width * 10) / 10])).to.deep.equal([
      ['os', 'OS', '8M', 0, 12.5],
      ...Array.from({ length: 7 }, (_, i) => ['free', `#${i}`, '8M', 12.5 * (i + 1), 12.5]),
    ]);
    expect(view(el).shadowRoot!.querySelector('.memory')!.classList.contains('borders')).to.equal(true);
    await goTo(el, 1);
    expect(sentence(el)).to.equal('A (2M) takes partition 0 (8M): the smallest free partition that fits; 6M is lost inside it');
    const a = bar(el)[1]!;
    expect([a.kind, a.name, a.current, a.lost]).to.deep.equal(['process', 'A', true, 75]);
    expect(a.title).to.equal('partition 0 (8M) at 8M: A (2M), 6M lost');
    expect(partitions(el)[0]).to.deep.equal(['0', '8M', '8M', 'A (2M)', '6M']);
    expect(rowClasses(el, PARTITIONS)[0]).to.equal('current');
    expect(total(el)).to.deep.equal(['total', '', '', '', '6M']);
    expect(metrics(el)).to.include({ 'internal fragmentation': '6M', utilisation: '3.6%' });
  });

  it("Stallings' equal-size partitions: a program larger than a partition is refused, it would need overlays", async () => {
    const el = await simulator(EQUAL + trace('load A 2M', 'load BIG 9M'));
    await goTo(el, 2);
    expect(sentence(el)).to.equal('BIG (9M) is refused: it is larger than every partition (the largest is 8M), so it can never be loaded; it would need overlays');
    expect(waiting(el)).to.equal('none');
  });

  it('the eighth process waits until one of the seven leaves, then takes its partition', async () => {
    const loads = Array.from({ length: 8 }, (_, i) => `load P${i} 1M`);
    const el = await simulator(EQUAL + trace(...loads, 'exit P3'));
    await goTo(el, 8);
    expect(waiting(el)).to.equal('P7 (1M)');
    expect(sentence(el)).to.equal('P7 (1M) waits: every partition is taken');
    control(el, 'Forward').click();
    await settledAll(el);
    expect(waiting(el)).to.equal('none');
    expect(partitions(el)[3]).to.deep.equal(['3', '32M', '8M', 'P7 (1M)', '7M']);
    expect(rowClasses(el, PARTITIONS)[3]).to.equal('current');
    expect(total(el)[4]).to.equal('49M');
  });

  it("Stallings' unequal-size partitions with a single queue: each process takes the smallest free partition that fits", async () => {
    const el = await simulator(UNEQUAL + trace('load A 5M', 'load B 7M', 'load C 7M', 'load D 7M', 'load E 1M'));
    await goTo(el, 5);
    expect(partitions(el).map((r) => r[3])).to.deep.equal(['E (1M)', 'free', 'A (5M)', 'B (7M)', 'C (7M)', 'D (7M)', 'free']);
    expect(partitions(el).map((r) => r[4])).to.deep.equal(['1M', '–', '1M', '1M', '1M', '5M', '–']);
    expect(total(el)[4]).to.equal('9M');
    expect(table(el, PARTITIONS)[0]).to.deep.equal(['#', 'start', 'size', 'holder', 'lost inside']);
    expect(bar(el).map((b) => Math.round(b.width * 100) / 100)).to.deep.equal([12.5, 3.13, 6.25, 9.38, 12.5, 12.5, 18.75, 25]);
    await goTo(el, 2);
    expect(sentence(el)).to.equal('B (7M) takes partition 3 (8M): the smallest free partition that fits; 1M is lost inside it');
  });

  it("Stallings' one queue per partition: a 7M process waits in partition 3's queue while partition 4 (also 8M) stands free", async () => {
    const el = await simulator(UNEQUAL + 'queue: per-partition\n' + trace('load B 7M', 'load C 7M', 'exit B', 'swap-out C'));
    expect(parts(el, '[part=run-label]').map((l) => l.textContent)).to.deep.equal(['one queue per partition']);
    await goTo(el, 2);
    expect(table(el, PARTITIONS)[0]).to.deep.equal(['#', 'start', 'size', 'holder', 'lost inside', 'queue']);
    expect(partitions(el).map((r) => r[5])).to.deep.equal(['–', '–', '–', 'C', '–', '–', '–']);
    expect(partitions(el)[4]!.slice(0, 4)).to.deep.equal(['4', '28M', '8M', 'free']);
    expect(waiting(el)).to.equal('C (7M)');
    expect(sentence(el)).to.equal(
      'C (7M) waits: it joins the queue of partition 3 (8M), the smallest partition that can hold it, which B holds, although partition 4 (8M) is free',
    );
    await goTo(el, 3);
    expect(partitions(el)[3]!.slice(3)).to.deep.equal(['C (7M)', '1M', '–']);
    await goTo(el, 4);
    expect(swapped(el)).to.equal('C (7M)');
    expect(partitions(el)[3]![3]).to.equal('free');
  });

  it('memory the partitions leave over is drawn as unused and named under the table', async () => {
    const el = await simulator('scheme: fixed\nmemory: 64M\nos: 8M\npartitions: 3 x 8M\n');
    const last = bar(el).at(-1)!;
    expect([last.kind, last.name, last.size, Math.round(last.left * 10) / 10]).to.deep.equal(['unused', 'unused', '32M', 50]);
    expect(view(el).shadowRoot!.querySelector('.window')!.textContent).to.equal('Unused above the partitions: 32M at 32M');
    expect(barLabel(el)).to.match(/; unused 32M at 32M$/);
  });
});

describe('fixed partitioning: keys, table alternative, diagram, themes and accessibility', () => {
  it('keys step through the run with focus in the partition table, and each step is announced', async () => {
    const el = await simulator(UNEQUAL + trace('load A 5M', 'load B 7M'));
    view(el).shadowRoot!.querySelector<HTMLElement>('[part=map-table]')!.focus();
    await sendKeys({ press: 'End' });
    expect(el.step).to.equal(2);
    await settledAll(el);
    expect(liveText(el)).to.equal('Step 2 of 2. B (7M) takes partition 3 (8M): the smallest free partition that fits; 1M is lost inside it');
    await sendKeys({ press: 'ArrowLeft' });
    expect(el.step).to.equal(1);
  });

  it('the Table toggle lists each step with the partitions, the free partitions and each queue', async () => {
    const el = await simulator(UNEQUAL + 'queue: per-partition\n' + trace('load B 7M', 'load C 7M'));
    await goTo(el, 2);
    control(el, 'Table').click();
    await eventually(() => el.shadowRoot!.querySelector('[part=run] > .scroll table'), 'no table alternative');
    const rows = [...part(el, '[part=run] > .scroll table').querySelectorAll('tr')].map((r) => [...r.cells].map((c) => c.textContent!.trim()));
    expect(rows[0]).to.deep.equal(['step', 'operation', 'memory from address 0', 'free partitions', 'waiting', 'swapped out']);
    expect(rows.map((r) => r[1])).to.deep.equal(['operation', 'start', 'load B 7M', 'load C 7M']);
    expect(rows[3]![4]).to.equal('C (#3)');
  });

  it('the Diagram control draws the partitions in use and the queue with Mermaid', async () => {
    const el = await simulator(UNEQUAL + trace('load B 7M'));
    await goTo(el, 1);
    control(el, 'Diagram').click();
    await eventually(() => parts(el, 'mem-sim-diagram')[0]?.shadowRoot?.querySelector('svg g.node'), 'no diagram');
    const nodes = [...parts(el, 'mem-sim-diagram')[0]!.shadowRoot!.querySelectorAll('svg g.node')].map((n) => n.textContent!.trim());
    expect(nodes).to.include.members(['#3 8M: B 7M, 1M lost', 'free: #0 2M, #1 4M, #2 6M, #4 8M, #5 12M, #6 16M', 'single queue: empty', 'B 7M']);
  });

  it('draws lost space with the theme, light and dark', async () => {
    const el = await simulator(EQUAL + trace('load A 2M'));
    await goTo(el, 1);
    const lost = () => getComputedStyle(view(el).shadowRoot!.querySelector('.lost')!).backgroundImage;
    expect(lost()).to.contain('rgb(253, 227, 224)');
    el.theme = 'dark';
    await settledAll(el);
    expect(lost()).to.contain('rgb(91, 31, 25)');
  });

  it('fits 320 px without scrolling the page sideways', async () => {
    await setViewport({ width: 320, height: 800 });
    try {
      const el = await simulator(UNEQUAL + 'queue: per-partition\n' + trace('load B 7M', 'load C 7M'));
      await goTo(el, 2);
      expect(el.getBoundingClientRect().right).to.be.at.most(320);
      expect(document.documentElement.scrollWidth).to.be.at.most(320);
    } finally {
      await setViewport({ width: 1280, height: 800 });
    }
  });

  it('axe-core finds no violations: at the start, with a queue, in dark, at 320 px and with the table open', async () => {
    await emulateMedia({ reducedMotion: 'reduce' });
    try {
      const el = await simulator(UNEQUAL + 'queue: per-partition\n' + trace('load B 7M', 'load C 7M', 'swap-out B'));
      await inView(el);
      await expect(el).to.be.accessible();
      await goTo(el, 2);
      await inView(el);
      await expect(el).to.be.accessible();
      el.theme = 'dark';
      await goTo(el, 3);
      await inView(el);
      await expect(el).to.be.accessible();
      await setViewport({ width: 320, height: 800 });
      control(el, 'Table').click();
      await eventually(() => el.shadowRoot!.querySelector('[part=run] > .scroll table'), 'no table alternative');
      await inView(el);
      await expect(el).to.be.accessible();
    } finally {
      await setViewport({ width: 1280, height: 800 });
      await emulateMedia({ reducedMotion: 'no-preference' });
    }
  });
});
