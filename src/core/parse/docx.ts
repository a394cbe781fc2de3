// Text of a DOCX draft, one paragraph per line, with the numbers Word would
// show ("Section 3.", "(b)") rebuilt from word/numbering.xml, so drafts
// written by ordkit, Word or LibreOffice can be checked and compared as text.
import { readFileSync, statSync } from "node:fs";
import { unzipSync } from "fflate";
import { UserError } from "../errors.js";
import { displayPath } from "../paths.js";

/** Refuse archives that would inflate past this (zip bombs). */
const MAX_PART_BYTES = 64 * 1024 * 1024;
const MAX_FILE_BYTES = 32 * 1024 * 1024;
/** ordkit's own risk memo annex is not part of the instrument. */
const MEMO_HEADING = "DRAFTER'S RISK MEMO";

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

export function unescapeXml(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, e: string) =>
    e[0] === "#" ? String.fromCodePoint(e[1] === "x" || e[1] === "X" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)) : ENTITIES[e.toLowerCase()]!,
  );
}

interface Level {
  fmt: string;
  text: string;
  start: number;
}

/** numId -> level index -> format, from word/numbering.xml. */
function readNumbering(xml: string | undefined): Map<string, Level[]> {
  const out = new Map<string, Level[]>();
  if (!xml) return out;
  const abstract = new Map<string, Level[]>();
  for (const a of xml.matchAll(/<w:abstractNum\b[^>]*w:abstractNumId="(\d+)"[^>]*>([\s\S]*?)<\/w:abstractNum>/g)) {
    const levels: Level[] = [];
    for (const l of a[2]!.matchAll(/<w:lvl\b[^>]*w:ilvl="(\d+)"[^>]*>([\s\S]*?)<\/w:lvl>/g)) {
      const body = l[2]!;
      levels[Number(l[1])] = {
        fmt: /<w:numFmt w:val="([^"]+)"/.exec(body)?.[1] ?? "decimal",
        text: unescapeXml(/<w:lvlText w:val="([^"]*)"/.exec(body)?.[1] ?? ""),
        start: Number(/<w:start w:val="(\d+)"/.exec(body)?.[1] ?? 1),
      };
    }
    abstract.set(a[1]!, levels);
  }
  for (const n of xml.matchAll(/<w:num\b[^>]*w:numId="(\d+)"[^>]*>([\s\S]*?)<\/w:num>/g)) {
    const absId = /<w:abstractNumId w:val="(\d+)"/.exec(n[2]!)?.[1];
    if (absId && abstract.has(absId)) out.set(n[1]!, abstract.get(absId)!);
  }
  return out;
}

function formatNumber(n: number, fmt: string): string {
  switch (fmt) {
    case "lowerLetter":
      return String.fromCharCode(97 + ((n - 1) % 26)).repeat(Math.floor((n - 1) / 26) + 1);
    case "upperLetter":
      return String.fromCharCode(65 + ((n - 1) % 26)).repeat(Math.floor((n - 1) / 26) + 1);
    case "lowerRoman":
      return roman(n).toLowerCase();
    case "upperRoman":
      return roman(n);
    case "bullet":
    case "none":
      return "";
    default:
      return String(n);
  }
}

function roman(n: number): string {
  const t: Array<[number, string]> = [[1000, "M"], [900, "CM"], [500, "D"], [400, "CD"], [100, "C"], [90, "XC"], [50, "L"], [40, "XL"], [10, "X"], [9, "IX"], [5, "V"], [4, "IV"], [1, "I"]];
  let s = "";
  for (const [v, r] of t) while (n >= v) { s += r; n -= v; }
  return s;
}

export interface LinesOptions {
  /** Comment id -> text (word/comments.xml): each is printed under the paragraph it is attached to. */
  comments?: ReadonlyMap<string, string>;
  /** Keep ordkit's risk memo annex and the tables (memo rows, signature grids), a row per line. */
  memo?: boolean;
}

/** A paragraph's text as accepted: deleted text (w:delText) is left out. */
function paragraphText(p: string): string {
  let text = "";
  for (const t of p.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:tab\/>|<w:br\/>/g)) text += t[1] !== undefined ? unescapeXml(t[1]) : " ";
  return text.replace(/\s+/g, " ").trim();
}

