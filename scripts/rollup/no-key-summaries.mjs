import { replaceRanges, walkAst } from './ast.mjs';

const named = (node, name) => node.type === 'Property' && !node.computed && (node.key.name ?? node.key.value) === name;
const plainString = (v) => (v.type === 'Literal' && typeof v.value === 'string') || (v.type === 'TemplateLiteral' && v.expressions.length === 0);

/**
 * `code` with the value of every `summary:` string emptied, and how many. Throws if the summary of
 * a key (an object with `key:` and `summary:`) is not a plain string: it would stay in the bundle.
 */
export function emptySummaries(code, ast) {
  const cut = [];
  walkAst(ast, (node) => {
    if (node.type === 'ObjectExpression' && node.properties.some((p) => named(p, 'key'))) {
      const s = node.properties.find((p) => named(p, 'summary'));
      if (s && !plainString(s.value)) throw new Error(`the summary at offset ${s.value.start} is not a string literal`);
    }
    if (named(node, 'summary') && plainString(node.value)) cut.push([node.value.start, node.value.end, "''"]);
    return false;
  });
  return { code: replaceRanges(code, cut), count: cut.length };
}

/**
 * Each scheme's `keys` carry a one-line summary of every key, written for the docs site's scenario
 * reference and `mem-sim --help`; the element never shows them (its suggestions use the key names and
 * aliases only), so the bundle leaves the summaries empty. The build fails if a summary is not a
 * plain string (it would stay in the bundle) or if no summary is found at all (the field was renamed).
 */
export function noKeySummaries() {
  let emptied = 0;
  return {
    name: 'no-key-summaries',
    buildStart() {
      emptied = 0;
    },
    transform(code, id) {
      if (!/[\\/]engine[\\/].*\.ts$/.test(id) || !code.includes('summary')) return null;
      try {
        const out = emptySummaries(code, this.parse(code));
        emptied += out.count;
        return out.count ? { code: out.code, map: null } : null;
      } catch (e) {
        this.error(`no-key-summaries: ${id}: ${e.message}`);
      }
    },
    buildEnd(error) {
      if (!error && emptied === 0) this.error('no-key-summaries: no `summary:` property found in engine/ (renamed?): update this plugin');
    },
  };
}
