/**
 * The buddy system: memory is a power of two; every block is a power of two, aligned to its size,
 * made by halving a larger block, and merged back with its buddy (the other half) as soon as both
 * are free.
 *
 * Textbook rules (docs/ARCHITECTURE.md, Stallings, Knuth), and the tie rules this module had to choose:
 * - A request is rounded up to a power of two, and to at least `min-block` (default 1 byte: no minimum).
 * - It takes the smallest free block that holds it; among free blocks of that size, the lowest address.
 *   A larger block is split in halves, the lower half split again, until a block of the rounded size
 *   remains, and the request takes that lowest block; every upper half becomes a free block.
 * - A freed block merges with its buddy (the block at `start XOR size`) when the buddy is free and
 *   whole, and the merged block with its own buddy, and so on up.
 * - `os` reserves a block at address 0: its size rounded up like a request (so an OS of 100K in 1M
 *   takes the 128K block at 0). The largest block a process can then get is half of memory.
 * - A request that finds no block large enough waits; when memory is freed, waiting requests are
 *   tried in arrival order (the admission rules, docs/ARCHITECTURE.md). A request larger than the largest block there
 *   could ever be is refused in its sentence.
 * - Holes are the free blocks. Holes examined: the search checks the free lists from the rounded
 *   size upward and counts the free blocks in every list it checks (a failed search checks them
 *   all), counted only while two or more blocks are free (see `searchCost`).
 * - Utilisation = bytes the processes asked for / (memory - the OS block); internal fragmentation =
 *   block size - request, per block and in total.
 * - There is no compaction: blocks never move.
 */
import { addressText, listText, MEMORY_KEY, OS_KEY, readMemory, TRACE_KEY, type Proc } from '../../contiguous/common.js';
import { formatSize } from '../../units.js';
import { contiguousScheme, type Allocator, type ContiguousConfig, type ContiguousState, type PlaceResult } from '../../contiguous/core.js';
import type { MapBlock } from '../../contiguous/presentation/map.js';
import { contiguousMetricDocs, contiguousMetrics, searchCost, summariseFree } from '../../contiguous/metrics.js';
import { parseTrace } from '../../contiguous/trace.js';
import type { KeyDoc, RunSpec } from '../../scheme.js';
import { buddyOf, roundUp } from './blocks.js';
import type { BuddyBlock, BuddyBlockKind, BuddyConfig, BuddyFields, BuddyMemory, BuddyState } from './config.js';
import { parse } from './parse.js';

export { buddyOf, roundUp } from './blocks.js';
export type { BuddyBlock, BuddyBlockKind, BuddyConfig, BuddyFields, BuddyMemory, BuddyState } from './config.js';
import type { ScenarioReader } from '../../source.js';

const KEYS: readonly KeyDoc[] = [
  { ...MEMORY_KEY, summary: 'Size of main memory, a power of two (1M, 64K).' },
  { ...OS_KEY, summary: 'Size of the OS, which takes the block at address 0, rounded up like a request. Default 0.' },
  {
    key: 'min-block',
    aliases: ['minimum-block', 'min-size', 'smallest-block', 'min-block-size'],
    summary: 'The smallest block, a power of two (4K); every request rounds up to at least this. Default 1 byte (no minimum).',
  },
  TRACE_KEY,
];

const block = (start: number, size: number, kind: BuddyBlockKind = 'free', name = '', requested = 0): BuddyBlock => ({
  start,
  size,
  kind,
  name,
  requested,
});

/** The split that carves a block of `need` bytes out of free block `index`: the new blocks and the halvings made. */
function carve(blocks: readonly BuddyBlock[], index: number, need: number, taker: BuddyBlock): { blocks: BuddyBlock[]; halves: number[] } {
  const b = blocks[index]!;
  const halves: number[] = [];
  const uppers: BuddyBlock[] = [];
  for (let size = b.size; size > need; ) {
    size /= 2;
    halves.push(size);
    uppers.unshift(block(b.start + size, size));
  }
  return { blocks: [...blocks.slice(0, index), taker, ...uppers, ...blocks.slice(index + 1)], halves };
}

