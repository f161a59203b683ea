/**
 * Loads a scheme's module on demand, so a page pays only for the schemes it shows. Each import is
 * a separate chunk in the browser bundle; the list is the registry's (schemes/registry.ts).
 */
import { parseWithScheme, readScenarioHead, type ParseOptions, type ParseResult } from './scenario.js';
import type { SchemeModule, SchemeName } from './scheme.js';
import { isBuilt, SCHEME_MODULES } from './schemes/registry.js';

export async function loadScheme(name: SchemeName): Promise<SchemeModule | undefined> {
  return isBuilt(name) ? (await SCHEME_MODULES[name]()).default : undefined;
}

/** parseScenario for browsers: the same result, with the scheme's code fetched when first needed. */
export async function parseScenarioLazily(text: string, opts: ParseOptions = {}): Promise<ParseResult> {
  const head = readScenarioHead(text, opts);
  const module = head.scheme && head.source.errors.length === 0 ? await loadScheme(head.scheme) : undefined;
  return parseWithScheme(head, module);
}
