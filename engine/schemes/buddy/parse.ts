/** Reads a buddy-system scenario: memory (a power of two), OS, the minimum block and the trace. */
import { readMemory } from '../../contiguous/common.js';
import { parseTrace } from '../../contiguous/trace.js';
import type { ScenarioReader } from '../../source.js';
import { formatSize } from '../../units.js';
import type { BuddyConfig } from './config.js';
import { roundUp } from './blocks.js';

export function parse(r: ScenarioReader): BuddyConfig | undefined {
  const region = readMemory(r, { example: 'memory: 1M', powerOfTwo: true });
  const minBlock = r.has('min-block') ? r.size('min-block', { powerOfTwo: true }) : 1;
  if (!region || region.memory === undefined || minBlock === undefined) return undefined;
  const { memory, os } = region;
  if (minBlock > memory) {
    r.source.error(r.entry('min-block')!.value, `min-block: the minimum block (${formatSize(minBlock)}) is larger than memory (${formatSize(memory)})`);
    return undefined;
  }
  const osBlock = os ? roundUp(os, minBlock) : 0;
  if (osBlock >= memory) {
    r.source.error(r.entry('os')!.value, `os: rounded up to a block, the OS (${formatSize(os)}) would take all of memory (${formatSize(memory)})`);
    return undefined;
  }
  const largest = osBlock ? memory / 2 : memory;
  const ops = parseTrace(r, {
    scheme: 'the buddy system',
    unsupported: { compact: 'buddy blocks never move, so there is nothing to compact' },
    refusal: (size) => {
      const need = roundUp(size, minBlock);
      if (need <= largest) return undefined;
      const room = osBlock ? `the largest block the OS leaves (${formatSize(largest)})` : `the whole memory (${formatSize(memory)})`;
      return `it needs a ${formatSize(need)} block, more than ${room}, so it can never be loaded`;
    },
  });
  if (!ops) return undefined;
  return { memory, os, ops, minBlock, osBlock };
}
