import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseScenario } from '../../engine/index.js';
import { renderBlock } from '../../plugin/block.js';
import { FIELDS, PAYLOADS, scenarioWith } from '../fixtures/payloads.js';
import { runCli, TERMINAL_CONTROLS } from '../fuzz/harness.js';
import { decodeEntities, unexpectedMarkup } from '../html-check.js';

/** Every payload in every text field of every built scheme. */
const CASES = Object.entries(FIELDS).flatMap(([scheme, fields]) => fields.flatMap((field) => PAYLOADS.map((p) => ({ scheme, field, p, text: scenarioWith(scheme, field, p) }))));

/** What Mermaid reads as syntax outside a quoted label: directives, click handlers, styles, class shorthands (the engine's `-->` aside). */
const MERMAID_SYNTAX = /%%|\bclick\b|\bcall\b|\bhref\b|javascript|:::|\bstyle\b|\blinkStyle\b|[<`"{}]/i;
/** Everything a label may hold once the engine has escaped it (`#60;` entity codes for the rest). */
const LABEL = /^[A-Za-z0-9 .,:;+\-_/=*#]*$/;

describe('hostile input: script payloads in every text field of every scheme', () => {
  it(`the corpus has at least 50 payloads, each one calling the probe`, () => {
    assert.ok(PAYLOADS.length >= 50, `${PAYLOADS.length} payloads`);
    for (const p of PAYLOADS) {
      assert.match(p.text, /__memsimPwned\(\d+\)/, `payload ${p.id} would not call the probe`);
      assert.ok(!p.text.includes('\n'), `payload ${p.id} holds a line break`);
    }
  });

  it('each field takes the payload: a valid scenario, or one refused with errors quoting it', () => {
    const accepted = new Map<string, number>();
    for (const c of CASES) {
      const r = parseScenario(c.text);
      const key = `${c.scheme} ${c.field}`;
      if (r.ok) accepted.set(key, (accepted.get(key) ?? 0) + 1);
    }
    // free text (titles, names) is accepted; so the valid path is exercised in every scheme
    for (const [scheme, fields] of Object.entries(FIELDS)) {
      assert.equal(accepted.get(`${scheme} title`), PAYLOADS.length, `${scheme} titles`);
      if (fields.includes('name')) assert.ok((accepted.get(`${scheme} name`) ?? 0) >= PAYLOADS.length / 2, `${scheme} names`);
    }
  });

  it('the static fallback and the error box hold no element, attribute or URL that came from a payload', () => {
    for (const c of CASES) {
      const { html } = renderBlock(c.text, { line: 1 }, { steps: true, mermaid: true });
      assert.deepEqual(unexpectedMarkup(html), [], `${c.scheme} ${c.field}, payload ${c.p.id}`);
    }
  });

  it('the Mermaid source in the fallback keeps every payload inside escaped labels: no directive, click, style or quote', () => {
    for (const c of CASES) {
      const { html } = renderBlock(c.text, { line: 1 }, { mermaid: true });
      for (const m of html.matchAll(/<pre class="mermaid">([^<]*)<\/pre>/g)) {
        const source = decodeEntities(m[1]!);
        for (const line of source.split('\n')) {
          const labels = [...line.matchAll(/"([^"]*)"/g)].map((x) => x[1]!);
          for (const l of labels) assert.match(l, LABEL, `${c.scheme} ${c.field}, payload ${c.p.id}: label ${l}`);
          const outside = line.replace(/"[^"]*"/g, '""').replace(/""/g, '');
          assert.doesNotMatch(outside, MERMAID_SYNTAX, `${c.scheme} ${c.field}, payload ${c.p.id}: ${line}`);
        }
      }
    }
  });

  it('the CLI prints no control character of a payload raw', () => {
    for (const c of CASES) {
      const r = runCli(c.text);
      assert.doesNotMatch(r.out + r.err, TERMINAL_CONTROLS, `${c.scheme} ${c.field}, payload ${c.p.id}`);
    }
  });
});
