import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { MemSim } from '../../components/mem-sim.js';
import { bar as contiguousBar, goTo as contiguousGoTo, view as contiguousView } from './contiguous-helpers.js';
import { control, eventually, liveText, part, simulator } from './helpers.js';

/** OSTEP, Address Translation: base 32K, a 16K address space; 128 is 32896, 20000 traps. */
const OSTEP = `scheme: relocation
title: Dynamic relocation (OSTEP)
base: 32K
bounds: 16K
access: 128 20000
`;

const view = (el: MemSim) => el.shadowRoot!.querySelector('mem-sim-relocation')!;
const inView = (el: MemSim, selector: string) => view(el).shadowRoot!.querySelector<HTMLElement>(selector);
/** The registers as `label: value` lines. */
const registers = (root: ShadowRoot) =>
  [...root.querySelectorAll('.registers > div')].map((d) => `${d.querySelector('dt')!.textContent!.trim()}: ${d.querySelector('dd')!.textContent!.replace(/\s+/g, ' ').trim()}`);

async function goTo(el: MemSim, step: number): Promise<void> {
  el.step = step;
  await el.updateComplete;
  await view(el).updateComplete;
}

describe('relocation: the registers, the comparison, the sum or the trap, and memory', () => {
  it('OSTEP step 1: base 32768, bounds 16384, 128 < 16384 is true, 32768 + 128 = 32896', async () => {
    const el = await simulator(OSTEP);
    await goTo(el, 1);
    expect(registers(view(el).shadowRoot!)).to.deep.equal([
      'base: 32768',
      'bounds: 16384',
      'address: 128 of P',
      'address < bounds?: 128 < 16384: true',
      'physical = base + address: 32768 + 128 = 32896',
    ]);
  });

  it("the bar draws P's region [base, base + bounds) to scale, outlined on a translated access, and marks the physical address", async () => {
    const el = await simulator(OSTEP);
    await goTo(el, 1);
    const box = inView(el, '.bar')!.getBoundingClientRect();
    const region = inView(el, '.block.process')!;
    const r = region.getBoundingClientRect();
    expect(Math.round(((r.left - box.left) / box.width) * 100)).to.equal(50);
    expect(Math.round((r.width / box.width) * 100)).to.equal(25);
    expect(region.classList.contains('current')).to.equal(true);
    expect(view(el).shadowRoot!.textContent).to.contain('physical 32896');
  });

  it('a trap is said in words, and drawn dashed: the comparison is false and there is no physical address', async () => {
    const el = await simulator(OSTEP);
    await goTo(el, 2);
    const lines = registers(view(el).shadowRoot!);
    expect(lines[3]).to.equal('address < bounds?: 20000 < 16384: false');
    expect(lines[4]).to.equal('trap: out of bounds: no physical address');
    expect(getComputedStyle(inView(el, '.registers .trap')!).borderStyle).to.equal('dashed');
    expect(inView(el, '.trap-note')!.textContent).to.contain('Trap (out of bounds)');
    expect(inView(el, '.block.process')!.classList.contains('current')).to.equal(false);
  });

  it('arrows step from the focused registers, and each step is announced', async () => {
    const el = await simulator(OSTEP);
    inView(el, '[part=translation]')!.focus();
    await sendKeys({ press: 'ArrowRight' });
    expect(el.step).to.equal(1);
    await eventually(() => liveText(el).startsWith('Step 1 of 2.'), 'the step is announced');
    expect(liveText(el)).to.contain('128 < bounds 16384, so the physical address is base 32768 + 128 = 32896');
    await sendKeys({ press: 'End' });
    expect(el.step).to.equal(2);
  });

  it('the Table toggle shows a row per access: the address, in bounds or not, the physical address or the trap', async () => {
    const el = await simulator(OSTEP);
    await goTo(el, 2);
    control(el, 'Table').click();
    await eventually(() => el.shadowRoot!.querySelector('[part=run] > .scroll table'), 'no table alternative');
    const rows = [...part(el, '[part=run] > .scroll').querySelector('table')!.rows].map((r) => [...r.cells].map((c) => c.textContent!.trim()));
    expect(rows).to.deep.equal([
      ['step', 'address', 'address < bounds (16384)?', 'physical (base 32768 + address)'],
      ['1', '128', 'yes', '32896'],
      ['2', '20000', 'no', 'trap: out of bounds'],
    ]);
  });

  it('a dynamic trace draws the registers of an access step: the process start as base, its size as bounds', async () => {
    const el = await simulator('scheme: dynamic\nmemory: 64K\nos: 16K\ntrace: |\n  load A 16K\n  access A 1000\n  load B 1K\n');
    await contiguousGoTo(el, 2);
    const root = contiguousView(el).shadowRoot!;
    await eventually(() => root.querySelector('.registers'), 'the registers are drawn');
    expect(registers(root)).to.deep.equal([
      'base: 16384',
      'bounds: 16384',
      'address: 1000 of A',
      'address < bounds?: 1000 < 16384: true',
      'physical = base + address: 16384 + 1000 = 17384',
    ]);
    expect(contiguousBar(el).map((b) => b.name)).to.deep.equal(['OS', 'A', '']);
    await contiguousGoTo(el, 3);
    expect(root.querySelector('.registers')).to.equal(null);
  });
});
