import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { PagingEvent, PagingState } from '../../engine/index.js';
import { reportBlock } from '../../engine/index.js';
import { errorsOf, run } from './helpers.js';

function sim(policy: string, frames: number | string, refs: string, extra = '') {
  return run(`scheme: vm-paging\nframes: ${frames}\npolicy: ${policy}\nrefs: ${refs}\n${extra}`).runs[0]!;
}

/** Each reference's victim, '-' for none, as OSTEP's paging-policy.py prints its `Replaced:` column. */
function victims(policy: string, frames: number, refs: string, extra = ''): string {
  const t = sim(policy, frames, refs, extra);
  return t.events.map((e) => ((e as PagingEvent).victim === null ? '-' : String((e as PagingEvent).victim))).join(' ');
}

const faultsOf = (policy: string, frames: number | string, refs: string, extra = '') => sim(policy, frames, refs, extra).metricsAt(Infinity as number);

describe('vm-paging RANDOM: the victims of OSTEP paging-policy.py -p RAND (Python Mersenne Twister)', () => {
  // Expected values: OSTEP's ostep-homework/vm-beyondphys-policy/paging-policy.py run with python3 3.11, e.g.
  // `python3 paging-policy.py -p RAND -s 0 -a 0,1,2,0,1,3,0,3,1,2,1 -C 3 -c`, its Replaced column.
  it('OSTEP, paging-policy.py -p RAND -s 0 -a 0,1,2,0,1,3,0,3,1,2,1 -C 3: victims 2 then 3', () => {
    assert.equal(victims('RANDOM', 3, '0 1 2 0 1 3 0 3 1 2 1'), '- - - - - 2 - - - 3 -');
  });
  it('OSTEP, paging-policy.py -p RAND -s 1 on the same string: victims 0, 3, 0', () => {
    assert.equal(victims('RANDOM', 3, '0 1 2 0 1 3 0 3 1 2 1', 'seed: 1'), '- - - - - 0 3 0 - - -');
  });
  it('OSTEP, paging-policy.py -p RAND -s 7 on Silberschatz\'s string with -C 3: 12 misses and the same victims', () => {
    const refs = '7 0 1 2 0 3 0 4 2 3 0 3 2 1 2 0 1 7 0 1';
    assert.equal(victims('RAND', 3, refs, 'seed: 7'), '- - - 7 - 0 2 1 0 - 4 - - 3 - - - 0 2 -');
  });
  it('OSTEP, paging-policy.py -p RAND -s 42 -a 1,2,3,4,1,2,5,1,2,3,4,5 -C 4: victims 3 then 1', () => {
    assert.equal(victims('RANDOM', 4, '1 2 3 4 1 2 5 1 2 3 4 5', 'seed: 42'), '- - - - - - 3 - - 1 - -');
  });
  it('the same seed gives the same victims on every run, and the sentence names the random number', () => {
    const a = sim('RANDOM', 3, '1 2 3 4 5 6 7 8 9 1 2 3', 'seed: 12345');
    const b = sim('RANDOM', 3, '1 2 3 4 5 6 7 8 9 1 2 3', 'seed: 12345');
    assert.deepEqual(a.events.map((e) => (e as PagingEvent).victim), b.events.map((e) => (e as PagingEvent).victim));
    assert.match((a.eventAt(4) as PagingEvent).sentence, /random\(\) gave 0\.\d{3}.*\(RANDOM\)/);
  });
});

describe('vm-paging MRU: the page used most recently goes', () => {
  it('OSTEP, paging-policy.py -p MRU on Silberschatz\'s string with -C 3: 16 misses and the same victims', () => {
    const refs = '7 0 1 2 0 3 0 4 2 3 0 3 2 1 2 0 1 7 0 1';
    assert.equal(victims('MRU', 3, refs), '- - - 1 - 0 3 0 - 2 3 0 3 2 1 2 0 - 7 -');
    assert.equal(faultsOf('MRU', 3, refs).faults, 16);
  });
  it('OSTEP, paging-policy.py -p MRU on Stallings\' string 2 3 2 1 5 2 4 5 3 2 5 2 with -C 3: 6 misses', () => {
    assert.equal(victims('MRU', 3, '2 3 2 1 5 2 4 5 3 2 5 2'), '- - - - 1 - 2 - - 3 - -');
  });
});

