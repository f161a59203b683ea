/**
 * A misspelt `scheme` key (`shceme: vm-paging`): the engine, finding no `scheme`, says only that it
 * is missing, at line 1 (it reads the scheme before the keys it would check the spelling of). Said
 * as the misspelt key, where it is written, with the word it nearly is.
 */
import { nearestWord } from '../errors.js';
import type { Positioned } from './index.js';
import { keyOf } from './yaml.js';

export function explainMisspeltScheme<E extends Positioned>(lines: readonly string[], errors: readonly E[], lineOffset: number): E[] {
  return errors.map((e) => {
    if (!e.message.startsWith("missing key 'scheme'")) return e;
    for (let i = 0; i < lines.length; i++) {
      const key = keyOf(lines[i]!);
      if (key && key[2]!.toLowerCase() !== 'scheme' && nearestWord(key[2]!, ['scheme'])) {
        return { ...e, line: i + lineOffset + 1, column: key[1]!.length + 1, message: `unknown key '${key[2]}': did you mean 'scheme'? (${e.message})` };
      }
    }
    return e;
  });
}
