import { expect } from '@open-wc/testing';
import { emulateMedia, sendKeys, setViewport } from '@web/test-runner-commands';
import type { MemSim } from '../../components/mem-sim.js';
import { bar, barLabel, goTo, rowClasses, settledAll, table, view, waiting } from './contiguous-helpers.js';
import { control, eventually, liveText, metrics, part, parts, sentence, simulator, inView } from './helpers.js';

/** Stallings, Operating Systems: Internals and Design Principles, the buddy system example figure. */
const STALLINGS = `scheme: buddy
title: Example of the buddy system (Stallings)
memory: 1M
trace: |
  request A 100K
  request B 240K
  request C 64K
  request D 256K
  release B
  release A
  request E 75K
  release C
  release E
  release D
`;
const BLOCKS = 'Blocks';

/** The split tree, one array per level from the whole memory down: each node's text and kind. */
function tree(el: MemSim): string[][] {
  const levels = [...view(el).shadowRoot!.querySelectorAll('[part=split-tree] .level')];
  return levels.map((level) =>
    [...level.querySelectorAll<HTMLElement>('.node')].map((n) => {
      const kind = [...n.classList].find((c) => ['split', 'free', 'process', 'os'].includes(c));
      return `${n.textContent!.trim()} ${kind}${n.classList.contains('current') ? ' current' : ''}`;
    }),
  );
}

/** The free lists as `size: addresses`. */
const freeLists = (el: MemSim) => table(el, 'Free lists').slice(1).map((r) => `${r[0]}: ${r[1]}`);

describe('the buddy system: the bar, the split tree, the free lists and the blocks', () => {
  it("Stallings' example after D: A 128K at 0, C 64K at 128K, B 256K at 256K, D 256K at 512K, drawn to scale with block borders", async () => {
    const el = await simulator(STALLINGS);
    await goTo(el, 4);
    expect(bar(el).map((b) => `${b.kind} ${b.name || '-'} ${b.size} ${b.left}+${b.width}`)).to.deep.equal([
      'process A 128K 0+12.5',
      'process C 64K 12.5+6.25',
      'free - 64K 18.75+6.25',
      'process B 256K 25+25',
      'process D 256K 50+25',
      'free - 256K 75+25',
    ]);
    expect(view(el).shadowRoot!.querySelector('.memory')!.classList.contains('borders')).to.equal(true);
    // Internal fragmentation is shaded inside A (28K of 128K) and B (16K of 256K).
    expect(bar(el).map((b) => b.lost)).to.deep.equal([22, 0, 0, 6, 0, 0]);
    expect(sentence(el)).to.equal('D (256K) splits the 512K block at 512K into two 256K buddies and takes the lower');
  });

  it("Stallings' example after D: the split tree has the current blocks as its leaves, free and used, level by level", async () => {
    const el = await simulator(STALLINGS);
    await goTo(el, 4);
    expect(tree(el)).to.deep.equal([
      ['1M split'],
      ['512K split', '512K split'],
      ['256K split', 'B 256K process', 'D 256K process current', '256K free'],
      ['A 128K process', '128K split'],
      ['C 64K process', '64K free'],
    ]);
    expect(part(el, 'mem-sim-buddy').shadowRoot!.querySelector('[part=split-tree]')!.getAttribute('aria-label')).to.equal(
      'Split tree of 1M, depth first: 1M at 0 split; 512K at 0 split; 256K at 0 split; 128K at 0 A (100K); 128K at 128K split; 64K at 128K C; 64K at 192K free; 256K at 256K B (240K); 512K at 512K split; 256K at 512K D; 256K at 768K free',
    );
  });

  it("Stallings' example after D: the free list of every block size, and what each block loses, per block and in total", async () => {
    const el = await simulator(STALLINGS);
    await goTo(el, 4);
    expect(freeLists(el)).to.deep.equal(['64K: 192K', '128K: none', '256K: 768K', '512K: none', '1M: none']);
    expect(table(el, BLOCKS)).to.deep.equal([
      ['start', 'size', 'holds', 'requested', 'lost inside'],
      ['0', '128K', 'A', '100K', '28K'],
      ['128K', '64K', 'C', '64K', '0B'],
      ['192K', '64K', 'free', '–', '–'],
      ['256K', '256K', 'B', '240K', '16K'],
      ['512K', '256K', 'D', '256K', '0B'],
      ['768K', '256K', 'free', '–', '–'],
      ['total', '', '', '', '44K'],
    ]);
    expect(rowClasses(el, BLOCKS)).to.deep.equal(['', '', 'free', '', 'current', 'free']);
    expect(metrics(el)).to.include({ 'internal fragmentation': '44K' });
  });

  it("Stallings' example: E (75K) takes the free 128K block at 0; releasing C, E and D merges buddies up to one free 1M block", async () => {
    const el = await simulator(STALLINGS);
    await goTo(el, 7);
    expect(sentence(el)).to.equal('E (75K) rounds up to 128K and takes the free 128K block at 0: the smallest free block that holds it; 53K is lost inside it');
    expect(bar(el)[0]!.name).to.equal('E');
    control(el, 'Last step').click();
    await settledAll(el);
    expect(tree(el)).to.deep.equal([['1M free']]);
    expect(freeLists(el)).to.deep.equal(['1M: 0']);
    expect(bar(el).map((b) => `${b.kind} ${b.size}`)).to.deep.equal(['free 1M']);
    expect(sentence(el)).to.equal(
      'D exits: its 256K block at 512K is free and merges with its buddy at 768K into 512K at 512K, then with its buddy at 0 into 1M at 0',
    );
    control(el, 'Back').click();
    await settledAll(el);
    expect(tree(el)[1]).to.deep.equal(['512K free', '512K split']);
  });

  it('Silberschatz, the buddy system figure: a 21K request in 256K splits it into 128K, 64K and 32K buddies and takes 32K', async () => {
    const el = await simulator('scheme: buddy\nmemory: 256K\ntrace: |\n  load P 21K\n');
    await goTo(el, 1);
    expect(tree(el).map((level) => level.join(', '))).to.deep.equal([
      '256K split',
      '128K split, 128K free',
      '64K split, 64K free',
      'P 32K process current, 32K free',
    ]);
    expect(freeLists(el)).to.deep.equal(['32K: 32K', '64K: 64K', '128K: 128K', '256K: none']);
  });

  it('the OS takes the block at address 0, rounded up like a request, its unused part shaded; waiting requests are listed', async () => {
    const el = await simulator('scheme: buddy\nmemory: 1M\nos: 100K\ntrace: |\n  load A 512K\n  load B 300K\n  load C 300K\n');
    const os = bar(el)[0]!;
    expect([os.kind, os.name, os.size, os.lost]).to.deep.equal(['os', 'OS', '128K', 22]);
    expect(barLabel(el)).to.match(/^buddy system: memory from 0 to 1M: 128K block at 0: OS \(100K\), 28K lost; /);
    await goTo(el, 3);
    expect(waiting(el)).to.equal('B (300K), C (300K)');
    expect(sentence(el)).to.equal('C (300K) waits: it needs a 512K block and the largest free block is 256K');
  });
});

