import { expect, oneEvent } from '@open-wc/testing';
import { emulateMedia, sendKeys, setViewport } from '@web/test-runner-commands';
import type { MemSim } from '../../components/mem-sim.js';
import { addresses, bar, barLabel, goTo, rowClasses, settledAll, swapped, table, view, waiting } from './contiguous-helpers.js';
import { control, eventually, liveText, metrics, part, parts, sentence, simulator, inView } from './helpers.js';
import { silberschatzDynamic, stallingsDynamic } from '../textbook-scenarios.js';

const STALLINGS = stallingsDynamic('The effect of dynamic partitioning (Stallings)');
const SILBERSCHATZ = silberschatzDynamic('first-fit, best-fit, worst-fit', 'First-fit, best-fit and worst-fit (Silberschatz)');

/** The memory bar as [kind, name, size, left %, width %], the drawing's geometry rounded to 0.1. */
const drawn = (el: MemSim, i = 0) => bar(el, i).map((b) => [b.kind, b.name, b.size, Math.round(b.left * 10) / 10, Math.round(b.width * 10) / 10]);
const MAP = 'Allocations and holes';

describe('dynamic partitioning: the memory bar and the table of allocations and holes', () => {
  it("Stallings' figure, step 3: the OS, P1, P2 and P3 laid from 8M up, drawn to scale, leaving a 4M hole", async () => {
    const el = await simulator(STALLINGS);
    await goTo(el, 3);
    expect(drawn(el)).to.deep.equal([
      ['os', 'OS', '8M', 0, 12.5],
      ['process', 'P1', '20M', 12.5, 31.3],
      ['process', 'P2', '14M', 43.8, 21.9],
      ['process', 'P3', '18M', 65.6, 28.1],
      ['hole', '', '4M', 93.8, 6.3],
    ]);
    expect(table(el, MAP)).to.deep.equal([
      ['start', 'size', 'holds'],
      ['0', '8M', 'OS'],
      ['8M', '20M', 'P1'],
      ['28M', '14M', 'P2'],
      ['42M', '18M', 'P3'],
      ['60M', '4M', 'hole'],
    ]);
    expect(barLabel(el)).to.equal('first-fit: memory from 0 to 64M: OS 8M at 0; P1 20M at 8M; P2 14M at 28M; P3 18M at 42M; hole 4M at 60M');
    expect(addresses(el)).to.deep.equal(['0', '8M', '28M', '42M', '64M']);
    expect(sentence(el)).to.equal('P3 (18M) goes to the 22M hole at 42M: the first hole large enough');
  });

  it("Stallings' figure, steps 4 and 5: P2 is swapped out, and P4 goes into its 14M hole at 28M, leaving 6M", async () => {
    const el = await simulator(STALLINGS);
    await goTo(el, 4);
    expect(swapped(el)).to.equal('P2 (14M)');
    expect(table(el, MAP)[3]).to.deep.equal(['28M', '14M', 'hole']);
    control(el, 'Forward').click();
    await settledAll(el);
    expect(sentence(el)).to.equal('P4 (8M) goes to the 14M hole at 28M: the first hole large enough');
    const p4 = bar(el).find((b) => b.name === 'P4')!;
    expect([p4.current, Math.round(p4.left * 10) / 10, Math.round(p4.width * 10) / 10]).to.deep.equal([true, 43.8, 12.5]);
    expect(bar(el).filter((b) => b.current).length).to.equal(1);
    expect(table(el, MAP).slice(3, 5)).to.deep.equal([
      ['28M', '8M', 'P4'],
      ['36M', '6M', 'hole'],
    ]);
    expect(rowClasses(el, MAP)[2]).to.equal('current');
  });

  it("Stallings' figure, the last step: OS 8M, P2 14M, hole 6M, P4 8M, hole 6M, P3 18M, hole 4M, with P1 swapped out", async () => {
    const el = await simulator(STALLINGS);
    control(el, 'Last step').click();
    await settledAll(el);
    expect(drawn(el).map(([kind, name, size]) => `${name || kind} ${size}`)).to.deep.equal(['OS 8M', 'P2 14M', 'hole 6M', 'P4 8M', 'hole 6M', 'P3 18M', 'hole 4M']);
    expect(swapped(el)).to.equal('P1 (20M)');
    expect(waiting(el)).to.equal('none');
    expect(sentence(el)).to.equal('P2 (14M) is swapped back in and goes to the 20M hole at 8M: the first hole large enough');
    expect(metrics(el)).to.include({ utilisation: '71.4%', 'external fragmentation': '62.5%', 'hole count': '3', 'largest hole': '6M', 'total free': '16M' });
  });

  it('stepping back redraws the earlier state: Back from step 7 shows P1 swapped out and its 20M hole at 8M', async () => {
    const el = await simulator(STALLINGS);
    await goTo(el, 7);
    control(el, 'Back').click();
    await settledAll(el);
    expect(el.step).to.equal(6);
    expect(table(el, MAP)[2]).to.deep.equal(['8M', '20M', 'hole']);
    expect(swapped(el)).to.equal('P2 (14M), P1 (20M)');
    control(el, 'First step').click();
    await settledAll(el);
    expect(drawn(el).map(([kind, , size]) => `${kind} ${size}`)).to.deep.equal(['os 8M', 'hole 56M']);
  });

  it("Silberschatz's exercise side by side: first-fit leaves D waiting, best-fit places all four, worst-fit leaves D waiting", async () => {
    await setViewport({ width: 1400, height: 900 });
    const el = await simulator(SILBERSCHATZ);
    await goTo(el, 4);
    expect(parts(el, '[part=run-label]').map((l) => l.textContent)).to.deep.equal(['first-fit', 'best-fit', 'worst-fit']);
    expect(table(el, MAP, 0).slice(1)).to.deep.equal([
      ['0', '100K', 'hole'],
      ['100K', '50K', 'used (no named process)'],
      ['150K', '212K', 'A'],
      ['362K', '112K', 'C'],
      ['474K', '176K', 'hole'],
      ['650K', '50K', 'used (no named process)'],
      ['700K', '200K', 'hole'],
      ['900K', '50K', 'used (no named process)'],
      ['950K', '300K', 'hole'],
      ['1250K', '50K', 'used (no named process)'],
      ['1300K', '417K', 'B'],
      ['1717K', '183K', 'hole'],
    ]);
    const where = (i: number) => Object.fromEntries(table(el, MAP, i).filter((r) => /^[A-D]$/.test(r[2]!)).map((r) => [r[2], r[0]]));
    expect(where(1)).to.deep.equal({ B: '150K', C: '700K', A: '950K', D: '1300K' });
    expect(where(2)).to.deep.equal({ B: '150K', A: '1300K', C: '1512K' });
    expect([waiting(el, 0), waiting(el, 1), waiting(el, 2)]).to.deep.equal(['D (426K)', 'none', 'D (426K)']);
    expect([sentence(el, 0), sentence(el, 2)]).to.deep.equal(['D (426K) waits: the largest hole is 300K', 'D (426K) waits: the largest hole is 300K']);
    expect(bar(el, 0).filter((b) => b.kind === 'used').length).to.equal(4);
    // The runs sit side by side where the width allows.
    const [a, b] = parts(el, '[part=run]').map((r) => r.getBoundingClientRect());
    expect(b!.top).to.equal(a!.top);
    expect(b!.left).to.be.greaterThan(a!.right - 1);
  });

  it("next-fit's pointer is drawn under the bar and read out: after C it points at 1829K, the end of C", async () => {
    const el = await simulator(SILBERSCHATZ.replace('first-fit, best-fit, worst-fit', 'next-fit'));
    await goTo(el, 3);
    expect(sentence(el)).to.equal('C (112K) goes to the 183K hole at 1717K: the first hole large enough, searching on from the end of the last placement (1717K)');
    const marker = view(el).shadowRoot!.querySelector<HTMLElement>('.marker')!;
    expect(marker.textContent!.trim()).to.equal('next-fit ▲');
    expect(marker.getBoundingClientRect().right).to.be.at.most(view(el).shadowRoot!.querySelector('.bar')!.getBoundingClientRect().right);
    expect(marker.style.left).to.match(/^96\.2\d*%$/);
    expect(barLabel(el)).to.match(/; next-fit pointer at 1829K$/);
  });

  it('compaction slides the processes toward address 0 and leaves one hole at the top', async () => {
    const el = await simulator('scheme: dynamic\nmemory: 64M\nos: 8M\ntrace: |\n  load A 10M\n  load B 20M\n  load C 10M\n  exit B\n  compact\n');
    await goTo(el, 4);
    expect(drawn(el).map(([kind, name, size]) => `${name || kind} ${size}`)).to.deep.equal(['OS 8M', 'A 10M', 'hole 20M', 'C 10M', 'hole 16M']);
    await goTo(el, 5);
    expect(drawn(el).map(([kind, name, size]) => `${name || kind} ${size}`)).to.deep.equal(['OS 8M', 'A 10M', 'C 10M', 'hole 36M']);
    expect(sentence(el)).to.equal('compaction: C slides toward address 0 and the 36M free is one hole at 28M');
  });

  it('a waiting process and a victim of when-full: swap are listed with why they are there', async () => {
    const el = await simulator('scheme: dynamic\nmemory: 64M\nos: 8M\nwhen-full: swap\ntrace: |\n  load A 30M\n  load B 20M\n  load C 20M\n');
    await goTo(el, 3);
    expect(swapped(el)).to.equal('A (30M), to make room');
    const waits = await simulator('scheme: dynamic\nmemory: 64M\nos: 8M\ntrace: |\n  load A 30M\n  load B 20M\n  load C 20M\n  swap-out B\n  swap-in B\n');
    await goTo(waits, 3);
    expect(waiting(waits)).to.equal('C (20M)');
    await goTo(waits, 4);
    expect([waiting(waits), swapped(waits)]).to.deep.equal(['none', 'B (20M)']);
    await goTo(waits, 5);
    expect([waiting(waits), swapped(waits)]).to.deep.equal(['B (20M) to swap in', 'none']);
  });

  it('a map of many blocks: tiny blocks drawn as one strip, named in its tooltip; the table shows 20 rows around the step', async () => {
    const loads = Array.from({ length: 60 }, (_, i) => `  load P${i + 1} 1K`).join('\n');
    const el = await simulator(`scheme: dynamic\nmemory: 64M\nos: 8M\ntrace: |\n${loads}\n`);
    await goTo(el, 60);
    const blocks = bar(el);
    const described = blocks.map((b) => `${b.kind}${b.many ? ' many' : ''}${b.current ? ' current' : ''} ${b.name || '-'} ${b.size || '-'}`);
    expect(described).to.deep.equal(['os OS 8M', 'process many - -', 'process current - -', 'hole - 57284K']);
    expect(blocks[2]!.title).to.equal('P60 1K at 8251K');
    expect(blocks[1]!.title).to.equal('59 small blocks from 8M to 8251K: 59 in use (59K)');
    expect(barLabel(el)).to.equal('first-fit: memory from 0 to 64M in 62 blocks: 60 held by processes and 1 free; the table lists them');
    expect(table(el, MAP).length).to.equal(21);
    expect(table(el, MAP)[1]![2]).to.equal('P42');
    expect(view(el).shadowRoot!.querySelector('.window')!.textContent).to.equal('Rows 43 to 62 of 62');
    await goTo(el, 1);
    expect(table(el, MAP)[2]![2]).to.equal('P1');
  });
});

