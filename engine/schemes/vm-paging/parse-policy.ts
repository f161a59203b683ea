/** Reads the keys of the policies in policies/: `window`, `seed`, `clear-interval` and `aging-bits`. */
import type { ScenarioReader } from '../../source.js';
import type { PagingConfig, Policy } from './config.js';

type PolicyKeys = Pick<PagingConfig, 'window' | 'seed' | 'clearInterval' | 'agingBits'>;

/** The policy keys, with their defaults, or undefined after reporting an error. */
export function parsePolicyKeys(r: ScenarioReader, policies: readonly Policy[] | undefined): PolicyKeys | undefined {
  const before = r.source.errors.length;
  const window = one(r, 'window', 1_000_000, 'a window of references');
  const seed = one(r, 'seed', Number.MAX_SAFE_INTEGER, 'a whole-number seed') ?? 0;
  const clearInterval = one(r, 'clear-interval', 1_000_000, 'a number of references') ?? 4;
  const agingBits = one(r, 'aging-bits', 32, 'a counter width in bits') ?? 8;
  if (policies?.includes('WS') && window === undefined && !r.has('window')) {
    const e = r.entry('policy')!;
    r.source.error(e.value ?? e.keyNode, `policy WS keeps the working set resident and needs its window: add window (such as window: 10)`);
  }
  return r.source.errors.length > before ? undefined : { window, seed, clearInterval, agingBits };
}

/** One whole number from 1 (0 for `seed`) to max; a list is an error at its second item. */
function one(r: ScenarioReader, key: string, max: number, what: string): number | undefined {
  const values = r.integers(key, key === 'seed' ? 0 : 1, max, what);
  if (values && values.length > 1) {
    r.source.error(r.entry(key)!.value, `${key}: expected one number, got ${values.length}`);
    return undefined;
  }
  return values?.[0];
}
