import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { SimplePagingEvent, SimplePagingState } from '../../engine/index.js';
import { errorsOf, run } from './helpers.js';

const ev = (sim: ReturnType<typeof run>, step: number) => sim.runs[0]!.eventAt(step) as SimplePagingEvent;
const at = (sim: ReturnType<typeof run>, step: number) => sim.runs[0]!.stateAt(step) as SimplePagingState;
const tables = (s: SimplePagingState) => Object.fromEntries([...s.resident.values()].map((r) => [r.name, r.table]));
const trace = (head: string, ...ops: string[]) => `scheme: paging\n${head}\ntrace: |\n${ops.map((o) => `  ${o}`).join('\n')}\n`;

const SILBERSCHATZ = 'scheme: paging\npage-size: 4\nmemory: 32\npage-table: 5 6 1 2\naccess: 0 3 4 13\n';
/** Stallings' figure of process pages assigned to free frames: 15 frames, A 4 pages, B 3, C 4, B swapped out, D 5. */
const STALLINGS_AD = trace('page-size: 1K\nframes: 15', 'load A 4 pages', 'load B 3 pages', 'load C 4 pages', 'swap-out B', 'load D 5 pages');

describe('paging: worked examples', () => {
  it('Silberschatz, OSC, paging example for a 32-byte memory with 4-byte pages: logical 0, 3, 4, 13 map to physical 20, 23, 24, 9', () => {
    const sim = run(SILBERSCHATZ);
    assert.deepEqual([1, 2, 3, 4].map((i) => ev(sim, i).access!.physical), [20, 23, 24, 9]);
    assert.deepEqual([1, 2, 3, 4].map((i) => ev(sim, i).access!.frame), [5, 5, 6, 2]);
    assert.equal(at(sim, 0).frames.length, 8, 'memory: 32 shows the whole memory of 8 frames');
    assert.equal(ev(sim, 4).sentence, 'address 13 of P is page 3, offset 1; page 3 is in frame 2, so the physical address is 2 x 4 + 1 = 9');
  });
  it('Silberschatz, the same table without memory: memory ends with the highest frame named (frame 6)', () => {
    const sim = run(SILBERSCHATZ.replace('memory: 32\n', ''));
    assert.equal(at(sim, 0).frames.length, 7);
  });
  it('Stallings, OS Internals, logical-to-physical translation: 16-bit addresses, 1K pages, 1502 is page 1 offset 478, frame 6 gives 6622', () => {
    const sim = run(trace('page-size: 1K\nframes: 64\naddress-bits: 16\nfree-frames: 5 6 9 10', 'load A 3500', 'access A 1502'));
    assert.deepEqual(tables(at(sim, 1)), { A: [5, 6, 9, 10] });
    assert.equal(ev(sim, 2).sentence, 'address 1502 of A is page 1, offset 478; page 1 is in frame 6, so the physical address is 6 x 1024 + 478 = 6622');
    assert.deepEqual(ev(sim, 2).access, { process: 'A', address: 1502, page: 1, offset: 478, frame: 6, physical: 6622, trap: null });
  });
  it('Stallings, the same translation written page:offset (1:478) forms address 1502', () => {
    const sim = run(trace('page-size: 1K\nframes: 16', 'load A 3500 at 2 6 7 8', 'access A 1:478'));
    assert.deepEqual(ev(sim, 2).access, { process: 'A', address: 1502, page: 1, offset: 478, frame: 6, physical: 6622, trap: null });
  });
  it('a load says why it takes its frames: 3,500 bytes in 1K pages need 4 frames, 596 bytes unused in the last page', () => {
    const sim = run(trace('page-size: 1K\nframes: 16', 'load A 3500'));
    assert.equal(ev(sim, 1).sentence, 'A needs 4 frames (3,500 bytes in 1K pages, 596 bytes unused in its last page) and takes frames 0, 1, 2, 3 from the free-frame list');
    assert.equal(sim.runs[0]!.metricsAt(1).internalFragmentation, 596);
  });
  it('Stallings, assignment of process pages to free frames (D derived by the rules): D 5 pages takes the freed frames 4, 5, 6 and then 11, 12', () => {
    const sim = run(STALLINGS_AD);
    assert.deepEqual(tables(at(sim, 3)), { A: [0, 1, 2, 3], B: [4, 5, 6], C: [7, 8, 9, 10] });
    assert.deepEqual(at(sim, 4).free, [4, 5, 6, 11, 12, 13, 14]);
    assert.deepEqual(tables(at(sim, 5)), { A: [0, 1, 2, 3], C: [7, 8, 9, 10], D: [4, 5, 6, 11, 12] });
    assert.deepEqual(at(sim, 5).swapped.map((p) => p.name), ['B']);
  });
  it('the seed post figure: load P 4 pages at 0 7 3 5 in 8 frames maps page 0 to 0, 1 to 7, 2 to 3, 3 to 5; Mermaid draws an edge per page and collapses free runs', () => {
    const sim = run(trace('page-size: 1K\nframes: 8', 'load P 4 pages at 0 7 3 5'));
    assert.deepEqual(tables(at(sim, 1)), { P: [0, 7, 3, 5] });
    const { module, config } = sim.scenario;
    const text = module.mermaid(config, sim.runs[0]!.run, at(sim, 1), ev(sim, 1));
    assert.match(text, /subgraph p0\["Process P"\]/);
    assert.match(text, /f0\["frame 0: P page 0"\]/);
    assert.match(text, /\["frames 1 to 2: free"\]/);
    const edges = [...text.matchAll(/p0_(\d) --> (f\d+)/g)].map((x) => [x[1], text.match(new RegExp(`${x[2]}\\["frame (\\d+)`))![1]]);
    assert.deepEqual(edges, [['0', '0'], ['1', '7'], ['2', '3'], ['3', '5']]);
  });
});