/** The JSON report's steps of the first run (as `mem-sim run --json` writes them). */
function steps(text: string): Record<string, unknown>[] {
  const report = JSON.parse(JSON.stringify(reportBlock(text, 1, 0))) as { runs: { steps: Record<string, unknown>[] }[] };
  return report.runs[0]!.steps;
}

const SILBERSCHATZ_WS = '2 6 1 5 7 7 7 7 5 1 6 2 3 4 1 2 3 4 4 4 3 4 3 4 4 4 1 3 2 3 4 4 4 3 4 4 4';

describe('vm-paging working set (window) and WS', () => {
  it('Silberschatz, OSC, the working-set model figure, window 10: WS(t1) = {1, 2, 5, 6, 7} after the 10th reference, WS(t2) = {3, 4} after the 26th', () => {
    const s = steps(`scheme: vm-paging\nframes: 5\npolicy: LRU\nwindow: 10\nrefs: ${SILBERSCHATZ_WS}`);
    assert.deepEqual(s[9]!.workingSet, [1, 2, 5, 6, 7]);
    assert.deepEqual(s[25]!.workingSet, [3, 4]);
  });
  it('Silberschatz, OSC, the same figure under policy WS: the frames hold exactly the working set at t1 and t2', () => {
    const t = sim('WS', 10, SILBERSCHATZ_WS, 'window: 10');
    const resident = (p: number) => (t.stateAt(p) as PagingState).frames.filter((x) => x !== null).sort((a, b) => a! - b!);
    assert.deepEqual(resident(10), [1, 2, 5, 6, 7]);
    assert.deepEqual(resident(26), [3, 4]);
  });
  it('Denning, derived: WS with window 3 on 1 2 3 4 1: page 1 leaves the window before reference 4 and page 2 before reference 5, each dropped; the fault of 1 again counts after fill', () => {
    const s = steps('scheme: vm-paging\npolicy: WS\nwindow: 3\nrefs: 1 2 3 4 1');
    assert.deepEqual(s[3]!.dropped, [1]);
    assert.deepEqual(s[4]!.dropped, [2]);
    assert.deepEqual(s[4]!.contents, [4, 1, 3]);
    assert.match(String(s[4]!.sentence), /^page 2 left the window and is dropped; page 1 is loaded into empty frame 1/);
    const t = sim('WS', 3, '1 2 3 4 1', 'window: 3');
    assert.deepEqual([t.metricsAt(5).faults, t.metricsAt(5).faultsAfterFill], [5, 1]);
  });
  it('WS without frames keeps up to the window; with frames below it, the page of the working set used least recently goes (derived)', () => {
    const r = run('scheme: vm-paging\npolicy: WS\nwindow: 4\nrefs: 1 2 3 1 4');
    assert.equal(r.runs[0]!.run.fields.frames, 4);
    assert.equal(victims('WS', 2, '1 2 3 1 4', 'window: 4'), '- - 1 2 3');
  });
});