/**
 * The most blocks memory can be split into while `live` processes (and the OS) hold blocks: the
 * blocks are the leaves of a binary tree whose inner nodes each hold part of a held block, so level
 * d has at most min(2^d, holders) inner nodes, and there is one leaf more than inner nodes. Each
 * live process may also wait in the queue instead.
 */
function stateEntries(c: BuddyConfig, live: number): number {
  const holders = live + (c.osBlock ? 1 : 0);
  let inner = 0;
  for (let size = c.memory, width = 1; size > c.minBlock; size /= 2, width *= 2) inner += Math.min(width, holders);
  return 1 + inner + live;
}

function initial(c: BuddyConfig): BuddyMemory {
  const whole = [block(0, c.memory)];
  if (!c.osBlock) return { blocks: whole };
  return { blocks: carve(whole, 0, c.osBlock, block(0, c.osBlock, 'os', '', c.os)).blocks };
}

/** `into two 512K buddies, the lower 512K into two 256K buddies and the lower 256K into two 128K buddies` */
function splitsText(halves: number[]): string {
  const steps = halves.map((h, i) => `${i === 0 ? '' : `the lower ${formatSize(h * 2)} `}into two ${formatSize(h)} buddies`);
  return listText(steps);
}

function place(c: BuddyConfig, _run: RunSpec<BuddyFields>, m: BuddyMemory, p: Proc): PlaceResult<BuddyMemory> {
  const need = roundUp(p.size, c.minBlock);
  const blocks = m.blocks;
  let chosen = -1;
  let freeCount = 0;
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    if (b.kind !== 'free') continue;
    freeCount++;
    if (b.size >= need && (chosen < 0 || b.size < blocks[chosen]!.size)) chosen = i;
  }
  // The free lists are checked from the needed size up to the one the block comes from.
  const upTo = chosen < 0 ? Infinity : blocks[chosen]!.size;
  const looked = blocks.filter((b) => b.kind === 'free' && b.size >= need && b.size <= upTo).length;
  const examined = searchCost(looked, freeCount);
  const rounding = need === p.size ? '' : `rounds up to ${formatSize(need)} and `;
  if (chosen < 0) {
    const largest = Math.max(0, ...blocks.filter((b) => b.kind === 'free').map((b) => b.size));
    const what = freeCount === 0 ? 'no block is free' : `the largest free block is ${formatSize(largest)}`;
    return { ok: false, reason: `it needs a ${formatSize(need)} block and ${what}`, examined };
  }
  const b = blocks[chosen]!;
  const { blocks: next, halves } = carve(blocks, chosen, need, block(b.start, need, 'process', p.name, p.size));
  const lost = need - p.size;
  const waste = lost ? `; ${formatSize(lost)} is lost inside it` : '';
  const phrase = halves.length
    ? `${rounding}splits the ${formatSize(b.size)} block at ${addressText(b.start)} ${splitsText(halves)}${halves.length > 1 ? ',' : ''} and takes the lower${waste}`
    : `${rounding}takes the free ${formatSize(b.size)} block at ${addressText(b.start)}: the smallest free block that holds it${waste}`;
  return { ok: true, mem: { blocks: next }, phrase, examined, start: b.start, size: need, evicted: [] };
}

function release(c: BuddyConfig, _run: RunSpec<BuddyFields>, m: BuddyMemory, name: string) {
  const blocks = m.blocks.slice();
  let i = blocks.findIndex((b) => b.kind === 'process' && b.name === name);
  const freed = blocks[i]!;
  let cur = block(freed.start, freed.size);
  blocks[i] = cur;
  const merges: string[] = [];
  while (cur.size < c.memory) {
    const buddyStart = buddyOf(cur.start, cur.size);
    const j = buddyStart > cur.start ? i + 1 : i - 1;
    const buddy = blocks[j];
    if (!buddy || buddy.kind !== 'free' || buddy.size !== cur.size || buddy.start !== buddyStart) break;
    const merged = block(Math.min(cur.start, buddy.start), cur.size * 2);
    merges.push(`${merges.length ? 'then ' : ''}with its buddy at ${addressText(buddyStart)} into ${formatSize(merged.size)} at ${addressText(merged.start)}`);
    blocks.splice(Math.min(i, j), 2, merged);
    i = Math.min(i, j);
    cur = merged;
  }
  const own = `its ${formatSize(freed.size)} block at ${addressText(freed.start)} is free`;
  let phrase: string;
  if (merges.length) phrase = `${own} and merges ${merges.join(', ')}`;
  else if (cur.size === c.memory) phrase = own;
  else {
    const buddyStart = buddyOf(cur.start, cur.size);
    const holder = blocks.find((b) => b.start === buddyStart && b.size === cur.size);
    const why = holder ? (holder.kind === 'os' ? 'holds the OS' : `is held by ${holder.name}`) : 'is split into smaller blocks';
    phrase = `${own}; its buddy at ${addressText(buddyStart)} ${why}, so it stays apart`;
  }
  return { mem: { blocks }, phrase, proc: { name, size: freed.requested } };
}

