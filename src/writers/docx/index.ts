// DOCX writer: legislative numbering, title block, DRAFT header, page X of Y,
// optional line numbers, provenance in document properties, risk notes as
// Word comments and a risk memo annex. Byte-identical for identical drafts.
import {
  AlignmentType,
  BookmarkEnd,
  BookmarkStart,
  CommentRangeEnd,
  CommentRangeStart,
  CommentReference,
  Document,
  Footer,
  Header,
  LevelFormat,
  LevelSuffix,
  LineNumberRestartFormat,
  PageNumber,
  PageReference,
  Paragraph as P,
  Table,
  TextRun,
  type ISectionOptions,
  type ParagraphChild,
} from "docx";
import type { Draft, Paragraph, RiskNote } from "../../core/draft.js";
import { longDate } from "../../core/assemble/helpers.js";
import { packDocx } from "./deterministic.js";
import { memoSection } from "./memo.js";
import { xmlSafe } from "./xml-safe.js";
import { notesByAnchor } from "../notes.js";
import { authorityLine } from "../../core/legal/index.js";
import type { DeletedPara, TrackedChanges } from "./tracked.js";
import { changeParagraphs, legendParagraph } from "./amendment.js";

export type Paper = "letter" | "legal" | "a4";
export const PAPERS: readonly Paper[] = ["letter", "legal", "a4"];

export interface DocxOptions {
  lineNumbers?: boolean;
  /** Write the draft with tracked changes against an older draft (draft --redline-against). */
  tracked?: TrackedChanges;
  /** Page size; US Letter unless the library or --paper says otherwise. */
  paper?: Paper;
  /** false: a clean copy for the council packet, with no comments, drafter's notes or risk memo. */
  notes?: boolean;
}

/** Page sizes in twips (1/1440 inch). */
const PAPER_SIZE: Record<Paper, { width: number; height: number }> = {
  letter: { width: 12240, height: 15840 },
  legal: { width: 12240, height: 20160 },
  a4: { width: 11906, height: 16838 },
};

