import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { StackHeapEvent, StackHeapState } from '../../engine/index.js';
import { MALLOC_PY_CASES, type MallocPyCase } from '../fixtures/malloc-py.js';
import { errorsOf, run } from './helpers.js';

type Sim = ReturnType<typeof run>;
const ev = (sim: Sim, step: number, r = 0) => sim.runs[r]!.eventAt(step) as StackHeapEvent;
const at = (sim: Sim, step: number, r = 0) => sim.runs[r]!.stateAt(step) as StackHeapState;
const freeList = (s: StackHeapState) => s.free.map((f) => [f.start, f.size]);
const trace = (head: string, ...ops: string[]) => `scheme: stack-heap\n${head}\ntrace: |\n${ops.map((o) => `  ${o}`).join('\n')}\n`;

/** malloc.py's flags as our keys (site/schemes/stack-heap.md lists the mapping). */
function port(c: MallocPyCase): string {
  const flags = new Map<string, string>();
  const words = c.command.split(' ').slice(1);
  for (let i = 0; i < words.length; i++) if (/^-[SbHaplnsPrA]$/.test(words[i]!)) flags.set(words[i]!, words[++i]!);
  const policy = { BEST: 'best-fit', WORST: 'worst-fit', FIRST: 'first-fit' }[flags.get('-p') ?? 'BEST'];
  const head = [
    `heap: ${flags.get('-S') ?? 100}`,
    `base: ${flags.get('-b') ?? 1000}`,
    `header: ${flags.get('-H') ?? 0}`,
    `align: ${flags.get('-a') ?? -1}`,
    `placement: ${policy}`,
    `free-list: ${flags.get('-l') ?? 'ADDRSORT'}`,
    `coalesce: ${words.includes('-C')}`,
  ];
  return trace(head.join('\n'), ...c.ops);
}

describe('stack-heap: OSTEP malloc.py ports line for line (outputs recorded from malloc.py -c, OSTEP homework vm-freespace)', () => {
  for (const c of MALLOC_PY_CASES) {
    it(`${c.command}: the same free list after every operation, and the same addresses`, () => {
      const sim = run(port(c));
      c.steps.forEach((want, i) => {
        const e = ev(sim, i + 1);
        assert.deepEqual(freeList(at(sim, i + 1)), want.free, `free list after ${c.ops[i]} (step ${i + 1})`);
        if (want.returned === undefined) {
          // A Free that malloc.py answers -1 is one of a pointer already freed: a double free here.
          assert.equal(e.trap, want.rc === -1 ? 'double free' : null, `free ${c.ops[i]}`);
          return;
        }
        const header = Number(/-H (\d+)/.exec(c.command)?.[1] ?? 0);
        // -A prints the block's start and a failure as -1; the random mode prints start + header (a failure as header - 1).
        const failed = c.explicit ? want.returned === -1 : want.returned === header - 1;
        assert.equal(e.returned, failed ? null : c.explicit ? want.returned + header : want.returned, `address of ${c.ops[i]} (step ${i + 1})`);
      });
    });
  }
  it('malloc.py -S 100 -b 1000 -H 4 -a 4 -p BEST -A +10,+20,-0: the -A list may be written on one line, as malloc.py takes it', () => {
    const sim = run(trace('heap: 100\nheader: 4\nalign: 4\nplacement: BEST\ncoalesce: false', '+10,+20,-0'));
    assert.equal(sim.runs[0]!.length, 3);
    assert.deepEqual(freeList(at(sim, 3)), [[1000, 16], [1040, 60]]);
    assert.deepEqual([1, 2, 3].map((i) => ev(sim, i).line), [8, 8, 8]);
  });
});

