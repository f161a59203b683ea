import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { MAX_SCENARIO_BYTES, parseScenario } from '../../engine/index.js';
import { errorsOf } from './helpers.js';

function only(text: string, opts = {}) {
  const errors = errorsOf(text, opts);
  assert.equal(errors.length, 1, `expected one error, got ${JSON.stringify(errors)}`);
  return errors[0]!;
}

describe('scenario errors: each names line and column, what was expected and the nearest valid word', () => {
  it('a YAML syntax error is reported where it happens: a list left open, at its bracket', () => {
    const e = errorsOf('scheme: vm-paging\nrefs: [1, 2\nframes: 3\n')[0]!;
    assert.deepEqual([e.line, e.column], [2, 7]);
    assert.match(e.message, /^the \[ here is never closed/);
  });
  it('a YAML syntax error no rule explains keeps the parser\'s message', () => {
    assert.match(errorsOf('scheme: vm-paging\nrefs: }1\n')[0]!.message, /^YAML syntax error: unexpected flow-map-end/);
  });
  it('a YAML syntax error in a nested mapping names its line', () => {
    const e = errorsOf('scheme: vm-paging\nframes: 3\nrefs: 1 2: 3: 4\n')[0]!;
    assert.equal(e.line, 3);
  });
  it('errors after a syntax error that spans lines still name the line they are on', () => {
    // yaml skips `used 1K\n\tL0 2K\ntrace` as one token while recovering, without counting its lines
    const text = 'memory: }1K\nlayout: |\n\tused 1K\n\tL0 2K\ntrace: |\n\tload P1 1K\n';
    const lines = text.split('\n');
    const colon = errorsOf(text).find((e) => /map-value-ind/.test(e.message) && e.line === 5);
    assert.ok(colon, 'the colon after trace is reported on line 5');
    assert.equal(colon.column, 6);
    for (const e of errorsOf(text)) assert.ok(e.column <= lines[e.line - 1]!.length + 1, `${e.line}:${e.column} is past the end of its line`);
  });
  it('an unknown scheme suggests the nearest scheme', () => {
    const e = only('scheme: vm-pagign\nrefs: 1');
    assert.deepEqual([e.line, e.column], [1, 9]);
    assert.match(e.message, /unknown scheme 'vm-pagign': expected .*'vm-paging'.*; did you mean 'vm-paging'\?/);
  });
  it('a missing scheme says which schemes exist', () => {
    assert.match(only('frames: 3\nrefs: 1 2').message, /missing key 'scheme': expected one of/);
  });
  it('a scheme of the contract that is not built yet says "not available yet", unlike an unknown scheme', () => {
    const e = only('scheme: simple-segmentation\n');
    assert.match(e.message, /the scheme 'segmentation' is not available yet/);
    assert.doesNotMatch(e.message, /unknown/);
  });
  it('the element may supply the scheme; the text still wins when it names one', () => {
    assert.ok(parseScenario('refs: 1 2', { scheme: 'vm-paging' }).ok);
    assert.match(only('refs: 1 2', { scheme: 'vm-segmentation' }).message, /not available yet/);
  });
  it('an unknown key suggests the nearest key of the scheme', () => {
    const e = only('scheme: vm-paging\nframe: 3\nrefs: 1 2');
    assert.deepEqual([e.line, e.column], [2, 1]);
    assert.match(e.message, /unknown key 'frame' for scheme vm-paging: expected .*; did you mean 'frames'\?/);
  });
  it('a misspelt required key is one error, not also a missing key: its value is read as the key it nearly is', () => {
    const e = only('scheme: dynamic\nmemroy: 64M\ntrace: |\n  load A 1M');
    assert.deepEqual([e.line, e.column], [2, 1]);
    assert.match(e.message, /^unknown key 'memroy' for scheme dynamic: .*; did you mean 'memory'\?$/);
    // The value is still checked, under the key meant.
    const errors = errorsOf('scheme: vm-paging\nref: 1 x 3');
    assert.deepEqual(errors.map((x) => [x.line, x.column]), [[2, 1], [2, 8]]);
    assert.match(errors[1]!.message, /'x' is not a reference/);
  });
  it('an unknown key may be nearest an alias: the alias is suggested (limt: limit, which relocation reads as bounds)', () => {
    const errors = errorsOf('scheme: relocation\nbase: 100\nlimt: 200\naccess: 5');
    assert.equal(errors.length, 1, errors.map((x) => x.message).join('; '));
    assert.match(errors[0]!.message, /^unknown key 'limt' for scheme relocation: .*; did you mean 'limit'\?$/);
  });
  it('an unknown policy suggests the nearest policy, at the policy\'s column', () => {
    const e = only('scheme: vm-paging\npolicy: FIFO, LRU, CLOKC\nrefs: 1');
    assert.deepEqual([e.line, e.column], [2, 20]);
    assert.match(e.message, /unknown policy 'CLOKC': expected 'FIFO', 'LRU', 'OPT', 'CLOCK', 'ENHANCED-CLOCK', 'NRU', 'LFU', 'MFU', 'AGING', 'MRU', 'RANDOM' or 'WS'; did you mean 'CLOCK'\?/);
  });
  for (const [value, col, got] of [['0', 9, '0'], ['-1', 9, '-1'], ['2.5', 9, '2.5'], ['three', 9, 'three'], ['1000001', 9, '1000001'], ['3, 0', 12, '0'], ['99999999999999999999', 9, '99999999999999999999'], ['1-99999999999999999999', 9, '99999999999999999999']] as const) {
    it(`frames: '${value}' is not a positive whole number up to 1,000,000, and the error quotes '${got}' as written`, () => {
      const e = only(`scheme: vm-paging\nframes: ${value}\nrefs: 1 2`);
      assert.deepEqual([e.line, e.column], [2, col]);
      assert.match(e.message, /frames: expected a whole number of frames from 1 to 1,000,000/);
      assert.ok(e.message.endsWith(`, got '${got}'`), e.message);
    });
  }
  it('empty refs is an error at the key', () => {
    const e = only('scheme: vm-paging\nframes: 3\nrefs:\n');
    assert.equal(e.line, 3);
    assert.match(e.message, /refs is empty/);
  });
  it('missing refs is an error that shows an example', () => {
    assert.match(only('scheme: vm-paging\nframes: 3').message, /missing key 'refs': expected, for example, refs: 7 0 1 2/);
  });
  it('a non-numeric reference is reported at its own column', () => {
    const e = only('scheme: vm-paging\nrefs: 1 2 x3 4');
    assert.deepEqual([e.line, e.column], [2, 11]);
    assert.match(e.message, /'x3' is not a reference: expected a page number/);
  });
  it('references in a block scalar report their own lines', () => {
    const e = only('scheme: vm-paging\nrefs: |\n  1 2 3\n  4 five 6\n');
    assert.deepEqual([e.line, e.column], [4, 5]);
  });
  it('a 0x address without page-size is an error that says to add page-size', () => {
    const e = only('scheme: vm-paging\nrefs: 1 0x1A2B 3');
    assert.deepEqual([e.line, e.column], [2, 9]);
    assert.match(e.message, /add page-size/);
  });
  it('a page-size that does not parse is a positioned error', () => {
    const e = only('scheme: vm-paging\npage-size: 4Q\nrefs: 1');
    assert.deepEqual([e.line, e.column], [2, 12]);
    assert.match(e.message, /is not a size/);
  });
  it('a key given twice is an error', () => {
    assert.equal(errorsOf('scheme: vm-paging\nrefs: 1\nrefs: 2').length >= 1, true);
  });
  it('a scenario over 1 MiB is refused before parsing', () => {
    const big = `scheme: vm-paging\nrefs: ${'1 '.repeat(MAX_SCENARIO_BYTES / 2 + 10)}`;
    const e = only(big);
    assert.deepEqual([e.line, e.column], [1, 1]);
    assert.match(e.message, /the limit is 1 MiB/);
  });
  it('a scenario over 5 million simulated steps is refused', () => {
    const refs = '1 2 3 4 5 6 7 8 9 10 '.repeat(40_000); // 400,000 references, 800 KB
    const e = only(`scheme: vm-paging\npolicy: FIFO, LRU, OPT, CLOCK\nframes: 3, 4, 5, 6\nrefs: ${refs}`);
    assert.match(e.message, /the limit is 5,000,000/);
  });
  it('lines are shifted by the block\'s offset in its file', () => {
    const e = only('scheme: vm-paging\nframe: 3\nrefs: 1', { lineOffset: 10 });
    assert.deepEqual([e.line, e.column], [12, 1]);
  });
  it('all errors of a scenario are reported together', () => {
    const errors = errorsOf('scheme: vm-paging\nframes: 0\npolicy: LIFO\nrefs: 1 x');
    assert.deepEqual(errors.map((e) => e.line), [2, 3, 4]);
  });
  it('never throws: any text gives a result or positioned errors (fast-check)', () => {
    const pieces = fc.constantFrom('scheme: vm-paging\n', 'frames: ', 'policy: ', 'refs: ', '3', '0x1F', ':w', ' ', ',', '[', ']', '{', '}', '\n', '  ', '- ', '#', '"', "'", '|\n', 'page-size: ', 'LRU', 'x', '-1', '&a', '*a', '!!int ');
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 30 }), (parts) => {
        const r = parseScenario(parts.join(''));
        if (!r.ok) {
          assert.ok(r.errors.length > 0);
          for (const e of r.errors) assert.ok(e.line >= 1 && e.column >= 1 && e.message.length > 0);
        }
      }),
      { numRuns: 3000 },
    );
  });
  it('never throws on arbitrary unicode text (fast-check)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200, unit: 'grapheme' }), (s) => {
        parseScenario(s);
      }),
      { numRuns: 1000 },
    );
  });
});
