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

/** Loads policies/ (once). */
export async function loadLate(): Promise<void> {
  loaded ??= await import('./policies/index.js');
}

/** policies/, which `prepare` has loaded; throws before that, as the scheme contract says. */
export function late(): typeof More {
  if (!loaded) throw new Error('vm-paging: this scenario needs the code prepare() loads; await the scheme\'s prepare(config) first');
  return loaded;
}
