/**
 * Stack-heap's sentences are composed when first read, from what each step kept (sentences.ts). The
 * fixture holds 60 random programs (every fit, free-list order, header, alignment, calls with pointer
 * parameters, returns, frees and double frees, stack overflows, leaks) and the sentences the engine
 * wrote for them when it still built each sentence during its step (recorded from 8765ecc).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { run } from './helpers.js';

const cases = JSON.parse(readFileSync(new URL('../fixtures/stack-heap-sentences.json', import.meta.url), 'utf8')) as { text: string; sentences: string[][] }[];

describe('stack-heap: sentences', () => {
  it('every step says, word for word, what the engine said when it wrote each sentence during its step', () => {
    for (const [k, c] of cases.entries()) {
      const sim = run(c.text);
      // Read from the last step back, after the whole run: a sentence that read the state would tell the end.
      const said = sim.runs.map((t) => t.events.map((_, i) => t.eventAt(t.length - i)!.sentence).reverse());
      assert.deepEqual(said, c.sentences, `case ${k}:\n${c.text}`);
    }
  });
});
