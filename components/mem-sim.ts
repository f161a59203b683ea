import { adoptStyles, css, html, LitElement, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { loadScheme } from '../engine/lazy.js';
import { parseWithScheme, readScenarioHead, type Simulation } from '../engine/scenario.js';
import { Timeline } from '../engine/timeline.js';
import { controlsStyles, renderControls } from './controls.js';
import { define } from './define.js';
import type { Problem } from './error-box.js';
import { metricsStyles, renderMetrics } from './metrics.js';
import { base, theme } from './styles.js';
import { loadView } from './views/lazy.js';
import type { SchemeView } from './views/scheme-view.js';

/** Detail of the `memsim-step` event. */
export interface MemSimStepDetail {
  /** The position after the change: 0 is before the first operation, `total` after the last. */
  step: number;
  /** Number of operations (steps) in the scenario. */
  total: number;
}

/** The attributes that can spell a whole scenario for hand-written HTML, in the order written. */
const ATTRIBUTE_KEYS = [
  ['scheme', 'scheme'],
  ['frames', 'frames'],
  ['policy', 'policy'],
  ['refs', 'refs'],
  ['page-size', 'pageSize'],
] as const;

type Loaded =
  | { kind: 'loading' }
  | { kind: 'failed'; problems: Problem[]; text?: string; lineOffset: number }
  | { kind: 'ready'; sim: Simulation; views: SchemeView[]; drawsTable: boolean };

/** Strips the indentation common to every line, for scenarios indented inside hand-written HTML. */
function dedent(text: string): string {
  const lines = text.split('\n');
  const indents = lines.filter((l) => l.trim()).map((l) => /^[ \t]*/.exec(l)![0].length);
  const indent = indents.length ? Math.min(...indents) : 0;
  return indent ? lines.map((l) => l.slice(indent)).join('\n') : text;
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/**
 * The error box and the table alternative, imported the first time an element needs one, like the
 * diagram: a page whose scenarios run, and whose readers never open a table, fetches neither (the
 * 45 KB budget counts what loads before the first simulator renders).
 */
let errorBox: typeof import('./error-box.js') | undefined;
let tables: typeof import('./table.js') | undefined;

/**
 * A live, step-by-step simulator of one memory-management scenario: the textbook table or memory
 * map of each run, the sentence that says what the current step did and why, the metrics, and
 * controls to step forward and back, play, and draw the step as a diagram.
 *
 * The scenario comes from, in order of precedence: the `src` attribute (a URL of a scenario file);
 * the text of a `<pre><code class="language-memsim">` child; or the `scheme`, `frames`, `policy`,
 * `refs` and `page-size` attributes. An invalid scenario shows each error with its line and column
 * beside the text as written; with `data-line` (the line of the block's opening fence, which the
 * build plugins set), inline text counts lines of its source file. Keys: Left and Right arrows step, Home and End jump, Space plays and
 * pauses (on a focused button Space presses that button).
 *
 * @tagname mem-sim
 * @summary A step-by-step memory-management simulator.
 *
 * @fires memsim-step - The current step changed (by a control, a key, playback or the `step`
 *   property). Bubbles and crosses shadow roots; `detail` is `{step, total}`.
 *
 * @slot - Shown only until the simulator is ready: the scenario's `<pre>` and any static fallback
 *   that a build plugin put beside it. Hidden once the simulator renders.
 *
 * @csspart simulator - everything shown once the scenario runs
 * @csspart title - the scenario's title
 * @csspart runs - the grid of runs (side by side where the width allows)
 * @csspart run - one run: its label, drawing, sentence and metrics
 * @csspart run-label - the run's label, such as "FIFO, 3 frames"
 * @csspart sentence - what the current step did and why
 * @csspart metrics - the run's metrics at the current step
 * @csspart controls - the row of controls
 * @csspart button - every control button
 * @csspart play - the play/pause button
 * @csspart slider - the step slider
 * @csspart position - the "Step 3 of 20" text
 * @csspart speed - the speed menu and its label
 * @csspart frame-table - the scrolling box of a page-replacement table
 * @csspart table - a table of steps, or a contiguous view's table of blocks, partitions or free lists
 * @csspart legend - the line that explains a table's marks
 * @csspart memory-bar - the memory bar of fixed, dynamic and buddy, with its address labels
 * @csspart map-table - the scrolling box of a contiguous view's table of blocks or partitions
 * @csspart queue - the waiting queue of a contiguous view
 * @csspart swapped - the swapped-out processes of a contiguous view
 * @csspart split-tree - the buddy system's split tree
 * @csspart free-lists - the buddy system's free lists
 * @csspart diagram - a Mermaid drawing of the current step
 * @csspart error - the error box
 * @csspart error-list - the list of errors, each `line:column message`
 * @csspart source - the scenario text shown beside the errors
 *
 * @cssprop --mem-sim-background - Background (light #ffffff, dark #1d1e22)
 * @cssprop --mem-sim-text - Text (light #1b1b1f, dark #e9e9ee)
 * @cssprop --mem-sim-muted - Secondary text: row labels, legends (light #55565c, dark #b3b5bd)
 * @cssprop --mem-sim-border - Borders and table lines (light #b8bac2, dark #5d6069)
 * @cssprop --mem-sim-accent - The play button and pressed toggles (light #0b57d0, dark #a8c7fa)
 * @cssprop --mem-sim-accent-text - Text on the accent colour (light #ffffff, dark #0b1d40)
 * @cssprop --mem-sim-focus - Focus rings (light #0b57d0, dark #a8c7fa)
 * @cssprop --mem-sim-fault-background - A page fault's cell (light #fde3e0, dark #5b1f19)
 * @cssprop --mem-sim-fault-text - A page fault's text (light #8c1d12, dark #ffdad5)
 * @cssprop --mem-sim-hit-background - A hit's cell (light #ddf2e2, dark #173a24)
 * @cssprop --mem-sim-hit-text - A hit's text (light #14532d, dark #c5efd0)
 * @cssprop --mem-sim-victim-background - The cell where a page replaced its victim (light #fff0b3, dark #4d3d00)
 * @cssprop --mem-sim-current-background - The current step's column (light #e3ecfd, dark #233252)
 * @cssprop --mem-sim-dirty - The dirty-page mark (light #8a4b00, dark #ffbf73)
 * @cssprop --mem-sim-error-background - The error box (light #fdecea, dark #3c1714)
 * @cssprop --mem-sim-error-border - The error box's border (light #b3261e, dark #f2b8b5)
 * @cssprop --mem-sim-font - Text font (system-ui)
 * @cssprop --mem-sim-mono-font - Tables and scenario text (ui-monospace)
 * @cssprop --mem-sim-radius - Corner radius of the box, buttons and panels (6px)
 */
export class MemSim extends LitElement {
  static override styles = [
    theme,
    base,
    controlsStyles,
    metricsStyles,
    css`
      :host {
        display: block;
        box-sizing: border-box;
        max-width: 100%;
        margin: 1rem 0;
        padding: 0.75rem;
        color: var(--_text);
        background: var(--_background);
        border: 1px solid var(--_border);
        border-radius: var(--mem-sim-radius, 6px);
        line-height: 1.4;
      }
      :host([hidden]) {
        display: none;
      }
      .title {
        margin: 0 0 0.6rem;
        font-weight: bold;
        font-size: 1.05em;
      }
      .runs {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(min(100%, 26rem), 1fr));
        gap: 1rem;
      }
      figure {
        margin: 0;
        min-width: 0;
      }
      figcaption {
        font-weight: 600;
        margin-bottom: 0.3rem;
      }
      .sentence {
        margin: 0.5rem 0 0;
      }
    `,
  ];

  /** URL of a scenario file (YAML); wins over the inline text and the scenario attributes. */
  @property() src: string | undefined = undefined;

  /**
   * The scheme (`vm-paging`, ...). With inline text that names no scheme, the scheme to assume;
   * otherwise one of the attributes that spell a scenario.
   */
  @property() scheme: string | undefined = undefined;

  /** Frame count or counts (`3` or `3, 4`), for a scenario spelt in attributes. */
  @property() frames: string | undefined = undefined;

  /** Replacement policy or policies (`FIFO, LRU`), for a scenario spelt in attributes. */
  @property() policy: string | undefined = undefined;

  /** The reference string (`7 0 1 2 0 3`), for a scenario spelt in attributes. */
  @property() refs: string | undefined = undefined;

  /** Bytes per page (`4K`), for a scenario spelt in attributes whose refs are addresses. */
  @property({ attribute: 'page-size' }) pageSize: string | undefined = undefined;

  /** `light` or `dark`; without it the reader's `prefers-color-scheme` decides. */
  @property({ reflect: true }) theme: 'light' | 'dark' | undefined = undefined;

  /** Playback speed in steps per second (the menu offers 0.5 to 8). */
  @property({ type: Number }) speed = 1;

  @state() private _loaded: Loaded = { kind: 'loading' };
  @state() private _position = 0;
  @state() private _playing = false;
  @state() private _diagram = false;
  @state() private _table = false;
  @state() private _live = '';

  private _loading: Promise<void> = Promise.resolve();
  private _ticket = 0;
  private _timer: ReturnType<typeof setInterval> | undefined;
  /** The inline text last read, so edits to it (and late-parsed children) trigger a new run. */
  private _inline: string | undefined;
  private readonly _observer = new MutationObserver(() => {
    if (!this.src && this._code()?.textContent !== this._inline) this._reload();
  });

  constructor() {
    super();
    this.addEventListener('keydown', this._onKey);
  }

  /** The current position: 0 before the first operation, `total` after the last. Setting it moves there. */
  get step(): number {
    return this._position;
  }
  set step(value: number) {
    this._go(value, false);
  }

  /** Number of operations in the scenario (0 until it has loaded, or when it is invalid). */
  get total(): number {
    return this._loaded.kind === 'ready' ? this._loaded.sim.runs[0]?.length ?? 0 : 0;
  }

  /** Whether playback is running. */
  get playing(): boolean {
    return this._playing;
  }

  /** Settles once the current scenario has loaded and rendered, as a simulator or as an error box. */
  get ready(): Promise<void> {
    return this.updateComplete
      .then(() => this._loading)
      .then(() => this.updateComplete)
      .then(() => Promise.all(this._loaded.kind === 'ready' ? this._loaded.views.map((v) => v.updateComplete) : []))
      .then(() => undefined);
  }

  /** Steps forward at `speed` steps per second; from the last step it starts again at step 0. */
  play(): void {
    if (this._loaded.kind !== 'ready' || this._playing || this.total === 0) return;
    if (this._position >= this.total) this._go(0, false);
    this._playing = true;
    this._schedule();
    this._announce(`Playing from step ${this._position} of ${this.total}`);
  }

  /** Stops playback at the current step. */
  pause(): void {
    if (!this._playing) return;
    this._stop();
    this._announce(`Paused. ${this._describe()}`);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this._observer.observe(this, { childList: true, subtree: true, characterData: true });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this._observer.disconnect();
    this._stop();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const source = ['src', 'scheme', 'frames', 'policy', 'refs', 'pageSize'] as const;
    if (!this.hasUpdated || source.some((k) => changed.has(k))) this._reload();
    if (changed.has('speed') && this._playing) this._schedule();
    if (this._loaded.kind === 'ready') for (const v of this._loaded.views) v.position = this._position;
  }

  override render() {
    const loaded = this._loaded;
    if (loaded.kind === 'loading') return html`<slot></slot>`;
    if (loaded.kind === 'failed') {
      if (errorBox) return errorBox.renderErrorBox(loaded.problems, loaded.text, loaded.lineOffset);
      // Only when the error box's own chunk could not be fetched either: the errors as plain text.
      return html`<div part="error" role="alert">${loaded.problems.map((p) => html`<p>${p.line ? `${p.line}:${p.column} ` : ''}${p.message}</p>`)}</div>`;
    }
    const { sim, views, drawsTable } = loaded;
    const p = this._position;
    const title = sim.scenario.title;
    return html`<div part="simulator">
      ${title ? html`<p class="title" part="title">${title}</p>` : nothing}
      <div class="runs" part="runs">
        ${sim.runs.map(
          (t, i) => html`<figure part="run">
            <figcaption part="run-label">${t.run.label}</figcaption>
            ${views[i]} ${this._table && !drawsTable ? this._tableOf(t) : nothing}
            <p class="sentence" part="sentence">${this._sentence(t)}</p>
            ${renderMetrics(t.metricsAt(p))}
            ${this._diagram
              ? html`<mem-sim-diagram
                  exportparts="diagram"
                  .source=${t.mermaidAt(p)}
                  .label=${`Diagram of ${t.run.label} at step ${p}`}
                  ?dark=${this._dark()}
                ></mem-sim-diagram>`
              : nothing}
          </figure>`,
        )}
      </div>
      ${renderControls(
        {
          position: p,
          total: this.total,
          playing: this._playing,
          speed: this.speed,
          diagram: this._diagram,
          table: drawsTable ? undefined : this._table,
        },
        {
          go: (to) => this._go(to, true),
          toggle: () => (this._playing ? this.pause() : this.play()),
          speed: (v) => (this.speed = v),
          diagram: () => void this._toggleDiagram(),
          table: () => void this._toggleTable(),
        },
      )}
      <p class="sr-only" aria-live="polite">${this._live}</p>
    </div>`;
  }

  /** The table alternative of a view that is not a table: the steps so far, windowed. */
  private _tableOf(t: Timeline) {
    const { renderTable, windowAround } = tables!;
    const [from, to] = windowAround(this._position, t.length);
    const last = Math.min(to, this._position);
    if (last < from) return html`<p>No steps taken yet.</p>`;
    return html`<div class="scroll" tabindex="0" role="region" aria-label=${`${t.run.label}: table`}>
      ${renderTable(t.scheme.table(t, from, last))}
    </div>`;
  }

  private _sentence(t: Timeline): string {
    return t.eventAt(this._position)?.sentence ?? 'Nothing has happened yet: press Forward or the Right arrow to take the first step.';
  }

  /** The announcement for the current step: its number, and each run's sentence. */
  private _describe(): string {
    if (this._loaded.kind !== 'ready') return '';
    const runs = this._loaded.sim.runs;
    const sentences = runs.map((t) => (runs.length > 1 ? `${t.run.label}: ${this._sentence(t)}` : this._sentence(t)));
    return `Step ${this._position} of ${this.total}. ${sentences.join('. ')}`;
  }

  private _announce(text: string): void {
    // A repeated message must still change the region's text to be read again.
    this._live = this._live === text ? `${text}\u00a0` : text;
  }

  private _dark(): boolean {
    return this.theme === 'dark' || (this.theme !== 'light' && matchMedia('(prefers-color-scheme: dark)').matches);
  }

  /** Moves the cursor. Manual moves stop playback and are announced; playback steps are not. */
  private _go(to: number, manual: boolean): void {
    const total = this.total;
    const position = Math.max(0, Math.min(total, Math.trunc(Number.isFinite(to) ? to : 0)));
    if (manual) this._stop();
    if (position === this._position) {
      if (manual) this._announce(position === 0 ? `Already at step 0 of ${total}` : `Already at the last step, ${total} of ${total}`);
      return;
    }
    this._position = position;
    this.dispatchEvent(
      new CustomEvent<MemSimStepDetail>('memsim-step', { detail: { step: position, total }, bubbles: true, composed: true }),
    );
    if (manual) this._announce(this._describe());
  }

  private _schedule(): void {
    clearInterval(this._timer);
    const speed = this.speed > 0 && Number.isFinite(this.speed) ? this.speed : 1;
    this._timer = setInterval(() => {
      this._go(this._position + 1, false);
      if (this._position >= this.total) {
        this._stop();
        this._announce(`Finished. ${this._describe()}`);
      }
    }, 1000 / speed);
  }

  private _stop(): void {
    clearInterval(this._timer);
    this._timer = undefined;
    this._playing = false;
  }

  private async _toggleTable(): Promise<void> {
    try {
      tables ??= await import('./table.js');
    } catch (e) {
      this._announce(`The table could not be loaded: ${message(e)}`);
      return;
    }
    this._table = !this._table;
  }

  private async _toggleDiagram(): Promise<void> {
    if (!this._diagram) {
      try {
        await import('./diagram-panel.js');
      } catch (e) {
        this._announce(`The diagram could not be loaded: ${message(e)}`);
        return;
      }
    }
    this._diagram = !this._diagram;
  }

  private readonly _onKey = (e: KeyboardEvent): void => {
    if (this._loaded.kind !== 'ready' || e.altKey || e.ctrlKey || e.metaKey) return;
    const target = (e.composedPath()[0] as Element | undefined)?.localName;
    // A menu keeps its own keys, and Space presses a focused button as it does on every page.
    if (target === 'select' || (e.key === ' ' && target === 'button')) return;
    const keys: Record<string, () => void> = {
      ArrowLeft: () => this._go(this._position - 1, true),
      ArrowRight: () => this._go(this._position + 1, true),
      Home: () => this._go(0, true),
      End: () => this._go(this.total, true),
      ' ': () => (this._playing ? this.pause() : this.play()),
    };
    const action = keys[e.key];
    if (!action) return;
    e.preventDefault();
    action();
  };

  private _code(): Element | null {
    return this.querySelector(':scope > pre > code.language-memsim');
  }

  private _reload(): void {
    const ticket = ++this._ticket;
    this._loading = this._load().then(async (loaded) => {
      if (loaded.kind === 'failed') await this._loadErrorBox();
      if (ticket !== this._ticket) return;
      this._stop();
      this._loaded = loaded;
      this._position = Math.min(this._position, this.total);
    });
  }

  /** Imports the error box (once per page) and adds its styles to this element's shadow root (once). */
  private async _loadErrorBox(): Promise<void> {
    try {
      errorBox ??= await import('./error-box.js');
    } catch {
      return; // render() shows the errors as plain text
    }
    if (this._errorStyles) return;
    this._errorStyles = true;
    adoptStyles(this.renderRoot as ShadowRoot, [...(this.constructor as typeof MemSim).elementStyles, errorBox.errorBoxStyles]);
  }

  private _errorStyles = false;

  /** Reads, parses and simulates the scenario; every failure becomes an error box, never an exception. */
  private async _load(): Promise<Loaded> {
    let text: string | undefined;
    let lineOffset = 0;
    try {
      if (document.readyState === 'loading' && !this.src && !this._code() && !this.scheme) {
        // Children of an element defined before the parser reached them arrive later.
        await new Promise((r) => document.addEventListener('DOMContentLoaded', r, { once: true }));
      }
      text = await this._text();
      // Inline text a build plugin wrote counts its lines in the source file, as the build's messages do.
      const fence = Number(this.dataset.line);
      if (!this.src && this._inline !== undefined && Number.isInteger(fence) && fence >= 0) lineOffset = fence;
      const head = readScenarioHead(text, { scheme: this.scheme, lineOffset });
      const name = head.source.errors.length ? undefined : head.scheme;
      const [module, View] = name ? await Promise.all([loadScheme(name), loadView(name)]) : [];
      const parsed = parseWithScheme(head, module);
      if (!parsed.ok) return { kind: 'failed', problems: parsed.errors, text, lineOffset };
      if (!View) {
        return { kind: 'failed', problems: [{ message: `the scheme '${name}' cannot be shown in this version of mem-sim yet` }], text, lineOffset };
      }
      // One run per task: a comparison of many long runs never blocks the page for all of them at once.
      const { module: scheme, config } = parsed.scenario;
      const sim: Simulation = { scenario: parsed.scenario, runs: [] };
      for (const run of scheme.runs(config)) {
        if (sim.runs.length) await new Promise((r) => setTimeout(r));
        sim.runs.push(new Timeline(scheme, config, run));
      }
      const views = sim.runs.map((timeline) => {
        const view = new View();
        view.timeline = timeline;
        view.setAttribute('exportparts', 'frame-table, table, legend');
        return view;
      });
      return { kind: 'ready', sim, views, drawsTable: View.drawsTable };
    } catch (e) {
      return { kind: 'failed', problems: [{ message: message(e) }], text, lineOffset };
    }
  }

  /** The scenario text: from `src`, else the inline code, else the attributes written as YAML. */
  private async _text(): Promise<string> {
    this._inline = this._code()?.textContent ?? undefined;
    if (this.src) {
      const url = new URL(this.src, document.baseURI);
      let response: Response;
      try {
        response = await fetch(url);
      } catch (e) {
        throw new Error(`could not load the scenario from ${url}: ${message(e)}`);
      }
      if (!response.ok) throw new Error(`could not load the scenario from ${url}: HTTP ${response.status} ${response.statusText}`.trim());
      return response.text();
    }
    if (this._inline !== undefined) return dedent(this._inline);
    // JSON strings are YAML double-quoted scalars, so attribute values stay values whatever they hold.
    const lines = ATTRIBUTE_KEYS.filter(([, prop]) => this[prop] != null).map(([key, prop]) => `${key}: ${JSON.stringify(this[prop])}`);
    if (lines.length === 0) {
      throw new Error(
        'no scenario: put it in a <pre><code class="language-memsim"> child, point the src attribute at a file, or set the scheme, frames, policy and refs attributes',
      );
    }
    return lines.join('\n');
  }
}

define('mem-sim', MemSim);

declare global {
  interface HTMLElementTagNameMap {
    'mem-sim': MemSim;
  }
  interface HTMLElementEventMap {
    'memsim-step': CustomEvent<MemSimStepDetail>;
  }
}
