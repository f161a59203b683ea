import { expect } from '@open-wc/testing';
import { emulateMedia, sendKeys, setViewport } from '@web/test-runner-commands';
import type { MemSim } from '../../components/mem-sim.js';
import type { PagingView } from '../../components/views/paging-view.js';
import { control, eventually, liveText, part, schemeView, sentence, simulator, text } from './helpers.js';

/** Silberschatz, Operating System Concepts: the paging example for a 32-byte memory with 4-byte pages. */
const SILBERSCHATZ = 'scheme: paging\npage-size: 4\nmemory: 32\npage-table: 5 6 1 2\naccess: 0 3 4 13\n';
/** Stallings' translation example (16-bit addresses, 1K pages, 1502 -> 6622), then a trap. */
const STALLINGS = `scheme: paging
page-size: 1K
frames: 16
address-bits: 16
free-frames: 5 6 9 10 2 3
trace: |
  load A 3500
  access A 1502
  access A 9000
`;
const SEED = 'scheme: paging\npage-size: 1K\nframes: 8\ntrace: |\n  load P 4 pages at 0 7 3 5\n';

const { inView, goTo } = schemeView<PagingView>('mem-sim-paging');

describe('simple paging: frames, page tables, the free-frame list and translation', () => {
  it('the seed figure: every frame says what it holds in words, free runs collapsed (page 0 in 0, 1 in 7, 2 in 3, 3 in 5)', async () => {
    const el = await simulator(SEED);
    await goTo(el, 1);
    expect(inView(el, '.frames li').map(text)).to.deep.equal(['0 P page 0', '1–2 free', '3 P page 2', '4 free', '5 P page 3', '6 free', '7 P page 1']);
    expect(inView(el, 'table tbody tr').map(text)).to.deep.equal(['0 0', '1 7', '2 3', '3 5']);
    expect(text(inView(el, '[part=free-list]')[0]!)).to.equal('Free-frame list (taking order): 1, 2, 4, 6');
  });

  it('Silberschatz, 32-byte memory: address 13 is page 3 (bits 11), offset 1 (bits 01); the row of page 3 is highlighted; 2 x 4 + 1 = 9', async () => {
    const el = await simulator(SILBERSCHATZ);
    await goTo(el, 4);
    const rows = inView(el, 'table tbody tr');
    expect(rows.map((r) => r.classList.contains('current'))).to.deep.equal([false, false, false, true]);
    const bits = inView(el, '.bits code').map(text);
    expect(bits).to.deep.equal(['11', '01']);
    expect(text(inView(el, '[part=translation]')[0]!)).to.contain('physical address = frame 2 × 4 + 1 = 9');
    expect(inView(el, '.frames li.current').map(text)).to.deep.equal(['2 P page 3']);
  });

  it('Stallings, 16-bit addresses and 1K pages: 1502 is 6 page bits 000001 and 10 offset bits 0111011110, giving 6622; page 8 traps', async () => {
    const el = await simulator(STALLINGS);
    await goTo(el, 2);
    expect(inView(el, '.bits code').map(text)).to.deep.equal(['000001', '0111011110']);
    expect(sentence(el)).to.equal('address 1502 of A is page 1, offset 478; page 1 is in frame 6, so the physical address is 6 x 1024 + 478 = 6622');
    await goTo(el, 3);
    expect(text(inView(el, '.trap')[0]!)).to.equal('Trap: invalid page');
  });

  it('each page table shows its process at every step, stepping either way (a table kept from the step before is still right)', async () => {
    const scenario = `scheme: paging
page-size: 1K
frames: 8
trace: |
  load A 2048
  load B 3072
  access A 100
  access B 2100
  swap-out A
  access B 10
  swap-in A
  access A 1500
  exit B
  load C 1024
  access A 1500
`;
    const stepped = await simulator(scenario);
    const jumped = await simulator(scenario);
    const tables = (el: MemSim) => inView(el, '[part=page-tables] table').map(text);
    const forward = [...Array(12).keys()];
    for (const step of [...forward, ...forward.slice().reverse()]) {
      await goTo(stepped, step);
      await goTo(jumped, 0);
      await goTo(jumped, step);
      expect(tables(stepped), `step ${step}`).to.deep.equal(tables(jumped));
      expect(inView(stepped, '[part=page-tables] tr.current').map(text), `step ${step}`).to.deep.equal(inView(jumped, '[part=page-tables] tr.current').map(text));
    }
    await goTo(stepped, 11);
    expect(tables(stepped).map((t) => t.split(' page ')[0])).to.deep.equal(['Page table of A', 'Page table of C']);
  });

  it('each run of frames shows its frames at every step, stepping either way (an item kept from the step before is still right)', async () => {
    // Exits and swap-outs free frames that merge with their free neighbours into one run, and
    // loads split free runs again: the items after the change are kept, not redrawn.
    const scenario = `scheme: paging
page-size: 1K
frames: 12
trace: |
  load A 2048
  load B 3072
  load C 1024
  load D 2048
  access C 100
  exit B
  swap-out A
  access D 1500
  load E 4096
  swap-in A
  exit C
  exit E
`;
    const stepped = await simulator(scenario);
    const jumped = await simulator(scenario);
    const frames = (el: MemSim) => inView(el, '[part=frames] li').map((li) => `${li.className}: ${text(li)}`);
    const forward = [...Array(13).keys()];
    for (const step of [...forward, ...forward.slice().reverse()]) {
      await goTo(stepped, step);
      await goTo(jumped, 0);
      await goTo(jumped, step);
      expect(frames(stepped), `step ${step}`).to.deep.equal(frames(jumped));
    }
    await goTo(stepped, 6);
    expect(frames(stepped).slice(0, 3)).to.deep.equal(['page: 0 A page 0', 'page: 1 A page 1', 'free: 2–4 free']);
  });

  it('keys step through the scenario with focus in the frames, and each step is announced', async () => {
    const el = await simulator(SILBERSCHATZ);
    inView(el, '[part=frames]')[0]!.focus();
    await sendKeys({ press: 'ArrowRight' });
    expect(el.step).to.equal(1);
    await el.updateComplete;
    expect(liveText(el)).to.equal('Step 1 of 4. address 0 of P is page 0, offset 0; page 0 is in frame 5, so the physical address is 5 x 4 + 0 = 20');
  });

  it('the Table toggle lists each step with the frames, the page tables and the translation', async () => {
    const el = await simulator(SILBERSCHATZ);
    await goTo(el, 4);
    control(el, 'Table').click();
    await eventually(() => el.shadowRoot!.querySelector('[part=run] > .scroll table'), 'no table alternative');
    const rows = [...part(el, '[part=run] > .scroll table').querySelectorAll('tr')].map((r) => [...r.cells].map((c) => c.textContent!.trim()));
    expect(rows[0]).to.deep.equal(['step', 'operation', 'frames from 0', 'page tables', 'free-frame list', 'waiting', 'swapped out', 'translation']);
    expect(rows.map((r) => r[1])).to.deep.equal(['operation', 'start', 'access 0', 'access 3', 'access 4', 'access 13']);
    expect(rows[5]![7]).to.equal('page 3, offset 1 → frame 2: 9');
  });

  it('fits 320 px without scrolling the page sideways, and axe-core finds no violations, light and dark', async () => {
    await emulateMedia({ reducedMotion: 'reduce' });
    await setViewport({ width: 320, height: 800 });
    try {
      const el = await simulator(STALLINGS);
      await goTo(el, 2);
      expect(document.documentElement.scrollWidth).to.be.at.most(320);
      await expect(el).to.be.accessible();
      el.theme = 'dark';
      await goTo(el, 3);
      await expect(el).to.be.accessible();
    } finally {
      await setViewport({ width: 1280, height: 800 });
      await emulateMedia({ reducedMotion: 'no-preference' });
    }
  });
});
