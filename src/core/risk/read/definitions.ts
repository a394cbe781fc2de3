// Definitions: "X" means ..., and the table of defined terms with what each
// term covers (a class of officer, a place, a purpose, status information)
// and what it leaves out (exemptions written into the definition).
// ---------------------------------------------------------------------------
// Definitions
import type { ActorClass, ActorMention, Analysis, DefinedTerm, SelfNames, TermFacets, TermTable } from "./types.js";
import { escapeRe } from "./text.js";
import { PURPOSE_TEST_RE } from "./patterns.js";
import { analyzeText } from "./paragraph.js";
import { BoundedCache } from "./cache.js";
import { native } from "./native.js";

/**
 * A definition in every form drafters use: "X" means ...; (a) "X" means ...;
 * For purposes of this section, "X" means ...; The term "X" means ...;
 * X. The term "x" means ... (a code's run-in heading before it).
 */
export const DEF_RE = native(/^\s*(?:[(\[]?[a-z0-9]{1,4}[)\].]\s*)?(?:[A-Z][\w’'-]*(?:\s+[\w’'-]+){0,5}\.\s+)?(?:(?:for\s+(?:the\s+)?purposes?\s+of\s+this\s+\w+(?:\s+\w+)?|as\s+used\s+in\s+this\s+\w+(?:\s+\w+)?|in\s+this\s+\w+(?:\s+\w+)?),\s*)?(?:the\s+(?:term|phrase|words?)\s+)?[“"‘']([^”"’']{1,80})[”"’']\s*(?:,\s*)?(?:\([^)]*\)\s*)?(means|shall\s+mean|includes|refers\s+to|has\s+the\s+meaning|is\s+defined\s+as|shall\s+include)\b\s*:?\s*/i);

/** Splits a definition paragraph into term and body, or null if it is not one. */
export function parseDefinition(text: string): { term: string; body: string } | null {
  const m = DEF_RE.exec(text);
  if (!m) return null;
  return { term: m[1]!.trim(), body: text.slice(m[0].length) };
}

export const ACTOR_TERM_HEAD = native(/\b(?:agenc(?:y|ies)|officers?|authorit(?:y|ies)|agents?|personnel|officials?|entit(?:y|ies)|law\s+enforcement|police|employees?|departments?|persons?)$/i);

/** Builds the table of defined terms from definition paragraphs, resolving terms used inside definitions. */
/** A class of local, federal and other states' officers that never names the enacting state's own. */
function LEAVES_OUT_OWN_STATE(body: string): boolean {
  if (!/\bfederal\b/i.test(body) || !/\blocal\b/i.test(body) || !/\b(?:another|other)\s+states?\b|\bout-of-state\b/i.test(body)) return false;
  const own = body.replace(/\b(?:of\s+)?(?:another|other)\s+states?\b|\bout-of-state\b/gi, " ");
  return !/\bstate\b/i.test(own);
}

