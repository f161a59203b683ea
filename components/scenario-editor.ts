/**
 * The Edit control's editor: the scenario as text the reader can change, its errors marked by line
 * and column while typing, and Run and Reset. `<mem-sim>` imports it the first time the reader
 * presses Edit, so pages whose readers never edit never fetch it. What the reader writes stays in
 * this element's state: nothing is sent or stored, and the page's own `<pre><code>` is never touched.
 */
import { css, html, LitElement, type PropertyValues } from 'lit';
import { live } from 'lit/directives/live.js';
import { loadScheme } from '../engine/lazy.js';
import { explainErrors } from '../engine/hints/index.js';
import { parseWithScheme, readScenarioHead } from '../engine/scenario.js';
import { controlsStyles } from './controls.js';
import { define } from './define.js';
import { errorBoxStyles, renderErrorBox, type Problem } from './error-box.js';
import type { MemSim } from './mem-sim.js';
import { message, type Loaded } from './scenario-loader.js';
import { base } from './styles.js';

/** How long typing must pause before the text is parsed again. */
export const PARSE_DELAY_MS = 300;

/** The problems of `text` as a scenario, from parsing alone (nothing is simulated). */
export async function problemsIn(text: string, scheme?: string): Promise<Problem[]> {
  try {
    const head = readScenarioHead(text, { scheme });
    const name = head.source.errors.length ? undefined : head.scheme;
    const parsed = parseWithScheme(head, name && (await loadScheme(name)));
    return parsed.ok ? [] : explainErrors(text, parsed.errors);
  } catch (e) {
    return [{ message: message(e) }];
  }
}

/** The members of `<mem-sim>` the editor works through (private there: see ScenarioEditor.host). */
interface EditorHost {
  _loaded: Loaded;
  _reload(edited?: string): void;
  _playback: { announce(text: string): void };
}

const count = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;

/**
 * The editor `<mem-sim>` shows under its controls while Edit is pressed. The host passes the text
 * of the scenario it shows and how to run a text; the editor keeps the reader's text until Run,
 * Reset, or a new scenario from the page. Ctrl+Enter (Cmd+Enter) in the text runs it.
 *
 * @csspart editor - the editor: the text, its errors and its buttons
 * @csspart editor-text - the text area
 * @csspart button - the Run and Reset buttons
 */
export class ScenarioEditor extends LitElement {
  static override styles = [
    base,
    controlsStyles,
    errorBoxStyles,
    css`
      :host {
        display: block;
        margin-top: 0.6rem;
      }
      label {
        font-weight: 600;
      }
      .text {
        display: flex;
        margin: 0.3rem 0 0.5rem;
        border: 1px solid var(--_border);
        border-radius: var(--mem-sim-radius, 6px);
        background: var(--_background);
        overflow: hidden;
      }
      .lines,
      textarea {
        margin: 0;
        padding: 0.4rem;
        font: 0.9em/1.5 var(--mem-sim-mono-font, ui-monospace, monospace);
      }
      /* The line numbers beside the text, a line with an error marked as in the error box. */
      .lines {
        overflow: hidden;
        text-align: end;
        color: var(--_muted);
        border-inline-end: 1px solid var(--_border);
        user-select: none;
      }
      .lines span {
        display: block;
      }
      .lines .bad {
        background: var(--_fault-background);
        color: var(--_fault-text);
      }
      textarea {
        flex: 1;
        min-width: 0;
        resize: vertical;
        color: var(--_text);
        background: var(--_background);
        border: 0;
        white-space: pre;
        overflow: auto;
      }
      .error {
        margin-bottom: 0.5rem;
      }
      .buttons {
        display: flex;
        flex-wrap: wrap;
        gap: 0.4rem;
      }
    `,
  ];

  static override properties = {
    text: {},
    _value: { state: true, attribute: false },
    _problems: { state: true, attribute: false },
  };

  /** The text of the scenario the host shows: the editor starts from it, and again when it changes. */
  text: string | undefined;