describe('stack-heap: worked examples', () => {
  it('OSTEP, Free-Space Management, splitting: free list (0, 10), (20, 10); a 1-byte request served from the chunk at 20 leaves (21, 9) beside (0, 10)', () => {
    // The chapter's list has the chunk at 20 where the search takes it: with first fit, at the front (insert-front).
    const sim = run(trace('base: 0\nheap: 30\nfree-list: insert-front\ncoalesce: false', '+10', '+10', '+10', '-0', '-2', '+1'));
    assert.deepEqual(freeList(at(sim, 5)), [[20, 10], [0, 10]]);
    assert.deepEqual(freeList(at(sim, 6)), [[21, 9], [0, 10]]);
    assert.equal(ev(sim, 6).returned, 20);
  });
  it('OSTEP, Free-Space Management, coalescing: three freed 10-byte chunks are one 30-byte chunk with coalescing, and a 20-byte request then succeeds', () => {
    const ops = ['+10', '+10', '+10', '-0', '-2', '-1', '+20'];
    const without = run(trace('base: 0\nheap: 30\ncoalesce: false', ...ops));
    assert.deepEqual(freeList(at(without, 6)), [[0, 10], [10, 10], [20, 10]]);
    assert.equal(ev(without, 7).returned, null);
    assert.match(ev(without, 7).sentence, /though 30 bytes are free in 3 blocks: external fragmentation; malloc returns null$/);
    const merged = run(trace('base: 0\nheap: 30', ...ops));
    assert.deepEqual(freeList(at(merged, 6)), [[0, 30]]);
    assert.equal(ev(merged, 7).returned, 0);
  });
  it('the four fits on the same free list (derived): holes of 20, 10, 30 and 15 bytes; requests of 12, 12 and 5', () => {
    // Blocks: a0 20 | b 5 | a1 10 | c 5 | a2 30 | d 5 | a3 15 | e 10 (heap 100); freeing a0..a3 leaves four holes.
    const ops = ['+20', '+5', '+10', '+5', '+30', '+5', '+15', '+10', '-0', '-2', '-4', '-6', '+12', '+12', '+5'];
    const sim = run(trace('base: 0\nheap: 100\nplacement: first-fit, next-fit, best-fit, worst-fit', ...ops));
    const picks = sim.runs.map((_, r) => [13, 14, 15].map((i) => ev(sim, i, r).returned));
    // Holes 0 (20), 25 (10), 40 (30), 75 (15). First fit: 0, then its 8-byte rest and the 10 are too small: 40.
    // Next fit resumes at the rest at 12 and also reaches 40, then takes 5 from 40's rest at 52 where first fit goes back to 12.
    // Best fit: 75 (15), then 0 (20), then 12 (the 8-byte rest). Worst fit: 40 (30), then 0 (20), then 52 (18).
    assert.deepEqual(picks, [
      [0, 40, 12],
      [0, 40, 52],
      [75, 0, 12],
      [40, 0, 52],
    ]);
    assert.match(ev(sim, 13, 2).sentence, /from the 15-byte free block at 75 \(best fit: the smallest free block that fits\)/);
  });
  it('next fit in an address-ordered list resumes beyond the last placement, as in dynamic partitioning: a block freed there since is searched first', () => {
    // Six blocks fill the heap; 10 and 40 are freed; +10 wraps round to 10 and uses it whole; then 20 is freed.
    const sim = run(trace('base: 0\nheap: 100\nplacement: next-fit\ncoalesce: false', '+10,+10,+10,+10,+10,+50', '-1,-4', '+10', '-2', '+10'));
    assert.equal(ev(sim, 9).returned, 10);
    assert.deepEqual(freeList(at(sim, 10)), [[20, 10], [40, 10]]);
    assert.equal(ev(sim, 11).returned, 20, 'the block freed at 20 lies beyond the last placement (10 to 20): it comes before 40');
    // Wrapping round: nothing ends beyond the last placement, so the search starts at the lowest address.
    const wrap = run(trace('base: 0\nheap: 100\nplacement: next-fit\ncoalesce: false', '+10,+10,+10,+10,+10,+50', '-0,-5', '+50', '-3', '+10'));
    assert.equal(ev(wrap, 9).returned, 50);
    assert.equal(ev(wrap, 11).returned, 0);
    // Freed on both sides of the last placement (50 to 60): the search goes on to 80, not round to 0.
    const sides = run(trace('base: 0\nheap: 90\nplacement: next-fit\ncoalesce: false', '+10,+10,+5,+25,+10,+20,+10', '-0,-2,-4', '+10', '+10', '-7', '-6', '+10'));
    assert.deepEqual([11, 12, 15].map((i) => ev(sides, i).returned), [0, 50, 80]);
  });
  it('next fit in a size-ordered list resumes at the rest of the block it split, wherever the order moved it', () => {
    const sim = run(trace('base: 0\nheap: 100\nplacement: next-fit\nfree-list: size\ncoalesce: false', '+10,+40,+50', '-0,-2', '+45', '+3'));
    assert.equal(ev(sim, 6).returned, 50);
    assert.deepEqual(freeList(at(sim, 6)), [[95, 5], [0, 10]], 'the 5 bytes left of the block at 50 move to the front');
    assert.equal(ev(sim, 7).returned, 95);
  });
  it('the sentence of a malloc says what it takes, where, why, and what it returns (the issue\'s example)', () => {
    const sim = run(trace('heap: 100\nheader: 8', 'call main', 'p = malloc 16'));
    assert.equal(ev(sim, 2).sentence, 'p = malloc(16) takes 24 bytes (8-byte header) from the 100-byte free block at 1000 (first fit) and returns 1008; 76 bytes stay free at 1024');
  });
  it('a block outlives the frame that allocated it: make returns it to main, whose p now reaches it', () => {
    const sim = run(trace('heap: 100\nheader: 8', 'call main', 'call make n 4', 'q = malloc 16', 'return q -> p'));
    assert.equal(ev(sim, 4).sentence, 'make returns: its 28-byte frame at 65492 is popped, but the block at 1008 stays allocated, now reached through main\'s p');
    const s = at(sim, 4);
    assert.deepEqual(s.frames.map((f) => f.func), ['main']);
    assert.equal(s.frames[0]!.locals[0]!.ptr!.addr, 1008);
    assert.equal(ev(sim, 4).leaked.length, 0);
  });
  it('a leak is reported from the step that lost the last pointer: the frame that held it returns', () => {
    const sim = run(trace('heap: 100', 'call main', 'call leak', 'buf = malloc 40', 'return', 'x = malloc 10'));
    assert.deepEqual(ev(sim, 4).leaked, [1000]);
    assert.match(ev(sim, 4).sentence, /the block at 1000 is now leaked: no pointer reaches it \(buf was the last\)$/);
    assert.equal(sim.runs[0]!.metricsAt(3).leakedBytes, 0);
    assert.equal(sim.runs[0]!.metricsAt(4).leakedBytes, 40);
    assert.equal(sim.runs[0]!.metricsAt(5).leakedBytes, 40, 'a leaked block stays leaked');
  });
  it('overwriting the only pointer leaks its block in that step', () => {
    const sim = run(trace('heap: 100', 'p = malloc 10', 'p = malloc 20'));
    assert.deepEqual(ev(sim, 2).leaked, [1000]);
    assert.equal(at(sim, 2).blocks.get(1000)!.leaked, true);
  });
  it('a copy keeps a block reached: q = p, then p = null leaks nothing; q = null then does', () => {
    const sim = run(trace('heap: 100', 'call main', 'p = malloc 10', 'q = p', 'p = null', 'q = null'));
    assert.deepEqual([3, 4, 5].map((i) => ev(sim, i).leaked), [[], [], [1000]]);
  });
  it('recursion: each call pushes a frame 16 + parameters below its caller, until the stack overflows (a trap that stops the program)', () => {
    const calls = Array.from({ length: 8 }, () => 'call f n 16');
    const sim = run(trace('stack: 256', 'call main', ...calls, 'p = malloc 8'));
    const s = at(sim, 8);
    assert.deepEqual(s.frames.map((f) => f.start), [65520, 65488, 65456, 65424, 65392, 65360, 65328, 65296]);
    assert.equal(ev(sim, 8).trap, null);
    assert.equal(ev(sim, 9).trap, 'stack overflow');
    assert.match(ev(sim, 9).sentence, /^stack overflow: f's 32-byte frame would start at 65264, below the stack's end at 65280/);
    assert.equal(ev(sim, 10).skipped, true);
    assert.equal(sim.runs[0]!.metricsAt(10).maxDepth, 8);
  });
  it('free traps: a double free, and an invalid free of an address inside a block; free of null does nothing', () => {
    const sim = run(trace('heap: 100\nheader: 8', 'p = malloc 16', 'q = p + 4', 'free q', 'free p', 'free p', 'p = null', 'free p'));
    assert.equal(ev(sim, 3).trap, 'invalid free');
    assert.match(ev(sim, 3).sentence, /1012 is not an address malloc returned \(it is 4 bytes into the block at 1008\)/);
    assert.equal(ev(sim, 4).trap, null);
    assert.equal(ev(sim, 5).trap, 'double free');
    assert.equal(ev(sim, 7).trap, null);
    assert.equal(ev(sim, 7).sentence, 'free(p) does nothing: p is null');
  });
  it('a malloc that finds no block returns null (OSTEP\'s -1) and says why', () => {
    const sim = run(trace('heap: 100', 'p = malloc 101'));
    assert.equal(ev(sim, 1).returned, null);
    assert.equal(ev(sim, 1).sentence, 'p = malloc(101) needs 101 bytes, but the only free block is 100 bytes; malloc returns null');
  });
  it('alignment rounds the request up before the header is added (malloc.py\'s order)', () => {
    const sim = run(trace('heap: 100\nheader: 4\nalign: 8', 'p = malloc 9'));
    assert.equal(at(sim, 1).blocks.get(1000)!.size, 20);
    assert.match(ev(sim, 1).sentence, /takes 20 bytes \(9 rounded up to 16 for 8-byte alignment, plus a 4-byte header\)/);
  });
  it('coalescing merges blocks that touch in memory whatever the list order (malloc.py merges list neighbours only)', () => {
    const sim = run(trace('base: 0\nheap: 30\nfree-list: insert-front', '+10', '+10', '+10', '-0', '-2', '-1'));
    assert.deepEqual(freeList(at(sim, 6)), [[0, 30]]);
  });
  it("malloc.py's +SIZE inside a function still makes the global ptrK, which outlives the frame", () => {
    const sim = run(trace('heap: 100', 'call f', '+10', 'return', '-0'));
    assert.deepEqual(at(sim, 2).frames[0]!.locals, []);
    assert.deepEqual(ev(sim, 3).leaked, []);
    assert.equal(ev(sim, 4).trap, null);
  });
  it('arithmetic on a dangling pointer reaches nothing, even where a later block took the address (derived)', () => {
    const sim = run(trace('heap: 100', 'p = malloc 1', 'free p', 'q = malloc 1', 'r = p + 0', 'q = null'));
    assert.deepEqual(ev(sim, 5).leaked, [1000]);
    assert.equal(ev(sim, 4).sentence, 'r = p: r now points at 1000, a block already freed (dangling)');
  });
  it('a pointer passed as a parameter reaches the block, so the caller may drop its own', () => {
    const sim = run(trace('heap: 100', 'call main', 'p = malloc 10', 'call keep buf = p', 'return', 'p = null'));
    const s = at(sim, 3);
    assert.equal(s.frames[1]!.locals[0]!.ptr!.addr, 1000);
    assert.deepEqual(ev(sim, 5).leaked, [1000]);
  });
});

