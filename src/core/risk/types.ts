// The shape of a risk rule: a meta block (what it catches, why, with
// authorities cited by id, and how to fix it) plus one check.
import type { Draft, RiskNote, Severity } from "../draft.js";
import type { RiskContext } from "./context.js";

export interface RuleMeta {
  /** Slug id, equal to the rule's file name and its docs page (docs/rules/<id>.md). */
  id: string;
  /** The severity the rule usually gives; context can raise or lower it per note. */
  severity: Severity;
  title: string;
  /** One or two sentences: what it catches and why. */
  description: string;
  /** Ids of the authorities it rests on (legal/authorities.yaml, or a state's laws in legal/jurisdictions.yaml). */
  authorities: readonly string[];
  /** How to fix what it catches. */
  fix: string;
}

export interface Rule {
  meta: RuleMeta;
  check(draft: Draft, context: RiskContext): RiskNote[];
}
