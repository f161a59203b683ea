// The drop-in bundle: dist/mem-sim.js (Lit, the yaml parser and the engine core bundled in) plus
// lazy chunks in dist/chunks/ for each scheme's engine code, each scheme's view and the diagram
// panel. Chunks import each other by relative URLs, so the dist folder works wherever it is copied.
// Mermaid stays external: scripts/build-bundle.mjs copies its own ESM build to dist/mermaid/.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, posix, resolve } from 'node:path';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import esbuild from 'rollup-plugin-esbuild';

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
 * crashes) and the tag table keeps the core, json and failsafe schemas. The end-to-end tests check
 * that the bundle reports the same errors as the engine in Node.
 */
const yamlDist = /[\\/]node_modules[\\/]yaml[\\/]browser[\\/]dist[\\/](.*)$/;
const yamlUnused = /^(stringify[\\/].*|visit\.js|doc[\\/](applyReviver|createNode|anchors)\.js|nodes[\\/](toJS|addPairToJSMap)\.js)$/;
const yamlCoreTags = `
import { map } from './common/map.js';
import { seq } from './common/seq.js';
import { string } from './common/string.js';
import { schema as core } from './core/schema.js';
import { schema as json } from './json/schema.js';
const schemas = new Map([['core', core], ['failsafe', [map, seq, string]], ['json', json]]);
export const coreKnownTags = {};
export function getTags(customTags, schemaName, addMergeTag) {
  const tags = schemas.get(schemaName);
  if (!tags || customTags || addMergeTag) throw new Error('mem-sim bundles the core, json and failsafe YAML schemas only');
  return tags.slice();
}`;
const yamlParseOnly = {
  name: 'yaml-parse-only',
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
 * The modules the entry imports statically, directly or not: they all load before the first
 * simulator renders, so they share one chunk. So do the engine's small top-level helpers that the
 * schemes share (such as Mermaid label escaping): as chunks of their own they would cost a request
 * each. Everything else (each scheme's engine code and view, the code only a family of schemes
 * shares, the diagram panel) is left to rollup's own lazy chunks.
 */
const engineHelper = /[\\/]engine[\\/][^\\/]+\.ts$/;
const eagerSets = new WeakMap();
function coreChunk(id, { getModuleIds, getModuleInfo }) {
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
  return eager.has(id) || engineHelper.test(id) ? 'core' : undefined;
}

export default {
  input: { 'mem-sim': 'components/drop-in.ts' },
  logLevel: 'warn',
  plugins: [
    mermaidBeside,
    typescriptSources,
    yamlParseOnly,
    nodeResolve({ browser: true }),
    esbuild({ target: 'es2022', minify: true, tsconfig: 'tsconfig.json' }),
  ],
  output: {
    dir: 'dist',
    format: 'es',
    entryFileNames: '[name].js',
    chunkFileNames: 'chunks/[name]-[hash].js',
    // Everything the entry needs goes into one shared "core" chunk, so dist/mem-sim.js is a small
    // stub: a page that loads it twice under two URLs (say with ?v=2) still gets one copy of Lit.
    manualChunks: coreChunk,
  },
};
