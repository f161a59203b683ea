/**
 * Draws the static fallbacks of a site's memsim blocks on a second thread while Eleventy renders
 * the pages on the first. Eleventy renders markdown synchronously on one thread, and simulating
 * hundreds of blocks there would add their whole cost to the build; a worker started before the
 * build overlaps that cost with Eleventy's own work on a machine with a second core.
 *
 * It never changes what a page shows: the fence rule takes a fallback from here only when the
 * worker has drawn it for exactly the same block text and options, and renders the block itself
 * otherwise (or when the worker cannot start).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import { findBlocks, type MemSimBlock } from './blocks.js';
import type { FallbackOptions } from './fallback.js';

/** Below this many distinct blocks a thread costs more to start than it saves. */
export const MIN_BLOCKS_FOR_A_WORKER = 24;

/** The markdown files under `dir` whose memsim blocks the worker finds and draws itself. */
export interface BlockFolder {
  dir: string;
  /** Folders not to look in (the output). */
  skip: readonly string[];
}

/** A markdown file that holds memsim blocks, as the worker read it (absolute path). */
export interface BlockFile {
  path: string;
  text: string;
  blocks: MemSimBlock[];
}

/**
 * The longest the fence rule waits, once, for a worker that is drawing a site's blocks, ms. Drawing a
 * block on the build's thread while the worker draws it too would do the work twice; waiting lets
 * the worker, which is warm by then, finish. Past this the fence rule draws the rest itself.
 */
const MAX_WAIT_MS = 2000;

/** A block text without the newline markdown-it ends a fence's content with, which a given list may lack. */
const keyOf = (text: string) => (text.endsWith('\n') ? text.slice(0, -1) : text);

export class FallbackPrerenderer {
  private readonly ready = new Map<string, string>();
  private readonly files = new Map<string, BlockFile>();
  private port: MessagePort | undefined;
  private worker: Worker | undefined;
  /** [0] becomes 1 when the worker has posted everything it will draw. */
  private readonly done = new Int32Array(new SharedArrayBuffer(4));
  /** Whether the worker says it is drawing (a list given, or enough blocks found in the folder). */
  private drawing: boolean;
  private waited = false;

  /**
   * @param blocks the block texts to draw, or a folder whose blocks the worker finds itself (reading
   *   a site's files is then off the build's thread too; a folder with few blocks ends the worker)
   */
  /**
   * @param maxWaitMs how long `take` waits, once, for the worker (MAX_WAIT_MS); the tests raise it so
   *   that a loaded machine's slow worker start cannot decide what they check
   */
  constructor(
    blocks: readonly string[] | BlockFolder,
    options: FallbackOptions,
    private readonly maxWaitMs = MAX_WAIT_MS,
  ) {
    this.drawing = Array.isArray(blocks);
    if (Array.isArray(blocks) && blocks.length < MIN_BLOCKS_FOR_A_WORKER) return;
    try {
      const { port1, port2 } = new MessageChannel();
      // The compiled worker beside this file in lib/ (run from the TypeScript sources, the worker
      // cannot start, and every block is drawn on the main thread as without prerendering).
      this.worker = new Worker(new URL('./prerender-worker.js', import.meta.url), {
        workerData: { blocks, options, port: port2, done: this.done },
        transferList: [port2],
      });
      this.worker.on('error', () => this.stop());
      this.worker.unref();
      this.port = port1;
    } catch {
      this.stop();
    }
  }

  /**
   * The fallback HTML of a valid block with this text, if the worker has drawn it. The first time
   * it has not while it is still drawing, this waits for it to finish (see MAX_WAIT_MS).
   */
  take(text: string): string | undefined {
    this.receive();
    const key = keyOf(text);
    if (!this.ready.has(key) && this.port && this.drawing && !this.waited) {
      // The first block the worker has not drawn yet: wait for it to finish, once (Node lets the
      // main thread block on Atomics.wait; markdown-it renders synchronously anyway).
      this.waited = true;
      Atomics.wait(this.done, 0, 0, this.maxWaitMs);
      this.receive();
    }
    return this.ready.get(key);
  }

  /**
   * A markdown file with memsim blocks as the worker read it when it looked through a folder, so
   * the plugin can find a block's line without reading the file again; undefined if it has not.
   * @param path the file's absolute path
   */
  file(path: string): BlockFile | undefined {
    this.receive();
    return this.files.get(path);
  }

  private receive(): void {
    // receiveMessageOnPort reads synchronously: the fence rule cannot wait for the event loop.
    for (let m = this.port && receiveMessageOnPort(this.port); m; m = this.port && receiveMessageOnPort(this.port)) {
      const message = m.message as [string, string][] | { files: BlockFile[]; drawing: boolean } | null;
      if (message === null) {
        this.stop();
        break;
      }
      if (Array.isArray(message)) for (const [t, html] of message) this.ready.set(keyOf(t), html);
      else {
        for (const f of message.files) this.files.set(f.path, f);
        this.drawing = message.drawing;
      }
    }
  }

  stop(): void {
    this.port?.close();
    this.port = undefined;
    void this.worker?.terminate();
    this.worker = undefined;
  }
}

/** The markdown files under `dir` that hold memsim blocks (output and dot folders skipped), with absolute paths. */
export function blockFilesUnder(dir: string, skip: readonly string[] = []): BlockFile[] {
  const skipped = new Set(skip.map((d) => resolve(d)));
  const files: BlockFile[] = [];
  const walk = (d: string) => {
    let entries;
    try {
      entries = readdirSync(d, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const p = join(d, e.name);
      if (e.isDirectory()) {
        if (!e.name.startsWith('.') && e.name !== 'node_modules' && !skipped.has(resolve(p))) walk(p);
      } else if (/\.(md|markdown)$/i.test(e.name)) {
        const text = readFileSync(p, 'utf8');
        const blocks = findBlocks(text);
        if (blocks.length) files.push({ path: resolve(p), text, blocks });
      }
    }
  };
  walk(dir);
  return files;
}

/** The block texts of these files, each once, in the order first met. */
export function distinctTexts(files: readonly BlockFile[]): string[] {
  const texts = new Set<string>();
  for (const f of files) for (const b of f.blocks) texts.add(b.text);
  return [...texts];
}
