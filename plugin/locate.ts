/**
 * Finding a block's line in its file. Eleventy gives markdown-it the text after the front matter
 * (and after any template engine ran over it), so markdown-it's line numbers are relative to that
 * text. Authors need lines of the file they edit, so the plugin reads the file and finds the block
 * there.
 */
import { extractBlocks, type MarkdownBlock } from '../engine/markdown.js';
import type { BlockLocation } from './block.js';
import type { FenceBlock } from './markdown-it.js';

const FRONT_MATTER = /^(---|\+\+\+)[^\r\n]*\r?\n(?:[\s\S]*?\r?\n)?\1[ \t]*(?:\r?\n|$)/;

const lineBreaks = (s: string) => (s.match(/\n/g) ?? []).length;

/**
 * Lines before the body: the whole file when the body is its tail (how Eleventy reads front
 * matter), else a `---` (or `+++`) delimited block at the top of the file.
 */
export function bodyLineOffset(file: string, body?: string): number {
  if (body !== undefined && body !== '' && file.endsWith(body)) return lineBreaks(file.slice(0, file.length - body.length));
  const m = FRONT_MATTER.exec(file);
  return m ? lineBreaks(m[0]) : 0;
}

/**
 * The file line of a memsim block that markdown-it saw at `block.line` of `body`. When a template
 * engine ran over the body first (Liquid, Nunjucks) and moved lines, the block is found by its text
 * in the file: of the memsim blocks with the same text, the one nearest the expected line.
 * @param blocks the file's memsim blocks, when the caller keeps them for the file's other blocks
 */
export function locateInFile(
  file: string,
  body: string | undefined,
  block: FenceBlock,
  blocks: readonly MarkdownBlock[] = extractBlocks(file),
): Omit<BlockLocation, 'file'> {
  const expected = block.line + bodyLineOffset(file, body);
  const text = block.content.replace(/\r\n/g, '\n').replace(/\n$/, '');
  let best: number | undefined;
  for (const b of blocks) {
    if (b.text.replace(/\r$/gm, '') !== text) continue;
    if (best === undefined || Math.abs(b.line - expected) < Math.abs(best - expected)) best = b.line;
  }
  const line = best ?? expected;
  const fenceLine = file.split('\n', line)[line - 1] ?? '';
  const column = Math.max(0, fenceLine.search(/`{3,}|~{3,}/));
  return { line, column };
}
