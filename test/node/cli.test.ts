import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { main, type Io } from '../../cli/main.js';
import { findBlocks } from '../../plugin/blocks.js';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));

function cli(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = { out: (s) => out.push(s), err: (s) => err.push(s), read: (p) => readFileSync(p, 'utf8') };
  const code = main(args, io);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('markdown blocks', () => {
  it('finds memsim fences with the line of the opening fence, front matter counted, quoted examples skipped', () => {
    const md = '---\na: 1\n---\n\n```memsim\nx: 1\n```\n\n````markdown\n```memsim\ny: 2\n```\n````\n\n~~~ memsim\nz: 3\n~~~\n';
    assert.deepEqual(findBlocks(md), [
      { line: 5, text: 'x: 1\n', columns: [0] },
      { line: 15, text: 'z: 3\n', columns: [0] },
    ]);
  });
  it('leaves other languages alone and removes a list item\'s indentation, noting it per line', () => {
    assert.deepEqual(findBlocks('```js\nx\n```\n- item\n\n  ```memsim\n  a: 1\n  ```\n'), [{ line: 6, text: 'a: 1\n', columns: [2] }]);
  });
});

describe('mem-sim check', () => {
  it('exits 0 and says how many blocks a valid file has', () => {
    const r = cli('check', fixture('paging-post.md'), fixture('belady.yaml'));
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /paging-post\.md: 2 memsim blocks, no errors/);
    assert.match(r.out, /belady\.yaml: 1 memsim block, no errors/);
  });
  it('prints path:LINE:COL message with LINE counted in the file (front matter before the block) and exits 1', () => {
    const r = cli('check', fixture('broken-post.md'));
    assert.equal(r.code, 1);
    const lines = r.err.split('\n');
    assert.equal(lines.length, 2);
    assert.match(lines[0]!, /broken-post\.md:7:1 unknown key 'frame' for scheme vm-paging: .*did you mean 'frames'\?$/);
    assert.match(lines[1]!, /broken-post\.md:13:9 '0x2' is an address, but the scenario has no page-size/);
  });
  it('a missing file is an error, not a crash', () => {
    const r = cli('check', '/nonexistent/file.md');
    assert.equal(r.code, 1);
    assert.match(r.err, /^\/nonexistent\/file\.md: cannot read the file \(no such file, ENOENT\)$/);
    assert.match(cli('check', tmpdir()).err, /: cannot read the file \(it is a folder, EISDIR\)$/);
  });
});

