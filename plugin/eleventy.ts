/**
 * The Eleventy plugin: every ```memsim fence in a markdown template becomes a live simulator with a
 * static fallback, and the pages that hold one load the browser bundle.
 *
 * ```js
 * // eleventy.config.js
 * import memSim from 'mem-sim/eleventy';
 * export default function (eleventyConfig) {
 *   eleventyConfig.addPlugin(memSim, { errors: 'throw' });
 * }
 * export const config = { markdownTemplateEngine: false }; // keep Liquid away from {{ }} in fences
 * ```
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { didYouMean } from '../engine/errors.js';
import { findBlocks, type MemSimBlock } from './blocks.js';
import { escapeHtml } from './escape.js';
import { DEFAULT_MAX_TABLE_STEPS, FALLBACK_CSS, formatError, type LocatedError } from './fallback.js';
import { locateInFile } from './locate.js';
import { FallbackPrerenderer } from './prerender.js';
import { displayPath, markdownItMemSim, type FenceBlock } from './markdown-it.js';

/** The fallback's stylesheet, for pages that add it themselves (`fallbackStyles: false`). */
export { FALLBACK_CSS } from './fallback.js';

/** The Eleventy versions this plugin is built and tested for. */
export const ELEVENTY_COMPATIBILITY = '>=3.0.0';

/** The plugin's options; every one is optional. */
export interface EleventyMemSimOptions {
  /**
   * What an invalid block does: `'throw'` fails the build with `path/to/post.md:LINE:COL message`
   * (LINE counted in the file, front matter included); `'inline'` renders the errors in the page
   * and logs them as warnings. Default `'throw'`.
   */
  errors?: 'throw' | 'inline';
  /**
   * URL of `mem-sim.js` to load instead of a copy in the site, such as a CDN URL. When given, the
   * bundle is not copied. Default: `bundlePath` + `mem-sim.js`.
   */
  scriptSrc?: string;
  /** Where the bundle (`mem-sim.js` and its chunk folders) is copied in the output, as a URL path. Default `/assets/mem-sim/`. */
  bundlePath?: string;
  /** The folder to copy: the bundle's `dist/`. Default: the `dist/` folder of the installed mem-sim package. */
  bundleDir?: string;
  /** Add a small stylesheet for the static fallback to the pages that hold a simulator. Default true. */
  fallbackStyles?: boolean;
  /** Runs longer than this show only their final state and metrics in the fallback. Default 2000. */
  maxTableSteps?: number;
  /** Put each run's step-by-step sentences in the fallback (in a closed `<details>`). Default false. */
  steps?: boolean;
  /** Put the Mermaid source of each run's last step in the fallback (`<pre class="mermaid">`). Default false. */
  mermaid?: boolean;
  /**
   * Draw the fallbacks of the site's memsim blocks on a second thread while Eleventy renders pages,
   * when the site has many blocks. The pages are the same either way. Default true.
   */
  prerender?: boolean;
}

/** The parts of Eleventy's configuration API the plugin uses (Eleventy 3). */
export interface EleventyConfigLike {
  versionCheck?: (range: string) => void;
  amendLibrary(name: 'md', amend: (md: any) => void): void;
  addPassthroughCopy(copy: Record<string, string>): void;
  addTransform(name: string, transform: (this: any, content: string, outputPath?: string) => unknown): void;
  on?(event: string, listener: (...args: any[]) => void): void;
  virtualTemplates?: Record<string, { content?: unknown }>;
  directories?: { input?: string };
}

/** The package's own folder (where its package.json is), from this file in `plugin/` or `lib/plugin/`. */
function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 4; i++) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg) && JSON.parse(readFileSync(pkg, 'utf8')).name === 'mem-sim') return dir;
    dir = dirname(dir);
  }
  return resolve(dirname(fileURLToPath(import.meta.url)), '..');
}

/** The defaults, merged under the options a site passes. */
export function defaultOptions(): Required<Omit<EleventyMemSimOptions, 'scriptSrc'>> & { scriptSrc: string | undefined } {
  return {
    errors: 'throw',
    scriptSrc: undefined,
    bundlePath: '/assets/mem-sim/',
    bundleDir: join(packageRoot(), 'dist'),
    fallbackStyles: true,
    maxTableSteps: DEFAULT_MAX_TABLE_STEPS,
    steps: false,
    mermaid: false,
    prerender: true,
  };
}

