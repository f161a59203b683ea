import { transform } from 'esbuild';
import { replaceRanges } from './ast.mjs';

export const HELPERS = '\0esbuild-helpers';

/** A class using every feature esbuild lowers with a helper under the project's decorator settings. */
const SAMPLE = `const d = (x: any) => x;
@d class A { @d a = 1; @d static b = 1; static c = 1; #e = 1; @d f() { return this.#e; } @d get g() { return 1; } @d set g(v) {} @d static h = 1; }
export { A };`;

/** Top-level `var __name = ...;` declarations of an esbuild output: its helpers. */
export const helperDeclarations = (ast, code) =>
  ast.body.flatMap((n) => {
    const name = n.type === 'VariableDeclaration' && n.declarations.length === 1 ? n.declarations[0].id.name : undefined;
    return name?.startsWith('__') ? [{ name, text: code.slice(n.start, n.end), start: n.start, end: n.end }] : [];
  });

/** esbuild's helpers (name to declaration), taken from esbuild itself by lowering SAMPLE. */
export async function esbuildHelpers(parse, tsconfigRaw) {
  const { code } = await transform(SAMPLE, { loader: 'ts', target: 'es2022', format: 'esm', tsconfigRaw });
  return new Map(helperDeclarations(parse(code), code).map((d) => [d.name, d.text]));
}

/**
 * esbuild lowers decorators and class fields with helper functions (`__decorateClass`,
 * `__privateGet`...) that it writes into every module using them (`<mem-sim>`, the SchemeView base
 * class, the diagram panel...): unlike tsc it has no `importHelpers`. This moves them into one
 * shared module. The helpers are taken from esbuild itself, and a module's copy is replaced only
 * when it is the same text. The build fails when a module declares a helper the shared module does
 * not hold, or holds in another text (a new esbuild or a new feature in use: extend SAMPLE), since
 * that copy would be silently bundled once per module.
 */
export function sharedEsbuildHelpers({ tsconfigRaw = { compilerOptions: { useDefineForClassFields: false, experimentalDecorators: true } } } = {}) {
  let helpers; // name -> declaration text
  return {
    name: 'shared-esbuild-helpers',
    async buildStart() {
      helpers = await esbuildHelpers((code) => this.parse(code), tsconfigRaw);
      if (!helpers.has('__decorateClass')) this.error('shared-esbuild-helpers: esbuild lowered the sample class without __decorateClass (a new esbuild?)');
    },
    resolveId: (source) => (source === HELPERS ? source : null),
    load(id) {
      if (id !== HELPERS) return null;
      return `${[...helpers.values()].join('\n')}\nexport { ${[...helpers.keys()].join(', ')} };`;
    },
    transform(code, id) {
      if (id === HELPERS || !/\.ts$/.test(id) || !code.includes('var __')) return null;
      const declared = helperDeclarations(this.parse(code), code);
      const odd = declared.filter((d) => helpers.get(d.name) !== d.text).map((d) => d.name);
      if (odd.length) this.error(`shared-esbuild-helpers: ${id} declares ${odd.join(', ')}, which the shared module does not hold as written (a new esbuild, or a feature the sample class lacks)`);
      if (declared.length === 0) return null;
      const out = replaceRanges(code, declared.map((d) => [d.start, d.end]));
      return { code: `import { ${declared.map((d) => d.name).join(', ')} } from ${JSON.stringify(HELPERS)};\n${out}`, map: null };
    },
  };
}
