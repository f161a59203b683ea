/**
 * What fixed partitioning, dynamic partitioning and the buddy system do alike, written once: the
 * life of a process (loaded, waiting, resident, swapped out, gone), the admission rules (docs/ARCHITECTURE.md, Textbook rules and ties),
 * the sentences that join an operation to its consequences; and, loaded late (presentation/), the
 * JSON report's shape, the table and the Mermaid map.
 * Each scheme supplies an `Allocator`: how its memory places a process, frees one and, for dynamic
 * partitioning, compacts.
 *
 * Admission (docs/ARCHITECTURE.md): a load that fits is placed at once, even while others wait; one that does not
 * fit waits. Whenever memory is freed (an exit, a swap-out, a compaction), the waiting processes are
 * tried in arrival order and each that now fits is placed, so a small one may pass a larger one. One
 * pass is enough: placing a process only uses memory up, so one that did not fit earlier in the pass
 * cannot fit later in it. A load that can never fit is refused in its sentence, not queued. A
 * swapped-out process may exit; a waiting one may exit or be swapped out (it then leaves the queue
 * and comes back with `swap-in`). `swap-in` places the process like a load, or queues it.
 */
import type { KeyDoc, MetricDoc, RunFields, RunSpec, SchemeModule, SchemeName, StepEvent, Work } from '../scheme.js';
import type { ScenarioReader } from '../source.js';
import { latePresentation } from '../presentation.js';
import type { AccessResult } from './translation/access.js';
import { procText, type Proc, type Region } from './common.js';
import type { MapBlock } from './presentation/map.js';
import { access, loadAccess, type OpKind, type Operation } from './trace.js';

/** What every contiguous scheme's configuration has. */
export interface ContiguousConfig {
  memory: number;
  /** The OS region at address 0, in bytes (0 for none). */
  os: number;
  ops: Operation[];
}

/** A process in the waiting queue. */
export interface Waiter extends Proc {
  /** Step (0-based) at which it joined the queue: the queue's order. */
  since: number;
  /** Whether it waits to be swapped back in rather than to be loaded. */
  swapIn: boolean;
}

/** A process on the swapping disk. */
export interface SwappedOut extends Proc {
  /** Source line of the operation that swapped it out. */
  line: number;
  /** Whether the scheme chose it as a victim (`when-full: swap`) rather than the trace naming it. */
  victim: boolean;
}

/** The state of a run after some operations. Immutable: every operation makes a new one. */
export interface ContiguousState<M> {
  /** The scheme's memory (holes, partitions or buddy blocks). */
  readonly mem: M;
  readonly waiting: readonly Waiter[];
  readonly swapped: readonly SwappedOut[];
  /** Holes examined by every search so far (see `searchCost`). */
  readonly examined: number;
  /** Placements so far; each resident process records the tick it was placed at. */
  readonly tick: number;
}

/** Where a step put a process. `size` is what the scheme reserved (the block, for buddy). */
export interface Placement {
  name: string;
  start: number;
  size: number;
}

export interface ContiguousEvent extends StepEvent {
  /** The operation as written (`load P4 8M`). */
  op: string;
  kind: OpKind;
  /** The process the operation names ('' for compact). */
  name: string;
  /** Processes placed by this step: the operation's own first, then any admitted from the queue. */
  placed: Placement[];
  /** Processes this step swapped out: the one named, or the victims of `when-full: swap`. */
  swappedOut: string[];
  /** Whether the operation's process joined the waiting queue. */
  waited: boolean;
  /** Whether the load was refused (larger than memory could ever give it). */
  refused: boolean;
  /** Holes this step's searches examined. */
  examined: number;
  /** An `access` step's translation (base and bounds from the process's place). */
  access?: AccessResult;
  /** What a compaction in this step slid toward address 0, in address order. */
  moved?: Move[];
}

/** A block a compaction slid: a process, or anonymous used memory (`name` ''). */
export interface Move {
  name: string;
  size: number;
  from: number;
  to: number;
}

export type PlaceResult<M> =
  | {
      ok: true;
      mem: M;
      /** The predicate of the sentence, after the process: `goes to the 14M hole at 28M: the first hole large enough`. */
      phrase: string;
      examined: number;
      start: number;
      size: number;
      /** Processes swapped out to make room (`when-full: swap`). */
      evicted: Proc[];
      /** What a compaction made on the way slid (`when-full: compact`). */
      moved?: Move[];
    }
  | {
      ok: false;
      /** Why it does not fit: `the largest hole is 6M`. */
      reason: string;
      examined: number;
    };

