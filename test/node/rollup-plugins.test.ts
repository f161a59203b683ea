/**
 * The bundle's own rollup plugins (scripts/rollup/): each transform on a small input, and each
 * check that fails the build when a dependency no longer looks the way the transform assumes.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { transform as esbuildTransform } from 'esbuild';
import type { Plugin } from 'rollup';
import { parseAst } from 'rollup/parseAst';
import {
  chunkByPath,
  chunkOf,
  cssStrategy,
  dropMethods,
  emptySummaries,
  exportedNames,
  HELPERS,
  litTemplates,
  mermaidBeside,
  noFlatReader,
  noKeySummaries,
  sharedEsbuildHelpers,
  typescriptSources,
  YAML_METHODS_UNUSED,
  yamlParseOnly,
} from '../../scripts/rollup/index.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const yamlDist = join(dirname(createRequire(import.meta.url).resolve('yaml/package.json')), 'browser', 'dist');

/** The little of rollup's plugin context these plugins use: errors throw, as they fail a build. */
const context = {
  parse: (code: string) => parseAst(code),
  error(e: string | { message: string }): never {
    throw new Error(typeof e === 'string' ? e : e.message);
  },
  warn() {},
};
/** Calls one hook of a plugin as rollup would. */
function hook(plugin: Plugin, name: keyof Plugin, ...args: unknown[]): any {
  const h = plugin[name] as any;
  return (typeof h === 'function' ? h : h.handler).apply(context, args);
}
const codeOf = (result: any): string => (typeof result === 'string' ? result : result.code);

describe('chunks: a scheme is named by its path, so adding one needs no list', () => {
  it('puts a flat scheme module and its view in a chunk named after the scheme', () => {
    assert.equal(chunkByPath('engine/schemes/buddy.ts'), 'buddy');
    assert.equal(chunkByPath('engine/schemes/vm-paging.ts'), 'vm-paging');
    assert.equal(chunkByPath('components/views/vm-paging-view.ts'), 'vm-paging');
  });

  it('puts every file of a scheme folder in that scheme’s chunk', () => {
    assert.equal(chunkByPath('engine/schemes/segmentation/index.ts'), 'segmentation');
    assert.equal(chunkByPath('engine/schemes/segmentation/rules/fit.ts'), 'segmentation');
  });

  it('puts every file of a presentation, translation or policies folder in a chunk of its own, named after the scheme or the family and the folder', () => {
    assert.equal(chunkByPath('engine/schemes/buddy/presentation/index.ts'), 'buddy-presentation');
    assert.equal(chunkByPath('engine/schemes/vm-paging/presentation/mermaid.ts'), 'vm-paging-presentation');
    assert.equal(chunkByPath('engine/contiguous/presentation/map.ts'), 'contiguous-presentation');
    assert.equal(chunkByPath('engine/contiguous/translation/access.ts'), 'contiguous-translation');
    assert.equal(chunkByPath('engine/schemes/segmentation/translation/index.ts'), 'segmentation-translation');
    assert.equal(chunkByPath('engine/schemes/vm-paging/policies/rules.ts'), 'vm-paging-policies');
    assert.equal(chunkByPath('engine/contiguous/relocate.ts'), 'contiguous');
    assert.equal(chunkByPath('engine/schemes/buddy/index.ts'), 'buddy');
    assert.equal(chunkByPath('engine/presentation.ts'), 'core');
  });

  it('puts engine helpers and the view base class in core, the contiguous family and the table in theirs', () => {
    assert.equal(chunkByPath('engine/mermaid.ts'), 'core');
    assert.equal(chunkByPath('components/views/scheme-view.ts'), 'core');
    assert.equal(chunkByPath('engine/contiguous/holes.ts'), 'contiguous');
    assert.equal(chunkByPath('components/views/memory-bar.ts'), 'contiguous');
    assert.equal(chunkByPath('components/views/contiguous-view.ts'), 'contiguous');
    assert.equal(chunkByPath('components/table.ts'), 'table');
  });

  it('puts the key every view draws in a chunk of its own, so no scheme’s page loads another scheme’s chunk', () => {
    assert.equal(chunkByPath('components/views/legend.ts'), 'legend');
  });

  it('leaves anything else to rollup', () => {
    assert.equal(chunkByPath('components/error-box.ts'), undefined);
    assert.equal(chunkByPath('components/views/lazy.ts'), undefined);
    assert.equal(chunkByPath('plugin/fallback.ts'), undefined);
  });

  it('puts what the entry imports statically in core, whatever its path, and nothing outside the project by path', () => {
    const graph: Record<string, { isEntry?: boolean; importedIds: string[] }> = {
      [join(root, 'components/drop-in.ts')]: { isEntry: true, importedIds: [join(root, 'engine/schemes/fixed.ts')] },
      [join(root, 'engine/schemes/fixed.ts')]: { importedIds: [] },
      [join(root, 'engine/schemes/buddy.ts')]: { importedIds: [] },
      [join(root, 'node_modules/x/engine/y.ts')]: { importedIds: [] },
    };
    const meta = { getModuleIds: () => Object.keys(graph)[Symbol.iterator](), getModuleInfo: (id: string) => graph[id] } as any;
    const manualChunks = chunkOf(root);
    assert.equal(manualChunks(join(root, 'engine/schemes/fixed.ts'), meta), 'core');
    assert.equal(manualChunks(join(root, 'engine/schemes/buddy.ts'), meta), 'buddy');
    assert.equal(manualChunks(join(root, 'node_modules/x/engine/y.ts'), meta), undefined);
  });
});