describe('mem-sim run', () => {
  it('prints the textbook table: the reference string across, a row per frame, faults marked, and the metrics', () => {
    const r = cli('run', fixture('paging-post.md'));
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /FIFO, 3 frames\nreference  7  0  1  2  0  3  0  4  2  3  0  3  2  1  2  0  1  7  0  1\nframe 0    7  7  7  2/);
    assert.match(r.out, /fault      F  F  F  F     F  F  F  F  F  F        F  F        F  F  F\nfaults 15, faults after fill 12, hits 5, hit ratio 25%, write-backs 0/);
    assert.match(r.out, /FIFO, 4 frames[\s\S]*faults 10,/);
  });
  it('a cell of several lines (the working set, a page a line) stacks them in its column, its row as tall as the largest set', () => {
    const file = join(tmpdir(), `mem-sim-ws-${process.pid}.md`);
    writeFileSync(file, '```memsim\nscheme: vm-paging\npolicy: WS\nwindow: 3\nrefs: 1 2 3 1 4 2\n```\n');
    try {
      const r = cli('run', file);
      assert.equal(r.code, 0, r.err);
      assert.match(r.out, /\nworking set \(window 3\)  1  1  1  1  1  1\n {27}2  2  2  3  2\n {30}3  3  4  4\nfault  /);
    } finally {
      rmSync(file);
    }
  });
  it('--json is the report of the contract: one object per block, runs per policy and frame count', () => {
    const r = cli('run', fixture('paging-post.md'), '--json');
    assert.equal(r.code, 0, r.err);
    const report = JSON.parse(r.out);
    assert.equal(report.length, 2);
    const [first, second] = report;
    assert.equal(first.scheme, 'vm-paging');
    assert.equal(first.line, 10);
    assert.equal(first.title, 'FIFO and LRU');
    assert.deepEqual(first.runs.map((x: any) => [x.policy, x.frames]), [['FIFO', 3], ['LRU', 3]]);
    assert.deepEqual(first.runs[0].steps[0], {
      line: 15,
      ref: '7',
      page: 7,
      fault: true,
      frame: 0,
      victim: null,
      contents: [7, null, null],
      write: false,
      writeBack: false,
      dirty: [false, false, false],
      sentence: 'page 7 is loaded into empty frame 0',
    });
    const { mermaid, ...final } = first.runs[0].final;
    assert.deepEqual(final, { faults: 15, faultsAfterFill: 12, hits: 5, hitRatio: 0.25, writeBacks: 0, contents: [7, 0, 1] });
    // every run's final carries the Mermaid source of its last step: page 1 in frame 2, the hit
    assert.match(mermaid, /^flowchart LR\n[\s\S]*f2\[.*frame 2: page 1[\s\S]*class p1,f2 current/);
    assert.equal(first.runs[0].steps.length, 20);
    assert.deepEqual(second.runs.map((x: any) => [x.policy, x.frames, x.final.faults]), [['FIFO', 3, 9], ['FIFO', 4, 10]]);
    assert.equal(second.line, 26);
  });
  it('an invalid block is {line, errors} in the report, makes run exit 1 and goes to stderr as path:LINE:COL', () => {
    const r = cli('run', fixture('broken-post.md'), '--json');
    assert.equal(r.code, 1);
    const report = JSON.parse(r.out);
    assert.deepEqual(report[0].line, 5);
    assert.deepEqual(report[0].errors[0], { line: 7, column: 1, message: report[0].errors[0].message });
    assert.match(r.err, /broken-post\.md:7:1 unknown key 'frame'/);
  });
  it('a YAML scenario file is one block at line 1', () => {
    const report = JSON.parse(cli('run', fixture('belady.yaml'), '--json').out);
    assert.equal(report[0].line, 1);
    assert.equal(report[0].runs[0].steps[0].line, 4);
  });
  it('usage errors exit 2 and say what to do; --help for each command exits 0', () => {
    assert.equal(cli('frobnicate').code, 2);
    assert.match(cli('frobnicate').err, /unknown command 'frobnicate'/);
    assert.equal(cli('run').code, 2);
    assert.equal(cli('run', 'a.md', '--jsno').code, 2);
    for (const c of ['check', 'run']) {
      const r = cli(c, '--help');
      assert.equal(r.code, 0);
      assert.match(r.out, new RegExp(`Usage: mem-sim ${c}`));
    }
    assert.match(cli('--help').out, /mem-sim check FILES/);
  });
  it('the installed bin runs the compiled CLI (npx mem-sim)', () => {
    const bin = fileURLToPath(new URL('../../bin/mem-sim.js', import.meta.url));
    assert.ok(existsSync(fileURLToPath(new URL('../../lib/cli/main.js', import.meta.url))), 'lib/ is built by prepare / npm test');
    const r = spawnSync(process.execPath, [bin, 'run', fixture('belady.yaml'), '--json'], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    assert.equal(JSON.parse(r.stdout)[0].runs[1].final.faults, 10);
    const bad = spawnSync(process.execPath, [bin, 'check', fixture('broken-post.md')], { encoding: 'utf8' });
    assert.equal(bad.status, 1);
  });
  it('a reader that closes the pipe early (| head) ends the run quietly, with status 0 and no EPIPE trace', () => {
    const bin = fileURLToPath(new URL('../../bin/mem-sim.js', import.meta.url));
    const docs = fileURLToPath(new URL('../../site/schemes/vm-paging.md', import.meta.url));
    // The shell reports the CLI's status and its stderr after head has closed the pipe after 10 bytes.
    const script = `"$0" "$1" run "$2" --json 2>"$3" | head -c 10 >/dev/null; echo "\${PIPESTATUS[0]}"; cat "$3"`;
    const r = spawnSync('bash', ['-c', script, process.execPath, bin, docs, join(tmpdir(), `mem-sim-epipe-${process.pid}.txt`)], { encoding: 'utf8' });
    assert.equal(r.stdout, '0\n');
  });
});

describe('terminal output: what a scenario says cannot control the terminal', () => {
  // ESC ]0;...BEL sets the window title, ESC [2J clears the screen.
  const TITLE_CONTROL = '\u001b]0;pwned\u0007\u001b[2J';
  const ESCAPED = '\\u001b]0;pwned\\u0007\\u001b[2J';
  /** Everything that would control a terminal but the line breaks the CLI lays out itself. */
  const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
  const files: Record<string, string> = {
    // YAML's double-quoted escapes: \e ESC, \a BEL, \t tab, \x9b CSI (C1), \u202e right-to-left override.
    'title.yaml': 'scheme: vm-paging\ntitle: "\\e]0;pwned\\a\\e[2J a\\tb \\x9b \\u202e \\u2067"\nframes: 1\nrefs: 1 2',
    'process.yaml': `scheme: dynamic\nmemory: 100K\ntrace: |\n  load A${TITLE_CONTROL} 30K\n  exit B${TITLE_CONTROL}\n`,
  };
  const term = (...args: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = main(args, { out: (s) => out.push(s), err: (s) => err.push(s), read: (p) => files[p]! });
    return { code, out: out.join('\n'), err };
  };

  it('mem-sim run prints a title escaped: \\u001b for ESC, the same for tab, C1 controls and bidi overrides and isolates', () => {
    const r = term('run', 'title.yaml');
    assert.equal(r.code, 0, r.err.join('\n'));
    assert.match(r.out, /^title\.yaml:1 {2}vm-paging: \\u001b\]0;pwned\\u0007\\u001b\[2J a\\u0009b \\u009b \\u202e \\u2067$/m);
    assert.doesNotMatch(r.out, RAW_CONTROL);
  });

  it('a process name is escaped in the table of run and in the error lines on stderr', () => {
    const r = term('run', 'process.yaml');
    assert.equal(r.code, 1);
    assert.deepEqual(r.err, [`process.yaml:5:8 cannot exit 'B${ESCAPED}': no process of that name has been loaded; did you mean 'A${ESCAPED}'?`]);
    assert.deepEqual(term('check', 'process.yaml').err, r.err);
    const fine: Record<string, string> = { ...files, 'process.yaml': files['process.yaml']!.replace(`exit B${TITLE_CONTROL}`, `exit A${TITLE_CONTROL}`) };
    const out: string[] = [];
    main(['run', 'process.yaml'], { out: (s) => out.push(s), err: () => {}, read: (p) => fine[p]! });
    assert.ok(out.join('\n').includes(`load A${ESCAPED} 30K`));
    assert.doesNotMatch(out.join('\n'), RAW_CONTROL);
  });

  it('an error line is one line: a line break in quoted scenario text cannot forge another path:LINE:COL line', () => {
    const err: string[] = [];
    main(['check', 'k.yaml'], { out: () => {}, err: (s) => err.push(s), read: () => 'scheme: vm-paging\n"x\\nk.yaml:1:1 fake": 1\nrefs: 1' });
    assert.equal(err.length, 1);
    assert.ok(!err[0]!.includes('\n') && err[0]!.includes('\\u000a'), err[0]);
  });

  it('--json stays valid JSON and gives back the same strings: \\uXXXX is also JSON\'s escape', () => {
    const r = term('run', 'title.yaml', '--json');
    assert.doesNotMatch(r.out, RAW_CONTROL);
    assert.equal(JSON.parse(r.out)[0].title, `${TITLE_CONTROL} a\tb \u009b \u202e \u2067`);
  });
});
