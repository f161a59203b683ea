/**
 * The YAML parser's messages for the slips scenario authors make most, said in the scenario's own
 * words: `frames:3`, `frames 3`, a title with `: ` in it, a value that starts with `- `, a key given
 * twice, a tab, a block's line out of step with the others, a bracket or quote left open, a line
 * indented by mistake. The parser's message stays for anything else.
 *
 * The engine reports the parser's message as it is, since the browser bundle's first render has no
 * bytes to spare (docs/ARCHITECTURE.md, The browser bundle). Node's entry (report.ts: the CLI and the
 * plugins) passes errors through here, and so does the element's error box, a chunk loaded only when
 * a scenario fails, so a reader sees the same words as the build. Each YAML mistake is one error: the
 * parser's further complaints on the same line follow from the first and are left out.
 */
import type { Positioned } from './index.js';

const YAML = 'YAML syntax error: ';

/** Where a key's name ends on a `key: value` line, and the key; undefined for a line that is no key. */
export const keyOf = (line: string) => /^(\s*)([A-Za-z][\w-]*)\s*:/.exec(line);

/**
 * `errors` with each YAML syntax error explained where a rule knows the slip, and the parser's
 * further errors on a line it already complained about left out. Other errors pass unchanged.
 * Applying it twice changes nothing more.
 * @param lines the scenario's lines, the errors' subject (index.ts splits them)
 * @param lineOffset what the errors' lines count beyond the text's own (a fence's line in its file)
 */
export function explainYamlErrors<E extends Positioned>(lines: readonly string[], errors: readonly E[], lineOffset: number): E[] {
  const out: E[] = [];
  const seen = new Set<number>();
  for (const e of errors) {
    if (!e.message.startsWith(YAML) || e.line === undefined) {
      out.push(e);
      continue;
    }
    const index = e.line - lineOffset - 1;
    const hint = explain(lines, index, e.message.slice(YAML.length), e.column ?? 1);
    const at = hint ? hint.index + lineOffset + 1 : e.line;
    if (seen.has(at) || seen.has(e.line)) continue;
    seen.add(at).add(e.line);
    out.push(hint ? { ...e, line: at, column: hint.column, message: hint.message } : e);
  }
  return out;
}

interface Hint {
  /** The line (0-based in the text) and column (1-based) where the slip is. */
  index: number;
  column: number;
  message: string;
}

function explain(lines: readonly string[], index: number, message: string, column: number): Hint | undefined {
  const line = lines[index] ?? '';
  const next = lines[index + 1];
  const key = keyOf(line);
  // A line indented by mistake under a plain `key: value`: the parser complains on the line above.
  if (/nested mappings|on a single line/.test(message) && key && next !== undefined && /^[ \t]+[A-Za-z][\w-]*\s*:/.test(next) && !/^\s/.test(line)) {
    return { index: index + 1, column: 1, message: `line ${index + 2} is indented, so YAML reads it as part of ${key[2]}'s value: start a key at the left margin` };
  }
  if (/^\t/.test(line) || (/tabs?/i.test(message) && line.includes('\t'))) {
    return { index, column: line.indexOf('\t') + 1, message: 'indent with spaces, not tabs: YAML does not allow a tab as indentation' };
  }
  // A line of a block value (trace: |) that the parser no longer reads as part of the block.
  const block = key ? undefined : blockAbove(lines, index);
  if (block && /indented|same column|followed by map values|single line/.test(message)) {
    return { index, column: 1, message: `this line is not indented like the lines of ${block}'s block above it: indent each line of the block by the same spaces` };
  }
  const glued = /^(\s*)([A-Za-z][\w-]*):(\S.*)$/.exec(line);
  if (glued && !/^\/\//.test(glued[3]!)) {
    return { index, column: glued[1]!.length + glued[2]!.length + 2, message: `put a space after the colon: ${glued[2]}: ${glued[3]}` };
  }
  const bare = /^(\s*)([A-Za-z][\w-]*)\s+([^:]+)$/.exec(line);
  if (bare && /single line|followed by map values/.test(message)) {
    return { index, column: bare[1]!.length + bare[2]!.length + 1, message: `expected a key, a colon and a value: ${bare[2]}: ${bare[3]!.trim()}` };
  }
  if (/block-seq-ind on same line/.test(message) && key) {
    const value = line.slice(key[0].length).trim();
    return { index, column, message: `a value that starts with '- ' is read as a list: quote it, as in ${key[2]}: "${value}"` };
  }
  if (/nested mappings are not allowed in compact mappings/.test(message) && key) {
    const value = line.slice(key[0].length).trim();
    return { index, column, message: `a value that holds ': ' is quoted, as in ${key[2]}: "${value.replace(/"/g, '\\"')}"` };
  }
  if (/map keys must be unique/.test(message) && key) {
    const first = lines.findIndex((l, i) => i < index && keyOf(l)?.[2] === key[2] && keyOf(l)?.[1] === key[1]);
    return { index, column, message: `the key '${key[2]}' is given twice${first >= 0 ? ` (first at line ${first + 1})` : ''}: give it once` };
  }
  const open = /flow (sequence|mapping).*end with a ([\]}])/.exec(message);
  if (open) {
    const bracket = open[2] === ']' ? '[' : '{';
    for (let i = Math.min(index, lines.length - 1); i >= 0; i--) {
      const at = lines[i]!.lastIndexOf(bracket);
      if (at >= 0 && !lines[i]!.includes(open[2]!, at)) return { index: i, column: at + 1, message: `the ${bracket} here is never closed: end the list with ${open[2]} on the same line` };
    }
  }
  const quote = /missing closing (["'])quote/.exec(message);
  if (quote) {
    for (let i = Math.min(index, lines.length - 1); i >= 0; i--) {
      const count = lines[i]!.split(quote[1]!).length - 1;
      if (count % 2) return { index: i, column: lines[i]!.indexOf(quote[1]!) + 1, message: `the quote ${quote[1]} here is never closed: end the value with ${quote[1]} on the same line` };
    }
  }
  return undefined;
}

/**
 * The key of the block value (`trace: |`) whose lines end just above line `index`: the nearest line
 * above that is neither blank nor indented is that key's. Undefined when it is another kind of line.
 */
function blockAbove(lines: readonly string[], index: number): string | undefined {
  for (let i = index - 1; i >= 0; i--) {
    const l = lines[i]!;
    if (!l.trim() || /^\s/.test(l)) continue;
    return /:\s*[|>][+-]?\d?\s*(#.*)?$/.test(l) ? keyOf(l)?.[2] : undefined;
  }
  return undefined;
}
