import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type { ContiguousEvent } from '../../engine/index.js';
import type { RelocationEvent } from '../../engine/schemes/relocation/index.js';
import { MAX_BYTES } from '../../engine/units.js';
import { run } from './helpers.js';

/** Registers and addresses anywhere up to 2^50, past 2^32 where 32-bit arithmetic would go wrong. */
const registers = fc
  .record({ base: fc.integer({ min: 0, max: MAX_BYTES / 2 }), bounds: fc.integer({ min: 1, max: MAX_BYTES / 2 }) })
  .chain((r) =>
    fc.record({
      base: fc.constant(r.base),
      bounds: fc.constant(r.bounds),
      // Addresses near the bounds, where the comparison turns, and anywhere else.
      addresses: fc.array(fc.oneof(fc.integer({ min: Math.max(0, r.bounds - 3), max: r.bounds + 3 }), fc.integer({ min: 0, max: MAX_BYTES })), { minLength: 1, maxLength: 30 }),
      hex: fc.boolean(),
    }),
  );

const text = (r: { base: number; bounds: number; addresses: number[]; hex: boolean }) =>
  `scheme: relocation\nbase: ${r.base}\nbounds: ${r.bounds}\naccess: ${r.addresses.map((a) => (r.hex ? `0x${a.toString(16)}` : String(a))).join(' ')}\n`;

describe('relocation: properties', () => {
  it('traps exactly when address >= bounds; every other access lands inside [base, base + bounds)', () => {
    fc.assert(
      fc.property(registers, (r) => {
        const t = run(text(r)).runs[0]!;
        assert.equal(t.length, r.addresses.length);
        r.addresses.forEach((a, i) => {
          const e = t.eventAt(i + 1) as RelocationEvent;
          assert.equal(e.address, a);
          assert.equal(e.trap, a >= r.bounds ? 'out of bounds' : null);
          if (e.trap === null) {
            assert.equal(e.physical, r.base + a);
            assert.ok(e.physical! >= r.base && e.physical! < r.base + r.bounds);
          } else assert.equal(e.physical, null);
        });
        const m = t.metricsAt(t.length);
        assert.equal(m.traps, r.addresses.filter((a) => a >= r.bounds).length);
        assert.equal(m.accesses, r.addresses.length);
      }),
      { numRuns: 200 },
    );
  });

  it('in a dynamic trace, an access never changes memory and lands inside the process region or traps', () => {
    const cmd = fc.record({ k: fc.integer({ min: 0, max: 9 }), pick: fc.nat(), size: fc.integer({ min: 1, max: 20 }), address: fc.integer({ min: 0, max: 24 * 1024 }) });
    fc.assert(
      fc.property(fc.array(cmd, { minLength: 1, maxLength: 25 }), (cmds) => {
        // A trace that follows names as the parser does: loads, exits, swaps and accesses of live processes.
        const alive: string[] = [];
        const out = new Set<string>();
        const lines: string[] = [];
        let n = 0;
        for (const c of cmds) {
          if (c.k <= 3 || alive.length === 0) {
            const name = `P${n++}`;
            lines.push(`  load ${name} ${c.size}K`);
            alive.push(name);
          } else if (c.k === 4) {
            const name = alive.splice(c.pick % alive.length, 1)[0]!;
            out.delete(name);
            lines.push(`  exit ${name}`);
          } else if (c.k === 5) {
            const name = alive[c.pick % alive.length]!;
            lines.push(out.has(name) ? `  swap-in ${name}` : `  swap-out ${name}`);
            if (out.has(name)) out.delete(name);
            else out.add(name);
          } else lines.push(`  access ${alive[c.pick % alive.length]!} ${c.address}`);
        }
        const t = run(`scheme: dynamic\nmemory: 64K\ntrace: |\n${lines.join('\n')}\n`).runs[0]!;
        for (let step = 1; step <= t.length; step++) {
          const e = t.eventAt(step) as ContiguousEvent;
          if (!e.access) continue;
          const before = t.stateAt(step - 1);
          assert.equal(t.scheme.apply(t.config, t.run, before, step - 1).state, before);
          const a = e.access;
          if (a.trap === null) assert.ok(a.physical! >= a.base! && a.physical! < a.base! + a.bounds!);
          else if (a.trap === 'out of bounds') assert.ok(a.address >= a.bounds!);
          else assert.equal(a.base, null);
        }
      }),
      { numRuns: 150 },
    );
  });
});
