#!/usr/bin/env node
// The CLI is compiled to lib/ by the package's prepare script (npm install / npm ci run it).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const entry = new URL('../lib/cli/main.js', import.meta.url);
if (!existsSync(fileURLToPath(entry))) {
  process.stderr.write('mem-sim: the CLI is not built yet; run `npm run build:lib` in the mem-sim folder\n');
  process.exit(2);
}
const { main } = await import(entry.href);
process.exitCode = main(process.argv.slice(2));
