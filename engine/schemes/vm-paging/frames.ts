/** Reads `frames`: one count, several (`3, 4`), or a range (`1-7`), which stands for every count in it. */
import type { ScenarioReader } from '../../source.js';
import { MAX_FRAMES } from './config.js';

/** The frame counts in the order written, ranges expanded, and whether any was a range; undefined after an error. */
export function readFrames(r: ScenarioReader): { frames: number[]; range: boolean } | undefined {
  const e = r.entry('frames');
  if (!e) return { frames: [3], range: false };
  const src = r.source;
  const before = src.errors.length;
  const tokens = src.tokens(e.value, e.key);
  if (!tokens.length && src.errors.length === before) src.error(e.value ?? e.keyNode, `'${e.key}' expects a whole number of frames, or a range such as 1-7`);
  const frames = new Set<number>();
  let range = false;
  for (const t of tokens) {
    const counts = /^\+?\d+(-\d+)?$/.test(t.text);
    const parts = counts ? t.text.split('-') : [t.text];
    const [low, high = low] = counts ? parts.map(Number) : [NaN];
    // The bound out of range as written (a huge one would print rounded), else the whole word.
    const bad = [low, high].findIndex((v) => !(v! >= 1 && v! <= MAX_FRAMES));
    const at = (m: string) => src.errorAt(t.offset, `${e.key}: ${m}, got '${parts[bad] ?? t.text}'`);
    if (bad >= 0) at(`expected a whole number of frames from 1 to ${MAX_FRAMES.toLocaleString('en-US')}, or a range such as 1-7`);
    else if (high! < low!) at(`a range runs from the smaller count up, such as ${high}-${low}`);
    else {
      range ||= high! > low!;
      // A range past the work cap is refused there; this bound only keeps the set from growing without end.
      for (let f = low!; f <= high! && frames.size <= MAX_FRAMES; f++) {
        if (frames.has(f)) return void src.errorAt(t.offset, 'frames: each frame count may be listed once');
        frames.add(f);
      }
    }
  }
  return src.errors.length > before ? undefined : { frames: [...frames], range };
}
