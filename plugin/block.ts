/**
 * One memsim block from text to markup: validate and simulate it with the engine, then write the
 * `<mem-sim>` element of the markup contract (the escaped scenario in a code child, the static
 * fallback beside it). Shared by every host plugin so they all emit the same HTML.
 */
// The engine's modules one by one rather than its index, so a build loads only what rendering needs.
import { parseScenario } from '../engine/report.js';
import { simulate } from '../engine/scenario.js';
import { attributes, escapeHtml } from './escape.js';
import { fileColumn } from './fence.js';
import { formatError, renderErrorBox, renderFallback, type FallbackOptions, type LocatedError } from './fallback.js';

/** Where a block sits in its source file. */
export interface BlockLocation {
  /** The file's path as the host names it, for error messages. */
  file?: string;
  /** Line of the opening fence, 1-based, counted in the file (front matter included). */
  line: number;
  /**
   * Per line of the scenario text, the characters before it on its file line (quote markers,
   * list indentation), added to error columns so they count in the file.
   */
  columns?: readonly number[];
  /** Characters before every line of the scenario text, when `columns` is not given. */
  column?: number;
}

export type RenderedBlock = { ok: true; html: string } | { ok: false; html: string; errors: LocatedError[] };

/** An invalid memsim block, thrown when the host fails the build on errors. */
export class MemSimError extends Error {
  constructor(readonly errors: LocatedError[]) {
    super(errors.map(formatError).join('\n'));
    this.name = 'MemSimError';
  }
}

/**
 * The HTML of one block. An invalid block gets the error box in place of the fallback; the caller
 * decides whether that is shown or the build fails.
 * @param content the scenario text, as between the fences
 * @param prerendered the fallback HTML of this (valid) text with these options, when already drawn
 */
export function renderBlock(
  content: string,
  where: BlockLocation,
  options: FallbackOptions = {},
  prerendered?: string,
): RenderedBlock {
  const code = `<pre><code class="language-memsim">${escapeHtml(content)}</code></pre>`;
  const open = `<mem-sim${attributes({ 'data-line': where.line })}>`;
  // A fallback drawn ahead of time for the same text and options (see prerender.ts) is the same HTML.
  if (prerendered !== undefined) return { ok: true, html: `${open}${code}\n${prerendered}</mem-sim>\n` };
  const parsed = parseScenario(content, { lineOffset: where.line });
  if (!parsed.ok) {
    const errors = parsed.errors.map((e) => ({
      file: where.file,
      line: e.line,
      column: fileColumn(where, e.line, e.column),
      message: e.message,
    }));
    return { ok: false, errors, html: `${open}${code}\n${renderErrorBox(errors)}</mem-sim>\n` };
  }
  return { ok: true, html: `${open}${code}\n${renderFallback(simulate(parsed.scenario), options)}</mem-sim>\n` };
}
