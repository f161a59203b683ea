import { readFileSync } from 'node:fs';
import { replaceRanges, walkAst } from './ast.mjs';

/**
 * The engine only parses YAML (the failsafe schema: it reads every scalar as text): it never writes YAML, converts a document to
 * JavaScript values, builds nodes from values or walks a document. The yaml package's modules for
 * those jobs, and the YAML 1.1 tags, are about 8 KB of the 45 KB budget gzipped. In the bundle the
 * first become functions that throw if ever called (the element shows that as an error, never
 * crashes) and the tag table keeps the failsafe schema (the one the engine asks for). The
 * end-to-end tests check that the bundle reports the same errors as the engine in Node.
 *
 * Everything here names files and methods of yaml 2.x's browser build. The build fails when one of
 * them is not found (a new yaml version moved it), so a cut that no longer applies is never silent.
 */

/** Modules of yaml/browser/dist/ that parsing never needs, each one stubbed (a folder ends in /). */
export const YAML_UNUSED = ['stringify/', 'visit.js', 'doc/applyReviver.js', 'doc/createNode.js', 'doc/anchors.js', 'nodes/toJS.js', 'nodes/addPairToJSMap.js'];

/**
 * Methods of the document and node classes that only edit, copy, convert or print a document.
 * Parsing never calls them (checked against the composer's sources for yaml 2.x), and class methods
 * are never tree-shaken, so the bundle drops them: with them go the imports only they used.
 */
export const YAML_METHODS_UNUSED = {
  'doc/Document.js': ['clone', 'add', 'addIn', 'createAlias', 'createNode', 'createPair', 'delete', 'deleteIn', 'get', 'getIn', 'has', 'hasIn', 'set', 'setIn', 'toJS', 'toJSON', 'toString'],
  'doc/directives.js': ['clone', 'toString'],
  'nodes/Collection.js': ['clone', 'addIn', 'deleteIn', 'getIn', 'hasAllNullValues', 'hasIn', 'setIn'],
  'nodes/YAMLMap.js': ['from', 'add', 'delete', 'get', 'has', 'set', 'toJSON', 'toString'],
  'nodes/YAMLSeq.js': ['from', 'add', 'delete', 'get', 'has', 'set', 'toJSON', 'toString'],
  'nodes/Alias.js': ['resolve', 'toJSON', 'toString'],
  'nodes/Pair.js': ['clone', 'toJSON', 'toString'],
  'nodes/Node.js': ['clone', 'toJS'],
  'nodes/Scalar.js': ['toJSON', 'toString'],
};

const TAGS = 'schema/tags.js';
/** yaml's schema/tags.js, with the failsafe schema only (map, seq, string: no number, boolean or null resolution). */
export const YAML_FAILSAFE_TAGS = `
import { map } from './common/map.js';
import { seq } from './common/seq.js';
import { string } from './common/string.js';
const schemas = new Map([['failsafe', [map, seq, string]]]);
export const coreKnownTags = {};
export function getTags(customTags, schemaName, addMergeTag) {
  const tags = schemas.get(schemaName);
  if (!tags || customTags || addMergeTag) throw new Error('mem-sim bundles the failsafe YAML schema only');
  return tags.slice();
}`;

/** The path of a module inside yaml's browser build (`doc/Document.js`), or undefined. */
export const yamlFile = (id) => /[\\/]node_modules[\\/]yaml[\\/]browser[\\/]dist[\\/](.*)$/.exec(id)?.[1].replace(/\\/g, '/');
const isUnused = (file) => YAML_UNUSED.some((u) => (u.endsWith('/') ? file.startsWith(u) : file === u));

/** A module exporting each of `names` as a function that throws. */
export function stubModule(file, names) {
  const unused = `() => { throw new Error('mem-sim bundles the YAML parser only, not ${file}'); }`;
  return `const unused = ${unused};\n${names.map((n) => `export const ${n} = unused;`).join('\n')}`;
}

/** The names a module of yaml's build exports (they write `export { a, b as c };`). */
export const exportedNames = (code) =>
  [...code.matchAll(/^export \{([^}]*)\}/gm)].flatMap((m) => m[1].split(',').map((n) => n.trim().split(/\s+as\s+/).pop()).filter(Boolean));

/** `code` without the class methods named in `drop`; throws naming any method it did not find. */
export function dropMethods(code, ast, drop) {
  const cut = [];
  const found = new Set();
  walkAst(ast, (node) => {
    const dropped = node.type === 'MethodDefinition' && node.kind === 'method' && drop.includes(node.key.name);
    if (dropped) (cut.push([node.start, node.end]), found.add(node.key.name));
    return dropped;
  });
  const missing = drop.filter((name) => !found.has(name));
  if (missing.length) throw new Error(`no method ${missing.join(', ')}`);
  return replaceRanges(code, cut);
}

export function yamlParseOnly() {
  const seen = new Set();
  return {
    name: 'yaml-parse-only',
    buildStart() {
      seen.clear();
    },
    load(id) {
      const file = yamlFile(id);
      if (!file) return null;
      if (file === TAGS) return (seen.add(TAGS), YAML_FAILSAFE_TAGS);
      if (!isUnused(file)) return null;
      const names = exportedNames(readFileSync(id, 'utf8'));
      if (names.length === 0) this.error(`yaml-parse-only: found no \`export { ... }\` in yaml's ${file} (a new yaml version?)`);
      seen.add(YAML_UNUSED.find((u) => (u.endsWith('/') ? file.startsWith(u) : file === u)));
      return stubModule(file, names);
    },
    transform(code, id) {
      const file = yamlFile(id);
      const drop = file && YAML_METHODS_UNUSED[file];
      if (!drop) return null;
      seen.add(file);
      try {
        return { code: dropMethods(code, this.parse(code), drop), map: null };
      } catch (e) {
        this.error(`yaml-parse-only: yaml's ${file} has ${e.message} (a new yaml version?): update YAML_METHODS_UNUSED`);
      }
    },
    buildEnd(error) {
      if (error) return;
      const expected = [TAGS, ...YAML_UNUSED, ...Object.keys(YAML_METHODS_UNUSED)];
      const missing = expected.filter((f) => !seen.has(f));
      if (missing.length) this.error(`yaml-parse-only: the bundle never loaded yaml's ${missing.join(', ')} (a new yaml version?): update scripts/rollup/yaml-parse-only.mjs`);
    },
  };
}
