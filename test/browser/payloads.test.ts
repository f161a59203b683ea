import { expect, oneEvent } from '@open-wc/testing';
import { renderBlock } from '../../plugin/block.js';
import { batchedScenarios, PAYLOADS } from '../fixtures/payloads.js';
import { control, eventually, parts, settled, simulator } from './helpers.js';

/** Every payload calls this if it ever runs. */
const calls: number[] = [];
(window as unknown as { __memsimPwned: (id: number) => void }).__memsimPwned = (id) => void calls.push(id);

/**
 * Lets pending loads fail and their handlers (an `onerror` on a broken image) run, then returns: a
 * sentinel image that fails the way a payload's does (a request the server answers 404), inserted
 * after them, has failed, and a moment more has passed. (A `data:` sentinel fails at once, before
 * any request, which under load left a payload's handler still pending.)
 */
async function handlersHadTheirChance(): Promise<void> {
  const img = document.createElement('img');
  const failed = oneEvent(img, 'error');
  img.src = `/memsim-missing-${Math.random()}.png`;
  await failed;
  await new Promise((r) => setTimeout(r, 50));
}

/** The static fallback's HTML put in the page the way a script-running insertion would. */
function insertFallback(text: string): void {
  const { html } = renderBlock(text, { line: 1 }, { steps: true, mermaid: true });
  const host = document.createElement('div');
  host.append(document.createRange().createContextualFragment(html));
  document.body.append(host);
}

describe(`hostile input in the browser: ${PAYLOADS.length} script payloads in every text field, 0 executions`, () => {
  it('the probe counts a payload that does run (inserted raw, unescaped)', async () => {
    calls.length = 0;
    const host = document.createElement('div');
    host.append(document.createRange().createContextualFragment(PAYLOADS.find((p) => p.text.startsWith('<img src=x onerror='))!.text));
    document.body.append(host);
    await eventually(() => calls.length > 0, 'the raw payload never ran');
    await handlersHadTheirChance();
    expect(calls.length).to.equal(1);
    host.remove();
  });

  for (const scheme of ['vm-paging', 'fixed', 'dynamic', 'buddy', 'relocation', 'paging']) {
    it(`${scheme}: the element stepped to its end with the diagram and table open, the error box and the static fallback run no payload`, async () => {
      calls.length = 0;
      const { valid, invalid } = batchedScenarios(scheme, PAYLOADS);
      const el = await simulator(valid);
      control(el, 'Diagram').click();
      await eventually(() => parts(el, 'mem-sim-diagram').length > 0, 'no diagram panel');
      el.step = el.total;
      await settled(el);
      for (const panel of parts(el, 'mem-sim-diagram')) {
        await eventually(() => panel.shadowRoot!.querySelector('svg g.node'), 'the diagram was not drawn');
      }
      const table = parts(el, 'button').find((b) => b.textContent!.trim() === 'Table');
      table?.click();
      await settled(el);
      expect(el.step).to.equal(el.total);

      const broken = await simulator(invalid);
      expect(broken.shadowRoot!.querySelector('[part=error]'), 'the invalid scenario shows its errors').to.exist;

      insertFallback(valid);
      insertFallback(invalid);
      await handlersHadTheirChance();
      expect(calls).to.deep.equal([]);
    });
  }
});
