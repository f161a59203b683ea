// The drop-in bundle: dist/mem-sim.js (a stub importing the shared core chunk: Lit, the yaml parser,
// the engine core and the element) plus lazy chunks in dist/chunks/: one per scheme (its engine code
// and view), one the contiguous schemes share, the table, the error box and the diagram panel (see
// chunkOf). Chunks import each other by relative URLs, so the dist folder works wherever it is copied.
// Mermaid stays external: scripts/build-bundle.mjs copies its own ESM build to dist/mermaid/.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, posix, resolve } from 'node:path';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import { transform } from 'esbuild';
import esbuild from 'rollup-plugin-esbuild';
import { minify } from 'terser';

/** The sources import `./x.js` (NodeNext style) where the file is `x.ts`. */
const typescriptSources = {
  name: 'typescript-sources',
  resolveId(source, importer) {
    if (!importer || !source.startsWith('.') || !source.endsWith('.js')) return null;
    const ts = resolve(dirname(importer), `${source.slice(0, -3)}.ts`);
    return existsSync(ts) ? ts : null;
  },
};

/**
 * `import('mermaid')` becomes an import of the copy in dist/mermaid/, relative to the chunk that
 * imports it (rollup would write the path relative to the source file instead).
 */
const MERMAID = 'mem-sim:mermaid';
const mermaidBeside = {
  name: 'mermaid-beside',
  resolveId: (source) => (source === 'mermaid' ? { id: MERMAID, external: true } : null),
  renderChunk(code, chunk) {
    if (!code.includes(MERMAID)) return null;
    const path = posix.relative(posix.dirname(chunk.fileName), 'mermaid/mermaid.esm.min.mjs');
    const url = JSON.stringify(path.startsWith('.') ? path : `./${path}`);
    return { code: code.replace(/(["'`])mem-sim:mermaid\1/g, url), map: null };
  },
};

/**
 * The engine only parses YAML (the core schema): it never writes YAML, converts a document to
 * JavaScript values, builds nodes from values or walks a document. The yaml package's modules for
 * those jobs, and the YAML 1.1 tags, are about 8 KB of the 45 KB budget gzipped. In the bundle the
 * first become functions that throw if ever called (the element shows that as an error, never
 * crashes) and the tag table keeps the core and failsafe schemas (the engine asks for core). The end-to-end tests check
 * that the bundle reports the same errors as the engine in Node.
 */
const yamlDist = /[\\/]node_modules[\\/]yaml[\\/]browser[\\/]dist[\\/](.*)$/;
const yamlUnused = /^(stringify[\\/].*|visit\.js|doc[\\/](applyReviver|createNode|anchors)\.js|nodes[\\/](toJS|addPairToJSMap)\.js)$/;
const yamlCoreTags = `
import { map } from './common/map.js';
import { seq } from './common/seq.js';
import { string } from './common/string.js';
import { schema as core } from './core/schema.js';
const schemas = new Map([['core', core], ['failsafe', [map, seq, string]]]);
export const coreKnownTags = {};
export function getTags(customTags, schemaName, addMergeTag) {
  const tags = schemas.get(schemaName);
  if (!tags || customTags || addMergeTag) throw new Error('mem-sim bundles the core and failsafe YAML schemas only');
  return tags.slice();
}`;
/**
 * Methods of the yaml package's document and node classes that only edit, copy, convert or print a
 * document. Parsing never calls them (checked against the composer's sources for yaml 2.x), and class
 * methods are never tree-shaken, so the bundle drops them: with them go the imports only they used.
 */
const yamlMethodsUnused = {
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
/**
 * Calls `visit` on every node of an ESTree AST (as this.parse gives), depth first; a node for which
 * it returns true is not descended into. The source transforms below all find their ranges this way.
 */
function walkAst(node, visit) {
  if (!node || typeof node.type !== 'string' || visit(node)) return;
  for (const child of Object.values(node)) (Array.isArray(child) ? child : [child]).forEach((c) => c && typeof c === 'object' && walkAst(c, visit));
}

/** `code` with each `[start, end, text]` range (non-overlapping) replaced by its text ('' if none). */
function replaceRanges(code, ranges) {
  let out = code;
  for (const [a, b, text = ''] of [...ranges].sort((x, y) => y[0] - x[0])) out = out.slice(0, a) + text + out.slice(b);
  return out;
}

const yamlParseOnly = {
  name: 'yaml-parse-only',
  transform(code, id) {
    const file = yamlDist.exec(id)?.[1].replace(/\\/g, '/');
    const drop = file && yamlMethodsUnused[file];
    if (!drop) return null;
    const cut = [];
    walkAst(this.parse(code), (node) => {
      const dropped = node.type === 'MethodDefinition' && node.kind === 'method' && drop.includes(node.key.name);
      if (dropped) cut.push([node.start, node.end]);
      return dropped;
    });
    const missing = drop.filter((name) => !cut.some(([a]) => new RegExp(`^(static\\s+)?${name}\\s*\\(`).test(code.slice(a))));
    if (missing.length) this.warn(`yaml-parse-only: ${file} has no method ${missing.join(', ')} (a new yaml version?)`);
    return { code: replaceRanges(code, cut), map: null };
  },
  load(id) {
    const file = yamlDist.exec(id)?.[1].replace(/\\/g, '/');
    if (file === 'schema/tags.js') return yamlCoreTags;
    if (!file || !yamlUnused.test(file)) return null;
    const names = [...readFileSync(id, 'utf8').matchAll(/^export \{([^}]*)\}/gm)].flatMap((m) =>
      m[1].split(',').map((n) => n.trim().split(/\s+as\s+/).pop()),
    );
    const unused = `() => { throw new Error('mem-sim bundles the YAML parser only, not ${file}'); }`;
    return `const unused = ${unused};\n${names.map((n) => `export const ${n} = unused;`).join('\n')}`;
  },
};

/**
 * The flat reader (engine/flat-mapping.ts) spares a site build yaml's cost on hundreds of blocks;
 * a page parses a few, where that cost does not show, so the bundle always asks yaml, which gives
 * the same result (a property test holds the two readers equal), and saves the reader's bytes.
 */
const noFlatReader = {
  name: 'no-flat-reader',
  load: (id) => (/[\\/]engine[\\/]flat-mapping\.ts$/.test(id) ? 'export const readFlatMapping = () => undefined;' : null),
};

/**
 * esbuild lowers decorators and class fields with helper functions (`__decorateClass`,
 * `__privateGet`...) that it writes into every module using them, in
 * `<mem-sim>`, the SchemeView base class, the diagram panel. This moves them into one shared module.
 * The helpers are taken from esbuild itself, by lowering a class that uses every such feature; a
 * module's own copy is replaced only when it is the same text, so a new esbuild cannot break it.
 */
const HELPERS = '\0esbuild-helpers';
const helperSample = `const d = (x: any) => x;
@d class A { @d a = 1; @d static b = 1; static c = 1; #e = 1; @d f() { return this.#e; } @d get g() { return 1; } @d set g(v) {} @d static h = 1; }
export { A };`;
function sharedEsbuildHelpers() {
  let helpers; // name -> declaration text
  const declarations = (ast, code) =>
    ast.body.flatMap((n) => {
      const name = n.type === 'VariableDeclaration' && n.declarations.length === 1 ? n.declarations[0].id.name : undefined;
      return name?.startsWith('__') ? [{ name, text: code.slice(n.start, n.end), start: n.start, end: n.end }] : [];
    });
  return {
    name: 'shared-esbuild-helpers',
    async buildStart() {
      const { code } = await transform(helperSample, { loader: 'ts', target: 'es2022', format: 'esm', tsconfigRaw: { compilerOptions: { useDefineForClassFields: false, experimentalDecorators: true } } });
      helpers = new Map(declarations(this.parse(code), code).map((d) => [d.name, d.text]));
    },
    resolveId: (source) => (source === HELPERS ? source : null),
    load(id) {
      if (id !== HELPERS) return null;
      return `${[...helpers.values()].join('\n')}\nexport { ${[...helpers.keys()].join(', ')} };`;
    },
    transform(code, id) {
      if (id === HELPERS || !/\.ts$/.test(id) || !code.includes('var __')) return null;
      const shared = declarations(this.parse(code), code).filter((d) => helpers.get(d.name) === d.text);
      if (shared.length === 0) return null;
      const out = replaceRanges(code, shared.map((d) => [d.start, d.end]));
      return { code: `import { ${shared.map((d) => d.name).join(', ')} } from ${JSON.stringify(HELPERS)};\n${out}`, map: null };
    },
  };
}

/**
 * The elements' styles and markup are `css` and `html` template literals, which esbuild leaves as
 * written, indented for reading. In the bundle the styles lose their comments and the whitespace
 * around punctuation (other runs of whitespace become one space, so a placeholder keeps its
 * neighbours apart), and each line break and indentation in markup becomes one space, which
 * HTML renders the same (no template holds a <pre> or <textarea> whose text would change).
 */
const minifyCss = (text) =>
  text
    .replace(/\/\*[^]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/ ?([{};,]) ?/g, '$1')
    .replace(/: /g, ':')
    .replace(/;}/g, '}');
const compactStyles = {
  name: 'compact-styles',
  transform(code, id) {
    if (!/[\\/]components[\\/].*\.ts$/.test(id)) return null;
    // Only the literal text of each template changes, never the expressions in its placeholders.
    const cut = [];
    walkAst(this.parse(code), (node) => {
      const tag = node.type === 'TaggedTemplateExpression' && node.tag.type === 'Identifier' ? node.tag.name : '';
      if (tag === 'css' || tag === 'html') {
        for (const q of node.quasi.quasis) {
          const text = code.slice(q.start, q.end);
          cut.push([q.start, q.end, tag === 'css' ? minifyCss(text) : text.replace(/\n\s*/g, ' ')]);
        }
      }
      return false;
    });
    const out = replaceRanges(code, cut);
    return out === code ? null : { code: out, map: null };
  },
};

/**
 * Each scheme's `keys` carry a one-line summary of every key, written for the docs site's scenario
 * reference and `mem-sim --help`; the element never shows them (its suggestions use the key names and
 * aliases only), so the bundle leaves the summaries empty.
 */
const noKeySummaries = {
  name: 'no-key-summaries',
  transform(code, id) {
    if (!/[\\/]engine[\\/].*\.ts$/.test(id) || !code.includes('summary')) return null;
    const cut = [];
    walkAst(this.parse(code), (node) => {
      const v = node.value;
      if (node.type === 'Property' && node.key?.name === 'summary' && (v.type === 'Literal' || (v.type === 'TemplateLiteral' && v.expressions.length === 0))) cut.push([v.start, v.end, "''"]);
      return false;
    });
    return cut.length ? { code: replaceRanges(code, cut), map: null } : null;
  },
};

/**
 * Chunks are minified by terser, which on this code gzips about 1 KB (2 to 3 per cent) smaller than
 * esbuild's minifier: the margin that keeps every scheme's page within the 45 KB budget. It costs a
 * few seconds of build time. Only safe transforms (two compress passes, names mangled).
 */
const minifyChunks = {
  name: 'terser',
  async renderChunk(code) {
    const result = await minify(code, { module: true, ecma: 2022, compress: { passes: 2 }, sourceMap: false });
    return { code: result.code, map: null };
  },
};

/**
 * How the bundle is cut, so a page fetches few files and no code twice:
 * - `core`: the modules the entry imports statically, directly or not (they all load before the
 *   first simulator renders), the engine's small top-level helpers the schemes share (such as
 *   Mermaid label escaping) and the SchemeView base class every view extends;
 * - one chunk per scheme holding its engine module and its view, which every page showing the
 *   scheme loads together (`vm-paging`, `dynamic`, ...);
 * - one chunk for what a family of schemes shares: `contiguous` (engine/contiguous/ and the views'
 *   shared memory bar and lists), loaded by pages with a fixed, dynamic or buddy block;
 * - `table`: the table model drawn as HTML, which the vm-paging view is and the other schemes
 *   offer behind the Table toggle;
 * - the rest (the diagram panel, the error box) in rollup's own lazy chunks.
 * Chunks of their own for small shared modules would cost a request each and gzip worse.
 */
const engineHelper = /[\\/]engine[\\/][^\\/]+\.ts$|[\\/]components[\\/]views[\\/]scheme-view\.ts$/;
const contiguous = /[\\/]engine[\\/]contiguous[\\/]|[\\/]components[\\/]views[\\/](contiguous-view|memory-bar)\.ts$/;
const scheme = /[\\/](?:engine[\\/]schemes[\\/]([\w-]+)|components[\\/]views[\\/]([\w-]+)-view)\.ts$/;
const eagerSets = new WeakMap();
function chunkOf(id, { getModuleIds, getModuleInfo }) {
  let eager = eagerSets.get(getModuleInfo);
  if (!eager) {
    eager = new Set();
    eagerSets.set(getModuleInfo, eager);
    const queue = [...getModuleIds()].filter((m) => getModuleInfo(m).isEntry).flatMap((m) => getModuleInfo(m).importedIds);
    while (queue.length) {
      const next = queue.pop();
      if (eager.has(next)) continue;
      eager.add(next);
      queue.push(...(getModuleInfo(next)?.importedIds ?? []));
    }
  }
  if (eager.has(id) || engineHelper.test(id)) return 'core';
  if (contiguous.test(id)) return 'contiguous';
  if (/[\\/]components[\\/]table\.ts$/.test(id)) return 'table';
  const m = scheme.exec(id);
  return m ? m[1] ?? m[2] : undefined;
}

export default {
  input: { 'mem-sim': 'components/drop-in.ts' },
  logLevel: 'warn',
  plugins: [
    noFlatReader,
    mermaidBeside,
    typescriptSources,
    yamlParseOnly,
    nodeResolve({ browser: true }),
    // Modules are transpiled as they are (so sharedEsbuildHelpers can find the helpers), chunks minified.
    esbuild({ target: 'es2022', tsconfig: 'tsconfig.json', sourceMap: false }),
    sharedEsbuildHelpers(),
    compactStyles,
    noKeySummaries,
    minifyChunks,
  ],
  output: {
    dir: 'dist',
    format: 'es',
    entryFileNames: '[name].js',
    chunkFileNames: 'chunks/[name]-[hash].js',
    // Everything the entry needs goes into one shared "core" chunk, so dist/mem-sim.js is a small
    // stub: a page that loads it twice under two URLs (say with ?v=2) still gets one copy of Lit.
    // See chunkOf for the other chunks.
    manualChunks: chunkOf,
  },
};
