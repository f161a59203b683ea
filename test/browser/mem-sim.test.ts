import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { eventually } from './helpers.js';
import { sendKeys } from '@web/test-runner-commands';
import type { MemSim } from '../../components/mem-sim.js';
import {
  control,
  fifo,
  frameTable,
  keysDrawn,
  liveText,
  metrics,
  part,
  parts,
  SILBERSCHATZ_REFS,
  sentence,
  settled,
  simulator,
  victims,
  views,
} from './helpers.js';

const stallings = 'scheme: vm-paging\nframes: 3\npolicy: CLOCK\nrefs: 2 3 2 1 5 2 4 5 3 2 5 2\n';

describe('<mem-sim>: the textbook frame table', () => {
  it('starts at step 0: the reference string across the top, a row per frame, nothing filled in yet', async () => {
    const el = await simulator(fifo());
    const rows = frameTable(el);
    expect(rows[0]).to.deep.equal(['reference', ...SILBERSCHATZ_REFS.split(' ')]);
    expect(rows.slice(1).map((r) => r[0])).to.deep.equal(['frame 0', 'frame 1', 'frame 2', 'fault']);
    expect(rows.slice(1).flatMap((r) => r.slice(1)).join('')).to.equal('');
    expect(part(el, '[part=position]').textContent).to.equal('Step 0 of 20');
    expect(sentence(el)).to.match(/^Nothing has happened yet/);
    expect(part(el, '[part=title]').textContent).to.equal("FIFO on Silberschatz's reference string");
  });

  it('Forward fills in one column and shows its sentence: page 7 is loaded into empty frame 0', async () => {
    const el = await simulator(fifo());
    control(el, 'Forward').click();
    await settled(el);
    expect(el.step).to.equal(1);
    expect(frameTable(el).map((r) => r[1])).to.deep.equal(['7', '7', '', '', 'F']);
    expect(sentence(el)).to.equal('page 7 is loaded into empty frame 0');
    const current = views(el)[0]!.shadowRoot!.querySelectorAll('thead .current');
    expect([...current].map((c) => c.textContent)).to.deep.equal(['7']);
  });

  it('Last step shows Silberschatz FIFO result: 15 faults, 12 after the frames fill, final frames 7 0 1', async () => {
    const el = await simulator(fifo());
    control(el, 'Last step').click();
    await settled(el);
    expect(el.step).to.equal(20);
    // The last reference, 1, is a fault: it replaces page 2, loaded before 7 and 0.
    expect(frameTable(el).map((r) => r[20])).to.deep.equal(['1', '7', '0', '1', 'F']);
    expect(victims(el).filter((v) => v.startsWith('20:'))).to.deep.equal(['20:2']);
    expect(metrics(el)).to.deep.equal({ faults: '15', 'faults after fill': '12', hits: '5', 'hit ratio': '25%', 'write-backs': '0' });
    expect(control(el, 'Forward').getAttribute('aria-disabled')).to.equal('true');
  });

  it('Back steps back one column and First returns to step 0', async () => {
    const el = await simulator(fifo());
    el.step = 5;
    await settled(el);
    control(el, 'Back').click();
    await settled(el);
    expect(el.step).to.equal(4);
    expect(frameTable(el).map((r) => r[4])).to.deep.equal(['2', '2', '0', '1', 'F']);
    expect(frameTable(el).map((r) => r[5])).to.deep.equal(['0', '', '', '', '']);
    control(el, 'First step').click();
    await settled(el);
    expect(el.step).to.equal(0);
    expect(control(el, 'Back').getAttribute('aria-disabled')).to.equal('true');
    control(el, 'Back').click();
    await settled(el);
    expect(el.step).to.equal(0);
  });

  it('the slider jumps to any step', async () => {
    const el = await simulator(fifo());
    const slider = part<HTMLInputElement>(el, 'input[type=range]');
    expect([slider.min, slider.max, slider.value]).to.deep.equal(['0', '20', '0']);
    slider.value = '12';
    slider.dispatchEvent(new Event('input'));
    await settled(el);
    expect(el.step).to.equal(12);
    expect(slider.getAttribute('aria-valuetext')).to.equal('step 12 of 20');
    expect(part(el, '[part=position]').textContent).to.equal('Step 12 of 20');
  });

  it('compares FIFO, LRU and OPT side by side on one string: 15, 12 and 9 faults (Silberschatz)', async () => {
    const el = await simulator(fifo(3, 'FIFO, LRU, OPT'));
    expect(parts(el, '[part=run-label]').map((c) => c.textContent)).to.deep.equal(['FIFO, 3 frames', 'LRU, 3 frames', 'OPT, 3 frames']);
    el.step = 20;
    await settled(el);
    expect([0, 1, 2].map((i) => metrics(el, i).faults)).to.deep.equal(['15', '12', '9']);
  });

  it("shows Belady's anomaly: FIFO gives 9 faults with 3 frames and 10 with 4 (Silberschatz; Tanenbaum)", async () => {
    const el = await simulator(fifo('3, 4', 'FIFO', '1 2 3 4 1 2 5 1 2 3 4 5'));
    el.step = el.total;
    await settled(el);
    expect(frameTable(el, 1).length).to.equal(6);
    expect([metrics(el, 0).faults, metrics(el, 1).faults]).to.deep.equal(['9', '10']);
  });

  it('CLOCK shows use bits (*) and the hand (→) as in Stallings four-policy figure: 8 faults', async () => {
    const el = await simulator(stallings);
    el.step = 5;
    await settled(el);
    // The hand cleared every use bit, came round to frame 0 and replaced page 2 there.
    const v = views(el)[0]!.shadowRoot!;
    const cell = v.querySelector('tbody tr:first-child td:nth-of-type(5)')!;
    expect(cell.querySelector('s')!.textContent).to.equal('2');
    expect(cell.querySelector('.sr-only')!.textContent).to.contain('replaced page 2');
    expect(frameTable(el).map((r) => r[5])).to.deep.equal(['5', '5*', '→3', '1', 'F']);
    expect(v.querySelector('[part=legend]')!.textContent).to.contain('→ clock hand');
    el.step = 12;
    await settled(el);
    expect(frameTable(el).map((r) => r[12])).to.deep.equal(['2', '→3*', '2*', '5*', '']);
    expect(metrics(el).faults).to.equal('8');
  });

  it('marks a written page dirty and counts its write-back when it is evicted', async () => {
    const el = await simulator('scheme: vm-paging\nframes: 2\nrefs: 1:w 2 3\n');
    el.step = 1;
    await settled(el);
    const v = views(el)[0]!.shadowRoot!;
    expect(v.querySelector('td .mark')!.textContent).to.equal('d');
    await keysDrawn(el);
    expect(v.querySelector('[part=legend]')!.textContent).to.contain('dirty: modified since loaded');
    el.step = 3;
    await settled(el);
    expect(sentence(el)).to.contain('written back');
    expect(metrics(el)['write-backs']).to.equal('1');
  });

  it('shows a long reference string 25 columns at a time, turning the page (keeping 5 columns) past the edge', async () => {
    const refs = Array.from({ length: 60 }, (_, i) => i % 7).join(' ');
    const el = await simulator(`scheme: vm-paging\nframes: 3\nrefs: ${refs}\n`);
    const columns = () => frameTable(el)[0]!.length - 1;
    const note = () => views(el)[0]!.shadowRoot!.querySelector('.window')!.textContent;
    const at = async (step: number) => {
      el.step = step;
      await settled(el);
      return note();
    };
    expect([columns(), note()]).to.deep.equal([25, 'References 1 to 25 of 60']);
    expect(await at(25)).to.equal('References 1 to 25 of 60');
    expect(await at(26)).to.equal('References 21 to 45 of 60');
    expect(views(el)[0]!.shadowRoot!.querySelector('thead .current')!.getAttribute('title')).to.match(/^step 26:/);
    expect(await at(45)).to.equal('References 21 to 45 of 60');
    expect(await at(46)).to.equal('References 36 to 60 of 60');
    expect(await at(60)).to.equal('References 36 to 60 of 60');
    expect(columns()).to.equal(25);
    expect(await at(20)).to.equal('References 1 to 25 of 60');
  });
});

