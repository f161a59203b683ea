/**
 * A linear pre-scan of a scenario's YAML before it reaches the `yaml` parser, whose parser and
 * composer recurse once per level of nesting: a scenario of 25 KB of `[` took a whole Node process
 * down with a fatal stack overflow. The scan reads the text with `yaml`'s own lexer, a state machine
 * that does not recurse (so quotes, comments and block scalars are told apart exactly as the parser
 * will tell them), and stops at the first token that nests too deep or that the language refuses.
 */
import { CST, Lexer } from 'yaml';

/**
 * The most levels of lists and mappings inside each other a scenario may have. The language needs
 * two or three: the scenario's own mapping, a key's list (`trace:` items, `refs: [1, 2]`), and at
 * most one level inside an item. A scalar after `- ` or `? ` counts as a level of its own here,
 * since the lexer cannot yet tell it from a mapping's first key.
 */
export const MAX_NESTING = 8;

/** A position in the text and what is wrong there. */
export interface ScanProblem {
  offset: number;
  message: string;
}

// Lexer tokens that stand for no text of the source (document mode, a flow error's end, the
// marker before a scalar): the parser does not advance its offset over them either.
const CONTROL = new Set(['\x02', '\x18', '\x1f']);

/**
 * The first problem the parser must not see: nesting deeper than MAX_NESTING (at the token that
 * opens the level too many), or an alias or anchor (`*name`, `&name`), which the language does not
 * have: an alias would repeat a value where the author sees one, and a chain of them (an "alias
 * bomb") multiplies it. Undefined when there is none.
 */
export function scanNesting(text: string): ScanProblem | undefined {
  let offset = 0;
  let lineStart = 0;
  let flow = 0;
  // Columns of the open block collections, strictly increasing.
  const block: number[] = [];
  // Whether the next token on this line starts a node (the line's first, or after `- ` or `? `).
  let nodeStart = true;
  let atLineStart = true;
  const deeper = (at: number, depth: number): ScanProblem | undefined =>
    depth > MAX_NESTING
      ? {
          offset: at,
          message: `this is nested ${depth} levels deep (lists and mappings inside each other); a scenario needs 2 or 3, and more than ${MAX_NESTING} is refused`,
        }
      : undefined;

  for (const token of new Lexer().lex(text)) {
    if (CONTROL.has(token)) continue;
    const at = offset;
    offset += token.length;
    const type = CST.tokenType(token);
    switch (type) {
      case 'newline':
        lineStart = offset;
        atLineStart = nodeStart = true;
        continue;
      case 'space':
      case 'comment':
        continue;
      case 'alias':
      case 'anchor':
        return {
          offset: at,
          message: `${type === 'alias' ? `'${token}' is an alias` : `'${token}' is an anchor`}: aliases and anchors (*name, &name) are not supported in scenarios; write each value out where it is used`,
        };
      case 'doc-start':
        block.length = 0;
        continue;
      case 'flow-seq-start':
      case 'flow-map-start': {
        flow++;
        const problem = deeper(at, block.length + flow);
        if (problem) return problem;
        nodeStart = atLineStart = false;
        continue;
      }
      case 'flow-seq-end':
      case 'flow-map-end':
        if (flow > 0) flow--;
        continue;
    }
    if (flow > 0) continue;
    if (nodeStart) {
      const column = at - lineStart;
      if (atLineStart) while (block.length && block[block.length - 1]! > column) block.pop();
      if (!block.length || block[block.length - 1]! < column) {
        block.push(column);
        const problem = deeper(at, block.length);
        if (problem) return problem;
      }
    }
    // A `:` that opens a line is an explicit value, which may hold a nested node on the same line.
    nodeStart = type === 'seq-item-ind' || type === 'explicit-key-ind' || (type === 'map-value-ind' && atLineStart);
    atLineStart = false;
  }
  return undefined;
}
