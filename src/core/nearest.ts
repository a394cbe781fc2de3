// "Did you mean": the known names closest to a misspelled one, by edit
// distance (insertions, deletions, substitutions and swaps of neighbours).

/** Optimal-string-alignment distance, with an early exit once it passes `limit`. */
export function editDistance(a: string, b: string, limit = Infinity): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prev2[j - 2]! + 1);
      cur.push(d);
      best = Math.min(best, d);
    }
    if (best > limit) return limit + 1;
    prev2 = prev;
    prev = cur;
  }
  return prev[b.length]!;
}

/** The known names within a third of the word's length (at least 1, at most 3 edits), closest first. */
export function nearest(word: string, known: Iterable<string>, max = 3): string[] {
  const w = word.toLowerCase();
  const limit = Math.min(3, Math.max(1, Math.floor(w.length / 3)));
  const scored: Array<[string, number]> = [];
  for (const k of new Set(known)) {
    const d = editDistance(w, k.toLowerCase(), limit);
    if (d <= limit) scored.push([k, d]);
  }
  return scored.sort((x, y) => x[1] - y[1] || x[0].localeCompare(y[0])).slice(0, max).map(([k]) => k);
}

/** "did you mean "x"?", or the fallback when nothing is close. */
export function didYouMean(word: string, known: Iterable<string>, fallback: string): string {
  const close = nearest(word, known);
  return close.length ? `did you mean ${close.map((c) => `"${c}"`).join(" or ")}?` : fallback;
}
