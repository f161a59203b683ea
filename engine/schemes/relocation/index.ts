/**
 * Relocation with base and bounds registers (OSTEP, Address Translation: dynamic relocation): the
 * scheme module. The register form translates the addresses of the one running process P:
 * `physical = base + address` when `address < bounds`, else the trap "out of bounds". An access
 * never changes memory, so the state only counts. The parts: config.ts, parse.ts, metrics.ts, and
 * presentation/ (the report, the table, the diagram; loaded on demand); the translation itself is
 * engine/contiguous/translation/relocate.ts, which the contiguous traces' `access NAME ADDRESS` shares.
 */
import { relocate, translationSentence } from '../../contiguous/translation/relocate.js';
import { latePresentation } from '../../presentation.js';
import type { KeyDoc, MetricDoc, SchemeModule } from '../../scheme.js';
import { PROCESS, type RelocationConfig, type RelocationEvent, type RelocationFields, type RelocationState } from './config.js';
import { parse } from './parse.js';
import { metrics } from './metrics.js';

export { PROCESS, type Access, type RelocationConfig, type RelocationEvent, type RelocationFields, type RelocationState } from './config.js';

const KEYS: readonly KeyDoc[] = [
  { key: 'base', aliases: ['base-register', 'relocation-register'], summary: 'The base (relocation) register: where the process starts in physical memory (32K, 0x8000).' },
  { key: 'bounds', aliases: ['limit', 'bound', 'limit-register', 'bounds-register'], summary: 'The bounds (limit) register: the size of the address space; an address at or past it traps (16K).' },
  { key: 'access', aliases: ['accesses', 'addresses'], summary: 'The logical addresses process P uses, in decimal or 0x hex, separated by spaces (0 1024 3000 4400).' },
  { key: 'memory', aliases: ['memory-size', 'physical-memory', 'physmem'], summary: 'Size of physical memory, for the picture. Default: the smallest power of two that holds base + bounds.' },
  {
    key: 'trace',
    aliases: ['operations', 'ops'],
    summary: "Not with the register form: for several processes, each relocated where it was placed, write a dynamic or fixed trace with 'access NAME ADDRESS'.",
  },
];

const METRICS: readonly MetricDoc[] = [
  { key: 'accesses', label: 'accesses', kind: 'count' },
  { key: 'translated', label: 'translated', kind: 'count' },
  { key: 'traps', label: 'traps', kind: 'count' },
];

function apply(c: RelocationConfig, _run: unknown, s: RelocationState, index: number): { state: RelocationState; event: RelocationEvent } {
  const a = c.accesses[index]!;
  const t = relocate(PROCESS, a.address, c.base, c.bounds);
  const event: RelocationEvent = { ...t, line: a.line, op: `access ${a.token}`, hex: a.hex, sentence: translationSentence(t, a.hex) };
  return { state: { accesses: s.accesses + 1, traps: s.traps + (t.trap ? 1 : 0) }, event };
}

/** Relocation: one process, a base and a bounds register, each address checked and added. */
export const relocation: SchemeModule<RelocationConfig, RelocationState, RelocationEvent, RelocationFields> = {
  name: 'relocation',
  summary: 'Relocation with base and bounds registers: each address is checked against the bounds and added to the base.',
  keys: KEYS,
  metricDocs: METRICS,
  parse,
  runs: () => [{ label: 'base and bounds', fields: {} }],
  stepCount: (c) => c.accesses.length,
  // The state is two counters whatever the trace: one entry per step.
  work: (c) => ({ steps: c.accesses.length, entries: c.accesses.length, stepsKey: 'access', entriesKey: 'access' }),
  initial: () => ({ accesses: 0, traps: 0 }),
  apply,
  metrics,
  ...latePresentation<RelocationConfig, RelocationState, RelocationEvent, RelocationFields>(() => import('./presentation/index.js')),
};

export default relocation;
