// Text of a DOCX draft, one paragraph per line, with the numbers Word would
// show ("Section 3.", "(b)") rebuilt from word/numbering.xml, so drafts
// written by ordkit, Word or LibreOffice can be checked and compared as text.
import { readInputBytes } from "../io/read-input.js";
import { unzipSync } from "fflate";
import { UserError } from "../errors.js";
import { displayPath } from "../paths.js";
import { ListCounter, readNumbering, type Numbering } from "./docx-numbering.js";
import { W, decodePart, readXmlPart } from "./ooxml.js";

/** Refuse archives that would inflate past this (zip bombs). */
const MAX_PART_BYTES = 64 * 1024 * 1024;
const MAX_FILE_BYTES = 32 * 1024 * 1024;
/** As for a Markdown or text draft: more text than this is not a draft (and a few KB of zip can hold it). */
const MAX_TEXT_CHARS = 8 * 1024 * 1024;
/** Namespaces of docProps/custom.xml: the properties, and their typed values. */
const CUSTOM = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties";
const VT = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes";
/** ordkit's own risk memo annex is not part of the instrument. */
const MEMO_HEADING = "DRAFTER'S RISK MEMO";

export interface LinesOptions {
  /** Comment id -> text (word/comments.xml): each is printed under the paragraph it is attached to. */
  comments?: ReadonlyMap<string, string>;
  /** Keep ordkit's risk memo annex and the tables (memo rows, signature grids), a row per line. */
  memo?: boolean;
}

/**
 * The paragraphs of a document.xml as text lines, numbered as Word numbers
 * them. Tables (ordkit's memo, signature grids) are not provisions and are left
 * out unless the memo is asked for (then a row per line, cells joined by " | ");
 * paragraphs inside other paragraphs (text boxes) are left out.
 */
export function documentXmlLines(xml: string, numbering?: Numbering | string, file = "document", opts: LinesOptions = {}): string[] {
  const counter = new ListCounter(typeof numbering === "object" ? numbering : readNumbering(numbering, file));
  const lines: string[] = [];
  let tables = 0;
  /** The open table rows and cells (memo only): each cell's paragraph texts. */
  const rows: string[][][] = [];
  /** Depth of the open w:p being read (0: none); nested paragraphs are skipped. */
  let pDepth = 0;
  let nested = 0;
  let text = "";
  let inText = false;
  let inProps = 0;
  let inPropsChange = 0;
  let numId: string | undefined;
  let ilvl = 0;
  let refs: string[] = [];
  let done = false;
  let total = 0;
  readXmlPart(xml, file, "word/document.xml", {
    open(el, depth) {
      if (done || el.uri !== W) return;
      if (el.local === "tbl") tables++;
      if (tables > 0 && !opts.memo) return;
      if (el.local === "tr") rows.push([]);
      else if (el.local === "tc") rows[rows.length - 1]?.push([]);
      if (el.local === "p") {
        if (pDepth) nested++;
        else {
          pDepth = depth;
          text = "";
          numId = undefined;
          ilvl = 0;
          refs = [];
        }
        return;
      }
      if (!pDepth || nested) return;
      switch (el.local) {
        case "pPr":
          if (depth === pDepth + 1) inProps = depth;
          return;
        case "pPrChange":
          // The paragraph's properties before a tracked change: not what the reader sees.
          if (inProps && !inPropsChange) inPropsChange = depth;
          return;
        case "numId":
          if (inProps && !inPropsChange) numId = el.attr(W, "val");
          return;
        case "ilvl":
          if (inProps && !inPropsChange) ilvl = Number(el.attr(W, "val") ?? 0) || 0;
          return;
        case "commentReference": {
          const id = el.attr(W, "id");
          if (id !== undefined) refs.push(id);
          return;
        }
        // Deleted text (w:delText) and field codes (w:instrText) are left out: the text reads as if changes were accepted.
        case "t":
          inText = true;
          return;
        case "tab":
        case "br":
        case "cr":
          if (!inProps) text += " ";
          return;
      }
    },
    close(el, depth) {
      if (done || el.uri !== W) return;
      if (el.local === "tbl") {
        tables = Math.max(0, tables - 1);
        return;
      }
      if (tables > 0 && !opts.memo) return;
      if (el.local === "tr") {
        const cells = (rows.pop() ?? []).map((c) => c.filter(Boolean).join(" "));
        if (cells.some(Boolean)) lines.push(cells.join(" | "));
        return;
      }
      if (!pDepth) return;
      if (el.local === "p") {
        if (nested) {
          nested--;
          return;
        }
        pDepth = 0;
        const line = text.replace(/\s+/g, " ").trim();
        if (tables > 0) {
          // A paragraph in a table cell (memo only): part of its row's line.
          const row = rows[rows.length - 1];
          row?.[row.length - 1]?.push(line);
          return;
        }
        if (line === MEMO_HEADING && !opts.memo) {
          done = true;
          return;
        }
        const label = numId && numId !== "0" && line ? counter.label(numId, ilvl) : "";
        const shown = label ? `${label} ${line}` : line;
        if (shown) lines.push(shown);
        for (const id of refs) {
          const note = opts.comments?.get(id);
          if (note) lines.push(`    [comment: ${note}]`);
        }
        return;
      }
      if (nested) return;
      if (el.local === "t") inText = false;
      else if (el.local === "pPr" && depth === inProps) inProps = 0;
      else if (el.local === "pPrChange" && depth === inPropsChange) inPropsChange = 0;
    },
    text(t) {
      if (!inText || !pDepth || nested || done || (tables > 0 && !opts.memo)) return;
      total += t.length;
      if (total > MAX_TEXT_CHARS) throw new UserError({ message: `the document holds more than ${MAX_TEXT_CHARS / 1024 / 1024} MB of text; that is not a draft`, file, hint: "check a draft of ordinary length (a Markdown or text draft has the same limit)" });
      text += t;
    },
  });
  return lines;
}

