/**
 * The one list of the schemes built so far, on the engine side: one line per scheme, its folder's
 * module loaded on demand. Everything else that names the schemes derives from it: the Node map
 * (all.ts), the browser's lazy loader (../lazy.ts), the docs' table of schemes, the bundle-size
 * measurement and its test. The components keep their own one list of views, checked against
 * `BUILT_SCHEMES` by a test (the engine never imports components).
 *
 * Keep this module free of other imports: build scripts read it. Each line is written
 * `name: () => import('./name/index.js'),` so a plain-JavaScript config (rollup.config.mjs) may
 * read the names with a regular expression if it ever needs them (see docs/adding-a-scheme.md).
 */
import type { SchemeModule, SchemeName } from '../scheme.js';

/** Loads one scheme's module; each is a separate chunk in the browser bundle. */
export type SchemeLoader = () => Promise<{ default: SchemeModule }>;

export const SCHEME_MODULES = {
  'vm-paging': () => import('./vm-paging/index.js'),
  dynamic: () => import('./dynamic/index.js'),
  fixed: () => import('./fixed/index.js'),
  buddy: () => import('./buddy/index.js'),
  relocation: () => import('./relocation/index.js'),
  paging: () => import('./paging/index.js'),
  'stack-heap': () => import('./stack-heap/index.js'),
} satisfies Partial<Record<SchemeName, SchemeLoader>>;

/** A scheme with an engine module. */
export type BuiltScheme = keyof typeof SCHEME_MODULES;

/** The names of the schemes built so far, in the registry's order. */
export const BUILT_SCHEMES = Object.keys(SCHEME_MODULES) as BuiltScheme[];

/** Whether a scheme name has an engine module. */
export const isBuilt = (name: string): name is BuiltScheme => Object.prototype.hasOwnProperty.call(SCHEME_MODULES, name);