describe('paging: admission, as in the contiguous schemes', () => {
  it('a load that finds too few free frames waits; a smaller one that fits is placed at once; an exit admits the waiting one', () => {
    const sim = run(trace('page-size: 1K\nframes: 4', 'load A 3 pages', 'load B 2 pages', 'load C 1 page', 'exit A'));
    assert.equal(ev(sim, 2).sentence, 'B needs 2 frames (2 pages of 1K) but only 1 frame is free: B waits');
    assert.deepEqual(tables(at(sim, 3)), { A: [0, 1, 2], C: [3] });
    assert.equal(ev(sim, 4).sentence, 'A exits: frames 0, 1, 2 join the free-frame list; then waiting B takes frames 0, 1');
    assert.deepEqual(at(sim, 4).waiting, []);
  });
  it('a load of more pages than all frames outside the OS is refused, not queued', () => {
    const sim = run(trace('page-size: 1K\nframes: 4\nos: 1K', 'load A 4 pages'));
    assert.equal(ev(sim, 1).refused, true);
    assert.match(ev(sim, 1).sentence, /only 3 frames could ever be free: A is refused/);
  });
  it('with free-frames, frames freed later join the list end, lowest first', () => {
    const sim = run(trace('page-size: 1K\nframes: 8\nfree-frames: 6 2 4', 'load A 2 pages', 'exit A'));
    assert.deepEqual(tables(at(sim, 1)), { A: [6, 2] });
    assert.deepEqual(at(sim, 2).free, [4, 2, 6]);
    assert.deepEqual(at(sim, 0).frames[0], { used: true }, 'frames not listed hold pages of processes the scenario does not name');
  });
  it('os takes whole frames from frame 0, rounded up', () => {
    const sim = run(trace('page-size: 1K\nframes: 8\nos: 1500', 'load A 1 page'));
    assert.deepEqual(at(sim, 1).frames.slice(0, 3), [{ os: true }, { os: true }, { process: 'A', page: 0 }]);
  });
});