const FONT = "Times New Roman";
const NUMBERING = "legislative";
const INDENT = 720; // twips per level (0.5 inch)
const INSTRUMENT_END = "ordkit_instrument_end";
const FOOTER_STYLE = "OrdkitFooter";


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
  const withNotes = options.notes !== false;
  const notes = withNotes ? notesByAnchor(draft.riskNotes) : new Map<string, RiskNote[]>();
  const body: Array<P | Table> = [];
  const plain = (text: string, extra: Partial<ConstructorParameters<typeof TextRun>[0] & object> = {}): TextRun =>
    new TextRun({ text: xmlSafe(text), font: FONT, ...extra });
  const tracked = options.tracked;
  // With tracked changes, a paragraph's runs come from the comparison (risk notes are in the memo).
  const text = (unit: string, path: string, value: string, anchor: string | null, bold = false): { runs: ParagraphChild[]; mark: object } => {
    const t = tracked?.runs(unit, path, bold);
    if (!t) return { runs: annotatedRuns(value, tracked || anchor === null ? [] : (notes.get(anchor) ?? []), book, bold), mark: {} };
    return { runs: t.runs, mark: t.inserted ? { run: { insertion: tracked!.revision() } } : {} };
  };
  const deleted = (list: DeletedPara[], numbered: boolean): void => {
    for (const d of list) {
      // Not numbered: the numbers of the remaining provisions stay those of the new draft.
      const rev = { run: { deletion: tracked!.revision() } };
      if (d.heading) body.push(new P({ keepNext: true, spacing: { before: 240, after: 120 }, ...rev, children: d.runs }));
      else body.push(new P({ alignment: AlignmentType.JUSTIFIED, spacing: { after: 120 }, indent: { left: INDENT * (d.depth + (numbered ? 1 : 0)) }, ...rev, children: d.runs }));
    }
  };
  let front = 0;

  for (const block of draft.layout) {
    switch (block.type) {
      case "heading": {
        const t = text("front", String(++front), block.text, null, true);
        body.push(new P({ alignment: AlignmentType.CENTER, spacing: { after: 120 }, ...t.mark, children: t.runs }));
        break;
      }
      case "title": {
        // Notes about the whole draft hang on its title.
        const t = text("front", String(++front), block.text, "document", true);
        body.push(new P({ alignment: AlignmentType.CENTER, spacing: { before: 120, after: 360 }, ...t.mark, children: t.runs }));
        break;
      }
      case "para": {
        const t = text("front", String(++front), block.text, null);
        body.push(new P({ alignment: AlignmentType.JUSTIFIED, spacing: { after: 200 }, ...t.mark, children: t.runs }));
        break;
      }
      case "formula": {
        // Notes about the recitals as a whole hang on the formula that closes them.
        const t = text("front", String(++front), block.text, "recitals", true);
        body.push(new P({ alignment: AlignmentType.JUSTIFIED, spacing: { before: 120, after: 240 }, keepNext: true, ...t.mark, children: t.runs }));
        break;
      }
      case "recitals":
        draft.recitals.forEach((r, i) => {
          const last = i === draft.recitals.length - 1;
          const path = String(i + 1);
          if (tracked) deleted(tracked.deleted("recitals", path), false);
          const t = tracked?.runs("recitals", path, false, "WHEREAS, ");
          const runs = t ? (t.stripped ? [plain("WHEREAS", { bold: true }), plain(", "), ...t.runs] : t.runs) : [plain("WHEREAS", { bold: true }), plain(", "), ...annotatedRuns(r.text, tracked ? [] : (notes.get(r.id) ?? []), book)];
          body.push(
            new P({
              alignment: AlignmentType.JUSTIFIED,
              spacing: { after: 200 },
              indent: { firstLine: INDENT },
              ...(t?.inserted ? { run: { insertion: tracked!.revision() } } : {}),
              children: [...runs, plain(last ? "." : "; and")],
            }),
          );
        });
        if (tracked) deleted(tracked.deleted("recitals", null), false);
        break;
      case "sections": {
        const changes = new Map(draft.amendment?.changes.map((c) => [c.id, c]));
        if (draft.amendment) body.push(legendParagraph(draft.amendment));
        for (const s of draft.sections) {
          if (tracked) for (const u of tracked.removedBefore(s.id)) deleted(tracked.removedParas(u), true);
          const t = text(s.id, "heading", s.heading, s.id, true);
          body.push(
            new P({
              numbering: { reference: NUMBERING, level: 0 },
              keepNext: true,
              spacing: { before: 240, after: 120 },
              ...t.mark,
              children: tracked ? [...t.runs, plain(".", { bold: true })] : annotatedRuns(`${s.heading}.`, notes.get(s.id) ?? [], book, true),
            }),
          );
          const change = changes.get(s.id);
          if (change) body.push(...changeParagraphs(change, notes, (n) => book.add(n)));
          else pushParagraphs(s.paragraphs, 0, "", body, { notes, book, tracked, unit: s.id, text, deleted });
          if (tracked) deleted(tracked.deleted(s.id, null), true);
        }
        if (tracked) for (const u of tracked.removedBefore(null)) deleted(tracked.removedParas(u), true);
        break;
      }
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
  // The instrument's last page: what its footers' "of Y" refers to. A fixed id (docx's Bookmark counts up per process) keeps the bytes the same.
  if (withNotes) body.push(new P({ spacing: { before: 0, after: 0 }, children: [new BookmarkStart(INSTRUMENT_END, 1), new BookmarkEnd(1)] as unknown as ParagraphChild[] }));
  const paper = PAPER_SIZE[options.paper ?? "letter"];
  const page = { size: paper, margin: { top: 1440, bottom: 1440, left: 1440, right: 1440 } };
  const clauses = draft.provenance.clauses.map((c) => `${c.id}@${c.version}#${c.hash}`).join(", ");
  const section: ISectionOptions = {
    properties: {
      page,
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
            // The style sizes the page reference's run too (it takes no run options of its own).
            style: FOOTER_STYLE,
            // "of Y" is the page of a bookmark at the instrument's end, so the memo annex after it is not counted
            // (Word and LibreOffice both show PAGEREF; LibreOffice leaves SECTIONPAGES blank).
            children: withNotes
              ? [new TextRun({ font: FONT, size: 18, children: ["Page ", PageNumber.CURRENT, " of "] }), new PageReference(INSTRUMENT_END)]
              : [new TextRun({ font: FONT, size: 18, children: ["Page ", PageNumber.CURRENT, " of ", PageNumber.TOTAL_PAGES] })],
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
      // What `ordkit check` reads back, so it judges the file as its memo did.
      { name: "ordkit_state", value: draft.jurisdiction.state || "unknown" },
      { name: "ordkit_instrument", value: draft.instrument },
      { name: "ordkit_notes", value: withNotes ? "included" : "left out" },
    ],
    styles: { default: { document: { run: { font: FONT, size: 24 } } }, paragraphStyles: [{ id: FOOTER_STYLE, name: "Footer text", run: { font: FONT, size: 18 } }] },
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
    ...(tracked ? { comments: { children: tracked.marks.comments }, features: { trackRevisions: true } } : withNotes ? { comments: { children: book.comments } } : {}),
    sections: withNotes ? [section, memoSection(draft, { page, font: FONT, indent: INDENT })] : [section],
  });
  return packDocx(doc, draft.date);
}

interface SectionContext {
  notes: Map<string, RiskNote[]>;
  book: CommentBook;
  tracked: TrackedChanges | undefined;
  unit: string;
  text: (unit: string, path: string, value: string, anchor: string | null) => { runs: ParagraphChild[]; mark: object };
  deleted: (list: DeletedPara[], numbered: boolean) => void;
}

function pushParagraphs(ps: Paragraph[], depth: number, prefix: string, out: Array<P | Table>, cx: SectionContext): void {
  ps.forEach((p, i) => {
    // The paragraph's path in the comparison (src/core/diff/units.ts): 1, 1.2, 1.2.3 ...
    const path = prefix ? `${prefix}.${i + 1}` : String(i + 1);
    if (cx.tracked) cx.deleted(cx.tracked.deleted(cx.unit, path), true);
    const level = Math.min(depth + 1, 4);
    const t = cx.text(cx.unit, path, p.text, p.id);
    out.push(
      new P({
        alignment: AlignmentType.JUSTIFIED,
        spacing: { after: 120 },
        ...(p.numbered ? { numbering: { reference: NUMBERING, level } } : { indent: { left: INDENT * depth, ...(depth === 0 ? { firstLine: 0 } : {}) } }),
        ...t.mark,
        children: t.runs,
      }),
    );
    pushParagraphs(p.children, depth + 1, path, out, cx);
  });
}