describe('<mem-sim>: keyboard, playback, events and announcements', () => {
  it('Right and Left arrows step, Home and End jump, when focus is anywhere in the element', async () => {
    const el = await simulator(fifo());
    views(el)[0]!.shadowRoot!.querySelector<HTMLElement>('[part=frame-table]')!.focus();
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'ArrowRight' });
    expect(el.step).to.equal(2);
    await sendKeys({ press: 'ArrowLeft' });
    expect(el.step).to.equal(1);
    await sendKeys({ press: 'End' });
    expect(el.step).to.equal(20);
    await sendKeys({ press: 'Home' });
    expect(el.step).to.equal(0);
    part(el, 'input[type=range]').focus();
    await sendKeys({ press: 'ArrowRight' });
    expect(el.step).to.equal(1);
  });

  it('Space plays and pauses; on a focused button Space presses that button instead', async () => {
    const el = await simulator(fifo());
    el.speed = 0.5; // slow enough that no step is taken before the pause
    part(el, 'input[type=range]').focus();
    await sendKeys({ press: 'Space' });
    expect(el.playing).to.equal(true);
    await settled(el);
    expect(control(el, 'Pause').textContent).to.contain('Pause');
    await sendKeys({ press: 'Space' });
    expect(el.playing).to.equal(false);
    el.step = 0;
    control(el, 'Forward').focus();
    await sendKeys({ press: 'Space' });
    expect([el.step, el.playing]).to.deep.equal([1, false]);
  });

  it('Play steps to the last step and stops there; Play at the end starts again from step 0', async () => {
    const el = await simulator(fifo(3, 'FIFO', '1 2 3 4'));
    el.speed = 50;
    const seen: number[] = [];
    el.addEventListener('memsim-step', (e) => seen.push(e.detail.step));
    control(el, 'Play').click();
    await eventually(() => !el.playing, 'playback did not stop at the end');
    expect([el.step, seen]).to.deep.equal([4, [1, 2, 3, 4]]);
    await settled(el);
    control(el, 'Play').click();
    await eventually(() => !el.playing, 'playback did not stop at the end');
    expect(seen).to.deep.equal([1, 2, 3, 4, 0, 1, 2, 3, 4]);
  });

  it('the speed button steps through 0.5, 1, 2, 4 and 8 steps per second, then starts again, saying each in the live region and keeping its width', async () => {
    const el = await simulator(fifo());
    const speed = () => part<HTMLButtonElement>(el, '[part~=speed]');
    expect(speed().textContent!.trim()).to.equal('Speed 1×');
    const seen: number[] = [];
    const widths = new Set<number>();
    for (let i = 0; i < 5; i++) {
      speed().click();
      await settled(el);
      seen.push(el.speed);
      widths.add(Math.round(speed().getBoundingClientRect().width));
      expect(speed().textContent!.trim()).to.equal(`Speed ${el.speed}×`);
      expect(liveText(el)).to.equal(`Speed: ${el.speed} steps per second`);
    }
    expect(seen).to.deep.equal([2, 4, 8, 0.5, 1]);
    expect(widths.size, 'the controls after it do not move').to.equal(1);
  });

  it("an author's own speed (speed=3) shows as it is, and the button goes on to the next faster one, 4", async () => {
    const el = await simulator(fifo());
    el.speed = 3;
    await settled(el);
    const speed = () => part<HTMLButtonElement>(el, '[part~=speed]');
    expect(speed().textContent!.trim()).to.equal('Speed 3×');
    speed().click();
    expect(el.speed).to.equal(4);
    for (const expected of [8, 0.5, 1, 2, 4]) {
      speed().click();
      expect(el.speed).to.equal(expected);
    }
  });

  it('a speed that is not a positive number (speed="fast") plays, shows and moves on as 1 step per second', async () => {
    const el = await fixture<MemSim>(html`<mem-sim speed="fast"><pre><code class="language-memsim">${fifo()}</code></pre></mem-sim>`);
    await el.ready;
    const speed = () => part<HTMLButtonElement>(el, '[part~=speed]');
    expect(speed().textContent!.trim()).to.equal('Speed 1×');
    speed().click();
    expect(el.speed).to.equal(2);
  });

  it('fires memsim-step, which bubbles out of the shadow root, with the step and the total', async () => {
    const el = await simulator(fifo());
    const heard = oneEvent(document.body, 'memsim-step');
    control(el, 'Forward').click();
    const event = (await heard) as CustomEvent;
    expect([event.bubbles, event.composed, event.detail]).to.deep.equal([true, true, { step: 1, total: 20 }]);
  });

  it('announces manual steps and play/pause through aria-live, but not every step while playing', async () => {
    const el = await simulator(fifo(3, 'FIFO, LRU', '1 2 3'));
    const region = part(el, '[aria-live]');
    expect(region.getAttribute('aria-live')).to.equal('polite');
    control(el, 'Forward').click();
    await settled(el);
    expect(liveText(el)).to.equal(
      'Step 1 of 3. FIFO, 3 frames: page 1 is loaded into empty frame 0. LRU, 3 frames: page 1 is loaded into empty frame 0',
    );
    const said: string[] = [];
    new MutationObserver(() => said.push(region.textContent!.trim())).observe(region, { subtree: true, characterData: true, childList: true });
    el.speed = 50;
    control(el, 'Play').click();
    await eventually(() => !el.playing);
    await settled(el);
    expect(said[0]).to.equal('Playing from step 1 of 3');
    expect(said.at(-1)).to.match(/^Finished\. Step 3 of 3\. FIFO, 3 frames: page 3 is loaded into empty frame 2/);
    expect(said.filter((s) => s.startsWith('Step 2'))).to.deep.equal([]);
  });
});

