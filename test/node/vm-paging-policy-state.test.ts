import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { parseScenario, simulate, type PagingConfig, type PagingEvent, type PagingState, type Policy } from '../../engine/index.js';
import { framesFull, loadOrder, nextUseOrder, recencyOrder, type ResidentPage } from '../../engine/schemes/vm-paging/policy-state.js';

const SILBERSCHATZ = '7 0 1 2 0 3 0 4 2 3 0 3 2 1 2 0 1 7 0 1';

function timeline(policy: Policy, frames: number, refs: string) {
  const r = parseScenario(`scheme: vm-paging\nframes: ${frames}\npolicy: ${policy}\nrefs: ${refs}`);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  const t = simulate(r.scenario).runs[0]!;
  const config = t.config as PagingConfig;
  return { t, config, state: (p: number) => t.stateAt(p) as PagingState, event: (p: number) => t.eventAt(p) as PagingEvent };
}

const pagesOf = (rs: ResidentPage[]) => rs.map((r) => r.page);

describe('vm-paging: what each policy knows, drawn beside the frame table', () => {
  it("Silberschatz's string, 3 frames, after reference 9: LRU's stack is 2, 4, 0 (most recent first) and reference 10 evicts its bottom, 0", () => {
    const { config, state, event } = timeline('LRU', 3, SILBERSCHATZ);
    const stack = recencyOrder(config, state(9));
    assert.deepEqual(pagesOf(stack), [2, 4, 0]);
    assert.deepEqual(stack.map((r) => r.lastUsed + 1), [9, 8, 7]);
    assert.equal(event(10).victim, 0);
  });
  it("Silberschatz's string, 3 frames, after reference 9: OPT sees 3 next at reference 10, 2 at reference 13, 4 never, and evicts 4 at the next fault (reference 11)", () => {
    const { config, state, event } = timeline('OPT', 3, SILBERSCHATZ);
    const uses = nextUseOrder(config, state(9));
    assert.deepEqual(pagesOf(uses), [3, 2, 4]);
    assert.deepEqual(uses.map((r) => (r.nextUse === null ? null : r.nextUse + 1)), [10, 13, null]);
    assert.equal(event(10).fault, false);
    assert.equal(event(11).victim, 4);
  });
  it("Silberschatz's string, 3 frames, after reference 9: FIFO's queue is 2, 4, 0 (last loaded first) and reference 10 evicts its bottom, 0", () => {
    const { config, state, event } = timeline('FIFO', 3, SILBERSCHATZ);
    const queue = loadOrder(config, state(9));
    assert.deepEqual(pagesOf(queue), [2, 4, 0]);
    assert.deepEqual(queue.map((r) => r.loaded + 1), [9, 8, 7]);
    assert.equal(event(10).victim, 0);
  });
  it('before any reference no page is resident and the frames are not full', () => {
    const { config, state } = timeline('LRU', 3, SILBERSCHATZ);
    assert.deepEqual(recencyOrder(config, state(0)), []);
    assert.equal(framesFull(state(0)), false);
  });
  it('more frames than pages never fill: the frames above the pages stay empty', () => {
    const { state } = timeline('OPT', 5, '1 2 1 2 3');
    assert.equal(framesFull(state(5)), false);
  });

  // The rules of docs/ARCHITECTURE.md, recomputed here from the reference string alone.
  const lastUse = (pages: number[], page: number, before: number) => pages.lastIndexOf(page, before - 1);
  const nextUse = (pages: number[], page: number, from: number) => {
    const j = pages.indexOf(page, from);
    return j < 0 ? null : j;
  };
  const refString = fc.array(fc.integer({ min: 0, max: 7 }), { minLength: 1, maxLength: 50 });
  const frameCount = fc.integer({ min: 1, max: 6 });

  it('on random strings, LRU evicts the bottom of the recency stack, the page whose last use is earliest', () => {
    fc.assert(
      fc.property(refString, frameCount, (pages, frames) => {
        const { t, config, state, event } = timeline('LRU', frames, pages.join(' '));
        for (let p = 1; p <= t.length; p++) {
          const stack = recencyOrder(config, state(p - 1));
          assert.deepEqual(stack.map((r) => r.lastUsed), stack.map((r) => lastUse(pages, r.page, p - 1)));
          for (let k = 1; k < stack.length; k++) assert.ok(stack[k - 1]!.lastUsed > stack[k]!.lastUsed);
          const e = event(p);
          assert.equal(e.victim !== null, e.fault && framesFull(state(p - 1)));
          if (e.victim !== null) {
            assert.equal(e.victim, stack.at(-1)!.page);
            assert.match(e.sentence, new RegExp(`: ${e.victim} was used least recently \\(LRU\\)`));
          }
        }
      }),
      { numRuns: 300 },
    );
  });
  it('on random strings, OPT evicts the last page by next use: a page never used again first (the earliest loaded of them), else the farthest next use, as its sentence says', () => {
    fc.assert(
      fc.property(refString, frameCount, (pages, frames) => {
        const { t, config, state, event } = timeline('OPT', frames, pages.join(' '));
        for (let p = 1; p <= t.length; p++) {
          const before = state(p - 1);
          const uses = nextUseOrder(config, before);
          assert.deepEqual(uses.map((r) => r.nextUse), uses.map((r) => nextUse(pages, r.page, p - 1)));
          const e = event(p);
          assert.equal(e.victim !== null, e.fault && framesFull(before));
          if (e.victim === null) continue;
          const last = uses.at(-1)!;
          assert.equal(e.victim, last.page);
          const never = uses.filter((r) => r.nextUse === null);
          if (never.length > 0) {
            assert.equal(last.loaded, Math.min(...never.map((r) => r.loaded)));
            assert.match(e.sentence, /never used again/);
          } else {
            assert.equal(last.nextUse, Math.max(...uses.map((r) => r.nextUse!)));
            assert.match(e.sentence, new RegExp(`not needed again until reference ${last.nextUse! + 1}, the farthest ahead`));
          }
        }
      }),
      { numRuns: 300 },
    );
  });
  it('on random strings, FIFO evicts the bottom of its queue, the page loaded earliest', () => {
    fc.assert(
      fc.property(refString, frameCount, (pages, frames) => {
        const { t, config, state, event } = timeline('FIFO', frames, pages.join(' '));
        for (let p = 1; p <= t.length; p++) {
          const queue = loadOrder(config, state(p - 1));
          for (let k = 1; k < queue.length; k++) assert.ok(queue[k - 1]!.loaded > queue[k]!.loaded);
          const e = event(p);
          if (e.victim !== null) assert.equal(e.victim, queue.at(-1)!.page);
        }
      }),
      { numRuns: 200 },
    );
  });
});
