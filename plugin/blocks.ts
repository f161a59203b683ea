/**
 * The memsim blocks of a markdown file, found by the same markdown-it parse and the same rule
 * (fence.ts) as the markdown-it and Eleventy plugins use when they render it, so `mem-sim check`
 * checks exactly the blocks a page shows, at the lines and columns of the file.
 */
import markdownIt from 'markdown-it';
import { memSimFenceRule, memSimFences } from './fence.js';

/** A memsim block of a file. Plain data: the prerender worker posts these between threads. */
export interface MemSimBlock {
  /** Line of the opening fence, 1-based, counted in the file (front matter included). */
  line: number;
  /** The scenario text between the fences, as markdown-it gives it to the fence rule. */
  text: string;
  /** Per line of `text`, the characters before it on its file line (quote markers, list indentation). */
  columns: number[];
}

// `html: true` as Eleventy and CommonMark have it: a fence inside an HTML block is the block's HTML.
// Fences are block tokens, which the inline rules (emphasis, links, entities inside paragraphs and
// headings) never change: they are off here, where only blocks are looked for. The prerender worker
// reads every page of a site this way, beside the build.
const md = markdownIt({ html: true }).use(memSimFenceRule);
md.core.ruler.disable('inline');

const FRONT_MATTER = /^(---|\+\+\+)[^\r\n]*\r?\n(?:[\s\S]*?\r?\n)?\1[ \t]*(?:\r?\n|$)/;

const lineBreaks = (s: string) => (s.match(/\n/g) ?? []).length;

/**
 * Lines of front matter at the top of `file`: a `---` (or `+++`, or `---js`) delimited block, as
 * Eleventy and Jekyll read it. Hosts hand markdown the text after it.
 */
export function frontMatterLines(file: string): number {
  const m = FRONT_MATTER.exec(file);
  return m ? lineBreaks(m[0]) : 0;
}

/**
 * Every memsim block of a markdown file, in file order. A byte-order mark is dropped and CR-only
 * or CRLF line breaks read as LF, as markdown-it does; the front matter is skipped as the hosts do.
 */
export function findBlocks(file: string): MemSimBlock[] {
  const text = file.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const offset = frontMatterLines(text);
  const body = offset ? text.split('\n').slice(offset).join('\n') : text;
  return memSimFences(body, md.parse(body, {})).map((f) => ({ line: f.line + offset, text: f.text, columns: f.columns }));
}