describe('the buddy system: keys, table alternative, diagram, themes and accessibility', () => {
  it('keys step through the example with focus in the blocks table, and each step is announced', async () => {
    const el = await simulator(STALLINGS);
    view(el).shadowRoot!.querySelector<HTMLElement>('[part=map-table]')!.focus();
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'ArrowRight' });
    expect(el.step).to.equal(2);
    await settledAll(el);
    expect(liveText(el)).to.equal('Step 2 of 10. B (240K) rounds up to 256K and takes the free 256K block at 256K: the smallest free block that holds it; 16K is lost inside it');
    await sendKeys({ press: 'End' });
    expect(el.step).to.equal(10);
  });

  it('the Table toggle lists each step with the blocks and the free blocks', async () => {
    const el = await simulator(STALLINGS);
    await goTo(el, 3);
    control(el, 'Table').click();
    await eventually(() => el.shadowRoot!.querySelector('[part=run] > .scroll table'), 'no table alternative');
    const rows = [...part(el, '[part=run] > .scroll table').querySelectorAll('tr')].map((r) => [...r.cells].map((c) => c.textContent!.trim()));
    expect(rows[0]).to.deep.equal(['step', 'operation', 'memory from address 0', 'free blocks', 'waiting', 'swapped out']);
    expect(rows.map((r) => r[1])).to.deep.equal(['operation', 'start', 'request A 100K', 'request B 240K', 'request C 64K']);
  });

  it('the Diagram control draws the split tree with Mermaid', async () => {
    const el = await simulator(STALLINGS);
    await goTo(el, 4);
    control(el, 'Diagram').click();
    await eventually(() => parts(el, 'mem-sim-diagram')[0]?.shadowRoot?.querySelector('svg g.node'), 'no diagram');
    const nodes = [...parts(el, 'mem-sim-diagram')[0]!.shadowRoot!.querySelectorAll('svg g.node')].map((n) => n.textContent!.trim());
    expect(nodes).to.include.members(['1M at 0', 'A: 128K at 0 (100K)', 'free: 64K at 192K', 'D: 256K at 512K']);
  });

  it('draws the tree with the theme, light and dark', async () => {
    const el = await simulator(STALLINGS);
    await goTo(el, 3);
    const node = () => view(el).shadowRoot!.querySelector('.node.process:not(.current)')!;
    expect(getComputedStyle(node()).backgroundColor).to.equal('rgb(227, 236, 253)');
    el.theme = 'dark';
    await settledAll(el);
    expect(getComputedStyle(node()).backgroundColor).to.equal('rgb(35, 50, 82)');
  });

  it('fits 320 px without scrolling the page sideways', async () => {
    await setViewport({ width: 320, height: 800 });
    try {
      const el = await simulator(STALLINGS);
      await goTo(el, 4);
      expect(el.getBoundingClientRect().right).to.be.at.most(320);
      expect(document.documentElement.scrollWidth).to.be.at.most(320);
      const tree = view(el).shadowRoot!.querySelector('[part=split-tree]')!.getBoundingClientRect();
      expect(tree.right).to.be.at.most(320);
    } finally {
      await setViewport({ width: 1280, height: 800 });
    }
  });

  it('axe-core finds no violations: at the start, mid-way, at the end, in dark and at 320 px', async () => {
    await emulateMedia({ reducedMotion: 'reduce' });
    try {
      const el = await simulator(STALLINGS);
      await inView(el);
      await expect(el).to.be.accessible();
      await goTo(el, 4);
      await inView(el);
      await expect(el).to.be.accessible();
      el.theme = 'dark';
      await goTo(el, 7);
      await inView(el);
      await expect(el).to.be.accessible();
      await setViewport({ width: 320, height: 800 });
      await goTo(el, 10);
      await inView(el);
      await expect(el).to.be.accessible();
    } finally {
      await setViewport({ width: 1280, height: 800 });
      await emulateMedia({ reducedMotion: 'no-preference' });
    }
  });
});