function fail(message: string): never {
  throw new Error(`mem-sim/eleventy: ${message}`);
}

/** Checks the options a site passed; each message says what was received and what is expected. */
function checkOptions(options: Record<string, unknown>): void {
  const known = Object.keys(defaultOptions());
  for (const key of Object.keys(options)) {
    if (!known.includes(key)) fail(`unknown option '${key}'${didYouMean(key, known)}; the options are ${known.join(', ')}`);
  }
  const o = options as EleventyMemSimOptions;
  if (o.errors !== undefined && o.errors !== 'throw' && o.errors !== 'inline') {
    fail(`option errors must be 'throw' or 'inline', got ${JSON.stringify(o.errors)}`);
  }
  for (const key of ['scriptSrc', 'bundlePath', 'bundleDir'] as const) {
    if (o[key] !== undefined && (typeof o[key] !== 'string' || o[key] === '')) fail(`option ${key} must be a non-empty string, got ${JSON.stringify(o[key])}`);
  }
  if (o.bundlePath !== undefined && !o.bundlePath.startsWith('/')) {
    fail(`option bundlePath must be a URL path that starts with '/', such as '/assets/mem-sim/', got '${o.bundlePath}'`);
  }
  for (const key of ['fallbackStyles', 'steps', 'mermaid', 'prerender'] as const) {
    if (o[key] !== undefined && typeof o[key] !== 'boolean') fail(`option ${key} must be true or false, got ${JSON.stringify(o[key])}`);
  }
  if (o.maxTableSteps !== undefined && !(Number.isInteger(o.maxTableSteps) && o.maxTableSteps >= 0)) {
    fail(`option maxTableSteps must be a whole number of steps, got ${JSON.stringify(o.maxTableSteps)}`);
  }
}

function checkVersion(eleventyConfig: EleventyConfigLike): void {
  if (typeof eleventyConfig.versionCheck !== 'function') {
    fail(`this plugin needs Eleventy ${ELEVENTY_COMPATIBILITY}, and this Eleventy is older than 2.0 (it has no versionCheck). Upgrade with: npm install @11ty/eleventy@3`);
  }
  try {
    eleventyConfig.versionCheck(ELEVENTY_COMPATIBILITY);
  } catch (e) {
    fail(`this plugin needs Eleventy ${ELEVENTY_COMPATIBILITY}. ${(e as Error).message}`);
  }
}

/** Inserts `html` before `</head>`, or at the start of a page that has no head. */
function intoHead(page: string, html: string): string {
  const at = page.search(/<\/head\s*>/i);
  return at < 0 ? html + page : page.slice(0, at) + html + page.slice(at);
}

/**
 * The Eleventy plugin. Register it with `eleventyConfig.addPlugin(memSim, options)`.
 * @param options see `EleventyMemSimOptions`; defaults in `defaultOptions()`
 */
