/** Reads a dynamic-partitioning scenario: memory, OS, placements, when-full, the starting layout and the trace. */
import { addressText, readMemory } from '../../contiguous/common.js';
import { appendSegment, hole, segment, SegmentList, type Segment } from '../../contiguous/holes.js';
import { parseTrace, tooLarge } from '../../contiguous/trace.js';
import type { ScenarioReader, SourceLine } from '../../source.js';
import { formatSize, parseSize } from '../../units.js';
import { PLACEMENT_ALIASES, PLACEMENTS, WHEN_FULL, WHEN_FULL_ALIASES, type DynamicConfig, type PlacementPolicy, type WhenFull } from './config.js';

function parseLayout(r: ScenarioReader, base: number, memory: number): { segments: Segment[]; names: Map<string, number> } | undefined {
  const names = new Map<string, number>();
  const segments: Segment[] = [];
  const lines: SourceLine[] | undefined = r.has('layout') ? r.lines('layout', "one entry per item, such as 'hole 10M'") : [];
  if (lines === undefined) return undefined;
  const src = r.source;
  const before = src.errors.length;
  const processes: { line: SourceLine; name: string; size: number }[] = [];
  let at = base;
  let overflowed = false;
  for (const l of lines) {
    const ws = [...l.text.matchAll(/[^\s,]+/g)].map((m) => ({ text: m[0], offset: l.offset + m.index! }));
    if (ws.length !== 2) {
      src.errorAt(ws[2]?.offset ?? l.offset, `layout: expected 'hole SIZE', 'used SIZE' or 'NAME SIZE' (such as P1 20M), got '${l.text}'`);
      continue;
    }
    const [what, sizeWord] = ws as [{ text: string; offset: number }, { text: string; offset: number }];
    const parsed = parseSize(sizeWord.text);
    if ('error' in parsed || parsed.value < 1) {
      src.errorAt(sizeWord.offset, `layout: ${'error' in parsed ? parsed.error : `a block needs at least 1 byte, got '${sizeWord.text}'`}`);
      continue;
    }
    const size = parsed.value;
    const word = what.text.toLowerCase();
    if (!overflowed && at + size > memory) {
      overflowed = true;
      src.errorAt(
        l.offset,
        `layout: this ${formatSize(size)} entry would end at ${addressText(at + size)}, beyond the end of memory (${formatSize(memory)}): the layout is ${formatSize(at + size - memory)} too large`,
      );
    }
    if (word === 'hole') appendSegment(segments, hole(at, size));
    else if (word === 'used') segments.push(segment(at, size, 'used'));
    else if (names.has(what.text)) {
      src.errorAt(what.offset, `layout: '${what.text}' is already in the layout (line ${names.get(what.text)}): process names must be unique`);
    } else {
      names.set(what.text, l.line);
      processes.push({ line: l, name: what.text, size });
      segments.push(segment(at, size, 'process', what.text));
    }
    at += size;
  }
  if (src.errors.length > before) return undefined;
  if (at < memory) appendSegment(segments, hole(at, memory - at));
  // Processes of the layout were resident before the trace began: lowest address first.
  let tick = -processes.length;
  return { segments: segments.map((s) => (s.kind === 'process' ? segment(s.start, s.size, s.kind, s.name, tick++) : s)), names };
}

export function parse(r: ScenarioReader): DynamicConfig | undefined {
  const region = readMemory(r, { example: 'memory: 64M' });
  const placements = (r.has('placement') ? r.words('placement', PLACEMENTS, PLACEMENT_ALIASES) : ['first-fit']) as PlacementPolicy[] | undefined;
  const whenFull = r.has('when-full') ? r.words('when-full', WHEN_FULL, WHEN_FULL_ALIASES) : ['wait'];
  if (whenFull && whenFull.length > 1) {
    r.source.error(r.entry('when-full')!.value, `when-full takes one of ${WHEN_FULL.join(', ')}, not several`);
    return undefined;
  }
  if (!region || region.memory === undefined) return undefined;
  const { memory, os } = region;
  const layout = parseLayout(r, os, memory);
  if (!layout) return undefined;
  const ops = parseTrace(r, {
    scheme: 'dynamic partitioning',
    refusal: (size) => tooLarge(size, memory - os, os ? 'the memory outside the OS' : 'memory'),
    initial: layout.names,
    autoSwap: whenFull?.[0] === 'swap',
  });
  if (!ops || !placements || !whenFull) return undefined;
  return { memory, os, ops, placements, whenFull: whenFull[0] as WhenFull, layout: SegmentList.from(layout.segments) };
}
