/**
 * Finds ```memsim fenced blocks in markdown text, with the line of each opening fence, so that
 * errors and reports can name lines of the file (front matter included). Fences of other languages
 * are skipped whole, so a memsim example quoted inside a ````markdown fence is not taken for a block.
 */
export interface MarkdownBlock {
  /** Line of the opening fence, 1-based, counted in the file. */
  line: number;
  /** The block's text: the lines between the fences, with the fence's indentation removed. */
  text: string;
  /** Whether the closing fence was found (an unclosed fence runs to the end of the file). */
  closed: boolean;
}

const OPEN = /^( {0,3}|\s*)(`{3,}|~{3,})\s*([^\s`]*)(.*)$/;

/** Every block whose info string's first word is `language` (memsim by default), in file order. */
export function extractBlocks(markdown: string, language = 'memsim'): MarkdownBlock[] {
  const lines = markdown.split(/\r?\n/);
  const out: MarkdownBlock[] = [];
  let i = 0;
  while (i < lines.length) {
    const m = OPEN.exec(lines[i]!);
    if (!m || (m[2]![0] === '`' && m[4]!.includes('`'))) {
      i++;
      continue;
    }
    const indent = m[1]!.length;
    const fence = m[2]!;
    const lang = m[3]!.replace(/^\{\.?|\}$/g, '').toLowerCase();
    const start = i;
    const body: string[] = [];
    let closed = false;
    for (i++; i < lines.length; i++) {
      const l = lines[i]!;
      const trimmed = l.trim();
      if (trimmed.startsWith(fence[0]!.repeat(fence.length)) && /^(`+|~+)$/.test(trimmed) && trimmed[0] === fence[0]) {
        closed = true;
        i++;
        break;
      }
      body.push(l.slice(Math.min(indent, l.length - l.trimStart().length)));
    }
    if (lang === language) out.push({ line: start + 1, text: body.join('\n'), closed });
  }
  return out;
}
