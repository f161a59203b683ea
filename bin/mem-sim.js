#!/usr/bin/env node
// The CLI is compiled to lib/ by the package's prepare script (npm install / npm ci run it).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const entry = new URL('../lib/cli/main.js', import.meta.url);
if (!existsSync(fileURLToPath(entry))) {
  process.stderr.write('mem-sim: the CLI is not built yet; run `npm run build:lib` in the mem-sim folder\n');
  process.exit(2);
}
// A reader that closes the pipe early (`mem-sim run x.md --json | head`) wants no more: stop quietly,
// as other Unix tools do, instead of dying on an unhandled EPIPE.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e) => {
    if (e.code !== 'EPIPE') throw e;
    process.exit(process.exitCode ?? 0);
  });
}
const { main } = await import(entry.href);
process.exitCode = main(process.argv.slice(2));
