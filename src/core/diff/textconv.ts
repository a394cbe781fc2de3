// Normalized text of a DOCX: the paragraphs of word/document.xml, one per
// line, as accepted (inserted text kept, deleted text dropped); with
// `comments`, also each Word comment under its paragraph and the risk memo.
import { docxLines } from "../parse/docx.js";

export function docxText(file: string, opts: { comments?: boolean } = {}): string {
  const lines = docxLines(file, opts.comments ? { comments: true, memo: true } : {});
  return lines.length ? `${lines.join("\n")}\n` : "";
}
