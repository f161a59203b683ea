/**
 * The worker side of prerender.ts: simulates each valid block and draws its static fallback, then
 * posts `[text, html]` pairs back in small batches, and `null` when it is done.
 */
import { workerData, type MessagePort } from 'node:worker_threads';
import { parseScenario } from '../engine/report.js';
import { simulate } from '../engine/scenario.js';
import { renderFallback, type FallbackOptions } from './fallback.js';

const { texts, options, port } = workerData as { texts: string[]; options: FallbackOptions; port: MessagePort };
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
