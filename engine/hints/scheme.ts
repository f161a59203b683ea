/**
 * A misspelt `scheme` key (`shceme: vm-paging`): the engine, finding no `scheme`, says only that it
 * is missing, at line 1 (it reads the scheme before the keys it would check the spelling of). Said
 * as the misspelt key, where it is written, with the word it nearly is.
 */
import { nearestWord } from '../errors.js';

export function explainMisspeltScheme<E extends { line?: number; column?: number; message: string }>(text: string, errors: readonly E[], lineOffset = 0): E[] {
  return errors.map((e) => {
    if (!e.message.startsWith("missing key 'scheme'")) return e;
    const lines = text.split('\n');
    for (let i = 0; i < lines.length; i++) {
      const key = /^(\s*)([A-Za-z][\w-]*)\s*:/.exec(lines[i]!);
      if (key && key[2]!.toLowerCase() !== 'scheme' && nearestWord(key[2]!, ['scheme'])) {
        return { ...e, line: i + lineOffset + 1, column: key[1]!.length + 1, message: `unknown key '${key[2]}': did you mean 'scheme'? (${e.message})` };
      }
    }
    return e;
  });
}
