/**
 * The theme: every colour is a public custom property (`--mem-sim-*`) with a light and a dark
 * fallback, copied into a private `--_*` property on `<mem-sim>`. Custom properties inherit through
 * shadow roots, so the scheme views read the same `--_*` names without defining them again.
 */
import { css, unsafeCSS } from 'lit';

const light = {
  background: '#ffffff',
  text: '#1b1b1f',
  muted: '#55565c',
  border: '#b8bac2',
  accent: '#0b57d0',
  'accent-text': '#ffffff',
  focus: '#0b57d0',
  'fault-background': '#fde3e0',
  'fault-text': '#8c1d12',
  'hit-background': '#ddf2e2',
  'hit-text': '#14532d',
  'victim-background': '#fff0b3',
  'current-background': '#e3ecfd',
  dirty: '#8a4b00',
  'error-background': '#fdecea',
  'error-border': '#b3261e',
};

const dark: typeof light = {
  background: '#1d1e22',
  text: '#e9e9ee',
  muted: '#b3b5bd',
  border: '#5d6069',
  accent: '#a8c7fa',
  'accent-text': '#0b1d40',
  focus: '#a8c7fa',
  'fault-background': '#5b1f19',
  'fault-text': '#ffdad5',
  'hit-background': '#173a24',
  'hit-text': '#c5efd0',
  'victim-background': '#4d3d00',
  'current-background': '#233252',
  dirty: '#ffbf73',
  'error-background': '#3c1714',
  'error-border': '#f2b8b5',
};

const vars = (colours: typeof light) =>
  unsafeCSS(
    Object.entries(colours)
      .map(([name, value]) => `--_${name}:var(--mem-sim-${name},${value});`)
      .join(''),
  );

/** Custom properties of `<mem-sim>`, light by default, dark by preference or by `theme="dark"`. */
export const theme = css`
  :host {
    ${vars(light)}
    color-scheme: light;
  }
  @media (prefers-color-scheme: dark) {
    :host(:not([theme='light'])) {
      ${vars(dark)}
      color-scheme: dark;
    }
  }
  :host([theme='dark']) {
    ${vars(dark)}
    color-scheme: dark;
  }
`;

/** Rules every mem-sim shadow root shares: focus rings, the visually hidden text, reduced motion. */
export const base = css`
  :host {
    font-family: var(--mem-sim-font, system-ui, sans-serif);
  }
  :focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }
  .sr-only {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  table {
    border-collapse: collapse;
    font-family: var(--mem-sim-mono-font, ui-monospace, monospace);
    font-variant-numeric: tabular-nums;
  }
  th,
  td {
    border: 1px solid var(--_border);
    padding: 0.2em 0.35em;
    min-width: 1.6em;
    text-align: center;
  }
  tbody th {
    text-align: start;
    white-space: nowrap;
    font-weight: normal;
    color: var(--_muted);
  }
  .scroll {
    overflow-x: auto;
    max-width: 100%;
  }
  /* Only small things move (a button's colour), and only for readers who have not asked for less
     motion: a transition on every table cell made each step several times slower to draw. */
  @media (prefers-reduced-motion: no-preference) {
    button {
      transition: background-color 0.15s, box-shadow 0.15s;
    }
  }
`;
