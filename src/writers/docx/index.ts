// DOCX writer: legislative numbering, title block, DRAFT header, page X of Y,
// optional line numbers, provenance in document properties, risk notes as
// Word comments and a risk memo annex. Byte-identical for identical drafts.
import {
  AlignmentType,
  BorderStyle,
  CommentRangeEnd,
  CommentRangeStart,
  CommentReference,
  Document,
  Footer,
  Header,
  LevelFormat,
  LevelSuffix,
  LineNumberRestartFormat,
  PageBreak,
  PageNumber,
  Paragraph as P,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type ISectionOptions,
  type ParagraphChild,
} from "docx";
import type { Draft, Paragraph, RiskNote } from "../../core/draft.js";
import { longDate } from "../../core/assemble/handlebars.js";
import { sectionLabel } from "../labels.js";
import { packDocx } from "./deterministic.js";
import { xmlSafe } from "./xml-safe.js";
import { memoStaleness, notesByAnchor } from "../notes.js";
import { authorityLine } from "../../core/legal/index.js";

export interface DocxOptions {
  lineNumbers?: boolean;
}

const FONT = "Times New Roman";
const NUMBERING = "legislative";
const INDENT = 720; // twips per level (0.5 inch)


class CommentBook {
  readonly comments: Array<{ id: number; author: string; initials: string; date: Date; children: P[] }> = [];
  constructor(private readonly date: Date) {}
  add(note: RiskNote): number {
    const id = this.comments.length;
    const lines = [
      `[${note.severity.toUpperCase()}] ${note.rule}: ${note.message}`,
      note.explanation,
      `Authority: ${authorityLine(note.authorities)}`,
      `Safer: ${note.suggestion}`,
    ];
    this.comments.push({
      id,
      author: "ordkit",
      initials: "OK",
      date: this.date,
      children: lines.filter(Boolean).map((l) => new P({ children: [new TextRun(xmlSafe(l))] })),
    });
    return id;
  }
}

/** Runs for a paragraph's text with each note's quote wrapped in a comment range. */
function annotatedRuns(text: string, notes: RiskNote[], book: CommentBook, bold = false): ParagraphChild[] {
  type Mark = { start: number; end: number; id: number };
  const marks: Mark[] = [];
  const trailing: number[] = [];
  for (const n of notes) {
    const id = book.add(n);
    const at = n.quote ? text.indexOf(n.quote) : -1;
    if (at >= 0) marks.push({ start: at, end: at + n.quote.length, id });
    else trailing.push(id);
  }
  // Cut the text at every boundary and open/close ranges there.
  const cuts = [...new Set([0, text.length, ...marks.flatMap((m) => [m.start, m.end])])].sort((a, b) => a - b);
  const out: ParagraphChild[] = [];
  for (let i = 0; i < cuts.length; i++) {
    const at = cuts[i]!;
    for (const m of marks.filter((x) => x.end === at)) {
      out.push(new CommentRangeEnd(m.id), new TextRun({ children: [new CommentReference(m.id)] }));
    }
    for (const m of marks.filter((x) => x.start === at)) out.push(new CommentRangeStart(m.id));
    const next = cuts[i + 1];
    if (next !== undefined && next > at) out.push(new TextRun({ text: xmlSafe(text.slice(at, next)), bold, font: FONT }));
  }
  // Notes about the whole provision: a comment on the full paragraph.
  if (trailing.length) {
    const whole: ParagraphChild[] = [];
    for (const id of trailing) whole.push(new CommentRangeStart(id));
    whole.push(...out);
    for (const id of trailing) whole.push(new CommentRangeEnd(id), new TextRun({ children: [new CommentReference(id)] }));
    return whole;
  }
  return out;
}


