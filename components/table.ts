/**
 * The engine's TableModel as an HTML table: the accessible alternative of every view and, for
 * page replacement, the view itself. Text goes in through Lit bindings only, so scenario values
 * are never read as markup.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { TableCell, TableModel } from '../engine/scheme.js';
import type { Timeline } from '../engine/timeline.js';

/** How many steps a table shows at once; long traces show a window that holds the current step. */
export const WINDOW = 25;

/** Steps of the previous window still shown after the table turns to the next one. */
const OVERLAP = 5;

/**
 * The steps `[from, to]` (1-based, inclusive) of the window of `size` steps that shows `position`.
 * Windows are pages that turn when the current step passes the last column, keeping the last few
 * steps for context: the columns stay still under the reader's eye while the current one moves,
 * as in the book's figure, and a step redraws two columns instead of shifting all of them.
 */
export function windowAround(position: number, total: number, size = WINDOW): [number, number] {
  if (total <= size) return [1, total];
  const stride = size - OVERLAP;
  const page = Math.max(0, Math.floor((position - OVERLAP - 1) / stride));
  const from = Math.min(page * stride + 1, total - size + 1);
  return [from, from + size - 1];
}

export interface TableOptions {
  /** Extra classes for table column `column` (1-based, after the row labels). */
  columnClass?: (column: number) => string;
  /** Content of a body cell (`row` 0-based, `column` 1-based); the cell's text by default. */
  cell?: (cell: TableCell, column: number, row: number) => unknown;
}

const classes = (cell: TableCell, extra = '') => [...(cell.classes ?? []), extra].join(' ').trim() || nothing;

/** Renders a TableModel: column headers, then one row per model row with its label as a row header. */
export function renderTable(model: TableModel, opts: TableOptions = {}): TemplateResult {
  const extra = (column: number) => (column > 0 && opts.columnClass ? opts.columnClass(column) : '');
  return html`<table part="table">
    <caption class="sr-only">${model.caption}</caption>
    <thead>
      <tr>
        ${model.head.map(
          (c, i) => html`<th scope="col" class=${classes(c, extra(i))} title=${c.title ?? nothing}>${c.text}</th>`,
        )}
      </tr>
    </thead>
    <tbody>
      ${model.rows.map(
        (row, r) => html`<tr>
          ${row.map((c, i) =>
            i === 0
              ? html`<th scope="row">${c.text}</th>`
              : html`<td class=${classes(c, extra(i))}>${opts.cell ? opts.cell(c, i, r) : c.text}</td>`,
          )}
        </tr>`,
      )}
    </tbody>
  </table>`;
}

/**
 * A table in a box that scrolls sideways when the table is wider than the run, labelled for
 * keyboard and screen-reader users. Shadows at the clipped edges say there is more: the covers, the
 * box's background scrolling with the content, hide each shadow once its edge is reached. (Cells
 * must be transparent for this: the frame table, whose labels stay put, draws its cue itself.)
 * The rule travels with the table, in this lazily loaded chunk, not in the element's styles.
 */
export const renderScrolling = (label: string, content: unknown): TemplateResult =>
  html`<style>
      .cue {
        background:
          linear-gradient(to right, var(--_background) 40%, transparent) left / 2em 100% no-repeat local,
          linear-gradient(to left, var(--_background) 40%, transparent) right / 2em 100% no-repeat local,
          linear-gradient(to right, var(--_shade), transparent) left / 0.8em 100% no-repeat scroll,
          linear-gradient(to left, var(--_shade), transparent) right / 0.8em 100% no-repeat scroll;
        --_shade: color-mix(in srgb, var(--_text) 40%, transparent);
      }
    </style>
    <div class="scroll cue" tabindex="0" role="region" aria-label=${label}>${content}</div>`;

/**
 * The table alternative of a view that is not a table: the steps up to `position`, windowed. It
 * lives here, in the table's lazy chunk, so pages whose readers never open a table never load it.
 */
export function stepsTable(t: Timeline, position: number): TemplateResult {
  const [from, to] = windowAround(position, t.length);
  const last = Math.min(to, position);
  if (last < from) return html`<p>No steps taken yet.</p>`;
  return renderScrolling(`${t.run.label}: table`, renderTable(t.scheme.table(t, from, last)));
}
