import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { MessageChannel, Worker } from 'node:worker_threads';
// @ts-expect-error: Eleventy ships no type declarations
import Eleventy from '@11ty/eleventy';
// The compiled package (npm test builds lib/ first): the worker thread runs lib/plugin/prerender-worker.js.
import { parseScenario, simulate } from '../../lib/engine/index.js';
import memSim from '../../lib/plugin/eleventy.js';
import { renderFallback } from '../../lib/plugin/fallback.js';
import { blockFilesUnder, distinctTexts, FallbackPrerenderer, MIN_BLOCKS_FOR_A_WORKER } from '../../lib/plugin/prerender.js';

const temp = mkdtempSync(join(tmpdir(), 'mem-sim-prerender-'));
after(() => rmSync(temp, { recursive: true, force: true }));

const block = (i: number) =>
  `scheme: vm-paging\ntitle: Part ${i}\nframes: ${1 + (i % 4)}\npolicy: ${['FIFO', 'LRU', 'OPT', 'CLOCK'][i % 4]}\nrefs: 7 0 1 2 0 3 0 4 2 3 ${i % 10}`;

/**
 * How long to wait for the worker thread: generous, since on a busy 2-core machine starting a thread and
 * loading the engine in it can take many seconds (a quiet machine needs well under one).
 */
const PATIENCE_MS = 60_000;

/** Waits (with a bound) until the worker has drawn `text`, as the fence rule would find it later in a build. */
async function drawn(p: FallbackPrerenderer, text: string): Promise<string | undefined> {
  const deadline = Date.now() + PATIENCE_MS;
  for (;;) {
    const html = p.take(text);
    if (html !== undefined || Date.now() > deadline) return html;
    await sleep(25);
  }
}

