import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { MemSim } from '../../components/mem-sim.js';
import { eventually, fifo, settled, simulator, views, inView } from './helpers.js';

/** The policy toggle under run `i`'s frame table, or undefined when its policy has none. */
const toggle = (el: MemSim, i = 0) => views(el)[i]!.shadowRoot!.querySelector<HTMLButtonElement>('[part=policy-toggle]') ?? undefined;
const panel = (el: MemSim, i = 0) => views(el)[i]!.shadowRoot!.querySelector<HTMLElement>('[part=policy-state]')!;
const lines = (el: MemSim, i = 0) => [...panel(el, i).querySelectorAll('li')].map((li) => li.textContent!.replace(/\s+/g, ' ').trim());

async function at(policy: string, step: number, frames = 3): Promise<MemSim> {
  const el = await simulator(fifo(frames, policy));
  el.step = step;
  await settled(el);
  return el;
}

async function open(el: MemSim): Promise<void> {
  toggle(el)!.click();
  await eventually(() => !panel(el).hidden, 'the panel opens');
}

describe("the policy's view of the pages under the frame table", () => {
  it("LRU after reference 9 of Silberschatz's string: the stack 2, 4, 0, most recent at the top, 0 next to go", async () => {
    const el = await at('LRU', 9);
    expect(toggle(el)!.textContent!.trim()).to.equal('Show LRU stack');
    expect(toggle(el)!.getAttribute('aria-expanded')).to.equal('false');
    expect(panel(el).hidden).to.equal(true);
    await open(el);
    expect(toggle(el)!.getAttribute('aria-expanded')).to.equal('true');
    expect(panel(el).textContent).to.match(/LRU stack, most recently used at the top, after reference 9/);
    expect(lines(el)).to.deep.equal([
      'page 2: last used at reference 9',
      'page 4: last used at reference 8',
      'page 0: last used at reference 7 (next to go on a fault)',
    ]);
    expect(panel(el).querySelectorAll('li.next').length).to.equal(1);
  });

  it("OPT after reference 9 of Silberschatz's string: 3 next at reference 10, 2 at 13, 4 never used again and next to go", async () => {
    const el = await at('OPT', 9);
    expect(toggle(el)!.textContent!.trim()).to.equal('Show next uses');
    await open(el);
    expect(lines(el)).to.deep.equal([
      'page 3: next used at reference 10 (in 1)',
      'page 2: next used at reference 13 (in 4)',
      'page 4: never used again (next to go on a fault)',
    ]);
    // and the sentence of reference 11, the next fault, evicts the page marked
    el.step = 11;
    await settled(el);
    await eventually(() => lines(el).length === 3);
    expect(el.shadowRoot!.querySelector('[part=sentence]')!.textContent).to.match(/replaces page 4/);
  });

  it('the panel stays open as the reader steps, and follows the current step', async () => {
    const el = await at('LRU', 9);
    await open(el);
    el.step = 10;
    await settled(el);
    await eventually(() => lines(el)[0] === 'page 3: last used at reference 10');
    expect(lines(el)[2]).to.equal('page 4: last used at reference 8 (next to go on a fault)');
  });

  it('while a frame is free no page is marked to go, and the panel says why', async () => {
    const el = await at('FIFO', 2);
    await open(el);
    expect(lines(el)).to.deep.equal(['page 0: loaded at reference 2', 'page 7: loaded at reference 1']);
    expect(panel(el).textContent).to.match(/A frame is still free/);
    el.step = 0;
    await settled(el);
    await eventually(() => /No page is resident yet/.test(panel(el).textContent!));
  });

  it('Enter and Space on the focused toggle open and close it, without stepping or playing; the focus ring shows', async () => {
    const el = await at('OPT', 9);
    toggle(el)!.focus();
    await sendKeys({ press: 'Enter' });
    await eventually(() => toggle(el)!.getAttribute('aria-expanded') === 'true');
    expect(panel(el).hidden).to.equal(false);
    await sendKeys({ press: 'Space' });
    await eventually(() => toggle(el)!.getAttribute('aria-expanded') === 'false');
    expect(panel(el).hidden).to.equal(true);
    expect(el.step).to.equal(9);
    expect(el.shadowRoot!.querySelector('[part~=play]')!.textContent).to.match(/Play/);
    expect(toggle(el)!.matches(':focus-visible')).to.equal(true);
    expect(getComputedStyle(toggle(el)!).outlineStyle).to.equal('solid');
  });

  it('the toggle and the list are parts a page can style (mem-sim::part(policy-toggle), ::part(policy-state))', async () => {
    const style = document.createElement('style');
    style.textContent = 'mem-sim::part(policy-toggle) { letter-spacing: 3px } mem-sim::part(policy-state) { letter-spacing: 4px }';
    document.head.append(style);
    try {
      const el = await at('LRU', 9);
      expect(getComputedStyle(toggle(el)!).letterSpacing).to.equal('3px');
      expect(getComputedStyle(panel(el)).letterSpacing).to.equal('4px');
    } finally {
      style.remove();
    }
  });

  it('CLOCK, whose use bits and hand the table already shows, has no toggle', async () => {
    const el = await at('CLOCK', 9);
    expect(toggle(el)).to.equal(undefined);
  });

  it('axe finds no violations with the panels open, light and dark', async () => {
    const el = await simulator(fifo(3, 'LRU, OPT'));
    el.step = 9;
    await settled(el);
    for (const i of [0, 1]) toggle(el, i)!.click();
    await eventually(() => !panel(el, 0).hidden && !panel(el, 1).hidden);
    await inView(el);
    await expect(el).to.be.accessible();
    el.theme = 'dark';
    await settled(el);
    // The buttons' colours fade for 0.15 s: axe must read the dark theme, not a colour in between.
    const roots = [el.shadowRoot!, ...views(el).map((v) => v.shadowRoot!)];
    await eventually(() => roots.every((r) => r.getAnimations().length === 0), 'the theme change has finished');
    await inView(el);
    await expect(el).to.be.accessible();
  });
});
