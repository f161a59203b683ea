/**
 * Metrics read the same everywhere: the element, the static fallback and the CLI's text all show
 * each scheme's words for its metrics and one formatting of their values (engine/metrics.ts).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { main, type Io } from '../../cli/main.js';
import { describeMetrics, formatMetric, SCHEMES, BUILT_SCHEMES, type BuiltScheme } from '../../engine/index.js';
import { renderFallback } from '../../plugin/fallback.js';
import { run } from './helpers.js';

/** One scenario per built scheme; typed by the registry, so a new scheme needs one here to type-check. */
const SCENARIOS: Record<BuiltScheme, string> = {
  // With a TLB and an address width, so every metric the scheme can report appears.
  'vm-paging': 'scheme: vm-paging\nframes: 3\npolicy: [FIFO, CLOCK]\ntlb: 2\npage-size: 4\naddress-bits: 8\nrefs: 7 0 1 2 0 3 0:w 4 2 3 0 3 2 1 2 0 1 7 0 1\n',
  dynamic: 'scheme: dynamic\nmemory: 64M\nos: 8M\nplacement: [first-fit, best-fit]\ntrace: |\n  load P1 20M\n  load P2 14M\n  load P3 18M\n  swap-out P2\n  load P4 8M\n  load P5 30M\n',
  fixed: 'scheme: fixed\nmemory: 64M\nos: 8M\npartitions: 2M, 4M, 6M, 8M, 8M, 12M, 16M\ntrace: |\n  load A 5M\n  load B 7M\n  load C 20M\n',
  buddy: 'scheme: buddy\nmemory: 1M\ntrace: |\n  load A 100K\n  load B 240K\n  load C 64K\n',
  relocation: 'scheme: relocation\nbase: 32K\nbounds: 16K\naccess: 0 128 20000\n',
  paging: 'scheme: paging\npage-size: 1K\nframes: 8\nos: 1K\ntrace: |\n  load A 3500\n  load B 2 pages\n  access A 1502\n  load C 3 pages\n',
  'stack-heap': 'scheme: stack-heap\nheap: 100\nplacement: first-fit, best-fit\ntrace: |\n  call main\n  p = malloc 16\n  q = malloc 200\n  p = null\n  free q\n',
};

/** The metrics the CLI printed for each run: the line after the last table of the run. */
function cliMetricLines(text: string): string[] {
  const out: string[] = [];
  const io: Io = { out: (s) => out.push(s), err: (s) => assert.fail(s), read: () => `# t\n\n\`\`\`memsim\n${text}\`\`\`\n` };
  assert.equal(main(['run', 'post.md'], io), 0);
  return out.join('\n').split('\n');
}

/** The fallback's `<dt>label</dt><dd>text</dd>` pairs, run by run. */
function fallbackMetrics(html: string): string[][] {
  return [...html.matchAll(/<dl class="mem-sim-metrics">(.*?)<\/dl>/g)].map((m) => [...m[1]!.matchAll(/<dt>(.*?)<\/dt><dd>(.*?)<\/dd>/g)].map((p) => `${p[1]} ${p[2]}`));
}

describe('metrics: one meaning in every view', () => {
  for (const name of BUILT_SCHEMES) {
    it(`${name}: metricDocs describe every metric the scheme reports, in its order`, () => {
      const sim = run(SCENARIOS[name]);
      const module = SCHEMES[name]!;
      for (const t of sim.runs) assert.deepEqual(module.metricDocs.map((d) => d.key), Object.keys(t.metricsAt(t.length)));
    });

    it(`${name}: the element, the static fallback and the CLI show the same words and numbers`, () => {
      const sim = run(SCENARIOS[name]);
      // What the element shows: components/metrics.ts renders describeMetrics(timeline.scheme, ...).
      const element = sim.runs.map((t) => describeMetrics(t.scheme, t.metricsAt(t.length)).map((m) => `${m.label} ${m.text}`));
      assert.deepEqual(fallbackMetrics(renderFallback(sim)), element);
      const lines = cliMetricLines(SCENARIOS[name]);
      for (const items of element) assert.ok(lines.includes(items.join(', ')), `the CLI printed ${JSON.stringify(items.join(', '))}`);
    });
  }

  it('ratios read as percentages, bytes as sizes, counts with thousands separators', () => {
    assert.equal(formatMetric('ratio', 0.25), '25%');
    assert.equal(formatMetric('ratio', 0.714), '71.4%');
    assert.equal(formatMetric('bytes', 16 * 1024 * 1024), '16M');
    assert.equal(formatMetric('count', 1234567), '1,234,567');
  });
});
