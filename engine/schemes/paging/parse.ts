/** Reads a simple-paging scenario: page size, memory or frames, OS, address width, free-frame list, and a trace or a page table. */
import { MAX_STATE_ENTRIES } from '../../scenario.js';
import type { ScenarioReader } from '../../source.js';
import { bitsOf } from '../../translation/address.js';
import { formatNumber, formatSize } from '../../units.js';
import { MAX_FRAMES, type PagingOp, type SimplePagingConfig } from './config.js';
import { step } from './rules.js';
import { initial, usableFrames } from './state.js';
import { parseTrace, readAccess } from './trace.js';

export function parse(r: ScenarioReader): SimplePagingConfig | undefined {
  const src = r.source;
  const before = src.errors.length;
  if (!r.has('page-size')) {
    r.missing('page-size', 'page-size: 1K');
    return undefined;
  }
  const bitsList = r.has('address-bits') ? r.integers('address-bits', 1, 50, 'a number of bits') : undefined;
  if (bitsList && bitsList.length > 1) src.error(r.entry('address-bits')!.value, 'address-bits: expected one number of bits, such as 16');
  const addressBits = bitsList?.[0];
  const pageSize = r.size('page-size', { powerOfTwo: r.has('address-bits') });
  if (pageSize === undefined) return undefined;
  if (addressBits !== undefined && 2 ** addressBits < pageSize) {
    src.error(r.entry('address-bits')!.value, `address-bits: ${addressBits} bits cannot address one ${formatSize(pageSize)} page, whose offsets alone need ${bitsOf(pageSize)} bits`);
  }
  const tableForm = r.has('page-table');
  if (tableForm && r.has('trace')) {
    src.error(r.entry('trace')!.keyNode, `page-table and trace exclude each other: a page table describes one process P and its accesses (access: 0 3 4 13); use one or the other`);
    return undefined;
  }
  if (!tableForm && r.has('access')) {
    src.error(r.entry('access')!.keyNode, `access: a list of addresses goes with page-table; in a trace, write 'access NAME ADDRESS' lines`);
    return undefined;
  }
  const table = tableForm ? readPageTable(r) : undefined;
  if (tableForm && !table) return undefined;

  // How many frames: frames, or memory / page-size, or (table form) up to the highest frame named.
  let frames: number | undefined;
  if (r.has('frames') && r.has('memory')) {
    src.error(r.entry('frames')!.keyNode, 'give memory or frames, not both: frames = memory / page-size');
    return undefined;
  }
  if (r.has('frames')) {
    const counts = r.integers('frames', 1, MAX_FRAMES, 'a number of frames');
    if (counts && counts.length > 1) src.error(r.entry('frames')!.value, 'frames: expected one number of frames, such as 16 (simple paging has one run)');
    frames = counts?.[0];
  }
  else if (r.has('memory')) {
    const memory = r.size('memory');
    if (memory === undefined) return undefined;
    const e = r.entry('memory')!;
    if (memory % pageSize !== 0) src.error(e.value, `memory (${formatNumber(memory)} bytes) is not a whole number of ${formatSize(pageSize)} frames`);
    else if (memory / pageSize > MAX_FRAMES) src.error(e.value, `memory / page-size gives ${formatNumber(memory / pageSize)} frames; the most is ${formatNumber(MAX_FRAMES)}`);
    else frames = memory / pageSize;
  } else if (table) {
    frames = Math.max(0, ...table.map((f) => (f === null ? 0 : f + 1)));
  } else {
    r.missing('memory', 'memory: 16K (or frames: 16)');
    return undefined;
  }
  if (frames === undefined || src.errors.length > before) return undefined;
  // A page's entry is the table's word of the same index (an invalid entry, `-`, is a word too).
  const entryAt = (page: number) => src.tokens(r.entry('page-table')!.value)[page]!.offset;
  if (table) {
    table.forEach((f, page) => {
      if (f !== null && f >= frames!) src.errorAt(entryAt(page), `page-table: page ${page}'s frame ${f} is past memory: the frames are 0 to ${frames! - 1}`);
    });
  }

  let osFrames = 0;
  if (r.has('os')) {
    const os = r.size('os', { min: 0 });
    if (os === undefined) return undefined;
    osFrames = Math.ceil(os / pageSize);
    if (osFrames >= frames) {
      src.error(r.entry('os')!.value, `os: the OS (${formatSize(os)}, ${osFrames} frame${osFrames === 1 ? '' : 's'}) must leave at least one of the ${frames} frames`);
      return undefined;
    }
  }
  const freeFrames = r.has('free-frames') ? readFreeFrames(r, frames, osFrames, table) : undefined;
  if (r.has('free-frames') && !freeFrames) return undefined;
  const inOs = table ? table.findIndex((f) => f !== null && f < osFrames) : -1;
  if (inOs >= 0) src.errorAt(entryAt(inOs), `page-table: page ${inOs}'s frame ${table![inOs]} belongs to the OS, which holds frames 0 to ${osFrames - 1}`);
  if (src.errors.length > before) return undefined;

  const config: SimplePagingConfig = { pageSize, frames, osFrames, addressBits, freeFrames, ops: [], pageTable: table };
  const usable = usableFrames(config);
  const ops = table
    ? readTableAccesses(r, pageSize, addressBits)
    : parseTrace(r, {
        pageSize,
        frames,
        addressBits,
        refusal: (pages) => (pages > usable ? `only ${formatNumber(usable)} frame${usable === 1 ? '' : 's'} could ever be free` : undefined),
      });
  if (!ops) return undefined;
  config.ops = ops;
  return checkNamedFrames(r, config) ? config : undefined;
}

