// Normalized text of a DOCX: the paragraphs of word/document.xml, one per
// line, as accepted (inserted text kept, deleted text dropped).
import { docxLines } from "../parse/docx.js";

export function docxText(file: string): string {
  const lines = docxLines(file);
  return lines.length ? `${lines.join("\n")}\n` : "";
}
