/**
 * The components' list of schemes: one line per scheme, naming its view. Everything else on this
 * side of the engine/components boundary that needs to know the schemes (the lazy loader, the
 * test that every engine has a view) reads this list; the engine keeps its own list, and
 * test/node/registry.test.ts checks that the two name the same schemes.
 *
 * Each entry is a dynamic import, so each view is a separate chunk of the browser bundle and
 * importing this module loads no view (nor Lit): Node reads the list's keys without a DOM.
 */
import type { BuiltScheme } from '../../engine/schemes/registry.js';
import type { SchemeViewClass } from './scheme-view.js';

/** Imports a scheme's view module, whose default export is the view class (a defined custom element). */
export type ViewImport = () => Promise<{ default: SchemeViewClass }>;

export const SCHEME_VIEWS: Record<BuiltScheme, ViewImport> = {
  'vm-paging': () => import('./vm-paging-view.js'),
  dynamic: () => import('./dynamic-view.js'),
  fixed: () => import('./fixed-view.js'),
  buddy: () => import('./buddy-view.js'),
  relocation: () => import('./relocation-view.js'),
  paging: () => import('./paging-view.js'),
  'stack-heap': () => import('./stack-heap-view.js'),
};
