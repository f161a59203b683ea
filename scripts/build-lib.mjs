// Compiles engine/, components/, plugin/ and cli/ to lib/ (JavaScript and .d.ts) with TypeScript,
// then bundles the build plugins for Node into lib/bundled/ (see below).
// Run by `prepare`, so `npx mem-sim` works right after `npm ci` in a fresh clone.
import { rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import { rollup } from 'rollup';

const require = createRequire(import.meta.url);
const lib = fileURLToPath(new URL('../lib/', import.meta.url));
rmSync(lib, { recursive: true, force: true });
const r = spawnSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json'], {
  stdio: 'inherit',
  cwd: new URL('..', import.meta.url),
});
if (r.status !== 0) process.exit(r.status ?? 1);

// The Eleventy and markdown-it plugins, and the prerender worker, as three entry files and the
// chunks they share (engine and yaml; markdown-it for the Eleventy plugin and the worker, which
// find a file's blocks with it: plugin/blocks.ts. The markdown-it plugin imports only its types). An Eleventy build imports the plugin in a fresh process and
// the worker in a fresh thread: Node's loader takes about 1 ms a module, and lib/ plus yaml are a
// hundred modules, so one file each starts them about 50 ms sooner (issue 4's build budget). The
// worker must sit beside eleventy.js under its own name: prerender.ts finds it by URL.
const bundle = await rollup({
  input: {
    eleventy: `${lib}plugin/eleventy.js`,
    'markdown-it': `${lib}plugin/markdown-it.js`,
    'prerender-worker': `${lib}plugin/prerender-worker.js`,
  },
  external: (id) => id.startsWith('node:'),
  // yaml's ESM build (its "default" export; the "node" one is CommonJS, which rollup cannot read unaided).
  plugins: [nodeResolve()],
  onwarn: (w) => console.warn(`rollup (lib/bundled): ${w.message}`),
});
// The engine loads its schemes through the registry's dynamic imports (lib/engine/schemes/all.js
// awaits them all), each of which would be a file of its own: one chunk holds them all instead.
// (Not the chunk of all.js itself: its top-level await would then run before the schemes exist.)
const engineChunk = (id) => (/[\\/]lib[\\/]engine[\\/](schemes[\\/][\w-]+[\\/]|contiguous[\\/])/.test(id) ? 'schemes' : undefined);
await bundle.write({ dir: `${lib}bundled`, format: 'es', entryFileNames: '[name].js', chunkFileNames: 'shared-[hash].js', manualChunks: engineChunk });
await bundle.close();
