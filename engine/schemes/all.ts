/** Every scheme built so far, loaded eagerly: for Node (CLI, plugins, tests). Browsers use lazy.ts. */
import type { SchemeModule, SchemeName } from '../scheme.js';
import { buddy } from './buddy.js';
import { dynamic } from './dynamic.js';
import { fixed } from './fixed.js';
import { vmPaging } from './vm-paging.js';

export const SCHEMES: Partial<Record<SchemeName, SchemeModule>> = {
  'vm-paging': vmPaging,
  dynamic,
  fixed,
  buddy,
};