const ACTOR_BODY_RE = native(/^(?:any|an?|all|every|each|the)?\s*(?:\w+\s+){0,4}?(?:officers?|agents?|agenc(?:y|ies)|employees?|personnel|officials?|entit(?:y|ies))\b(?!['’])/i);
const NON_LOCAL_TERM_RE = native(/\bnon-?local\b|\boutside\b|\bout-of-(?:state|town)\b|\bnon-?(?:city|county|town|village|borough)\b/i);
const STATUS_BODY_RE = native(/\b(?:citizenship|immigration)(?:\s+(?:or|and)\s+(?:citizenship|immigration))?\s+status\b|\bcitizenship\b/i);
export function buildTermTable(defs: Array<{ text: string; id: string }>, self?: SelfNames): TermTable {
  const raw = new Map<string, { term: string; body: string; id: string }>();
  for (const d of defs) {
    const p = parseDefinition(d.text);
    if (!p) continue;
    const key = p.term.toLowerCase();
    if (!raw.has(key)) raw.set(key, { term: p.term, body: p.body, id: d.id });
  }
  const table: TermTable = new Map();
  const resolving = new Set<string>();
  const finder = new TermMatcher([...raw.values()].map((r) => ({ term: r.term, body: r.body, id: r.id, facets: {} })), true);
  const usedTerms = (body: string): string[] => [...new Set(finder.find(body).map((h) => h.term.term.toLowerCase()))];
  const resolve = (key: string): void => {
    if (table.has(key) || resolving.has(key)) return;
    resolving.add(key);
    const r = raw.get(key)!;
    // Resolve the terms this definition uses first, found in one scan of its
    // body (not one scan per term: a code defines hundreds), and read the body
    // with just those terms.
    const used: TermTable = new Map();
    for (const other of usedTerms(r.body)) {
      if (other === key) continue;
      resolve(other);
      const t = table.get(other);
      if (t) used.set(other, t);
    }
    const a = analyzeText(r.body, { terms: used, ...(self ? { self } : {}) });
    const facets: TermFacets = {};
    const isActorTerm = ACTOR_TERM_HEAD.test(r.term.replace(/\s*\([^)]*\)\s*$/, ""));
    const considered = a.actors.filter((x) => x.role !== "exempt" && x.role !== "example" && !x.generic);
    if (isActorTerm || (considered.length && ACTOR_BODY_RE.test(r.body))) {
      const cls = definitionClass(considered, a, self?.level === "state");
      // "Non-Local Law Enforcement" means any agency other than the City's: the
      // name says the class is non-local; the exclusion of the City's own
      // police is what the term means, not a separate exemption.
      const nonLocalName = NON_LOCAL_TERM_RE.test(r.term);
      // "State entity", "City department": a term named for the enactor is the enactor's own.
      const ownName = !!self && ownTermRe(self).test(r.term);
      if (cls && ownName) {
        facets.actor = { cls: "own-personnel", exempts: [] };
      } else if (cls && nonLocalName && (cls.cls === "all-law-enforcement" || cls.cls === "non-local-officers")) {
        facets.actor = { cls: "non-local-officers", exempts: a.exempts.filter((e) => e.kind !== "function" && e.kind !== "own-personnel").map((e) => ({ ...e, viaTerm: r.term })) };
      } else if (cls) {
        const named = considered.filter((x) => x.cls === "named-agency");
        facets.actor = {
          cls: cls.cls,
          ...(cls.cls === "named-agency" && named[0]?.agency ? { agency: named[0].agency } : {}),
          exempts: a.exempts.filter((e) => e.kind !== "function").map((e) => ({ ...e, viaTerm: r.term })),
        };
      }
    }
    // "local officers, federal officers and officers of another state": the
    // enacting state's own officers are silently left out (SB 627's flaw).
    if (facets.actor && LEAVES_OUT_OWN_STATE(r.body)) {
      const at = /\b(?:another|other)\s+states?\b|\bout-of-state\b/i.exec(r.body)!;
      facets.actor.exempts.push({ start: at.index, end: at.index + at[0].length, text: at[0], kind: "state-officers", label: "state officers (the definition names local, federal and other states' officers, not the enacting state's own)", viaTerm: r.term });
    }
    if (!facets.actor) {
      if (a.where === "non-public-property" || a.where === "public-places" || a.where === "jurisdiction-facilities") facets.place = a.where;
      if (a.purpose || PURPOSE_TEST_RE.test(r.term)) facets.purpose = true;
    }
    if (STATUS_BODY_RE.test(r.body)) facets.status = true;
    table.set(key, { term: r.term, body: r.body, id: r.id, facets });
    resolving.delete(key);
  };
  for (const key of raw.keys()) resolve(key);
  return table;
}

export function definitionClass(actors: ActorMention[], a: Analysis, stateLevel = false): { cls: ActorClass } | null {
  if (!actors.length) {
    if (a.purpose) return { cls: "immigration-officers" };
    return null;
  }
  const classes = new Set(actors.map((x) => x.cls));
  // "a person who ... is an officer or employee of ICE": the person is the narrower class named.
  const narrower = classes.has("immigration-officers") || classes.has("named-agency") || classes.has("federal-officers");
  if (classes.has("all-law-enforcement") || (classes.has("everyone") && !narrower)) return { cls: "all-law-enforcement" };
  // In a statute the state's own are its state and local officers: with federal officers, that is every officer.
  if (stateLevel && classes.has("own-personnel") && (classes.has("federal-officers") || classes.has("immigration-officers") || classes.has("named-agency"))) return { cls: "all-law-enforcement" };
  const named = actors.filter((x) => x.cls === "named-agency");
  const namedAgencies = new Set(named.map((x) => x.agency));
  if (classes.has("immigration-officers") || namedAgencies.size > 1) {
    // "Federal Immigration Authority" means officers of ICE, CBP, or any agency enforcing immigration law.
    if (classes.has("federal-officers") && !classes.has("immigration-officers") && namedAgencies.size === 0) return { cls: "federal-officers" };
    return { cls: "immigration-officers" };
  }
  if (named.length) return { cls: "named-agency" };
  for (const c of ["non-local-officers", "federal-officers", "own-personnel", "non-federal-officers", "state-officers", "other-local-officers", "private-parties"] as const) {
    if (classes.has(c)) return { cls: c };
  }
  return null;
}

/** Compiled term patterns: bounded, so a batch over many drafts keeps memory flat. */
export const termRegexes = new BoundedCache<string, RegExp>(512);

/** The regex that finds a defined term (and its plural), compiled once per term while it is in use. */
export function termRegex(term: string): RegExp {
  return termRegexes.get(term, () => makeTermRegex(term));
}

export function makeTermRegex(term: string): RegExp {
  const words = term.split(/\s+/).map(escapeRe).join("\\s+");
  const plural = /y$/i.test(term) ? `(?:${escapeRe(term.slice(0, -1))}ies|${words})` : `${words}(?:s|es)?`;
  const multi = /\s/.test(term);
  return new RegExp(`(?<![\\w-])${/y$/i.test(term) ? plural : plural}(?![\\w-])`, multi ? "gi" : "g");
}


/** A defined term found in a text: where, and which term. */
export interface TermHit {
  start: number;
  end: number;
  term: DefinedTerm;
}

/**
 * Finds the defined terms of a table in a text in one pass over its words:
 * each word is looked up by its lower-case form among the terms that begin
 * with it (and, for one-word terms, their plurals), and only those candidates
 * are tried there, longest first. Linear in the text, whatever the number of
 * terms (an alternation of hundreds of terms is tried at every position).
 */
export class TermMatcher {
  private readonly byWord = new Map<string, Array<{ term: DefinedTerm; re: RegExp }>>();
  /** First words of the multi-word keys: a pair key is built only after one of them. */
  private readonly pairFirst = new Set<string>();
  constructor(terms: Iterable<DefinedTerm>, caseInsensitive = false) {
    const sorted = [...terms].sort((a, b) => b.term.length - a.term.length || a.term.localeCompare(b.term));
    for (const t of sorted) {
      // Keyed by the first two words (terms often share a first word: "City ...", "Class ...").
      const words = t.term.split(/\s+/).map((w) => w.toLowerCase());
      const keys = new Set<string>();
      if (words.length > 1) {
        keys.add(`${words[0]} ${words[1]}`);
        this.pairFirst.add(words[0]!);
      }
      else for (const k of [words[0]!, words[0] + "s", words[0] + "es", words[0]!.replace(/y$/, "ies")]) keys.add(k);
      const base = termRegex(t.term);
      const re = new RegExp(base.source, (caseInsensitive && !base.flags.includes("i") ? base.flags + "i" : base.flags).replace("g", "") + "y");
      for (const k of keys) {
        const list = this.byWord.get(k) ?? [];
        list.push({ term: t, re });
        this.byWord.set(k, list);
      }
    }
  }

  find(text: string): TermHit[] {
    const hits: TermHit[] = [];
    if (this.byWord.size === 0) return hits;
    // One pass over the words; each word is lower-cased once and paired with the next one.
    const word = /[\w][\w-]*/g;
    let w: RegExpExecArray | null;
    let prev: { at: number; end: number; lower: string } | null = null;
    let skipTo = 0;
    const look = (cur: { at: number; lower: string }, nextLower: string | null): void => {
      if (cur.at < skipTo) return;
      const two = nextLower !== null && this.pairFirst.has(cur.lower) ? this.byWord.get(`${cur.lower} ${nextLower}`) : undefined;
      const single = this.byWord.get(cur.lower);
      if (!two && !single) return;
      // Longer (multi-word) terms first.
      for (const c of two && single ? [...two, ...single] : (two ?? single)!) {
        c.re.lastIndex = cur.at;
        const m = c.re.exec(text);
        if (!m) continue;
        hits.push({ start: cur.at, end: cur.at + m[0].length, term: c.term });
        skipTo = cur.at + m[0].length;
        break;
      }
    };
    while ((w = word.exec(text)) !== null) {
      const cur = { at: w.index, end: w.index + w[0].length, lower: w[0].toLowerCase() };
      // The previous word pairs with this one only across white space.
      if (prev) look(prev, onlySpace(text, prev.end, cur.at) ? cur.lower : null);
      prev = cur;
    }
    if (prev) look(prev, null);
    return hits;
  }
}

/** Is text[from, to) non-empty white space? */
function onlySpace(text: string, from: number, to: number): boolean {
  if (to <= from) return false;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (!(c === 32 || c === 9 || c === 10 || c === 13 || c === 160 || c === 12 || c === 11)) return false;
  }
  return true;
}

const matchers = new WeakMap<TermTable, { size: number; matcher: TermMatcher }>();
/** The table's matcher, rebuilt only when the table has grown (definitions resolve one another). */
export function termMatcher(table: TermTable): TermMatcher {
  const hit = matchers.get(table);
  if (hit && hit.size === table.size) return hit.matcher;
  const matcher = new TermMatcher(table.values());
  matchers.set(table, { size: table.size, matcher });
  return matcher;
}

const ownTermRes = new Map<string, RegExp>();
/** A term named for the enactor ("State entity", "City department"), compiled once per set of names. */
function ownTermRe(self: SelfNames): RegExp {
  const names = [...self.names, ...(self.level === "state" ? ["State"] : [])];
  const key = names.join("|");
  let re = ownTermRes.get(key);
  if (!re) {
    re = new RegExp(`^(?:the\\s+)?(?:${names.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|")})\\s+(?:entit|agenc|department|employee|officer|personnel|official)`, "i");
    if (ownTermRes.size > 64) ownTermRes.clear();
    ownTermRes.set(key, re);
  }
  return re;
}
