import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { MemSim } from '../../components/mem-sim.js';
import type { ScenarioEditor } from '../../components/scenario-editor.js';
import { control, deepActive, eventually, fifo, liveText, metrics, parts, settled, simulator, inView } from './helpers.js';

/** The editor the Edit control opened, once its chunk has loaded and it has rendered. */
async function openEditor(el: MemSim): Promise<ScenarioEditor> {
  control(el, 'Edit').click();
  await eventually(() => el.shadowRoot!.querySelector('mem-sim-editor')?.shadowRoot?.querySelector('textarea'), 'the editor opens');
  const editor = el.shadowRoot!.querySelector('mem-sim-editor')!;
  await editor.updateComplete;
  return editor;
}

const textArea = (editor: ScenarioEditor) => editor.shadowRoot!.querySelector('textarea')!;
const problems = (editor: ScenarioEditor) => [...editor.shadowRoot!.querySelectorAll('[part=error-list] li')].map((li) => li.textContent!.trim());
const markedLines = (editor: ScenarioEditor) => [...editor.shadowRoot!.querySelectorAll('.lines .bad')].map((s) => s.textContent);
const editorButton = (editor: ScenarioEditor, name: string) =>
  [...editor.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent!.trim() === name)!;

/** Replaces the editor's text as typing would: the text area's value, then an input event. */
function type(editor: ScenarioEditor, text: string): void {
  const area = textArea(editor);
  area.value = text;
  area.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

/** Presses `key` with Control held. */
async function withControl(key: string): Promise<void> {
  await sendKeys({ down: 'Control' });
  await sendKeys({ press: key });
  await sendKeys({ up: 'Control' });
}

/** Waits until the simulator has re-run and shows `faults` at its last step. */
async function faultsAtEnd(el: MemSim): Promise<string | undefined> {
  await el.ready;
  if (el.total === 0) return undefined;
  el.step = el.total;
  await settled(el);
  return metrics(el).faults;
}

describe('<mem-sim>: Edit in place', () => {
  it('Edit opens the scenario as written in a labelled monospace text area without spellcheck; Edit again closes it', async () => {
    const el = await simulator(fifo());
    const edit = control(el, 'Edit');
    expect(edit.getAttribute('aria-expanded')).to.equal('false');
    const editor = await openEditor(el);
    const area = textArea(editor);
    expect(edit.getAttribute('aria-expanded')).to.equal('true');
    expect(area.value).to.equal(fifo());
    expect(editor.shadowRoot!.querySelector(`label[for=${area.id}]`)!.textContent).to.equal('Scenario text');
    expect(area.spellcheck).to.equal(false);
    expect(getComputedStyle(area).fontFamily).to.match(/mono/);
    expect(area.rows).to.be.at.least(fifo().split('\n').length);
    edit.click();
    await settled(el);
    expect(el.shadowRoot!.querySelector('mem-sim-editor')).to.equal(null);
  });

  it('marks an error by line and column while typing, without running the text', async () => {
    const el = await simulator(fifo());
    const editor = await openEditor(el);
    type(editor, fifo('none'));
    await eventually(() => problems(editor).length > 0, 'the typed error is listed');
    expect(problems(editor)[0]).to.match(/^3:9 /);
    expect(markedLines(editor)).to.deep.equal(['3']);
    expect(textArea(editor).getAttribute('aria-invalid')).to.equal('true');
    expect(el.total).to.equal(20); // still the scenario as written
    type(editor, fifo(4));
    await eventually(() => problems(editor).length === 0, 'the fixed text has no errors');
    expect(markedLines(editor)).to.deep.equal([]);
  });

  it('Run re-runs the edited text: 4 frames instead of 3 changes the faults, the step stays, and the page text is untouched', async () => {
    const el = await simulator(fifo(3));
    const original = el.querySelector('code')!.textContent;
    expect(await faultsAtEnd(el)).to.equal('15');
    el.step = 5;
    await settled(el);
    const editor = await openEditor(el);
    type(editor, fifo(4));
    editorButton(editor, 'Run').click();
    await eventually(() => liveText(el).startsWith('Ran the edited scenario'), 'the run is announced');
    expect(liveText(el)).to.equal('Ran the edited scenario: 20 steps');
    expect(el.step).to.equal(5);
    expect(await faultsAtEnd(el)).to.equal('10');
    expect(el.querySelector('code')!.textContent).to.equal(original);
    expect(textArea(editor).value).to.equal(fifo(4));
  });

  it('Run with an invalid text shows the error box with that text, and the editor keeps it', async () => {
    const el = await simulator(fifo());
    const editor = await openEditor(el);
    const broken = fifo(3, 'LFUU');
    type(editor, broken);
    editorButton(editor, 'Run').click();
    await eventually(() => parts(el, '[part=error]').length === 1, 'the error box shows');
    expect(parts(el, '[part=error-list] li')[0]!.textContent).to.match(/^4:9 unknown policy/);
    expect(parts(el, '[part=source]')[0]!.textContent).to.contain('policy: LFUU');
    expect(textArea(editor).value).to.equal(broken);
    expect(liveText(el)).to.equal('The edited scenario cannot run: 1 error, listed in the error box');
  });

  it('Reset restores the scenario as written and runs it again', async () => {
    const el = await simulator(fifo());
    const editor = await openEditor(el);
    type(editor, 'scheme: vm-paging\nframes: x\n');
    editorButton(editor, 'Run').click();
    await eventually(() => parts(el, '[part=error]').length === 1, 'the error box shows');
    editorButton(editor, 'Reset').click();
    await eventually(() => el.total === 20, 'the scenario as written runs again');
    await eventually(() => textArea(editor).value === fifo(), 'the text as written is back');
    expect(await faultsAtEnd(el)).to.equal('15');
    await eventually(() => problems(editor).length === 0, 'no errors are marked');
    expect(liveText(el)).to.equal('Restored the scenario as written');
  });

  it('works from the keyboard alone: keys in the text edit it instead of stepping, Ctrl+Enter runs, Reset by Tab and Enter', async () => {
    const el = await simulator(fifo(3));
    el.step = 5;
    await settled(el);
    control(el, 'Edit').focus();
    await sendKeys({ press: 'Enter' });
    await eventually(() => el.shadowRoot!.querySelector('mem-sim-editor')?.shadowRoot?.querySelector('textarea'), 'the editor opens');
    const editor = el.shadowRoot!.querySelector('mem-sim-editor')!;
    await editor.updateComplete;
    await sendKeys({ press: 'Tab' });
    expect(deepActive()).to.equal(textArea(editor));
    // Line 3 is "frames: 3": go there, replace the 3 by 4, and add a space, which must not play.
    await withControl('Home');
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'End' });
    await sendKeys({ press: 'ArrowLeft' });
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'Backspace' });
    await sendKeys({ type: '4 ' });
    expect(el.step).to.equal(5);
    expect(el.playing).to.equal(false);
    expect(textArea(editor).value).to.equal(fifo('4 '));
    await withControl('Enter');
    await eventually(() => liveText(el).startsWith('Ran the edited scenario'), 'Ctrl+Enter runs');
    expect(await faultsAtEnd(el)).to.equal('10');
    textArea(editor).focus();
    await sendKeys({ press: 'Tab' });
    expect(deepActive()!.textContent!.trim()).to.equal('Run');
    await sendKeys({ press: 'Tab' });
    expect(deepActive()!.textContent!.trim()).to.equal('Reset');
    await sendKeys({ press: 'Enter' });
    await eventually(() => textArea(editor).value === fifo(3), 'Reset restores the text');
    expect(await faultsAtEnd(el)).to.equal('15');
  });

  for (const theme of ['light', 'dark'] as const) {
    it(`axe-core finds no violations with the editor open and an error marked, ${theme} theme`, async () => {
      const el = await simulator(fifo());
      el.theme = theme;
      const editor = await openEditor(el);
      type(editor, fifo('none'));
      await eventually(() => problems(editor).length > 0, 'the typed error is listed');
      await inView(el);
      await expect(el).to.be.accessible();
    });
  }
});
