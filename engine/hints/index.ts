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

export function explainErrors<E extends { line?: number; column?: number; message: string }>(text: string, errors: readonly E[], lineOffset = 0): E[] {
  return explainMisspeltScheme(text, explainSplitSizes(text, explainYamlErrors(text, errors, lineOffset), lineOffset), lineOffset);
}
