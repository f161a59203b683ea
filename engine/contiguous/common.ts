/**
 * Pieces every contiguous-allocation scheme (fixed, dynamic, buddy) shares: the `memory` and `os`
 * keys, and the words sentences use for processes and addresses.
 */
import type { KeyDoc } from '../scheme.js';
import type { ScenarioReader } from '../source.js';
import { formatSize } from '../units.js';

/** A process as the trace names it: its name and the bytes it asks for. */
export interface Proc {
  name: string;
  size: number;
}

/** A region of memory, as the JSON report writes it. */
export interface Region {
  start: number;
  size: number;
}

/** An address in the same units as sizes (`28M`); address 0 is written `0`, not `0B`. */
export const addressText = (address: number): string => (address === 0 ? '0' : formatSize(address));

/** `P1 (20M)`: how a sentence names a process. */
export const procText = (p: Proc): string => `${p.name} (${formatSize(p.size)})`;

/** `A`, `A and B`, `A, B and C`. */
export function listText(words: readonly string[]): string {
  if (words.length < 2) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

/** The names of processes, in order. */
export const names = (xs: readonly Proc[]): string[] => xs.map((x) => x.name);

/** The `memory` and `os` keys as every contiguous scheme documents them. */
export const MEMORY_KEY: KeyDoc = {
  key: 'memory',
  aliases: ['memory-size', 'physical-memory', 'physmem'],
  summary: 'Size of main memory (64M, 1M, 4096).',
};
export const OS_KEY: KeyDoc = {
  key: 'os',
  aliases: ['os-size', 'kernel', 'operating-system'],
  summary: 'Size of the operating-system region reserved at address 0 (8M). Default 0.',
};
export const TRACE_KEY: KeyDoc = {
  key: 'trace',
  aliases: ['operations', 'ops', 'requests'],
  summary: 'One operation per line: load NAME SIZE, exit NAME, swap-out NAME, swap-in NAME, compact, access NAME ADDRESS. # starts a comment.',
};

/**
 * Reads `memory` and `os`. `memory` may be left out only when `fallbackMemory` is given (fixed
 * partitioning can add up its partitions). Reports errors and returns undefined on any.
 */
export function readMemory(
  r: ScenarioReader,
  opts: { example: string; fallbackMemory?: boolean; powerOfTwo?: boolean },
): { memory: number | undefined; os: number } | undefined {
  let memory: number | undefined;
  if (r.has('memory')) {
    memory = r.size('memory', { powerOfTwo: opts.powerOfTwo });
    if (memory === undefined) return undefined;
  } else if (!opts.fallbackMemory) {
    r.missing('memory', opts.example);
    return undefined;
  }
  let os = 0;
  if (r.has('os')) {
    const e = r.entry('os')!;
    const v = r.size('os', { min: 0 });
    if (v === undefined) return undefined;
    os = v;
    if (memory !== undefined && os >= memory) {
      r.source.error(e.value ?? e.keyNode, `os: the OS region (${formatSize(os)}) must be smaller than memory (${formatSize(memory)})`);
      return undefined;
    }
  }
  return { memory, os };
}
