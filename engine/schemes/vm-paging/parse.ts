/** Reads a paging scenario's keys: frame counts, policies, page size and the reference string. */
import type { ScenarioReader } from '../../source.js';
import { MAX_BYTES, MAX_BYTES_TEXT, parseAddress } from '../../units.js';
import { parsePolicyKeys } from './parse-policy.js';
import { readFrames } from './frames.js';
import { checkAddressWidth, readHardware } from './levels.js';
import { POLICIES, POLICY_ALIASES, type PagingConfig, type Policy, type Reference } from './config.js';

const TOKEN = /^(0x[0-9a-f]+|\d+)(?::([rw]))?$/i;

export function parse(r: ScenarioReader): PagingConfig | undefined {
  const src = r.source;
  const counts = readFrames(r);
  const frames = counts?.frames;
  const policies = (r.has('policy') ? r.words('policy', POLICIES, POLICY_ALIASES) : ['FIFO']) as Policy[] | undefined;
  const pageSize = r.size('page-size');
  const policyKeys = parsePolicyKeys(r, policies);
  const hardware = readHardware(r, pageSize);
  const entry = r.entry('refs');
  if (!entry) {
    r.missing('refs', 'refs: 7 0 1 2 0 3 0 4');
    return undefined;
  }
  const before = src.errors.length;
  const tokens = src.tokens(entry.value, entry.key);
  if (tokens.length === 0) {
    if (src.errors.length > before) return undefined;
    src.error(entry.value ?? entry.keyNode, `refs is empty: expected page numbers separated by spaces, such as refs: 7 0 1 2`);
    return undefined;
  }
  const refs: Reference[] = [];
  for (const t of tokens) {
    const m = TOKEN.exec(t.text);
    if (!m) {
      src.errorAt(
        t.offset,
        `'${t.text}' is not a reference: expected a page number${pageSize ? ' or address' : ''} such as 7, optionally followed by :r or :w (7:w)`,
      );
      continue;
    }
    const number = parseAddress(m[1]!);
    const write = m[2]?.toLowerCase() === 'w';
    const pos = src.position(t.offset);
    if (!pageSize && /^0x/i.test(m[1]!)) {
      src.errorAt(t.offset, `'${t.text}' is an address, but the scenario has no page-size: add page-size (such as page-size: 4K) or write page numbers`);
    } else if (number === undefined) {
      src.errorAt(t.offset, pageSize ? `address ${t.text} is too large: the largest address is ${MAX_BYTES_TEXT}` : `page ${t.text} is too large: the largest page number is 2^50 (${MAX_BYTES.toLocaleString('en-US')})`);
    } else if (pageSize) {
      refs.push({ token: t.text, page: Math.floor(number / pageSize), address: number, write, line: pos.line, column: pos.column });
    } else {
      refs.push({ token: t.text, page: number, write, line: pos.line, column: pos.column });
    }
  }
  checkAddressWidth(hardware, refs, src.errors);
  if (src.errors.length || !frames || !policies || !policyKeys) return undefined;
  const pages = refs.map((x) => x.page);
  const config: PagingConfig = { frames, policies, refs, pageSize, nextUse: nextUses(pages), distinctPages: new Set(pages).size, ...policyKeys, framesGiven: r.has('frames') };
  if (hardware) config.hardware = hardware;
  if (counts?.range) config.framesRange = true;
  return config;
}

/** For each reference, the index of the next reference to the same page (or the length: never). */
export function nextUses(pages: ArrayLike<number>): Int32Array {
  const next = new Int32Array(pages.length);
  const seen = new Map<number, number>();
  for (let i = pages.length - 1; i >= 0; i--) {
    next[i] = seen.get(pages[i]!) ?? pages.length;
    seen.set(pages[i]!, i);
  }
  return next;
}