describe('<mem-sim>: where the scenario comes from', () => {
  it('reads the inline code, never the static fallback beside it, and hides both once it renders', async () => {
    const el = await fixture<MemSim>(html`<mem-sim>
      <pre><code class="language-memsim">${fifo(3, 'LRU')}</code></pre>
      <div class="mem-sim-fallback"><pre><code class="language-memsim">scheme: vm-paging\nrefs: 9</code></pre></div>
    </mem-sim>`);
    await el.ready;
    expect(el.total).to.equal(20);
    expect(el.shadowRoot!.querySelector('slot')).to.equal(null);
    expect(el.querySelector('pre')!.getBoundingClientRect().height).to.equal(0);
    expect(el.querySelector('.mem-sim-fallback')!.getBoundingClientRect().height).to.equal(0);
  });

  it('src wins over the inline text (Belady, FIFO with 4 frames: 10 faults)', async () => {
    const src = new URL('./fixtures/belady-4-frames.yaml', import.meta.url).href;
    const el = await fixture<MemSim>(html`<mem-sim src=${src}><pre><code class="language-memsim">${fifo()}</code></pre></mem-sim>`);
    await el.ready;
    el.step = el.total;
    await settled(el);
    expect([el.total, parts(el, '[part=run-label]')[0]!.textContent, metrics(el).faults]).to.deep.equal([12, 'FIFO, 4 frames', '10']);
  });

  it('a src that cannot be fetched shows an error box naming the URL', async () => {
    const el = await fixture<MemSim>(html`<mem-sim src="./fixtures/no-such-file.yaml"></mem-sim>`);
    await el.ready;
    expect(part(el, '[part=error-list]').textContent).to.match(/could not load the scenario from .*no-such-file\.yaml: HTTP 404/);
  });

  it('without code, the scheme, frames, policy and refs attributes spell the scenario (LRU: 12 faults)', async () => {
    const el = await fixture<MemSim>(html`<mem-sim scheme="vm-paging" frames="3" policy="LRU" refs=${SILBERSCHATZ_REFS}></mem-sim>`);
    await el.ready;
    el.step = 20;
    await settled(el);
    expect([parts(el, '[part=run-label]')[0]!.textContent, metrics(el).faults]).to.deep.equal(['LRU, 3 frames', '12']);
  });

  it('an attribute value holding YAML syntax stays one value', async () => {
    const el = await fixture<MemSim>(html`<mem-sim scheme="vm-paging" refs="1 2\nframes: 9, policy: LRU"></mem-sim>`);
    await el.ready;
    const errors = part(el, '[part=error-list]').textContent!;
    expect(errors).to.contain("'policy:' is not a reference");
    expect(part(el, '[part=source]').textContent).to.contain('refs: "1 2\\nframes: 9, policy: LRU"');
  });

  it('scheme="segmentation" (a scheme not built yet) says it is not available yet, with its position', async () => {
    const el = await fixture<MemSim>(html`<mem-sim scheme="segmentation"></mem-sim>`);
    await el.ready;
    expect(part(el, '[part=error-list]').textContent).to.match(/1:9 the scheme 'segmentation' is not available yet/);
  });

  for (const word of ['__proto__', 'constructor', 'segmentation', 'vm-pagin']) {
    it(`'scheme: ${word}' (the scheme's code is fetched early from a guess at the text) shows the positioned error, and no error escapes to the page`, async () => {
      const escaped: unknown[] = [];
      const onRejection = (e: PromiseRejectionEvent) => escaped.push(e.reason);
      addEventListener('unhandledrejection', onRejection);
      try {
        const el = await fixture<MemSim>(html`<mem-sim><pre><code class="language-memsim">${`scheme: ${word}\nframes: 3\nrefs: 1 2 1\n`}</code></pre></mem-sim>`);
        await el.ready;
        await new Promise((r) => setTimeout(r, 50));
        expect(part(el, '[part=error-list]').textContent).to.match(/^\s*1:9 /);
        expect(escaped).to.deep.equal([]);
      } finally {
        removeEventListener('unhandledrejection', onRejection);
      }
    });
  }

  it('the scheme attribute is assumed when the inline text names none', async () => {
    const el = await fixture<MemSim>(html`<mem-sim scheme="vm-paging"><pre><code class="language-memsim">refs: 1 2 1</code></pre></mem-sim>`);
    await el.ready;
    expect(el.total).to.equal(3);
  });

  it('reads a scenario indented inside hand-written HTML', async () => {
    const el = await simulator('\n    scheme: vm-paging\n    frames: 2\n    refs: 1 2 3\n  ');
    expect(el.total).to.equal(3);
  });

  it('runs again when the scenario text changes', async () => {
    const el = await simulator(fifo(3, 'FIFO', '1 2 3'));
    el.querySelector('code')!.textContent = fifo(3, 'FIFO', '1 2 3 4 5');
    await eventually(() => el.total === 5, 'the new text was not read');
  });

  it('an empty element says what it needs instead of staying blank', async () => {
    const el = await fixture<MemSim>(html`<mem-sim></mem-sim>`);
    await el.ready;
    expect(part(el, '[part=error-list]').textContent).to.contain('no scenario');
  });
});

