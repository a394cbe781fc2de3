// Text comparison inside one unit: paragraphs aligned first (diffArrays on
// normalized text), moved paragraphs detected (a removed and an added
// paragraph with the same text), paragraphs changed in place paired by
// similarity, then words (diffWords). Every diff call is bounded: over the
// bound a paragraph is replaced whole instead of hanging.
import { diffArrays, diffWords } from "diff";
import { normalizeText, type ParaChange, type ParaRef, type UnitPara, type WordPart } from "./model.js";

/** Most edits (in words and spaces) a word diff may find before giving up. */
const MAX_WORD_EDITS = 2000;
/** Most edits (in paragraphs) a paragraph alignment may find before giving up. */
const MAX_PARA_EDITS = 2000;
/** Safety net only: the edit limits above normally stop long before this. */
const TIMEOUT_MS = 3000;
/** Paragraphs less similar than this are shown as a deletion and an insertion. */
const MIN_SIMILARITY = 0.5;

/**
 * Work allowed for word diffs in one comparison, in (tokens x edit limit)
 * units (4e7 is about 0.4 s). Deterministic, unlike a clock, so the same
 * inputs always give the same output.
 */
export class Budget {
  constructor(public remaining = 4e8) {}
  take(cost: number): boolean {
    if (cost > this.remaining) return false;
    this.remaining -= cost;
    return true;
  }
}

function ref(p: UnitPara): ParaRef {
  return { path: p.path, role: p.role, depth: p.depth, text: p.text };
}

function key(p: UnitPara): string {
  return `${p.role}\u0000${normalizeText(p.text)}`;
}

