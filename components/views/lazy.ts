/**
 * Loads a scheme's view on demand, like engine/lazy.ts loads its engine code: each import is a
 * separate chunk of the browser bundle, so a page pays only for the schemes it shows.
 */
import type { SchemeName } from '../../engine/scheme.js';
import type { SchemeViewClass } from './scheme-view.js';

/** The view class for a scheme, defined as a custom element; undefined when there is none yet. */
export async function loadView(name: SchemeName): Promise<SchemeViewClass | undefined> {
  switch (name) {
    case 'vm-paging':
      return (await import('./vm-paging-view.js')).default;
    case 'dynamic':
      return (await import('./dynamic-view.js')).default;
    case 'fixed':
      return (await import('./fixed-view.js')).default;
    case 'buddy':
      return (await import('./buddy-view.js')).default;
    default:
      return undefined;
  }
}