describe('<mem-sim>: errors', () => {
  it('lists each error as line:column and message, beside the text as written with the bad lines marked', async () => {
    const text = 'scheme: vm-paging\nframes: 3\npolicy: FIFO, LFUU\nrefs: 1 2 x\n';
    const el = await simulator(text);
    const items = parts(el, '[part=error-list] li').map((li) => li.textContent!.trim());
    expect(items).to.deep.equal([
      "3:15 unknown policy 'LFUU': expected 'FIFO', 'LRU', 'OPT', 'CLOCK', 'ENHANCED-CLOCK', 'NRU', 'LFU', 'MFU', 'AGING', 'MRU', 'RANDOM' or 'WS'; did you mean 'LFU'?",
      "4:11 'x' is not a reference: expected a page number such as 7, optionally followed by :r or :w (7:w)",
    ]);
    const lines = [...part(el, '[part=source]').querySelectorAll('code > span')];
    expect(lines.map((l) => l.textContent)).to.deep.equal(['1scheme: vm-paging', '2frames: 3', '3policy: FIFO, LFUU', '4refs: 1 2 x']);
    expect(lines.map((l) => l.className)).to.deep.equal(['', '', 'bad', 'bad']);
    expect(el.shadowRoot!.querySelector('[part=controls]')).to.equal(null);
  });

  it('with data-line (the fence line a build plugin writes), errors and the text count lines of the source file', async () => {
    const el = await fixture<MemSim>(html`<mem-sim data-line="12"><pre><code class="language-memsim">scheme: vm-paging\nrefs: 1 x</code></pre></mem-sim>`);
    await el.ready;
    expect(part(el, '[part=error-list] li').textContent!.trim()).to.match(/^14:9 'x' is not a reference/);
    const lines = [...part(el, '[part=source]').querySelectorAll('code > span')];
    expect(lines.map((l) => [l.textContent, l.className])).to.deep.equal([
      ['13scheme: vm-paging', ''],
      ['14refs: 1 x', 'bad'],
    ]);
  });

  it('a YAML syntax error is positioned too, and said as the build says it (a list left open, at its bracket)', async () => {
    const el = await simulator('scheme: vm-paging\nrefs: [1, 2\n');
    expect(part(el, '[part=error-list]').textContent).to.match(/2:7 the \[ here is never closed: end the list with \] on the same line/);
  });
});

