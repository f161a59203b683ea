import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseScenario, reportBlock, SCHEMES, simulate, writeReport } from '../../engine/index.js';
import { canonicalKey } from '../../engine/source.js';
import { renderFallback } from '../../plugin/fallback.js';

/** Silberschatz's 20 references: a scenario of 20 steps, and `extra` lines after it. */
const paging = (extra: string) => `scheme: vm-paging\nframes: 3\nrefs: 7 0 1 2 0 3 0 4 2 3 0 3 2 1 2 0 1 7 0 1\n${extra}`;

function errorsOf(text: string) {
  const r = parseScenario(text);
  assert.equal(r.ok, false, 'the scenario is refused');
  return r.ok ? [] : r.errors;
}

function startOf(text: string): number | undefined {
  const r = parseScenario(text);
  assert.ok(r.ok, JSON.stringify(!r.ok && r.errors));
  return r.scenario.start;
}

describe('the start key: the step a simulator opens at', () => {
  it('is absent unless the scenario gives it', () => {
    assert.equal(startOf(paging('')), undefined);
  });

  it('takes a step number from 0 to the last step', () => {
    assert.equal(startOf(paging('start: 0')), 0);
    assert.equal(startOf(paging('start: 7')), 7);
    assert.equal(startOf(paging('start: 20')), 20);
  });

  it('reads end as the last step, in any letter case, in every scheme', () => {
    assert.equal(startOf(paging('start: end')), 20);
    assert.equal(startOf(paging('Start: END')), 20);
    assert.equal(startOf('scheme: dynamic\nmemory: 64M\ntrace: |\n  load P1 8M\n  load P2 4M\nstart: end'), 2);
    assert.equal(startOf('scheme: buddy\nmemory: 1M\ntrace: |\n  load A 100K\nstart: 1'), 1);
  });

  it('a misspelt word is an error at the value that suggests end', () => {
    assert.deepEqual(errorsOf(paging('start: ned')), [
      { line: 4, column: 8, message: "start: the scenario has 20 steps; expected a step from 0 to 20 or 'end', got 'ned'; did you mean 'end'?" },
    ]);
  });

  it('a step past the last one is an error at the value that says how many steps the scenario has', () => {
    assert.deepEqual(errorsOf(paging('start: 21')), [
      { line: 4, column: 8, message: "start: the scenario has 20 steps; expected a step from 0 to 20 or 'end', got '21'" },
    ]);
  });

  it('a negative, fractional, empty or listed value is an error at the value', () => {
    for (const [value, column] of [['-1', 8], ['2.5', 8], ['', 8], ['[1, 2]', 8]] as const) {
      const errors = errorsOf(paging(`start: ${value}`));
      assert.equal(errors.length, 1, value);
      assert.deepEqual([errors[0]!.line, errors[0]!.column], [4, column], value);
      assert.match(errors[0]!.message, /^start: the scenario has 20 steps; expected a step from 0 to 20 or 'end', got '/, value);
    }
  });

  it('is read once the other keys are valid, since its message names how many steps there are', () => {
    const messages = errorsOf('scheme: vm-paging\nframes: 0\nrefs: 1 2\nstart: ned').map((e) => e.message);
    assert.deepEqual(messages.map((m) => m.split(':')[0]), ['frames']);
  });

  it('no scheme key or alias shadows a key of every scheme (dynamic\'s layout no longer answers to start)', () => {
    for (const module of Object.values(SCHEMES)) {
      for (const k of module!.keys) {
        for (const spelling of [k.key, ...(k.aliases ?? [])]) {
          assert.ok(!['scheme', 'title', 'start'].includes(canonicalKey(spelling)), `${module!.name}: ${spelling}`);
        }
      }
    }
  });

  it('a misspelt key suggests start', () => {
    assert.match(errorsOf(paging('strat: 3'))[0]!.message, /unknown key 'strat'.*'start'.*; did you mean 'start'\?/);
  });
});

describe('start in the JSON report', () => {
  it('the block gives start as a step number (end written as the last step) and leaves it out when absent', () => {
    const block = reportBlock(paging('start: end'), 1, 0) as { start?: number };
    assert.equal(block.start, 20);
    assert.equal('start' in reportBlock(paging(''), 1, 0), false);
  });

  it('the streamed report gives the same start as the whole one', () => {
    let out = '';
    writeReport([{ line: 1, parsed: parseScenario(paging('start: 4')) }], (s) => (out += s), { summary: true });
    assert.equal(JSON.parse(out)[0].start, 4);
  });
});

describe('start in the static fallback', () => {
  const fallback = (extra: string) => {
    const r = parseScenario(paging(extra));
    assert.ok(r.ok);
    return renderFallback(simulate(r.scenario), { maxTableSteps: 10 });
  };

  it('a run too long for a full table shows the state after the start step, with its metrics', () => {
    const html = fallback('start: 3');
    assert.match(html, /the table shows the state after step 3\./);
    assert.match(html, /<caption>FIFO, 3 frames: after step 3<\/caption>/);
    assert.match(html, /<dt>faults<\/dt><dd>3<\/dd>/);
  });

  it('without start, or at start 0 or end, a long run shows the state after its last step as before', () => {
    const before = fallback('');
    assert.match(before, /the state after the last one\./);
    assert.equal(fallback('start: 0'), before);
    assert.equal(fallback('start: end'), before);
  });

  it('a full table keeps every step whatever start says', () => {
    const r = parseScenario(paging('start: 3'));
    const s = parseScenario(paging(''));
    assert.ok(r.ok && s.ok);
    assert.equal(renderFallback(simulate(r.scenario)), renderFallback(simulate(s.scenario)));
  });
});
