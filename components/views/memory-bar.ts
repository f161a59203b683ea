/**
 * The memory bar the contiguous schemes share: main memory drawn to scale as one labelled bar from
 * address 0 at the left to the end of memory at the right, as a row of Stallings' and Silberschatz's
 * memory maps laid on its side (so runs fit side by side and the bar fits 320 px). It draws the OS
 * region, processes, holes, anonymous used memory, partition or block borders, and, inside a
 * partition or buddy block, the space its process leaves unused, shaded. It is a render function
 * with its styles rather than an element, so a view pays for no extra element or decorator code.
 *
 * Blocks narrower than half a percent of memory can hardly be seen; those that start in the same
 * half percent are drawn as one strip, underlined, whose tooltip says what it holds, which also keeps
 * a map of thousands of holes to a few hundred nodes (and a step to a few milliseconds). Blocks too narrow for words carry them
 * in the tooltip and the text alternative only. The block the current step placed is always drawn
 * on its own, outlined. A key under the bar explains every fill, pattern and mark of the bar and of
 * the view's tree and tables.
 */
import { css, html, nothing, type TemplateResult } from 'lit';
import { addressText } from '../../engine/contiguous/common.js';
import { formatSize } from '../../engine/units.js';

/** What a block holds; each kind has its own fill. `free` is a free partition or buddy block. */
export type BarKind = 'os' | 'process' | 'hole' | 'used' | 'unused' | 'free';

export interface BarBlock {
  start: number;
  size: number;
  kind: BarKind;
  /** The short name drawn inside the block (`P1`, `OS`, `#3`); the size is drawn under it. */
  name: string;
  /**
   * The block in words for the text alternative and the tooltip (`P1 20M at 8M`); without it,
   * `BarOptions.describe` says it, and only for the blocks that are drawn on their own or read out
   * (a map of thousands of holes then costs no words for the blocks gathered into strips).
   */
  text?: string;
  /** Bytes the process in a partition or buddy block uses; the rest of the block is shaded as lost. */
  used?: number;
  /** Placed by the current step: outlined. */
  current?: boolean;
}

export interface BarOptions {
  /** What the bar shows, the start of its text alternative (`first-fit: memory`). */
  label: string;
  /** A pointer drawn under the bar, such as next-fit's (`{at: 36M, text: 'next-fit'}`). */
  marker?: { at: number; text: string };
  /** Draw block borders as strong lines (partitions, buddy blocks) rather than hairlines. */
  borders?: boolean;
  /** A block in words, for blocks given without `text`. */
  describe?: (b: BarBlock) => string;
  /**
   * The key's entries the view always lists, space-separated names of the bar's looks (legend.ts), whether or not this
   * step draws them (so the key does not change from step to step); the kinds the bar draws are
   * added to them.
   */
  key?: string;
}

/** Memory is cut into this many equal buckets; the tiny blocks starting in one are drawn as one strip. */
const BUCKETS = 200;
/** Blocks narrower than this carry their words in the tooltip and the text alternative only. */
const LABELLED = 1 / 40;
/** Above this many blocks the text alternative counts them instead of listing each. */
const SPOKEN = 40;
/** Address labels need this share of the bar between them; at narrow widths, twice that. */
const LABEL_GAP = 0.08;

interface Drawn extends BarBlock {
  /** How many blocks a strip gathers (absent for a single block). */
  many?: number;
}

/**
 * The blocks as drawn: every block at least a bucket wide (and the one just placed) on its own, and
 * the tiny blocks that start in each bucket as one strip. A bucket keeps its place in the list
 * whatever happens elsewhere, so a step redraws only the strips and blocks it changed: with the
 * strips in one list, a split far below would shift, and redraw, every strip above it.
 */
