// Preloaded into a benchmarked process (`node --import ./bench/peak-memory.mjs ...`): prints its
// peak resident memory on stderr as it exits, so a benchmark reads what the kernel counted.
process.on('exit', () => process.stderr.write(`\npeak-rss-kb ${process.resourceUsage().maxRSS}\n`));
