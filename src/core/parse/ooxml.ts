// One streaming pass over an XML part of a Word file (word/document.xml,
// word/numbering.xml) with saxes, a well-formedness-checking SAX parser: time
// linear in the part, no entity expansion (a DTD is refused, so only the five
// predefined entities and character references exist), a bound on nesting
// depth, and every error located at the part's line and column.
import { createRequire } from "node:module";
import type { SaxesAttributeNS, SaxesParser, SaxesTagNS } from "saxes";
import { UserError } from "../errors.js";
import { firstInvalidUtf8, lineColAt } from "../text/utf8.js";

/** WordprocessingML's main namespace: w:p, w:t, w:numId ... */
export const W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

/** Deeper nesting than any Word or LibreOffice file has; a deeper one is built to exhaust something. */
export const MAX_XML_DEPTH = 256;
/** Text is fed to the parser in slices of this many characters. */
const CHUNK = 1 << 20;

export interface XmlElement {
  /** Namespace URI and local name. */
  uri: string;
  local: string;
  attr(uri: string, local: string): string | undefined;
}

export interface XmlHandlers {
  open(el: XmlElement, depth: number): void;
  close(el: XmlElement, depth: number): void;
  text(text: string): void;
}

let saxes: typeof import("saxes") | null = null;
function parserModule(): typeof import("saxes") {
  // Loaded on first use: only check and textconv of a DOCX read XML.
  return (saxes ??= createRequire(import.meta.url)("saxes") as typeof import("saxes"));
}

/** An error at a line and column of an XML part inside the file (a zip member has no path of its own to show). */
function located(file: string, part: string, line: number, col: number, message: string, hint: string, near?: string): UserError {
  return new UserError({ message: `${part}, line ${line}, column ${col}: ${message}${near ? ` near ${JSON.stringify(near)}` : ""}`, file, hint });
}

/** A few characters either side of an offset, to show where a problem is in a part that is often one long line. */
function excerpt(xml: string, offset: number): string {
  return xml.slice(Math.max(0, offset - 30), offset + 30);
}

const DAMAGED = "the file is damaged or was not written by a word processor; open and re-save it in Word or LibreOffice";

/**
 * Parses the part, calling the handlers in document order. Throws a UserError
 * naming the file, the part and the line and column of the first problem.
 */
export function readXmlPart(xml: string, file: string, part: string, handlers: XmlHandlers): void {
  const { SaxesParser } = parserModule();
  // Word files bind their prefixes; a file that does not is read as if w: were bound to WordprocessingML.
  const parser: SaxesParser<{ xmlns: true; position: true }> = new SaxesParser({ xmlns: true, position: true, resolvePrefix: (p: string) => (p === "w" ? W : undefined) });
  const stack: XmlElement[] = [];
  const fail = (message: string, hint = DAMAGED): never => {
    throw located(file, part, parser.line, parser.column + 1, message, hint, excerpt(xml, parser.position));
  };
  parser.on("error", (err: Error) => {
    // saxes prefixes its message with line:col; the location is given separately.
    fail(`not well-formed XML: ${err.message.replace(/^\d+:\d+: /, "").replace(/\.$/, "")}`);
  });
  parser.on("doctype", () => fail("declares a DTD, which a Word file never has (its entities are not expanded)", "re-save the file in Word or LibreOffice"));
  parser.on("opentag", (tag: SaxesTagNS) => {
    if (stack.length >= MAX_XML_DEPTH) fail(`nests elements deeper than ${MAX_XML_DEPTH} levels`, "a Word file never nests this deep; re-save it in Word or LibreOffice");
    const attrs = tag.attributes as Record<string, SaxesAttributeNS>;
    const el: XmlElement = {
      uri: tag.uri,
      local: tag.local,
      attr: (uri, local) => {
        for (const a of Object.values(attrs)) if (a.local === local && a.uri === uri) return a.value;
        return undefined;
      },
    };
    stack.push(el);
    handlers.open(el, stack.length);
  });
  parser.on("closetag", () => {
    const el = stack.pop();
    if (el) handlers.close(el, stack.length + 1);
  });
  parser.on("text", (t: string) => handlers.text(t));
  parser.on("cdata", (t: string) => handlers.text(t));
  let i = 0;
  while (i < xml.length) {
    let end = Math.min(xml.length, i + CHUNK);
    // Never split a surrogate pair between two writes.
    const last = xml.charCodeAt(end - 1);
    if (end < xml.length && last >= 0xd800 && last <= 0xdbff) end++;
    parser.write(xml.slice(i, end));
    i = end;
  }
  parser.close();
}

/** The text of a part's bytes; bytes that are not UTF-8 are refused (no U+FFFD in a reading of a law). */
export function decodePart(bytes: Uint8Array, file: string, part: string): string {
  const bad = firstInvalidUtf8(bytes);
  if (bad !== -1) {
    const at = lineColAt(bytes, bad);
    throw located(file, part, at.line, at.col, "not UTF-8 text", DAMAGED);
  }
  return new TextDecoder().decode(bytes);
}
