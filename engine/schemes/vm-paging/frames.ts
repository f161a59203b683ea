/** Reads `frames`: one count, several (`3, 4`), or a range (`1-7`), which stands for every count in it. */
import type { ScenarioReader } from '../../source.js';
import { MAX_FRAMES } from './config.js';

/** The frame counts in the order written, a range expanded; whether any was a range; undefined after an error. */
export function readFrames(r: ScenarioReader): { frames: number[]; range: boolean } | undefined {
  const e = r.entry('frames');
  if (!e) return { frames: [3], range: false };
  const src = r.source;
  const before = src.errors.length;
  const tokens = src.tokens(e.value, e.key);
  if (tokens.length === 0) {
    if (src.errors.length === before) src.error(e.value ?? e.keyNode, `'${e.key}' expects a whole number of frames, several (3, 4) or a range (1-7)`);
    return undefined;
  }
  const frames: number[] = [];
  let range = false;
  const seen = new Set<number>();
  for (const t of tokens) {
    const m = /^\+?(\d+)(?:-(\d+))?$/.exec(t.text);
    const low = m ? Number(m[1]) : NaN;
    const high = m?.[2] === undefined ? low : Number(m[2]);
    const bad = [low, high].find((v) => !(v >= 1 && v <= MAX_FRAMES));
    if (!m || bad !== undefined) {
      const what = m ? `'${bad}'` : `'${t.text}'`;
      src.errorAt(t.offset, `${e.key}: expected a whole number of frames from 1 to ${MAX_FRAMES.toLocaleString('en-US')}, or a range such as 1-7; got ${what}`);
      continue;
    }
    if (high < low) {
      src.errorAt(t.offset, `${e.key}: a range runs from the smaller count up, such as ${high}-${low}; got '${t.text}'`);
      continue;
    }
    range ||= high > low;
    for (let f = low; f <= high; f++) {
      if (seen.has(f)) {
        src.errorAt(t.offset, 'frames: each frame count may be listed once');
        return undefined;
      }
      seen.add(f);
      frames.push(f);
      // A range past the work cap is refused there; this bound only keeps the list from growing without end.
      if (frames.length > MAX_FRAMES) return undefined;
    }
  }
  return src.errors.length > before ? undefined : { frames, range };
}