describe('paging: traps, in DESIGN.md order', () => {
  it('an address past the last page traps as invalid page', () => {
    const sim = run(trace('page-size: 1K\nframes: 16', 'load A 3500', 'access A 9000', 'access A 3999'));
    assert.equal(ev(sim, 2).access!.trap, 'invalid page');
    assert.equal(ev(sim, 2).access!.physical, null);
    assert.equal(ev(sim, 3).access!.trap, null, 'an address past the size but inside the last page is valid (internal fragmentation)');
  });
  it('an address wider than address-bits traps as address too large, before the page check', () => {
    const sim = run(trace('page-size: 1K\nframes: 16\naddress-bits: 12', 'load A 3500', 'access A 5000', 'access A 3:1024'));
    assert.equal(ev(sim, 2).access!.trap, 'address too large');
    assert.equal(ev(sim, 3).access!.trap, 'address too large');
  });
  it('an access of a swapped-out or waiting process traps as not resident', () => {
    const sim = run(trace('page-size: 1K\nframes: 2', 'load A 2 pages', 'load B 1 page', 'access B 0', 'swap-out A', 'access A 5'));
    assert.equal(ev(sim, 3).access!.trap, 'not resident');
    assert.equal(ev(sim, 5).access!.trap, 'not resident');
  });
  it('a page-table entry written - traps as invalid page', () => {
    const sim = run('scheme: paging\npage-size: 4\npage-table: 5 - 1\naccess: 4 8\n');
    assert.equal(ev(sim, 1).access!.trap, 'invalid page');
    assert.equal(ev(sim, 2).access!.physical, 4);
  });
});

