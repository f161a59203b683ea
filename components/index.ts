/**
 * mem-sim's elements as ES modules, for bundler users: importing this module defines `<mem-sim>`.
 * Lit and the engine are dependencies; each scheme's engine code and view are loaded on demand
 * with dynamic imports, and Mermaid only when a reader opens a diagram.
 * @packageDocumentation
 */
export { MemSim, type MemSimStepDetail } from './mem-sim.js';
export { SchemeView, type SchemeViewClass } from './views/scheme-view.js';
export { loadView } from './views/lazy.js';
export { upgradeBlocks, upgradeDocument } from './upgrade.js';
export type { VmPagingView } from './views/vm-paging-view.js';
export type { MemSimDiagram } from './diagram-panel.js';
