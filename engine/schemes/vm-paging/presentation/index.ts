/**
 * The presentation half of vm-paging (see engine/presentation.ts): the JSON report and the Mermaid
 * source, loaded by `present()`. The table stays in the scheme's module: the view draws it first.
 */
export { mermaid } from './mermaid.js';
export { finalReport, stepReport } from './report.js';