function words(s: string): string[] {
  return s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** Dice coefficient of the two texts' word multisets (0 unrelated .. 1 same words). */
export function similarity(a: string, b: string): number {
  const wa = words(a);
  const wb = words(b);
  if (!wa.length && !wb.length) return 1;
  const counts = new Map<string, number>();
  for (const w of wa) counts.set(w, (counts.get(w) ?? 0) + 1);
  let common = 0;
  for (const w of wb) {
    const n = counts.get(w) ?? 0;
    if (n > 0) {
      common++;
      counts.set(w, n - 1);
    }
  }
  return (2 * common) / (wa.length + wb.length);
}

/** Word diff of two paragraphs, or null when it is not worth it or too costly. */
export function wordDiff(a: string, b: string, budget: Budget): WordPart[] | null {
  const tokens = (a.length + b.length) / 3; // about one token per 3 characters (words and spaces)
  const limit = Math.min(MAX_WORD_EDITS, Math.max(50, Math.ceil(tokens)));
  if (!budget.take(tokens * limit)) return null;
  const changes = diffWords(a, b, { maxEditLength: limit, timeout: TIMEOUT_MS });
  if (!changes) return null;
  const out: WordPart[] = [];
  for (const c of changes) {
    const op = c.added ? "insert" : c.removed ? "delete" : "equal";
    const last = out[out.length - 1];
    if (last && last.op === op) last.text += c.value;
    else out.push({ op, text: c.value });
  }
  // Unrelated texts that happen to share words make a diff noisier than a replacement.
  const kept = out.filter((p) => p.op === "equal").reduce((n, p) => n + p.text.trim().length, 0);
  if (kept < Math.min(a.length, b.length) * 0.3) return null;
  return out;
}

function changeOf(o: UnitPara, n: UnitPara, budget: Budget): ParaChange {
  const w = wordDiff(o.text, n.text, budget);
  if (w) return { op: "change", old: ref(o), new: ref(n), words: w };
  return {
    op: "change",
    old: ref(o),
    new: ref(n),
    words: [
      { op: "delete", text: o.text },
      { op: "insert", text: n.text },
    ],
    fallback: true,
  };
}

type Hunk = { equal: Array<[UnitPara, UnitPara]> } | { removed: UnitPara[]; added: UnitPara[] };

/** Aligns the paragraphs of two versions of a unit into one merged sequence. */
export function alignParagraphs(oldP: UnitPara[], newP: UnitPara[], budget: Budget): ParaChange[] {
  const oldKeys = oldP.map(key);
  const newKeys = newP.map(key);
  const changes = diffArrays(oldKeys, newKeys, { maxEditLength: MAX_PARA_EDITS, timeout: TIMEOUT_MS });
  const hunks: Hunk[] = [];
  if (!changes) {
    hunks.push({ removed: [...oldP], added: [...newP] });
  } else {
    let i = 0;
    let j = 0;
    let open: { removed: UnitPara[]; added: UnitPara[] } | null = null;
    for (const c of changes) {
      if (c.added) {
        if (!open) hunks.push((open = { removed: [], added: [] }));
        open.added.push(...newP.slice(j, j + c.count));
        j += c.count;
      } else if (c.removed) {
        if (!open) hunks.push((open = { removed: [], added: [] }));
        open.removed.push(...oldP.slice(i, i + c.count));
        i += c.count;
      } else {
        open = null;
        const pairs: Array<[UnitPara, UnitPara]> = [];
        for (let k = 0; k < c.count; k++) pairs.push([oldP[i + k]!, newP[j + k]!]);
        hunks.push({ equal: pairs });
        i += c.count;
        j += c.count;
      }
    }
  }

  // Moves: a removed paragraph whose text reappears as an added one elsewhere.
  const addedByKey = new Map<string, UnitPara[]>();
  for (const h of hunks) if ("added" in h) for (const p of h.added) addedByKey.set(key(p), [...(addedByKey.get(key(p)) ?? []), p]);
  const moveTo = new Map<UnitPara, UnitPara>(); // new -> old
  const moveFrom = new Map<UnitPara, UnitPara>(); // old -> new
  for (const h of hunks) {
    if (!("removed" in h)) continue;
    for (const p of h.removed) {
      if (!normalizeText(p.text)) continue;
      const cands = addedByKey.get(key(p));
      const n = cands?.shift();
      if (n) {
        moveTo.set(n, p);
        moveFrom.set(p, n);
      }
    }
  }

  const out: ParaChange[] = [];
  for (const h of hunks) {
    if ("equal" in h) {
      for (const [o, n] of h.equal) out.push({ op: "equal", old: ref(o), new: ref(n) });
      continue;
    }
    const removed = h.removed.filter((p) => !moveFrom.has(p));
    const added = h.added.filter((p) => !moveTo.has(p));
    // Pair removed with added paragraphs in order, by similarity.
    const pairOf = new Map<UnitPara, UnitPara>(); // removed -> added
    let from = 0;
    for (const r of removed) {
      let best = -1;
      let bestSim = MIN_SIMILARITY;
      for (let k = from; k < added.length; k++) {
        const a = added[k]!;
        if (a.role !== r.role) continue;
        const s = r.role === "heading" ? 1 : similarity(r.text, a.text);
        if (s >= bestSim && (best < 0 || s > bestSim)) {
          best = k;
          bestSim = s;
        }
      }
      if (best >= 0) {
        pairOf.set(r, added[best]!);
        from = best + 1;
      }
    }
    const pairedAdded = new Set(pairOf.values());
    // Emit in reading order: walk both lists, deletions before the insertions they precede.
    let ai = 0;
    const flushAdded = (until: UnitPara | null): void => {
      while (ai < h.added.length && h.added[ai] !== until) {
        const a = h.added[ai++]!;
        if (moveTo.has(a)) out.push({ op: "moveTo", old: ref(moveTo.get(a)!), new: ref(a) });
        else if (!pairedAdded.has(a)) out.push({ op: "insert", old: null, new: ref(a) });
      }
    };
    for (const r of h.removed) {
      if (moveFrom.has(r)) {
        out.push({ op: "moveFrom", old: ref(r), new: ref(moveFrom.get(r)!) });
        continue;
      }
      const partner = pairOf.get(r);
      if (partner) {
        flushAdded(partner);
        ai++;
        out.push(changeOf(r, partner, budget));
      } else {
        out.push({ op: "delete", old: ref(r), new: null });
      }
    }
    flushAdded(null);
  }
  return out;
}
