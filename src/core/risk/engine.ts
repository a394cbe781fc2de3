// The risk engine: runs every rule over a Draft in a context and returns the
// notes in a deterministic order (section order in the draft, then severity,
// then rule id; ties by paragraph order and quote).
import type { Draft, RiskNote } from "../draft.js";
import { SEVERITIES } from "../draft.js";
import type { RiskContext } from "./context.js";
import { modelFor } from "./model.js";
import { RULES } from "./rules/index.js";
import type { Rule } from "./types.js";

/** Latest as_of among the rules' authorities (never earlier than the research date). */
export const LEGAL_AS_OF: string = RULES.flatMap((r) => r.meta.authorities.map((a) => a.as_of)).reduce((a, b) => (b > a ? b : a), "2026-11-01");

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
  const notes = rules.flatMap((r) => r.check(draft, context));
  return sortNotes(draft, notes);
}

/** The draft with its risk notes and the legal as-of date filled in. */
export function withRiskNotes(draft: Draft, context: RiskContext, options: RunOptions = {}): Draft {
  return { ...draft, riskNotes: runRules(draft, context, options), legalAsOf: LEGAL_AS_OF };
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
