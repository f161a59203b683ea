import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { fuzzCase, mutate, wrapTraceItem } from '../fuzz/grammar.js';
import { checkPositions, timeCase } from '../fuzz/harness.js';
import { unexpectedMarkup } from '../html-check.js';

/** Cases per `npm test` run: a few thousand, some seconds on a slow machine (`npm run fuzz` runs more). */
const RUNS = 3000;
const SEED = 20240611;

describe('fuzzing: any scenario text, valid or broken, through parse, simulate, report, fallback and CLI', () => {
  it(`${RUNS} generated and mutated scenarios: no exception, every error inside the text, every state within its scheme's rules`, (t) => {
    let valid = 0;
    let slowest = 0;
    fc.assert(
      fc.property(fuzzCase(), (c) => {
        const r = timeCase(c);
        if (r.valid) valid++;
        slowest = Math.max(slowest, r.cpuMs);
        if (r.failure) throw r.failure;
      }),
      { numRuns: RUNS, seed: SEED, includeErrorInReport: true },
    );
    // The grammar must reach the simulator, not only the parser's error paths.
    assert.ok(valid > RUNS / 4, `only ${valid} of ${RUNS} cases were valid scenarios`);
    t.diagnostic(`${valid} valid scenarios; slowest case ${slowest.toFixed(1)} ms of CPU`);
  });

  it('a case fails when an error points outside the text, or the fallback holds markup of its own', () => {
    assert.throws(() => checkPositions('a\nb', [{ line: 3, column: 1, message: 'x' }]), /line outside/);
    assert.throws(() => checkPositions('a\nb', [{ line: 2, column: 3, message: 'x' }]), /column outside/);
    assert.throws(() => checkPositions('a', [{ line: 1, column: 1, message: ' ' }]), /empty message/);
    assert.throws(() => checkPositions('a', []), /no error/);
    checkPositions('ab\n', [{ line: 1, column: 3, message: 'at the end of the line' }, { line: 2, column: 1, message: 'on the empty last line' }]);
    assert.deepEqual(unexpectedMarkup('<div class="x">a &lt;b&gt;</div>'), []);
    assert.equal(unexpectedMarkup('<td>x</td><img src=x onerror=alert(1)>').length, 3); // <img>, src, onerror
    assert.equal(unexpectedMarkup('<p class="a" onclick="b">').length, 1);
  });

  it('mutations change the text the way they say, and a wrapped trace item keeps its words', () => {
    assert.equal(mutate('abc', { kind: 'delete', at: 1 }), 'ac');
    assert.equal(mutate('abc', { kind: 'swap', at: 0 }), 'bac');
    assert.equal(mutate('a\nb\nc', { kind: 'duplicate-line', at: 1 }), 'a\nb\nb\nc');
    assert.equal(mutate('memory: 64K', { kind: 'huge', at: 0, text: '4294967296' }), 'memory: 4294967296K');
    assert.equal(mutate('x', { kind: 'nest', at: 1, depth: 3, open: '[' }), 'x[[[]]]');
    assert.equal(wrapTraceItem('trace:\n  - load P1 4K\n  - exit P1\n', 1, 'map'), 'trace:\n  - load P1 4K\n  - {exit P1}\n');
  });
});
