/** A problem in a scenario, pinned to the line and column (both 1-based) where it starts. */
export interface ScenarioError {
  line: number;
  column: number;
  message: string;
}

/** Levenshtein distance, used to suggest the nearest valid word for a misspelt one. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  const prev = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    let diagonal = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = prev[j]!;
      prev[j] = Math.min(above + 1, prev[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return prev[b.length]!;
}

/**
 * The candidate closest to `word`, or undefined when none is close enough to be a plausible typo.
 * Case and the `-`/`_` spelling are ignored so `First_Fit` finds `first-fit`.
 */
export function nearestWord(word: string, candidates: readonly string[]): string | undefined {
  const norm = (s: string) => s.toLowerCase().replace(/_/g, '-');
  const w = norm(word);
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const nc = norm(c);
    let d = editDistance(w, nc);
    // A prefix ("frame" for "frames", "lr" for "lru") is a likelier intent than an equally distant stranger.
    if (nc.startsWith(w) || w.startsWith(nc)) d -= 0.5;
    if (d < bestDistance) {
      bestDistance = d;
      best = c;
    }
  }
  const allowed = Math.max(2, Math.floor(w.length / 3));
  return bestDistance <= allowed ? best : undefined;
}

/** ` (did you mean 'x'?)` or the empty string. */
export function didYouMean(word: string, candidates: readonly string[]): string {
  const near = nearestWord(word, candidates);
  return near === undefined ? '' : `; did you mean '${near}'?`;
}

/** `'a', 'b' or 'c'` for messages that list what was expected. */
export function oneOf(words: readonly string[]): string {
  const quoted = words.map((w) => `'${w}'`);
  if (quoted.length <= 1) return quoted.join('');
  return `${quoted.slice(0, -1).join(', ')} or ${quoted[quoted.length - 1]}`;
}
