import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { silberschatzDynamic } from '../textbook-scenarios.js';
import { run } from './helpers.js';

const trace = (...ops: string[]) => `trace: |\n${ops.map((o) => `  ${o}`).join('\n')}\n`;
/** The Mermaid source of run `r` after `step` operations. */
const diagram = (text: string, step: number, r = 0) => run(text).runs[r]!.mermaidAt(step);
/** The labels of the nodes whose id starts with `prefix`, in the order drawn. */
const labels = (src: string, prefix: string) => [...src.matchAll(new RegExp(`^ *${prefix}\\w*\\(?\\[\\(?"([^"]*)"`, 'gm'))].map((m) => m[1]!);
/** The ids given class `name`. */
const classed = (src: string, name: string) => src.match(new RegExp(`^  class (\\S+) ${name}$`, 'm'))?.[1]!.split(',') ?? [];
/** No line of the source is a label holding a raw character Mermaid or HTML could read as syntax. */
const assertEscaped = (src: string) => {
  for (const l of src.matchAll(/"([^"]*)"/g)) assert.match(l[1]!, /^[A-Za-z0-9 .,:;+\-_/=*#]*$/, l[1]);
};

describe('dynamic partitioning: the diagram draws the placement search, which the memory bar cannot', () => {
  it("dynamic's diagram lists the holes the search examined, in the order examined, the chosen one marked", () => {
    const src = diagram(silberschatzDynamic('first-fit'), 1);
    assert.match(src, /^flowchart TB\n  subgraph free\["first-fit for A 212K: 2 of 5 holes examined"\]/);
    assert.deepEqual(labels(src, 'h'), ['100K at 0: 1st, too small', '500K at 150K: 2nd, chosen', '200K at 700K', '300K at 950K', '600K at 1300K']);
    assert.deepEqual(classed(src, 'current'), ['h1']);
    assert.match(src, /^  proc\(\["A 212K"\]\)\n  proc -->\|"takes 212K"\| h1$/m);
  });
  it('best-fit examines every hole: those large enough but not the smallest say so', () => {
    const src = diagram(silberschatzDynamic('best-fit'), 1);
    assert.deepEqual(labels(src, 'h'), [
      '100K at 0: 1st, too small',
      '500K at 150K: 2nd, fits, larger',
      '200K at 700K: 3rd, too small',
      '300K at 950K: 4th, chosen',
      '600K at 1300K: 5th, fits, larger',
    ]);
  });
  it('the holes are drawn as they were when the search ran: the chosen hole whole, not what the process left of it', () => {
    const src = diagram(silberschatzDynamic('worst-fit'), 1);
    assert.match(src, /h4\["600K at 1300K: 5th, chosen"\]/);
    assert.doesNotMatch(src, /388K/);
  });
  it("next-fit's numbers start where the last placement ended and wrap around past the end of memory", () => {
    const text = 'scheme: dynamic\nmemory: 100K\nplacement: next-fit\n' + trace('load A 10K', 'load B 10K', 'load C 10K', 'exit A', 'load D 60K', 'exit B', 'load E 15K');
    const src = diagram(text, 7);
    assert.deepEqual(labels(src, 'h'), ['20K at 0: 2nd, chosen', '10K at 90K: 1st, too small']);
    assert.match(src, /next-fit for E 15K: 2 of 2 holes examined/);
  });
  it('a failed search marks every hole as too small and points the process at the waiting queue', () => {
    const src = diagram(silberschatzDynamic('first-fit'), 4);
    assert.equal(labels(src, 'h').filter((l) => l.endsWith('too small')).length, 5);
    assert.deepEqual(classed(src, 'current'), []);
    assert.match(src, /waiting\["waiting, in arrival order: D 426K"\]\n  proc -->\|"waits"\| waiting/);
  });
  it('a load that compacted memory on the way searched twice: the diagram draws the free list it left, with no search', () => {
    const text = 'scheme: dynamic\nmemory: 30K\nwhen-full: compact\n' + trace('load A 10K', 'load B 10K', 'exit A', 'load C 15K');
    const src = diagram(text, 4);
    assert.match(src, /subgraph free\["Free list: 1 hole, 5K free"\]/);
    assert.doesNotMatch(src, /chosen|examined/);
  });
  it('a step without a search draws the free list it left, and processes placed from the queue', () => {
    const src = diagram(silberschatzDynamic('first-fit') + '  exit B\n', 5);
    assert.match(src, /subgraph free\["Free list: 5 holes, 950K free"\]/);
    assert.match(src, /placed\["placed from the queue: D 426K"\]/);
  });
  it('a process name holding markup reaches the diagram only as entity codes', () => {
    const src = diagram('scheme: dynamic\nmemory: 60K\ntrace: |\n  load <b>"x"</b> 10K\n  load y 55K', 2);
    assert.match(src, /waiting\["waiting, in arrival order: y 55K"\]/);
    assert.match(src, /proc\(\["y 55K"\]\)/);
    const first = diagram('scheme: dynamic\nmemory: 30K\ntrace: |\n  load <b>"x"</b> 10K', 1);
    assert.match(first, /proc\(\["#60;b#62;#34;x#34;#60;\/b#62; 10K"\]\)/);
    assert.doesNotMatch(first, /<b>/);
    assertEscaped(first);
  });
  it('a step among a thousand holes stays a dozen hole nodes, the runs between them summed up', () => {
    const loads = Array.from({ length: 2000 }, (_, i) => `load P${i} 1K`);
    const exits = Array.from({ length: 1000 }, (_, i) => `exit P${2 * i}`);
    const text = 'scheme: dynamic\nmemory: 4M\nplacement: best-fit\n' + trace(...loads, ...exits, 'load Z 1K');
    const src = diagram(text, 3001);
    const holes = labels(src, 'h');
    assert.ok(holes.length <= 12, `${holes.length} hole nodes`);
    assert.match(src, /best-fit for Z 1K: 1,001 of 1,001 holes examined/);
    assert.match(src, /h0\["1K at 0: 1st, chosen"\]/);
    assert.match(src, /h3\["#8230; 996 more holes #40;996K#41;, all examined"\]/);
    assert.ok(src.split('\n').length < 50 && src.length < 4000, `${src.split('\n').length} lines, ${src.length} characters`);
  });
  it("a compaction draws each block that slid, from where to where, and the one hole it leaves (Stallings' P1..P4 layout, derived)", () => {
    const text = `scheme: dynamic\nmemory: 64M\nos: 8M\n${trace('load P1 20M', 'load P2 14M', 'load P3 18M', 'exit P2', 'load P4 8M', 'exit P1', 'compact')}`;
    const src = diagram(text, 7);
    assert.match(src, /subgraph compaction\["Compaction: 2 blocks slide toward address 0"\]/);
    assert.deepEqual(labels(src, 'm'), ['P4 8M: from 28M to 8M', 'P3 18M: from 42M to 16M']);
    assert.deepEqual(labels(src, 'h'), ['30M at 34M']);
    assert.match(src, /^  compaction -->\|"leaves one hole"\| free$/m);
    assert.doesNotMatch(diagram(text, 6), /compaction/);
  });
  it('when-full: compact draws the compaction a load made on the way, anonymous used memory included', () => {
    const text = `scheme: dynamic\nmemory: 40M\nos: 8M\nwhen-full: compact\nlayout: |\n  hole 2M\n  used 2M\n${trace('load A 10M', 'load B 10M', 'exit A', 'load C 12M')}`;
    const src = diagram(text, 4);
    assert.deepEqual(labels(src, 'm'), ['used block 2M: from 10M to 8M', 'B 10M: from 22M to 10M']);
    assert.deepEqual(classed(src, 'summary'), ['m0']);
  });
});

