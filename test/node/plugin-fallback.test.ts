import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { describeMetrics, type TableModel } from '../../engine/index.js';
import { attributes, escapeHtml } from '../../plugin/escape.js';
import { formatError, formatNumber, renderErrorBox, renderFallback, renderMetrics, renderTable } from '../../plugin/fallback.js';
import { bodyLineOffset, locateInFile } from '../../plugin/locate.js';
import { run } from './helpers.js';

describe('static fallback: HTML from the engine\'s table model', () => {
  it('escapes the five characters that can end text or an attribute in HTML', () => {
    assert.equal(escapeHtml(`<a href="x" title='y'>&amp;</a>`), '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;');
    assert.equal(attributes({ title: '"><script>', 'data-line': 3, skip: undefined }), ' title="&quot;&gt;&lt;script&gt;" data-line="3"');
  });

  it('draws a table model as a captioned table: column headers, a row header per row, classes on cells (tooltips left out)', () => {
    const model: TableModel = {
      caption: 'FIFO, 2 frames',
      head: [{ text: 'reference' }, { text: '1', title: 'step 1' }],
      rows: [
        [{ text: 'frame 0' }, { text: '1', classes: ['fault'], title: 'frame 0: page 1 (fault)' }],
        [{ text: 'frame 1' }, { text: '' }],
      ],
    };
    assert.equal(
      renderTable(model),
      '<div class="mem-sim-scroll" tabindex="0"><table class="mem-sim-table"><caption>FIFO, 2 frames</caption>' +
        '<thead><tr><th scope="col">reference</th><th scope="col">1</th></tr></thead>' +
        '<tbody><tr><th scope="row">frame 0</th><td class="fault">1</td></tr>' +
        '<tr><th scope="row">frame 1</th><td></td></tr></tbody></table></div>',
    );
  });

  it('escapes text from a scheme in captions, cells and classes', () => {
    const model: TableModel = {
      caption: '<i>x</i>',
      head: [{ text: '<b>', title: '"t"' }],
      rows: [[{ text: '<img src=x onerror=alert(1)>', classes: ['a"b'] }]],
    };
    const html = renderTable(model);
    assert.doesNotMatch(html, /<i>|<b>|<img/);
    assert.match(html, /<caption>&lt;i&gt;x&lt;\/i&gt;<\/caption>/);
    assert.doesNotMatch(html, /title=/);
    assert.match(html, /class="a&quot;b"/);
  });

  it("names metrics in the scheme's words and formats their values by kind: counts grouped, ratios as percentages, bytes as sizes", () => {
    const scheme = {
      metricDocs: [
        { key: 'faultsAfterFill', label: 'faults after fill', kind: 'count' },
        { key: 'hitRatio', label: 'hit ratio', kind: 'ratio' },
        { key: 'totalFree', label: 'total free', kind: 'bytes' },
      ] as const,
    };
    assert.equal(
      renderMetrics(describeMetrics(scheme, { faultsAfterFill: 1500, hitRatio: 0.25, totalFree: 16777216 })),
      '<dl class="mem-sim-metrics"><div><dt>faults after fill</dt><dd>1,500</dd></div><div><dt>hit ratio</dt><dd>25%</dd></div>' +
        '<div><dt>total free</dt><dd>16M</dd></div></dl>',
    );
    assert.equal(renderMetrics([{ key: 'a', label: '<b>', text: '1 & 2' }]), '<dl class="mem-sim-metrics"><div><dt>&lt;b&gt;</dt><dd>1 &amp; 2</dd></div></dl>');
  });

  it('writes numbers as textbooks print them: digits grouped by thousands, at most three decimals', () => {
    assert.deepEqual([0, 1500, 16777216, 0.25, 1234567.8915, 2 / 3].map(formatNumber), ['0', '1,500', '16,777,216', '0.25', '1,234,567.892', '0.667']);
  });

  it('every scheme builds the same table without titles when asked for none, which is what the fallback asks for', () => {
    const scenarios = [
      'scheme: vm-paging\nframes: 3\npolicy: FIFO, LRU, OPT, CLOCK\nrefs: 7 0:w 1 2 0 3 0 4 2 3',
      'scheme: dynamic\nmemory: 100K\ntrace: |\n  load A 10K\n  load B 10K\n  exit A\n  load C 90K',
      'scheme: fixed\nmemory: 64M\nos: 8M\npartitions: 2M, 4M, 6M, 8M, 8M, 12M, 16M\ntrace: |\n  load A 3M\n  load B 20M\n  exit A',
      'scheme: buddy\nmemory: 1M\ntrace: |\n  load A 100K\n  load B 240K\n  exit A',
    ];
    const untitled = (model: TableModel) => ({
      ...model,
      head: model.head.map(({ title: _, ...c }) => c),
      rows: model.rows.map((row) => row.map(({ title: _, ...c }) => c)),
    });
    for (const text of scenarios) {
      for (const t of run(text).runs) {
        const titled = t.scheme.table(t, 1, t.length);
        const bare = t.scheme.table(t, 1, t.length, { titles: false });
        assert.ok(titled.rows.flat().some((c) => c.title), `${t.run.label}: the default table has titles`);
        assert.ok([...bare.head, ...bare.rows.flat()].every((c) => c.title === undefined), `${t.run.label}: no titles`);
        assert.deepEqual(bare, untitled(titled), t.run.label);
      }
    }
  });

  it('Silberschatz, OSC, FIFO figure: the fallback of the 20-reference string shows 15 faults and the sentence of every step', () => {
    const sim = run('scheme: vm-paging\nframes: 3\npolicy: FIFO\nrefs: 7 0 1 2 0 3 0 4 2 3 0 3 2 1 2 0 1 7 0 1');
    const html = renderFallback(sim, { steps: true });
    assert.match(html, /^<div class="mem-sim-fallback">\n<div class="mem-sim-run">/);
    assert.match(html, /<dt>faults<\/dt><dd>15<\/dd>/);
    assert.equal((html.match(/<li>/g) ?? []).length, 20);
    assert.match(html, /<li>page 2 replaces page 7 in frame 0: [^<]*<\/li>/);
  });

  it('puts the title first when the scenario has one, and nothing when it has none', () => {
    assert.match(renderFallback(run('scheme: vm-paging\ntitle: Belady\nrefs: 1')), /^<div class="mem-sim-fallback">\n<p class="mem-sim-title">Belady<\/p>\n/);
    assert.doesNotMatch(renderFallback(run('scheme: vm-paging\nrefs: 1')), /mem-sim-title/);
  });

  it('formats an error as path:LINE:COL message, and the error box escapes both', () => {
    const e = { file: 'a<b>.md', line: 4, column: 2, message: "unknown key '<x>'" };
    assert.equal(formatError(e), "a<b>.md:4:2 unknown key '<x>'");
    assert.equal(formatError({ line: 1, column: 1, message: 'm' }), '1:1 m');
    assert.equal(
      renderErrorBox([e]),
      '<div class="mem-sim-fallback mem-sim-errors">\n<p>This memsim block has an error:</p>' +
        '<ul><li><code>a&lt;b&gt;.md:4:2</code> unknown key &#39;&lt;x&gt;&#39;</li></ul>\n</div>',
    );
    assert.match(renderErrorBox([e, e]), /has 2 errors:/);
  });
});