describe('typescript-sources: `./x.js` imports resolve to `x.ts`', () => {
  it('resolves a relative .js import to the .ts beside it, and leaves other imports alone', () => {
    const plugin = typescriptSources();
    const importer = join(root, 'engine/index.ts');
    assert.equal(hook(plugin, 'resolveId', './scheme.js', importer), join(root, 'engine/scheme.ts'));
    assert.equal(hook(plugin, 'resolveId', './no-such-file.js', importer), null);
    assert.equal(hook(plugin, 'resolveId', 'yaml', importer), null);
  });
});

describe('mermaid-beside: Mermaid is imported from the copy in dist/mermaid/', () => {
  it('rewrites the import relative to the chunk that holds it', () => {
    const plugin = mermaidBeside();
    assert.deepEqual(hook(plugin, 'resolveId', 'mermaid'), { id: 'mem-sim:mermaid', external: true });
    const code = 'const m = () => import("mem-sim:mermaid");';
    assert.equal(codeOf(hook(plugin, 'renderChunk', code, { fileName: 'chunks/diagram-panel-x.js' })), 'const m = () => import("../mermaid/mermaid.esm.min.mjs");');
    assert.equal(codeOf(hook(plugin, 'renderChunk', code, { fileName: 'mem-sim.js' })), 'const m = () => import("./mermaid/mermaid.esm.min.mjs");');
  });

  it('fails the build when Mermaid no longer ships the ESM entry it copies', () => {
    hook(mermaidBeside(), 'buildStart');
    assert.throws(() => hook(mermaidBeside({ entry: 'mermaid/dist/renamed.mjs' }), 'buildStart'), /mermaid-beside: no mermaid\/dist\/renamed\.mjs/);
  });
});