describe('vm-paging ENHANCED-CLOCK: Stallings\' use/modify clock', () => {
  it('Stallings, OSIDP, the page-replacement comparison string 2 3 2 1 5 2 4 5 3 2 5 2 with 3 frames and no writes: 8 faults (derived trace)', () => {
    assert.equal(victims('ENHANCED-CLOCK', 3, '2 3 2 1 5 2 4 5 3 2 5 2'), '- - - - 2 3 1 - 5 - 4 -');
  });
  it('Stallings, OSIDP, the use/modify clock: a clean page goes before a modified one, the second turn clearing use bits (derived: 1:w 2 3 4 5 6)', () => {
    assert.equal(victims('ENHANCED-CLOCK', 3, '1:w 2 3 4 5 6'), '- - - 2 3 1');
    const t = sim('ENHANCED-CLOCK', 3, '1:w 2 3 4 5 6');
    assert.match((t.eventAt(4) as PagingEvent).sentence, /clearing the use bits of 1, 2 and 3, found 2 with use 0 and modify 0/);
    assert.match((t.eventAt(6) as PagingEvent).sentence, /found 1 with use 0 and modify 1.*written back/);
    assert.equal(t.metricsAt(6).writeBacks, 1);
  });
});

describe('vm-paging NRU: Tanenbaum\'s classes by (R, M)', () => {
  it('Tanenbaum, MOS, NRU classes 0 to 3 (derived string): after the clock tick the page just used is class 0 and goes; a modified page (class 1) outlives referenced ones (class 2)', () => {
    assert.equal(victims('NRU', 3, '1:w 2 3 2 4 5 6'), '- - - - 2 3 1');
    const t = sim('NRU', 3, '1:w 2 3 2 4 5 6');
    assert.match((t.eventAt(4) as PagingEvent).sentence, /then the clock tick clears every R bit$/);
    assert.match((t.eventAt(5) as PagingEvent).sentence, /2 is in the lowest class, 0 \(R = 0, M = 0\); 2 and 3 tie and 2 was loaded first \(NRU\)/);
    assert.match((t.eventAt(7) as PagingEvent).sentence, /1 is in the lowest class, 1 \(R = 0, M = 1\)/);
  });
  it('clear-interval sets the tick: with clear-interval 2 the R bits clear after references 2, 4 and 6', () => {
    const s = steps('scheme: vm-paging\nframes: 3\npolicy: NRU\nclear-interval: 2\nrefs: 1 2 3 1 2 3');
    assert.deepEqual(s.map((x) => x.tick), [false, true, false, true, false, true]);
    assert.deepEqual(s[2]!.use, [false, false, true]);
  });
});

describe('vm-paging LFU and MFU: use counts since loading', () => {
  it('LFU (Silberschatz, OSC, counting-based replacement; derived string 1 1 2 2 3 4 5): the page used least often goes, ties to the earliest loaded', () => {
    assert.equal(victims('LFU', 3, '1 1 2 2 3 4 5'), '- - - - - 3 4');
    assert.match((sim('LFU', 3, '1 1 2 2 3 4 5').eventAt(6) as PagingEvent).sentence, /3 has the fewest uses since it was loaded, 1 \(LFU\)/);
  });
  it('MFU (Silberschatz, OSC, counting-based replacement; derived): the page used most often goes, ties to the earliest loaded', () => {
    assert.equal(victims('MFU', 3, '1 1 2 2 3 4 5'), '- - - - - 1 2');
    const s = steps('scheme: vm-paging\nframes: 3\npolicy: MFU\nrefs: 1 1 2 2 3 4');
    assert.deepEqual(s[4]!.counters, [2, 2, 1]);
    assert.match(String(s[5]!.sentence), /1 has the most uses since it was loaded, 2; 1 and 2 tie and 1 was loaded first \(MFU\)/);
  });
});

