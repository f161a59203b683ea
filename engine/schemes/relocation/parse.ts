/** Reads the register form: `base`, `bounds` (alias `limit`), optional `memory`, and `access`. */
import { readFlatAddress } from '../../contiguous/translation/relocate.js';
import type { ScenarioReader } from '../../source.js';
import { formatSize, MAX_BYTES } from '../../units.js';
import type { Access, RelocationConfig } from './config.js';

/** The smallest power of two at or above n (n >= 1): OSTEP draws 64K of memory around 32K + 16K. */
function powerOfTwoAbove(n: number): number {
  let p = 1;
  while (p < n) p *= 2;
  return p;
}

export function parse(r: ScenarioReader): RelocationConfig | undefined {
  const src = r.source;
  const trace = r.entry('trace');
  if (trace) {
    src.error(
      trace.keyNode,
      "trace and the register form (base, bounds, access) exclude each other: for several processes, write a dynamic or fixed trace with 'access NAME ADDRESS'",
    );
  }
  if (!r.has('base')) r.missing('base', 'base: 32K');
  if (!r.has('bounds')) r.missing('bounds', 'bounds: 16K (or limit: 16K)');
  const base = r.has('base') ? r.size('base', { min: 0 }) : undefined;
  const bounds = r.has('bounds') ? r.size('bounds', { min: 1 }) : undefined;
  const memory = r.has('memory') ? r.size('memory') : undefined;
  const accesses = readAccesses(r);
  if (src.errors.length || base === undefined || bounds === undefined || !accesses) return undefined;
  const end = base + bounds;
  if (memory !== undefined && end > memory) {
    const e = r.entry('memory')!;
    src.error(e.value ?? e.keyNode, `memory: the process's region ends at base + bounds = ${formatSize(end)}, past memory (${formatSize(memory)})`);
    return undefined;
  }
  if (memory === undefined && end > MAX_BYTES) {
    const e = r.entry('bounds')!;
    src.error(e.value ?? e.keyNode, `bounds: base + bounds (${end}) is past the largest address, ${formatSize(MAX_BYTES)}`);
    return undefined;
  }
  return { base, bounds, memory: memory ?? Math.min(MAX_BYTES, powerOfTwoAbove(end)), accesses };
}

function readAccesses(r: ScenarioReader): Access[] | undefined {
  const src = r.source;
  const e = r.entry('access');
  if (!e) {
    r.missing('access', 'access: 0 1024 3000 4400');
    return undefined;
  }
  const before = src.errors.length;
  const tokens = src.tokens(e.value, e.key);
  if (tokens.length === 0) {
    if (src.errors.length === before) src.error(e.value ?? e.keyNode, 'access is empty: expected addresses separated by spaces, such as access: 0 1024 3000 4400');
    return undefined;
  }
  const out: Access[] = [];
  for (const t of tokens) {
    const a = readFlatAddress(t.text);
    if ('error' in a) {
      src.errorAt(t.offset, `access: ${a.error}`);
      continue;
    }
    const pos = src.position(t.offset);
    out.push({ token: t.text, address: a.value, hex: a.hex, line: pos.line, column: pos.column });
  }
  return src.errors.length > before ? undefined : out;
}
