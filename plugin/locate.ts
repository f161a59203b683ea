/**
 * Finding a block's line in its file. Eleventy gives markdown-it the text after the front matter
 * (and after any template engine ran over it), so markdown-it's line numbers are relative to that
 * text. Authors need lines of the file they edit, so the plugin reads the file and finds the block
 * there.
 */
import { findBlocks, frontMatterLines, type MemSimBlock } from './blocks.js';
import type { BlockLocation } from './block.js';
import type { FenceBlock } from './markdown-it.js';

const lineBreaks = (s: string) => (s.match(/\r\n?|\n/g) ?? []).length;

/**
 * Lines before the body: the whole file when the body is its tail (how Eleventy reads front
 * matter), else a `---` (or `+++`) delimited block at the top of the file.
 */
export function bodyLineOffset(file: string, body?: string): number {
  if (body !== undefined && body !== '' && file.endsWith(body)) return lineBreaks(file.slice(0, file.length - body.length));
  return frontMatterLines(file.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n'));
}

/**
 * The file line and content columns of a memsim block that markdown-it saw at `block.line` of
 * `body`. When a template engine ran over the body first (Liquid, Nunjucks) and moved lines, the
 * block is found by its text in the file: of the memsim blocks with the same text, the one nearest
 * the expected line.
 * @param blocks the file's memsim blocks, when the caller keeps them for the file's other blocks
 */
export function locateInFile(
  file: string,
  body: string | undefined,
  block: FenceBlock,
  blocks: readonly MemSimBlock[] = findBlocks(file),
): Omit<BlockLocation, 'file'> {
  const expected = block.line + bodyLineOffset(file, body);
  let best: MemSimBlock | undefined;
  for (const b of blocks) {
    if (b.text !== block.content) continue;
    if (best === undefined || Math.abs(b.line - expected) < Math.abs(best.line - expected)) best = b;
  }
  if (best) return { line: best.line, columns: best.columns };
  return block.columns ? { line: expected, columns: block.columns } : { line: expected };
}
