import { expect } from '@open-wc/testing';
import { emulateMedia, sendKeys, setViewport } from '@web/test-runner-commands';
import type { MemSim } from '../../components/mem-sim.js';
import type { StackHeapView } from '../../components/views/stack-heap-view.js';
import { control, eventually, liveText, part, schemeView, simulator, text } from './helpers.js';

/** A block that outlives the frame that allocated it, then a leak and a double free. */
const OUTLIVES = `scheme: stack-heap
heap: 100
header: 8
trace: |
  call main
  p = malloc 16
  call make n 4
  q = malloc 20
  return q -> r
  free p
  free p
  r = null
`;

const { inView, goTo } = schemeView<StackHeapView>('mem-sim-stack-heap');

describe('stack-heap: one column of the address space, frames above, blocks below, arrows between', () => {
  it('frames list their header and variables; a pointer says in words where it points; blocks show their headers, highest address first', async () => {
    const el = await simulator(OUTLIVES);
    await goTo(el, 4);
    expect(inView(el, '.frame > b').map(text)).to.deep.equal(['main', 'make']);
    expect(inView(el, '.var').map(text)).to.deep.equal([
      'return address, saved frame pointer 16 bytes',
      'p = 1008 → block at 1008 8 bytes at 65512',
      'return address, saved frame pointer 16 bytes',
      'n 4 bytes at 65492',
      'q = 1032 → block at 1032 8 bytes at 65484',
    ]);
    expect(inView(el, '.area').map(text)).to.deep.equal(['free: 48 bytes at 1052, #1 in the free list', 'allocated: 20 bytes at 1032 header 8 bytes at 1024', 'allocated: 16 bytes at 1008 header 8 bytes at 1000']);
    expect(inView(el, '[part=arrows] path:not([style])').length).to.equal(2);
  });

  it('the block outlives make: after the return main reaches it through r; a lost pointer shows the block leaked', async () => {
    const el = await simulator(OUTLIVES);
    await goTo(el, 5);
    expect(inView(el, '.var').map(text)).to.include('r = 1032 → block at 1032 8 bytes at 65504');
    await goTo(el, 8);
    expect(inView(el, '.area.leaked').map(text)).to.deep.equal(['leaked: 20 bytes at 1032 header 8 bytes at 1024']);
    expect(text(inView(el, '[part=free-list]')[0]!)).to.equal('Free list (in its order, address, coalescing): 1000 (24 bytes) → 1052 (48 bytes)');
    await goTo(el, 7);
    expect(text(inView(el, '.trap')[0]!)).to.equal('Trap: double free');
  });

  it('keys step through the scenario with focus in the address space, and each step is announced', async () => {
    const el = await simulator(OUTLIVES);
    inView(el, '[part=address-space]')[0]!.focus();
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'ArrowRight' });
    expect(el.step).to.equal(2);
    await el.updateComplete;
    expect(liveText(el)).to.equal('Step 2 of 8. p = malloc(16) takes 24 bytes (8-byte header) from the 100-byte free block at 1000 (first fit) and returns 1008; 76 bytes stay free at 1024');
  });

  it('the Table toggle lists each step with the stack, the blocks, the free list and the result', async () => {
    const el = await simulator(OUTLIVES);
    await goTo(el, 2);
    control(el, 'Table').click();
    await eventually(() => el.shadowRoot!.querySelector('[part=run] > .scroll table'), 'no table alternative');
    const rows = [...part(el, '[part=run] > .scroll table').querySelectorAll('tr')].map((r) => [...r.cells].map((c) => c.textContent!.trim()));
    expect(rows[0]).to.deep.equal(['step', 'operation', 'stack (outermost first)', 'allocated blocks', 'free list (in its order)', 'result']);
    expect(rows[3]).to.deep.equal(['2', 'p = malloc 16', 'main(p → 1008)', '1008 (24)', '1024 (76)', 'returns 1008']);
  });

  it('fits 320 px without scrolling the page sideways, and axe-core finds no violations, light and dark', async () => {
    await emulateMedia({ reducedMotion: 'reduce' });
    await setViewport({ width: 320, height: 800 });
    try {
      const el = await simulator(OUTLIVES);
      await goTo(el, 5);
      expect(document.documentElement.scrollWidth).to.be.at.most(320);
      await expect(el).to.be.accessible();
      el.theme = 'dark';
      await goTo(el, 8);
      await expect(el).to.be.accessible();
    } finally {
      await setViewport({ width: 1280, height: 800 });
      await emulateMedia({ reducedMotion: 'no-preference' });
    }
  });
});