/** How one scheme's memory places, frees and (for dynamic partitioning) compacts. Never mutates. */
export interface Allocator<C extends ContiguousConfig, M, F extends RunFields = RunFields> {
  initial(c: C, run: RunSpec<F>): M;
  /** Places `p` if it can now; `tick` is recorded as the moment it became resident. */
  place(c: C, run: RunSpec<F>, mem: M, p: Proc, tick: number): PlaceResult<M>;
  /** Frees a resident process: the phrase says what became of its memory (`its 20M at 8M becomes a hole`). */
  release(c: C, run: RunSpec<F>, mem: M, name: string): { mem: M; phrase: string; proc: Proc };
  compact?(c: C, run: RunSpec<F>, mem: M): { mem: M; phrase: string; moved: Move[] };
  /** Where a resident process sits: its start and its own size (the relocation registers), or undefined. */
  locate(c: C, run: RunSpec<F>, mem: M, name: string): Region | undefined;
}

const remove = <T extends Proc>(xs: readonly T[], name: string): T[] => xs.filter((x) => x.name !== name);

/** Tries every waiting process in arrival order; each that fits is placed. */
function admit<C extends ContiguousConfig, M, F extends RunFields>(
  a: Allocator<C, M, F>,
  c: C,
  run: RunSpec<F>,
  s: ContiguousState<M>,
  line: number,
  e: ContiguousEvent,
  clauses: string[],
): ContiguousState<M> {
  if (s.waiting.length === 0) return s;
  let { mem, tick, examined, swapped } = s;
  const still: Waiter[] = [];
  for (const w of s.waiting) {
    const r = a.place(c, run, mem, w, tick);
    examined += r.examined;
    e.examined += r.examined;
    if (!r.ok) {
      still.push(w);
      continue;
    }
    mem = r.mem;
    tick++;
    e.placed.push({ name: w.name, start: r.start, size: r.size });
    swapped = recordRoomMade(swapped, r, line, e);
    clauses.push(`then ${w.swapIn ? `${procText(w)}, waiting to be swapped back in,` : `waiting ${procText(w)}`} ${r.phrase}`);
  }
  return { mem, waiting: still, swapped, examined, tick };
}

/** Records what a placement did to make room: its swap-outs (in the list returned and the event), its compaction's moves. */
function recordRoomMade(swapped: readonly SwappedOut[], r: { evicted: Proc[]; moved?: Move[] }, line: number, e: ContiguousEvent): readonly SwappedOut[] {
  if (r.moved) e.moved = [...(e.moved ?? []), ...r.moved];
  const evicted = r.evicted;
  if (evicted.length === 0) return swapped;
  e.swappedOut.push(...evicted.map((p) => p.name));
  return [...swapped, ...evicted.map((p) => ({ name: p.name, size: p.size, line, victim: true }))];
}

/** Places `p` now or queues it (a load, or a swap-in when `swapIn`), and says which. */
function placeOrQueue<C extends ContiguousConfig, M, F extends RunFields>(
  a: Allocator<C, M, F>,
  c: C,
  run: RunSpec<F>,
  state: ContiguousState<M>,
  p: Proc,
  swapIn: boolean,
  index: number,
  e: ContiguousEvent,
  clauses: string[],
): ContiguousState<M> {
  const r = a.place(c, run, state.mem, p, state.tick);
  e.examined += r.examined;
  const examined = state.examined + r.examined;
  if (!r.ok) {
    e.waited = true;
    clauses.push(`${procText(p)}${swapIn ? ' cannot be swapped back in yet and' : ''} waits: ${r.reason}`);
    return { ...state, waiting: [...state.waiting, { name: p.name, size: p.size, since: index, swapIn }], examined };
  }
  e.placed.push({ name: p.name, start: r.start, size: r.size });
  clauses.push(`${procText(p)}${swapIn ? ' is swapped back in and' : ''} ${r.phrase}`);
  const swapped = recordRoomMade(state.swapped, r, e.line, e);
  return { ...state, mem: r.mem, swapped, examined, tick: state.tick + 1 };
}

