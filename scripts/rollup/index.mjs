// The bundle's own rollup plugins, one job each; rollup.config.mjs says where each goes and why.
export { chunkByPath, chunkOf } from './chunk-of.mjs';
export { cssStrategy, litTemplates } from './lit-templates.mjs';
export { mermaidBeside } from './mermaid-beside.mjs';
export { noFlatReader } from './no-flat-reader.mjs';
export { emptySummaries, noKeySummaries } from './no-key-summaries.mjs';
export { HELPERS, esbuildHelpers, sharedEsbuildHelpers } from './shared-esbuild-helpers.mjs';
export { typescriptSources } from './typescript-sources.mjs';
export { YAML_METHODS_UNUSED, YAML_UNUSED, dropMethods, exportedNames, yamlFile, yamlParseOnly } from './yaml-parse-only.mjs';
