import { expect, fixture, html } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import type { MemSim } from '../../components/mem-sim.js';
import { control, eventually, fifo, parts, settled, simulator, inView } from './helpers.js';

/** Stallings' four-policy reference string, with writes so dirty marks show too. */
const clock = 'scheme: vm-paging\ntitle: CLOCK with writes\nframes: 3\npolicy: CLOCK, LRU\nrefs: 2 3:w 2 1 5 2 4 5 3:w 2 5 2\n';

describe('axe-core finds no accessibility violations', () => {
  it('at step 0', async () => {
    const el = await simulator(fifo());
    await inView(el);
    await expect(el).to.be.accessible();
  });

  it('mid-way through a CLOCK comparison, with use bits, the hand, victims and dirty pages marked', async () => {
    const el = await simulator(clock);
    el.step = 9;
    await settled(el);
    await inView(el);
    await expect(el).to.be.accessible();
  });

  it('at the last step, where Forward and Last are unavailable', async () => {
    const el = await simulator(fifo());
    el.step = el.total;
    await settled(el);
    await inView(el);
    await expect(el).to.be.accessible();
  });

  it('showing the error box', async () => {
    const el = await simulator('scheme: vm-paging\nframes: none\npolicy: LFUU\nrefs: 1 2 x\n');
    expect(parts(el, '[part=error-list] li').length).to.equal(3);
    await inView(el);
    await expect(el).to.be.accessible();
  });

  it('in the dark theme, mid-way and with an error', async () => {
    const el = await simulator(clock);
    el.theme = 'dark';
    el.step = 5;
    await settled(el);
    await inView(el);
    await expect(el).to.be.accessible();
    const broken = await fixture<MemSim>(html`<mem-sim theme="dark" scheme="vm-paging" refs="1 x"></mem-sim>`);
    await broken.ready;
    await inView(broken);
    await expect(broken).to.be.accessible();
  });

  it('at 320 px wide', async () => {
    await setViewport({ width: 320, height: 800 });
    try {
      const el = await simulator(clock);
      el.step = 4;
      await settled(el);
      await inView(el);
      await expect(el).to.be.accessible();
    } finally {
      await setViewport({ width: 1280, height: 800 });
    }
  });

  it("every control is a target at least 24 px square (WCAG 2.2's minimum target size), the step slider included, at 320, 412 and 1280 px", async () => {
    const el = await simulator(fifo(3, 'FIFO', '7 0 1 2 0 3'));
    try {
      for (const width of [320, 412, 1280]) {
        await setViewport({ width, height: 800 });
        await inView(el);
        const targets = parts(el, '[part=controls] :is(button, input, select)');
        expect(targets.length).to.be.greaterThan(8);
        for (const target of targets) {
          const { width: w, height: h } = target.getBoundingClientRect();
          expect(Math.min(w, h), `${target.getAttribute('aria-label') ?? target.textContent!.trim()} at ${width} px is ${w} x ${h}`).to.be.at.least(24);
        }
      }
    } finally {
      await setViewport({ width: 1280, height: 800 });
    }
  });

  it('with the diagram open', async () => {
    const el = await simulator(fifo(3, 'FIFO', '7 0 1 2'));
    el.step = 4;
    control(el, 'Diagram').click();
    await eventually(() => parts(el, 'mem-sim-diagram')[0]?.shadowRoot?.querySelector('svg g.node'), 'no diagram');
    await inView(el);
    await expect(el).to.be.accessible();
  });
});