/** Applies operation `index` of the trace to a state: the `apply` of every contiguous scheme. */
export function applyOperation<C extends ContiguousConfig, M, F extends RunFields>(
  a: Allocator<C, M, F>,
  c: C,
  run: RunSpec<F>,
  s: ContiguousState<M>,
  index: number,
): { state: ContiguousState<M>; event: ContiguousEvent } {
  const op = c.ops[index]!;
  const e: ContiguousEvent = {
    line: op.line,
    sentence: '',
    op: op.text,
    kind: op.kind,
    name: op.name,
    placed: [],
    swappedOut: [],
    waited: false,
    refused: false,
    examined: 0,
  };
  const clauses: string[] = [];
  let state = s;
  let freed = false;
  const waiter = s.waiting.find((w) => w.name === op.name);
  const away = s.swapped.find((w) => w.name === op.name);

  switch (op.kind) {
    case 'load':
      if (op.refused) {
        e.refused = true;
        clauses.push(`${procText(op)} is refused: ${op.refused}`);
      } else state = placeOrQueue(a, c, run, s, op, false, index, e, clauses);
      break;
    case 'exit':
    case 'swap-out': {
      const verb = op.kind === 'exit' ? 'exits' : 'is swapped out';
      if (waiter) {
        const waiting = remove(s.waiting, op.name);
        if (op.kind === 'exit') {
          state = { ...s, waiting };
          clauses.push(`${op.name} exits while still waiting: it leaves the queue without having run`);
        } else {
          state = { ...s, waiting, swapped: [...s.swapped, { name: waiter.name, size: waiter.size, line: op.line, victim: false }] };
          e.swappedOut.push(op.name);
          clauses.push(`${op.name} is swapped out while waiting: it leaves the queue until it is swapped back in`);
        }
      } else if (away) {
        if (op.kind === 'exit') {
          state = { ...s, swapped: remove(s.swapped, op.name) };
          clauses.push(`${op.name} exits while swapped out: it frees no memory`);
        } else clauses.push(`${op.name} is already swapped out (${away.victim ? 'to make room, ' : ''}line ${away.line}): nothing changes`);
      } else {
        const r = a.release(c, run, s.mem, op.name);
        state = { ...s, mem: r.mem };
        if (op.kind === 'swap-out') {
          state = { ...state, swapped: [...s.swapped, { name: op.name, size: r.proc.size, line: op.line, victim: false }] };
          e.swappedOut.push(op.name);
        }
        freed = true;
        clauses.push(`${op.name} ${verb}: ${r.phrase}`);
      }
      break;
    }
    case 'swap-in':
      if (away) {
        state = placeOrQueue(a, c, run, { ...s, swapped: remove(s.swapped, op.name) }, away, true, index, e, clauses);
      } else if (waiter) {
        clauses.push(`${op.name} is already waiting${waiter.swapIn ? ' to be swapped back in' : ' to be loaded'}: nothing changes`);
      } else clauses.push(`${op.name} is already in memory: nothing to swap in`);
      break;
    case 'access': {
      const r = access!.accessStep(op, s, waiter || away ? undefined : a.locate(c, run, s.mem, op.name));
      e.access = r.access;
      clauses.push(r.sentence);
      break;
    }
    case 'compact': {
      const r = a.compact!(c, run, s.mem);
      state = { ...s, mem: r.mem };
      e.moved = r.moved;
      freed = true;
      clauses.push(r.phrase);
      break;
    }
  }
  if (freed) state = admit(a, c, run, state, op.line, e, clauses);
  e.sentence = clauses.join('; ');
  return { state, event: e };
}

/** The contract's memory-map fields of a state, as each scheme lays them out. */
export interface MapReport {
  os: Region;
  allocations: Record<string, unknown>[];
  holes: Region[];
  /** Any further fields for steps and the final report (partitions, free lists...). */
  extra?: Record<string, unknown>;
}

/** What a contiguous scheme writes for its report, table and diagram, in its presentation module. */
export interface ContiguousPresentation<C extends ContiguousConfig, M, F extends RunFields = RunFields> {
  report(c: C, run: RunSpec<F>, s: ContiguousState<M>): MapReport;
  /** Heading and items of the table's column about free memory (holes, free partitions, free blocks). */
  freeColumn: string;
  freeItems(c: C, run: RunSpec<F>, mem: M): string[];
  /** The table's waiting column; the default lists the names in arrival order. */
  waitingText?(c: C, run: RunSpec<F>, s: ContiguousState<M>): string;
  /**
   * Mermaid source of a step: what the memory bar cannot show (a search, queues, a tree), kept to a
   * few dozen nodes whatever the trace (pieces in presentation/diagram.ts).
   */
  mermaid(c: C, run: RunSpec<F>, s: ContiguousState<M>, e: ContiguousEvent | undefined): string;
}

