// `npm run build:site`: builds the docs and demo site (site/) into _site/ with Eleventy and
// mem-sim's own Eleventy plugin. Builds lib/ first when the TypeScript sources are newer (the site
// imports the plugin and the engine by the package's name, which resolves to lib/), and the browser
// bundle when dist/ has none. Eleventy does not clean its output folder, so it is deleted first.
// Then Pagefind indexes the built pages for the site's search box (into DIR/pagefind/).
//
//   node scripts/build-site.mjs [--output DIR] [--quiet]
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));

/** The newest modification time of the .ts files under `dir`. */
function newestSource(dir) {
  if (!existsSync(dir)) return 0;
  return readdirSync(dir, { withFileTypes: true }).reduce((t, e) => {
    const p = join(dir, e.name);
    return Math.max(t, e.isDirectory() ? newestSource(p) : e.name.endsWith('.ts') ? statSync(p).mtimeMs : 0);
  }, 0);
}

function runScript(script) {
  const r = spawnSync(process.execPath, [join(root, 'scripts', script)], { cwd: root, stdio: 'inherit' });
  return r.status === 0;
}

/** Rebuilds lib/ when engine/, plugin/ or cli/ changed since it was built. */
export function ensureLib() {
  const built = join(root, 'lib/bundled/eleventy.js');
  const sources = Math.max(...['engine', 'plugin', 'cli'].map((d) => newestSource(join(root, d))));
  if (existsSync(built) && statSync(built).mtimeMs >= sources) return;
  console.log('build-site: building lib/ (the sources changed)');
  // tsc still writes every file when another part of the project has type errors; go on if it did.
  if (!runScript('build-lib.mjs') && !existsSync(built)) throw new Error('build-site: lib/ could not be built');
}

/** Builds the bundle when dist/ has none (npm start and npm test always rebuild it). */
export function ensureBundle() {
  if (existsSync(join(root, 'dist/mem-sim.js'))) return;
  console.log('build-site: building the browser bundle (dist/ has none)');
  if (!runScript('build-bundle.mjs')) throw new Error('build-site: the bundle could not be built');
}

/**
 * Builds the site into `output` (default _site/), deleting it first.
 * @returns the number of pages written
 */
export async function buildSite({ output = join(root, '_site'), quiet = false } = {}) {
  process.chdir(root); // the site's config names its folders relative to the project
  ensureLib();
  ensureBundle();
  rmSync(output, { recursive: true, force: true });
  const { default: Eleventy } = await import('@11ty/eleventy');
  const eleventy = new Eleventy('site', output, { configPath: 'site/eleventy.config.mjs', quietMode: quiet });
  const results = await eleventy.write();
  await indexForSearch(output);
  return results.flat().filter((r) => r?.outputPath?.endsWith('.html')).length;
}

/**
 * Writes Pagefind's search index of the built pages into `output`/pagefind/. The layout marks what
 * to index (`data-pagefind-body` on the content, `data-pagefind-ignore` on simulator fallbacks).
 */
export async function indexForSearch(output) {
  const pagefind = await import('pagefind');
  try {
    const { index, errors } = await pagefind.createIndex({});
    if (!index) throw new Error(`build-site: Pagefind could not start: ${errors.join('; ')}`);
    const added = await index.addDirectory({ path: output });
    const written = await index.writeFiles({ outputPath: join(output, 'pagefind') });
    const failed = [...added.errors, ...written.errors];
    if (failed.length) throw new Error(`build-site: Pagefind failed: ${failed.join('; ')}`);
    return added.page_count;
  } finally {
    // Pagefind runs as a child process: without this, it keeps Node running after the build.
    await pagefind.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const args = process.argv.slice(2);
  const at = args.indexOf('--output');
  const output = at >= 0 ? resolve(args[at + 1] ?? '') : undefined;
  try {
    const pages = await buildSite({ output, quiet: args.includes('--quiet') });
    console.log(`build-site: ${pages} pages in ${output ?? join(root, '_site')}`);
  } catch (e) {
    // Eleventy has printed the chain of causes (an invalid block's path:line:col among them).
    if (!(e && typeof e === 'object' && 'originalError' in e)) console.error(e instanceof Error ? e.message : e);
    process.exitCode = 1;
  }
}