/** word/comments.xml as comment id -> its text (its paragraphs joined by spaces). */
export function commentsXmlTexts(xml: string, file: string): Map<string, string> {
  const out = new Map<string, string>();
  let id: string | null = null;
  let paras: string[] = [];
  let para: string | null = null;
  let inText = false;
  readXmlPart(xml, file, "word/comments.xml", {
    open(el) {
      if (el.uri !== W) return;
      if (el.local === "comment") {
        id = el.attr(W, "id") ?? null;
        paras = [];
      } else if (el.local === "p" && id !== null) para = "";
      else if (el.local === "t") inText = true;
      else if ((el.local === "tab" || el.local === "br") && para !== null) para += " ";
    },
    close(el) {
      if (el.uri !== W) return;
      if (el.local === "t") inText = false;
      else if (el.local === "p" && para !== null) {
        const t = para.replace(/\s+/g, " ").trim();
        if (t) paras.push(t);
        para = null;
      } else if (el.local === "comment") {
        if (id !== null && /^\d+$/.test(id)) out.set(id, paras.join(" "));
        id = null;
      }
    },
    text(t) {
      if (inText && para !== null) para += t;
    },
  });
  return out;
}

/** Reads a DOCX and returns its paragraphs as text, one per line. */
export function docxLines(file: string, opts: { comments?: boolean; memo?: boolean } = {}): string[] {
  return readDocx(file, opts).lines;
}

/**
 * The paragraphs of a DOCX, and the custom document properties ordkit wrote
 * into it (ordkit_state, ordkit_instrument, ordkit_library, ...), so that
 * `ordkit check` judges a draft ordkit wrote as its memo did. With comments,
 * each Word comment follows its paragraph (and memo keeps the risk memo).
 */
export function readDocx(file: string, opts: { comments?: boolean; memo?: boolean } = {}): { lines: string[]; properties: Record<string, string> } {
  const shown = displayPath(file);
  const bytes: Uint8Array = readInputBytes(file, shown, MAX_FILE_BYTES);
  const notDocx = new UserError({ message: "not a DOCX file (no word/document.xml in a zip archive)", file: shown, hint: "pass a .docx written by Word, LibreOffice or ordkit; it may be truncated or damaged" });
  let parts: Record<string, Uint8Array>;
  try {
    parts = unzipSync(bytes, {
      filter: (f) => {
        if (f.name !== "word/document.xml" && f.name !== "word/numbering.xml" && f.name !== "docProps/custom.xml" && !(opts.comments && f.name === "word/comments.xml")) return false;
        if (f.originalSize > MAX_PART_BYTES) throw new UserError({ message: `${f.name} would inflate to ${f.originalSize} bytes; refusing (a zip bomb?)`, file: shown });
        return true;
      },
    });
  } catch (err) {
    if (err instanceof UserError) throw err;
    throw notDocx;
  }
  const doc = parts["word/document.xml"];
  if (!doc) throw notDocx;
  if (doc.length > MAX_PART_BYTES) throw new UserError({ message: "word/document.xml is too large; refusing (a zip bomb?)", file: shown });
  const numberingPart = parts["word/numbering.xml"];
  const numbering = readNumbering(numberingPart ? decodePart(numberingPart, shown, "word/numbering.xml") : undefined, shown);
  const commentsPart = opts.comments ? parts["word/comments.xml"] : undefined;
  const comments = commentsPart ? commentsXmlTexts(decodePart(commentsPart, shown, "word/comments.xml"), shown) : undefined;
  const lines = documentXmlLines(decodePart(doc, shown, "word/document.xml"), numbering, shown, { ...(comments ? { comments } : {}), ...(opts.memo ? { memo: true } : {}) });
  const custom = parts["docProps/custom.xml"];
  return { lines, properties: custom ? customProperties(decodePart(custom, shown, "docProps/custom.xml"), shown) : {} };
}

/** Custom document properties: name -> the text of its value (<property name="..."><vt:lpwstr>text</vt:lpwstr></property>). */
export function customProperties(xml: string, file: string): Record<string, string> {
  const out: Record<string, string> = {};
  let name: string | null = null;
  let valueDepth = 0;
  let value = "";
  readXmlPart(xml, file, "docProps/custom.xml", {
    open(el, depth) {
      if (el.local === "property" && el.uri === CUSTOM) {
        name = el.attr("", "name") ?? null;
        value = "";
      } else if (name !== null && el.uri === VT && valueDepth === 0) valueDepth = depth;
    },
    close(el, depth) {
      if (el.local === "property" && el.uri === CUSTOM) {
        // defineProperty: a property named "__proto__" stays a name.
        if (name !== null && !Object.hasOwn(out, name)) Object.defineProperty(out, name, { value, enumerable: true, writable: true, configurable: true });
        name = null;
      } else if (depth === valueDepth) valueDepth = 0;
    },
    text(t) {
      if (name !== null && valueDepth > 0) value += t;
    },
  });
  return out;
}
