// The redline DOCX of `ordkit diff --format docx`: the NEW text with real
// tracked changes (w:ins / w:del, author "ordkit") against OLD, moves as a
// deletion plus an insertion with comments naming where the text went and
// came from, and a first page summarizing the changes. Byte-identical for
// identical inputs (fixed dates, normalized zip).
import {
  AlignmentType,
  CommentRangeEnd,
  CommentRangeStart,
  CommentReference,
  DeletedTextRun,
  Document,
  InsertedTextRun,
  PageBreak,
  Paragraph as P,
  TextRun,
  type ParagraphChild,
} from "docx";
import type { DiffResult, ParaChange, UnitChange } from "../../core/diff/model.js";
import { headline, kindText, metaText, movedText, shownParas, sideText, summaryText, versionText } from "../../reporters/diff-common.js";
import { packDocx } from "./deterministic.js";
import { xmlSafe } from "./xml-safe.js";

const AUTHOR = "ordkit";
const FONT = "Times New Roman";
const INDENT = 720;


interface CommentEntry {
  id: number;
  author: string;
  initials: string;
  date: Date;
  children: P[];
}

/** One id counter for comments and revisions, as Word expects. */
export class Marks {
  private next = 0;
  readonly comments: CommentEntry[] = [];
  constructor(readonly date: string) {}
  id(): number {
    return this.next++;
  }
  revision(): { id: number; author: string; date: string } {
    return { id: this.id(), author: AUTHOR, date: this.date };
  }
  ins(text: string, bold = false): ParagraphChild {
    return new InsertedTextRun({ ...this.revision(), text: xmlSafe(text), font: FONT, bold });
  }
  del(text: string, bold = false): ParagraphChild {
    return new DeletedTextRun({ ...this.revision(), text: xmlSafe(text), font: FONT, bold });
  }
  /** Wraps runs in a comment range with the given lines. */
  comment(runs: ParagraphChild[], lines: string[]): ParagraphChild[] {
    if (!lines.length) return runs;
    const id = this.id();
    this.comments.push({
      id,
      author: AUTHOR,
      initials: "OK",
      date: new Date(this.date),
      children: lines.map((l) => new P({ children: [new TextRun(xmlSafe(l))] })),
    });
    return [new CommentRangeStart(id), ...runs, new CommentRangeEnd(id), new TextRun({ children: [new CommentReference(id)] })];
  }
}

export function plain(text: string, extra: { bold?: boolean; italics?: boolean; size?: number } = {}): TextRun {
  return new TextRun({ text: xmlSafe(text), font: FONT, ...extra });
}

function where(u: UnitChange, path: string): string {
  return path === "heading" ? `the heading of ${u.id}` : `¶${path} of ${u.id}`;
}

export function paraRuns(u: UnitChange, c: ParaChange, m: Marks): { runs: ParagraphChild[]; mark: "ins" | "del" | null } {
  const bold = (c.new ?? c.old)!.role === "heading";
  switch (c.op) {
    case "equal":
      return { runs: [plain(c.new!.text, { bold })], mark: null };
    case "insert":
      return { runs: [m.ins(c.new!.text, bold)], mark: "ins" };
    case "delete":
      return { runs: [m.del(c.old!.text, bold)], mark: "del" };
    case "moveFrom":
      return { runs: m.comment([m.del(c.old!.text, bold)], [`Moved to ${where(u, c.new!.path)}.`]), mark: "del" };
    case "moveTo":
      return { runs: m.comment([m.ins(c.new!.text, bold)], [`Moved from ${where(u, c.old!.path)} (deleted there).`]), mark: "ins" };
    case "change": {
      const runs = c.words!.map((w) => (w.op === "equal" ? plain(w.text, { bold }) : w.op === "insert" ? m.ins(w.text, bold) : m.del(w.text, bold)));
      return { runs: c.fallback ? m.comment(runs, ["Replaced whole: the texts were too different or too long to compare word by word."]) : runs, mark: null };
    }
  }
}

function paragraph(runs: ParagraphChild[], depth: number, mark: "ins" | "del" | null, m: Marks, heading: boolean): P {
  const rev = mark ? m.revision() : null;
  return new P({
    alignment: heading ? AlignmentType.LEFT : AlignmentType.JUSTIFIED,
    spacing: heading ? { before: 240, after: 120 } : { after: 120 },
    ...(depth > 0 ? { indent: { left: INDENT * depth } } : {}),
    ...(heading ? { keepNext: true } : {}),
    ...(rev ? { run: mark === "ins" ? { insertion: rev } : { deletion: rev } } : {}),
    children: runs,
  });
}

function unitNotes(u: UnitChange): string[] {
  const notes: string[] = [];
  if (u.type === "renamed") notes.push(`Renamed: was ${u.oldId}.`);
  const moved = movedText(u);
  if (moved) notes.push(`This ${u.kind === "section" || u.kind === "operative" ? "section" : "part"} ${moved}.`);
  for (const meta of u.meta) notes.push(`Metadata ${metaText(meta)}`);
  if (u.version) notes.push(versionText(u.version));
  return notes;
}

function unitBody(u: UnitChange, m: Marks): P[] {
  const out: P[] = [];
  let notes = unitNotes(u);
  if (u.label) {
    const label = u.type === "added" ? m.ins(u.label, true) : u.type === "removed" ? m.del(u.label, true) : plain(u.label, { bold: true });
    const mark = u.type === "added" ? "ins" : u.type === "removed" ? "del" : null;
    out.push(paragraph(m.comment([label], notes), 0, mark, m, true));
    notes = [];
  }
  for (const c of u.paras) {
    const { runs, mark } = paraRuns(u, c, m);
    const ref = (c.new ?? c.old)!;
    out.push(paragraph(notes.length ? m.comment(runs, notes) : runs, ref.depth, mark, m, ref.role === "heading"));
    notes = [];
  }
  return out;
}

