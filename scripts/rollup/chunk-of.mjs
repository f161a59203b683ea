import { relative, sep } from 'node:path';

/**
 * The chunk of a source file by its path in the project (`engine/schemes/buddy.ts`), or undefined:
 * - `core`: the engine's top-level helpers the schemes share (such as Mermaid label escaping) and
 *   the SchemeView base class every view extends;
 * - `contiguous`: what that family of schemes shares (engine/contiguous/, the views' memory bar and
 *   contiguous view), loaded by pages with a fixed, dynamic or buddy block;
 * - `table`: the table model drawn as HTML, which the vm-paging view is and the other schemes offer
 *   behind the Table toggle;
 * - `legend`: the key under every view (components/views/legend.ts), which every scheme's view
 *   loads and the element never does: left to rollup, it would land in one scheme's chunk and make
 *   every other scheme's page load that chunk too;
 * - `registers`: the base and bounds registers (components/views/registers.ts), which the relocation
 *   view draws and the contiguous views load the first time they show an `access` step;
 * - a scheme's own chunk, named after it: its engine module (engine/schemes/<name>.ts or every file
 *   of engine/schemes/<name>/) and its view (components/views/<name>-view.ts), which a page showing
 *   the scheme loads together. The name comes from the path, so a new scheme needs no entry here;
 * - a part loaded on demand, `<name>-<folder>`: every file under a `presentation/` or `translation/`
 *   folder of a scheme or of the family (engine/schemes/<name>/<folder>/, engine/contiguous/<folder>/
 *   as `contiguous-<folder>`). `presentation/` is the report, table and Mermaid source a module's
 *   `present()` loads only when a page needs them (engine/presentation.ts); `translation/` is the
 *   address translation of `access` steps, which a scheme's `prepare(config)` loads only for a
 *   scenario that has one (engine/contiguous/core.ts); `policies/` is vm-paging's replacement
 *   policies beyond FIFO, LRU, OPT and CLOCK and the working set, which its `prepare(config)` loads
 *   only for a scenario that uses them (engine/schemes/vm-paging/late.ts). Other folders stay in
 *   their scheme's chunk.
 */
export function chunkByPath(path) {
  const [top, ...rest] = path.split('/');
  const file = rest.join('/');
  if (top === 'engine') {
    if (rest.length === 1) return 'core';
    const part = /^(?:schemes\/([\w-]+)|(contiguous))\/(presentation|translation|policies)\//.exec(file);
    if (part) return `${part[1] ?? part[2]}-${part[3]}`;
    if (rest[0] === 'contiguous') return 'contiguous';
    return rest[0] === 'schemes' ? /^schemes\/([\w-]+)(?:\.ts$|\/)/.exec(file)?.[1] : undefined;
  }
  if (top !== 'components') return undefined;
  if (file === 'table.ts') return 'table';
  if (file === 'views/legend.ts') return 'legend';
  if (file === 'views/registers.ts') return 'registers';
  if (file === 'views/scheme-view.ts') return 'core';
  if (file === 'views/contiguous-view.ts' || file === 'views/memory-bar.ts') return 'contiguous';
  return /^views\/([\w-]+)-view\.ts$/.exec(file)?.[1];
}

/**
 * Rollup's `manualChunks`: everything the entry imports statically, directly or not, goes into
 * `core` (it all loads before the first simulator renders, so dist/mem-sim.js stays a stub: a page
 * that loads it twice under two URLs still gets one copy of Lit); the rest by chunkByPath; what that
 * leaves (the diagram panel, the error box) in rollup's own lazy chunks. `root`: the project folder. Chunks of their own for
 * small shared modules would cost a request each and gzip worse.
 */
export function chunkOf(root) {
  const eagerSets = new WeakMap(); // one per build, keyed by its getModuleInfo
  return (id, { getModuleIds, getModuleInfo }) => {
    let eager = eagerSets.get(getModuleInfo);
    if (!eager) {
      eager = new Set();
      eagerSets.set(getModuleInfo, eager);
      const queue = [...getModuleIds()].filter((m) => getModuleInfo(m).isEntry).flatMap((m) => getModuleInfo(m).importedIds);
      while (queue.length) {
        const next = queue.pop();
        if (eager.has(next)) continue;
        eager.add(next);
        queue.push(...(getModuleInfo(next)?.importedIds ?? []));
      }
    }
    if (eager.has(id)) return 'core';
    const path = relative(root, id).split(sep).join('/');
    // Lit's directive base (directive.js, directive-helpers.js), shared by views and the editor:
    // left to rollup it lands in the first importer's chunk, and opening the editor fetched the
    // whole paging chunk for it.
    if (/^node_modules\/lit(?:-html)?\/(?:directive|directive-helpers)\.js$/.test(path)) return 'lit-directives';
    return path.startsWith('..') || path.startsWith('node_modules') ? undefined : chunkByPath(path);
  };
}
