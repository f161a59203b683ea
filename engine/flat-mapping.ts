/**
 * The flat reader: a scenario that is nothing but `key: value` lines, read without building a
 * YAML document. See `readFlatMapping`.
 */
import { Scalar, type LineCounter } from 'yaml';

/** A scalar node as `yaml` builds it for a plain scalar, with the range the readers use. */
function plainScalar<T>(value: T, start: number, end: number, lineEnd: number): Scalar<T> {
  const node = new Scalar(value);
  node.type = Scalar.PLAIN;
  node.range = [start, end, lineEnd];
  return node;
}

// A top-level `key: value` line whose value is one plain scalar on that line. The value may not
// start with a YAML indicator, hold `: ` or ` #`, or end in `:`; anything else is left to `yaml`
// (so are keys over 100 characters: YAML caps an implicit key at 1,024).
const FLAT_LINE = /^([A-Za-z][A-Za-z0-9_-]{0,99}):( +)([^-?:,[\]{}#&*!|>'"%@`\s](?:[^\n]*?[^\s:])?)( *)$/;
// Characters the flat reader leaves to `yaml`: controls, tabs, CR, BOM, and surrogates.
const UNUSUAL_CHARACTER = /[^\n\x20-\x7E\u00A0-\uD7FF\uE000-\uFEFE\uFF00-\uFFFD]/;

/**
 * Reads a scenario that is nothing but `key: value` lines, blank lines and `#` comment lines,
 * which is how most scenarios are written, without building a YAML document: a site with
 * hundreds of blocks spends most of its build time in `yaml` otherwise (issue 4's budget).
 * Returns undefined, having read nothing for certain, at the first line it is not sure of, and
 * the caller parses the text with `yaml`, which stays the definition of the language. Where this
 * answers, the property tests check it gives the same keys, values and ranges as `yaml`.
 */
export function readFlatMapping(
  text: string,
  lines: LineCounter,
): { key: Scalar<string>; value: Scalar<string> }[] | undefined {
  if (text.length === 0 || UNUSUAL_CHARACTER.test(text)) return undefined;
  // The caller's line counter is filled as yaml's parser would fill it; on giving up, the caller
  // empties it again before parsing.
  const pairs: { key: Scalar<string>; value: Scalar<string> }[] = [];
  const seen = new Set<string>();
  let start = 0;
  while (start <= text.length) {
    lines.addNewLine(start);
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const line = text.slice(start, end);
    if (!line.startsWith('#') && line.trim() !== '') {
      const m = FLAT_LINE.exec(line);
      if (!m) return undefined;
      const [, key, gap, raw] = m as unknown as [string, string, string, string];
      if (raw.includes(': ') || raw.includes(' #') || seen.has(key)) return undefined;
      seen.add(key);
      const at = start + key.length + 1 + gap.length;
      pairs.push({
        key: plainScalar(key, start, start + key.length, start + key.length),
        value: plainScalar(raw, at, at + raw.length, Math.min(end + 1, text.length)),
      });
    }
    start = end + 1;
  }
  return pairs.length > 0 ? pairs : undefined;
}