describe('paging: positioned errors', () => {
  const one = (text: string) => {
    const errs = errorsOf(text);
    assert.ok(errs.length >= 1);
    return errs[0]!;
  };
  it('a missing page-size is an error naming the key', () => {
    assert.match(one('scheme: paging\nframes: 4\n').message, /missing key 'page-size'/);
  });
  it('a page-size that is not a positive size is an error at the value', () => {
    for (const bad of ['0', '-4', 'abc']) {
      const e = one(`scheme: paging\npage-size: ${bad}\nframes: 4\n`);
      assert.deepEqual([e.line, e.column], [2, 12], bad);
    }
  });
  it('a page-size that is not a power of two with address-bits is an error', () => {
    assert.match(one('scheme: paging\npage-size: 1000\naddress-bits: 16\nframes: 4\n').message, /power of two/);
  });
  it('a frame named twice in load ... at is an error at the second', () => {
    const e = one(trace('page-size: 1K\nframes: 8', 'load P 2 pages at 3 3'));
    assert.deepEqual([e.line, e.column], [5, 23]);
    assert.match(e.message, /named twice/);
  });
  it('a frame past memory in load ... at is an error at the frame', () => {
    const e = one(trace('page-size: 1K\nframes: 8', 'load P 2 pages at 3 8'));
    assert.deepEqual([e.line, e.column], [5, 23]);
    assert.match(e.message, /past memory: the frames are 0 to 7/);
  });
  it('a frame that is not free when the load runs is an error at the frame', () => {
    const e = one(trace('page-size: 1K\nframes: 8', 'load A 2 pages', 'load P 2 pages at 4 1'));
    assert.deepEqual([e.line, e.column], [6, 23]);
    assert.match(e.message, /frame 1 is not free .* page 1 of A/);
  });
  it('at must name one frame per page', () => {
    assert.match(one(trace('page-size: 1K\nframes: 8', 'load P 3 pages at 0 1')).message, /must name 3 frames/);
  });
  it('page-table with trace is an error', () => {
    assert.match(one('scheme: paging\npage-size: 4\npage-table: 1 2\ntrace: |\n  load A 4\n').message, /exclude each other/);
  });
  it('a page-table frame named twice is an error', () => {
    const e = one('scheme: paging\npage-size: 4\npage-table: 1 2 1\n');
    assert.deepEqual([e.line, e.column], [3, 17]);
  });
  it('a page-table frame past memory, or in the OS, is an error at that entry, in a line or in a list', () => {
    const past = one('scheme: paging\npage-size: 4\nmemory: 32\npage-table: 5 6 9 2\naccess: 0\n');
    assert.deepEqual([past.line, past.column], [4, 17]);
    assert.match(past.message, /^page-table: page 2's frame 9 is past memory: the frames are 0 to 7$/);
    const listed = one('scheme: paging\npage-size: 4\nmemory: 32\npage-table:\n  - 5\n  - 60\naccess: 0\n');
    assert.deepEqual([listed.line, listed.column], [6, 5]);
    const os = one('scheme: paging\npage-size: 4\nmemory: 32\nos: 8\npage-table: 5 - 1 2\naccess: 0\n');
    assert.deepEqual([os.line, os.column], [5, 17]);
    assert.match(os.message, /^page-table: page 2's frame 1 belongs to the OS, which holds frames 0 to 1$/);
  });
  it('an address that is not a number is an error at the address', () => {
    const e = one(trace('page-size: 1K\nframes: 8', 'load A 1K', 'access A 12x'));
    assert.deepEqual([e.line, e.column], [6, 12]);
    assert.match(e.message, /not an address/);
  });
  it('a page named instead of numbered is an error (pages have no names)', () => {
    assert.match(one(trace('page-size: 1K\nframes: 8', 'load A 1K', 'access A heap:4')).message, /pages have no names/);
  });
  it('an unknown operation is an error suggesting the nearest', () => {
    const e = one(trace('page-size: 1K\nframes: 8', 'lod A 1K'));
    assert.deepEqual([e.line, e.column], [5, 3]);
    assert.match(e.message, /did you mean 'load'/);
  });
  it('compact is an error that says why paging has none', () => {
    assert.match(one(trace('page-size: 1K\nframes: 8', 'compact')).message, /nothing to compact/);
  });
  it('a name used twice while alive is an error', () => {
    const e = one(trace('page-size: 1K\nframes: 8', 'load A 1K', 'load A 1K'));
    assert.deepEqual([e.line, e.column], [6, 8]);
    assert.match(e.message, /still alive/);
  });
  it('an access of a process that is not alive is an error', () => {
    assert.match(one(trace('page-size: 1K\nframes: 8', 'load A 1K', 'exit A', 'access A 0')).message, /cannot access 'A': it exited/);
  });
  it('memory that is not a whole number of frames is an error', () => {
    assert.match(one('scheme: paging\npage-size: 1K\nmemory: 3500\n').message, /not a whole number of 1K frames/);
  });
  it('free-frames naming a frame past memory is an error at that frame', () => {
    const e = one('scheme: paging\npage-size: 1K\nframes: 8\nfree-frames: 1 9\n');
    assert.deepEqual([e.line, e.column], [4, 16]);
  });
});

describe('paging: the work cap counts steps times frames', () => {
  it('a million frames for a hundred accesses (100 million frame entries) is refused at memory', () => {
    const ops = ['load A 1K', ...Array.from({ length: 99 }, () => 'access A 0')];
    const e = errorsOf(trace('page-size: 1K\nmemory: 1000000K', ...ops));
    assert.equal(e.length, 1);
    assert.equal(e[0]!.line, 3);
    assert.match(e[0]!.message, /state entries/);
  });
  it('a million frames for ten operations is within the cap, and the Mermaid diagram collapses the free frames into one node', () => {
    const sim = run(trace('page-size: 1K\nframes: 1000000', 'load A 3 pages', 'access A 5'));
    const { module, config } = sim.scenario;
    const t = sim.runs[0]!;
    const text = module.mermaid(config, t.run, t.stateAt(2), t.eventAt(2));
    assert.match(text, /frames 3 to 999999: free/);
    assert.ok(text.split('\n').length < 30);
  });
});

describe('paging: more positioned errors', () => {
  it('frames takes one count (simple paging has one run)', () => {
    const e = errorsOf('scheme: paging\npage-size: 1K\nframes: 3, 4\n');
    assert.deepEqual([e[0]!.line, e[0]!.column, e.length], [3, 9, 1]);
  });
  it('a number of pages past the largest size is an error at the number', () => {
    const e = errorsOf('scheme: paging\npage-size: 1K\nframes: 4\ntrace: |\n  load C 99999999999999 pages\n');
    assert.deepEqual([e[0]!.line, e[0]!.column], [5, 10]);
    assert.match(e[0]!.message, /too large/);
  });
  it('at without frames is an error at the word at', () => {
    const e = errorsOf('scheme: paging\npage-size: 1K\nframes: 4\ntrace: |\n  load A 3 pages at\n');
    assert.deepEqual([e[0]!.line, e[0]!.column], [5, 18]);
  });
});
