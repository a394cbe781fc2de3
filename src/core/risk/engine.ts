// The risk engine: runs every rule over a Draft in a context and returns the
// notes in a deterministic order (section order in the draft, then severity,
// then rule id; ties by paragraph order and quote).
import type { Draft, RiskNote } from "../draft.js";
import { SEVERITIES } from "../draft.js";
import type { RiskContext } from "./context.js";
import { modelFor } from "./model.js";
import { RULES } from "./rules/index.js";
import type { Rule } from "./types.js";
import { citeAuthority, requireAuthority } from "../legal/index.js";

/** The oldest as_of among the rules' authorities: the date all of them were last checked by. */
export const LEGAL_AS_OF: string = RULES.flatMap((r) => r.meta.authorities.map((id) => requireAuthority(id).as_of)).reduce((a, b) => (b < a ? b : a));

export interface RunOptions {
  /** Only these rule ids (default: all). Unknown ids are ignored; the CLI validates them. */
  only?: readonly string[];
  /** Skip these rule ids. */
  skip?: readonly string[];
}

export function runRules(draft: Draft, context: RiskContext, options: RunOptions = {}): RiskNote[] {
  const rules: Rule[] = RULES.filter((r) => (!options.only || options.only.includes(r.meta.id)) && !(options.skip ?? []).includes(r.meta.id));
  // The model is built once here, at the context's reading level; every rule reads the same one.
  modelFor(draft, context);
  // Each authority weighed for where the draft will be adopted.
  const notes = rules.flatMap((r) => r.check(draft, context)).map((n) => ({ ...n, authorities: n.authorities.map((a) => citeAuthority(a.id, context.state)) }));
  return sortNotes(draft, notes);
}

/** The draft with its risk notes and the as-of date of the legal knowledge they used. */
export function withRiskNotes(draft: Draft, context: RiskContext, options: RunOptions = {}): Draft {
  const riskNotes = runRules(draft, context, options);
  return { ...draft, riskNotes, legalAsOf: knowledgeAsOf(riskNotes, context) };
}

/**
 * The as-of date of the knowledge the notes used: the oldest of their
 * authorities' dates and the state's entry; with no notes, the rules' and the
 * state's. The oldest, because that is the part most likely out of date.
 */
export function knowledgeAsOf(notes: readonly RiskNote[], context: RiskContext): string {
  const dates = notes.flatMap((n) => n.authorities.map((a) => a.as_of));
  if (!dates.length) dates.push(LEGAL_AS_OF);
  if (context.stateLaw.as_of) dates.push(context.stateLaw.as_of);
  return dates.reduce((a, b) => (b < a ? b : a));
}

export function sortNotes(draft: Draft, notes: RiskNote[]): RiskNote[] {
  const model = modelFor(draft);
  const sectionRank = new Map<string, number>([["recitals", 0]]);
  draft.sections.forEach((s, i) => sectionRank.set(s.id, i + 1));
  const docRank = draft.sections.length + 1;
  const paraRank = new Map<string, number>();
  for (const u of model.units) if (!paraRank.has(u.id)) paraRank.set(u.id, u.order);
  const sev = (s: string): number => SEVERITIES.indexOf(s as (typeof SEVERITIES)[number]);
  return [...notes].sort(
    (a, b) =>
      (sectionRank.get(a.section) ?? docRank) - (sectionRank.get(b.section) ?? docRank) ||
      sev(a.severity) - sev(b.severity) ||
      a.rule.localeCompare(b.rule) ||
      (a.paragraph === null ? -1 : (paraRank.get(a.paragraph) ?? 0)) - (b.paragraph === null ? -1 : (paraRank.get(b.paragraph) ?? 0)) ||
      cmp(a.quote, b.quote) ||
      cmp(a.message, b.message),
  );
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
