// The drafter's risk memo as plain data, shared by the DOCX and Markdown
// writers: notes ordered by severity, then by where they sit in the draft;
// each authority named once, numbered, with the as-of date in the header
// (a citation says its own date only when it differs).
import type { Authority, Draft, RiskNote } from "../core/draft.js";
import { SEVERITIES } from "../core/draft.js";
import { paragraphPath, sectionLabel } from "./labels.js";
import { codeWhere } from "./amendment.js";
import { memoStaleness } from "./notes.js";
import { longDate } from "../core/shared/handlebars.js";

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
  /** " Warning: ..." when the legal knowledge is much older than the draft, else "". */
  staleness: string;
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
      const key = a.id || a.cite;
      let n = index.get(key);
      if (n === undefined) {
        n = authorities.length + 1;
        index.set(key, n);
        authorities.push({ n, authority: a, ownDate: a.as_of !== draft.legalAsOf });
      }
      if (!refs.includes(n)) refs.push(n);
    }
    return { note, where: whereIn(draft, note), refs };
  });
  const counts = SEVERITIES.map((s) => `${draft.riskNotes.filter((n) => n.severity === s).length} ${s}`).join(", ");
  return { entries, authorities, counts, asOf: draft.legalAsOf, staleness: memoStaleness(draft) };
}

/** One authority of the list: its cite, its own as-of date when it differs, and why it binds or persuades where the draft will be adopted. */
export function authorityText(a: Memo["authorities"][number]): string {
  return `[${a.n}] ${a.authority.cite}${a.ownDate ? ` (as of ${a.authority.as_of})` : ""}${a.authority.reason ? `; ${a.authority.reason}` : ""}.`;
}

/** The authorities in two groups, "Binding" where the draft will be adopted and "Persuasive", each in citation order. */
export function authorityGroups(memo: Memo): Array<{ label: string; items: Memo["authorities"] }> {
  const binding = memo.authorities.filter((a) => a.authority.binding);
  const persuasive = memo.authorities.filter((a) => !a.authority.binding);
  return [
    ...(binding.length ? [{ label: "Binding: where the draft will be adopted", items: binding }] : []),
    ...(persuasive.length ? [{ label: "Persuasive: from another court, circuit or state", items: persuasive }] : []),
  ];
}

/** The memo's opening words. */
export function memoIntro(memo: Memo, instrument: string): string {
  return `This memo lists the legal risks ordkit found in this draft, the most serious first. It is not legal advice and is not part of the ${instrument.replace("-", " ")}. Legal knowledge as of ${longDate(memo.asOf)}; the law in this area changes month by month. Authorities are marked binding where the draft will be adopted or persuasive (from another court, circuit or state).${memo.staleness}`;
}

function whereIn(draft: Draft, n: RiskNote): string {
  if (n.section === "recitals") return "Recitals";
  const i = draft.sections.findIndex((s) => s.id === n.section);
  if (i < 0) return codeWhere(draft, n) ?? "Whole draft";
  // "Section 4 (Identification), subsection (b)": two notes on one section are told apart by the provision each concerns.
  const path = n.paragraph ? (paragraphPath(draft.sections[i]!.paragraphs, n.paragraph) ?? "") : "";
  return `${sectionLabel(i + 1).replace(/\.$/, "")} (${draft.sections[i]!.heading})${path ? `, subsection ${path}` : ""}`;
}

/** The "Safer" line: the clause-level suggestion, then (drafts made from answers) the answer to change. */
export function saferText(n: RiskNote): string {
  return n.change ? `${n.suggestion} In the answers: ${answerChange(n.change)}.` : n.suggestion;
}

export function answerChange(c: NonNullable<RiskNote["change"]>): string {
  return `${c.answer}: ${c.value}${c.why ? ` (${c.why})` : ""}`;
}
