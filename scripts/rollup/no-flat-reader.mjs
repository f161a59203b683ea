/**
 * The flat reader (engine/flat-mapping.ts) spares a site build yaml's cost on hundreds of blocks;
 * a page parses a few, where that cost does not show, so the bundle always asks yaml, which gives
 * the same result (a property test holds the two readers equal), and saves the reader's bytes.
 * The build fails if the reader is renamed or moved (this plugin would then do nothing), and
 * rollup fails it if the module gains an export the stub lacks.
 */
export function noFlatReader() {
  let stubbed = false;
  return {
    name: 'no-flat-reader',
    buildStart() {
      stubbed = false;
    },
    load(id) {
      if (!/[\\/]engine[\\/]flat-mapping\.ts$/.test(id)) return null;
      stubbed = true;
      return 'export const readFlatMapping = () => undefined;';
    },
    buildEnd(error) {
      if (!error && !stubbed) this.error('no-flat-reader: the bundle never loaded engine/flat-mapping.ts; update or remove this plugin');
    },
  };
}
