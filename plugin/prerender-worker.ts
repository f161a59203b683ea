/**
 * The worker side of prerender.ts: simulates each valid block and draws its static fallback, then
 * posts `[text, html]` pairs back in small batches, and `null` when it is done.
 */
import { setPriority } from 'node:os';
import { workerData, type MessagePort } from 'node:worker_threads';
import type { FallbackOptions } from './fallback.js';
import type { BlockFolder } from './prerender.js';

// Drawing ahead is a bonus, never a cost: at the lowest priority this thread runs only on a core
// Eleventy leaves idle (on Linux, setpriority of pid 0 applies to the calling thread alone), and
// the fence rule draws whatever the worker has not reached yet. The engine is imported after
// this, so loading it runs at the low priority too.
try {
  setPriority(19);
} catch {
  // a platform that does not allow it: run at the normal priority
}
const [{ parseScenario }, { simulate }, { renderFallback }, { blockFilesUnder, distinctTexts, MIN_BLOCKS_FOR_A_WORKER }] = await Promise.all([
  import('../engine/report.js'),
  import('../engine/scenario.js'),
  import('./fallback.js'),
  import('./prerender.js'),
]);

const { blocks, options, port, done } = workerData as {
  blocks: string[] | BlockFolder;
  options: FallbackOptions;
  port: MessagePort;
  done: Int32Array;
};
try {
  let texts: readonly string[];
  if (Array.isArray(blocks)) texts = blocks;
  else {
    const files = blockFilesUnder(blocks.dir, blocks.skip);
    const found = distinctTexts(files);
    // A site with few blocks draws them as fast on the build's thread: nothing to draw here.
    texts = found.length < MIN_BLOCKS_FOR_A_WORKER ? [] : found;
    // The files first: the plugin finds each block's line in them instead of reading them again.
    port.postMessage({ files, drawing: texts.length > 0 });
  }
  let batch: [string, string][] = [];
  for (const text of texts) {
    const parsed = parseScenario(text);
    if (parsed.ok) batch.push([text, renderFallback(simulate(parsed.scenario), options)]);
    if (batch.length >= 8) {
      port.postMessage(batch);
      batch = [];
    }
  }
  port.postMessage(batch);
  port.postMessage(null);
  port.close();
} finally {
  // Whatever happened, a fence rule waiting for this thread wakes now.
  Atomics.store(done, 0, 1);
  Atomics.notify(done, 0);
}
