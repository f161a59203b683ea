// The drop-in bundle: dist/mem-sim.js (a stub importing the shared core chunk: Lit, the yaml parser,
// the engine core and the element) plus lazy chunks in dist/chunks/: one per scheme (its engine code
// and view), one the contiguous schemes share, the table, the error box and the diagram panel
// (scripts/rollup/chunk-of.mjs). Chunks import each other by relative URLs, so the dist folder works
// wherever it is copied. Mermaid stays external: scripts/build-bundle.mjs copies its own ESM build to
// dist/mermaid/. Each custom plugin is one file in scripts/rollup/ with a test
// (test/node/rollup-plugins.test.ts); each fails the build when a dependency upgrade breaks what it
// relies on, rather than shipping a bigger or broken bundle.
import { fileURLToPath } from 'node:url';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import esbuild from 'rollup-plugin-esbuild';
import {
  chunkOf,
  litTemplates,
  mermaidBeside,
  noFlatReader,
  noKeySummaries,
  sharedEsbuildHelpers,
  typescriptSources,
  yamlParseOnly,
} from './scripts/rollup/index.mjs';

export default {
  input: { 'mem-sim': 'components/drop-in.ts' },
  logLevel: 'warn',
  plugins: [
    // Where modules come from: the sources import `./x.js` for `x.ts`; Mermaid is left outside.
    typescriptSources(),
    mermaidBeside(),
    nodeResolve({ browser: true }),
    // What a page never needs, cut out (each plugin says why that is safe).
    noFlatReader(),
    yamlParseOnly(),
    // The elements' markup and styles, minified before esbuild sees them.
    litTemplates(),
    // Transpiled module by module, as written (so sharedEsbuildHelpers finds esbuild's helpers).
    esbuild({ target: 'es2022', tsconfig: 'tsconfig.json', sourceMap: false }),
    sharedEsbuildHelpers(),
    noKeySummaries(),
    // Chunks are minified by terser, which on this code gzips about 1 KB (2 to 3 per cent) smaller
    // than esbuild's minifier: the margin that keeps every scheme's page within the 45 KB budget.
    // Only safe transforms (two compress passes, names mangled).
    terser({ module: true, ecma: 2022, compress: { passes: 2 } }),
  ],
  output: {
    dir: 'dist',
    format: 'es',
    entryFileNames: '[name].js',
    chunkFileNames: 'chunks/[name]-[hash].js',
    // Hex hashes gzip better than base64 ones in the core chunk's import() names: 17 bytes on the
    // dynamic page, and a lazy chunk's new hash no longer moves a page's total by as much.
    hashCharacters: 'hex',
    manualChunks: chunkOf(fileURLToPath(new URL('.', import.meta.url))),
  },
};
