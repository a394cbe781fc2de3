// Classes of actor: which reach federal officers, which are narrow, which
// mention is the bound party, and how an exemption is labelled; and the
// scopes that exemption and penalty clauses refer to.
// ---------------------------------------------------------------------------
// The analysis of one paragraph
import type { ActorClass, ActorMention, ExemptionKind, ScopeRef, Who } from "./types.js";
import { EXEMPT_CUE_RE } from "./patterns.js";
import { fromStart, native } from "./native.js";

export const NARROW: ReadonlySet<ActorClass> = new Set(["non-local-officers", "federal-officers", "immigration-officers", "named-agency"]);
/** The federal government's own officers, by level, function or agency. */
export const FEDERAL_CLASSES: ReadonlySet<ActorClass> = new Set(["federal-officers", "immigration-officers", "named-agency"]);
/** Classes that include officers of other governments (federal ones in particular). */
export const OUTSIDE: ReadonlySet<ActorClass> = new Set(["all-law-enforcement", "non-local-officers", "federal-officers", "immigration-officers", "named-agency"]);

export function isNarrow(c: ActorClass | null | undefined): boolean {
  return !!c && NARROW.has(c);
}
/** True for classes that reach federal officers. */
export function reachesFederal(c: ActorClass | null | undefined): boolean {
  return !!c && OUTSIDE.has(c);
}


export function toWho(c: ActorClass): Who {
  switch (c) {
    case "state-officers":
    case "other-local-officers":
    case "non-federal-officers":
      return "all-law-enforcement";
    case "private-parties":
      return "everyone";
    default:
      return c;
  }
}

export const BOUND_PRIORITY: ActorClass[] = [
  "named-agency",
  "immigration-officers",
  "federal-officers",
  "non-local-officers",
  "all-law-enforcement",
  "state-officers",
  "other-local-officers",
  "non-federal-officers",
  "private-parties",
  "own-personnel",
  "everyone",
];

/** The first mention in reading order, preferring non-generic mentions. */
export function pickBound(list: ActorMention[]): ActorMention | null {
  const specific = list.filter((a) => !a.generic);
  const pool = specific.length ? specific : list;
  if (!pool.length) return null;
  // The head of the subject is its first mention; a later list member
  // ("any City department or any federal agency") is rare in drafts and the
  // narrower class wins then.
  const classes = new Set(pool.map((a) => a.cls));
  if (classes.size === 1) return pool[0]!;
  for (const c of BOUND_PRIORITY) {
    const hit = pool.find((a) => a.cls === c);
    if (hit && (c !== "own-personnel" || !pool.some((a) => reachesFederal(a.cls)))) return hit;
  }
  return pool[0]!;
}

const CLAUSE_JOINT_RE = native(/,\s+(?:and|but|or)\s+(?=(?:the|a|an|any|each|every|no|all|such)\b)/gi);
export function subjectStart(before: string): number {
  // "Owners may opt in ..., and the City shall provide signs": the subject starts after the last clause joint.
  const joint = fromStart(CLAUSE_JOINT_RE);
  let last = -1;
  let j: RegExpExecArray | null;
  while ((j = joint.exec(before)) !== null) last = j.index + j[0].length;
  const head = subjectStartHead(before);
  return Math.max(head, last);
}

const LEADING_CONDITION_RE = native(/^\s*(?:\(\w{1,4}\)\s*)?(?:except|unless|when|whenever|where|if|notwithstanding|in|before|during|while|subject\s+to|for\s+purposes\s+of|upon|after|within|to\s+the\s+extent|no\s+later\s+than|beginning|effective|pursuant\s+to|as\s+of|at)\b/i);
export function subjectStartHead(before: string): number {
  if (!LEADING_CONDITION_RE.test(before)) return 0;
  const re = /,\s+(?=(?:no|any|every|each|the|a|an|all|such|[A-Z])\b)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(before)) !== null) return m.index + m[0].length;
  return 0;
}

const EXEMPTION_CUE_WORDS_RE = native(/\b(?:nothing\s+(?:herein|in\s+this\s+\w+(?:\s+\([\w.]+\))?)\s+shall\s+(?:be\s+construed\s+to\s+)?(?:prohibit|prevent|restrict|limit)|except(?:ing)?(?:\s+for)?|other\s+than|excluding|exclusive\s+of|but\s+not|(?:does|do|shall)\s+not\s+(?:apply|extend)\s+to|(?:does|do|shall)\s+not\s+include|not\s+including|with\s+the\s+exception\s+of|exempts?|who\s+(?:is|are)\s+not(?:\s+(?:a|an))?)\b/gi);
export function findCue(before: string): number | null {
  // The last exemption cue in the text before the mention, if only filler words follow it.
  const re = fromStart(EXEMPTION_CUE_WORDS_RE);
  let last: number | null = null;
  let m: RegExpExecArray | null;
  while ((m = re.exec(before)) !== null) last = m.index + m[0].length;
  if (last === null) return null;
  return EXEMPT_CUE_RE.test(before.slice(0, last)) ? last : null;
}

