import type { TableModel } from '../engine/index.js';

/**
 * A table model as fixed-width text, split into bands of at most `width` columns so a long
 * reference string wraps like the textbook's table instead of running off the terminal. A cell of
 * several lines (the working set, a page a line) makes its row as many lines tall, each line in its
 * column, as the view stacks them.
 */
export function renderTextTable(model: TableModel, width = 100): string {
  const linesOf = (c: { text: string } | undefined) => (c?.text ?? '').split('\n');
  const widest = (c: { text: string } | undefined) => Math.max(...linesOf(c).map((l) => l.length));
  const labelWidth = Math.max(...[model.head[0]!, ...model.rows.map((r) => r[0]!)].map(widest));
  const columns = model.head.length - 1;
  // Each column's width, found once (a band reads it for every line of every row).
  const widths = model.head.map((head, i) => Math.max(widest(head), ...model.rows.map((r) => widest(r[i])), 1));
  const colWidth = (i: number) => widths[i]!;
  const out: string[] = [model.caption];
  let start = 1;
  while (start <= columns) {
    let end = start;
    let used = labelWidth;
    while (end <= columns && (end === start || used + colWidth(end) + 2 <= width)) used += colWidth(end++) + 2;
    const band = (cells: { text: string }[]) => {
      const shown = [cells[0], ...cells.slice(start, end)];
      const height = Math.max(...shown.map((c) => linesOf(c).length));
      return Array.from({ length: height }, (_, k) =>
        shown
          .map((c, i) => {
            const text = linesOf(c)[k] ?? '';
            return i === 0 ? text.padEnd(labelWidth) : text.padStart(colWidth(start + i - 1));
          })
          .join('  ')
          .trimEnd(),
      );
    };
    out.push(...band(model.head), ...model.rows.flatMap(band));
    if (end <= columns) out.push('');
    start = end;
  }
  if (columns === 0) out.push(...[model.head[0]!, ...model.rows.map((r) => r[0]!)].flatMap(linesOf));
  return out.join('\n');
}
