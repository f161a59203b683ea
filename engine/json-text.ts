/**
 * JSON text for reports that may be large, written in pieces. Objects and arrays of objects are laid
 * out one member per line, as `JSON.stringify(value, null, 2)` does; arrays of numbers, strings,
 * booleans and nulls stay on one line (`[7,null,1]`), which keeps a frame table of a million
 * entries a few megabytes instead of a line per entry.
 */

type Json = null | boolean | number | string | Json[] | { [key: string]: Json | undefined };

const isPrimitive = (v: unknown) => v === null || typeof v !== 'object';

/** The JSON text of `value`, its nested lines indented by `indent` plus two spaces per level. */
export function jsonText(value: unknown, indent = ''): string {
  const v = value !== null && typeof value === 'object' && typeof (value as { toJSON?: unknown }).toJSON === 'function'
    ? (value as { toJSON(): unknown }).toJSON()
    : value;
  if (v === undefined || typeof v === 'function') return 'null';
  if (isPrimitive(v)) return JSON.stringify(v) ?? 'null';
  const inner = `${indent}  `;
  if (Array.isArray(v)) {
    if (v.length === 0) return '[]';
    // One native call: a frame table of a million entries is written in milliseconds.
    if (v.every(isPrimitive)) return JSON.stringify(v);
    return `[\n${v.map((x) => inner + jsonText(x, inner)).join(',\n')}\n${indent}]`;
  }
  const members = Object.entries(v as Record<string, Json | undefined>).filter(([, x]) => x !== undefined && typeof x !== 'function');
  if (members.length === 0) return '{}';
  return `{\n${members.map(([k, x]) => `${inner}${JSON.stringify(k)}: ${jsonText(x, inner)}`).join(',\n')}\n${indent}}`;
}