const UNEQUAL = 'scheme: fixed\nmemory: 64M\nos: 8M\npartitions: 2M, 4M, 6M, 8M, 8M, 12M, 16M\n';

describe('fixed partitioning: the diagram draws the queues and the loss inside partitions', () => {
  it("fixed's diagram lists the partitions in use with their process and the bytes lost inside, the free ones in one node", () => {
    const src = diagram(UNEQUAL + trace('load A 5M', 'load B 7M'), 2);
    assert.match(src, /subgraph parts\["Partitions, single queue, best-fit: 2M lost inside"\]/);
    assert.deepEqual(labels(src, 'p\\d'), ['#35;2 6M: A 5M, 1M lost', '#35;3 8M: B 7M, 1M lost']);
    assert.match(src, /freeparts\["free: #35;0 2M, #35;1 4M, #35;4 8M, #35;5 12M, #35;6 16M"\]/);
    assert.match(src, /p2 ~~~ p3\n    p3 ~~~ freeparts/);
    assert.match(src, /proc\(\["B 7M"\]\)\n  proc -->\|"takes"\| p3/);
    assert.deepEqual(classed(src, 'current'), ['p3']);
  });
  it('with a single queue, the queue points at all the partitions, labelled with the placement policy', () => {
    const src = diagram('scheme: fixed\nmemory: 16M\npartitions: 2 x 8M\n' + trace('load A 8M', 'load B 8M', 'load C 1M'), 3);
    assert.match(src, /queue\["single queue: C 1M"\]\n  queue -->\|"best-fit"\| parts/);
    assert.match(src, /proc -->\|"waits"\| queue/);
    assert.match(src, /p0\["#35;0 8M: A 8M, no loss"\]/);
  });
  it('with one queue per partition, each queue hangs above its partition and the waiting process points at it', () => {
    const src = diagram(UNEQUAL + 'queue: per-partition\n' + trace('load B 7M', 'load C 7M', 'load D 7M'), 3);
    assert.match(src, /q3\["queue of #35;3: C 7M, D 7M"\]\n  q3 --> p3/);
    assert.match(src, /proc\(\["D 7M"\]\)\n  proc -->\|"waits"\| q3/);
  });
  it('a process name holding markup reaches the diagram only as entity codes', () => {
    const src = diagram('scheme: fixed\nos: 1M\npartitions: 2M, 2M\n' + trace('load "a<b" 1M'), 1);
    assert.match(src, /p0\["#35;0 2M: #34;a#60;b#34; 1M, 1M lost"\]/);
    assert.doesNotMatch(src, /a<b/);
    assertEscaped(src);
  });
  it('a table of hundreds of partitions with a long queue stays a dozen nodes, the rest summed up', () => {
    const loads = Array.from({ length: 900 }, (_, i) => `load P${i} ${((i % 3) + 1) * 1024 - 100}`);
    const src = diagram('scheme: fixed\nmemory: 8M\npartitions: 200 x 1K, 200 x 2K, 200 x 3K\n' + trace(...loads), 900);
    assert.ok(labels(src, 'p\\d').length <= 5);
    assert.match(src, /heldparts\["#8230; 595 more in use, 59500B lost"\]/);
    assert.match(src, /queue\["single queue: P600 924B, P601 1948B, P602 2972B, P603 924B, P604 1948B, P605 2972B, #8230; 294 more #40;\w+#41;"\]/);
    assert.ok(src.split('\n').length < 40 && src.length < 3000, `${src.split('\n').length} lines, ${src.length} characters`);
  });
  it('with one queue per partition, queues beyond the partitions drawn are summed up in one node', () => {
    const loads = Array.from({ length: 24 }, (_, i) => `load P${i} ${(i % 8) + 1}K`);
    const src = diagram('scheme: fixed\nmemory: 1M\npartitions: 1K, 2K, 3K, 4K, 5K, 6K, 7K, 8K\nqueue: per-partition\n' + trace(...loads), 24);
    assert.equal(labels(src, 'q').length, 5);
    assert.match(src, /moreq\["6 more waiting in the queues of 3 more partitions"\]\n  moreq --> heldparts/);
  });
});

