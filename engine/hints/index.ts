/**
 * The engine's errors for the slips authors make most, said in the scenario's own words, applied
 * after parsing by Node's entry (report.ts: the CLI, the plugins) and by the element's error box, a
 * chunk loaded only when a scenario fails, so the first render pays nothing for them
 * (docs/ARCHITECTURE.md, The browser bundle). Each step passes other errors through unchanged, and
 * applying them twice changes nothing more.
 */
import { explainMisspeltScheme } from './scheme.js';
import { explainSplitSizes } from './sizes.js';
import { explainYamlErrors } from './yaml.js';

/** An error, or a problem the element shows, that may have a position. */
export interface Positioned {
  line?: number;
  column?: number;
  message: string;
}

/**
 * `errors` of the scenario `text`, each slip a rule knows said in the scenario's words.
 * @param lineOffset what the errors' lines count beyond the text's own (a fence's line in its file)
 */
export function explainErrors<E extends Positioned>(text: string, errors: readonly E[], lineOffset = 0): E[] {
  const lines = text.split('\n').map((l) => l.replace(/\r$/, ''));
  return explainMisspeltScheme(lines, explainSplitSizes(lines, explainYamlErrors(lines, errors, lineOffset), lineOffset), lineOffset);
}
