// Risk notes by the anchor writers place them at: a paragraph or recital, else the section.
import type { RiskNote } from "../core/draft.js";

export function notesByAnchor(notes: RiskNote[]): Map<string, RiskNote[]> {
  const m = new Map<string, RiskNote[]>();
  for (const n of notes) {
    const key = n.paragraph ?? n.section;
    m.set(key, [...(m.get(key) ?? []), n]);
  }
  return m;
}