export function eleventyMemSim(eleventyConfig: EleventyConfigLike, options: EleventyMemSimOptions = {}): void {
  checkVersion(eleventyConfig);
  checkOptions(options as Record<string, unknown>);
  const opts = { ...defaultOptions(), ...options };
  const bundlePath = opts.bundlePath.endsWith('/') ? opts.bundlePath : `${opts.bundlePath}/`;
  const scriptSrc = opts.scriptSrc ?? `${bundlePath}mem-sim.js`;

  let prerenderer: FallbackPrerenderer | undefined;
  // The source of each input file and its memsim blocks, read once per build, to find block lines.
  const sources = new Map<string, { text: string; blocks: MemSimBlock[] } | undefined>();
  eleventyConfig.on?.('eleventy.before', () => sources.clear());
  const sourceOf = (inputPath: string) => {
    if (sources.has(inputPath)) return sources.get(inputPath);
    let source: { text: string; blocks: MemSimBlock[] } | undefined;
    const text = virtualTemplate(eleventyConfig, inputPath);
    if (text !== undefined) source = { text, blocks: findBlocks(text) };
    // The prerender worker has read the site's files already.
    else source = prerenderer?.file(resolve(inputPath));
    if (source === undefined) {
      try {
        const fromDisk = readFileSync(inputPath, 'utf8');
        source = { text: fromDisk, blocks: findBlocks(fromDisk) };
      } catch {
        source = undefined;
      }
    }
    sources.set(inputPath, source);
    return source;
  };

  const locate = (env: any, block: FenceBlock) => {
    const inputPath: unknown = env?.page?.inputPath;
    if (typeof inputPath !== 'string') return { line: block.line };
    const file = messagePath(inputPath);
    const source = sourceOf(inputPath);
    return source === undefined ? { file, line: block.line } : { file, ...locateInFile(source.text, env.page.rawInput, block, source.blocks) };
  };

  const fallbackOptions = { maxTableSteps: opts.maxTableSteps, steps: opts.steps, mermaid: opts.mermaid };
  eleventyConfig.on?.('eleventy.before', (event?: { directories?: { input?: string; output?: string } }) => {
    prerenderer?.stop();
    const input = event?.directories?.input ?? eleventyConfig.directories?.input;
    if (opts.prerender && typeof input === 'string') {
      const output = event?.directories?.output;
      prerenderer = new FallbackPrerenderer({ dir: input, skip: output ? [output] : [] }, fallbackOptions);
    }
  });
  eleventyConfig.on?.('eleventy.after', () => {
    prerenderer?.stop();
    prerenderer = undefined;
  });

  const onError = (errors: LocatedError[]) => {
    for (const e of errors) console.warn(`[mem-sim] ${formatError(e)}`);
  };

  eleventyConfig.amendLibrary('md', (md) =>
    md.use(markdownItMemSim, {
      errors: opts.errors,
      onError,
      locate,
      ...fallbackOptions,
      prerendered: (content: string) => prerenderer?.take(content),
    }),
  );

  if (options.scriptSrc === undefined) {
    if (!existsSync(join(opts.bundleDir, 'mem-sim.js'))) {
      console.warn(
        `[mem-sim] no bundle at ${join(opts.bundleDir, 'mem-sim.js')}: simulators will not run. ` +
          `Build it (npm run build:bundle in mem-sim), pass bundleDir, or load it from a CDN with scriptSrc.`,
      );
    }
    eleventyConfig.addPassthroughCopy({ [opts.bundleDir]: bundlePath.replace(/^\/+|\/+$/g, '') });
  }

  const tags =
    `<script type="module" src="${escapeHtml(scriptSrc)}"></script>` +
    (opts.fallbackStyles ? `<style>${FALLBACK_CSS}</style>` : '');
  eleventyConfig.addTransform('mem-sim', function (this: any, content: string, legacyOutputPath?: string) {
    const outputPath: unknown = this?.page?.outputPath ?? legacyOutputPath;
    if (typeof content !== 'string' || typeof outputPath !== 'string' || !outputPath.endsWith('.html')) return content;
    if (!/<mem-sim[\s>]/.test(content)) return content;
    return intoHead(content, tags);
  });
}

/** The path errors name: relative to the working folder when the file is inside it, as compilers print. */
function messagePath(inputPath: string): string | undefined {
  if (isAbsolute(inputPath)) {
    const r = relative(process.cwd(), inputPath);
    if (r && !r.startsWith('..') && !isAbsolute(r)) return r;
  }
  return displayPath(inputPath);
}

/** A virtual template's content (`eleventyConfig.addTemplate`), which is not on disk. */
function virtualTemplate(eleventyConfig: EleventyConfigLike, inputPath: string): string | undefined {
  const all = eleventyConfig.virtualTemplates;
  if (!all) return undefined;
  const path = inputPath.replace(/^\.\//, '');
  const input = (eleventyConfig.directories?.input ?? '').replace(/^\.\//, '');
  const relative = input && path.startsWith(input) ? path.slice(input.length).replace(/^\/+/, '') : path;
  const content = all[relative]?.content ?? all[path]?.content;
  return typeof content === 'string' ? content : undefined;
}

export default eleventyMemSim;
