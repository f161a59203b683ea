import { css, html, LitElement, type PropertyValues } from 'lit';
import { define } from './define.js';
import { base } from './styles.js';

type Mermaid = (typeof import('mermaid'))['default'];

let mermaidReady: Promise<Mermaid> | undefined;
let diagramCount = 0;

/**
 * Mermaid, imported the first time a diagram is drawn (it is large) and set up once for the page in
 * strict mode, which escapes label text and disables click handlers and scripts in diagrams.
 */
function loadMermaid(): Promise<Mermaid> {
  mermaidReady ??= import('mermaid').then(({ default: mermaid }) => {
    mermaid.initialize({ startOnLoad: false, securityLevel: 'strict' });
    return mermaid;
  });
  return mermaidReady;
}

/**
 * An SVG string as nodes, minus anything that could run code or fetch something. Mermaid's strict
 * mode already sanitises labels; this second pass means a bug there still cannot run a scenario's
 * text. (Labels are HTML inside foreignObject: the engine writes `<` as an entity, which only an
 * HTML label turns back into the character.)
 */
function svgNodes(svg: string): Element {
  // Mermaid writes HTML (its labels are HTML), so parse it as HTML: in a parsed document nothing
  // runs and nothing loads until the nodes are adopted, by which time the dangerous ones are gone.
  const root = new DOMParser().parseFromString(svg, 'text/html').querySelector('svg');
  if (!root) throw new Error('Mermaid did not produce an SVG image');
  for (const el of root.querySelectorAll('script, iframe, object, embed, img, image, use, animate, set')) el.remove();
  for (const el of [root, ...root.querySelectorAll('*')]) {
    for (const a of [...el.attributes]) {
      if (/^on/i.test(a.name) || (/href$/i.test(a.name) && !a.value.startsWith('#'))) el.removeAttribute(a.name);
    }
  }
  return document.importNode(root, true);
}

/**
 * The current step drawn by Mermaid from the source the engine writes: the process's pages, the
 * frames of memory, and which page sits in which frame. Imported by `<mem-sim>` only when the
 * reader opens the diagram, and it imports Mermaid only then.
 *
 * @tagname mem-sim-diagram
 * @csspart diagram - the figure that holds the drawing
 */
export class MemSimDiagram extends LitElement {
  static override styles = [
    base,
    css`
      :host {
        display: block;
        margin-top: 0.5rem;
      }
      figure {
        margin: 0;
        overflow-x: auto;
        border: 1px solid var(--_border);
        border-radius: var(--mem-sim-radius, 6px);
        padding: 0.4rem;
        background: var(--_background);
      }
      svg {
        max-width: 100%;
        height: auto;
      }
      p {
        margin: 0;
        color: var(--_muted);
      }
    `,
  ];

  static override properties = { source: {}, label: {}, dark: { type: Boolean }, _problem: { state: true, attribute: false }, _drawn: { state: true, attribute: false } };

  /** The Mermaid source of the step to draw (its labels escaped by the engine). */
  source = '';

  /** What the diagram shows, for assistive technology. */
  label = 'Diagram';

  /** Draws with Mermaid's dark theme. */
  dark = false;

  private _problem = '';
  private _drawn = false;

  private _drawing = false;
  private _again = false;

  override render() {
    return html`<figure part="diagram" aria-label=${this.label}>
      ${this._problem ? html`<p>The diagram could not be drawn: ${this._problem}</p>` : this._drawn ? '' : html`<p>Drawing the diagram…</p>`}
      <div class="svg"></div>
    </figure>`;
  }

  protected override updated(changed: PropertyValues): void {
    if (changed.has('source') || changed.has('dark')) void this._draw();
  }

  /** Draws the latest source; changes that arrive while Mermaid is busy collapse into one more drawing. */
  private async _draw(): Promise<void> {
    if (this._drawing) {
      this._again = true;
      return;
    }
    this._drawing = true;
    try {
      do {
        this._again = false;
        const mermaid = await loadMermaid();
        const theme = `%%{init: {"theme": "${this.dark ? 'dark' : 'default'}"}}%%\n`;
        const { svg } = await mermaid.render(`mem-sim-diagram-${++diagramCount}`, theme + this.source);
        const image = svgNodes(svg);
        this.renderRoot.querySelector('.svg')!.replaceChildren(image);
        this._problem = '';
        this._drawn = true;
      } while (this._again);
    } catch (e) {
      this._problem = e instanceof Error ? e.message : String(e);
    } finally {
      this._drawing = false;
    }
  }
}

define('mem-sim-diagram', MemSimDiagram);

declare global {
  interface HTMLElementTagNameMap {
    'mem-sim-diagram': MemSimDiagram;
  }
}
