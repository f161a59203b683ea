import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { latePresentation, type PresentationHalf } from '../../engine/presentation.js';
import { parseScenario, reportBlock } from '../../engine/report.js';
import { simulate } from '../../engine/scenario.js';
import type { BuiltScheme } from '../../engine/schemes/registry.js';

/** One small scenario per scheme; typed by the registry, so a new scheme must add one. */
const TINY: Record<BuiltScheme, string> = {
  'vm-paging': 'scheme: vm-paging\nframes: 3\nrefs: 7 0 1 2 0 3\n',
  dynamic: 'scheme: dynamic\nmemory: 64M\ntrace: |\n  load P1 20M\n  exit P1\n',
  fixed: 'scheme: fixed\nmemory: 64M\npartitions: 8 x 8M\ntrace: |\n  load A 5M\n',
  buddy: 'scheme: buddy\nmemory: 1M\ntrace: |\n  load A 100K\n',
  relocation: 'scheme: relocation\nbase: 32K\nbounds: 16K\naccess: 128\n',
  paging: 'scheme: paging\npage-size: 1K\nframes: 8\ntrace: |\n  load A 3500\n  access A 1502\n',
  'stack-heap': 'scheme: stack-heap\nheap: 100\ntrace: |\n  call main\n  p = malloc 16\n  free p\n',
};

const half: PresentationHalf = {
  stepReport: () => ({ step: true }),
  finalReport: () => ({ final: true }),
  table: () => ({ caption: 'c', head: [], rows: [] }),
  mermaid: () => 'flowchart TB',
};
const run = { label: 'r', fields: {} };

describe('a late presentation half: the report, table and diagram load on present()', () => {
  it('refuses a member called before present() settled, naming what to await', () => {
    const late = latePresentation(async () => half);
    assert.throws(() => late.mermaid({}, run, {}, undefined), /await its present\(\) first/);
  });

  it('delegates every member to the loaded half once present() settled', async () => {
    const late = latePresentation(async () => half);
    await late.present();
    assert.deepEqual(late.stepReport({}, run, {}, { line: 1, sentence: '' }), { step: true });
    assert.deepEqual(late.finalReport({}, run, {}), { final: true });
    assert.equal(late.mermaid({}, run, {}, undefined), 'flowchart TB');
  });

  it('loads once however often present() is called, and again after a failed load', async () => {
    let loads = 0;
    let fail = true;
    const late = latePresentation(async () => {
      loads++;
      if (fail) throw new Error('offline');
      return half;
    });
    await assert.rejects(late.present(), /offline/);
    fail = false;
    await Promise.all([late.present(), late.present()]);
    await late.present();
    assert.equal(loads, 2);
  });

  it('is loaded for every scheme a Node program gets from the engine, so its members answer synchronously', () => {
    for (const [name, text] of Object.entries(TINY)) {
      const parsed = parseScenario(text);
      assert.ok(parsed.ok, name);
      const t = simulate(parsed.scenario).runs[0]!;
      assert.match(t.mermaidAt(t.length), /^flowchart/, name);
      assert.ok(t.scheme.table(t, 1, t.length).rows.length > 0, name);
      assert.ok('runs' in reportBlock(text, 1, 0), name);
    }
  });
});
