/** Types of tools.mjs, for the TypeScript tests that import it. */
export declare function findChromium(): string;
export declare function findJekyll(): string;
/** Flags that let Chromium run headless as root on a machine with no network but loopback. */
export declare const CHROMIUM_ARGS: string[];