/** The changed clauses' template source, only the paragraphs that changed, after the rendered text. */
function sourceAppendix(r: DiffResult, m: Marks): P[] {
  const changed = r.units.filter((u) => u.type !== "unchanged");
  const out: P[] = [
    new P({ children: [new PageBreak()] }),
    new P({ alignment: AlignmentType.CENTER, spacing: { after: 240 }, children: [plain("APPENDIX: TEMPLATE SOURCE CHANGES", { bold: true })] }),
    new P({
      spacing: { after: 240 },
      children: [plain("The clauses' source as written in the library ({{...}} unexpanded), only the paragraphs that changed, with metadata and version checks as comments. `ordkit diff --source` shows every clause's source in full.", { italics: true, size: 20 })],
    }),
  ];
  if (!changed.length) out.push(new P({ children: [plain("No source changes.")] }));
  for (const u of changed) {
    const shown = u.type === "added" || u.type === "removed" ? u.paras : shownParas(u);
    out.push(...unitBody({ ...u, paras: shown }, m));
  }
  return out;
}

function summaryPage(r: DiffResult): P[] {
  const out: P[] = [
    new P({ alignment: AlignmentType.CENTER, spacing: { after: 240 }, children: [plain(`COMPARISON OF ${kindText(r).toUpperCase()}`, { bold: true })] }),
    new P({ spacing: { after: 120 }, children: [plain("Old: ", { bold: true }), plain(sideText(r, "old"))] }),
    new P({ spacing: { after: 120 }, children: [plain("New: ", { bold: true }), plain(sideText(r, "new"))] }),
    new P({ spacing: { after: 240 }, children: [plain("Summary: ", { bold: true }), plain(summaryText(r))] }),
  ];
  if (r.library) out.push(new P({ spacing: { after: 240 }, children: [plain("Library ", { bold: true }), plain(versionText(r.library))] }));
  const changed = r.units.filter((u) => u.type !== "unchanged");
  if (changed.length) {
    out.push(new P({ spacing: { before: 120, after: 120 }, children: [plain("Changes", { bold: true })] }));
    for (const u of changed) {
      const paras = shownParas(u);
      const bits = [headline(u)];
      const moved = movedText(u);
      if (moved) bits.push(moved);
      if (u.type !== "added" && u.type !== "removed" && paras.length) bits.push(`${paras.length} paragraph change${paras.length === 1 ? "" : "s"}`);
      if (u.meta.length) bits.push(`metadata: ${u.meta.map((x) => x.field).join(", ")}`);
      if (u.version && !u.version.ok) bits.push(versionText(u.version));
      out.push(new P({ indent: { left: INDENT, hanging: INDENT / 2 }, spacing: { after: 80 }, children: [plain(`• ${bits.join("; ")}`)] }));
    }
  }
  if (r.warnings.length) {
    out.push(new P({ spacing: { before: 240, after: 120 }, children: [plain("Warnings", { bold: true })] }));
    for (const w of r.warnings) out.push(new P({ indent: { left: INDENT, hanging: INDENT / 2 }, spacing: { after: 80 }, children: [plain(`• ${w}`)] }));
  }
  out.push(
    new P({
      spacing: { before: 360 },
      children: [
        plain(
          r.rendered
            ? "The pages that follow show each clause as a drafter reads it (rendered with its defaults for a sample City, once per instrument it serves), with tracked changes by ordkit against the old: accept or reject them in Word or LibreOffice. An appendix shows the changed paragraphs of the clauses' template source, with metadata changes and version checks as comments."
            : "The pages that follow show the new text with tracked changes by ordkit against the old: accept or reject them in Word or LibreOffice. A moved paragraph is a deletion and an insertion, each with a comment naming the other place. Metadata changes and version checks are comments on each clause.",
          { italics: true, size: 20 },
        ),
      ],
    }),
    new P({ children: [new PageBreak()] }),
  );
  return out;
}

export async function writeRedline(r: DiffResult): Promise<Uint8Array> {
  const marks = new Marks(`${r.date}T00:00:00Z`);
  const body: P[] = [...summaryPage(r)];
  if (r.rendered) {
    // Libraries: the text as drafters read it, then the template source changes in an appendix.
    const changed = r.rendered.units.filter((u) => u.type !== "unchanged");
    for (const u of changed) body.push(...unitBody(u, marks));
    const same = r.rendered.units.length - changed.length;
    if (same) body.push(new P({ spacing: { before: 240 }, children: [plain(`${same} clause text${same === 1 ? "" : "s"} (clause and instrument) read the same in both libraries and are not shown.`, { italics: true, size: 20 })] }));
    body.push(...sourceAppendix(r, marks));
  } else {
    for (const u of r.units) body.push(...unitBody(u, marks));
  }
  const doc = new Document({
    creator: AUTHOR,
    lastModifiedBy: AUTHOR,
    revision: 1,
    title: xmlSafe(`Comparison: ${r.old.label} → ${r.new.label}`), // labels are paths: any character but NUL
    description: `ordkit diff of ${kindText(r)}. Not legal advice.`,
    styles: { default: { document: { run: { font: FONT, size: 24 } } } },
    features: { trackRevisions: true },
    comments: { children: marks.comments },
    sections: [{ properties: { page: { margin: { top: 1440, bottom: 1440, left: 1440, right: 1440 } } }, children: body }],
  });
  return packDocx(doc, r.date);
}