describe('stack-heap: the C spellings and names as text', () => {
  it('malloc(16) and free(p) read as malloc 16 and free p; a name may hold any character but spaces and commas', () => {
    const sim = run(trace('heap: 100', 'call main', 'p = malloc(16)', 'a(b)=c = malloc( 8 )', 'free(p)', 'free a(b)=c'));
    assert.deepEqual([2, 3].map((i) => ev(sim, i).returned), [1000, 1016]);
    assert.deepEqual(freeList(at(sim, 5)), [[1000, 100]]);
  });
});

describe('stack-heap: errors are positioned and suggest the nearest word', () => {
  it('a bad malloc size', () => {
    const [e] = errorsOf(trace('heap: 100', 'p = malloc lots'));
    assert.equal(e!.line, 4);
    assert.equal(e!.column, 14);
    assert.match(e!.message, /^malloc: /);
  });
  it('a zero or negative size', () => {
    assert.match(errorsOf(trace('', '+0'))[0]!.message, /at least 1 byte/);
    assert.match(errorsOf(trace('', 'call main', 'local a -3'))[0]!.message, /^local a: /);
  });
  it('an unknown pointer in an expression, with the nearest name', () => {
    const [e] = errorsOf(trace('', 'call main', 'buffer = malloc 8', 'q = bufer'));
    assert.deepEqual([e!.line, e!.column], [6, 7]);
    assert.match(e!.message, /unknown pointer 'bufer'.*did you mean 'buffer'\?/);
  });
  it('a pointer of another frame is not visible', () => {
    const [e] = errorsOf(trace('', 'call main', 'p = malloc 8', 'call f', 'free p'));
    assert.deepEqual([e!.line, e!.column], [7, 8]);
    assert.match(e!.message, /unknown pointer 'p'.*in f's frame/);
  });
  it('return with no frame', () => {
    const [e] = errorsOf(trace('', 'call main', 'return', 'return'));
    assert.deepEqual([e!.line, e!.column], [6, 3]);
    assert.match(e!.message, /^return with no frame/);
  });
  it('an unknown operation, with the nearest operation', () => {
    const [e] = errorsOf(trace('', 'call main', 'fre p'));
    assert.deepEqual([e!.line, e!.column], [5, 3]);
    assert.match(e!.message, /unknown operation 'fre'.*did you mean 'free'\?/);
  });
  it('-K before K allocations', () => {
    const [e] = errorsOf(trace('', '+10', '-1'));
    assert.deepEqual([e!.line, e!.column], [5, 3]);
    assert.match(e!.message, /only 1 allocation \(\+SIZE\) came before it: ptr0 to ptr0/);
  });
  it('-K with no allocation before it, and a K too large to count exactly, says so as written', () => {
    const [e] = errorsOf(trace('', '-99999999999999999999'));
    assert.equal(e!.message, "'-99999999999999999999' frees ptr99999999999999999999, but no allocation (+SIZE) came before it");
    assert.equal(errorsOf(trace('', '+'))[0]!.message, "'+' needs a size in bytes: +10");
  });
  it('a misspelt malloc or null on the right of = is suggested, in C\'s spelling too', () => {
    const messages = errorsOf(trace('', 'call main', 'p = maloc 16', 'q = mallok(16)', 'r = nul')).map((e) => e.message);
    assert.deepEqual(messages.map((m) => /did you mean '(\w+)'\?$/.exec(m)?.[1]), ['malloc', 'malloc', 'null']);
  });
  it('malloc with no pointer to hold its result, and = without spaces, say what to write', () => {
    const [bare, glued] = errorsOf(trace('', 'call main', 'malloc 16', 's=malloc 8'));
    assert.deepEqual([bare!.line, bare!.column, glued!.line, glued!.column], [5, 3, 6, 3]);
    assert.match(bare!.message, /^malloc's result needs a pointer to hold it: NAME = malloc SIZE, such as p = malloc 16$/);
    assert.match(glued!.message, /^'s=malloc': put spaces around '='/);
  });
  it('C\'s semicolon at the end of a line is left out; a semicolon alone is an unknown operation', () => {
    const sim = run(trace('', 'call main', 'p = malloc(16);', 'q = p ;', 'free(p);', 'q = null;'));
    assert.deepEqual(sim.runs[0]!.events.map((e) => (e as StackHeapEvent).kind), ['call', 'malloc', 'assign', 'free', 'assign']);
    assert.match(errorsOf(trace('', 'call main', ';'))[0]!.message, /^unknown operation ';'/);
  });
  it('an unknown placement or free-list order suggests the nearest', () => {
    assert.match(errorsOf('scheme: stack-heap\nplacement: frist-fit\n')[0]!.message, /did you mean 'first-fit'/);
    assert.match(errorsOf('scheme: stack-heap\nfree-list: adress\n')[0]!.message, /did you mean 'address'/);
  });
  it('a heap that runs into the stack', () => {
    const [e] = errorsOf('scheme: stack-heap\nmemory: 4K\nheap: 4K\n');
    assert.equal(e!.line, 3);
    assert.match(e!.message, /run into the stack at 3072/);
  });
  it('a local that is not a pointer cannot be assigned or freed', () => {
    assert.match(errorsOf(trace('', 'call main', 'local n 4', 'n = malloc 8'))[0]!.message, /'n' is a 4-byte local/);
    assert.match(errorsOf(trace('', 'call main', 'local n 4', 'free n'))[0]!.message, /'n' is a 4-byte local .*not a pointer/);
  });
});
