/**
 * Eleventy build overhead (issues 4 and 12): a site of 200 posts (and a course-sized one of 2,000),
 * each with three memsim blocks (Silberschatz's
 * reference string under FIFO, LRU and OPT with 3 frames, one block per policy), must build in at most
 * 1.25 times the time of the same posts with the blocks as plain `text` fences. The memsim build
 * includes copying the browser bundle into the output. Median of 5 builds each, after a warm-up of
 * each, interleaved (ABBA) so that drift in the machine's speed hits both sides alike.
 * Run alone: `node --import tsx bench/build.ts [POSTS] [--no-prerender]`.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
// @ts-expect-error: a JavaScript module without types
import { ensureBundle, ensureLib } from '../scripts/build-site.mjs';
import { figure, median, printFigures, type Figure } from './common.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const work = join(root, '.bench-tmp', 'build');
/** The site sizes `npm run bench` measures: a blog's, where start-up weighs, and a course's, where each block's cost does. */
const SITES = [200, 2000];
const RUNS = 5;
const BUDGET = 1.25;
const ELEVENTY = join(root, 'node_modules', '@11ty', 'eleventy', 'cmd.cjs');
const SILBERSCHATZ = '7 0 1 2 0 3 0 4 2 3 0 3 2 1 2 0 1 7 0 1';

const LAYOUT = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>{{ title }}</title></head>
<body><main>{{ content | safe }}</main></body>
</html>
`;

function post(i: number, language: 'memsim' | 'text'): string {
  // The post's number in each title makes every block different, as on a real site.
  const block = (policy: string) =>
    `\`\`\`${language}\nscheme: vm-paging\ntitle: ${policy} on Silberschatz's reference string (part ${i})\nframes: 3\npolicy: ${policy}\nrefs: ${SILBERSCHATZ}\n\`\`\`\n`;
  return [
    `---\ntitle: Page replacement, part ${i}\nlayout: base.njk\ntemplateEngineOverride: md\n---`,
    `# Page replacement, part ${i}\n`,
    'A process refers to pages one after another; when a page is not in a frame, the reference faults.\n',
    '## FIFO\n',
    block('FIFO'),
    'FIFO evicts the page loaded earliest.\n',
    '## LRU\n',
    block('LRU'),
    'LRU evicts the page used least recently.\n',
    '## OPT\n',
    block('OPT'),
    'OPT evicts the page used farthest in the future.\n',
  ].join('\n');
}

function writeSite(language: 'memsim' | 'text', posts: number): string {
  const input = join(work, `${language}-in`);
  rmSync(input, { recursive: true, force: true });
  mkdirSync(join(input, '_includes'), { recursive: true });
  mkdirSync(join(input, 'posts'));
  writeFileSync(join(input, '_includes', 'base.njk'), LAYOUT);
  for (let i = 1; i <= posts; i++) writeFileSync(join(input, 'posts', `post-${i}.md`), post(i, language));
  return input;
}

/**
 * Each build is a fresh `eleventy` process, as a site's build runs (`npx @11ty/eleventy`): Node's
 * start, Eleventy's and the plugin's imports, rendering every post, writing and copying.
 */
function writeConfig(language: 'memsim' | 'text', pluginOptions: Record<string, unknown>): string {
  const file = join(work, `${language}.config.mjs`);
  writeFileSync(
    file,
    (language === 'memsim' ? "import memSim from 'mem-sim/eleventy';\n" : '') +
      'export default function (eleventyConfig) {\n' +
      '  eleventyConfig.setUseGitIgnore(false); // .bench-tmp/ is in .gitignore, which Eleventy honours\n' +
      (language === 'memsim' ? `  eleventyConfig.addPlugin(memSim, ${JSON.stringify(pluginOptions)});\n` : '') +
      '}\n' +
      'export const config = { markdownTemplateEngine: false };\n',
  );
  return file;
}

/**
 * One full build into an empty output folder, wall time in ms. Deleting the old output is not
 * timed, and neither is the disk work it leaves behind: `sync` flushes it first, or the journal
 * commit of deleting the last build's files would stall this build's writes at random.
 */
function build(language: 'memsim' | 'text', input: string, config: string, posts: number): number {
  const output = join(work, `${language}-out`);
  rmSync(output, { recursive: true, force: true });
  spawnSync('sync');
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [ELEVENTY, `--config=${config}`, `--input=${input}`, `--output=${output}`, '--quiet'], {
    cwd: root,
    encoding: 'utf8',
  });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`bench/build: the ${language} build failed:\n${r.stdout}\n${r.stderr}`);
  const written = Number(/Wrote (\d+) files?/.exec(r.stdout)?.[1] ?? NaN);
  if (written !== posts) throw new Error(`bench/build: expected ${posts} pages, Eleventy wrote ${written}: ${r.stdout}`);
  return ms;
}

export async function benchBuild(sites = SITES, pluginOptions: Record<string, unknown> = {}): Promise<Figure[]> {
  const figures: Figure[] = [];
  for (const posts of sites) figures.push(...buildOverhead(posts, pluginOptions));
  return figures;
}

function buildOverhead(posts: number, pluginOptions: Record<string, unknown>): Figure[] {
  ensureBundle(); // the memsim build copies dist/ into the site
  ensureLib(); // the sites import the plugin by the package's name, which resolves to lib/
  const inputs = { memsim: writeSite('memsim', posts), text: writeSite('text', posts) };
  const configs = { memsim: writeConfig('memsim', pluginOptions), text: writeConfig('text', pluginOptions) };
  const build1 = (side: 'memsim' | 'text') => build(side, inputs[side], configs[side], posts);
  build1('text');
  build1('memsim');
  const times: Record<'memsim' | 'text', number[]> = { memsim: [], text: [] };
  // ABBA order (text first in even rounds, memsim first in odd ones), so a machine that speeds up
  // or slows down during the run does not always favour the side that builds first.
  for (let i = 0; i < RUNS; i++) {
    const order = i % 2 === 0 ? (['text', 'memsim'] as const) : (['memsim', 'text'] as const);
    for (const side of order) times[side].push(build1(side));
  }
  const text = median(times.text);
  const memsim = median(times.memsim);
  const fmt = (xs: number[]) => xs.map((x) => x.toFixed(0)).join(', ');
  console.log(`text fences:   ${fmt(times.text)} ms (median ${text.toFixed(0)})`);
  console.log(`memsim blocks: ${fmt(times.memsim)} ms (median ${memsim.toFixed(0)}), bundle copied into the output`);
  console.log(`(each build a fresh eleventy process: ${posts} posts, ${3 * posts} blocks, plugin options ${JSON.stringify(pluginOptions)})`);
  rmSync(work, { recursive: true, force: true });
  return [figure(`Eleventy build, ${posts} posts x 3 memsim blocks vs text fences (${text.toFixed(0)} -> ${memsim.toFixed(0)} ms)`, memsim / text, BUDGET, 'x', true)];
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const posts = process.argv.slice(2).find((a) => /^\d+$/.test(a));
  const figures = await benchBuild(posts ? [Number(posts)] : SITES, process.argv.includes('--no-prerender') ? { prerender: false } : {});
  printFigures(figures);
  process.exit(figures.every((f) => f.ok) ? 0 : 1);
}
