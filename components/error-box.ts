/**
 * The error box: what is wrong, at which line and column, beside the author's own text with those
 * lines marked, so a broken block is never blank and never loses what was written.
 */
import { css, html, nothing, type TemplateResult } from 'lit';
import { explainErrors } from '../engine/hints/index.js';

/** A problem to show; scenario errors have a position, a failed download or chunk load does not. */
export interface Problem {
  line?: number;
  column?: number;
  message: string;
}

export const errorBoxStyles = css`
  .error {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 18rem), 1fr));
    gap: 0.5rem 1rem;
    border: 2px solid var(--_error-border);
    background: var(--_error-background);
    border-radius: var(--mem-sim-radius, 6px);
    padding: 0.75rem;
  }
  .error p {
    margin: 0 0 0.4rem;
    font-weight: bold;
  }
  .error ul {
    margin: 0;
    padding-inline-start: 1.2rem;
  }
  .error .at {
    font-family: var(--mem-sim-mono-font, ui-monospace, monospace);
    font-weight: bold;
  }
  .source {
    margin: 0;
    overflow-x: auto;
    font-family: var(--mem-sim-mono-font, ui-monospace, monospace);
    background: var(--_background);
    border: 1px solid var(--_border);
    padding: 0.4rem 0;
  }
  .source span {
    display: block;
    padding-inline-end: 0.5rem;
  }
  .source .bad {
    background: var(--_fault-background);
    color: var(--_fault-text);
  }
  .source i {
    display: inline-block;
    min-width: 2.5em;
    padding-inline-end: 0.75em;
    text-align: end;
    font-style: normal;
    color: var(--_muted);
  }
  .source .bad i {
    color: inherit;
  }
`;

/**
 * The error box for `problems`, with `text` (the scenario as the element read it) beside them,
 * each line numbered and the lines with a problem marked.
 * @param lineOffset added to the text's line numbers, when errors count lines of the file around it
 */
export function renderErrorBox(problems: readonly Problem[], text: string | undefined, lineOffset = 0): TemplateResult {
  // The slips authors make most, in the scenario's words, as the build says them (engine/hints/).
  if (text !== undefined) problems = explainErrors(text, problems, lineOffset);
  const bad = new Set(problems.map((p) => p.line));
  const lines = text === undefined ? [] : text.replace(/\n$/, '').split('\n');
  const count = problems.length === 1 ? 'an error' : `${problems.length} errors`;
  return html`<div class="error" part="error">
    <div>
      <p>This simulation cannot run: ${count}</p>
      <ul part="error-list">
        ${problems.map(
          (p) =>
            html`<li>${p.line === undefined ? nothing : html`<span class="at">${p.line}:${p.column ?? 1}</span> `}${p.message}</li>`,
        )}
      </ul>
    </div>
    ${text === undefined
      ? nothing
      : html`<pre class="source" part="source" tabindex="0" aria-label="The scenario as written"><code>${lines.map(
          (l, i) =>
            html`<span class=${bad.has(lineOffset + i + 1) ? 'bad' : nothing}><i aria-hidden="true">${lineOffset + i + 1}</i>${l}</span>`,
        )}</code></pre>`}
  </div>`;
}
