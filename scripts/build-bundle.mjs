// Builds the drop-in bundle (dist/) with rollup, copies Mermaid's own ESM build beside it, and
// regenerates custom-elements.json from the elements' JSDoc.
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { rollup } from 'rollup';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const dist = join(root, 'dist');
process.chdir(root);

// Rollup does not clean its output folder: a stale chunk would be shipped with the new ones.
rmSync(dist, { recursive: true, force: true });

const { default: config } = await import('../rollup.config.mjs');
const bundle = await rollup({ ...config, onwarn: (w) => console.warn(`rollup: ${w.message}`) });
await bundle.write(config.output);
await bundle.close();

// Mermaid: its ESM entry and the chunks it imports, without source maps (they are 3x the code).
const require = createRequire(import.meta.url);
const mermaidDist = dirname(require.resolve('mermaid/dist/mermaid.esm.min.mjs'));
const chunks = 'chunks/mermaid.esm.min';
mkdirSync(join(dist, 'mermaid', chunks), { recursive: true });
const copyCode = (from, to) =>
  writeFileSync(to, readFileSync(from, 'utf8').replace(/\n?\/\/# sourceMappingURL=\S+\s*$/, '\n'));
copyCode(join(mermaidDist, 'mermaid.esm.min.mjs'), join(dist, 'mermaid', 'mermaid.esm.min.mjs'));
for (const name of readdirSync(join(mermaidDist, chunks))) {
  if (name.endsWith('.mjs')) copyCode(join(mermaidDist, chunks, name), join(dist, 'mermaid', chunks, name));
}
copyFileSync(join(mermaidDist, '..', 'LICENSE'), join(dist, 'mermaid', 'LICENSE'));

// custom-elements.json, from the JSDoc of components/ (see the `analyze` script in package.json).
const cem = spawnSync(process.execPath, [require.resolve('@custom-elements-manifest/analyzer/cem.js'), 'analyze', '--litelement', '--globs', 'components/**/*.ts', '--exclude', 'components/**/*.test.ts'], { stdio: ['ignore', 'ignore', 'inherit'] });
if (cem.status !== 0) process.exit(cem.status ?? 1);

const size = (f) => readFileSync(join(dist, f)).length;
console.log(`dist/mem-sim.js ${size('mem-sim.js')} bytes; chunks: ${readdirSync(join(dist, 'chunks')).join(', ')}`);
