/** Reads a fixed-partitioning scenario: memory, OS, the partitions, the queue, the placement and the trace. */
import { readMemory } from '../../contiguous/common.js';
import { parseTrace } from '../../contiguous/trace.js';
import type { ScenarioReader } from '../../source.js';
import { formatSize, MAX_BYTES, MAX_BYTES_TEXT, parseSize } from '../../units.js';
import { FIXED_PLACEMENTS, MAX_PARTITIONS, PLACEMENT_ALIASES, QUEUE_ALIASES, QUEUES, type FixedConfig, type FixedPlacement, type QueueKind } from './config.js';

/** `7 x 8M`, `7x8M`, `2M, 4M`, `[2M, 4M]` and mixtures, each size checked where it is written. */
function parsePartitions(r: ScenarioReader): number[] | undefined {
  const e = r.entry('partitions');
  if (!e) {
    r.missing('partitions', 'partitions: 7 x 8M, or partitions: 2M, 4M, 6M, 8M, 8M, 12M, 16M');
    return undefined;
  }
  const src = r.source;
  const before = src.errors.length;
  const tokens = src.tokens(e.value, e.key);
  if (tokens.length === 0) {
    if (src.errors.length > before) return undefined;
    src.error(e.value ?? e.keyNode, `'${e.key}' expects partition sizes, such as 7 x 8M or 2M, 4M, 6M`);
    return undefined;
  }
  const sizes: number[] = [];
  let total = 0;
  let ok = true;
  const size = (text: string, offset: number) => {
    const p = parseSize(text);
    if ('error' in p || p.value < 1) {
      src.errorAt(offset, `partitions: ${'error' in p ? p.error : `a partition needs at least 1 byte, got '${text}'`}`);
      ok = false;
      return undefined;
    }
    return p.value;
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    let count = 1;
    let sizeText = t.text;
    let sizeOffset = t.offset;
    const joined = /^(\d+)[x×*](.+)$/i.exec(t.text);
    if (joined) {
      count = Number(joined[1]);
      sizeText = joined[2]!;
      sizeOffset = t.offset + joined[1]!.length + 1;
    } else if (/^\d+$/.test(t.text) && /^[x×*]$/i.test(tokens[i + 1]?.text ?? '')) {
      const s = tokens[i + 2];
      if (!s) {
        src.errorAt(tokens[i + 1]!.offset, `partitions: '${t.text} ${tokens[i + 1]!.text}' needs a size after it, such as ${t.text} x 8M`);
        return undefined;
      }
      count = Number(t.text);
      sizeText = s.text;
      sizeOffset = s.offset;
      i += 2;
    } else if (/^[x×*]$/i.test(tokens[i + 1]?.text ?? '')) {
      // `three x 8M`: one error at the count, not one for each word that is not a size.
      src.errorAt(t.offset, `partitions: '${t.text}' before ${tokens[i + 1]!.text} is not a count: expected a whole number, such as 7 x 8M`);
      ok = false;
      i += 2;
      continue;
    }
    if (count < 1 || sizes.length + count > MAX_PARTITIONS) {
      src.errorAt(t.offset, `partitions: expected from 1 to ${MAX_PARTITIONS.toLocaleString('en-US')} partitions in all, got ${sizes.length + count}`);
      return undefined;
    }
    const v = size(sizeText, sizeOffset);
    if (v === undefined) continue;
    // Checked as it grows, so the sum is never taken past where numbers are exact.
    if (total + count * v > MAX_BYTES) {
      src.errorAt(t.offset, `partitions: the partitions add up to more than the largest memory, ${MAX_BYTES_TEXT}`);
      return undefined;
    }
    total += count * v;
    for (let k = 0; k < count; k++) sizes.push(v);
  }
  return ok ? sizes : undefined;
}

export function parse(r: ScenarioReader): FixedConfig | undefined {
  const region = readMemory(r, { example: 'memory: 64M', fallbackMemory: true });
  const sizes = parsePartitions(r);
  const queue = (r.has('queue') ? r.words('queue', QUEUES, QUEUE_ALIASES) : ['single']) as QueueKind[] | undefined;
  // Next fit and worst fit are dynamic partitioning's: say so rather than suggest a fixed placement.
  const other = r.has('placement') ? r.source.tokens(r.entry('placement')!.value).find((t) => /^(next|worst)[-_ ]?fit$/i.test(t.text)) : undefined;
  if (other) r.source.errorAt(other.offset, `placement '${other.text}' is for dynamic partitioning (scheme: dynamic); fixed partitions are placed best-fit or first-fit`);
  const placement = other ? undefined : ((r.has('placement') ? r.words('placement', FIXED_PLACEMENTS, PLACEMENT_ALIASES) : ['best-fit']) as FixedPlacement[] | undefined);
  for (const [key, words] of [['queue', queue], ['placement', placement]] as const) {
    if (words && words.length > 1) {
      r.source.error(r.entry(key)!.value, `${key} takes one value, not several: fixed partitioning has one run`);
      return undefined;
    }
  }
  if (!region || !sizes || !queue || !placement) return undefined;
  const { os } = region;
  const total = sizes.reduce((a, b) => a + b, 0);
  if (region.memory === undefined && os + total > MAX_BYTES) {
    r.source.error(r.entry('partitions')!.value, `partitions: the OS region and the partitions add up to more than the largest memory, ${MAX_BYTES_TEXT}`);
    return undefined;
  }
  const memory = region.memory ?? os + total;
  if (os + total > memory) {
    r.source.error(
      r.entry('partitions')!.value,
      `partitions: the partitions (${formatSize(total)}) and the OS region (${formatSize(os)}) add up to ${formatSize(os + total)}, more than memory (${formatSize(memory)})`,
    );
    return undefined;
  }
  let at = os;
  const partitions = sizes.map((size, index) => {
    const p = { index, start: at, size };
    at += size;
    return p;
  });
  const largest = Math.max(...sizes);
  const ops = parseTrace(r, {
    scheme: 'fixed partitioning',
    unsupported: { compact: 'partitions never move, so there is nothing to compact' },
    refusal: (size) =>
      size > largest
        ? `it is larger than every partition (the largest is ${formatSize(largest)}), so it can never be loaded; it would need overlays`
        : undefined,
  });
  if (!ops) return undefined;
  return { memory, os, ops, partitions, queue: queue[0]!, placement: placement[0]!, unused: at < memory ? { start: at, size: memory - at } : null };
}
