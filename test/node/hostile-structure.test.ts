import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { MAX_NESTING } from '../../engine/nesting.js';
import { parseScenario } from '../../engine/index.js';
import { errorsOf, run } from './helpers.js';

/** Line and column (1-based) of the first occurrence of `needle` at or after `from`. */
function where(text: string, needle: string, from = 0) {
  const at = text.indexOf(needle, from);
  assert.ok(at >= 0, `'${needle}' is not in the text`);
  const before = text.slice(0, at);
  return { line: before.split('\n').length, column: at - before.lastIndexOf('\n') };
}

function assertErrorAt(text: string, at: { line: number; column: number }, message: RegExp) {
  const errors = errorsOf(text);
  const hit = errors.find((e) => e.line === at.line && e.column === at.column && message.test(e.message));
  assert.ok(hit, `expected ${message} at ${at.line}:${at.column}, got ${errors.map((e) => `${e.line}:${e.column} ${e.message}`).join(' | ')}`);
}

/** Every key whose value may be a list, with a scenario that lacks it and one valid item. */
const LIST_KEYS: { scheme: string; key: string; base: string; item: string }[] = [
  { scheme: 'buddy', key: 'trace', base: 'scheme: buddy\nmemory: 1M\n', item: 'load P1 1K' },
  { scheme: 'dynamic', key: 'trace', base: 'scheme: dynamic\nmemory: 1M\n', item: 'load P1 1K' },
  { scheme: 'fixed', key: 'trace', base: 'scheme: fixed\npartitions: 4K\n', item: 'load P1 1K' },
  { scheme: 'dynamic', key: 'layout', base: 'scheme: dynamic\nmemory: 1M\n', item: 'hole 1K' },
  { scheme: 'dynamic', key: 'placement', base: 'scheme: dynamic\nmemory: 1M\n', item: 'first-fit' },
  { scheme: 'dynamic', key: 'when-full', base: 'scheme: dynamic\nmemory: 1M\n', item: 'wait' },
  { scheme: 'fixed', key: 'partitions', base: 'scheme: fixed\nmemory: 1M\n', item: '4K' },
  { scheme: 'fixed', key: 'placement', base: 'scheme: fixed\npartitions: 4K\n', item: 'first-fit' },
  { scheme: 'fixed', key: 'queue', base: 'scheme: fixed\npartitions: 4K\n', item: 'single' },
  { scheme: 'vm-paging', key: 'refs', base: 'scheme: vm-paging\n', item: '7' },
  { scheme: 'vm-paging', key: 'frames', base: 'scheme: vm-paging\nrefs: 1 2\n', item: '3' },
  { scheme: 'vm-paging', key: 'policy', base: 'scheme: vm-paging\nrefs: 1 2\n', item: 'FIFO' },
];