describe('locating a block in its file (Eleventy renders the body without front matter)', () => {
  const file = '---\ntitle: Paging\ntags: [os]\n---\n# Paging\n\n```memsim\nscheme: vm-paging\nrefs: 1\n```\n';
  const body = '# Paging\n\n```memsim\nscheme: vm-paging\nrefs: 1\n```\n';

  it('counts the front matter lines before the body', () => {
    assert.equal(bodyLineOffset(file, body), 4);
    assert.equal(bodyLineOffset(file), 4, 'from the --- delimiters when the body is not given');
    assert.equal(bodyLineOffset('---\n---\ntext', 'text'), 2);
    assert.equal(bodyLineOffset('---\n---\ntext'), 2, 'empty front matter');
    assert.equal(bodyLineOffset('# no front matter\n', '# no front matter\n'), 0);
    assert.equal(bodyLineOffset('---js\n{ title: "x" }\n---\nbody'), 3);
  });

  it('gives the file line of the opening fence', () => {
    assert.deepEqual(locateInFile(file, body, { line: 3, content: 'scheme: vm-paging\nrefs: 1\n' }), { line: 7, columns: [0, 0] });
  });

  it('finds the block by its text when a template engine moved lines before markdown-it saw them', () => {
    const liquid = '---\nx: 1\n---\n{% if true %}\nintro\n{% endif %}\n\n```memsim\nscheme: vm-paging\nrefs: 2\n```\n';
    // Liquid removed the two tag lines, so markdown-it saw the fence at line 4 of its text.
    assert.deepEqual(locateInFile(liquid, undefined, { line: 4, content: 'scheme: vm-paging\nrefs: 2\n' }), { line: 8, columns: [0, 0] });
  });

  it('picks the nearest of identical blocks, and the indentation of a fence inside a list', () => {
    const twice = '```memsim\nrefs: 1\n```\n\n- item\n\n  ```memsim\n  refs: 1\n  ```\n';
    assert.deepEqual(locateInFile(twice, twice, { line: 7, content: 'refs: 1\n' }), { line: 7, columns: [2] });
    assert.deepEqual(locateInFile(twice, twice, { line: 1, content: 'refs: 1\n' }), { line: 1, columns: [0] });
  });
});
