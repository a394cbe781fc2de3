// `ordkit check --format json`: stable, documented in docs/check.md.
import type { CheckResult } from "../core/pipeline.js";
import { staleness } from "../core/legal/index.js";

/** explain: the provision frames the rules read (`check --explain`), one per paragraph and recital. */
export function checkJson(result: CheckResult, file: string, explain: Array<Record<string, unknown>> | null = null): string {
  const { draft } = result;
  const notes = draft.riskNotes.map((n) => ({
    rule: n.rule,
    severity: n.severity,
    section: n.section,
    section_number: sectionNumber(result, n.section),
    paragraph: n.paragraph,
    clause: n.clause,
    line: result.lines.get(n.paragraph ?? n.section)?.line ?? null,
    quote: n.quote,
    message: n.message,
    explanation: n.explanation,
    authorities: n.authorities.map((a) => ({ id: a.id, cite: a.cite, url: a.url, as_of: a.as_of, binding: a.binding, reason: a.reason })),
    suggestion: n.suggestion,
  }));
  return JSON.stringify({ format: "ordkit-check", format_version: 1, file, kind: result.kind, instrument: result.instrument, state: result.state, legal_as_of: draft.legalAsOf, legal_stale: staleness(draft.legalAsOf, draft.date), notes, ...(explain ? { frames: explain } : {}) }, null, 2) + "\n";
}

export function sectionNumber(result: CheckResult, section: string): number | null {
  const i = result.draft.sections.findIndex((s) => s.id === section);
  return i >= 0 ? i + 1 : null;
}
