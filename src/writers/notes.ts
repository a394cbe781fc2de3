// Risk notes by the anchor writers place them at: a paragraph or recital, else the section.
import type { Draft, RiskNote } from "../core/draft.js";
import { staleness } from "../core/legal/index.js";

export function notesByAnchor(notes: RiskNote[]): Map<string, RiskNote[]> {
  const m = new Map<string, RiskNote[]>();
  for (const n of notes) {
    const key = n.paragraph ?? n.section;
    m.set(key, [...(m.get(key) ?? []), n]);
  }
  return m;
}

/** The memo's warning when the legal knowledge is older than the draft by more than STALE_AFTER_DAYS ("" otherwise). */
export function memoStaleness(draft: Draft): string {
  const s = staleness(draft.legalAsOf, draft.date);
  return s ? ` Warning: ${s.message}` : "";
}
