import { css, html, LitElement, type PropertyValues } from 'lit';
import { define } from './define.js';
import { paletteOf, restyle, themeVariables } from './diagram-theme.js';
import { base, theme } from './styles.js';

type Mermaid = (typeof import('mermaid'))['default'];

let mermaidReady: Promise<Mermaid> | undefined;
let diagramCount = 0;
/** The drawing in progress on the page, whichever panel it belongs to. */
let drawing: Promise<unknown> = Promise.resolve();

/** Mermaid, imported the first time a diagram is drawn (it is large). */
function loadMermaid(): Promise<Mermaid> {
  mermaidReady ??= import('mermaid').then(({ default: mermaid }) => mermaid);
  return mermaidReady;
}

/**
 * `source` drawn as SVG in the colours of `host`'s theme. Mermaid's configuration is one for the
 * page and `render` has no per-call configuration, so each drawing sets it up again and waits for
 * the previous one to finish: a light and a dark panel on one page never draw in each other's theme.
 * The theme goes in through the configuration, never as a directive in the source (the source is
 * the engine's, and a scenario's text is data). Strict mode escapes label text and disables click
 * handlers and scripts in diagrams.
 */
function drawSvg(mermaid: Mermaid, id: string, source: string, host: Element): Promise<string> {
  const next = drawing.then(async () => {
    const palette = paletteOf(host);
    mermaid.initialize({
      startOnLoad: false,
      securityLevel: 'strict',
      theme: 'base',
      themeVariables: themeVariables(palette, getComputedStyle(host).fontFamily),
    });
    return (await mermaid.render(id, restyle(source, palette))).svg;
  });
  drawing = next.catch(() => undefined);
  return next;
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
    theme,
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
      /* Only the panel's own message: Mermaid's labels are paragraphs too, and take their colour from the theme. */
      figure > p {
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

  /** Draws in the element's dark theme colours (the `--mem-sim-*` custom properties, else their dark defaults). */
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

  protected override willUpdate(): void {
    // The theme's custom properties follow the `theme` attribute, as on <mem-sim>; `dark` decides it
    // (the reader's colour-scheme preference included, when <mem-sim> sets it).
    const theme = this.dark ? 'dark' : 'light';
    if (this.getAttribute('theme') !== theme) this.setAttribute('theme', theme);
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
        const svg = await drawSvg(mermaid, `mem-sim-diagram-${++diagramCount}`, this.source, this);
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