describe('vm-paging AGING: Tanenbaum\'s counters', () => {
  // Fig. 3-17's R bits per tick (pages 0-5): 101011, 110010, 110101, 100010, 011000, written as four references per tick.
  const TICKS = '0 2 4 5  0 1 4 4  0 1 3 5  0 4 4 4  1 2 2 2';
  it('Tanenbaum, MOS, the aging figure (3-17): after five clock ticks the six counters are 01111000, 10110000, 10001000, 00100000, 01011000, 00101000', () => {
    const s = steps(`scheme: vm-paging\nframes: 6\npolicy: AGING\nclear-interval: 4\nrefs: ${TICKS}`);
    const last = s[19]!;
    const byPage = new Map((last.contents as number[]).map((p, f) => [p, (last.counters as number[])[f]!.toString(2).padStart(8, '0')]));
    assert.deepEqual([0, 1, 2, 3, 4, 5].map((p) => byPage.get(p)), ['01111000', '10110000', '10001000', '00100000', '01011000', '00101000']);
  });
  it('Tanenbaum, MOS, the aging figure: the next fault evicts page 3, whose counter is lowest', () => {
    const t = sim('AGING', 6, `${TICKS} 6`, 'clear-interval: 4');
    assert.equal((t.eventAt(21) as PagingEvent).victim, 3);
    assert.match((t.eventAt(21) as PagingEvent).sentence, /3 has the lowest counter, 00100000 \(AGING\)/);
  });
  it('aging-bits sets the width: with 2 bits a counter forgets after two ticks (derived)', () => {
    const s = steps('scheme: vm-paging\nframes: 2\npolicy: AGING\nclear-interval: 1\naging-bits: 2\nrefs: 1 2 2 2');
    assert.deepEqual(s.map((x) => x.counters), [[2, null], [1, 2], [0, 3], [0, 3]]);
  });
});

describe('vm-paging new keys: positioned errors', () => {
  const base = 'scheme: vm-paging\nrefs: 1 2 3\n';
  const first = (text: string) => errorsOf(base + text)[0]!;
  it('window, seed, clear-interval and aging-bits reject values out of range, each at its line and column', () => {
    assert.deepEqual([first('window: 0').line, first('window: 0').column], [3, 9]);
    assert.match(first('window: 0').message, /window: expected a window of references from 1 to 1,000,000, got '0'/);
    assert.match(first('window: ten').message, /got 'ten'/);
    assert.match(first('seed: -1').message, /seed: expected a whole-number seed from 0/);
    assert.match(first('clear-interval: 0').message, /clear-interval: expected a number of references from 1/);
    assert.match(first('aging-bits: 33').message, /aging-bits: expected a counter width in bits from 1 to 32, got '33'/);
    assert.match(first('window: 3, 4').message, /window: expected one number, got 2/);
  });
  it('an unknown policy names the nearest valid one; WS without window says what it needs', () => {
    const e = first('policy: LFUU');
    assert.match(e.message, /unknown policy 'LFUU'.*did you mean 'LFU'/i);
    assert.deepEqual([e.line, e.column], [3, 9]);
    assert.match(first('policy: ENHANCED-CLOK').message, /ENHANCED-CLOCK/);
    assert.match(first('policy: WS').message, /policy WS .*needs its window: add window/);
  });
});

describe('vm-paging: what prepare(text) fetches before parsing', () => {
  it('a scenario of the four classic policies never needs the late policies chunk, though vm-paging holds the word aging', async () => {
    const { mayNeedLate } = await import('../../engine/schemes/vm-paging/late.js');
    assert.equal(mayNeedLate('scheme: vm-paging\nframes: 3\npolicy: FIFO, LRU, OPT, CLOCK\nrefs: 7 0 1\n'), false);
    assert.equal(mayNeedLate('scheme: virtual-memory-paging\npolicy: second-chance\nrefs: 1\n'), false);
  });
  it('every late policy, alias and the window key asks for it, in any letter case and spelling', async () => {
    const { mayNeedLate } = await import('../../engine/schemes/vm-paging/late.js');
    for (const word of ['policy: ENHANCED-CLOCK', 'policy: enhanced_second_chance', 'policy: nru', 'policy: LFU', 'policy: Mfu', 'policy: aging', 'policy: MRU', 'policy: rand', 'policy: RANDOM', 'policy: ws', 'policy: working-set', 'window: 4', 'Window: 4', 'policy: FIFO, WS']) {
      assert.equal(mayNeedLate(`scheme: vm-paging\n${word}\nrefs: 1\n`), true, word);
    }
  });
});
