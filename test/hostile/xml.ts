// A strict little XML well-formedness check for the parts of a DOCX, so tests
// can tell that Word will open a file without shipping an XML parser.
import { unzipSync } from "fflate";

const NAME = /^[A-Za-z_][\w.-]*(:[A-Za-z_][\w.-]*)?$/;
// XML 1.0 forbids most C0 controls, U+FFFE/U+FFFF and lone surrogates.
// eslint-disable-next-line no-control-regex
const BAD_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const TAG = /<([^\s/>]+)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(\/?)>/y;
const ENTITY = /&(?:lt|gt|amp|quot|apos|#\d+|#x[0-9A-Fa-f]+);/y;

export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  /** Text directly inside the element, entities decoded. */
  text: string;
}

function decode(raw: string, where: string): string {
  let out = "";
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i]!;
    if (c !== "&") {
      out += c;
      continue;
    }
    ENTITY.lastIndex = i;
    const m = ENTITY.exec(raw);
    if (!m) throw new Error(`${where}: bare "&" at ${JSON.stringify(raw.slice(i, i + 20))}`);
    const e = m[0].slice(1, -1);
    const ch = e[0] === "#" ? String.fromCodePoint(e[1] === "x" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)) : ({ lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" } as Record<string, string>)[e]!;
    if (BAD_CHAR.test(ch)) throw new Error(`${where}: character reference to a character XML forbids: ${m[0]}`);
    out += ch;
    i += m[0].length - 1;
  }
  return out;
}

/** Parses a document; throws an Error naming what is not well-formed. Returns every element in document order. */
export function parseXml(xml: string, part = "xml"): XmlElement[] {
  if (BAD_CHAR.test(xml)) {
    const i = xml.search(BAD_CHAR);
    throw new Error(`${part}: character XML forbids (U+${xml.charCodeAt(i).toString(16).padStart(4, "0")}) at offset ${i}`);
  }
  const elements: XmlElement[] = [];
  const stack: XmlElement[] = [];
  let roots = 0;
  let i = 0;
  const text = (raw: string): void => {
    if (raw.includes("]]>")) throw new Error(`${part}: "]]>" in text`);
    const decoded = decode(raw, part);
    if (stack.length === 0) {
      if (decoded.trim() !== "") throw new Error(`${part}: text outside the root element: ${JSON.stringify(decoded.slice(0, 40))}`);
      return;
    }
    stack[stack.length - 1]!.text += decoded;
  };
  while (i < xml.length) {
    const lt = xml.indexOf("<", i);
    if (lt === -1) {
      text(xml.slice(i));
      break;
    }
    text(xml.slice(i, lt));
    if (xml.startsWith("<?", lt)) {
      const end = xml.indexOf("?>", lt);
      if (end === -1) throw new Error(`${part}: unclosed processing instruction`);
      i = end + 2;
    } else if (xml.startsWith("<!--", lt)) {
      const end = xml.indexOf("-->", lt);
      if (end === -1) throw new Error(`${part}: unclosed comment`);
      i = end + 3;
    } else if (xml.startsWith("<![CDATA[", lt)) {
      const end = xml.indexOf("]]>", lt);
      if (end === -1 || stack.length === 0) throw new Error(`${part}: bad CDATA section`);
      stack[stack.length - 1]!.text += xml.slice(lt + 9, end);
      i = end + 3;
    } else if (xml.startsWith("</", lt)) {
      const end = xml.indexOf(">", lt);
      const name = xml.slice(lt + 2, end).trim();
      const open = stack.pop();
      if (!open || open.name !== name) throw new Error(`${part}: </${name}> closes ${open ? `<${open.name}>` : "nothing"}`);
      i = end + 1;
    } else {
      TAG.lastIndex = lt;
      const m = TAG.exec(xml);
      if (!m) throw new Error(`${part}: malformed tag at ${JSON.stringify(xml.slice(lt, lt + 60))}`);
      const name = m[1]!;
      if (!NAME.test(name)) throw new Error(`${part}: bad element name ${name}`);
      const attrs: Record<string, string> = Object.create(null) as Record<string, string>;
      for (const a of m[2]!.matchAll(/([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
        if (!NAME.test(a[1]!)) throw new Error(`${part}: bad attribute name ${a[1]}`);
        if (a[1]! in attrs) throw new Error(`${part}: attribute ${a[1]} twice on <${name}>`);
        attrs[a[1]!] = decode(a[2] ?? a[3] ?? "", part);
      }
      if (stack.length === 0) {
        roots++;
        if (roots > 1) throw new Error(`${part}: more than one root element`);
      }
      const el: XmlElement = { name, attrs, text: "" };
      elements.push(el);
      if (!m[3]) stack.push(el);
      i = lt + m[0].length;
    }
  }
  if (stack.length) throw new Error(`${part}: <${stack[stack.length - 1]!.name}> is never closed`);
  if (roots !== 1) throw new Error(`${part}: no root element`);
  return elements;
}

/** Every XML part of a DOCX, parsed; throws on the first one that is not well-formed. */
export function docxParts(bytes: Uint8Array): Map<string, XmlElement[]> {
  const files = unzipSync(bytes);
  const out = new Map<string, XmlElement[]>();
  const dec = new TextDecoder("utf-8", { fatal: true });
  for (const [name, data] of Object.entries(files)) {
    if (!/\.(xml|rels)$/.test(name)) continue;
    out.set(name, parseXml(dec.decode(data), name));
  }
  return out;
}

/** The text of word/document.xml, one string per paragraph (w:t runs joined). */
export function docxParagraphs(parts: Map<string, XmlElement[]>): string[] {
  const doc = parts.get("word/document.xml");
  if (!doc) throw new Error("no word/document.xml");
  const paras: string[] = [];
  let cur: string | null = null;
  for (const el of doc) {
    if (el.name === "w:p") {
      if (cur !== null) paras.push(cur);
      cur = "";
    } else if (el.name === "w:t" && cur !== null) cur += el.text;
  }
  if (cur !== null) paras.push(cur);
  return paras;
}