/** Everything a contiguous scheme writes itself; `contiguousScheme` builds the module from it. */
export interface ContiguousDefinition<C extends ContiguousConfig, M, F extends RunFields = RunFields> {
  name: SchemeName;
  /** One line for the docs' table of schemes. */
  summary: string;
  keys: readonly KeyDoc[];
  /** Every metric `metrics` returns, in its order (see `contiguousMetricDocs`). */
  metricDocs: readonly MetricDoc[];
  parse(r: ScenarioReader): C | undefined;
  runs(c: C): RunSpec<F>[];
  allocator: Allocator<C, M, F>;
  /** Metrics of a state; `contractMetrics` names those the final report's `metrics` carries, in order. */
  metrics(c: C, run: RunSpec<F>, s: ContiguousState<M>): Record<string, number>;
  contractMetrics?: readonly string[];
  /** The memory map from address 0 upward. */
  blocks(c: C, run: RunSpec<F>, mem: M): MapBlock[];
  /** Loads the scheme's presentation half: a module of its own, so a page fetches it only for a table or a diagram. */
  presentation(): Promise<ContiguousPresentation<C, M, F>>;
  /**
   * The most entries a state's report can hold (allocations, holes or free blocks, partitions, queue
   * places) while `live` processes of the trace are alive: the work cap's bound on one step.
   */
  stateEntries(c: C, live: number): number;
  /** The key whose value fixes the entries that do not depend on the trace (`layout`, `partitions`). */
  fixedEntriesKey?: string;
}

/** A contiguous scheme's module: the SchemeModule contract plus the memory map for views. */
export interface ContiguousScheme<C extends ContiguousConfig = any, M = any, F extends RunFields = any>
  extends SchemeModule<C, ContiguousState<M>, ContiguousEvent, F> {
  /** The memory map of a state from address 0 upward: what a memory bar draws. */
  blocks(c: C, run: RunSpec<F>, s: ContiguousState<M>): MapBlock[];
}

/**
 * The work cap's bound, from the trace alone: which processes are alive after each operation does
 * not depend on where they are placed, and each step's report is bounded by the live processes.
 */
function contiguousWork<C extends ContiguousConfig, M, F extends RunFields>(d: ContiguousDefinition<C, M, F>, c: C): Work {
  const runs = d.runs(c).length;
  // Processes of a starting layout are in the scheme's fixed entries, so only the trace's own count here.
  const live = new Set<string>();
  let maxLive = 0;
  let entries = 0;
  for (const op of c.ops) {
    if (op.kind === 'load' && !op.refused) live.add(op.name);
    else if (op.kind === 'exit') live.delete(op.name);
    if (live.size > maxLive) maxLive = live.size;
    entries += d.stateEntries(c, live.size);
  }
  const fixedPart = d.stateEntries(c, 0);
  return {
    steps: c.ops.length * runs,
    entries: entries * runs,
    stepsKey: 'trace',
    entriesKey: d.fixedEntriesKey && fixedPart > d.stateEntries(c, maxLive) - fixedPart ? d.fixedEntriesKey : 'trace',
  };
}

/**
 * Builds a scheme module around the shared process life and admission; the report, the table and
 * the Mermaid source are its presentation half (presentation/index.ts with the scheme's own
 * `presentation`), loaded by `present()`.
 */
export function contiguousScheme<C extends ContiguousConfig, M, F extends RunFields>(d: ContiguousDefinition<C, M, F>): ContiguousScheme<C, M, F> {
  return {
    name: d.name,
    summary: d.summary,
    keys: d.keys,
    metricDocs: d.metricDocs,
    parse: d.parse,
    runs: d.runs,
    stepCount: (c) => c.ops.length,
    work: (c) => contiguousWork(d, c),
    initial: (c, run) => ({ mem: d.allocator.initial(c, run), waiting: [], swapped: [], examined: 0, tick: 0 }),
    apply: (c, run, s, i) => applyOperation(d.allocator, c, run, s, i),
    metrics: d.metrics,
    // Only a scenario that may hold an access fetches the translation code; Node (no text) loads it for any.
    prepare: loadAccess,
    ...latePresentation<C, ContiguousState<M>, ContiguousEvent, F>(async () => {
      const [{ presentContiguous }, p] = await Promise.all([import('./presentation/index.js'), d.presentation()]);
      return presentContiguous(d, p);
    }),
    blocks: (c, run, s) => d.blocks(c, run, s.mem),
  };
}
