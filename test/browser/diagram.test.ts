import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import type { MemSimDiagram } from '../../components/diagram-panel.js';
import type { MemSim } from '../../components/mem-sim.js';
import { mermaidLabel } from '../../engine/mermaid.js';
import { control, eventually, fifo, parts, settled, simulator } from './helpers.js';

/** Requests for Mermaid's own files (not the engine's small mermaid.ts, which writes the source). */
const mermaidRequests = () =>
  performance.getEntriesByType('resource').filter((e) => /node_modules\/mermaid\//.test(e.name));

const drawing = (panel: Element) => panel.shadowRoot!.querySelector('svg');
const nodeTexts = (panel: Element) =>
  [...drawing(panel)!.querySelectorAll('g.node')].map((n) => n.textContent!.replace(/\s+/g, ' ').trim());

async function drawn(panel: Element, what = 'the diagram'): Promise<void> {
  await eventually(() => drawing(panel)?.querySelector('g.node'), `${what} was not drawn`);
}

describe('the Diagram control', () => {
  it('imports Mermaid only when pressed, then draws the pages mapped to the frames at the current step', async () => {
    const el = await simulator(fifo(3, 'FIFO', '7 0 1 2'));
    el.step = 2;
    await settled(el);
    expect(mermaidRequests()).to.deep.equal([]);
    const button = control(el, 'Diagram');
    expect(button.getAttribute('aria-expanded')).to.equal('false');
    button.click();
    await eventually(() => parts(el, 'mem-sim-diagram').length === 1, 'no diagram panel');
    const panel = parts(el, 'mem-sim-diagram')[0]!;
    await drawn(panel);
    expect(mermaidRequests().length).to.be.greaterThan(0);
    expect(button.getAttribute('aria-expanded')).to.equal('true');
    expect(nodeTexts(panel)).to.include.members(['page 7', 'page 0', 'frame 0: page 7', 'frame 1: page 0', 'frame 2: empty']);
    expect(panel.shadowRoot!.querySelector('figure')!.getAttribute('aria-label')).to.equal('Diagram of FIFO, 3 frames at step 2');
  });

  it('redraws when the step changes, showing the victim of a replacement', async () => {
    const el = await simulator(fifo(3, 'FIFO', '7 0 1 2'));
    control(el, 'Diagram').click();
    await eventually(() => parts(el, 'mem-sim-diagram').length === 1, 'no diagram panel');
    const panel = parts(el, 'mem-sim-diagram')[0]!;
    await drawn(panel);
    el.step = 4;
    await eventually(() => nodeTexts(panel).includes('page 7 (evicted)'), 'the step was not redrawn');
    expect(nodeTexts(panel)).to.include('frame 0: page 2');
    control(el, 'Diagram').click();
    await el.updateComplete;
    expect(parts(el, 'mem-sim-diagram')).to.deep.equal([]);
  });

  it('draws every run of a comparison', async () => {
    const el: MemSim = await simulator(fifo(3, 'FIFO, LRU', '1 2 3 1 4'));
    el.step = 5;
    control(el, 'Diagram').click();
    await eventually(() => parts(el, 'mem-sim-diagram').length === 2, 'one panel per run');
    for (const panel of parts(el, 'mem-sim-diagram')) await drawn(panel);
    const [fifoRun, lruRun] = parts(el, 'mem-sim-diagram').map(nodeTexts);
    expect(fifoRun).to.include('page 1 (evicted)');
    expect(lruRun).to.include('page 2 (evicted)');
  });
});

describe('diagrams: scenario text is data', () => {
  const w = window as unknown as { __xss?: number };
  async function noScriptRan(): Promise<void> {
    const probe = document.createElement('img');
    const failed = oneEvent(probe, 'error');
    probe.src = 'data:image/png;base64,broken';
    await failed;
    expect(w.__xss).to.equal(undefined);
  }

  it('labels holding markup and script, escaped as the engine escapes them, draw as text and never run', async () => {
    delete w.__xss;
    const image = '<img src=x onerror="window.__xss=4">';
    const script = '<script>window.__xss=5</script>';
    const source = `flowchart LR\n  a[${mermaidLabel(image)}]\n  b[${mermaidLabel(script)}]\n  a --> b`;
    const panel = await fixture<MemSimDiagram>(html`<mem-sim-diagram .source=${source}></mem-sim-diagram>`);
    await import('../../components/diagram-panel.js');
    await drawn(panel);
    expect(nodeTexts(panel)).to.deep.equal([image, script]);
    expect(drawing(panel)!.querySelectorAll('img, script').length).to.equal(0);
    await noScriptRan();
  });

  it('even unescaped markup, event handlers and click directives in a source cannot run', async () => {
    delete w.__xss;
    const source = [
      'flowchart LR',
      '  a["<img src=data:,x onerror=window.__xss=6>"] --> b["<b onmouseover=window.__xss=7>bold</b>"]',
      '  click a call eval("window.__xss=8")',
      '  click b href "javascript:window.__xss=9"',
    ].join('\n');
    const panel = await fixture<MemSimDiagram>(html`<mem-sim-diagram .source=${source}></mem-sim-diagram>`);
    await drawn(panel);
    const svg = drawing(panel)!;
    expect(svg.querySelectorAll('img, script').length).to.equal(0);
    const handlers = [svg, ...svg.querySelectorAll('*')].flatMap((n) => [...n.attributes].filter((a) => /^on|href$/i.test(a.name) && !a.value.startsWith('#')));
    expect(handlers.map((a) => a.name)).to.deep.equal([]);
    for (const node of svg.querySelectorAll<SVGElement>('g.node')) node.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    await noScriptRan();
  });
});