const PLACE_HEAD_RE = native(/\b(?:facilit(?:y|ies)|jails?|courts?|court\s*houses?|courthouses?|premises|buildings?|propert(?:y|ies))\s*$/i);
/** The mention ends in a place ("a State or local correctional facility"), not a class of officers. */
export function namesPlace(text: string): boolean {
  return PLACE_HEAD_RE.test(text);
}

export function exemptionKind(c: ActorClass): ExemptionKind | null {
  switch (c) {
    case "own-personnel":
      return "own-personnel";
    case "state-officers":
    case "non-federal-officers":
      return "state-officers";
    case "other-local-officers":
      return "other-local-officers";
    case "federal-officers":
    case "immigration-officers":
    case "named-agency":
      return "federal-officers";
    default:
      return null;
  }
}

export function labelFor(a: ActorMention): string {
  switch (a.cls) {
    case "own-personnel":
      return `the jurisdiction's own personnel (${a.text})`;
    case "state-officers":
    case "non-federal-officers":
      return `state officers (${a.text})`;
    case "other-local-officers":
      return `other local officers (${a.text})`;
    default:
      return a.text;
  }
}


const NOTHING_HEREIN_SHALL_RE = native(/^\s*(?:\([\w.]+\)\s*)*nothing\s+(?:herein|in\s+this\s+(?:section|subsection))\s+shall\b/i);
const SCOPE_DOES_NOT_APPLY_RE = native(/\b(this\s+(?:section|subsection|paragraph|ordinance|order|executive\s+order|resolution|chapter|article|title|part)|subsections?\s+\([a-z0-9]+\)|sections?\s+(\d+(?:\.\d+)*)|the\s+(?:prohibitions?|requirements?|restrictions?)\s+(?:of|in)\s+this\s+(?:section|subsection|ordinance|order|chapter|article))\s+(?:does|do|shall)\s+not\s+(?:apply|extend)\b/i);
const EXEMPT_FROM_SCOPE_RE = native(/\b(?:is|are)\s+(?:hereby\s+)?exempt\s+from\s+(this\s+(?:section|subsection|ordinance|order|chapter|article)|sections?\s+(\d+(?:\.\d+)*))/i);
const FOLLOWING_ARE_EXEMPT_RE = native(/^\s*(?:the\s+)?(?:following|this)\b[^.]*\b(?:exempt|does\s+not\s+apply)/i);
export function scopeOfExemption(text: string, hasExemptions: boolean): ScopeRef | null {
  // "Nothing herein shall prohibit the City police department from ...": relieves this section.
  if (hasExemptions && NOTHING_HEREIN_SHALL_RE.test(text)) return { kind: "section" };
  const m =
    SCOPE_DOES_NOT_APPLY_RE.exec(
      text,
    ) ?? EXEMPT_FROM_SCOPE_RE.exec(text);
  if (!m) return hasExemptions && FOLLOWING_ARE_EXEMPT_RE.test(text) ? { kind: "section" } : null;
  return refFrom(m[1]!, m[2]);
}

export function refFrom(phrase: string, number: string | undefined): ScopeRef {
  const p = phrase.toLowerCase();
  if (number) return { kind: "named-section", number };
  if (/ordinance|order|resolution|chapter|article|title|part/.test(p)) return { kind: "document" };
  if (/paragraph/.test(p)) return { kind: "paragraph" };
  return { kind: "section" };
}

const SCOPE_REFERENCE_RE = native(/(?:\bthis\s+(section|subsection|ordinance|order|executive\s+order|chapter|article|title|part)|(?:\bsections?|\bsecs?\.|§{1,2})\s*(\d+(?:[.-]\d+)*(?:\s*(?:,|and|or|through)\s*\d+(?:[.-]\d+)*)*))\b/gi);
export function scopesReferenced(text: string): ScopeRef[] {
  const out: ScopeRef[] = [];
  // "Section 4", "Sec. 10-178", "§ 46-37", "Sections 3 and 4".
  const re = fromStart(SCOPE_REFERENCE_RE);
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    if (m[1]) out.push(refFrom(`this ${m[1]}`, undefined));
    else if (m[2]) {
      const nums = m[2].split(/\s*(?:,|and|or)\s*/).filter(Boolean);
      for (const n of nums) {
        const range = /^(\d+)\s*through\s*(\d+)$/.exec(n);
        if (range) for (let i = Number(range[1]); i <= Number(range[2]); i++) out.push({ kind: "named-section", number: String(i) });
        else out.push({ kind: "named-section", number: n.trim() });
      }
    }
  }
  return out.length ? out : [{ kind: "section" }];
}
