/** Every scheme built so far, loaded eagerly: for Node (CLI, plugins, tests). Browsers use lazy.ts. */
import type { SchemeModule, SchemeName } from '../scheme.js';
import { vmPaging } from './vm-paging.js';

export const SCHEMES: Partial<Record<SchemeName, SchemeModule>> = {
  'vm-paging': vmPaging,
};
