import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import markdownIt from 'markdown-it';
import memSim, { isMemSimFence, MemSimError, type LocatedError } from '../../plugin/markdown-it.js';

const SILBERSCHATZ = '7 0 1 2 0 3 0 4 2 3 0 3 2 1 2 0 1 7 0 1';
const fence = (body: string, info = 'memsim') => `\`\`\`${info}\n${body}\n\`\`\`\n`;

/** The text inside the first element of `tag` with `class` (no nesting of the same tag expected). */
function inner(html: string, tag: string, cls: string): string[] {
  const re = new RegExp(`<${tag}[^>]*class="${cls}"[^>]*>([\\s\\S]*?)</${tag}>`, 'g');
  return [...html.matchAll(re)].map((m) => m[1]!);
}

describe('markdown-it plugin: the memsim fence', () => {
  it('the published mem-sim/markdown-it (lib/bundled/) renders what the source plugin renders, and fails the same way', async () => {
    const published = await import('mem-sim/markdown-it');
    const text = fence(`scheme: vm-paging\ntitle: Silberschatz <FIFO> & LRU\nframes: 3\npolicy: FIFO, LRU\nrefs: ${SILBERSCHATZ}`);
    assert.equal(markdownIt().use(published.default).render(text), markdownIt().use(memSim).render(text));
    const broken = fence('scheme: vm-paging\nframes: 3\npolicy: LFUU\nrefs: 1 2');
    assert.throws(() => markdownIt().use(published.default).render(broken, { path: 'posts/a.md' }), (e: Error) => {
      assert.equal(e.name, 'MemSimError');
      assert.match(e.message, /^posts\/a\.md:4:9 unknown policy 'LFUU'/);
      return true;
    });
  });

  it('turns a memsim fence into <mem-sim> holding the escaped scenario in pre > code.language-memsim (the markup contract)', () => {
    const md = markdownIt().use(memSim);
    const html = md.render(fence('scheme: vm-paging\nframes: 2\nrefs: 1 2 1'));
    assert.ok(html.startsWith('<mem-sim data-line="1"><pre><code class="language-memsim">scheme: vm-paging\nframes: 2\nrefs: 1 2 1\n</code></pre>\n<div class="mem-sim-fallback">'), html);
    assert.ok(html.endsWith('</div></mem-sim>\n'));
  });

  it('the fallback holds the textbook table of every run: Silberschatz, OSC, FIFO, LRU and OPT with 3 frames fault 15, 12 and 9 times', () => {
    const md = markdownIt().use(memSim);
    const html = md.render(fence(`scheme: vm-paging\nframes: 3\npolicy: FIFO, LRU, OPT\nrefs: ${SILBERSCHATZ}`));
    assert.deepEqual(inner(html, 'table', 'mem-sim-table').map((t) => /<caption>(.*?)<\/caption>/.exec(t)![1]), [
      'FIFO, 3 frames',
      'LRU, 3 frames',
      'OPT, 3 frames',
    ]);
    // 20 reference columns plus the row-label column, in every table
    for (const table of inner(html, 'table', 'mem-sim-table')) {
      const headCells = /<thead>([\s\S]*?)<\/thead>/.exec(table)![1]!.match(/<th /g)!.length;
      assert.equal(headCells, 21);
    }
    const faults = [...html.matchAll(/<dt>faults<\/dt><dd>(\d+)<\/dd>/g)].map((m) => Number(m[1]));
    assert.deepEqual(faults, [15, 12, 9]);
  });

  it("compares frame counts side by side: Belady's anomaly, FIFO with 3 and 4 frames faults 9 and 10 times (Silberschatz, OSC)", () => {
    const md = markdownIt().use(memSim);
    const html = md.render(fence('scheme: vm-paging\nframes: 3, 4\npolicy: FIFO\nrefs: 1 2 3 4 1 2 5 1 2 3 4 5'));
    assert.deepEqual([...html.matchAll(/<dt>faults<\/dt><dd>(\d+)<\/dd>/g)].map((m) => Number(m[1])), [9, 10]);
    assert.equal((html.match(/<tr><th scope="row">frame 3<\/th>/g) ?? []).length, 1, 'only the 4-frame table has a frame 3 row');
  });

  it('leaves every other fence exactly as markdown-it renders it without the plugin', () => {
    const doc = [
      fence('let a = 1 < 2;', 'js'),
      fence('plain <b>text</b>', 'text'),
      fence('no language', ''),
      fence('scheme: vm-paging', 'yaml'),
      fence('memsim in the info, not first', 'text memsim'),
      '~~~python\nprint("hi")\n~~~\n',
      '> quoted\n',
    ].join('\n');
    assert.equal(markdownIt().use(memSim).render(doc), markdownIt().render(doc));
  });

  it('hands other fences to the fence rule that was there before it, and that rule never sees memsim fences', () => {
    const md = markdownIt();
    const seen: string[] = [];
    md.renderer.rules.fence = (tokens, idx) => {
      seen.push(tokens[idx]!.info);
      return `<custom>${tokens[idx]!.info}</custom>\n`;
    };
    md.use(memSim);
    const html = md.render(fence('x', 'js') + fence('scheme: vm-paging\nrefs: 1'));
    assert.deepEqual(seen, ['js']);
    assert.ok(html.startsWith('<custom>js</custom>\n<mem-sim'));
  });

  it('reads the language from the first word of the info string, in any letter case', () => {
    assert.equal(isMemSimFence('memsim'), true);
    assert.equal(isMemSimFence(' MemSim  title'), true);
    assert.equal(isMemSimFence('memsimx'), false);
    assert.equal(isMemSimFence('yaml memsim'), false);
    assert.equal(isMemSimFence(''), false);
  });

  it('escapes the scenario everywhere it appears: markup in a title never reaches the page as markup', () => {
    const md = markdownIt().use(memSim);
    const html = md.render(fence('scheme: vm-paging\ntitle: "<img src=x onerror=alert(1)> & </code></pre><script>alert(2)</script>"\nrefs: 1 2'));
    assert.doesNotMatch(html, /<img|<script/);
    assert.match(html, /<code class="language-memsim">scheme: vm-paging\ntitle: &quot;&lt;img src=x onerror=alert\(1\)&gt; &amp; &lt;\/code&gt;&lt;\/pre&gt;&lt;script&gt;/);
    assert.deepEqual(inner(html, 'p', 'mem-sim-title'), ['&lt;img src=x onerror=alert(1)&gt; &amp; &lt;/code&gt;&lt;/pre&gt;&lt;script&gt;alert(2)&lt;/script&gt;']);
  });

  it('throws a MemSimError whose message is path:LINE:COL message, LINE counted in the markdown text', () => {
    const md = markdownIt().use(memSim);
    const text = `# Title\n\nSome text.\n\n${fence('scheme: vm-paging\nframez: 3\nrefs: 1 2')}`;
    assert.throws(
      () => md.render(text, { path: 'notes/paging.md' }),
      (e: unknown) => {
        assert.ok(e instanceof MemSimError);
        assert.equal(e.message, "notes/paging.md:7:1 unknown key 'framez' for scheme vm-paging: expected 'title', 'start', 'frames', 'policy', 'refs', 'window', 'seed', 'clear-interval', 'aging-bits', 'page-size', 'tlb', 'levels', 'memory-latency', 'tlb-latency', 'fault-latency', 'address-bits' or 'pte-size'; did you mean 'frames'?");
        assert.deepEqual(e.errors.map((x) => [x.file, x.line, x.column]), [['notes/paging.md', 7, 1]]);
        return true;
      },
    );
  });

  it('reports every error of a block, one line each', () => {
    const md = markdownIt().use(memSim);
    assert.throws(
      () => md.render(fence('scheme: vm-paging\npolicy: FIFO, LRUU\nrefs: 1 x 2')),
      (e: unknown) => {
        const lines = (e as Error).message.split('\n');
        assert.equal(lines.length, 2);
        assert.match(lines[0]!, /^3:15 unknown policy 'LRUU'/);
        assert.match(lines[1]!, /^4:9 'x' is not a reference/);
        return true;
      },
    );
  });

  it("with errors: 'inline', renders the errors (escaped) in the block's place and tells onError", () => {
    const reported: LocatedError[][] = [];
    const md = markdownIt().use(memSim, { errors: 'inline', onError: (errors) => reported.push(errors) });
    const html = md.render(fence('scheme: vm-paging\nrefs: 1 <b>2</b>'), { path: 'a.md' });
    assert.equal(reported.length, 1);
    assert.equal(reported[0]![0]!.line, 3);
    assert.match(html, /^<mem-sim data-line="1"><pre><code class="language-memsim">scheme: vm-paging\nrefs: 1 &lt;b&gt;2&lt;\/b&gt;\n<\/code><\/pre>\n<div class="mem-sim-fallback mem-sim-errors">/);
    assert.match(html, /<li><code>a\.md:3:9<\/code> &#39;&lt;b&gt;2&lt;\/b&gt;&#39; is not a reference/);
    assert.doesNotMatch(html, /<b>/);
  });

  it('asks the locate option where a block is, for lines of a file that markdown-it never saw whole', () => {
    const md = markdownIt().use(memSim, {
      locate: (env, block) => ({ file: env.file, line: block.line + 10, column: 2 }),
    });
    const html = md.render(`\n${fence('scheme: vm-paging\nrefs: 1')}`, { file: 'x.md' });
    assert.match(html, /^<mem-sim data-line="12">/);
    assert.throws(() => md.render(fence('scheme: vm-paging\nrefs: 1 q'), { file: 'x.md' }), {
      message: "x.md:13:11 'q' is not a reference: expected a page number such as 7, optionally followed by :r or :w (7:w)",
    });
  });

  it('a run over 2,000 steps shows only its final state and metrics in the fallback', () => {
    const refs = Array.from({ length: 2001 }, (_, i) => (i * 7) % 11).join(' ');
    const md = markdownIt().use(memSim, { steps: true });
    const html = md.render(fence(`scheme: vm-paging\nframes: 3\npolicy: FIFO, LRU\nrefs: ${refs}`));
    const tables = inner(html, 'table', 'mem-sim-table');
    assert.equal(tables.length, 2);
    for (const t of tables) {
      assert.match(t, /<caption>(FIFO|LRU), 3 frames: after step 2,001<\/caption>/);
      assert.equal(/<thead>([\s\S]*?)<\/thead>/.exec(t)![1]!.match(/<th /g)!.length, 2, 'the label column and the last step only');
    }
    assert.equal(inner(html, 'p', 'mem-sim-note').length, 2);
    assert.equal(inner(html, 'dl', 'mem-sim-metrics').length, 2);
    assert.doesNotMatch(html, /<details/, 'no step-by-step list for a long run');
  });

  it('a run of exactly 2,000 steps still gets the full table', () => {
    const refs = Array.from({ length: 2000 }, (_, i) => i % 5).join(' ');
    const html = markdownIt().use(memSim).render(fence(`scheme: vm-paging\nframes: 3\nrefs: ${refs}`));
    assert.equal(/<thead>([\s\S]*?)<\/thead>/.exec(html)![1]!.match(/<th /g)!.length, 2001);
  });

  it('lists the sentence of every step only when asked (steps: true)', () => {
    const text = fence('scheme: vm-paging\nframes: 2\nrefs: 1 2 1');
    assert.doesNotMatch(markdownIt().use(memSim).render(text), /<details/);
    assert.match(
      markdownIt().use(memSim, { steps: true }).render(text),
      /<details class="mem-sim-steps"><summary>Step by step: FIFO, 2 frames<\/summary><ol><li>page 1 is loaded into empty frame 0<\/li><li>page 2 is loaded into empty frame 1<\/li><li>page 1 is already in frame 0: a hit<\/li><\/ol><\/details>/,
    );
  });

  it('maxTableSteps, steps and mermaid options shape the fallback', () => {
    const md = markdownIt().use(memSim, { maxTableSteps: 3, steps: false, mermaid: true });
    const html = md.render(fence('scheme: vm-paging\nframes: 2\nrefs: 1 2 3 1'));
    assert.match(html, /<caption>FIFO, 2 frames: after step 4<\/caption>/);
    assert.doesNotMatch(html, /<details/);
    const mermaid = inner(html, 'pre', 'mermaid');
    assert.equal(mermaid.length, 1);
    assert.match(mermaid[0]!, /^flowchart LR\n/);
    assert.match(mermaid[0]!, /&quot;frame 0: page 3&quot;/, 'the last step: 3 replaced 1 in frame 0; quotes escaped for HTML');
    assert.doesNotMatch(mermaid[0]!, /[<>]/);
  });
});
