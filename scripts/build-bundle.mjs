// Builds the drop-in bundle (dist/) with rollup, copies Mermaid's own ESM build beside it, and
// regenerates custom-elements.json from the elements' JSDoc.
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
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

// Mermaid: its ESM entry and the chunks a flowchart can load, without source maps (they are 3x
// the code). The engine draws only flowcharts; the entry's lazy loaders of the other forty diagram
// types are left out, which halves what a site copies and deploys (3.5 MB in 104 files to 1.8 MB
// in 32). Every other edge is followed, static or lazy (layouts, KaTeX for math in labels), so a
// flowchart never asks for a chunk that is not there.
const require = createRequire(import.meta.url);
const mermaidDist = dirname(require.resolve('mermaid/dist/mermaid.esm.min.mjs'));
const entry = join(mermaidDist, 'mermaid.esm.min.mjs');
const DIAGRAMS_WE_DRAW = /\/flowDiagram-[A-Z0-9]+\.mjs$/;
const flowchartFiles = new Set();
let flowLoaders = 0;
const visit = (file) => {
  if (flowchartFiles.has(file)) return;
  flowchartFiles.add(file);
  const code = readFileSync(file, 'utf8');
  for (const m of code.matchAll(/(?:\bfrom|\bimport)\s*"(\.{1,2}\/[^"]+\.mjs)"/g)) visit(join(dirname(file), m[1]));
  for (const m of code.matchAll(/\bimport\(\s*"(\.{1,2}\/[^"]+\.mjs)"\s*\)/g)) {
    const target = join(dirname(file), m[1]);
    if (file !== entry) visit(target);
    else if (DIAGRAMS_WE_DRAW.test(target)) (flowLoaders++, visit(target));
  }
};
visit(entry);
if (flowLoaders === 0) {
  console.error(`build-bundle: ${entry} has no lazy import of flowDiagram-*.mjs any more; update DIAGRAMS_WE_DRAW for this Mermaid version`);
  process.exit(1);
}
const copyCode = (from, to) => {
  mkdirSync(dirname(to), { recursive: true });
  writeFileSync(to, readFileSync(from, 'utf8').replace(/\n?\/\/# sourceMappingURL=\S+\s*$/, '\n'));
};
for (const file of flowchartFiles) copyCode(file, join(dist, 'mermaid', relative(mermaidDist, file)));
copyFileSync(join(mermaidDist, '..', 'LICENSE'), join(dist, 'mermaid', 'LICENSE'));

// custom-elements.json, from the JSDoc of components/ (see the `analyze` script in package.json).
const cem = spawnSync(process.execPath, [require.resolve('@custom-elements-manifest/analyzer/cem.js'), 'analyze', '--litelement', '--globs', 'components/**/*.ts', '--exclude', 'components/**/*.test.ts'], { stdio: ['ignore', 'ignore', 'inherit'] });
if (cem.status !== 0) process.exit(cem.status ?? 1);

const size = (f) => readFileSync(join(dist, f)).length;
console.log(`dist/mem-sim.js ${size('mem-sim.js')} bytes; chunks: ${readdirSync(join(dist, 'chunks')).join(', ')}`);
