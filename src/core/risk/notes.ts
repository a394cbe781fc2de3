// How rules word who a provision covers and whom it leaves out, and how a
// note is built (quote checked against the unit's text, authorities by id).
import type { RiskNote, Severity } from "../draft.js";
import type { ActorClass, ActorMention, Span } from "./read/index.js";
import type { DraftModel, Unit } from "./model.js";
import type { RuleMeta } from "./types.js";
import { citeAuthority } from "../legal/index.js";
import { sentences } from "./read/text.js";
import { native } from "./read/native.js";

// ---------------------------------------------------------------------------
// Wording

export function describeClass(cls: ActorClass, mention: ActorMention | null, m: DraftModel): string {
  const via = mention?.term ? ` (the defined term “${mention.term}”)` : mention?.refersTo ? ` (“${mention.text}”, that is “${mention.refersTo}”)` : mention ? ` (“${mention.text}”)` : "";
  switch (cls) {
    case "named-agency":
      return `only officers of ${mention?.agency ?? "one named federal agency"}${via}`;
    case "immigration-officers":
      return `only federal immigration officers${via}`;
    case "federal-officers":
      return `only federal officers${via}`;
    case "non-local-officers":
      return `only non-local officers, that is every agency except ${m.kindWord}'s own${via}`;
    case "all-law-enforcement":
      return `officers of every law enforcement agency, federal, state and local${via}`;
    case "own-personnel":
      return `only ${m.kindWord}'s own personnel${via}`;
    case "state-officers":
      return `state officers${via}`;
    case "other-local-officers":
      return `other local officers${via}`;
    case "non-federal-officers":
      return `state and local officers${via}`;
    case "private-parties":
      return `private parties${via}`;
    case "everyone":
      return `every person${via}`;
  }
}

/** The comparable officers a class leaves out. */
export function leftOut(cls: ActorClass, m: DraftModel): string {
  const own = `${m.kindWord}'s own police`;
  switch (cls) {
    case "named-agency":
      return `officers of other federal agencies, state officers, and local officers including ${own}`;
    case "immigration-officers":
      return `other federal officers, state officers, and local officers including ${own}`;
    case "federal-officers":
      return `state officers and local officers, including ${own}`;
    case "non-local-officers":
      return `officers of ${own} department`;
    default:
      return "no one";
  }
}



// ---------------------------------------------------------------------------
// Notes

export interface NoteInput {
  severity: Severity;
  quote?: Span | string | null;
  message: string;
  explanation: string;
  suggestion: string;
  /** Quote the provision's words around the quote (its clause, up to about 260 characters), not the keyword alone. */
  clause?: boolean;
  /** Authority ids, when not the rule's own. */
  authorities?: readonly string[];
}

/** A note anchored to a unit (or to the whole document when unit is null). */
export function makeNote(meta: RuleMeta, unit: Unit | null, input: NoteInput): RiskNote {
  let quote = input.clause && unit ? provisionQuote(unit, input.quote ?? null) : typeof input.quote === "string" ? input.quote : (input.quote?.text ?? "");
  // The quote anchors a Word comment: it must occur verbatim in the paragraph's own words
  // (a lead-in read with its items keeps its own words first).
  if (!unit || !unit.text.slice(0, unit.ownLength).includes(quote)) quote = "";
  return {
    rule: meta.id,
    severity: input.severity,
    section: unit ? unit.section : "document",
    paragraph: unit ? unit.id : null,
    clause: unit ? unit.clause : null,
    quote,
    message: input.message,
    explanation: input.explanation,
    authorities: (input.authorities ?? meta.authorities).map((id) => citeAuthority(id, null)),
    suggestion: input.suggestion,
  };
}



const LABEL_RE = native(/^\s*(?:(?:\([\w.]{1,5}\)|[\w]{1,4}[.)])\s*)+/);
const QUOTE_MAX = 260;

/**
 * The provision's own words that hold a keyword: the sentence or ";" clause it
 * sits in, without a leading label, and at most about QUOTE_MAX characters
 * around the keyword. Always an exact substring of the paragraph's own text.
 */
export function provisionQuote(u: Unit, quote: Span | string | null): string {
  const own = u.text.slice(0, u.ownLength);
  let at: number;
  let len: number;
  if (quote && typeof quote !== "string" && quote.end <= own.length && own.slice(quote.start, quote.end) === quote.text) {
    at = quote.start;
    len = quote.end - quote.start;
  } else {
    const q = typeof quote === "string" ? quote : (quote?.text ?? "");
    at = q ? own.indexOf(q) : -1;
    len = q.length;
  }
  if (at < 0) return typeof quote === "string" ? quote : (quote?.text ?? "");
  const s = sentences(own).find((x) => x.start <= at && at < x.end) ?? { start: 0, end: own.length };
  let start = s.start;
  let end = s.end;
  const label = LABEL_RE.exec(own.slice(start, end));
  if (label && start + label[0].length <= at) start += label[0].length;
  while (start < at && /\s/.test(own[start]!)) start++;
  while (end > at + len && /[\s;,:]/.test(own[end - 1]!)) end--;
  if (end - start > QUOTE_MAX && at + len - start <= QUOTE_MAX) {
    // The clause's opening (its subject and duty) reaches the keyword: keep it, cut the tail at a word.
    let b = start + QUOTE_MAX;
    while (b < end && /\S/.test(own[b]!)) b++;
    end = b;
  } else if (end - start > QUOTE_MAX) {
    // A window around the keyword, cut at word boundaries.
    let a = Math.max(start, at - 100);
    let b = Math.min(end, at + len + (QUOTE_MAX - 100 - len));
    while (a > start && /\S/.test(own[a - 1]!)) a--;
    while (b < end && /\S/.test(own[b]!)) b++;
    start = a;
    end = b;
  }
  return own.slice(start, end);
}
