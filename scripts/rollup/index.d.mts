/** Types of index.mjs, for the TypeScript tests that import it. */
import type { GetManualChunk, Plugin } from 'rollup';
import type { parseAst } from 'rollup/parseAst';

type ProgramNode = ReturnType<typeof parseAst>;

export declare function chunkByPath(path: string): string | undefined;
export declare function chunkOf(root: string): GetManualChunk;
export declare const cssStrategy: { minifyCSS(css: string, options?: object): string };
export declare function litTemplates(): Plugin;
export declare function mermaidBeside(options?: { entry?: string }): Plugin;
export declare function noFlatReader(): Plugin;
export declare function emptySummaries(code: string, ast: ProgramNode): { code: string; count: number };
export declare function noKeySummaries(): Plugin;
export declare const HELPERS: string;
export declare function esbuildHelpers(parse: (code: string) => ProgramNode, tsconfigRaw: object): Promise<Map<string, string>>;
export declare function sharedEsbuildHelpers(options?: { tsconfigRaw?: object }): Plugin;
export declare function typescriptSources(): Plugin;
export declare const YAML_UNUSED: string[];
export declare const YAML_METHODS_UNUSED: Record<string, string[]>;
export declare function dropMethods(code: string, ast: ProgramNode, drop: string[]): string;
export declare function exportedNames(code: string): string[];
export declare function yamlFile(id: string): string | undefined;
export declare function yamlParseOnly(): Plugin;
