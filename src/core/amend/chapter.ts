// The current text of the chapter an ordinance amends, read from the file the
// answers name (Markdown, plain text, DOCX; PDF and HTML read beforehand by
// readPublished) into sections of the same Paragraph structure `check` uses.
//
// Section headings are found by their numbers in the code's own style
// ("2.72.030 Definitions.", "Sec. 2-72. Definitions.", "§ 72.03 DEFINITIONS"),
// rewritten as "Section 2.72.030." lines and handed to the text parser, so
// subsection labels nest exactly as they do for `check`. A table of contents
// ("Sections:" followed by the section list) and history notes
// ("(Ord. 2019-12 § 2, 2019)") are left out.
import { existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { UserError, type Problem } from "../errors.js";
import type { Paragraph } from "../draft.js";
import { parseTextDocument } from "../parse/text.js";
import { docxLines } from "../parse/docx.js";
import { textFileIssue } from "../text/utf8.js";
import { ANY_SECTION_NUMBER, sectionExample, sectionPart } from "./numbering.js";
import type { CodeSpec } from "./spec.js";

export interface ExistingSection {
  number: string;
  /** The section part as a number (30 for 2.72.030). */
  value: number;
  heading: string;
  /** Ids "code-<number>#p1", children "code-<number>#p1.1". */
  paragraphs: Paragraph[];
  /** 1-based line of its heading in a Markdown or text file; null for DOCX, PDF and HTML. */
  line: number | null;
}

export interface ExistingChapter {
  /** The chapter's heading as the file gives it ("Chapter 2.72 SANCTUARY AND PUBLIC TRUST"), or "". */
  title: string;
  sections: ExistingSection[];
}

/** Paragraphs of a PDF or HTML file read beforehand (readPublished is asynchronous). */
export interface PublishedLines {
  kind: "pdf" | "html";
  lines: string[];
}

const MAX_TEXT_BYTES = 8 * 1024 * 1024;
const HEAD_RE = /^(#{1,6}\s+)?(?:\*\*)?(?:(?:Section|SECTION|Sec\.|SEC\.|Sec|SEC)\s+|§{1,2}\s*)?(\d+[A-Z]?(?:[.-]\d+[A-Z]?)+)(?=[\s.:\-–—*]|$)\.?\s*[:\-–—]?\s*(.*)$/;
const HISTORY_RE = /^\(\s*(?:Ords?\.|Ordinance|Res\.|Prior\s+code|Code\s+\d{4}|Added|Amended|Formerly)[^)]*\)\.?$/i;
const DIVISION_MD_RE = /^#{1,6}\s+((?:ARTICLE|Article|CHAPTER|Chapter|PART|Part|DIVISION|Division)\s+\S.*)$/;

/** The file's format: the readers are chosen by extension. */
export function codeFileKind(file: string): "md" | "txt" | "docx" | "pdf" | "html" | null {
  const f = file.toLowerCase();
  if (f.endsWith(".md") || f.endsWith(".markdown")) return "md";
  if (f.endsWith(".txt") || f.endsWith(".text")) return "txt";
  if (f.endsWith(".docx")) return "docx";
  if (f.endsWith(".pdf")) return "pdf";
  if (f.endsWith(".html") || f.endsWith(".htm") || f.endsWith(".xhtml")) return "html";
  return null;
}

/** A problem located at existing.code.file in the answers. */
function fileProblem(spec: CodeSpec, message: string, hint: string): Problem {
  return spec.source.problem([...spec.at, "file"], message, hint);
}

/** Reads and parses the chapter. Throws a UserError located in the answers when the file cannot be used. */
export function readChapter(spec: CodeSpec, published?: PublishedLines): ExistingChapter {
  const kind = codeFileKind(spec.file);
  if (!kind) throw new UserError(fileProblem(spec, `cannot tell what kind of file "${path.basename(spec.file)}" is`, "the code text can be Markdown (.md), plain text (.txt), Word (.docx), PDF (.pdf) or HTML (.html)"), "usage");
  if (!existsSync(spec.file)) throw new UserError(fileProblem(spec, `the code text file ${spec.shownFile} does not exist`, "the path is relative to the answers file"), "io");
  let text: string;
  let format: "md" | "txt" = "txt";
  if (kind === "pdf" || kind === "html") {
    if (!published) throw new UserError(fileProblem(spec, `a ${kind.toUpperCase()} code text is read only by ordkit draft and ordkit check`, "save the chapter as Markdown, text or DOCX for this command"), "usage");
    text = published.lines.join("\n\n");
  } else if (kind === "docx") {
    text = docxLines(spec.file).join("\n\n");
  } else {
    text = readText(spec);
    format = kind;
  }
  return parseChapter(text, format, spec, kind === "md" || kind === "txt");
}

function readText(spec: CodeSpec): string {
  try {
    if (statSync(spec.file).size > MAX_TEXT_BYTES) throw new UserError(fileProblem(spec, `${spec.shownFile} is too large to be a code chapter (over 8 MB)`, "give the file of the one chapter amended"));
    const bytes = readFileSync(spec.file);
    if (bytes.includes(0)) throw new UserError(fileProblem(spec, `${spec.shownFile} is binary, not text`, "give a Markdown, text, DOCX, PDF or HTML file"));
    // The chapter's text goes into the law: bytes that are not UTF-8 or control characters are refused, never replaced.
    const issue = textFileIssue(bytes);
    if (issue) throw new UserError(fileProblem(spec, `${spec.shownFile}, line ${issue.line}, column ${issue.col}: ${issue.message}`, issue.hint));
    return bytes.toString("utf8");
  } catch (err) {
    if (err instanceof UserError) throw err;
    throw new UserError(fileProblem(spec, `cannot read ${spec.shownFile}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`, "check the path and its permissions"), "io");
  }
}

/** Parses the chapter text; exported for tests. */
export function parseChapter(text: string, format: "md" | "txt", spec: CodeSpec, hasLines: boolean): ExistingChapter {
  const lines = text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n").split("\n");
  let title = "";
  const foreign: Array<{ number: string; line: number }> = [];
  let found = 0;
  const chapterRe = new RegExp(`^(?:#{1,6}\\s+)?(?:\\*\\*)?(?:CHAPTER|Chapter)\\s+${spec.chapter.replace(/[.\\-]/g, "\\$&")}(?![\\d.-]\\d)`);
  const out = lines.map((raw, i) => {
    const l = raw.trim();
    if (!title && chapterRe.test(l)) {
      title = l.replace(/^#{1,6}\s+/, "").replace(/\*\*/g, "").replace(/\s+/g, " ").trim();
      return "";
    }
    if (HISTORY_RE.test(l)) return "";
    const m = HEAD_RE.exec(l);
    if (m && ANY_SECTION_NUMBER.test(m[2]!)) {
      const num = m[2]!;
      if (sectionPart(spec.numbering, spec.chapter, num) === null) {
        foreign.push({ number: num, line: i + 1 });
        return raw;
      }
      found++;
      const rest = m[3]!.replace(/\*\*/g, "").trim();
      return `${m[1] ?? ""}Section ${num}. ${rest}`;
    }
    if (format === "md") {
      const d = DIVISION_MD_RE.exec(l);
      if (d) return d[1]!;
    }
    return raw;
  });
  if (!found) {
    const shown = foreign.slice(0, 3).map((f) => (hasLines ? `${f.number} (line ${f.line})` : f.number));
    throw new UserError(
      foreign.length
        ? spec.source.problem([...spec.at, "numbering"], `the numbering style ${spec.numbering} does not fit ${spec.shownFile}: its sections are numbered ${shown.join(", ")}, not like ${sectionExample(spec.numbering)} in Chapter ${spec.chapter}`, "set numbering and chapter to the style the file uses (title.chapter.section: 2.72.030; chapter.section: 72.03; chapter-section: 2-72)")
        : fileProblem(spec, `${spec.shownFile} has no section of Chapter ${spec.chapter}`, `sections are found by their numbers at the start of a line, e.g. "${sectionExample(spec.numbering)} Heading."`),
    );
  }
  const parsed = parseTextDocument(out.join("\n"), { file: spec.shownFile, format, instrument: "ordinance", state: "", date: "" });
  const byNumber = new Map<string, ExistingSection>();
  for (const s of parsed.draft.sections) {
    // The parser suffixes a repeated number with -2, -3 ("section-2.72.010-2").
    const whole = s.id.replace(/^section-/, "");
    const number = sectionPart(spec.numbering, spec.chapter, whole) !== null ? whole : whole.replace(/-\d+$/, "");
    if (sectionPart(spec.numbering, spec.chapter, number) === null) continue;
    const prev = byNumber.get(number);
    // A table of contents lists each section first with no text: the later entry with text wins.
    if (prev && prev.paragraphs.length && !s.paragraphs.length) continue;
    const range = parsed.lines.get(s.id);
    byNumber.set(number, {
      number,
      value: Number(sectionPart(spec.numbering, spec.chapter, number)),
      heading: s.heading,
      paragraphs: reId(s.paragraphs, `code-${number}#p`),
      line: hasLines && range ? range.line : null,
    });
  }
  const sections = [...byNumber.values()].sort((a, b) => a.value - b.value);
  return { title, sections };
}

function reId(ps: Paragraph[], prefix: string): Paragraph[] {
  return ps.map((p, i) => {
    const id = `${prefix}${i + 1}`;
    return { id, text: p.text, numbered: p.numbered, children: reId(p.children, `${id}.`) };
  });
}
