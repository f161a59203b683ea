/**
 * Loads a scheme's view on demand, like engine/lazy.ts loads its engine code: each import is a
 * separate chunk of the browser bundle, so a page pays only for the schemes it shows.
 */
import type { SchemeName } from '../../engine/scheme.js';
import type { BuiltScheme } from '../../engine/schemes/registry.js';
import { SCHEME_VIEWS } from './registry.js';
import type { SchemeViewClass } from './scheme-view.js';

/** The view class for a scheme, defined as a custom element; undefined for a scheme not built yet. */
export async function loadView(name: SchemeName): Promise<SchemeViewClass | undefined> {
  return (await SCHEME_VIEWS[name as BuiltScheme]?.())?.default;
}