describe('every item of every list becomes a value or a positioned error', () => {
  for (const { scheme, key, base, item } of LIST_KEYS) {
    it(`${scheme} ${key}: an item that is a list, a mapping or empty is an error at the item, never skipped`, () => {
      const got = new RegExp(`^${key}: expected one .* per item.*; got `);
      for (const [written, shape] of [
        [`[${item}]`, 'a list'],
        [`{x: ${item}}`, 'a mapping'],
        [`[[${item}]]`, 'a list'],
      ] as const) {
        const text = `${base}${key}:\n  - ${item}\n  - ${written}\n`;
        assertErrorAt(text, where(text, written), new RegExp(`${got.source}${shape}$`));
        const flow = `${base}${key}: [${item}, ${written}]\n`;
        assertErrorAt(flow, where(flow, written, flow.indexOf(`${key}:`) + key.length + 4), new RegExp(`${got.source}${shape}$`));
      }
      const empty = `${base}${key}:\n  - ${item}\n  -\n`;
      assertErrorAt(empty, { line: where(empty, '  -\n').line, column: 3 }, new RegExp(`${got.source}an empty item$`));
      const quoted = `${base}${key}:\n  - ${item}\n  - ""\n`;
      assertErrorAt(quoted, where(quoted, '""'), new RegExp(`${got.source}an empty item$`));
    });
    it(`${scheme} ${key}: an alias or anchor is refused at its position with what is wrong`, () => {
      const alias = `${base}${key}: [${item}, *a]\n`;
      assertErrorAt(alias, where(alias, '*a'), /'\*a' is an alias: aliases and anchors \(\*name, &name\) are not supported in scenarios/);
      const anchor = `${base}${key}: &a\n  - ${item}\n`;
      assertErrorAt(anchor, where(anchor, '&a'), /'&a' is an anchor: aliases and anchors .* are not supported/);
    });
  }
  it('trace items as a list of operations give one step each: three items, three steps', () => {
    const t = run('scheme: dynamic\nmemory: 1M\ntrace:\n  - load A 1M\n  - exit A\n  - load B 1M\n').runs[0]!;
    assert.equal(t.length, 3);
  });
  it("the issue's example: '- [load A 1M]', '- {load: B}' and an alias bomb are each refused, and nothing runs", () => {
    const text = 'scheme: dynamic\nmemory: 4M\ntrace:\n  - load C 1M\n  - [load A 1M]\n  - {load: B}\n';
    const errors = errorsOf(text);
    assert.deepEqual(errors.map((e) => [e.line, e.column]), [[5, 5], [6, 5]]);
    const bomb = `a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nscheme: dynamic\nmemory: 4M\ntrace: [*c, *c]\n`;
    assert.deepEqual(errorsOf(bomb).map((e) => [e.line, e.column]), [[1, 4]]);
  });
  it('a key that takes one value refuses a list of several instead of taking the first', () => {
    assertErrorAt('scheme: buddy\nmemory: [1M, 2M]\n', { line: 2, column: 10 }, /memory: '1M, 2M' is not a size/);
    assertErrorAt('scheme: vm-paging\nrefs: 1\npage-size: [4K, 8K]\n', { line: 3, column: 13 }, /page-size: '4K, 8K' is not a size/);
    assertErrorAt('scheme: [buddy, fixed]\nmemory: 1M\n', { line: 1, column: 9 }, /unknown scheme 'buddy, fixed'/);
  });
});

