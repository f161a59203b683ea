import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { PagingEvent, PagingState } from '../../engine/index.js';
import { run } from './helpers.js';

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
