/**
 * Where the scheme finds policies/ (the policies beyond FIFO, LRU, OPT and CLOCK, and the working
 * set) once `prepare` has loaded it: the scheme's chunk holds only this handle.
 */
import type { PagingConfig, Policy } from './config.js';
import type * as More from './policies/index.js';

let loaded: typeof More | undefined;

/** Whether a policy's rules live in policies/. */
export const isLate = (policy: Policy): boolean => policy !== 'FIFO' && policy !== 'LRU' && policy !== 'OPT' && policy !== 'CLOCK';

/** Whether simulating `c` needs policies/: a policy that lives there, or a working-set window. */
export const needsLate = (c: PagingConfig): boolean => c.window !== undefined || c.policies.some(isLate);

/**
 * Whether a scenario's text may need policies/, read before it is parsed: a late policy's name or
 * alias, or `window`, as a whole word anywhere in it, in any letter case (`vm-paging` holds `aging`). Saying yes to a text that names one only
 * in its title costs a fetch, never a wrong answer.
 */
export const mayNeedLate = (text: string): boolean => /(?<![\w-])(?:enhanced[\w-]*|nru|lfu|mfu|aging|mru|rand(?:om)?|ws|working[\w-]*|window)(?![\w-])/i.test(text);

/** Loads policies/ (once). */
export async function loadLate(): Promise<void> {
  loaded ??= await import('./policies/index.js');
}

/** policies/, which `prepare` has loaded; throws before that, as the scheme contract says. */
export function late(): typeof More {
  if (!loaded) throw new Error('vm-paging: this scenario needs the code prepare() loads; await the scheme\'s prepare(text) first');
  return loaded;
}
