/**
 * The one rule for what a memsim block is, on markdown-it's tokens, shared by the CLI (through
 * blocks.ts), the markdown-it plugin and so the Eleventy plugin: a fence token (``` or ~~~, in a
 * blockquote or a list item too) whose info string's first word is `memsim` in any ASCII letter
 * case. An indented code block is not a fence, and a fence quoted inside another fence is that
 * fence's text, so neither is a block.
 *
 * Only types are imported from markdown-it: a host that uses the markdown-it plugin brings its own.
 */
import type { MarkdownIt, StateCore, Token } from 'markdown-it';

/** `A`-`Z` to `a`-`z` and nothing else: `toLowerCase` also folds letters outside ASCII. */
const asciiLower = (s: string) => s.replace(/[A-Z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 32));

/** Whether a fence's info string names the memsim language: its first word, any ASCII letter case. */
export function isMemSimFence(info: string): boolean {
  return asciiLower(info.trim().split(/\s+/, 1)[0]!) === 'memsim';
}

/** A memsim fence as markdown-it parsed it. */
export interface MemSimFence {
  token: Token;
  /** Line of the opening fence in the text markdown-it parsed, 1-based. */
  line: number;
  /** The scenario text between the fences, as markdown-it gives it (ending with a newline). */
  text: string;
  /**
   * For each line of `text`, how many characters stand before it on its line of the source: the
   * `>` markers and list indentation markdown-it removed. Added to an error's column, it gives the
   * column in the file.
   */
  columns: number[];
}

/**
 * The memsim fences among the block tokens markdown-it made of `src`.
 * @param src the text markdown-it parsed (its `state.src`: line breaks already made `\n`)
 */
export function memSimFences(src: string, tokens: readonly Token[]): MemSimFence[] {
  let lines: string[] | undefined;
  const out: MemSimFence[] = [];
  for (const token of tokens) {
    if (token.type !== 'fence' || !token.map || !isMemSimFence(token.info)) continue;
    lines ??= src.split('\n');
    const first = token.map[0] + 1;
    // markdown-it keeps the rest of each content line as it is in the source, after the markers
    // and indentation it removed (and a few spaces standing for a tab it split): the difference
    // in length is where the content starts on the source line.
    const columns = token.content
      .replace(/\n$/, '')
      .split('\n')
      .map((l, i) => Math.max(0, (lines![first + i] ?? l).length - l.length));
    out.push({ token, line: first, text: token.content, columns });
  }
  return out;
}

/**
 * The file column of `column` (1-based) on file line `line` of a block whose opening fence is on
 * line `where.line`: shifted by `where.columns` of that content line, or by `where.column` for
 * every line when the per-line columns are not known.
 */
export function fileColumn(where: { line: number; columns?: readonly number[]; column?: number }, line: number, column: number): number {
  if (!where.columns) return column + (where.column ?? 0);
  // An error past the last content line (the end of the text) sits where the last line's content starts.
  const i = Math.min(line - where.line - 1, where.columns.length - 1);
  return column + (i >= 0 ? where.columns[i]! : 0);
}

const columnsOf = new WeakMap<Token, number[]>();

/** The columns `memSimFenceRule` noted for a memsim fence token, if it saw the token. */
export function fenceColumns(token: Token): number[] | undefined {
  return columnsOf.get(token);
}

/**
 * Core rules every markdown-it that finds memsim blocks needs: a byte-order mark at the start of
 * the text is dropped (markdown-it would read it as the first line's text, so a fence there opens
 * nothing and its closing fence opens a block that runs to the end), and each memsim fence's
 * content columns are noted for `fenceColumns`, since the renderer never sees the source.
 */
export function memSimFenceRule(md: MarkdownIt): void {
  md.core.ruler.before('normalize', 'memsim_bom', (state: StateCore) => {
    if (state.src.charCodeAt(0) === 0xfeff) state.src = state.src.slice(1);
  });
  md.core.ruler.after('block', 'memsim_columns', (state: StateCore) => {
    for (const f of memSimFences(state.src, state.tokens)) columnsOf.set(f.token, f.columns);
  });
}
