// The drafter's risk memo as plain data, shared by the DOCX and Markdown
// writers: notes ordered by severity, then by where they sit in the draft;
// each authority named once, numbered, with the as-of date in the header
// (a citation says its own date only when it differs).
import type { Authority, Draft, RiskNote } from "../core/draft.js";
import { SEVERITIES } from "../core/draft.js";
import { sectionLabel } from "./labels.js";

export interface MemoEntry {
  note: RiskNote;
  /** "Section 4 (Facial Coverings)", "Recitals", "Whole draft". */
  where: string;
  /** 1-based numbers into Memo.authorities. */
  refs: number[];
}

export interface Memo {
  entries: MemoEntry[];
  authorities: Array<{ n: number; authority: Authority; ownDate: boolean }>;
  counts: string;
  asOf: string;
}

/** Notes by severity (high first); within one severity, in the order the draft reads (the engine's order). */
export function memoOrder(notes: readonly RiskNote[]): RiskNote[] {
  return notes
    .map((n, i) => ({ n, i }))
    .sort((a, b) => SEVERITIES.indexOf(a.n.severity) - SEVERITIES.indexOf(b.n.severity) || a.i - b.i)
    .map((x) => x.n);
}

export function buildMemo(draft: Draft): Memo {
  const index = new Map<string, number>();
  const authorities: Memo["authorities"] = [];
  const entries = memoOrder(draft.riskNotes).map((note) => {
    const refs: number[] = [];
    for (const a of note.authorities) {
      let n = index.get(a.cite);
      if (n === undefined) {
        n = authorities.length + 1;
        index.set(a.cite, n);
        authorities.push({ n, authority: a, ownDate: a.as_of !== draft.legalAsOf });
      }
      if (!refs.includes(n)) refs.push(n);
    }
    return { note, where: whereIn(draft, note), refs };
  });
  const counts = SEVERITIES.map((s) => `${draft.riskNotes.filter((n) => n.severity === s).length} ${s}`).join(", ");
  return { entries, authorities, counts, asOf: draft.legalAsOf };
}

function whereIn(draft: Draft, n: RiskNote): string {
  if (n.section === "recitals") return "Recitals";
  const i = draft.sections.findIndex((s) => s.id === n.section);
  return i >= 0 ? `${sectionLabel(i + 1).replace(/\.$/, "")} (${draft.sections[i]!.heading})` : "Whole draft";
}

/** The "Safer" line: the clause-level suggestion, then (drafts made from answers) the answer to change. */
export function saferText(n: RiskNote): string {
  return n.change ? `${n.suggestion} In the answers: ${answerChange(n.change)}.` : n.suggestion;
}

export function answerChange(c: NonNullable<RiskNote["change"]>): string {
  return `${c.answer}: ${c.value}${c.why ? ` (${c.why})` : ""}`;
}