describe('prerendering fallbacks on a second thread (Eleventy plugin, compiled)', () => {
  it('the worker draws exactly the fallback the fence rule would draw, for the text markdown-it hands over', async () => {
    const texts = Array.from({ length: MIN_BLOCKS_FOR_A_WORKER }, (_, i) => block(i));
    const options = { maxTableSteps: 2000, steps: true, mermaid: true };
    const p = new FallbackPrerenderer(texts, options);
    try {
      for (const i of [0, 7, MIN_BLOCKS_FOR_A_WORKER - 1]) {
        const parsed = parseScenario(texts[i]!);
        assert.ok(parsed.ok);
        assert.equal(await drawn(p, `${texts[i]}\n`), renderFallback(simulate(parsed.scenario), options));
      }
      assert.equal(p.take('scheme: vm-paging\nrefs: 1 2 3\n'), undefined, 'a text it was not given is drawn by the caller');
    } finally {
      p.stop();
    }
  });

  it('an invalid block is never prerendered: the fence rule reports its errors itself', async () => {
    const texts = [...Array.from({ length: MIN_BLOCKS_FOR_A_WORKER }, (_, i) => block(i)), 'scheme: vm-paging\nframe: 3\nrefs: 1'];
    const p = new FallbackPrerenderer(texts, {});
    try {
      assert.ok(await drawn(p, texts[MIN_BLOCKS_FOR_A_WORKER - 1]!));
      assert.equal(p.take(texts[MIN_BLOCKS_FOR_A_WORKER]!), undefined);
    } finally {
      p.stop();
    }
  });

  it('the first block the worker has not drawn yet waits for the worker to finish, once, instead of being drawn twice', () => {
    const texts = Array.from({ length: MIN_BLOCKS_FOR_A_WORKER + 6 }, (_, i) => block(i));
    // A generous wait: on a loaded machine the worker may take longer than the build's 2 s to start.
    const p = new FallbackPrerenderer(texts, {}, 120_000);
    try {
      // Asked at once, before the worker can have started: the answer is the worker's, not undefined.
      const last = texts[texts.length - 1]!;
      const parsed = parseScenario(last);
      assert.ok(parsed.ok);
      assert.equal(p.take(last), renderFallback(simulate(parsed.scenario), {}));
      assert.equal(p.take('scheme: vm-paging\nrefs: 1 2 3'), undefined, 'a block it was not given is the fence rule\'s');
    } finally {
      p.stop();
    }
  });

  it('a site with few blocks starts no thread', () => {
    const p = new FallbackPrerenderer([block(1)], {});
    assert.equal(p.take(block(1)), undefined);
    p.stop();
  });

  it('given a folder, the worker finds the blocks itself and draws them; in a folder with few blocks it draws none', async () => {
    const many = join(temp, 'folder-many');
    mkdirSync(join(many, '_site'), { recursive: true });
    for (let i = 0; i < MIN_BLOCKS_FOR_A_WORKER; i++) writeFileSync(join(many, `p${i}.md`), `# ${i}\n\n\`\`\`memsim\n${block(i)}\n\`\`\`\n`);
    writeFileSync(join(many, '_site', 'skipped.md'), `\`\`\`memsim\n${block(99)}\n\`\`\`\n`);
    const p = new FallbackPrerenderer({ dir: many, skip: [join(many, '_site')] }, {});
    try {
      const parsed = parseScenario(block(5));
      assert.ok(parsed.ok);
      assert.equal(await drawn(p, `${block(5)}\n`), renderFallback(simulate(parsed.scenario), {}));
      assert.equal(p.take(block(99)), undefined, 'the skipped folder is not read');
      // The files it read, for the plugin to find block lines in without reading them again.
      const file = p.file(join(many, 'p5.md'));
      assert.equal(file?.text, readFileSync(join(many, 'p5.md'), 'utf8'));
      assert.deepEqual(file?.blocks.map((b) => b.line), [3]);
      assert.equal(p.file(join(many, '_site', 'skipped.md')), undefined);
    } finally {
      p.stop();
    }
    const few = join(temp, 'folder-few');
    mkdirSync(few, { recursive: true });
    writeFileSync(join(few, 'a.md'), `\`\`\`memsim\n${block(1)}\n\`\`\`\n`);
    const q = new FallbackPrerenderer({ dir: few, skip: [] }, {});
    try {
      // The worker ends (it posts null) without drawing: wait for that, then the block is the fence rule's.
      for (const deadline = Date.now() + PATIENCE_MS; (q as any).port && Date.now() < deadline; ) {
        q.take(block(1));
        await sleep(25);
      }
      assert.equal((q as any).port, undefined, 'the worker ended');
      assert.equal(q.take(block(1)), undefined);
    } finally {
      q.stop();
    }
  });

  it('finds the distinct memsim blocks of the markdown files under the input folder, skipping the output folder', () => {
    const input = join(temp, 'scan');
    mkdirSync(join(input, 'posts'), { recursive: true });
    mkdirSync(join(input, '_site'), { recursive: true });
    writeFileSync(join(input, 'posts', 'a.md'), `\`\`\`memsim\n${block(1)}\n\`\`\`\n\n\`\`\`memsim\n${block(2)}\n\`\`\`\n`);
    writeFileSync(join(input, 'b.md'), `---\nt: 1\n---\n\`\`\`memsim\n${block(1)}\n\`\`\`\n`);
    writeFileSync(join(input, '_site', 'c.md'), `\`\`\`memsim\n${block(3)}\n\`\`\`\n`);
    // Each text as markdown-it hands it to the fence rule: ending with a newline.
    assert.deepEqual(distinctTexts(blockFilesUnder(input, [join(input, '_site')])).sort(), [`${block(1)}\n`, `${block(2)}\n`].sort());
  });

  it('the published plugin (lib/bundled/, what mem-sim/eleventy resolves to) starts the worker file beside it, which draws the same fallbacks', async () => {
    const dir = new URL('../../lib/bundled/', import.meta.url);
    assert.equal(import.meta.resolve('mem-sim/eleventy'), new URL('eleventy.js', dir).href);
    const code = readdirSync(dir).map((f) => readFileSync(new URL(f, dir), 'utf8')).join('\n');
    assert.match(code, /new URL\('\.\/prerender-worker\.js', import\.meta\.url\)/);
    const texts = [block(1), block(2)];
    const { port1, port2 } = new MessageChannel();
    // `done` as the plugin passes it: the worker signals through it last, whatever happened.
    const done = new Int32Array(new SharedArrayBuffer(4));
    const worker = new Worker(new URL('prerender-worker.js', dir), { workerData: { blocks: texts, options: {}, port: port2, done }, transferList: [port2] });
    const drawnByWorker = new Map<string, string>();
    try {
      await new Promise<void>((resolve, reject) => {
        worker.on('error', reject);
        port1.on('message', (m: [string, string][] | null) => (m === null ? resolve() : m.forEach(([t, html]) => drawnByWorker.set(t, html))));
      });
    } finally {
      port1.close();
      await worker.terminate();
    }
    for (const text of texts) {
      const parsed = parseScenario(text);
      assert.ok(parsed.ok);
      assert.equal(drawnByWorker.get(text), renderFallback(simulate(parsed.scenario), {}));
    }
  });

  it('a site built with prerendering is byte for byte the site built without it', async (t) => {
    const bundleDir = join(temp, 'bundle');
    mkdirSync(bundleDir, { recursive: true });
    writeFileSync(join(bundleDir, 'mem-sim.js'), 'export {};\n');
    const input = join(temp, 'site-in');
    mkdirSync(input, { recursive: true });
    for (let post = 0; post < 12; post++) {
      const blocks = [0, 1, 2].map((k) => `\`\`\`memsim\n${block(post * 3 + k)}\n\`\`\`\n`).join('\nSome text.\n\n');
      writeFileSync(join(input, `post-${post}.md`), `---\ntitle: Post ${post}\n---\n# Post ${post}\n\n${blocks}`);
    }
    // Count the fallbacks the fence rule took from the worker, to know the first build really used it.
    let taken = 0;
    const take = FallbackPrerenderer.prototype.take;
    FallbackPrerenderer.prototype.take = function (this: FallbackPrerenderer, text: string) {
      const html = take.call(this, text);
      if (html !== undefined) taken++;
      return html;
    };
    after(() => (FallbackPrerenderer.prototype.take = take));
    const outputs: Record<string, string>[] = [];
    const takenBy: number[] = [];
    for (const prerender of [true, false]) {
      const output = join(temp, `site-out-${prerender}`);
      const elev = new Eleventy(input, output, {
        quietMode: true,
        config(cfg: any) {
          cfg.addPlugin(memSim, { bundleDir, prerender, steps: true });
        },
      });
      elev.disableLogger();
      const before = taken;
      await elev.write();
      takenBy.push(taken - before);
      const files: Record<string, string> = {};
      for (const d of readdirSync(output)) if (d.startsWith('post-')) files[d] = readFileSync(join(output, d, 'index.html'), 'utf8');
      outputs.push(files);
    }
    assert.equal(Object.keys(outputs[0]!).length, 12);
    // How many blocks the worker had ready in time depends on the machine's load, so it is reported, not asserted
    // (the first test above checks that what the worker draws is the same HTML).
    t.diagnostic(`fallbacks taken from the worker: ${takenBy[0]} of 36`);
    assert.equal(takenBy[1], 0, 'prerender: false starts no worker');
    assert.deepEqual(outputs[0], outputs[1]);
    assert.match(outputs[0]!['post-5']!, /<mem-sim data-line="6">/);
  });
});
