// The scenario reference, read from the engine itself (this checkout's lib/engine), so the key
// tables list exactly what the parser accepts: each built scheme's `keys`, with their aliases.
import { MAX_SCENARIO_BYTES, MAX_SIMULATED_STEPS, SCHEME_ALIASES, SCHEME_NAMES, SCHEMES } from 'mem-sim/engine';

/**
 * The table of schemes' one line for the schemes not built yet. A built scheme's line is its
 * module's `summary` (a line left here for it is ignored, and can go when the scheme is built).
 */
const PLANNED = {
  segmentation: 'Simple segmentation: segment tables of base and limit.',
  'vm-segmentation': 'Virtual-memory segmentation.',
};

export default function () {
  const schemes = SCHEME_NAMES.map((name) => {
    const module = SCHEMES[name];
    return {
      name,
      summary: module?.summary ?? PLANNED[name] ?? '',
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
