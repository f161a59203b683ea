/**
 * The presentation half of relocation (see engine/presentation.ts): the JSON report, the table and
 * the diagram, loaded by `present()`; the contiguous schemes' diagrams of access steps share the
 * diagram.
 */
export { mermaid } from './mermaid.js';
export { finalReport, stepReport, table } from './report.js';