function drawn(blocks: readonly BarBlock[], memory: number): { strips: (Drawn | undefined)[]; single: Drawn[] } {
  const bucket = memory / BUCKETS;
  const groups: BarBlock[][] = [];
  const single: Drawn[] = [];
  for (const b of blocks) {
    if (b.size >= bucket || b.current) single.push(b);
    else (groups[Math.min(BUCKETS - 1, Math.floor(b.start / bucket))] ??= []).push(b);
  }
  const strips = Array.from({ length: BUCKETS }, (_, i): Drawn | undefined => {
    const group = groups[i];
    if (!group || group.length < 2) return group?.[0];
    const first = group[0]!;
    const last = group[group.length - 1]!;
    const size = last.start + last.size - first.start;
    const free = group.filter((b) => b.kind === 'hole' || b.kind === 'free');
    const freeBytes = free.reduce((a, b) => a + b.size, 0);
    const parts = [];
    if (free.length < group.length) parts.push(`${group.length - free.length} in use (${formatSize(size - freeBytes)})`);
    if (free.length) parts.push(`${free.length} free (${formatSize(freeBytes)})`);
    return {
      start: first.start,
      size,
      kind: freeBytes * 2 > size ? 'hole' : 'process',
      name: '',
      many: group.length,
      text: `${group.length} small blocks from ${addressText(first.start)} to ${addressText(first.start + size)}: ${parts.join(', ')}`,
    };
  });
  return { strips, single };
}

/**
 * Addresses to print under the bar: 0, the end, and block starts far enough apart to read. Each is
 * `[address, narrow]`; `narrow` ones are dropped when the bar is narrow (a phone held upright). A
 * label needs room in proportion to its length: `28M` needs LABEL_GAP, `20983K` twice that.
 */
function addressLabels(blocks: readonly Drawn[], memory: number): [number, boolean][] {
  const room = (a: number) => LABEL_GAP * Math.max(1, addressText(a).length / 3);
  const picked: [number, boolean][] = [[0, false]];
  let last = 0;
  let lastRoom = room(0);
  let lastStrong = 0;
  const end = room(memory);
  for (const b of blocks) {
    const x = b.start / memory;
    const need = Math.max(room(b.start), lastRoom);
    if (x - last < need || 1 - x < Math.max(need, end)) continue;
    const narrow = x - lastStrong < 2 * need || 1 - x < 2 * Math.max(need, end);
    picked.push([b.start, narrow]);
    last = x;
    lastRoom = room(b.start);
    if (!narrow) lastStrong = x;
  }
  picked.push([memory, false]);
  return picked;
}

/** A share of a whole as a CSS percentage, for placing a strip along the bar. */
export const percent = (part: number, whole: number) => `${(part / whole) * 100}%`;

/** The bar's text alternative: each block in words, or a count of each kind when there are many. */
function spoken(blocks: readonly BarBlock[], memory: number, o: BarOptions, words: (b: BarBlock) => string): string {
  const head = `${o.label} from 0 to ${formatSize(memory)}`;
  const marker = o.marker ? `; ${o.marker.text} pointer at ${addressText(o.marker.at)}` : '';
  if (blocks.length <= SPOKEN) return `${head}: ${blocks.map(words).join('; ')}${marker}`;
  const count = (kinds: BarKind[]) => blocks.filter((b) => kinds.includes(b.kind)).length;
  return `${head} in ${blocks.length} blocks: ${count(['process'])} held by processes and ${count(['hole', 'free'])} free; the table lists them${marker}`;
}

/** Draws `blocks` (address order, covering memory from 0) as the memory bar. */
export function renderMemoryBar(blocks: readonly BarBlock[], memory: number, o: BarOptions): TemplateResult {
  const { strips, single } = drawn(blocks, memory);
  const words = (b: BarBlock) => b.text ?? o.describe!(b);
  const block = (b: Drawn) => {
    const lost = b.used !== undefined && b.used < b.size;
    return html`<div
      class="block ${b.kind}${b.many ? ' many' : ''}${b.current ? ' current' : ''}"
      style="left:${percent(b.start, memory)};width:${percent(b.size, memory)}"
      title=${words(b)}
    >
      ${lost ? html`<i class="lost" style="left:${percent(b.used!, b.size)}"></i>` : nothing}${b.size >= memory * LABELLED
        ? html`<span style=${lost ? `max-width:${percent(b.used!, b.size)}` : ''}>${b.name}<br /><small>${formatSize(b.size)}</small></span>`
        : nothing}
    </div>`;
  };
  const starts = [...single, ...strips.filter((b) => b !== undefined)].sort((a, b) => a.start - b.start);
  const key = new Set([...(o.key ?? '').split(' '), ...starts.flatMap((b) => [b.kind, b.many ? 'many' : ''])]);
  return html`<div class="memory ${o.borders ? 'borders' : ''}" part="memory-bar">
    <div class="bar" role="img" aria-label=${spoken(blocks, memory, o, words)}>
      ${strips.map((b) => (b ? block(b) : nothing))}${single.map(block)}
    </div>
    <div class="addresses" aria-hidden="true">
      ${addressLabels(starts, memory).map(
        ([a, narrow]) =>
          html`<span class=${narrow ? 'narrow' : ''} style="left:${percent(a, memory)}">${addressText(a)}</span>`,
      )}
      ${o.marker
        ? // Near the right end the pointer's words go to the left of its arrow, inside the bar's width.
          o.marker.at > memory * 0.8
          ? html`<span class="marker end" style="left:${percent(o.marker.at, memory)}">${o.marker.text} ▲</span>`
          : html`<span class="marker" style="left:${percent(o.marker.at, memory)}">▲ ${o.marker.text}</span>`
        : nothing}
    </div>
  </div>
  <mem-sim-legend .looks=${key}></mem-sim-legend>`;
}

