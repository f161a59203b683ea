import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { LineCounter } from 'yaml';
import { readFlatMapping } from '../../engine/flat-mapping.js';
import { ScenarioSource } from '../../engine/source.js';

/** What the scheme readers can see of a parsed source: its errors, entries and line positions. */
function observable(source: ScenarioSource) {
  const node = (n: any) => n && { type: n.type, value: n.value, start: n.range?.[0], end: n.range?.[1], yaml: n.constructor.name };
  const positions = [];
  for (let offset = 0; offset <= source.text.length; offset++) positions.push(source.position(offset));
  return {
    errors: source.errors,
    entries: [...source.entries].map(([canonical, e]) => ({ canonical, key: e.key, keyNode: node(e.keyNode), value: node(e.value) })),
    positions,
  };
}

const flatReads = (text: string) => readFlatMapping(text, new LineCounter()) !== undefined;

// Pieces of lines that are valid flat scenarios, and pieces that YAML reads some other way.
const key = fc.oneof(
  { weight: 12, arbitrary: fc.constantFrom('scheme', 'frames', 'refs', 'policy', 'title', 'Page_Size', 'page-size', 'x', 'Frames', 'a1', 'yes', 'e') },
  { weight: 1, arbitrary: fc.constantFrom('true', 'Null', 'FALSE', '~') },
  { weight: 1, arbitrary: fc.string({ unit: fc.constantFrom('a', 'Z', '_', '-', '1', '.', '~', ' ', '<', '?'), minLength: 1, maxLength: 5 }) },
  { weight: 1, arbitrary: fc.constantFrom('k'.repeat(100), 'k'.repeat(101), 'k'.repeat(1025)) },
);
const plainValue = fc.constantFrom(
  'vm-paging', '3', '007', '12345678901234567890123', 'FIFO LRU', '7 0 1 2 0 3 0 4', '3, 4', '4K', "it's fine", 'a#b',
  '(part 2)', 'café', 'x\u2028y', 'yes', 'x: ', 'x:y',
);
const otherValue = fc.oneof(
  fc.constantFrom(
    '😀', '0x1F', '0o17', '1e3', '1.5', '.5', '-3', '+3', '.inf', '-.Inf', '.nan', 'true', 'False', 'NULL', 'null', '~',
    '[1, 2]', '{a: 1}', '"quoted"', "'single'", '|', '>', '&anchor x', '*alias', '!tag x', '%x', '@x', '`x', '- item',
    '? key', 'a: b', 'a #comment', 'ends:', '-', '',
  ),
  fc.string({ unit: fc.constantFrom('a', '7', ' ', ':', '#', '-', "'", '"', ',', '[', '{', '|', '\t', '.', 'é', 'e', 'x', '0'), maxLength: 8 }),
);
const line = fc.oneof(
  { weight: 12, arbitrary: fc.tuple(key, fc.constantFrom(': ', ':  '), plainValue, fc.constantFrom('', '', ' ')).map((p) => p.join('')) },
  { weight: 2, arbitrary: fc.tuple(key, fc.constantFrom(': ', ':', ':\t'), otherValue, fc.constantFrom('', ' # note')).map((p) => p.join('')) },
  { weight: 1, arbitrary: fc.constantFrom('', ' ', '# a comment', '  indented: 2', '  more words', '---', '...', '- 1', '%YAML 1.2', '\ttab: 1', 'key', '#') },
);
const scenarioText = fc
  .tuple(fc.array(line, { minLength: 0, maxLength: 6 }), fc.constantFrom('\n', '\n', '\n', '\r\n'), fc.constantFrom('', '\n', '\n\n', ' '))
  .map(([lines, eol, end]) => lines.join(eol) + end);

describe('the flat reader gives what the yaml parser gives, wherever it answers', () => {
  it('on random texts of key: value lines and YAML that is not flat (fast-check)', () => {
    let answered = 0;
    fc.assert(
      fc.property(scenarioText, (text) => {
        if (flatReads(text)) answered++;
        assert.deepEqual(observable(new ScenarioSource(text)), observable(new ScenarioSource(text, 0, false)));
      }),
      { numRuns: 3000 },
    );
    // The comparison means something only if the flat reader answered for a good share of texts.
    assert.ok(answered > 300, `the flat reader answered for only ${answered} of 3000 texts`);
  });

  it("reads issue 4's benchmark block (Silberschatz's string under FIFO) without yaml", () => {
    const text = "scheme: vm-paging\ntitle: FIFO on Silberschatz's reference string (part 1)\nframes: 3\npolicy: FIFO\nrefs: 7 0 1 2 0 3 0 4 2 3 0 3 2 1 2 0 1 7 0 1\n";
    assert.ok(flatReads(text));
    assert.deepEqual(observable(new ScenarioSource(text)), observable(new ScenarioSource(text, 0, false)));
    assert.equal(new ScenarioSource(text).entries.get('frames')?.value?.toJSON(), '3');
  });

  it('leaves to yaml a block scalar, a flow sequence, quotes, a trailing comment, CRs and a key given twice', () => {
    for (const text of [
      'scheme: dynamic\ntrace: |\n  A arrives 10K\n',
      'scheme: vm-paging\nframes: [3, 4]\n',
      'title: "quoted"\n',
      'frames: 3 # three frames\n',
      'frames: 3\r\npolicy: LRU\r\n',
      'frames: 3\nframes: 4\n',
    ]) {
      assert.equal(flatReads(text), false, JSON.stringify(text));
    }
  });

  it("reads every scalar as text, as YAML's failsafe schema does: 1e3, true and null are words, on both readers", () => {
    const text = 'title: 1e3\ntrue: null\n';
    assert.ok(flatReads(text));
    const flat = new ScenarioSource(text);
    assert.deepEqual(observable(flat), observable(new ScenarioSource(text, 0, false)));
    assert.equal(flat.entries.get('title')?.value?.toJSON(), '1e3');
    assert.equal(flat.entries.get('true')?.value?.toJSON(), 'null');
  });

  it('a key given twice in two spellings is still an error at the second one, on both readers', () => {
    const text = 'scheme: vm-paging\npage_size: 4K\npage-size: 8K\n';
    assert.ok(flatReads(text));
    const errors = new ScenarioSource(text).errors;
    assert.deepEqual(errors, [{ line: 3, column: 1, message: "the key 'page-size' is given twice" }]);
    assert.deepEqual(errors, new ScenarioSource(text, 0, false).errors);
  });
});
