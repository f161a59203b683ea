import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import type Axe from 'axe-core';
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

describe('diagrams in the theme of the element', () => {
  type Rgb = [number, number, number];

  const rgb = (css: string): Rgb => {
    const [r, g, b] = css.match(/[\d.]+/g)!.map(Number);
    return [r!, g!, b!];
  };
  const luminance = (c: Rgb) =>
    c.map((v) => (v / 255 <= 0.04045 ? v / 255 / 12.92 : ((v / 255 + 0.055) / 1.055) ** 2.4)).reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i]!, 0);
  const contrast = (a: Rgb, b: Rgb) => {
    const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
    return (x! + 0.05) / (y! + 0.05);
  };

  /** Each node's and frame's label with the contrast ratio of its text colour to its shape's fill, as drawn. */
  function labelContrasts(panel: Element): { label: string; ratio: number; text: string; fill: string }[] {
    return [...drawing(panel)!.querySelectorAll('g.node, g.cluster')].map((node) => {
      const shape = node.querySelector('rect, polygon, path, circle, ellipse')!;
      const words = [...node.querySelectorAll('foreignObject *, text, tspan')].filter((e) => !e.children.length && e.textContent!.trim()).at(-1)!;
      const text = getComputedStyle(words).getPropertyValue(words instanceof SVGElement ? 'fill' : 'color');
      const fill = getComputedStyle(shape).fill;
      return { label: node.textContent!.trim(), ratio: contrast(rgb(text), rgb(fill)), text, fill };
    });
  }

  const schemes = {
    // Step 4 is a placement search over two holes: the free list, the chosen hole and the process.
    'dynamic partitioning': 'scheme: dynamic\ntitle: Dynamic\nmemory: 64M\nos: 8M\ntrace: |\n  load A 10M\n  load B 20M\n  exit A\n  load C 5M\n',
    'paging with FIFO': fifo(3, 'FIFO', '7 0 1 2'),
  };

  for (const [scheme, text] of Object.entries(schemes)) {
    for (const theme of ['light', 'dark'] as const) {
      it(`${scheme}, ${theme}: every node label reads at 4.5:1 or more on its fill, and axe finds no contrast violation`, async () => {
        const el = await fixture<MemSim>(html`<mem-sim theme=${theme}><pre><code class="language-memsim">${text}</code></pre></mem-sim>`);
        await el.ready;
        el.step = 4;
        await settled(el);
        control(el, 'Diagram').click();
        await eventually(() => parts(el, 'mem-sim-diagram').length === 1, 'no diagram panel');
        const panel = parts(el, 'mem-sim-diagram')[0]!;
        await drawn(panel);
        const labels = labelContrasts(panel);
        expect(labels.length).to.be.greaterThan(3);
        expect(labels.map((l) => l.text)).to.deep.equal(labels.map(() => labels[0]!.text), 'one label colour, the theme text');
        expect(labels.filter((l) => l.ratio < 4.5)).to.deep.equal([]);
        await import('axe-core/axe.min.js');
        const axe = (window as unknown as { axe: typeof Axe }).axe;
        const results = await axe.run(panel, { runOnly: ['color-contrast'] });
        // axe cannot see an SVG shape behind HTML text, so it marks the labels for review rather
        // than passing them; the ratios above are the measurement. It must still have looked at them.
        const checked = [...results.passes, ...results.incomplete].flatMap((r) => r.nodes).length;
        expect(results.violations.flatMap((v) => v.nodes.map((n) => n.target))).to.deep.equal([]);
        expect(checked).to.be.at.least(labels.length);
      });
    }
  }

  const opened = async (el: MemSim) => {
    await el.ready;
    control(el, 'Diagram').click();
    await eventually(() => parts(el, 'mem-sim-diagram').length === 1, 'no diagram panel');
    const panel = parts(el, 'mem-sim-diagram')[0]!;
    await drawn(panel);
    return panel;
  };
  const labelColour = (panel: Element) => getComputedStyle(drawing(panel)!.querySelector('g.node .nodeLabel p, g.node .nodeLabel')!).color;

  it('a light and a dark simulator drawing at the same time each get their own theme (Mermaid is set up per drawing)', async () => {
    const text = schemes['paging with FIFO'];
    const page = await fixture<HTMLElement>(html`<div>
      <mem-sim theme="light"><pre><code class="language-memsim">${text}</code></pre></mem-sim>
      <mem-sim theme="dark"><pre><code class="language-memsim">${text}</code></pre></mem-sim>
    </div>`);
    const [light, dark] = await Promise.all([...page.querySelectorAll<MemSim>('mem-sim')].map(opened));
    expect([labelColour(light!), labelColour(dark!)]).to.deep.equal(['rgb(27, 27, 31)', 'rgb(233, 233, 238)']);
    expect(drawing(light!)!.innerHTML).not.to.include('%%{');
  });

  it("a page's own --mem-sim-* colours are the diagram's: its text on nodes tinted with its accent", async () => {
    const el = await fixture<MemSim>(html`<mem-sim
      theme="dark"
      style="--mem-sim-background: #fdf6e3; --mem-sim-text: rgb(60 40 20); --mem-sim-accent: darkred; --mem-sim-muted: #6b5a40"
      ><pre><code class="language-memsim">${schemes['dynamic partitioning']}</code></pre></mem-sim
    >`);
    el.step = 4;
    const panel = await opened(el);
    expect(labelColour(panel)).to.equal('rgb(60, 40, 20)');
    const labels = labelContrasts(panel);
    expect(labels.filter((l) => l.ratio < 4.5)).to.deep.equal([]);
    const hole = labels.find((l) => l.label.includes('hole'))!;
    expect(hole.fill).to.equal('rgb(253, 246, 227)', 'the engine draws a hole on the paper colour: here the page background');
  });
});
