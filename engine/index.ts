/**
 * mem-sim's engine: the scenario language, the schemes and the timeline. Pure TypeScript, no DOM
 * and no Node APIs, so the same code runs in the CLI, the build plugins and the browser.
 * @packageDocumentation
 */
export { editDistance, nearestWord, type ScenarioError } from './errors.js';
export { countFaults, type FaultCounts, type PolicyOptions } from './fast/page-faults.js';
export { faultCurve } from './fast/fault-curve.js';
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
  type MetricDoc,
  type MetricKind,
  type RunFields,
  type RunSpec,
  type SchemeModule,
  type SchemeName,
  type StepEvent,
  type TableCell,
  type TableModel,
  type TableOptions,
  type Work,
} from './scheme.js';
export { describeMetrics, formatMetric, ratio, type MetricText } from './metrics.js';
export { SCHEMES } from './schemes/all.js';
export { BUILT_SCHEMES, isBuilt, SCHEME_MODULES, type BuiltScheme, type SchemeLoader } from './schemes/registry.js';
export type { ContiguousEvent, ContiguousScheme, ContiguousState, Placement, SwappedOut, Waiter } from './contiguous/core.js';
export type { MapBlock } from './contiguous/presentation/map.js';
export { dynamic, PLACEMENTS, type DynamicConfig, type DynamicFields, type DynamicMemory, type DynamicState, type PlacementPolicy } from './schemes/dynamic/index.js';
export { buddy, buddyOf, type BuddyBlock, type BuddyConfig, type BuddyFields, type BuddyMemory, type BuddyState } from './schemes/buddy/index.js';
export { fixed, QUEUES, type FixedConfig, type FixedFields, type FixedMemory, type FixedState, type Partition } from './schemes/fixed/index.js';
export { paging, type FrameEntry, type SimplePagingConfig, type SimplePagingEvent, type SimplePagingFields, type SimplePagingState } from './schemes/paging/index.js';
export { stackHeap, type StackHeapConfig, type StackHeapEvent, type StackHeapFields, type StackHeapState } from './schemes/stack-heap/index.js';
export { POLICIES, vmPaging, type PagingConfig, type PagingEvent, type PagingFields, type PagingState, type Policy } from './schemes/vm-paging/index.js';
export { forEachStep, Timeline } from './timeline.js';
export { formatHex, formatNumber, formatSize, isPowerOfTwo, MAX_BYTES, parseAddress, parseSize } from './units.js';
