// Text utilities every pass shares: spans, masking in one pass, sentence
// splitting, and facts about the words after a modal found once per sentence.
// Each is linear in its input.
// ---------------------------------------------------------------------------
// Small utilities
import type { Span } from "./types.js";
import { native } from "./native.js";

export const KIND_WORDS = ["City", "County", "Town", "Village", "Borough"];

export function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

export function span(text: string, start: number, end: number): Span {
  return { start, end, text: text.slice(start, end) };
}

/** The global form of a regex, compiled once (callers reset lastIndex before use). */
export const globalForms = new WeakMap<RegExp, RegExp>();
export function globalForm(re: RegExp): RegExp {
  let g = globalForms.get(re);
  if (!g) {
    g = native(new RegExp(re.source, re.flags.includes("g") ? re.flags : re.flags + "g"));
    globalForms.set(re, g);
  }
  g.lastIndex = 0;
  return g;
}

/**
 * A copy of the text in which matched spans can be blanked out, keeping
 * offsets. Blanks are collected and applied in one pass when the masked text
 * is next read, so masking k spans costs O(n + k), not O(n * k).
 */
export class Masked {
  private masked: string;
  private pending: Array<[number, number]> = [];
  constructor(readonly text: string) {
    this.masked = text;
  }
  get value(): string {
    this.flush();
    return this.masked;
  }
  blank(start: number, end: number): void {
    // Offsets are UTF-16 code units, as in text.slice().
    if (end > start) this.pending.push([start, end]);
  }
  private flush(): void {
    if (!this.pending.length) return;
    const spans = this.pending.sort((a, b) => a[0] - b[0]);
    this.pending = [];
    const parts: string[] = [];
    let at = 0;
    for (const [s0, e] of spans) {
      const s = Math.max(s0, at);
      if (e <= s) continue;
      parts.push(this.masked.slice(at, s), " ".repeat(e - s));
      at = e;
    }
    parts.push(this.masked.slice(at));
    this.masked = parts.join("");
  }
  /** Runs a global regex over the masked text as it is when the call starts. */
  each(re: RegExp, fn: (m: RegExpExecArray) => boolean | void): void {
    const s = this.value;
    const g = globalForm(re);
    let m: RegExpExecArray | null;
    while ((m = g.exec(s)) !== null) {
      if (m[0].length === 0) {
        g.lastIndex++;
        continue;
      }
      const keep = fn(m);
      if (keep) this.blank(m.index, m.index + m[0].length);
    }
  }
}

export const PASSIVE_RE = native(/\s*(?:not\s+)?be\s+[\w-]+(?:ed|en|t)\b/iy);
export const BY_AGENT_RE = native(/\bby\s+(?:(?:any|the|an?|all)\s+)?$/i);
export const PERMIT_RE = native(/\b(?:provide\s+(?:voluntary\s+)?consent|consent|permit|allow|bring|keep|station|deploy|authori[sz]e|let|lease|rent|licen[sc]e|grant|servic(?:e|es|ing)|fuel|host|accommodate|admit|deny|refuse|exclude|prohibit|bar|make\s+[^.;]{0,40}\s+available)\w*\b/gi);
export const ASSIST_RE = native(/\b(?:assist|cooperat)/gi);
export const STOP_RE = native(/[.;]/g);
export const TO_RE = native(/\bto\b/g);

/**
 * Facts about the words after a modal, found once per sentence so that each
 * mention's role costs O(1): a passive "be ...ed" right after it, and where the
 * first full stop, permitting verb and assistance word end (Infinity: none).
 */
export function afterModal(text: string, modalEnd: number, end: number): { passive: boolean; stop: number; permitEnd: number; assistEnd: number; infinitive: number } {
  PASSIVE_RE.lastIndex = modalEnd;
  const passive = PASSIVE_RE.test(text);
  const passiveEnd = passive ? PASSIVE_RE.lastIndex : modalEnd;
  // Searched within the sentence only, so that a sentence never scans the rest of the text.
  const rest = text.slice(modalEnd, end);
  const first = (re: RegExp, useEnd: boolean, from = 0): number => {
    re.lastIndex = from;
    const m = re.exec(rest);
    return m ? modalEnd + (useEnd ? m.index + m[0].length : m.index) : Infinity;
  };
  // "shall not be permitted to ...": the subject is the one permitted; a permitting verb counts only after the passive.
  const permitEnd = first(PERMIT_RE, true, Math.max(0, passiveEnd - modalEnd));
  // A passive's agent comes before any "to ...": in "be permitted to accept requests by ICE", ICE makes the requests.
  return { passive, stop: first(STOP_RE, false), permitEnd, assistEnd: first(ASSIST_RE, true), infinitive: first(TO_RE, false) };
}

/** The end of the word at i (a slice cut there never ends inside a word: "the no|tice" is not "no"). */
export function wordEnd(text: string, i: number, limit = text.length): number {
  while (i < limit && /\w/.test(text[i]!)) i++;
  return i;
}

/** How far before (or after) a mention its exemption cue may sit. */
export const CUE_WINDOW = 300;

export const ABBREV = native(/(?:\bU\.S|\bU\.S\.C|\bNo|\bNos|\bSec|\bSecs|\bInc|\bv|\bvs|\be\.g|\bi\.e|\bMr|\bMs|\bDr|\bSt|\bJr|\bGov|\bStat|\bAnn|\bCal|\bPen|\bArt|\bCh|\bSupp|\bF|\bCir|\bApp|\bCo|\bCorp|\bDept|\bOrd|\bRes|\bEO|\b[A-Z])$/);

/** What may follow a full stop that ends a sentence (sticky: tested at the character after it). */
export const AFTER_STOP_RE = native(/["”’)]?\s+[("“A-Z]/y);
export const ONLY_SPACE_LEFT_RE = native(/\s*$/y);

/** Sentence-ish units: split at ";" and at sentence-final punctuation. */
export function sentences(text: string): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    let cut = false;
    if (c === ";") cut = true;
    else if (c === "." || c === "?" || c === "!") {
      // Tested in place rather than on text.slice(i + 1): the same test, without a copy per full stop.
      AFTER_STOP_RE.lastIndex = i + 1;
      ONLY_SPACE_LEFT_RE.lastIndex = i + 1;
      if (AFTER_STOP_RE.test(text) || ONLY_SPACE_LEFT_RE.test(text)) {
        if (!ABBREV.test(text.slice(Math.max(0, i - 6), i))) cut = true;
      }
    }
    if (cut) {
      out.push({ start, end: i + 1 });
      start = i + 1;
    }
  }
  if (start < text.length && text.slice(start).trim()) out.push({ start, end: text.length });
  return out.length ? out : [{ start: 0, end: text.length }];
}

/** The sentence holding pos (binary search: sentences are in order and adjacent). */
export function sentenceOf<T extends { start: number; end: number }>(sents: readonly T[], pos: number): T {
  return containing(sents, pos) ?? sents[sents.length - 1]!;
}

/** The span in an ordered, non-overlapping list that holds pos, or null. */
export function containing<T extends { start: number; end: number }>(list: readonly T[], pos: number): T | null {
  let lo = 0;
  let hi = list.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = list[mid]!;
    if (pos < s.start) hi = mid - 1;
    else if (pos >= s.end) lo = mid + 1;
    else return s;
  }
  return null;
}

