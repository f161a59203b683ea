import type { TableModel } from '../engine/index.js';

/**
 * A table model as fixed-width text, split into bands of at most `width` columns so a long
 * reference string wraps like the textbook's table instead of running off the terminal.
 */
export function renderTextTable(model: TableModel, width = 100): string {
  const labelWidth = Math.max(...[model.head[0]!, ...model.rows.map((r) => r[0]!)].map((c) => c.text.length));
  const columns = model.head.length - 1;
  const colWidth = (i: number) =>
    Math.max(model.head[i]!.text.length, ...model.rows.map((r) => (r[i]?.text ?? '').length), 1);
  const out: string[] = [model.caption];
  let start = 1;
  while (start <= columns) {
    let end = start;
    let used = labelWidth;
    while (end <= columns && (end === start || used + colWidth(end) + 2 <= width)) used += colWidth(end++) + 2;
    const line = (cells: { text: string }[]) =>
      [cells[0]!.text.padEnd(labelWidth), ...cells.slice(start, end).map((c, k) => (c?.text ?? '').padStart(colWidth(start + k)))].join('  ').trimEnd();
    out.push(line(model.head), ...model.rows.map(line));
    if (end <= columns) out.push('');
    start = end;
  }
  if (columns === 0) out.push(model.head[0]!.text, ...model.rows.map((r) => r[0]!.text));
  return out.join('\n');
}
