/**
 * The memsim fence rule as a markdown-it plugin, for any host that renders with markdown-it:
 *
 * ```js
 * import markdownIt from 'markdown-it';
 * import memSim from 'mem-sim/markdown-it';
 * const md = markdownIt().use(memSim, { errors: 'inline' });
 * ```
 *
 * It wraps the fence rule for the `memsim` language only; every other fence goes to the rule that
 * was there before (markdown-it's own, or a highlighter's), so it composes with other plugins in
 * either order.
 */
import type { MarkdownIt } from 'markdown-it';
import { MemSimError, renderBlock, type BlockLocation } from './block.js';
import type { FallbackOptions, LocatedError } from './fallback.js';
import { fenceColumns, isMemSimFence, memSimFenceRule } from './fence.js';

export { MemSimError } from './block.js';
export { isMemSimFence } from './fence.js';
export type { LocatedError } from './fallback.js';

/** What the fence rule knows about a block when it asks where the block is. */
export interface FenceBlock {
  /** Line of the opening fence in the text markdown-it was given, 1-based. */
  line: number;
  /** The scenario text between the fences. */
  content: string;
  /** Per line of `content`, the characters before it on its line of the text markdown-it was given. */
  columns?: readonly number[];
}

export interface MarkdownItMemSimOptions extends FallbackOptions {
  /**
   * What an invalid block does. `'throw'` (the default) throws a `MemSimError` whose message has
   * one `path:LINE:COL message` line per error, which fails a build. `'inline'` renders the
   * errors in the page, in the block's place.
   */
  errors?: 'throw' | 'inline';
  /** Called with an invalid block's errors in `'inline'` mode, for example to log a warning. */
  onError?: (errors: LocatedError[], env: unknown) => void;
  /**
   * Where a block is in its file, for error messages and the `data-line` attribute. The default
   * takes the file from `env.page.inputPath` (Eleventy) or `env.path`, and the line as markdown-it
   * counts it. Give this when the host strips front matter before rendering.
   */
  locate?: (env: any, block: FenceBlock) => BlockLocation;
  /**
   * The static fallback of a valid block with this text, already drawn with these options (the
   * Eleventy plugin draws them on a second thread), or undefined to draw it now.
   */
  prerendered?: (content: string) => string | undefined;
}

/** `./posts/a.md` -> `posts/a.md`: the form compilers print. */
export function displayPath(path: string | undefined): string | undefined {
  return typeof path === 'string' && path !== '' ? path.replace(/^\.\//, '') : undefined;
}

function defaultLocate(env: any, block: FenceBlock): BlockLocation {
  return { file: displayPath(env?.page?.inputPath ?? env?.path), line: block.line, columns: block.columns };
}

/** Registers the memsim fence rule on a markdown-it instance. */
export function markdownItMemSim(md: MarkdownIt, options: MarkdownItMemSimOptions = {}): void {
  const previous = md.renderer.rules.fence;
  const locate = options.locate ?? defaultLocate;
  const fallback: FallbackOptions = { maxTableSteps: options.maxTableSteps, steps: options.steps, mermaid: options.mermaid };
  memSimFenceRule(md);

  md.renderer.rules.fence = (tokens, idx, mdOptions, env, self) => {
    const token = tokens[idx]!;
    if (!isMemSimFence(token.info)) {
      return previous ? previous(tokens, idx, mdOptions, env, self) : self.renderToken(tokens, idx, mdOptions);
    }
    const where = locate(env, { line: (token.map?.[0] ?? 0) + 1, content: token.content, columns: fenceColumns(token) });
    const block = renderBlock(token.content, where, fallback, options.prerendered?.(token.content));
    if (!block.ok) {
      if (options.errors !== 'inline') throw new MemSimError(block.errors);
      options.onError?.(block.errors, env);
    }
    return block.html;
  };
}

export default markdownItMemSim;
