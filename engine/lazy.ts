/**
 * Loads a scheme's module on demand, so a page pays only for the schemes it shows. Each import is
 * a separate chunk in the browser bundle.
 */
import { parseWithScheme, readScenarioHead, type ParseOptions, type ParseResult } from './scenario.js';
import type { SchemeModule, SchemeName } from './scheme.js';

export async function loadScheme(name: SchemeName): Promise<SchemeModule | undefined> {
  switch (name) {
    case 'vm-paging':
      return (await import('./schemes/vm-paging.js')).default;
    case 'dynamic':
      return (await import('./schemes/dynamic.js')).default;
    case 'fixed':
      return (await import('./schemes/fixed.js')).default;
    case 'buddy':
      return (await import('./schemes/buddy.js')).default;
    default:
      return undefined;
  }
}

/** parseScenario for browsers: the same result, with the scheme's code fetched when first needed. */
export async function parseScenarioLazily(text: string, opts: ParseOptions = {}): Promise<ParseResult> {
  const head = readScenarioHead(text, opts);
  const module = head.scheme && head.source.errors.length === 0 ? await loadScheme(head.scheme) : undefined;
  return parseWithScheme(head, module);
}
