// The annex after the instrument: drafter's notes and the risk memo, in a
// section of its own (a new page, its own page count), so the instrument's
// "Page X of Y" counts only the instrument.
import { AlignmentType, Footer, Paragraph as P, PageNumber, TextRun, type ISectionOptions } from "docx";
import type { Draft } from "../../core/draft.js";
import { longDate } from "../../core/assemble/handlebars.js";
import { authorityGroups, authorityText, buildMemo, memoIntro, saferText } from "../memo.js";
import { xmlSafe } from "./xml-safe.js";

interface Look {
  page: NonNullable<NonNullable<ISectionOptions["properties"]>["page"]>;
  font: string;
  indent: number;
}

export function memoSection(draft: Draft, look: Look): ISectionOptions {
  const run = (text: string, extra: Record<string, unknown> = {}): TextRun => new TextRun({ text: xmlSafe(text), font: look.font, ...extra });
  const para = (children: TextRun[], extra: Record<string, unknown> = {}): P => new P({ spacing: { after: 120 }, ...extra, children });
  const memo = buildMemo(draft);
  const out: P[] = [
    new P({ alignment: AlignmentType.CENTER, spacing: { after: 240 }, children: [run("DRAFTER'S RISK MEMO", { bold: true })] }),
    para(
      [
        run(memoIntro(memo, draft.instrument), { italics: true }),
      ],
      { spacing: { after: 200 } },
    ),
    para([run(`Summary: ${memo.counts}.`, { bold: true })], { spacing: { after: 200 } }),
  ];
  if (!memo.entries.length) out.push(para([run("No risk notes were raised for this draft.")]));
  memo.entries.forEach((e, i) => {
    const n = e.note;
    out.push(
      para([run(`${i + 1}. ${n.severity.toUpperCase()}: ${e.where}. `, { bold: true }), run(n.message, { bold: true }), run(` (${n.rule})`)], { keepNext: true, spacing: { before: 200, after: 80 } }),
    );
    const indented = (label: string, text: string): void => {
      if (text) out.push(para([run(`${label}: `, { italics: true }), run(text)], { indent: { left: look.indent / 2 } }));
    };
    indented("Why", n.explanation);
    if (n.libraryNote) indented("Clause note", n.libraryNote);
    indented("Safer", saferText(n));
    if (e.refs.length) indented("Authorities", e.refs.map((r) => `[${r}]`).join(", "));
  });
  if (memo.authorities.length) {
    out.push(new P({ spacing: { before: 360, after: 120 }, keepNext: true, children: [run(`Authorities (status as of ${longDate(memo.asOf)})`, { bold: true })] }));
    for (const g of authorityGroups(memo)) {
      out.push(para([run(g.label, { italics: true })], { keepNext: true }));
      for (const a of g.items) out.push(para([run(`${authorityText(a)} ${a.authority.url}`, { size: 20 })], { indent: { left: look.indent, hanging: look.indent / 2 } }));
    }
  }
  if (draft.notes.length) {
    out.push(new P({ spacing: { before: 360, after: 120 }, keepNext: true, children: [run("Drafter's notes", { bold: true })] }));
    for (const n of draft.notes) out.push(para([run(`• ${n}`)], { indent: { left: look.indent } }));
  }
  return {
    properties: { page: { ...look.page, pageNumbers: { start: 1 } } },
    footers: {
      default: new Footer({
        children: [new P({ alignment: AlignmentType.CENTER, children: [new TextRun({ font: look.font, size: 18, children: ["Risk memo (not part of the instrument), page ", PageNumber.CURRENT] })] })],
      }),
    },
    children: out,
  };
}
