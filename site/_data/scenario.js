// The scenario reference, read from the engine itself (this checkout's lib/engine), so the key
// tables list exactly what the parser accepts: each built scheme's `keys`, with their aliases.
import { MAX_SCENARIO_BYTES, MAX_SIMULATED_STEPS, SCHEME_ALIASES, SCHEME_NAMES, SCHEMES } from 'mem-sim/engine';

/** One line per scheme for the table of schemes; a scheme's own page says the rest. */
const SUMMARY = {
  fixed: 'Fixed partitioning: memory cut into partitions that never split.',
  dynamic: 'Dynamic partitioning: holes split and merge; first-, next-, best- and worst-fit placement.',
  buddy: 'The buddy system: blocks of powers of two, split in halves and merged with their buddies.',
  paging: 'Simple paging: logical addresses translated through a page table.',
  segmentation: 'Simple segmentation: segment tables of base and limit.',
  'vm-paging': 'Virtual-memory paging: demand paging with FIFO, LRU, OPT and CLOCK replacement.',
  'vm-segmentation': 'Virtual-memory segmentation.',
  'stack-heap': 'A process image: stack and heap growing toward each other.',
};

export default function () {
  const schemes = SCHEME_NAMES.map((name) => {
    const module = SCHEMES[name];
    return {
      name,
      summary: SUMMARY[name] ?? '',
      aliases: Object.entries(SCHEME_ALIASES)
        .filter(([, target]) => target === name)
        .map(([alias]) => alias),
      available: Boolean(module),
      keys: module ? module.keys.map((k) => ({ key: k.key, aliases: [...(k.aliases ?? [])], summary: k.summary })) : [],
    };
  });
  return {
    schemes,
    available: schemes.filter((s) => s.available),
    maxBytes: MAX_SCENARIO_BYTES,
    maxSteps: MAX_SIMULATED_STEPS.toLocaleString('en-US'),
  };
}
