/**
 * Every scheme built so far, loaded eagerly: for Node (CLI, plugins, tests). Browsers use lazy.ts.
 * Derived from the registry (a top-level await over its loaders), so adding a scheme there is enough.
 */
import type { SchemeModule, SchemeName } from '../scheme.js';
import { SCHEME_MODULES } from './registry.js';

const loaded = await Promise.all(Object.entries(SCHEME_MODULES).map(async ([name, load]) => [name, (await load()).default] as const));

export const SCHEMES: Partial<Record<SchemeName, SchemeModule>> = Object.fromEntries(loaded);
