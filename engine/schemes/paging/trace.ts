/**
 * The trace of simple paging: `load NAME SIZE`, `load NAME N pages`, either followed by `at F0 F1 ...`
 * (each page's frame), `exit NAME`, `swap-out NAME`, `swap-in NAME`, `access NAME ADDRESS`. Names
 * are followed through the trace as in the contiguous schemes (engine/contiguous/trace.ts): a name
 * used twice while alive, or an operation on a process that is not alive, is a positioned error.
 */
import { nearestWord, oneOf } from '../../errors.js';
import type { ScenarioReader, SourceLine } from '../../source.js';
import { readAddress } from '../../translation/address.js';
import { formatSize, MAX_BYTES, MAX_BYTES_TEXT, parseSize } from '../../units.js';
import { OP_KINDS, type OpKind, type PagingOp } from './config.js';

/**
 * Other words for the operations (Stallings' "request" and "release"): the contiguous schemes' words
 * (engine/contiguous/trace.ts), written again here so that this scheme's chunk does not load theirs.
 */
const OP_ALIASES: Record<string, OpKind> = {
  request: 'load',
  allocate: 'load',
  alloc: 'load',
  arrive: 'load',
  release: 'exit',
  free: 'exit',
  terminate: 'exit',
  end: 'exit',
  swapout: 'swap-out',
  swapin: 'swap-in',
  read: 'access',
  reference: 'access',
};

interface Word {
  text: string;
  offset: number;
}

function words(l: SourceLine): Word[] {
  const out: Word[] = [];
  const re = /[^\s,]+/g;
  for (let m = re.exec(l.text); m; m = re.exec(l.text)) out.push({ text: m[0], offset: l.offset + m.index });
  return out;
}

const USAGE: Record<OpKind, string> = {
  load: 'load NAME SIZE (load A 3500, load B 2 pages, load P 4 pages at 0 7 3 5)',
  exit: 'exit NAME (exit A)',
  'swap-out': 'swap-out NAME (swap-out A)',
  'swap-in': 'swap-in NAME (swap-in A)',
  access: 'access NAME ADDRESS (access A 1502, access A 1:478)',
};

type Fate = { alive: true; swapped: boolean; line: number; swappedAt?: number } | { alive: false; why: 'exited' | 'refused'; line: number };

export interface TraceContext {
  pageSize: number;
  frames: number;
  addressBits?: number;
  /** Why a process of `pages` pages can never be loaded, or undefined. */
  refusal(pages: number): string | undefined;
}

/** Reads `trace`; reports every error it finds and returns undefined if there was any. */
export function parseTrace(r: ScenarioReader, ctx: TraceContext): PagingOp[] | undefined {
  const src = r.source;
  const lines = r.lines('trace', "one operation per item, such as 'load A 3500'");
  if (lines === undefined) return r.has('trace') ? undefined : [];
  const before = src.errors.length;
  const fates = new Map<string, Fate>();
  const ops: PagingOp[] = [];
  const liveNames = () => [...fates].filter(([, f]) => f.alive).map(([n]) => n);

  for (const l of lines) {
    const ws = words(l);
    const head = ws[0]!;
    const norm = head.text.toLowerCase().replace(/_/g, '-');
    // What the alias table gives must be an operation: a plain object's lookup also finds `constructor`.
    const kind = [norm, OP_ALIASES[norm]].find((k): k is OpKind => (OP_KINDS as readonly unknown[]).includes(k));
    if (kind === undefined) {
      if (norm === 'compact' || norm === 'compaction') {
        src.errorAt(head.offset, `'compact' does not apply to paging: any free frame holds any page, so there is nothing to compact`);
        continue;
      }
      const near = nearestWord(head.text, [...OP_KINDS, ...Object.keys(OP_ALIASES)]);
      src.errorAt(head.offset, `unknown operation '${head.text}': expected ${oneOf(OP_KINDS)}${near ? `; did you mean '${OP_ALIASES[near] ?? near}'?` : ''}`);
      continue;
    }
    const need = kind === 'load' || kind === 'access' ? 2 : 1;
    if (ws.length - 1 < need) {
      src.errorAt(head.offset, `'${head.text}' expects ${kind === 'load' ? 'a name and a size' : kind === 'access' ? 'a name and an address' : 'a process name'}: ${USAGE[kind]}`);
      continue;
    }
    const nameWord = ws[1]!;
    const op: PagingOp = { kind, name: nameWord.text, text: l.text, line: l.line, column: l.column, size: 0, pages: 0, inPages: false };
    const extraAt = (i: number) => {
      const extra = ws[i]!;
      src.errorAt(extra.offset, `unexpected '${extra.text}' after ${ws.slice(0, i).map((w) => w.text).join(' ')}: expected ${USAGE[kind]}`);
    };
    const f = fates.get(op.name);
    if (kind === 'load') {
      if (!readLoad(r, ctx, ws, op, extraAt)) continue;
      if (f?.alive) {
        src.errorAt(nameWord.offset, `a process named '${op.name}' is still alive (loaded at line ${f.line}): names must be unique until the process exits`);
        continue;
      }
      op.refused = ctx.refusal(op.pages);
      fates.set(op.name, op.refused ? { alive: false, why: 'refused', line: l.line } : { alive: true, swapped: false, line: l.line });
      ops.push(op);
      continue;
    }
    if (ws.length - 1 > need) {
      extraAt(need + 1);
      continue;
    }
    if (!f?.alive) {
      let why: string;
      if (f) why = f.why === 'refused' ? `it was refused at line ${f.line} (it can never fit)` : `it exited at line ${f.line}`;
      else {
        const near = nearestWord(op.name, liveNames());
        why = `no process of that name has been loaded${near ? `; did you mean '${near}'?` : ''}`;
      }
      src.errorAt(nameWord.offset, `cannot ${kind} '${op.name}': ${why}`);
      continue;
    }
    if (kind === 'access') {
      const a = readAccess(r, ctx, ws[2]!);
      if (!a) continue;
      op.address = a;
      op.addressText = ws[2]!.text;
    } else if (kind === 'exit') fates.set(op.name, { alive: false, why: 'exited', line: l.line });
    else if (kind === 'swap-out') {
      if (f.swapped) {
        src.errorAt(nameWord.offset, `'${op.name}' is already swapped out (line ${f.swappedAt}): swap it in first`);
        continue;
      }
      fates.set(op.name, { ...f, swapped: true, swappedAt: l.line });
    } else {
      if (!f.swapped) {
        src.errorAt(nameWord.offset, `'${op.name}' is not swapped out: only a swapped-out process can be swapped in (swap-out ${op.name} first)`);
        continue;
      }
      fates.set(op.name, { ...f, swapped: false });
    }
    ops.push(op);
  }
  return src.errors.length > before ? undefined : ops;
}

