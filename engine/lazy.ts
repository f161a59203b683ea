/**
 * Loads a scheme's module on demand, so a page pays only for the schemes it shows. Each import is
 * a separate chunk in the browser bundle; the list is the registry's (schemes/registry.ts). A module
 * loaded here has not loaded its presentation half: await its `present()` before calling its
 * `stepReport`, `finalReport`, `table` or `mermaid` (engine/presentation.ts).
 */
import type { SchemeModule, SchemeName } from './scheme.js';
import { isBuilt, SCHEME_MODULES } from './schemes/registry.js';

export async function loadScheme(name: SchemeName): Promise<SchemeModule | undefined> {
  return isBuilt(name) ? (await SCHEME_MODULES[name]()).default : undefined;
}
