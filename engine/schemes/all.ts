/**
 * Every scheme built so far, loaded eagerly, presentation halves and prepared code included: for Node (CLI, plugins, tests). Browsers use lazy.ts.
 * Derived from the registry (a top-level await over its loaders), so adding a scheme there is enough.
 */
import type { SchemeModule, SchemeName } from '../scheme.js';
import { SCHEME_MODULES } from './registry.js';

// Each module's presentation half too (engine/presentation.ts), so Node calls the report, table
// and Mermaid members synchronously, as the contract has them; and what `prepare` loads for any
// scenario, so Node simulates without awaiting it per scenario.
const loaded = await Promise.all(
  Object.entries(SCHEME_MODULES).map(async ([name, load]) => {
    const module: SchemeModule = (await load()).default;
    await Promise.all([module.present?.(), module.prepare?.()]);
    return [name, module] as const;
  }),
);

export const SCHEMES: Partial<Record<SchemeName, SchemeModule>> = Object.fromEntries(loaded);
