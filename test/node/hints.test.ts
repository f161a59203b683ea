/**
 * The slips authors make most, said in the scenario's words (engine/hints/): each one
 * error, at the character to change, saying what to write. Through parseScenario, as the CLI and the
 * plugins see them; the element's error box applies the same explanations (test/browser/mem-sim.test.ts).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { explainErrors } from '../../engine/hints/index.js';
import { errorsOf } from './helpers.js';

/** The one error of `text`, as [line, column, message]. */
function only(text: string): [number, number, string] {
  const errors = errorsOf(text);
  assert.equal(errors.length, 1, errors.map((e) => `${e.line}:${e.column} ${e.message}`).join(' | '));
  return [errors[0]!.line, errors[0]!.column, errors[0]!.message];
}

describe('YAML slips, said in the scenario\'s words', () => {
  it('no space after the colon (frames:3): at the character after the colon', () => {
    assert.deepEqual(only('scheme: vm-paging\nframes:3\nrefs: 1 2'), [2, 8, 'put a space after the colon: frames: 3']);
  });
  it('no colon at all (frames 3): at the space where the colon goes', () => {
    assert.deepEqual(only('scheme: vm-paging\nframes 3\nrefs: 1 2'), [2, 7, 'expected a key, a colon and a value: frames: 3']);
  });
  it("a value holding ': ' (a title such as Example: FIFO vs LRU) is to be quoted", () => {
    assert.deepEqual(only('scheme: vm-paging\ntitle: Example: FIFO vs LRU\nrefs: 1 2'), [2, 8, 'a value that holds \': \' is quoted, as in title: "Example: FIFO vs LRU"']);
  });
  it("a value starting with '- ' (OSTEP's page table with an invalid first entry) is to be quoted", () => {
    assert.deepEqual(only('scheme: paging\npage-size: 4\npage-table: - 5 6\naccess: 0'), [3, 13, 'a value that starts with \'- \' is read as a list: quote it, as in page-table: "- 5 6"']);
  });
  it('a key given twice names the key and the line of the first', () => {
    assert.deepEqual(only('scheme: vm-paging\nrefs: 1 2\nframes: 3\nrefs: 3'), [4, 1, "the key 'refs' is given twice (first at line 2): give it once"]);
  });
  it('a tab as indentation, once for the line', () => {
    assert.deepEqual(only('scheme: dynamic\nmemory: 1M\ntrace: |\n\tload A 1K'), [4, 1, 'indent with spaces, not tabs: YAML does not allow a tab as indentation']);
  });
  it("a block's line at the margin, or less indented than the first, under trace: |", () => {
    const hint = "this line is not indented like the lines of trace's block above it: indent each line of the block by the same spaces";
    assert.deepEqual(only('scheme: dynamic\nmemory: 1M\ntrace: |\nload A 1K'), [4, 1, hint]);
    assert.deepEqual(only('scheme: dynamic\nmemory: 1M\ntrace: |\n    load A 1K\n  load B 1K'), [5, 1, hint]);
  });
  it('a bracket or a quote left open, at the bracket or quote (the parser notices a line later)', () => {
    assert.deepEqual(only('scheme: vm-paging\nframes: 3\nrefs: [1, 2, 3\n'), [3, 7, 'the [ here is never closed: end the list with ] on the same line']);
    assert.deepEqual(only('scheme: vm-paging\ntitle: "FIFO\nrefs: 1 2\n'), [2, 8, 'the quote " here is never closed: end the value with " on the same line']);
  });
  it('a key indented by mistake is reported on its own line, not the line above', () => {
    assert.deepEqual(only('scheme: vm-paging\n frames: 3\nrefs: 1'), [2, 1, "line 2 is indented, so YAML reads it as part of scheme's value: start a key at the left margin"]);
  });
  it('lines count in the file around the scenario (a fence at line 10), and explaining twice changes nothing', () => {
    const text = 'scheme: vm-paging\nframes:3\nrefs: 1 2';
    const errors = errorsOf(text, { lineOffset: 10 });
    assert.deepEqual(errors.map((e) => [e.line, e.column]), [[12, 8]]);
    assert.deepEqual(explainErrors(text, errors, 10), errors);
  });
  it('errors that are not YAML syntax errors pass through unchanged, in order', () => {
    const errors = [{ line: 2, column: 9, message: "frames: expected a whole number of frames from 1 to 1,000,000, got 'x'" }];
    assert.deepEqual(explainErrors('scheme: vm-paging\nframes: x', errors), errors);
  });
});

describe('a size written with a space before its unit, in a trace', () => {
  it('is said as the size in one word, at the number, in every scheme that reads sizes in its trace', () => {
    assert.deepEqual(only('scheme: dynamic\nmemory: 64M\ntrace: |\n  load A 2 MB'), [4, 10, "write a size as one word, without the space: 2MB (not '2 MB')"]);
    assert.deepEqual(only('scheme: buddy\nmemory: 1M\ntrace: |\n  request A 64 K'), [4, 13, "write a size as one word, without the space: 64K (not '64 K')"]);
    assert.deepEqual(only('scheme: paging\npage-size: 1K\nframes: 8\ntrace: |\n  load A 3 KB'), [5, 10, "write a size as one word, without the space: 3KB (not '3 KB')"]);
    assert.deepEqual(only('scheme: stack-heap\ntrace: |\n  call main\n  p = malloc 1 KB'), [4, 14, "write a size as one word, without the space: 1KB (not '1 KB')"]);
  });
  it("'64 bytes' is the number alone, and a word that is no unit keeps its message", () => {
    assert.deepEqual(only('scheme: stack-heap\ntrace: |\n  call main\n  local buf 64 bytes'), [4, 13, "a size in bytes is the number alone: 64 (not '64 bytes')"]);
    assert.match(only('scheme: dynamic\nmemory: 64M\ntrace: |\n  load A 2 extra')[2], /^unexpected 'extra' after load A 2/);
  });
});

describe('a misspelt scheme key', () => {
  it('is reported where it is written, with the word it nearly is, not only as a missing scheme at line 1', () => {
    const [line, column, message] = only('# Exercise 1\nshceme: vm-paging\nrefs: 1 2');
    assert.deepEqual([line, column], [2, 1]);
    assert.match(message, /^unknown key 'shceme': did you mean 'scheme'\? \(missing key 'scheme': expected one of/);
    assert.match(only('refs: 1 2\nframes: 3')[2], /^missing key 'scheme'/, 'no key near scheme: the message stays');
  });
});
