// Component tests in Chromium (the one `npm test` found, passed as CHROME_PATH): the TypeScript
// sources served through esbuild, Mermaid's own ESM build for `import('mermaid')`.
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { CHROMIUM_ARGS } from './scripts/tools.mjs';

const executablePath = process.env.CHROME_PATH || '/usr/bin/chromium';

/** `import('mermaid')` resolves to mermaid.core.mjs, which imports CommonJS; use the ESM build. */
const mermaidEsm = {
  name: 'mermaid-esm',
  resolveImport: ({ source }) => (source === 'mermaid' ? '/node_modules/mermaid/dist/mermaid.esm.min.mjs' : undefined),
};

export default {
  files: ['test/browser/**/*.test.ts'],
  nodeResolve: { browser: true },
  plugins: [mermaidEsm, esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'tsconfig.json' })],
  browsers: [
    chromeLauncher({
      // Each test file's page in a window of its own: in a shared window only the newest tab is
      // drawn, so with two files at once the other one's requestAnimationFrame (which fixture()
      // waits for) would never fire.
      createPage: ({ context }) => context.newPage({ type: 'window' }),
      launchOptions: {
        executablePath,
        headless: true,
        args: CHROMIUM_ARGS,
      },
    }),
  ],
  concurrency: 2,
  // Generous bounds, so that a busy 2-core machine (the suite beside another heavy job) passes: a test
  // waits on conditions for up to a minute (test/browser/helpers.ts PATIENCE_MS), so it may take two;
  // a file's tests, a browser's start and a file's first test get a few minutes. A hung test still fails.
  testFramework: { config: { timeout: 120_000 } },
  testsFinishTimeout: 600_000,
  testsStartTimeout: 300_000,
  browserStartTimeout: 120_000,
};