  /**
   * The simulator whose scenario this edits. The editor is part of it, in a chunk of its own: it
   * runs texts through the element's own loading and speaks through its live region (private
   * members, reached here so the core chunk carries no wiring for a control few readers open).
   */
  host!: MemSim;

  private get _host(): EditorHost {
    return this.host as unknown as EditorHost;
  }

  /** Runs `text` in the host, or its scenario as written when `text` is undefined; settles with the outcome. */
  private async _runInHost(text?: string): Promise<Loaded> {
    this._host._reload(text);
    await this.host.ready;
    return this._host._loaded;
  }

  private _value = '';
  private _problems: Problem[] = [];
  private _timer: ReturnType<typeof setTimeout> | undefined;
  private _parsed = 0;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this._timer);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('text') && this.text !== undefined) {
      this._value = this.text;
      this._check();
    }
  }

  override render() {
    const lines = this._value.split('\n');
    const bad = new Set(this._problems.map((p) => p.line));
    const problems = this._problems.length;
    return html`<div part="editor" role="group" aria-label="Scenario editor">
      <label for="text">Scenario text</label>
      <div class="text">
        <pre class="lines" aria-hidden="true">${lines.map((_, i) => html`<span class=${bad.has(i + 1) ? 'bad' : ''}>${i + 1}</span>`)}</pre>
        <textarea
          id="text"
          part="editor-text"
          spellcheck="false"
          autocapitalize="off"
          autocomplete="off"
          wrap="off"
          rows=${Math.min(Math.max(lines.length + 1, 4), 40)}
          aria-describedby="status"
          aria-invalid=${problems > 0}
          .value=${live(this._value)}
          @input=${this._onInput}
          @keydown=${this._onKey}
          @scroll=${this._onScroll}
        ></textarea>
      </div>
      <div id="status">${problems ? renderErrorBox(this._problems, undefined) : html`<p>No errors: Run (Ctrl+Enter) shows it.</p>`}</div>
      <div class="buttons">
        <button part="button" @click=${() => void this._run()}>Run</button>
        <button part="button" @click=${() => void this._reset()}>Reset</button>
      </div>
    </div>`;
  }

  private readonly _onInput = (e: Event): void => {
    this._value = (e.target as HTMLTextAreaElement).value;
    clearTimeout(this._timer);
    this._timer = setTimeout(() => this._check(), PARSE_DELAY_MS);
  };

  private readonly _onKey = (e: KeyboardEvent): void => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      void this._run();
    }
  };

  /** Keeps the line numbers beside the lines they number when the text scrolls. */
  private readonly _onScroll = (e: Event): void => {
    this.renderRoot.querySelector('.lines')!.scrollTop = (e.target as HTMLTextAreaElement).scrollTop;
  };

  /** Parses the current text and shows its problems; a later check wins over an earlier one still parsing. */
  private async _check(): Promise<void> {
    clearTimeout(this._timer);
    const ticket = ++this._parsed;
    const problems = await problemsIn(this._value, this.host.scheme);
    if (ticket === this._parsed) this._problems = problems;
  }

  private async _run(): Promise<void> {
    void this._check();
    const loaded = await this._runInHost(this._value);
    this._host._playback.announce(
      loaded.kind === 'ready'
        ? `Ran the edited scenario: ${count(loaded.sim.runs[0]?.length ?? 0, 'step')}`
        : `The edited scenario cannot run: ${count(loaded.kind === 'failed' ? loaded.problems.length : 0, 'error')}, listed in the error box`,
    );
  }

  private async _reset(): Promise<void> {
    const loaded = await this._runInHost();
    if (loaded.kind !== 'loading' && loaded.text !== undefined) this._value = loaded.text;
    void this._check();
    this._host._playback.announce('Restored the scenario as written');
  }
}

define('mem-sim-editor', ScenarioEditor);

declare global {
  interface HTMLElementTagNameMap {
    'mem-sim-editor': ScenarioEditor;
  }
}
