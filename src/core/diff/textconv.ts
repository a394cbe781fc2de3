// Normalized text of a DOCX: the paragraphs of word/document.xml, one per
// line, as accepted (inserted text kept, deleted text dropped).
import { readFileSync } from "node:fs";
import { unzipSync } from "fflate";
import { UserError } from "../errors.js";
import { displayPath } from "../paths.js";

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

function unescapeXml(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, e: string) =>
    e[0] === "#" ? String.fromCodePoint(e[1] === "x" || e[1] === "X" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)) : ENTITIES[e.toLowerCase()]!,
  );
}

/** The text lines of a word/document.xml. */
export function documentXmlText(xml: string): string[] {
  const lines: string[] = [];
  for (const m of xml.matchAll(/<w:p[\s>][\s\S]*?<\/w:p>|<w:p\/>/g)) {
    let text = "";
    for (const t of m[0].matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:tab\/>|<w:br\/>/g)) text += t[1] !== undefined ? unescapeXml(t[1]) : " ";
    const line = text.replace(/\s+/g, " ").trim();
    if (line) lines.push(line);
  }
  return lines;
}

export function docxText(file: string): string {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch (err) {
    throw new UserError({ message: `cannot read file: ${(err as NodeJS.ErrnoException).code ?? String(err)}`, file: displayPath(file) }, "io");
  }
  let xml: Uint8Array | undefined;
  try {
    xml = unzipSync(bytes, { filter: (f) => f.name === "word/document.xml" })["word/document.xml"];
  } catch {
    xml = undefined;
  }
  if (!xml) throw new UserError({ message: "not a DOCX file (no word/document.xml)", file: displayPath(file), hint: "textconv reads .docx files written by ordkit or Word" });
  const lines = documentXmlText(new TextDecoder().decode(xml));
  return lines.length ? `${lines.join("\n")}\n` : "";
}