describe(`nesting deeper than ${MAX_NESTING} levels is refused before the yaml parser sees it`, () => {
  const tooDeep = new RegExp(`nested ${MAX_NESTING + 1} levels deep .* more than ${MAX_NESTING} is refused`);
  for (const [name, open] of [['[', '['], ['{', '{']] as const) {
    it(`25 KB of '${name}' gives one positioned error at the bracket that goes too deep`, () => {
      const text = `scheme: vm-paging\nrefs: ${open.repeat(25_000)}`;
      const errors = errorsOf(text);
      assert.equal(errors.length, 1);
      // the scenario's mapping is level 1, so the 8th bracket opens level 9
      assert.deepEqual({ line: errors[0]!.line, column: errors[0]!.column }, { line: 2, column: 7 + MAX_NESTING - 1 });
      assert.match(errors[0]!.message, tooDeep);
      assert.match(errorsOf(open.repeat(25_000))[0]!.message, tooDeep);
    });
  }
  it('deeply indented block mappings and compact lists are refused at the line that goes too deep', () => {
    const mappings = Array.from({ length: 1000 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n');
    assertErrorAt(mappings, { line: MAX_NESTING + 1, column: MAX_NESTING + 1 }, tooDeep);
    assertErrorAt(`${'- '.repeat(12_500)}x`, { line: 1, column: 2 * MAX_NESTING + 1 }, tooDeep);
    assertErrorAt(`scheme: buddy\ntrace:\n${Array.from({ length: 30 }, (_, i) => `${'  '.repeat(i + 1)}-`).join('\n')}`, { line: 2 + MAX_NESTING, column: 2 * MAX_NESTING + 1 }, tooDeep);
  });
  it('brackets in quotes, comments and block scalars are text, not nesting', () => {
    const deep = '['.repeat(40);
    for (const text of [
      `scheme: vm-paging\ntitle: "${deep}"\nrefs: 1 2\n`,
      `scheme: vm-paging\ntitle: '${deep}'\nrefs: 1 2 # ${deep}\n`,
      `scheme: vm-paging\ntitle: a ${deep}\nrefs: 1 2\n`,
      `scheme: vm-paging\ntitle: |\n  ${deep}\nrefs: [1, 2]\n`,
    ]) {
      const r = parseScenario(text);
      assert.ok(r.ok, JSON.stringify(!r.ok && r.errors));
    }
  });
  it(`nesting of ${MAX_NESTING} levels reaches the scheme, which says what it expected`, () => {
    const errors = errorsOf(`scheme: vm-paging\nrefs: ${'['.repeat(MAX_NESTING - 1)}1${']'.repeat(MAX_NESTING - 1)}\n`);
    assert.match(errors[0]!.message, /^refs: expected one value per item .*; got a list$/);
  });
});

describe("names of JavaScript's built-in object properties are words like any other", () => {
  // Alias tables are plain objects, whose lookup also finds Object.prototype's `constructor`: the
  // one inherited name a word can spell once lowered and with _ read as -.
  const slots: [string, string][] = [
    ['scheme', 'scheme: constructor\nrefs: 1\n'],
    ['policy', 'scheme: vm-paging\nrefs: 1\npolicy: constructor\n'],
    ['placement', 'scheme: dynamic\nmemory: 1M\nplacement: constructor\n'],
    ['when-full', 'scheme: dynamic\nmemory: 1M\nwhen-full: constructor\n'],
    ['a contiguous operation', 'scheme: buddy\nmemory: 1M\ntrace: |\n  constructor A 1K\n'],
    ['queue', 'scheme: fixed\npartitions: 2 x 1M\nqueue: constructor\n'],
    ['a paging operation', 'scheme: paging\npage-size: 1K\nframes: 4\ntrace: |\n  constructor A 1K\n'],
    ['placement of the heap', 'scheme: stack-heap\nplacement: constructor\n'],
    ['free-list', 'scheme: stack-heap\nfree-list: constructor\n'],
  ];
  for (const [slot, text] of slots) {
    it(`'constructor' as ${slot} is an unknown word, at its position`, () => {
      assertErrorAt(text, where(text, 'constructor'), /unknown|not a|expected/);
    });
  }
  it('a memory smaller than the default stack is an error at memory, not a crash', () => {
    assertErrorAt('scheme: stack-heap\nmemory: 1\n', { line: 2, column: 9 }, /^memory: the 1-byte address space is smaller than the default stack of 1,024 bytes/);
  });
});

describe('the CLI survives hostile scenarios', () => {
  it('the CLI (YAML and markdown) and the markdown-it plugin take thousands of hostile scenarios in one process: exit code 0 or 1, every block rendered', () => {
    const script = fileURLToPath(new URL('../fixtures/hostile-cli.ts', import.meta.url));
    const r = spawnSync(process.execPath, ['--import', 'tsx', script, '3000'], { encoding: 'utf8', timeout: 180_000 });
    assert.equal(r.status, 0, `the process ended with ${r.status ?? r.signal}: ${r.stderr.slice(-2000)}`);
    const { scenarios, codes, rendered } = JSON.parse(r.stdout) as { scenarios: number; codes: Record<string, number>; rendered: number };
    assert.ok(scenarios > 3000);
    assert.deepEqual(Object.keys(codes).filter((c) => c !== '0' && c !== '1'), []);
    assert.equal((codes['0'] ?? 0) + (codes['1'] ?? 0), 2 * scenarios);
    assert.equal(rendered, scenarios);
  });
});