describe('dynamic partitioning: controls, keys, table alternative and diagram', () => {
  it('arrows step, Home and End jump, with focus in the table of allocations and holes; steps are announced', async () => {
    const el = await simulator(STALLINGS);
    view(el).shadowRoot!.querySelector<HTMLElement>('[part=map-table]')!.focus();
    await sendKeys({ press: 'ArrowRight' });
    expect(el.step).to.equal(1);
    await settledAll(el);
    expect(liveText(el)).to.equal('Step 1 of 7. P1 (20M) goes to the 56M hole at 8M: the first hole large enough');
    await sendKeys({ press: 'End' });
    expect(el.step).to.equal(7);
    await sendKeys({ press: 'ArrowLeft' });
    expect(el.step).to.equal(6);
    await sendKeys({ press: 'Home' });
    expect(el.step).to.equal(0);
  });

  it('announces every policy of a comparison by name', async () => {
    const el = await simulator(SILBERSCHATZ);
    control(el, 'Forward').click();
    await settledAll(el);
    expect(liveText(el)).to.equal(
      'Step 1 of 4. first-fit: A (212K) goes to the 500K hole at 150K: the first hole large enough. best-fit: A (212K) goes to the 300K hole at 950K: the smallest hole large enough. worst-fit: A (212K) goes to the 600K hole at 1300K: the largest hole',
    );
  });

  it('the Table toggle shows the engine table of the steps so far, one row per step with the memory map', async () => {
    const el = await simulator(STALLINGS);
    await goTo(el, 2);
    const toggle = control(el, 'Table');
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    toggle.click();
    await eventually(() => el.shadowRoot!.querySelector('[part=run] > .scroll table'), 'no table alternative');
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    const box = part(el, '[part=run] > .scroll');
    expect([box.getAttribute('role'), box.getAttribute('aria-label')]).to.deep.equal(['region', 'first-fit: table']);
    const rows = [...box.querySelector('table')!.rows].map((r) => [...r.cells].map((c) => c.textContent!.trim()));
    expect(rows).to.deep.equal([
      ['step', 'operation', 'memory from address 0', 'holes', 'waiting', 'swapped out'],
      ['0', 'start', 'OS 8M | hole 56M', '56M at 8M', '', ''],
      ['1', 'load P1 20M', 'OS 8M | P1 20M | hole 36M', '36M at 28M', '', ''],
      ['2', 'load P2 14M', 'OS 8M | P1 20M | P2 14M | hole 22M', '22M at 42M', '', ''],
    ]);
    await goTo(el, 4);
    expect(box.querySelector('table')!.rows.length).to.equal(6);
    toggle.click();
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part=run] > .scroll')).to.equal(null);
  });

  it("the Diagram control draws each policy's placement search with Mermaid at the current step", async () => {
    const el = await simulator(SILBERSCHATZ.replace('first-fit, best-fit, worst-fit', 'first-fit, best-fit'));
    await goTo(el, 1);
    control(el, 'Diagram').click();
    await eventually(() => parts(el, 'mem-sim-diagram').length === 2, 'one diagram per policy');
    const texts = async (i: number) => {
      const panel = parts(el, 'mem-sim-diagram')[i]!;
      await eventually(() => panel.shadowRoot!.querySelector('svg g.node'), 'the diagram was not drawn');
      return [...panel.shadowRoot!.querySelectorAll('svg g.node')].map((n) => n.textContent!.replace(/\s+/g, ' ').trim());
    };
    expect(await texts(0)).to.include.members(['100K at 0: 1st, too small', '500K at 150K: 2nd, chosen', 'A 212K']);
    expect(await texts(1)).to.include.members(['300K at 950K: 4th, chosen', '600K at 1300K: 5th, fits, larger']);
  });

  it('a process name and a title holding markup are drawn as text everywhere, the diagram included, and never run', async () => {
    const w = window as unknown as { __xss?: number };
    delete w.__xss;
    const name = '<img/src=x/onerror=window.__xss=1>';
    const title = '<script>window.__xss=2</script><b>bold</b>';
    const el = await simulator(`scheme: dynamic\ntitle: '${title}'\nmemory: 64M\ntrace: |\n  load ${name} 8M\n`);
    await goTo(el, 1);
    expect(part(el, '[part=title]').textContent).to.equal(title);
    expect(bar(el)[0]!.name).to.equal(name);
    expect(table(el, MAP)[1]).to.deep.equal(['0', '8M', name]);
    expect(sentence(el)).to.equal(`${name} (8M) goes to the 64M hole at 0: the first hole large enough`);
    control(el, 'Diagram').click();
    await eventually(() => parts(el, 'mem-sim-diagram')[0]?.shadowRoot?.querySelector('svg g.node'), 'no diagram');
    const svg = parts(el, 'mem-sim-diagram')[0]!.shadowRoot!.querySelector('svg')!;
    expect(svg.textContent).to.contain(`first-fit for ${name} 8M`);
    for (const root of [el.shadowRoot!, view(el).shadowRoot!, svg]) expect(root.querySelectorAll('img, script').length).to.equal(0);
    const probe = document.createElement('img');
    const failed = oneEvent(probe, 'error');
    probe.src = 'data:image/png;base64,broken';
    await failed;
    expect(w.__xss).to.equal(undefined);
  });
});

