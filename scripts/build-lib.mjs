// Compiles engine/, components/, plugin/ and cli/ to lib/ (JavaScript and .d.ts) with TypeScript.
// Run by `prepare`, so `npx mem-sim` works right after `npm ci` in a fresh clone.
import { rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
rmSync(new URL('../lib', import.meta.url), { recursive: true, force: true });
const r = spawnSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json'], {
  stdio: 'inherit',
  cwd: new URL('..', import.meta.url),
});
process.exit(r.status ?? 1);