/**
 * The bar's look. Fills come from the theme's custom properties, so the light and dark themes and
 * a page's own colours apply: processes take the current-step blue, the block just placed the hit
 * green, lost space the fault red, the OS region the border grey; holes are left empty.
 */
/**
 * A strip placed along a bar by inline left/width percentages, full height, its label clipped to one
 * line: the memory bar's blocks and the buddy tree's nodes.
 */
export const placedStrip = css`
  position: absolute;
  top: 0;
  bottom: 0;
  min-width: 2px;
  box-sizing: border-box;
  overflow: hidden;
  white-space: nowrap;
  text-align: center;
`;

export const memoryBarStyles = css`
  .memory {
    container-type: inline-size;
    margin: 0.2rem 0 0.4rem;
  }
  .bar,
  .addresses {
    contain: strict;
  }
  .bar {
    position: relative;
    height: 2.9em;
    border: 1px solid var(--_text);
    background: var(--_background);
    overflow: hidden;
    font-size: 0.85em;
    line-height: 1.2;
  }
  .block {
    ${placedStrip}
    color: var(--_text);
    border-right: 1px solid var(--_muted);
  }
  .borders .block {
    border-right: 2px solid var(--_text);
  }
  .block span {
    position: relative;
    display: block;
    overflow: hidden;
    padding: 0.25em 0.2em 0;
  }
  small {
    font-size: 0.85em;
  }
  .os {
    background: var(--_border);
  }
  .process {
    background: var(--_current-background);
    font-weight: 600;
  }
  .process.current {
    background: var(--_hit-background);
    color: var(--_hit-text);
    outline: 2px solid var(--_accent);
    outline-offset: -2px;
  }
  .hole,
  .free {
    color: var(--_muted);
  }
  .used,
  .unused {
    background: repeating-linear-gradient(135deg, var(--_border) 0 2px, transparent 2px 6px);
  }
  .many {
    border-bottom: 0.4em solid var(--_muted);
  }
  .lost {
    position: absolute;
    top: 0;
    bottom: 0;
    right: 0;
    background: repeating-linear-gradient(45deg, var(--_fault-background) 0 3px, var(--_background) 3px 5px);
  }
  .addresses {
    position: relative;
    height: 1.3em;
    font-size: 0.75em;
    color: var(--_muted);
    font-variant-numeric: tabular-nums;
  }
  .addresses span {
    position: absolute;
    top: 0.15em;
    transform: translateX(-50%);
    white-space: nowrap;
  }
  .addresses span:first-child {
    transform: none;
  }
  .addresses span:nth-last-child(1 of :not(.marker)) {
    transform: translateX(-100%);
  }
  .addresses .marker {
    top: 1.3em;
    color: var(--_text);
    transform: translateX(-0.45em);
  }
  .addresses .marker.end {
    transform: translateX(calc(0.45em - 100%));
  }
  .memory:has(.marker) .addresses {
    height: 2.6em;
  }
  @container (max-width: 26rem) {
    .addresses .narrow {
      display: none;
    }
  }
`;