/** `page-table: 5 6 1 2`: each page's frame, `-` for an invalid entry. */
function readPageTable(r: ScenarioReader): (number | null)[] | undefined {
  const src = r.source;
  const e = r.entry('page-table')!;
  const tokens = src.tokens(e.value, e.key);
  if (tokens.length === 0) {
    src.error(e.value ?? e.keyNode, 'page-table is empty: expected the frame of each page, such as page-table: 5 6 1 2');
    return undefined;
  }
  const out: (number | null)[] = [];
  const seen = new Map<number, number>();
  let ok = true;
  for (const t of tokens) {
    if (t.text === '-') {
      out.push(null);
      continue;
    }
    const v = /^\d+$/.test(t.text) ? Number(t.text) : NaN;
    if (!Number.isSafeInteger(v) || v >= MAX_FRAMES) {
      src.errorAt(t.offset, `page-table: '${t.text}' is not a frame number: expected a whole number below ${formatNumber(MAX_FRAMES)}, or - for an invalid entry`);
      ok = false;
    } else if (seen.has(v)) {
      src.errorAt(t.offset, `page-table: frame ${v} is named twice (pages ${seen.get(v)} and ${out.length}): a frame holds one page`);
      ok = false;
    } else {
      seen.set(v, out.length);
      out.push(v);
    }
  }
  return ok ? out : undefined;
}

function readFreeFrames(r: ScenarioReader, frames: number, osFrames: number, table: (number | null)[] | undefined): number[] | undefined {
  const src = r.source;
  const e = r.entry('free-frames')!;
  const tokens = src.tokens(e.value, e.key);
  const inTable = new Set(table ?? []);
  const out: number[] = [];
  const seen = new Set<number>();
  let ok = true;
  for (const t of tokens) {
    const v = /^\d+$/.test(t.text) ? Number(t.text) : NaN;
    let why: string | undefined;
    if (!Number.isSafeInteger(v)) why = `'${t.text}' is not a frame number: expected a whole number such as 14`;
    else if (v >= frames) why = `frame ${t.text} is past memory: the frames are 0 to ${frames - 1}`;
    else if (v < osFrames) why = `frame ${v} holds the OS (frames 0 to ${osFrames - 1})`;
    else if (seen.has(v)) why = `frame ${v} is named twice`;
    else if (inTable.has(v)) why = `frame ${v} holds a page of P (page-table)`;
    if (why) {
      src.errorAt(t.offset, `free-frames: ${why}`);
      ok = false;
    } else {
      seen.add(v);
      out.push(v);
    }
  }
  if (ok && tokens.length === 0) src.error(e.value ?? e.keyNode, 'free-frames: expected frame numbers in taking order, such as free-frames: 14 13 18 20');
  return ok && tokens.length ? out : undefined;
}

/** The table form's `access: 0 3 4 13`: one access of `P` per address. */
function readTableAccesses(r: ScenarioReader, pageSize: number, addressBits: number | undefined): PagingOp[] | undefined {
  const src = r.source;
  const e = r.entry('access');
  if (!e) return [];
  const before = src.errors.length;
  const ops: PagingOp[] = [];
  for (const t of src.tokens(e.value, e.key)) {
    const a = readAccess(r, { pageSize, addressBits }, t);
    if (!a) continue;
    const pos = src.position(t.offset);
    ops.push({ kind: 'access', name: 'P', text: `access ${t.text}`, line: pos.line, column: pos.column, size: 0, pages: 0, inPages: false, address: a, addressText: t.text });
  }
  return src.errors.length > before ? undefined : ops;
}

/**
 * Whether every frame a `load ... at` names is free when the load runs. Which frames are free
 * depends on the whole trace before it (waiting processes admitted later take frames too), so the
 * trace is run once here, in place, and the first load that names a taken frame is reported at
 * that frame. Skipped when the scenario is over the work cap: it is refused anyway.
 */
function checkNamedFrames(r: ScenarioReader, c: SimplePagingConfig): boolean {
  if (!c.ops.some((op) => op.at)) return true;
  if ((c.ops.length + 1) * c.frames > MAX_STATE_ENTRIES) return true;
  const s = initial(c);
  for (let i = 0; i < c.ops.length; i++) {
    const e = step(c, s, i);
    if (e.badFrame) {
      const b = e.badFrame;
      r.source.errorAt(b.offset, `frame ${b.frame} is not free when ${c.ops[i]!.name} is loaded (line ${c.ops[i]!.line}): it holds ${b.holder}; name a free frame`);
      return false;
    }
  }
  return true;
}