export async function writeDocx(draft: Draft, options: DocxOptions = {}): Promise<Uint8Array> {
  const date = new Date(`${draft.date}T00:00:00Z`);
  const book = new CommentBook(date);
  const notes = notesByAnchor(draft.riskNotes);
  const body: Array<P | Table> = [];
  const plain = (text: string, extra: Partial<ConstructorParameters<typeof TextRun>[0] & object> = {}): TextRun =>
    new TextRun({ text: xmlSafe(text), font: FONT, ...extra });

  for (const block of draft.layout) {
    switch (block.type) {
      case "heading":
        body.push(new P({ alignment: AlignmentType.CENTER, spacing: { after: 120 }, children: [plain(block.text, { bold: true })] }));
        break;
      case "title":
        // Notes about the whole draft hang on its title.
        body.push(new P({ alignment: AlignmentType.CENTER, spacing: { before: 120, after: 360 }, children: annotatedRuns(block.text, notes.get("document") ?? [], book, true) }));
        break;
      case "para":
        body.push(new P({ alignment: AlignmentType.JUSTIFIED, spacing: { after: 200 }, children: [plain(block.text)] }));
        break;
      case "formula":
        // Notes about the recitals as a whole hang on the formula that closes them.
        body.push(new P({ alignment: AlignmentType.JUSTIFIED, spacing: { before: 120, after: 240 }, keepNext: true, children: annotatedRuns(block.text, notes.get("recitals") ?? [], book, true) }));
        break;
      case "recitals":
        draft.recitals.forEach((r, i) => {
          const last = i === draft.recitals.length - 1;
          body.push(
            new P({
              alignment: AlignmentType.JUSTIFIED,
              spacing: { after: 200 },
              indent: { firstLine: INDENT },
              children: [plain("WHEREAS", { bold: true }), plain(", "), ...annotatedRuns(r.text, notes.get(r.id) ?? [], book), plain(last ? "." : "; and")],
            }),
          );
        });
        break;
      case "sections":
        for (const s of draft.sections) {
          body.push(
            new P({
              numbering: { reference: NUMBERING, level: 0 },
              keepNext: true,
              spacing: { before: 240, after: 120 },
              children: annotatedRuns(`${s.heading}.`, notes.get(s.id) ?? [], book, true),
            }),
          );
          pushParagraphs(s.paragraphs, 0, body, notes, book);
        }
        break;
      case "signature":
        body.push(
          new P({ spacing: { before: 480 }, keepNext: true, keepLines: true, children: [plain("_________________________________")] }),
          new P({ keepNext: true, children: [plain(block.name)] }),
          new P({ spacing: { after: 240 }, children: [plain(block.label)] }),
        );
        break;
      case "note":
        body.push(new P({ spacing: { before: 360 }, children: [plain(block.text, { italics: true, size: 18 })] }));
        break;
    }
  }
  if (draft.notes.length) {
    body.push(new P({ spacing: { before: 360, after: 120 }, children: [plain("Drafter's notes", { bold: true })] }));
    for (const n of draft.notes) body.push(new P({ indent: { left: INDENT }, spacing: { after: 120 }, children: [plain(`• ${n}`)] }));
  }
  body.push(...riskMemo(draft, plain));

  const clauses = draft.provenance.clauses.map((c) => `${c.id}@${c.version}#${c.hash}`).join(", ");
  const section: ISectionOptions = {
    properties: {
      page: { margin: { top: 1440, bottom: 1440, left: 1440, right: 1440 } },
      ...(options.lineNumbers ? { lineNumbers: { countBy: 1, restart: LineNumberRestartFormat.NEW_PAGE, distance: 360 } } : {}),
    },
    headers: {
      default: new Header({
        children: [new P({ alignment: AlignmentType.RIGHT, suppressLineNumbers: true, children: [plain(`DRAFT — ${longDate(draft.date)}`, { bold: true, size: 18 })] })],
      }),
    },
    footers: {
      default: new Footer({
        children: [
          new P({
            alignment: AlignmentType.CENTER,
            suppressLineNumbers: true,
            children: [new TextRun({ font: FONT, size: 18, children: ["Page ", PageNumber.CURRENT, " of ", PageNumber.TOTAL_PAGES] })],
          }),
        ],
      }),
    },
    children: body,
  };

  const doc = new Document({
    creator: "ordkit",
    lastModifiedBy: "ordkit",
    revision: 1,
    // Properties go into docProps/core.xml unfiltered: a control character there makes Word refuse the file.
    title: xmlSafe(draft.title),
    subject: xmlSafe(`${draft.instrument} draft for ${draft.jurisdiction.name}`),
    keywords: "ordkit draft",
    description: `Drafted with ordkit ${draft.provenance.ordkitVersion} from ${draft.provenance.library.name} ${draft.provenance.library.version}. Not legal advice.`,
    customProperties: [
      { name: "ordkit_version", value: draft.provenance.ordkitVersion },
      { name: "ordkit_library", value: `${draft.provenance.library.name}@${draft.provenance.library.version}` },
      ...(draft.provenance.layers ? [{ name: "ordkit_layers", value: draft.provenance.layers.map((l) => `${l.name}@${l.version}`).join(" < ") }] : []),
      { name: "ordkit_clauses", value: clauses },
      { name: "ordkit_answers_sha256", value: draft.provenance.answersHash ?? "none" },
      { name: "ordkit_template", value: draft.provenance.template },
      { name: "ordkit_legal_as_of", value: draft.legalAsOf },
    ],
    styles: { default: { document: { run: { font: FONT, size: 24 } } } },
    numbering: {
      config: [
        {
          reference: NUMBERING,
          levels: [
            { level: 0, format: LevelFormat.DECIMAL, text: "Section %1.", suffix: LevelSuffix.SPACE, alignment: AlignmentType.LEFT, style: { run: { bold: true }, paragraph: { indent: { left: 0, hanging: 0 } } } },
            { level: 1, format: LevelFormat.LOWER_LETTER, text: "(%2)", alignment: AlignmentType.LEFT, style: { paragraph: { indent: { left: INDENT, hanging: INDENT / 2 } } } },
            { level: 2, format: LevelFormat.DECIMAL, text: "(%3)", alignment: AlignmentType.LEFT, style: { paragraph: { indent: { left: INDENT * 2, hanging: INDENT / 2 } } } },
            { level: 3, format: LevelFormat.UPPER_LETTER, text: "(%4)", alignment: AlignmentType.LEFT, style: { paragraph: { indent: { left: INDENT * 3, hanging: INDENT / 2 } } } },
            { level: 4, format: LevelFormat.LOWER_ROMAN, text: "(%5)", alignment: AlignmentType.LEFT, style: { paragraph: { indent: { left: INDENT * 4, hanging: INDENT / 2 } } } },
          ],
        },
      ],
    },
    comments: { children: book.comments },
    sections: [section],
  });
  return packDocx(doc, draft.date);
}

