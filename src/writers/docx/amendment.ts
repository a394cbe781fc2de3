// The code sections of an amending ordinance in Word: the amendatory
// instruction, then the code text indented, with additions underlined and
// deletions struck through as ordinary run formatting (w:u, w:strike), the
// legislative convention, not tracked changes. Subsection labels are text,
// so a label that changes can be marked like any other words.
import { AlignmentType, CommentRangeEnd, CommentRangeStart, CommentReference, Paragraph as P, Tab, TextRun, UnderlineType, type ParagraphChild } from "docx";
import type { RiskNote } from "../../core/draft.js";
import type { Amendment, CodeChange, MarkedRun } from "../../core/amend/model.js";
import { labelParagraphs, tidyRuns } from "../amendment.js";
import { xmlSafe } from "./xml-safe.js";

const FONT = "Times New Roman";
const INDENT = 720;

/** Adds a risk note as a comment and gives its id (the writer's comment book). */
export type AddComment = (note: RiskNote) => number;

function run(r: MarkedRun, extra: { bold?: boolean } = {}): TextRun {
  return new TextRun({
    text: xmlSafe(r.text),
    font: FONT,
    ...extra,
    ...(r.mark === "ins" ? { underline: { type: UnderlineType.SINGLE } } : {}),
    ...(r.mark === "del" ? { strike: true } : {}),
  });
}

function runs(rs: MarkedRun[], extra: { bold?: boolean } = {}): TextRun[] {
  return tidyRuns(rs).map((r) => run(r, extra));
}

/** The runs wrapped in one comment per note (notes about a whole provision). */
function commented(children: ParagraphChild[], notes: RiskNote[], add: AddComment): ParagraphChild[] {
  if (!notes.length) return children;
  const ids = notes.map(add);
  return [...ids.map((id) => new CommentRangeStart(id)), ...children, ...ids.flatMap((id) => [new CommentRangeEnd(id), new TextRun({ children: [new CommentReference(id)] })])];
}

export function legendParagraph(a: Amendment): P {
  return new P({ alignment: AlignmentType.JUSTIFIED, spacing: { before: 120, after: 240 }, children: [new TextRun({ text: xmlSafe(a.legend), font: FONT, italics: true })] });
}

export function changeParagraphs(c: CodeChange, notes: Map<string, RiskNote[]>, add: AddComment): P[] {
  const out: P[] = [
    new P({ alignment: AlignmentType.JUSTIFIED, spacing: { after: 160 }, keepNext: true, children: [new TextRun({ text: xmlSafe(c.instruction), font: FONT })] }),
    new P({
      indent: { left: INDENT },
      spacing: { before: 60, after: 120 },
      keepNext: true,
      children: [
        new TextRun({ text: xmlSafe(c.caption), font: FONT, bold: true }),
        ...(c.heading.some((r) => r.text.trim()) ? [new TextRun({ text: " ", font: FONT, bold: true }), ...runs([...c.heading, { text: ".", mark: c.action === "repeal" ? "del" : null }], { bold: true })] : []),
      ],
    }),
  ];
  for (const { para, label } of labelParagraphs(c.paragraphs)) {
    const left = INDENT * (para.depth + 1) + (label.length ? INDENT / 2 : 0);
    const children: ParagraphChild[] = [...runs(label), ...(label.length ? [new TextRun({ children: [new Tab()], font: FONT })] : []), ...runs(para.runs)];
    out.push(
      new P({
        alignment: AlignmentType.JUSTIFIED,
        spacing: { after: 120 },
        indent: label.length ? { left, hanging: INDENT / 2 } : { left },
        children: commented(children, notes.get(para.id) ?? [], add),
      }),
    );
  }
  return out;
}
