// How rules word who a provision covers and whom it leaves out, and how a
// note is built (quote checked against the unit's text, authorities by id).
import type { RiskNote, Severity } from "../draft.js";
import type { ActorClass, ActorMention, Span } from "./read/index.js";
import type { DraftModel, Unit } from "./model.js";
import type { RuleMeta } from "./types.js";
import { citeAuthority } from "../legal/index.js";

// ---------------------------------------------------------------------------
// Wording

export function describeClass(cls: ActorClass, mention: ActorMention | null, m: DraftModel): string {
  const via = mention?.term ? ` (the defined term “${mention.term}”)` : mention ? ` (“${mention.text}”)` : "";
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
  /** Authority ids, when not the rule's own. */
  authorities?: readonly string[];
}

/** A note anchored to a unit (or to the whole document when unit is null). */
export function makeNote(meta: RuleMeta, unit: Unit | null, input: NoteInput): RiskNote {
  let quote = typeof input.quote === "string" ? input.quote : (input.quote?.text ?? "");
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