describe('dynamic partitioning: themes and narrow screens', () => {
  it("a page styles the view's parts through mem-sim::part(), as for every part of the element", async () => {
    const style = document.createElement('style');
    style.textContent = 'mem-sim::part(memory-bar) { outline: 3px solid rgb(1, 2, 3) } mem-sim::part(queue) { color: rgb(4, 5, 6) }';
    document.head.append(style);
    try {
      const el = await simulator(STALLINGS);
      const shadow = view(el).shadowRoot!;
      expect(getComputedStyle(shadow.querySelector('[part=memory-bar]')!).outlineColor).to.equal('rgb(1, 2, 3)');
      expect(getComputedStyle(shadow.querySelector('[part=queue]')!).color).to.equal('rgb(4, 5, 6)');
    } finally {
      style.remove();
    }
  });

  it('draws with the theme: processes on the current-step blue, light and dark', async () => {
    const el = await simulator(STALLINGS);
    await goTo(el, 3);
    const block = () => view(el).shadowRoot!.querySelector<HTMLElement>('.block.process:not(.current)')!;
    expect(getComputedStyle(block()).backgroundColor).to.equal('rgb(227, 236, 253)');
    el.theme = 'dark';
    await settledAll(el);
    expect(getComputedStyle(block()).backgroundColor).to.equal('rgb(35, 50, 82)');
    expect(getComputedStyle(el).backgroundColor).to.equal('rgb(29, 30, 34)');
  });

  it('fits 320 px: the policies stack, the bar fits, crowded address labels drop out, the page does not scroll sideways', async () => {
    await setViewport({ width: 320, height: 800 });
    try {
      const el = await simulator(SILBERSCHATZ.replace('first-fit, best-fit, worst-fit', 'first-fit, best-fit').replace(/layout: \|[^]*?trace/, 'os: 8K\ntrace'));
      const [a, b] = parts(el, '[part=run]').map((r) => r.getBoundingClientRect());
      expect(b!.top).to.be.greaterThan(a!.bottom - 1);
      expect(el.getBoundingClientRect().right).to.be.at.most(320);
      expect(document.documentElement.scrollWidth).to.be.at.most(320);
      const box = view(el).shadowRoot!.querySelector('.bar')!.getBoundingClientRect();
      expect(box.right).to.be.at.most(320);
      const stallings = await simulator(STALLINGS);
      await goTo(stallings, 3);
      expect(addresses(stallings)).to.deep.equal(['0', '28M', '42M', '64M']);
    } finally {
      await setViewport({ width: 1280, height: 800 });
    }
  });

  it('axe-core finds no violations: at the start, mid-way with a swapped-out process, in dark, and with the table open', async () => {
    // Without transitions, so the colours axe reads after the theme changes are the final ones.
    await emulateMedia({ reducedMotion: 'reduce' });
    try {
      const el = await simulator(STALLINGS);
      await inView(el);
      await expect(el).to.be.accessible();
      await goTo(el, 5);
      await inView(el);
      await expect(el).to.be.accessible();
      el.theme = 'dark';
      await settledAll(el);
      await inView(el);
      await expect(el).to.be.accessible();
      control(el, 'Table').click();
      await eventually(() => el.shadowRoot!.querySelector('[part=run] > .scroll table'), 'no table alternative');
      await inView(el);
      await expect(el).to.be.accessible();
    } finally {
      await emulateMedia({ reducedMotion: 'no-preference' });
    }
  });

  it('axe-core finds no violations in a three-policy comparison with waiting processes, at 320 px and dark preference', async () => {
    await setViewport({ width: 320, height: 800 });
    await emulateMedia({ colorScheme: 'dark' });
    try {
      const el = await simulator(SILBERSCHATZ);
      await goTo(el, 4);
      await inView(el);
      await expect(el).to.be.accessible();
    } finally {
      await emulateMedia({ colorScheme: 'light' });
      await setViewport({ width: 1280, height: 800 });
    }
  });
});