describe('buddy system: the diagram draws the split tree', () => {
  const STALLINGS = 'scheme: buddy\nmemory: 1M\n' + trace('load A 100K', 'load B 240K', 'load C 64K', 'load D 256K');
  it('split blocks stand above their two halves and the current blocks are the leaves', () => {
    const src = diagram(STALLINGS, 4);
    assert.match(src, /^flowchart TB\n  n0\(\["1M at 0"\]\)/);
    assert.match(src, /n3\["A: 128K at 0 #40;100K#41;"\]/);
    assert.match(src, /n0 --> n1\n  n0 --> n8$/m);
    assert.deepEqual(classed(src, 'split'), ['n0', 'n1', 'n2', 'n4', 'n8']);
    assert.deepEqual(classed(src, 'free'), ['n6', 'n10']);
  });
  it('the blocks the step split and the block it gave out are outlined, and only those', () => {
    assert.deepEqual(classed(diagram(STALLINGS, 1), 'current'), ['n0', 'n1', 'n2', 'n3']);
    // D splits the upper 512K only; the root was split by A.
    assert.deepEqual(classed(diagram(STALLINGS, 4), 'current'), ['n8', 'n9']);
  });
  it('a process name holding markup reaches the diagram only as entity codes', () => {
    const src = diagram('scheme: buddy\nmemory: 1M\ntrace: |\n  load <A> 100K\n  load B 2M', 1);
    assert.match(src, /n3\["#60;A#62;: 128K at 0 #40;100K#41;"\]/);
    assert.doesNotMatch(src, /<A>/);
    assertEscaped(src);
  });
  it('a tree of hundreds of blocks is opened from the root until a few dozen nodes, each subtree below summed up', () => {
    const loads = Array.from({ length: 600 }, (_, i) => `load P${i} ${(i % 4) + 1}K`);
    const exits = Array.from({ length: 200 }, (_, i) => `exit P${3 * i}`);
    const src = diagram('scheme: buddy\nmemory: 4M\n' + trace(...loads, ...exits, 'load Z 3K'), 801);
    const nodes = src.match(/^  n\d+[[(]/gm)!.length;
    // the budget, and two nodes for each of the ten levels of the path down to Z's 4K block
    assert.ok(nodes <= 31 + 2 * 10, `${nodes} nodes`);
    assert.match(src, /\d+ blocks, \d+ free #40;\d+K#41;/);
    assert.match(src, /Z: 4K at \d+\w? #40;3K#41;/);
    assert.ok(src.split('\n').length < 150, `${src.split('\n').length} lines`);
  });
});

/**
 * Mermaid 11's own flowchart parser, without a browser: the diagram chunk sanitises labels with
 * DOMPurify, which needs a DOM, so its hooks are stubbed (parsing is what is tested, not sanitising).
 */
async function mermaidFlowchart(): Promise<(source: string) => string[]> {
  const purify = (await import('dompurify')).default as unknown as Record<string, unknown>;
  Object.assign(purify, { addHook() {}, removeHook() {}, removeHooks() {}, sanitize: (x: string) => x });
  const dir = 'node_modules/mermaid/dist/chunks/mermaid.core';
  const file = readdirSync(dir).find((f) => /^flowDiagram-\w+\.mjs$/.test(f))!;
  const { diagram } = await import(pathToFileURL(`${dir}/${file}`).href);
  return (source) => {
    const db = new diagram.db.constructor();
    diagram.parser.parser.yy = db;
    diagram.parser.parse(source);
    return [...db.getVertices().keys()] as string[];
  };
}

describe('the contiguous diagrams are valid Mermaid 11', () => {
  it("every step's diagram of every policy and queue parses with Mermaid's flowchart grammar, every node declared", async () => {
    const parse = await mermaidFlowchart();
    const scenarios = [
      silberschatzDynamic('first-fit, next-fit, best-fit, worst-fit') + '  exit B\n  compact\n',
      'scheme: dynamic\nmemory: 30K\nwhen-full: compact\n' + trace('load A 10K', 'load B 10K', 'exit A', 'load C 15K', 'swap-out B', 'load "a<b>" 20K'),
      'scheme: dynamic\nmemory: 30K\nwhen-full: swap\n' + trace('load A 10K', 'load B 10K', 'load C 15K', 'swap-in A'),
      UNEQUAL + trace('load A 5M', 'load B 7M', 'load C 7M', 'load D 7M', 'load E 1M', 'load F 30M', 'exit B', 'swap-out A'),
      UNEQUAL + 'queue: per-partition\n' + trace('load A 5M', 'load B 7M', 'load C 7M', 'load D 7M', 'exit B', 'swap-out C'),
      'scheme: buddy\nmemory: 1M\nos: 100K\n' + trace('load A 100K', 'load B 240K', 'load C 300K', 'load D 64K', 'exit B', 'swap-out D'),
    ];
    for (const text of scenarios) {
      for (const t of run(text).runs) {
        for (let i = 0; i <= t.length; i++) {
          const src = t.mermaidAt(i);
          // Nodes and subgraphs (an edge may point at a whole subgraph) are declared with a label.
          const declared = new Set([...src.matchAll(/^ +(?:subgraph )?(\w+)(?:\[|\(\[)"/gm)].map((m) => m[1]!));
          const undeclared = parse(src).filter((id) => !declared.has(id));
          assert.deepEqual(undeclared, [], `${t.run.label} step ${i}: an edge names an undeclared node\n${src}`);
        }
      }
    }
  });
});