describe('yaml-parse-only: the bundle carries yaml’s parser, not its printer or editor', () => {
  it('drops the listed methods of a class, keeping the rest', () => {
    const code = 'class A {\n  constructor() { this.a = 1; }\n  static from(x) { return x; }\n  toString() { return "a"; }\n  keep() { return 1; }\n}\nexport { A };';
    const out = dropMethods(code, parseAst(code), ['from', 'toString']);
    assert.doesNotMatch(out, /from|toString/);
    assert.match(out, /constructor\(\) \{ this\.a = 1; \}/);
    assert.match(out, /keep\(\) \{ return 1; \}/);
  });

  it('names a listed method the class no longer has', () => {
    const code = 'class A { keep() {} }';
    assert.throws(() => dropMethods(code, parseAst(code), ['keep', 'gone']), /no method gone/);
  });

  it('finds every listed method in the installed yaml', () => {
    for (const [file, methods] of Object.entries(YAML_METHODS_UNUSED)) {
      const code = readFileSync(join(yamlDist, file), 'utf8');
      assert.doesNotThrow(() => dropMethods(code, parseAst(code), methods), file);
    }
  });

  it('stubs an unused module with the same exports, each throwing if called', async () => {
    const id = join(yamlDist, 'visit.js');
    const stub = codeOf(hook(yamlParseOnly(), 'load', id));
    assert.deepEqual(exportedNames(stub.replace(/^export const (\w+) = unused;$/gm, 'export { $1 };')).sort(), exportedNames(readFileSync(id, 'utf8')).sort());
    const mod = await import(`data:text/javascript,${encodeURIComponent(stub)}`);
    assert.throws(() => mod.visit(), /mem-sim bundles the YAML parser only, not visit\.js/);
  });

  it('fails the build when a module it cuts was never loaded (a new yaml moved it)', () => {
    const plugin = yamlParseOnly();
    hook(plugin, 'buildStart');
    hook(plugin, 'load', join(yamlDist, 'schema/tags.js'));
    assert.throws(() => hook(plugin, 'buildEnd'), /never loaded yaml's stringify\/, visit\.js/);
  });

  it('fails the build when a class lost a method it drops', () => {
    const plugin = yamlParseOnly();
    assert.throws(() => hook(plugin, 'transform', 'class Alias { resolve() {} }', join(yamlDist, 'nodes/Alias.js')), /nodes\/Alias\.js has no method toJSON, toString/);
  });
});

describe('no-flat-reader: the bundle reads YAML with yaml only', () => {
  it('replaces the flat reader with one that always defers to yaml', () => {
    const plugin = noFlatReader();
    assert.match(codeOf(hook(plugin, 'load', join(root, 'engine/flat-mapping.ts'))), /export const readFlatMapping = \(\) => undefined;/);
    hook(plugin, 'buildEnd');
  });

  it('fails the build when the flat reader was never loaded (moved or renamed)', () => {
    const plugin = noFlatReader();
    hook(plugin, 'buildStart');
    assert.throws(() => hook(plugin, 'buildEnd'), /never loaded engine\/flat-mapping\.ts/);
  });
});

describe('no-key-summaries: the bundle leaves key summaries empty', () => {
  it('empties every summary string and nothing else', () => {
    const code = "export const keys = [{ key: 'frames', aliases: ['f'], summary: 'Frames of memory.' }, { key: 'refs', summary: `The references.` }];";
    const out = emptySummaries(code, parseAst(code));
    assert.equal(out.count, 2);
    assert.equal(out.code, "export const keys = [{ key: 'frames', aliases: ['f'], summary: '' }, { key: 'refs', summary: '' }];");
  });

  it('fails the build when a key’s summary is not a plain string, which would stay in the bundle', () => {
    const code = "const s = 'x'; export const keys = [{ key: 'frames', summary: `Frames ${s}` }];";
    assert.throws(() => hook(noKeySummaries(), 'transform', code, join(root, 'engine/schemes/x.ts')), /no-key-summaries: .* is not a string literal/);
  });

  it('fails the build when no summary was found at all (the field was renamed)', () => {
    const plugin = noKeySummaries();
    hook(plugin, 'buildStart');
    assert.throws(() => hook(plugin, 'buildEnd'), /no `summary:` property found/);
  });
});

describe('shared-esbuild-helpers: one copy of esbuild’s decorator and class-field helpers', () => {
  const tsconfigRaw = { compilerOptions: { useDefineForClassFields: false, experimentalDecorators: true } };
  const lower = async (code: string) => (await esbuildTransform(code, { loader: 'ts', target: 'es2022', format: 'esm', tsconfigRaw })).code;

  it('replaces a module’s helpers with an import of the shared module, which exports them', async () => {
    const plugin = sharedEsbuildHelpers();
    await hook(plugin, 'buildStart');
    const code = await lower('const d = (x: any) => x;\nexport class A { @d a = 1; }');
    assert.match(code, /var __decorateClass = /);
    const out = codeOf(hook(plugin, 'transform', code, '/p/a.ts'));
    assert.doesNotMatch(out, /var __/);
    assert.ok(out.startsWith(`import { __defProp, __getOwnPropDesc, __decorateClass } from ${JSON.stringify(HELPERS)};`), out);
    const shared = codeOf(hook(plugin, 'load', HELPERS));
    assert.match(shared, /var __decorateClass = /);
    assert.match(shared, /export \{ [^}]*__decorateClass[^}]* \};$/);
  });

  it('fails the build when a module declares a helper the shared module holds in another text', async () => {
    const plugin = sharedEsbuildHelpers();
    await hook(plugin, 'buildStart');
    assert.throws(() => hook(plugin, 'transform', 'var __decorateClass = () => 0;\nexport {};', '/p/a.ts'), /declares __decorateClass/);
    assert.throws(() => hook(plugin, 'transform', 'var __newHelper = () => 0;\nexport {};', '/p/a.ts'), /declares __newHelper/);
  });
});

describe('lit-templates: markup and styles minified by Lit’s own minifier', () => {
  it('minifies a style sheet and a declaration list, which keeps its final semicolon', () => {
    assert.equal(cssStrategy.minifyCSS('\n  .a {\n    margin: 0.5rem;\n    font-weight: bold;\n  }\n'), '.a{margin:.5rem;font-weight:700}');
    assert.equal(cssStrategy.minifyCSS('\n  position: absolute;\n  top: 0;\n'), 'position:absolute;top:0;');
  });

  it('collapses markup whitespace to one space, never removing the space at a template’s edge', async () => {
    const code = "import { html } from 'lit';\nexport const at = (l: number, m: string) => html`<li>\n    ${html`<span class=\"at\">${l}</span> `}${m}\n  </li>`;";
    const out = codeOf(await hook(litTemplates(), 'transform', code, join(root, 'components/x.ts')));
    assert.equal(out, "import { html } from 'lit';\nexport const at = (l: number, m: string) => html`<li> ${html`<span class=\"at\">${l}</span> `}${m} </li>`;");
  });

  it('minifies styles with their placeholders in place', async () => {
    const code = "import { css } from 'lit';\nconst strip = css`top: 0;`;\nexport const s = css`\n  .block {\n    ${strip}\n    color: red;\n  }\n`;";
    const out = codeOf(await hook(litTemplates(), 'transform', code, join(root, 'components/x.ts')));
    assert.match(out, /css`\.block\{\$\{strip\}color:red\}`/);
  });

  it('fails the build on a style it cannot read', async () => {
    const code = "import { css } from 'lit';\nexport const s = css`.a { color: red; } }`;";
    await assert.rejects(async () => hook(litTemplates(), 'transform', code, join(root, 'components/x.ts')), /LightningCSS error/);
  });
});
