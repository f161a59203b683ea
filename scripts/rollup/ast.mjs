// Helpers the source transforms share: they find ranges in an ESTree AST (as rollup's this.parse
// gives) and replace them, leaving the rest of the text as written.

/**
 * Calls `visit` on every node of an ESTree AST, depth first; a node for which it returns true is
 * not descended into.
 */
export function walkAst(node, visit) {
  if (!node || typeof node.type !== 'string' || visit(node)) return;
  for (const child of Object.values(node)) {
    for (const c of Array.isArray(child) ? child : [child]) if (c && typeof c === 'object') walkAst(c, visit);
  }
}

/** `code` with each `[start, end, text]` range (non-overlapping) replaced by its text ('' if none). */
export function replaceRanges(code, ranges) {
  let out = code;
  for (const [a, b, text = ''] of [...ranges].sort((x, y) => y[0] - x[0])) out = out.slice(0, a) + text + out.slice(b);
  return out;
}

