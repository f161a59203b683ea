/**
 * The presentation half of stack-heap (see engine/presentation.ts): the JSON report, the table and the
 * Mermaid source, loaded by `present()`. The view draws the address space from the state itself.
 */
export { mermaid } from './mermaid.js';
export { finalReport, stepReport } from './report.js';
export { table } from './table.js';