function pushParagraphs(ps: Paragraph[], depth: number, out: Array<P | Table>, notes: Map<string, RiskNote[]>, book: CommentBook): void {
  for (const p of ps) {
    const level = Math.min(depth + 1, 4);
    out.push(
      new P({
        alignment: AlignmentType.JUSTIFIED,
        spacing: { after: 120 },
        ...(p.numbered ? { numbering: { reference: NUMBERING, level } } : { indent: { left: INDENT * depth, ...(depth === 0 ? { firstLine: 0 } : {}) } }),
        children: annotatedRuns(p.text, notes.get(p.id) ?? [], book),
      }),
    );
    pushParagraphs(p.children, depth + 1, out, notes, book);
  }
}

type Plain = (text: string, extra?: Record<string, unknown>) => TextRun;

function riskMemo(draft: Draft, plain: Plain): Array<P | Table> {
  const out: Array<P | Table> = [
    new P({ children: [new PageBreak()] }),
    new P({ alignment: AlignmentType.CENTER, spacing: { after: 240 }, children: [plain("DRAFTER'S RISK MEMO", { bold: true })] }),
    new P({
      spacing: { after: 200 },
      children: [
        plain(
          `This memo lists the legal risks ordkit found in this draft. It is not legal advice. Legal knowledge as of ${longDate(draft.legalAsOf)}; the law in this area changes month by month. Authorities are marked binding where the draft will be adopted or persuasive (from another court, circuit or state).${memoStaleness(draft)}`,
          { italics: true },
        ),
      ],
    }),
  ];
  const sev = ["high", "medium", "low", "info"] as const;
  out.push(new P({ spacing: { after: 200 }, children: [plain(`Summary: ${sev.map((s) => `${draft.riskNotes.filter((n) => n.severity === s).length} ${s}`).join(", ")}.`, { bold: true })] }));
  if (!draft.riskNotes.length) {
    out.push(new P({ children: [plain("No risk notes were raised for this draft.")] }));
    return out;
  }
  const cell = (text: string, bold = false): TableCell =>
    new TableCell({ children: [new P({ children: [plain(text, { bold, size: 18 })] })], margins: { top: 60, bottom: 60, left: 80, right: 80 } });
  const where = (n: RiskNote): string => {
    if (n.section === "recitals") return "Recitals";
    const i = draft.sections.findIndex((s) => s.id === n.section);
    return i >= 0 ? sectionLabel(i + 1) : "Whole draft";
  };
  const rows = [
    new TableRow({ tableHeader: true, children: ["Severity", "Rule", "Where", "Note and safer alternative", "Authorities"].map((h) => cell(h, true)) }),
    ...draft.riskNotes.map(
      (n) =>
        new TableRow({
          children: [
            cell(n.severity.toUpperCase(), true),
            cell(n.rule),
            cell(where(n)),
            cell(`${n.message} Safer: ${n.suggestion}`),
            cell(authorityLine(n.authorities)),
          ],
        }),
    ),
  ];
  const border = { style: BorderStyle.SINGLE, size: 4, color: "888888" };
  out.push(
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      columnWidths: [1000, 1500, 1000, 3700, 2160],
      borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
      rows,
    }),
  );
  return out;
}
