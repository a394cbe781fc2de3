// The numbers Word and LibreOffice show before list paragraphs, rebuilt from
// word/numbering.xml. A w:num is an instance of an abstract list
// (w:abstractNum); instances of one abstract list share its counters, so a
// list that a word processor split into several w:num (LibreOffice does on
// re-saving) keeps counting, unless a w:num restarts a level with
// w:lvlOverride/w:startOverride, which takes effect where that w:num is first
// used.
import { W, readXmlPart, type XmlElement } from "./ooxml.js";

export interface Level {
  fmt: string;
  text: string;
  start: number;
  /** Levels whose use restarts this one (w:lvlRestart; by default every higher level). */
  restartAfter: number | null;
  /** Legal numbering (w:isLgl): the numbers of higher levels are shown as decimals. */
  legal: boolean;
}

interface Num {
  abstractId: string;
  /** Levels replaced by the instance (w:lvlOverride/w:lvl). */
  levels: Map<number, Level>;
  /** Levels the instance starts anew (w:lvlOverride/w:startOverride). */
  starts: Map<number, number>;
}

export interface Numbering {
  abstract: Map<string, Map<number, Level>>;
  nums: Map<string, Num>;
}

const MAX_LEVEL = 8;
/** Longer level texts are cut: no word processor writes one, and each is copied onto every numbered paragraph. */
const MAX_LABEL = 64;

function newLevel(): Level {
  return { fmt: "decimal", text: "", start: 1, restartAfter: null, legal: false };
}

function intAttr(el: XmlElement, fallback: number): number {
  const v = el.attr(W, "val");
  return v !== undefined && /^\d{1,9}$/.test(v) ? Number(v) : fallback;
}

/** Reads numbering.xml in one pass. */
export function readNumbering(xml: string | undefined, file: string): Numbering {
  const out: Numbering = { abstract: new Map(), nums: new Map() };
  if (!xml) return out;
  let abstract: Map<number, Level> | null = null;
  let num: Num | null = null;
  let override: number | null = null;
  let level: Level | null = null;
  let levelIndex = 0;
  readXmlPart(xml, file, "word/numbering.xml", {
    open(el) {
      if (el.uri !== W) return;
      switch (el.local) {
        case "abstractNum": {
          const id = el.attr(W, "abstractNumId");
          abstract = new Map();
          if (id !== undefined && !out.abstract.has(id)) out.abstract.set(id, abstract);
          return;
        }
        case "num": {
          const id = el.attr(W, "numId");
          num = { abstractId: "", levels: new Map(), starts: new Map() };
          if (id !== undefined && !out.nums.has(id)) out.nums.set(id, num);
          return;
        }
        case "abstractNumId":
          if (num) num.abstractId = el.attr(W, "val") ?? "";
          return;
        case "lvlOverride": {
          const ilvl = el.attr(W, "ilvl");
          override = num && ilvl !== undefined && /^\d{1,2}$/.test(ilvl) ? Number(ilvl) : null;
          return;
        }
        case "startOverride":
          if (num && override !== null && override <= MAX_LEVEL) num.starts.set(override, intAttr(el, 0));
          return;
        case "lvl": {
          const ilvl = Number(el.attr(W, "ilvl") ?? "-1");
          level = newLevel();
          levelIndex = Number.isInteger(ilvl) ? ilvl : -1;
          if (levelIndex < 0 || levelIndex > MAX_LEVEL) return;
          if (num && override !== null) num.levels.set(levelIndex, level);
          else if (abstract && !abstract.has(levelIndex)) abstract.set(levelIndex, level);
          return;
        }
      }
      if (!level) return;
      switch (el.local) {
        case "numFmt":
          level.fmt = el.attr(W, "val") ?? "decimal";
          return;
        case "lvlText":
          // A label is a few characters ("Section %1.", "(%2)"); a long one would be copied onto every paragraph.
          level.text = (el.attr(W, "val") ?? "").slice(0, MAX_LABEL);
          return;
        case "start":
          level.start = intAttr(el, 1);
          return;
        case "lvlRestart":
          level.restartAfter = intAttr(el, levelIndex);
          return;
        case "isLgl":
          level.legal = el.attr(W, "val") !== "0" && el.attr(W, "val") !== "false";
          return;
      }
    },
    close(el) {
      if (el.uri !== W) return;
      if (el.local === "lvl") level = null;
      else if (el.local === "lvlOverride") override = null;
      else if (el.local === "num") num = null;
      else if (el.local === "abstractNum") abstract = null;
    },
    text() {},
  });
  return out;
}

/** Counts list paragraphs in document order and gives each its label. */
export class ListCounter {
  /** Counters by abstract list, one per level. */
  private readonly counters = new Map<string, Array<number | undefined>>();
  /** Instances already used: a startOverride takes effect once, where its instance is first used. */
  private readonly started = new Set<string>();

  constructor(private readonly numbering: Numbering) {}

  /** The label ("Section 3.", "(b)") of a paragraph in list numId at level ilvl, or "" when it has none. */
  label(numId: string, ilvl: number): string {
    const num = this.numbering.nums.get(numId);
    if (!num || ilvl < 0 || ilvl > MAX_LEVEL) return "";
    const abstract = this.numbering.abstract.get(num.abstractId);
    if (!abstract) return "";
    const levelOf = (k: number): Level | undefined => num.levels.get(k) ?? abstract.get(k);
    const c = this.counters.get(num.abstractId) ?? [];
    this.counters.set(num.abstractId, c);
    if (!this.started.has(numId)) {
      this.started.add(numId);
      for (const [k, start] of num.starts) c[k] = start - 1;
    }
    c[ilvl] = (c[ilvl] ?? (levelOf(ilvl)?.start ?? 1) - 1) + 1;
    // Lower levels restart after this one unless their w:lvlRestart says otherwise.
    for (let k = ilvl + 1; k <= MAX_LEVEL; k++) {
      const after = levelOf(k)?.restartAfter;
      if (after === null || after === undefined || (after > 0 && ilvl < after)) c[k] = undefined;
    }
    const lvl = levelOf(ilvl);
    if (!lvl) return "";
    return lvl.text.replace(/%([1-9])/g, (_, d: string) => {
      const k = Number(d) - 1;
      const shown = levelOf(k);
      const fmt = lvl.legal && k < ilvl ? "decimal" : shown?.fmt ?? "decimal";
      return formatNumber(c[k] ?? shown?.start ?? 1, fmt);
    });
  }
}

export function formatNumber(n: number, fmt: string): string {
  switch (fmt) {
    case "lowerLetter":
      return letters(n).toLowerCase();
    case "upperLetter":
      return letters(n);
    case "lowerRoman":
      return roman(n).toLowerCase();
    case "upperRoman":
      return roman(n);
    case "bullet":
    case "none":
      return "";
    default:
      return String(n);
  }
}

/** a, b, ... z, aa, bb ... as Word counts (1 -> A, 27 -> AA). */
function letters(n: number): string {
  if (n < 1) return String(n);
  return String.fromCharCode(65 + ((n - 1) % 26)).repeat(Math.min(Math.floor((n - 1) / 26) + 1, 64));
}

function roman(n: number): string {
  if (n < 1 || n > 3999) return String(n);
  const t: Array<[number, string]> = [[1000, "M"], [900, "CM"], [500, "D"], [400, "CD"], [100, "C"], [90, "XC"], [50, "L"], [40, "XL"], [10, "X"], [9, "IX"], [5, "V"], [4, "IV"], [1, "I"]];
  let s = "";
  for (const [v, r] of t) while (n >= v) { s += r; n -= v; }
  return s;
}
