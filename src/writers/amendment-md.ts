// Markdown of the code sections of an amending ordinance: additions in
// <ins>…</ins> and deletions in <del>…</del> (HTML that Markdown renderers
// show underlined and struck through), never ++ or ~~.
import type { RiskNote } from "../core/draft.js";
import type { Amendment, CodeChange, MarkedRun } from "../core/amend/model.js";
import { labelParagraphs, tidyRuns } from "./amendment.js";

type Escape = (s: string) => string;

export function runsMd(runs: MarkedRun[], escape: Escape): string {
  return tidyRuns(runs)
    .map((r) => (r.mark === "ins" ? `<ins>${escape(r.text)}</ins>` : r.mark === "del" ? `<del>${escape(r.text)}</del>` : escape(r.text)))
    .join("");
}

export function legendMd(a: Amendment, escape: Escape): string {
  return `*${escape(a.legend)} In this Markdown text, added text is marked* <ins>like this</ins> *and deleted text* <del>like this</del>*.*`;
}

/** The instruction, then the code section: its caption and heading, and its paragraphs with their labels. */
export function changeMd(c: CodeChange, escape: Escape, notesFor: Map<string, RiskNote[]>, noteLine: (n: RiskNote) => string): string[] {
  const out: string[] = [escape(c.instruction), ""];
  const heading = c.heading.some((r) => r.text.trim()) ? ` ${runsMd([...c.heading, { text: ".", mark: c.action === "repeal" ? "del" : null }], escape)}` : "";
  out.push(`**${escape(c.caption)}${heading}**`, "");
  for (const { para, label } of labelParagraphs(c.paragraphs)) {
    // Nested levels are told apart by their labels, as in the rest of the draft.
    const lab = label.length ? `${runsMd(label, escape)} ` : "";
    out.push(`${lab}${runsMd(para.runs, escape)}`, "");
    for (const n of notesFor.get(para.id) ?? []) out.push(noteLine(n), "");
  }
  return out;
}
