import type { RunFields, RunSpec, SchemeModule, StepEvent } from './scheme.js';

/**
 * Simulates one run from its first operation to its last, handing each step's state and event to
 * `visit` (`index` 0-based) and returning the final state. Schemes that step in place hand over the
 * same working state each time: read it in `visit`, never keep it. Nothing is retained, so a report
 * written from `visit` holds one step at a time whatever the trace's length.
 * @param start the initial state, when the caller already has it (it is not changed)
 */
export function forEachStep<Config, State, Event extends StepEvent, Fields extends RunFields>(
  scheme: SchemeModule<Config, State, Event, Fields>,
  config: Config,
  run: RunSpec<Fields>,
  visit: (state: State, event: Event, index: number) => void,
  start: State = scheme.initial(config, run),
): State {
  const n = scheme.stepCount(config);
  const { step, clone } = scheme;
  if (step && clone) {
    const state = clone(start);
    for (let i = 0; i < n; i++) visit(state, step(config, run, state, i), i);
    return state;
  }
  let state = start;
  for (let i = 0; i < n; i++) {
    const r = scheme.apply(config, run, state, i);
    state = r.state;
    visit(state, r.event, i);
  }
  return state;
}

/**
 * Every step of one run, with random access. It keeps each step's event and a snapshot of the
 * state every `interval` steps; `stateAt(n)` replays at most `interval - 1` steps from the
 * nearest snapshot, so a jump costs the same anywhere in a long trace. A scheme that tells its
 * state's `size` gets a snapshot only once the steps since the last one reach a quarter of the
 * state's size: a snapshot copies the whole state, so keeping one every `interval` steps of a state
 * of thousands of entries would copy far more than the steps do, and a jump then replays at most
 * about that many steps.
 */
export class Timeline<Config = any, State = any, Event extends StepEvent = StepEvent, Fields extends RunFields = any> {
  /** events[i] says what operation i did (0-based); position n is the state after n operations. */
  readonly events: Event[] = [];
  /** The state at every multiple of `interval`, or undefined where it was not kept (see above). */
  private readonly snapshots: (State | undefined)[] = [];
  private cache: { at: number; state: State } | undefined;

  constructor(
    readonly scheme: SchemeModule<Config, State, Event, Fields>,
    readonly config: Config,
    readonly run: RunSpec<Fields>,
    readonly interval = 64,
  ) {
    const n = scheme.stepCount(config);
    const start = scheme.initial(config, run);
    this.snapshots.push(start);
    const { clone, size } = scheme;
    let last = 0;
    // In-place stepping hands over one working state: copy it only when a snapshot is kept.
    const state = forEachStep(scheme, config, run, (working, event, i) => {
      this.events.push(event);
      if (++i % interval) return;
      if (size && 4 * (i - last) < size(working)) return void this.snapshots.push(undefined);
      last = i;
      this.snapshots.push(scheme.step && clone ? clone(working) : working);
    }, start);
    this.cache = { at: n, state };
  }

  /** Number of operations; positions run from 0 (before the first) to `length` (after the last). */
  get length(): number {
    return this.events.length;
  }

  /** The state after `position` operations. Treat it as read-only. */
  stateAt(position: number): State {
    const p = Math.max(0, Math.min(this.length, Math.trunc(position)));
    if (this.cache?.at === p) return this.cache.state;
    let k = Math.floor(p / this.interval);
    while (this.snapshots[k] === undefined) k--; // the start is always kept
    let at = k * this.interval;
    let state = this.snapshots[k] as State;
    // Stepping forward one at a time replays from the last answer instead of the snapshot.
    if (this.cache && this.cache.at <= p && this.cache.at > at) {
      at = this.cache.at;
      state = this.cache.state;
    }
    const { step, clone } = this.scheme;
    if (step && clone) {
      if (at < p) {
        state = clone(state); // snapshots and earlier answers stay untouched
        for (let i = at; i < p; i++) step(this.config, this.run, state, i);
      }
    } else {
      for (let i = at; i < p; i++) state = this.scheme.apply(this.config, this.run, state, i).state;
    }
    this.cache = { at: p, state };
    return state;
  }

  /** The event of the operation that led to `position` (undefined at position 0). */
  eventAt(position: number): Event | undefined {
    return position >= 1 ? this.events[position - 1] : undefined;
  }

  get final(): State {
    return this.stateAt(this.length);
  }

  metricsAt(position: number): Record<string, number> {
    return this.scheme.metrics(this.config, this.run, this.stateAt(position));
  }

  mermaidAt(position: number): string {
    return this.scheme.mermaid(this.config, this.run, this.stateAt(position), this.eventAt(position));
  }
}
