/**
 * Stack-heap's invariants on random valid programs (test/stack-heap-invariants.ts states them): blocks
 * and free entries tile the heap; with coalescing no two free entries touch; block sizes are aligned
 * requests plus the header; the free list keeps its order; frames nest and pop in order; leaks are
 * exactly the blocks no pointer reaches. Also: stepping in place agrees with `apply`, and the frames
 * after each step are the calls not yet returned.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { forEachStep, type StackHeapState } from '../../engine/index.js';
import { checkTimeline } from '../invariants.js';
import { run } from './helpers.js';

const command = fc.record({ k: fc.nat(15), pick: fc.nat(), size: fc.integer({ min: 1, max: 40 }), offset: fc.nat(12) });

/** Lines of a valid program for random commands, following scope as the parser does; and the call stack after each line. */
function program(commands: readonly { k: number; pick: number; size: number; offset: number }[]) {
  const frames: { func: string; ptrs: string[]; data: string[] }[] = [];
  const globals: string[] = [];
  let allocs = 0;
  let n = 0;
  const lines: string[] = [];
  const stacks: string[][] = [[]];
  const visible = () => [...(frames[frames.length - 1]?.ptrs ?? []), ...globals];
  const pick = <T>(xs: T[], i: number) => xs[i % xs.length]!;
  for (const c of commands) {
    const f = frames[frames.length - 1];
    const vis = visible();
    let line: string;
    if (c.k === 0 || (!f && c.k < 4)) {
      const ptr = vis.length && c.pick % 2 ? `, buf = ${pick(vis, c.pick)}` : '';
      line = `call f${n % 3} n ${c.size}${ptr}`;
      frames.push({ func: `f${n % 3}`, ptrs: ptr ? ['buf'] : [], data: ['n'] });
    } else if (c.k === 1 && f && frames.length > 0) {
      const to = frames.length > 1 && f.ptrs.length && c.pick % 2 ? { v: pick(f.ptrs, c.pick), to: `r${n}` } : undefined;
      frames.pop();
      line = to ? `return ${to.v} -> ${to.to}` : 'return';
      if (to) frames[frames.length - 1]!.ptrs.push(to.to);
    } else if (c.k === 2 && f) {
      line = `local d${n} ${c.size}`;
      f.data.push(`d${n}`);
    } else if (c.k <= 6) {
      const name = vis.length && c.pick % 3 === 0 ? pick(vis, c.pick) : `p${n}`;
      line = `${name} = malloc ${c.size}`;
      if (!vis.includes(name)) (f ? f.ptrs : globals).push(name);
    } else if (c.k <= 9 && vis.length) {
      line = `free ${pick(vis, c.pick)}`;
    } else if (c.k === 10 && vis.length) {
      const name = `q${n}`;
      line = `${name} = ${pick(vis, c.pick)}${c.offset % 3 === 0 ? ` + ${c.offset}` : ''}`;
      (f ? f.ptrs : globals).push(name);
    } else if (c.k === 11 && vis.length) {
      line = `${pick(vis, c.pick)} = null`;
    } else if (c.k <= 13) {
      line = `+${c.size}`;
      globals.push(`ptr${allocs++}`);
    } else if (allocs) {
      line = `-${c.pick % allocs}`;
    } else {
      line = `+${c.size}`;
      globals.push(`ptr${allocs++}`);
    }
    n++;
    lines.push(line);
    stacks.push(frames.map((x) => x.func));
  }
  return { lines, stacks };
}

const scenario = fc.record({
  heap: fc.integer({ min: 16, max: 300 }),
  header: fc.constantFrom(0, 4, 8),
  align: fc.constantFrom(1, 4, 8),
  coalesce: fc.boolean(),
  order: fc.constantFrom('address', 'size', 'size-desc', 'insert-front', 'insert-back'),
  placement: fc.constantFrom('first-fit', 'next-fit', 'best-fit', 'worst-fit'),
  stack: fc.integer({ min: 0, max: 400 }),
  commands: fc.array(command, { minLength: 1, maxLength: 60 }),
});

const text = (g: Record<string, unknown>, lines: string[]) =>
  `scheme: stack-heap\nmemory: 4K\nstack: ${g.stack}\nheap: ${g.heap}\nheader: ${g.header}\nalign: ${g.align}\ncoalesce: ${g.coalesce}\nfree-list: ${g.order}\nplacement: ${g.placement}\ntrace: |\n${lines.map((l) => `  ${l}`).join('\n')}\n`;

describe('stack-heap: properties on random programs', () => {
  it('every state keeps the rules (tiling, coalescing, sizes, list order, nesting, leaks, metrics)', () => {
    fc.assert(
      fc.property(scenario, (g) => {
        const { lines } = program(g.commands);
        for (const t of run(text(g, lines)).runs) checkTimeline(t);
      }),
      { numRuns: 300 },
    );
  });
  it('frames nest and pop in order: after each step the frames are the calls not yet returned (until a stack overflow stops the program)', () => {
    fc.assert(
      fc.property(scenario, (g) => {
        const { lines, stacks } = program(g.commands);
        const t = run(text(g, lines)).runs[0]!;
        for (let p = 0; p <= t.length; p++) {
          const s = t.stateAt(p) as StackHeapState;
          if (s.stoppedAt) break;
          assert.deepEqual(s.frames.map((f) => f.func), stacks[p], `after step ${p}`);
        }
      }),
      { numRuns: 200 },
    );
  });
  it('a sentence composed when first read is the one its step would have said then: it keeps what the step saw, not the state after', () => {
    fc.assert(
      fc.property(scenario, (g) => {
        const { lines } = program(g.commands);
        const t = run(text(g, lines)).runs[0]!;
        const atTheStep: string[] = [];
        forEachStep(t.scheme, t.config, t.run, (_s, e) => atTheStep.push(e.sentence));
        assert.deepEqual(t.events.map((e) => e.sentence), atTheStep);
      }),
      { numRuns: 200 },
    );
  });
  it('stepping in place agrees with apply', () => {
    fc.assert(
      fc.property(scenario, (g) => {
        const { lines } = program(g.commands);
        const t = run(text(g, lines)).runs[0]!;
        let s = t.scheme.initial(t.config, t.run);
        for (let i = 0; i < t.length; i++) {
          const r = t.scheme.apply(t.config, t.run, s, i);
          assert.equal(r.event.sentence, t.eventAt(i + 1)!.sentence);
          s = r.state;
        }
        assert.deepEqual(JSON.stringify(t.scheme.finalReport(t.config, t.run, s)), JSON.stringify(t.scheme.finalReport(t.config, t.run, t.stateAt(t.length))));
      }),
      { numRuns: 100 },
    );
  });
});
