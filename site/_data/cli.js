// The command line's help and a sample run, produced by running this checkout's CLI (lib/cli) at
// build time, so the page shows what the installed command prints.
import { main } from '../../lib/cli/main.js';

const EXAMPLE = `# Belady's anomaly

\`\`\`memsim
scheme: vm-paging
frames: 3, 4
policy: FIFO
refs: 1 2 3 4 1 2 5 1 2 3 4 5
\`\`\`
`;

const TINY = `scheme: vm-paging
frames: 2
refs: 1 2 1
`;

const BROKEN = `---
title: Paging
---
\`\`\`memsim
scheme: vm-paging
framez: 3
policy: FIFO, LRUU
refs: 1 2 3
\`\`\`
`;

/** Runs the CLI on in-memory files and returns what it printed. */
function run(args, files = {}) {
  let out = '';
  let err = '';
  const status = main(args, {
    out: (s) => (out += `${s}\n`),
    err: (s) => (err += `${s}\n`),
    read: (path) => {
      if (!(path in files)) throw Object.assign(new Error('not found'), { code: 'ENOENT' });
      return files[path];
    },
  });
  return { out: out.trimEnd(), err: err.trimEnd(), status };
}

export default function () {
  return {
    help: run(['--help']).out,
    helpCheck: run(['help', 'check']).out,
    helpRun: run(['help', 'run']).out,
    example: EXAMPLE,
    exampleRun: run(['run', 'belady.md'], { 'belady.md': EXAMPLE }).out,
    tiny: TINY,
    tinyJson: run(['run', 'tiny.yaml', '--json'], { 'tiny.yaml': TINY }).out,
    broken: BROKEN,
    brokenCheck: run(['check', 'posts/paging.md'], { 'posts/paging.md': BROKEN }).err,
  };
}
