/**
 * The shared playback controls: first, back, play/pause, forward, last, a slider over every
 * position, the speed, and the toggles for the diagram, the table alternative and the scenario editor. The element that
 * owns the cursor passes its state in and gets the reader's intent back through `actions`.
 */
import { css, html, nothing, type TemplateResult } from 'lit';

/**
 * Steps per second the speed button steps through. A button, not a `<select>`: a select with its
 * options made a block's first render about a fifth slower, on a page of 50 blocks (docs/development.md).
 */
export const SPEEDS = [0.5, 1, 2, 4, 8] as const;

/**
 * The speed after `speed`: the next faster of SPEEDS, after the slowest again. A speed the author
 * set that is not among them takes its place in the order until the reader moves on from it.
 */
export function nextSpeed(speed: number): number {
  const speeds = [...new Set([...SPEEDS, speed])].sort((a, b) => a - b);
  return speeds[(speeds.indexOf(speed) + 1) % speeds.length]!;
}

export interface ControlsState {
  position: number;
  total: number;
  playing: boolean;
  speed: number;
  diagram: boolean;
  /** Whether the table alternative is open; undefined when the view is a table already. */
  table: boolean | undefined;
  /** Whether the scenario editor is open. */
  edit: boolean;
}

export interface ControlsActions {
  go(position: number): void;
  toggle(): void;
  /** Moves to the next speed (nextSpeed). */
  nextSpeed(): void;
  diagram(): void;
  table(): void;
  edit(): void;
}

export const controlsStyles = css`
  .controls {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.4rem;
    margin-top: 0.6rem;
  }
  button {
    font: inherit;
    color: var(--_text);
    background: var(--_background);
    border: 1px solid var(--_border);
    border-radius: var(--mem-sim-radius, 6px);
    min-height: 2.2rem;
    min-width: 2.4rem;
    padding: 0 0.5rem;
    cursor: pointer;
  }
  /* As wide at 0.5× as at 1×: the controls after it stay put while the reader steps through speeds. */
  button.speed {
    min-width: 7.2em;
  }
  button[aria-disabled='true'] {
    cursor: default;
    color: var(--_muted);
    opacity: 0.7;
  }
  button.play {
    background: var(--_accent);
    color: var(--_accent-text);
    border-color: var(--_accent);
    min-width: 5.5rem;
  }
  /* Before the first step, Forward is the way in: an accent border, thicker, not only a colour. */
  button.first {
    border: 2px solid var(--_accent);
  }
  button[aria-pressed='true'],
  button[aria-expanded='true'] {
    border-color: var(--_accent);
    box-shadow: inset 0 0 0 1px var(--_accent);
  }
  /* As tall as the buttons: the browser's 16 px slider is below WCAG 2.2's 24 px target size. */
  input[type='range'] {
    flex: 1 1 8rem;
    min-width: 6rem;
    min-height: 2.2rem;
    margin: 0;
    accent-color: var(--_accent);
  }
  .position {
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
  }
`;

export function renderControls(s: ControlsState, a: ControlsActions): TemplateResult {
  const atStart = s.position <= 0;
  const atEnd = s.position >= s.total;
  return html`<div class="controls" part="controls" role="group" aria-label="Simulation controls">
    <button part="button" aria-label="First step" title="First step (Home)" aria-disabled=${atStart} @click=${() => a.go(0)}>|&lsaquo;</button>
    <button part="button" aria-label="Back" title="Back (Left arrow)" aria-disabled=${atStart} @click=${() => a.go(s.position - 1)}>&lsaquo;</button>
    <button part="button play" class="play" title="Play or pause (Space)" @click=${a.toggle}><span aria-hidden="true">${s.playing ? '❚❚' : '▶'}</span> ${s.playing ? 'Pause' : 'Play'}</button>
    <button part="button" class=${atStart ? 'first' : ''} aria-label="Forward" title="Forward (Right arrow)" aria-disabled=${atEnd} @click=${() => a.go(s.position + 1)}>&rsaquo;</button>
    <button part="button" aria-label="Last step" title="Last step (End)" aria-disabled=${atEnd} @click=${() => a.go(s.total)}>&rsaquo;|</button>
    <input
      part="slider"
      type="range"
      min="0"
      max=${s.total}
      .value=${String(s.position)}
      aria-label="Step"
      aria-valuetext=${`step ${s.position} of ${s.total}`}
      @input=${(e: Event) => a.go(Number((e.target as HTMLInputElement).value))}
    />
    <span part="position" class="position">Step ${s.position} of ${s.total}</span>
    <button part="button speed" class="speed" title="Playback speed in steps per second: press for the next" @click=${a.nextSpeed}>
      Speed ${s.speed}×
    </button>
    <button part="button" aria-expanded=${String(s.diagram)} @click=${a.diagram}>Diagram</button>
    ${s.table === undefined
      ? nothing
      : html`<button part="button" aria-expanded=${String(s.table)} @click=${a.table}>Table</button>`}
    <button part="button" aria-expanded=${String(s.edit)} @click=${a.edit}>Edit</button>
  </div>`;
}