/** Reads a load's size (`3500`, `4 pages`) and any `at F0 F1 ...` into `op`; false after an error. */
function readLoad(r: ScenarioReader, ctx: TraceContext, ws: Word[], op: PagingOp, extraAt: (i: number) => void): boolean {
  const src = r.source;
  const sizeWord = ws[2]!;
  let next = 3;
  if (/^pages?$/i.test(ws[3]?.text ?? '')) {
    const n = /^\d+$/.test(sizeWord.text) ? Number(sizeWord.text) : NaN;
    if (!Number.isSafeInteger(n) || n < 1) {
      src.errorAt(sizeWord.offset, `'${sizeWord.text} ${ws[3]!.text}' is not a number of pages: expected a whole number of at least 1, such as 4 pages`);
      return false;
    }
    if (n * ctx.pageSize > MAX_BYTES) {
      src.errorAt(sizeWord.offset, `${sizeWord.text} pages of ${formatSize(ctx.pageSize)} are too large: the largest size is ${MAX_BYTES_TEXT}`);
      return false;
    }
    op.pages = n;
    op.size = n * ctx.pageSize;
    op.inPages = true;
    next = 4;
  } else {
    const parsed = parseSize(sizeWord.text);
    if ('error' in parsed || parsed.value < 1) {
      const hint = 'error' in parseSize(ws[1]!.text) ? '' : ' (the name comes first: load NAME SIZE)';
      src.errorAt(sizeWord.offset, 'error' in parsed ? `${parsed.error}${hint}` : `a process needs at least 1 byte, got '${sizeWord.text}'`);
      return false;
    }
    op.size = parsed.value;
    op.pages = Math.ceil(op.size / ctx.pageSize);
  }
  if (ws.length === next) return true;
  if (ws[next]!.text.toLowerCase() !== 'at') {
    extraAt(next);
    return false;
  }
  const frames = ws.slice(next + 1);
  if (frames.length !== op.pages) {
    src.errorAt((frames[op.pages] ?? ws[next]!).offset, `${op.name} has ${op.pages} page${op.pages === 1 ? '' : 's'}, so 'at' must name ${op.pages} frame${op.pages === 1 ? '' : 's'} (one per page, page 0 first); got ${frames.length}`);
    return false;
  }
  const at: { frame: number; offset: number }[] = [];
  const seen = new Map<number, string>();
  let ok = true;
  for (const w of frames) {
    const v = /^\d+$/.test(w.text) ? Number(w.text) : NaN;
    if (!Number.isSafeInteger(v) || v >= ctx.frames) {
      src.errorAt(w.offset, Number.isNaN(v) ? `'${w.text}' is not a frame number: expected a whole number such as 7` : `frame ${w.text} is past memory: the frames are 0 to ${ctx.frames - 1}`);
      ok = false;
    } else if (seen.has(v)) {
      src.errorAt(w.offset, `frame ${v} is named twice: each page needs a frame of its own`);
      ok = false;
    } else {
      seen.set(v, w.text);
      at.push({ frame: v, offset: w.offset });
    }
  }
  op.at = at;
  return ok;
}

/** Reads an access's address; reports and returns undefined when it is not one paging can translate. */
export function readAccess(r: ScenarioReader, ctx: Pick<TraceContext, 'pageSize' | 'addressBits'>, w: Word) {
  const src = r.source;
  const a = readAddress(w.text, 'page');
  if ('error' in a) {
    src.errorAt(w.offset, a.error);
    return undefined;
  }
  if (a.kind === 'named') {
    src.errorAt(w.offset, `'${w.text}': pages have no names; write a page number and offset (1:478) or an address (1502)`);
    return undefined;
  }
  if (a.kind === 'pair' && ctx.addressBits === undefined && a.offset >= ctx.pageSize) {
    src.errorAt(w.offset, `offset ${a.offset} in '${w.text}' is past the end of a page: offsets run from 0 to ${ctx.pageSize - 1}`);
    return undefined;
  }
  return a;
}
