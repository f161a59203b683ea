import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/** The sources import `./x.js` (NodeNext style) where the file is `x.ts`. */
export function typescriptSources() {
  return {
    name: 'typescript-sources',
    resolveId(source, importer) {
      if (!importer || !source.startsWith('.') || !source.endsWith('.js')) return null;
      const ts = resolve(dirname(importer), `${source.slice(0, -3)}.ts`);
      return existsSync(ts) ? ts : null;
    },
  };
}