describe('<mem-sim>: layout and themes', () => {
  it('works when it starts inside a closed <details> that opens later', async () => {
    const details = await fixture<HTMLDetailsElement>(html`<details>
      <summary>Exercise</summary>
      <mem-sim><pre><code class="language-memsim">${fifo()}</code></pre></mem-sim>
    </details>`);
    const el = details.querySelector('mem-sim')!;
    await el.ready;
    expect(el.checkVisibility()).to.equal(false);
    details.open = true;
    control(el, 'Forward').click();
    await settled(el);
    const table = views(el)[0]!.shadowRoot!.querySelector('table')!;
    expect(table.getBoundingClientRect().width).to.be.greaterThan(200);
    expect(frameTable(el).map((r) => r[1])).to.deep.equal(['7', '7', '', '', 'F']);
  });

  it('fits 320 px: runs stacked, the table within its box, the page does not scroll sideways', async () => {
    const { setViewport } = await import('@web/test-runner-commands');
    await setViewport({ width: 320, height: 800 });
    try {
      const el = await simulator(fifo(3, 'FIFO, LRU'));
      const [a, b] = parts(el, '[part=run]').map((r) => r.getBoundingClientRect());
      expect(b!.top).to.be.greaterThan(a!.bottom - 1);
      expect(b!.left).to.equal(a!.left);
      expect(el.getBoundingClientRect().right).to.be.at.most(320);
      const box = views(el)[0]!.shadowRoot!.querySelector<HTMLElement>('[part=frame-table]')!;
      // The table fits its box or scrolls inside it (table-fit.test.ts: how many columns show).
      expect(box.getBoundingClientRect().right).to.be.at.most(el.getBoundingClientRect().right);
      expect(document.documentElement.scrollWidth).to.be.at.most(320);
      // Stepping near the end scrolls the current column into view.
      el.step = 20;
      await settled(el);
      const right = () => box.querySelector('thead .current')!.getBoundingClientRect().right;
      await eventually(() => right() <= box.getBoundingClientRect().right + 1, 'the current column is scrolled into view');
    } finally {
      await setViewport({ width: 1280, height: 800 });
    }
  });

  it('sits side by side when the width allows', async () => {
    const { setViewport } = await import('@web/test-runner-commands');
    await setViewport({ width: 1280, height: 800 });
    const el = await simulator(fifo(3, 'FIFO, LRU', '1 2 3 4 1 2'));
    const [a, b] = parts(el, '[part=run]').map((r) => r.getBoundingClientRect());
    expect(b!.top).to.equal(a!.top);
    expect(b!.left).to.be.greaterThan(a!.right - 1);
  });

  it('dark theme by prefers-color-scheme, by theme="dark", and theme="light" overriding a dark preference', async () => {
    const { emulateMedia } = await import('@web/test-runner-commands');
    const el = await simulator(fifo());
    const background = () => getComputedStyle(el).backgroundColor;
    expect(background()).to.equal('rgb(255, 255, 255)');
    el.theme = 'dark';
    await el.updateComplete;
    expect(background()).to.equal('rgb(29, 30, 34)');
    el.theme = undefined;
    await emulateMedia({ colorScheme: 'dark' });
    try {
      await el.updateComplete;
      expect(background()).to.equal('rgb(29, 30, 34)');
      el.theme = 'light';
      await el.updateComplete;
      expect(background()).to.equal('rgb(255, 255, 255)');
    } finally {
      await emulateMedia({ colorScheme: 'light' });
    }
  });

  it('every colour can be set through a --mem-sim- custom property, inside the views too', async () => {
    const el = await simulator(fifo());
    el.style.setProperty('--mem-sim-fault-background', 'rgb(1, 2, 3)');
    el.step = 1;
    await settled(el);
    const fault = views(el)[0]!.shadowRoot!.querySelector('td.fault')!;
    expect(getComputedStyle(fault).backgroundColor).to.equal('rgb(1, 2, 3)');
  });

  it('prefers-reduced-motion: no transitions, and Play still steps to the end', async () => {
    const { emulateMedia } = await import('@web/test-runner-commands');
    const el = await simulator(fifo(3, 'FIFO', '1 2 3'));
    const duration = () => getComputedStyle(control(el, 'Forward')).transitionDuration;
    expect(duration()).to.not.equal('0s');
    await emulateMedia({ reducedMotion: 'reduce' });
    try {
      expect(duration()).to.equal('0s');
      el.speed = 50;
      el.play();
      await eventually(() => !el.playing);
      expect(el.step).to.equal(3);
    } finally {
      await emulateMedia({ reducedMotion: 'no-preference' });
    }
  });

  it('shows a focus ring on the control that keyboard focus reaches', async () => {
    const wrapper = await fixture<HTMLElement>(html`<div>
      <button id="before">before</button>
      <mem-sim><pre><code class="language-memsim">${fifo()}</code></pre></mem-sim>
    </div>`);
    const el = wrapper.querySelector('mem-sim')!;
    await el.ready;
    wrapper.querySelector<HTMLElement>('#before')!.focus();
    // The frame table (a scrolling region), FIFO's "Show FIFO queue" under it, then the controls.
    for (let i = 0; i < 3; i++) await sendKeys({ press: 'Tab' });
    let focused: Element | null = document.activeElement;
    while (focused?.shadowRoot?.activeElement) focused = focused.shadowRoot.activeElement;
    expect(focused!.getAttribute('aria-label')).to.equal('First step');
    expect(getComputedStyle(focused!).outlineStyle).to.equal('solid');
  });
});

describe('<mem-sim>: scenario text is data', () => {
  it('a title or values holding markup and script are shown as text and never run', async () => {
    const w = window as unknown as { __xss?: number };
    delete w.__xss;
    const title = `<img src=x onerror="window.__xss=1"><script>window.__xss=2</script>`;
    const el = await simulator(`scheme: vm-paging\ntitle: '${title}'\nrefs: 1 2 3\n`);
    expect(part(el, '[part=title]').textContent).to.equal(title);
    const broken = await simulator(`scheme: vm-paging\ntitle: '${title}'\nrefs: 1 <img/src=x/onerror=window.__xss=3> 3\n`);
    expect(part(broken, '[part=error-list]').textContent).to.contain("'<img/src=x/onerror=window.__xss=3>' is not a reference");
    expect(part(broken, '[part=source]').textContent).to.contain(title);
    for (const sim of [el, broken]) {
      expect(sim.shadowRoot!.querySelectorAll('img, script').length).to.equal(0);
    }
    // A broken image's error event fires as soon as one injected by the scenario would have.
    const probe = document.createElement('img');
    const failed = oneEvent(probe, 'error');
    probe.src = 'data:image/png;base64,broken';
    await failed;
    expect(w.__xss).to.equal(undefined);
  });
});
