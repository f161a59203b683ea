/**
 * mem-sim's engine: the scenario language, the schemes and the timeline. Pure TypeScript, no DOM
 * and no Node APIs, so the same code runs in the CLI, the build plugins and the browser.
 * @packageDocumentation
 */
export { editDistance, nearestWord, type ScenarioError } from './errors.js';
export { countFaults, type FaultCounts } from './fast/page-faults.js';
export { mermaidLabel } from './mermaid.js';
export {
  parseScenario,
  reportBlock,
  reportSimulation,
  writeReport,
  type BlockErrorReport,
  type BlockReport,
  type ReportInput,
  type WriteReportOptions,
} from './report.js';
export {
  MAX_SCENARIO_BYTES,
  MAX_SIMULATED_STEPS,
  MAX_STATE_ENTRIES,
  parseWithScheme,
  readScenarioHead,
  schemeName,
  simulate,
  type ParseOptions,
  type ParseResult,
  type Scenario,
  type Simulation,
} from './scenario.js';
export {
  SCHEME_ALIASES,
  SCHEME_NAMES,
  type KeyDoc,
  type RunSpec,
  type SchemeModule,
  type SchemeName,
  type StepEvent,
  type TableCell,
  type TableModel,
  type TableOptions,
  type Work,
} from './scheme.js';
export { SCHEMES } from './schemes/all.js';
export type { ContiguousEvent, ContiguousScheme, ContiguousState, Placement, SwappedOut, Waiter } from './contiguous/core.js';
export type { MapBlock } from './contiguous/map.js';
export { dynamic, PLACEMENTS, type DynamicConfig, type DynamicMemory, type DynamicState, type PlacementPolicy } from './schemes/dynamic.js';
export { buddy, buddyOf, type BuddyBlock, type BuddyConfig, type BuddyMemory, type BuddyState } from './schemes/buddy.js';
export { fixed, QUEUES, type FixedConfig, type FixedMemory, type FixedState, type Partition } from './schemes/fixed.js';
export { POLICIES, type PagingConfig, type PagingEvent, type PagingState, type Policy } from './schemes/vm-paging.js';
export { forEachStep, Timeline } from './timeline.js';
export { formatHex, formatSize, isPowerOfTwo, MAX_BYTES, parseAddress, parseSize } from './units.js';
