import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { posix } from 'node:path';

const MERMAID = 'mem-sim:mermaid';
/** Where scripts/build-bundle.mjs copies Mermaid's ESM entry, relative to dist/. */
export const MERMAID_IN_DIST = 'mermaid/mermaid.esm.min.mjs';
const MERMAID_ENTRY = 'mermaid/dist/mermaid.esm.min.mjs';

/**
 * `import('mermaid')` becomes an import of the copy in dist/mermaid/, relative to the chunk that
 * imports it (rollup would write the path relative to the source file instead). The build fails if
 * Mermaid no longer ships that ESM entry, or if a chunk keeps the placeholder.
 */
export function mermaidBeside({ entry = MERMAID_ENTRY } = {}) {
  return {
    name: 'mermaid-beside',
    buildStart() {
      let found;
      try {
        found = createRequire(import.meta.url).resolve(entry);
      } catch {}
      if (!found || !existsSync(found)) this.error(`mermaid-beside: no ${entry} (a new Mermaid version?); scripts/build-bundle.mjs copies that file to dist/${MERMAID_IN_DIST}`);
    },
    resolveId: (source) => (source === 'mermaid' ? { id: MERMAID, external: true } : null),
    renderChunk(code, chunk) {
      if (!code.includes(MERMAID)) return null;
      const path = posix.relative(posix.dirname(chunk.fileName), MERMAID_IN_DIST);
      const url = JSON.stringify(path.startsWith('.') ? path : `./${path}`);
      const out = code.replace(/(["'`])mem-sim:mermaid\1/g, url);
      if (out.includes(MERMAID)) this.error(`mermaid-beside: ${chunk.fileName} refers to Mermaid in a form this plugin does not rewrite`);
      return { code: out, map: null };
    },
  };
}