/** word/comments.xml as comment id -> its text. */
export function commentsXmlTexts(xml: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const c of xml.matchAll(/<w:comment\b[^>]*w:id="(\d+)"[^>]*>([\s\S]*?)<\/w:comment>/g)) {
    const paras = [...c[2]!.matchAll(/<w:p[\s>][\s\S]*?<\/w:p>/g)].map((p) => paragraphText(p[0])).filter(Boolean);
    out.set(c[1]!, paras.join(" "));
  }
  return out;
}

/** The paragraphs of a document.xml as text lines, numbered as Word numbers them. */
export function documentXmlLines(xml: string, numberingXml?: string, opts: LinesOptions = {}): string[] {
  const numbering = readNumbering(numberingXml);
  const counters = new Map<string, number[]>();
  const lines: string[] = [];
  // Tables (ordkit's memo, signature grids) are not provisions: left out unless the memo is asked for.
  const body = opts.memo ? xml : xml.replace(/<w:tbl>[\s\S]*?<\/w:tbl>/g, "");
  for (const m of body.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>|<w:p[\s>][\s\S]*?<\/w:p>|<w:p\/>/g)) {
    const p = m[0];
    if (p.startsWith("<w:tbl>")) {
      for (const row of p.matchAll(/<w:tr[\s>][\s\S]*?<\/w:tr>/g)) {
        const cells = [...row[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((c) => [...c[0].matchAll(/<w:p[\s>][\s\S]*?<\/w:p>/g)].map((x) => paragraphText(x[0])).filter(Boolean).join(" "));
        if (cells.some(Boolean)) lines.push(cells.join(" | "));
      }
      continue;
    }
    const text = paragraphText(p);
    if (text === MEMO_HEADING && !opts.memo) break;
    const numId = /<w:numId w:val="(\d+)"/.exec(p)?.[1];
    const ilvl = Number(/<w:ilvl w:val="(\d+)"/.exec(p)?.[1] ?? 0);
    let label = "";
    if (numId && numId !== "0" && numbering.has(numId) && text) {
      const levels = numbering.get(numId)!;
      const c = counters.get(numId) ?? [];
      c[ilvl] = (c[ilvl] ?? (levels[ilvl]?.start ?? 1) - 1) + 1;
      for (let k = ilvl + 1; k < c.length; k++) c[k] = undefined as unknown as number; // lower levels restart
      counters.set(numId, c);
      const lvl = levels[ilvl];
      if (lvl) label = lvl.text.replace(/%(\d)/g, (_, d: string) => formatNumber(c[Number(d) - 1] ?? levels[Number(d) - 1]?.start ?? 1, levels[Number(d) - 1]?.fmt ?? "decimal"));
    }
    const line = label ? `${label} ${text}` : text;
    if (line) lines.push(line);
    if (opts.comments) {
      for (const ref of p.matchAll(/<w:commentReference w:id="(\d+)"/g)) {
        const note = opts.comments.get(ref[1]!);
        if (note) lines.push(`    [comment: ${note}]`);
      }
    }
  }
  return lines;
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
  let bytes: Uint8Array;
  try {
    if (statSync(file).size > MAX_FILE_BYTES) throw new UserError({ message: `file is too large to be a draft (over ${MAX_FILE_BYTES / 1024 / 1024} MB)`, file: shown });
    bytes = readFileSync(file);
  } catch (err) {
    if (err instanceof UserError) throw err;
    throw new UserError({ message: `cannot read file: ${(err as NodeJS.ErrnoException).code ?? String(err)}`, file: shown, hint: "check the path" }, "io");
  }
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
  const dec = new TextDecoder();
  const comments = opts.comments && parts["word/comments.xml"] ? commentsXmlTexts(dec.decode(parts["word/comments.xml"])) : undefined;
  const lines = documentXmlLines(dec.decode(doc), parts["word/numbering.xml"] ? dec.decode(parts["word/numbering.xml"]) : undefined, { ...(comments ? { comments } : {}), ...(opts.memo ? { memo: true } : {}) });
  return { lines, properties: customProperties(parts["docProps/custom.xml"] ? dec.decode(parts["docProps/custom.xml"]) : "") };
}

/** name -> text value of docProps/custom.xml's properties. */
export function customProperties(xml: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of xml.matchAll(/<property\b[^>]*\bname="([^"]*)"[^>]*>\s*<vt:\w+>([^<]*)<\/vt:\w+>\s*<\/property>/g)) out[unescapeXml(m[1]!)] = unescapeXml(m[2]!);
  return out;
}