const allocator: Allocator<BuddyConfig, BuddyMemory, BuddyFields> = { initial, place, release, locate: (_c, _run, m, name) => { const b = m.blocks.find((x) => x.kind === 'process' && x.name === name); return b && { start: b.start, size: b.requested }; } };

/** The free blocks in address order. */
export const freeBlocks = (m: BuddyMemory) => m.blocks.filter((b) => b.kind === 'free');

function metrics(c: BuddyConfig, _run: RunSpec<BuddyFields>, s: BuddyState): Record<string, number> {
  let requested = 0;
  let internal = 0;
  for (const b of s.mem.blocks) {
    if (b.kind !== 'process') continue;
    requested += b.requested;
    internal += b.size - b.requested;
  }
  return contiguousMetrics(requested, c.memory - c.osBlock, summariseFree(freeBlocks(s.mem)), s, { internalFragmentation: internal });
}

/** What a block holds, in words: its process's name, `OS` or `free`. */
export const holderName = (b: BuddyBlock) => (b.kind === 'free' ? 'free' : b.kind === 'os' ? 'OS' : b.name);

/** The free list of every block size from the smallest block in memory (or min-block) up to memory. */
export function freeLists(c: BuddyConfig, m: BuddyMemory): { size: number; starts: number[] }[] {
  let smallest = c.memory;
  for (const b of m.blocks) smallest = Math.min(smallest, b.size);
  const out: { size: number; starts: number[] }[] = [];
  for (let size = Math.max(smallest, c.minBlock); size <= c.memory; size *= 2) {
    out.push({ size, starts: m.blocks.filter((b) => b.kind === 'free' && b.size === size).map((b) => b.start) });
  }
  return out;
}

/** The memory map: every block, the OS's and each process's with what it asked for when that is less. */
export function blocks(_c: BuddyConfig, _run: RunSpec<BuddyFields>, m: BuddyMemory): MapBlock[] {
  return m.blocks.map((b) => {
    const asked = b.requested && b.requested < b.size ? ` (${formatSize(b.requested)})` : '';
    if (b.kind === 'free') return { start: b.start, size: b.size, kind: 'hole', text: `free ${formatSize(b.size)}` };
    if (b.kind === 'os') return { start: b.start, size: b.size, kind: 'os', text: `OS ${formatSize(b.size)}${asked}` };
    return { start: b.start, size: b.size, kind: 'process', text: `${b.name} ${formatSize(b.size)}${asked}` };
  });
}

/** The buddy system: power-of-two blocks split in halves and merged with their buddies. */
export const buddy = contiguousScheme<BuddyConfig, BuddyMemory, BuddyFields>({
  name: 'buddy',
  summary: 'The buddy system: blocks of powers of two, split in halves and merged with their buddies.',
  keys: KEYS,
  metricDocs: contiguousMetricDocs({ key: 'internalFragmentation', label: 'internal fragmentation', kind: 'bytes' }),
  parse,
  runs: (c) => [{ label: 'buddy system', fields: c.minBlock > 1 ? { minBlock: c.minBlock } : {} }],
  allocator,
  metrics,
  blocks,
  presentation: async () => (await import('./presentation/index.js')).default,
  stateEntries,
});

export default buddy;
