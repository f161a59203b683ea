import { adoptStyles, css, html, LitElement, nothing, type PropertyValues } from 'lit';
import type { Timeline } from '../engine/timeline.js';
// Not alphabetical: the bundle keeps modules in import order, and this order gzips smallest (45 KB budget).
import { inlineCode, loadScenario, message, offscreen, openingStep, present, SOURCE_PROPERTIES, startNow, type Loaded } from './scenario-loader.js';
import { base, theme } from './styles.js';
import { define } from './define.js';
import { controlsStyles, nextSpeed, renderControls } from './controls.js';
import { metricsStyles, renderMetrics } from './metrics.js';
import { playableSpeed, PlaybackController } from './playback.js';

/** Detail of the `memsim-step` event. */
export interface MemSimStepDetail {
  /** The position after the change: 0 is before the first operation, `total` after the last. */
  step: number;
  /** Number of operations (steps) in the scenario. */
  total: number;
}

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
 * pauses (on a focused button Space presses that button). A scenario opens at the `step` attribute, else its
 * `start` key, else step 0. Edit opens the text to change and run in the page.
 *
 * Each run is drawn by its scheme's view, whose CSS parts are the element's too (the memory bar,
 * the frame table, the queues...): each view documents them, and the manifest lists them here.
 *
 * @tagname mem-sim
 * @summary A step-by-step memory-management simulator.
 * @attr {string} step - The step to open each loaded scenario at: a number, or `end` for the last step (wins over the `start` key).
 *
 * @fires {CustomEvent} memsim-step - The current step changed (by a control, a key, playback or the `step`
 *   property). Bubbles and crosses shadow roots; `detail` is `{step, total}`.
 *
 * @slot - Shown only until the simulator is ready (the element has no shadow root until then, so the
 *   page lays them out once): the scenario's `<pre>` and any static fallback that a build plugin put
 *   beside it. Hidden once the simulator renders.
 *
 * @csspart simulator - everything shown once the scenario runs
 * @csspart title - the scenario's title
 * @csspart runs - the grid of runs (side by side where the width allows)
 * @csspart run - one run: its label, its scheme's view, sentence and metrics
 * @csspart run-label - the run's label, such as "FIFO, 3 frames"
 * @csspart sentence - what the current step did and why
 * @csspart metrics - the run's metrics at the current step
 * @csspart controls - the row of controls
 * @csspart button - every control button
 * @csspart play - the play/pause button
 * @csspart slider - the step slider
 * @csspart position - the "Step 3 of 20" text
 * @csspart speed - the speed button (also a `button`)
 * @csspart table - every table: the steps the Table toggle shows, and the tables of the scheme's view
 * @csspart diagram - a Mermaid drawing of the current step
 * @csspart error - the error box
 * @csspart error-list - the list of errors, each `line:column message`
 * @csspart source - the scenario text shown beside the errors
 * @csspart editor - the editor Edit opens: the text, its errors, Run and Reset
 * @csspart editor-text - the editor's text area
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
    theme, offscreen,
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

  // Lit's own declaration rather than decorators: no decorator runtime (docs/ARCHITECTURE.md, The browser bundle).
  static override properties = {
    src: {}, scheme: {}, frames: {}, policy: {}, refs: {}, pageSize: { attribute: 'page-size' }, theme: { reflect: true }, speed: { type: Number },
    _loaded: { state: true }, _diagram: { state: true }, _table: { state: true }, _editing: { state: true },
  };

  /** URL of a scenario file (YAML); wins over the inline text and the scenario attributes. */
  src: string | undefined;

  /**
   * The scheme (`vm-paging`, ...). With inline text that names no scheme, the scheme to assume;
   * otherwise one of the attributes that spell a scenario.
   */
  scheme: string | undefined;

  /** Frame count or counts (`3` or `3, 4`), for a scenario spelt in attributes. */
  frames: string | undefined;

  /** Replacement policy or policies (`FIFO, LRU`), for a scenario spelt in attributes. */
  policy: string | undefined;

  /** The reference string (`7 0 1 2 0 3`), for a scenario spelt in attributes. */
  refs: string | undefined;

  /** Bytes per page (`4K`), for a scenario spelt in attributes whose refs are addresses. */
  pageSize: string | undefined;

  /** `light` or `dark`; without it the reader's `prefers-color-scheme` decides. */
  theme: 'light' | 'dark' | undefined;

  /** Playback speed in steps per second (the speed button steps through 0.5, 1, 2, 4 and 8). */
  speed = 1;

  private _loaded: Loaded = { kind: 'loading' };
  private _diagram = false;
  private _table = false;
  private _editing = false;

  private readonly _playback = new PlaybackController(this, () => this._describe());
  /** Settles when the scenario the last reload started has loaded (set by the first update). */
  private _loading: Promise<void> | undefined;
  private _ticket = 0;
  /** The inline text last read, so edits to it (and late-parsed children) trigger a new run. */
  private _inline: string | undefined;
  private readonly _observer = new MutationObserver(() => {
    if (!this.src && inlineCode(this)?.textContent !== this._inline) this._reload();
  });

  constructor() {
    super();
    this.addEventListener('keydown', this._onKey);
  }

  /** The current position: 0 before the first operation, `total` after the last. Setting it moves there. */
  get step(): number {
    return this._playback.position;
  }
  set step(value: number) {
    this._playback.go(value, false);
  }

  /** Number of operations in the scenario (0 until it has loaded, or when it is invalid). */
  get total(): number {
    return this._loaded.kind === 'ready' ? this._loaded.sim.runs[0]?.length ?? 0 : 0;
  }

  /** Whether playback is running. */
  get playing(): boolean {
    return this._playback.playing;
  }

  /** Settles once the current scenario has loaded and rendered, as a simulator or as an error box. Asks to load now, even out of view. */
  get ready(): Promise<void> {
    return startNow(this).then(() => this.updateComplete)
      .then(() => this._loading)
      .then(() => this.updateComplete)
      .then(() => Promise.all(this._loaded.kind === 'ready' ? this._loaded.views.map((v) => v.updateComplete) : []))
      .then(() => undefined);
  }

  /** Steps forward at `speed` steps per second; from the last step it starts again at step 0. */
  play(): void {
    this._playback.play();
  }

  /** Stops playback at the current step. */
  pause(): void {
    this._playback.pause();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this._observer.observe(this, { childList: true, subtree: true, characterData: true });
  }

  /**
   * Until its scenario has loaded the element has no shadow root, and renders into a detached
   * fragment: its children (the scenario text, a build plugin's fallback) stay exactly as the page
   * laid them out. Attaching a shadow root makes the browser lay them out again (a slot re-parents
   * them), which on a page with a prerendered fallback was one of the longest tasks of its load.
   */
  protected override createRenderRoot(): HTMLElement | DocumentFragment {
    return this.shadowRoot ?? document.createDocumentFragment();
  }

  /**
   * The shadow root the loaded scenario renders into, attached the first time one has loaded, with
   * the error box's styles once an error needs them (a page whose scenarios run never fetches them).
   */
  private _attachShadow(): void {
    const { elementStyles, shadowRootOptions } = this.constructor as typeof MemSim;
    const root = this.shadowRoot ?? this.attachShadow(shadowRootOptions);
    const failed = errorBox && this._loaded.kind === 'failed';
    if (this.renderRoot !== root || failed) adoptStyles(root, failed ? [...elementStyles, errorBox!.errorBoxStyles] : elementStyles);
    (this as { renderRoot: HTMLElement | DocumentFragment }).renderRoot = root;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this._observer.disconnect();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!this.hasUpdated || SOURCE_PROPERTIES.some((k) => changed.has(k))) this._reload();
    if (changed.has('speed') && this.playing) this._playback.schedule();
    if (this._loaded.kind === 'ready') for (const v of this._loaded.views) v.position = this.step;
  }

  override render() {
    // The live region stays put whatever shows, so an edit's outcome is heard even as an error box.
    return html`${this._body()}${this._editing
      ? html`<mem-sim-editor exportparts="editor, editor-text, button" .host=${this} .text=${(this._loaded as { text?: string }).text}></mem-sim-editor>`
      : nothing}<p class="sr-only" aria-live="polite">${this._playback.live}</p>`;
  }

  private _body() {
    const loaded = this._loaded;
    if (loaded.kind === 'loading') return nothing;
    if (loaded.kind === 'failed') {
      if (errorBox) return errorBox.renderErrorBox(loaded.problems, loaded.text, loaded.lineOffset);
      // Only when the error box's own chunk could not be fetched either: the errors as plain text.
      return html`<div part="error" role="alert">${loaded.problems.map((p) => html`<p>${p.line ? `${p.line}:${p.column} ` : ''}${p.message}</p>`)}</div>`;
    }
    const { sim, views, drawsTable } = loaded;
    const playback = this._playback;
    const p = playback.position;
    const title = sim.scenario.title;
    return html`<div part="simulator">
      ${title ? html`<p class="title" part="title">${title}</p>` : nothing}
      <div class="runs" part="runs">
        ${sim.runs.map(
          (t, i) => html`<figure part="run">
            <figcaption part="run-label">${t.run.label}</figcaption>
            ${views[i]} ${this._table && !drawsTable ? tables!.stepsTable(t, p) : nothing}
            <p class="sentence" part="sentence">${this._sentence(t)}</p>
            ${renderMetrics(t.metricsAt(p), t.scheme)}
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
          playing: playback.playing,
          speed: playableSpeed(this.speed),
          diagram: this._diagram,
          table: drawsTable ? undefined : this._table,
          edit: this._editing,
        },
        {
          go: (to) => playback.go(to, true),
          toggle: () => playback.toggle(),
          nextSpeed: () => {
            this.speed = nextSpeed(playableSpeed(this.speed));
            playback.announce(`Speed: ${this.speed} steps per second`);
          },
          diagram: () => void this._toggle('_diagram', () => import('./diagram-panel.js')),
          table: () => void this._toggle('_table', async () => (tables ??= await import('./table.js'))),
          // Closing is at once; opening waits for the editor's chunk the first time.
          edit: () => void (this._editing ? (this._editing = false) : import('./scenario-editor.js').then(() => (this._editing = true), (e) => this._playback.announce(`The editor could not be loaded: ${message(e)}`))),
        },
      )}
    </div>`;
  }

  private _sentence(t: Timeline): string {
    return t.eventAt(this.step)?.sentence ?? 'Nothing has happened yet: press Forward or the Right arrow to take the first step.';
  }

  /** The announcement for the current step: its number, and each run's sentence. */
  private _describe(): string {
    if (this._loaded.kind !== 'ready') return '';
    const runs = this._loaded.sim.runs;
    const sentences = runs.map((t) => (runs.length > 1 ? `${t.run.label}: ${this._sentence(t)}` : this._sentence(t)));
    return `Step ${this.step} of ${this.total}. ${sentences.join('. ')}`;
  }

  private _dark(): boolean {
    return this.theme === 'dark' || (this.theme !== 'light' && matchMedia('(prefers-color-scheme: dark)').matches);
  }

  /** Turns the Diagram or the Table on (once its chunk and the scheme's presentation half have loaded) or off. */
  private async _toggle(which: '_diagram' | '_table', load: () => Promise<unknown>): Promise<void> {
    try {
      if (!this[which]) await load().then(() => this._present());
    } catch (e) {
      return this._playback.announce(`The ${which.slice(1)} could not be loaded: ${message(e)}`);
    }
    this[which] = !this[which];
  }

  /** Presents the scheme shown, again if another scenario replaced it meanwhile. */
  private async _present(): Promise<void> {
    for (let shown; shown !== this._loaded; ) await present((shown = this._loaded));
  }

  private readonly _onKey = (e: KeyboardEvent): void => {
    if (this._loaded.kind === 'ready') this._playback.onKey(e);
  };

  /** Runs the scenario as written, or `edited`: the Edit control's text. The step stays if the new scenario has it. */
  private _reload(edited?: string): void {
    const ticket = ++this._ticket;
    this._loading = loadScenario(this, (inline) => (this._inline = inline), edited).then(async (loaded) => {
      // Without the error box's chunk, render() shows the errors as plain text.
      if (loaded.kind === 'failed') errorBox ??= await import('./error-box.js').catch(() => undefined);
      else if (this._diagram || this._table) await present(loaded).catch(() => (this._diagram = this._table = false));
      if (ticket !== this._ticket) return;
      const playback = this._playback;
      playback.stop();
      this._loaded = loaded;
      this._attachShadow();
      // No event nor announcement: the scenario changed, not the step (requested by setting _loaded).
      playback.position = Math.min(openingStep(this, loaded) ?? playback.position, this.total);
    });
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
