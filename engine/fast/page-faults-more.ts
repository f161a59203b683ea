/**
 * The fast path of the policies in engine/schemes/vm-paging/policies.ts (all but WS, whose window
 * the counts here do not take): the same rules on typed arrays. Each victim search scans the
 * frames (O(frames) per fault), as the hardware these policies model does; MRU's victim is the
 * page of the previous reference, O(1).
 */
import { MersenneTwister } from '../schemes/vm-paging/mersenne.js';
import type { PolicyRun, PolicyOptions, Writes } from './page-faults.js';

type Run = (pages: Int32Array, pageCount: number, frames: number, w: Writes | undefined, o: Required<PolicyOptions>) => PolicyRun;

/**
 * The skeleton every policy here shares: hits, loads into empty frames lowest first, and a victim
 * from `choose` when the frames are full. `hit` and `load` keep the policy's own bits; `tick`
 * runs after each reference.
 */
function simulate(
  pages: Int32Array,
  pageCount: number,
  frames: number,
  w: Writes | undefined,
  policy: { choose(i: number): number; hit(f: number): void; load(f: number, i: number): void; tick?(i: number): void },
): PolicyRun {
  const frameOf = new Int32Array(pageCount).fill(-1);
  const pageIn = new Int32Array(frames).fill(-1);
  let filled = 0;
  let faults = 0;
  let evictions = 0;
  let lastEvictedAt = -1;
  let victim = -1;
  for (let i = 0; i < pages.length; i++) {
    const page = pages[i]!;
    let f = frameOf[page]!;
    if (f >= 0) {
      if (w) w.hit(f, i);
      policy.hit(f);
    } else {
      faults++;
      if (filled < frames) f = filled++;
      else {
        f = policy.choose(i);
        lastEvictedAt = i;
        victim = pageIn[f]!;
        frameOf[victim] = -1;
        evictions++;
      }
      if (w) w.load(f, i, pageIn[f]! >= 0);
      pageIn[f] = page;
      frameOf[page] = f;
      policy.load(f, i);
    }
    if (policy.tick) policy.tick(i);
  }
  return { faults, faultsAfterFill: evictions, hits: pages.length - faults, writeBacks: 0, pageIn, lastVictim: lastEvictedAt === pages.length - 1 ? victim : -1 };
}

const enhancedClock: Run = (pages, pageCount, frames, w) => {
  const use = new Uint8Array(frames);
  // The M bit is the dirty bit: without writes every page is clean.
  const dirty = w ? w.dirty : new Uint8Array(frames);
  let hand = 0;
  const r = simulate(pages, pageCount, frames, w, {
    choose() {
      for (let turn = 0; turn < 4; turn++) {
        const modified = turn & 1;
        for (let k = 0; k < frames; k++) {
          const f = hand;
          hand = hand + 1 === frames ? 0 : hand + 1;
          if (use[f] === 0 && dirty[f] === modified) return f;
          if (modified) use[f] = 0;
        }
      }
      throw new Error('unreachable');
    },
    hit(f) {
      use[f] = 1;
    },
    load(f) {
      use[f] = 1;
      hand = f + 1 === frames ? 0 : f + 1;
    },
  });
  return { ...r, hand, use };
};

/** NRU and AGING: the R bits clear (AGING's counters shift first) after every `clearInterval`-th reference. */
function ticking(aging: boolean): Run {
  return (pages, pageCount, frames, w, o) => {
    const use = new Uint8Array(frames);
    const dirty = w ? w.dirty : new Uint8Array(frames);
    const loaded = new Int32Array(frames);
    const counter = new Float64Array(frames);
    const top = 2 ** (o.agingBits - 1);
    let filled = 0;
    const r = simulate(pages, pageCount, frames, w, {
      choose() {
        let best = 0;
        let bestKey = aging ? 2 * counter[0]! + use[0]! : 2 * use[0]! + dirty[0]!;
        for (let f = 1; f < frames; f++) {
          const key = aging ? 2 * counter[f]! + use[f]! : 2 * use[f]! + dirty[f]!;
          if (key < bestKey || (key === bestKey && loaded[f]! < loaded[best]!)) {
            best = f;
            bestKey = key;
          }
        }
        return best;
      },
      hit(f) {
        use[f] = 1;
      },
      load(f, i) {
        if (f >= filled) filled = f + 1;
        use[f] = 1;
        loaded[f] = i;
        counter[f] = 0;
      },
      tick(i) {
        if ((i + 1) % o.clearInterval !== 0) return;
        if (aging) for (let f = 0; f < filled; f++) counter[f] = Math.floor(counter[f]! / 2) + use[f]! * top;
        use.fill(0);
      },
    });
    return { ...r, use };
  };
}

/** LFU and MFU: uses since loading; ties to the page loaded earliest. */
function counting(most: boolean): Run {
  return (pages, pageCount, frames, w) => {
    const count = new Float64Array(frames);
    const loaded = new Int32Array(frames);
    return simulate(pages, pageCount, frames, w, {
      choose() {
        let best = 0;
        for (let f = 1; f < frames; f++) {
          const d = most ? count[best]! - count[f]! : count[f]! - count[best]!;
          if (d < 0 || (d === 0 && loaded[f]! < loaded[best]!)) best = f;
        }
        return best;
      },
      hit(f) {
        count[f]!++;
      },
      load(f, i) {
        count[f] = 1;
        loaded[f] = i;
      },
    });
  };
}

const mru: Run = (pages, pageCount, frames, w) => {
  // With every frame full, the page used most recently is the previous reference's, still resident.
  const frameOfPage = new Int32Array(pageCount).fill(-1);
  return simulate(pages, pageCount, frames, w, {
    choose: (i) => frameOfPage[pages[i - 1]!]!,
    hit() {},
    load(f, i) {
      frameOfPage[pages[i]!] = f;
    },
  });
};

const random: Run = (pages, pageCount, frames, w, o) => {
  const twister = new MersenneTwister(o.seed);
  // The frames in the order their pages were loaded, as OSTEP's list keeps them.
  const order = new Int32Array(frames);
  let resident = 0;
  return simulate(pages, pageCount, frames, w, {
    choose() {
      const index = Math.floor(twister.random() * frames);
      const f = order[index]!;
      order.copyWithin(index, index + 1, frames);
      resident--;
      return f;
    },
    hit() {},
    load(f) {
      order[resident++] = f;
    },
  });
};

/** The runs of the policies here, by name. */
export const MORE_POLICIES: Record<string, Run> = {
  'ENHANCED-CLOCK': enhancedClock,
  NRU: ticking(false),
  AGING: ticking(true),
  LFU: counting(false),
  MFU: counting(true),
  MRU: mru,
  RANDOM: random,
};
