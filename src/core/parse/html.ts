// Reading a measure saved as HTML (a code publisher's page, a council's
// agenda item): the main text, one paragraph per block, with headings and
// subsection labels, and without navigation, scripts, forms or boilerplate.
// htmlparser2 reads the page in one streaming pass.
import { readInputBytes } from "../io/read-input.js";
import { UserError } from "../errors.js";
import { displayPath } from "../paths.js";

const MAX_FILE_BYTES = 16 * 1024 * 1024;
const MAX_DEPTH = 2000;

/** Elements whose content is never the measure's text. */
const SKIP = new Set(["script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form", "button", "select", "svg", "iframe", "object", "head", "menu", "dialog"]);
/** Class or id words that mark navigation and page furniture on code publishers' sites. */
const FURNITURE = /(?:^|[\s_-])(?:nav|navbar|navigation|menu|breadcrumbs?|toc|sidebar|toolbar|footer|header|banner|skip|share|social|search|print|cookie|modal|pager|pagination|related|ad|ads)(?:$|[\s_-])/i;
/** Elements that start and end a paragraph of text. */
const BLOCK = new Set(["p", "div", "section", "article", "main", "li", "ul", "ol", "dd", "dt", "dl", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "table", "tr", "td", "th", "tbody", "thead", "caption", "figure", "figcaption", "address", "center", "hr", "br"]);
/** Roles of the main content: when a page has one, only its text is read. */
const MAIN = /^(?:main|article)$/;
const MAIN_CLASS = /(?:^|[\s_-])(?:main|content|codecontent|code-content|chunk-content|mainContent|document|ordinance|section-content|field-items)(?:$|[\s_-])/i;

function decode(bytes: Buffer, shown: string): string {
  const head = bytes.subarray(0, 2048).toString("latin1");
  const declared = /<meta[^>]+charset\s*=\s*["']?([\w-]+)/i.exec(head)?.[1]?.toLowerCase();
  const label = declared && declared !== "utf-8" && declared !== "utf8" ? declared : "utf-8";
  try {
    return new TextDecoder(label, { fatal: true }).decode(bytes);
  } catch (err) {
    if (err instanceof RangeError) throw new UserError({ message: `the page declares charset "${declared}", which ordkit cannot decode`, file: shown, hint: "save the page again as UTF-8" });
    throw new UserError({ message: `the page is not valid ${label === "utf-8" ? "UTF-8" : label} text`, file: shown, hint: "save the page again as UTF-8 (or with its real charset declared in a <meta charset> tag)" });
  }
}

interface Frame {
  name: string;
  skip: boolean;
  main: boolean;
}

/** The paragraphs of an HTML page's main text. */
export async function htmlLines(file: string): Promise<string[]> {
  const shown = displayPath(file);
  const bytes = readInputBytes(file, shown, MAX_FILE_BYTES);
  if (bytes.includes(0)) throw new UserError({ message: "file is binary, not an HTML page", file: shown });
  return htmlParagraphs(decode(bytes, shown), shown);
}

/** Paragraphs of HTML source (exported for tests). */
export async function htmlParagraphs(html: string, shown = "page.html"): Promise<string[]> {
  const { Parser } = await import("htmlparser2");
  const stack: Frame[] = [];
  // Text outside and inside the main content, kept apart until the end decides which to use.
  const all: string[] = [];
  const main: string[] = [];
  let sawMain = false;
  let cur = "";
  let curMain = false;
  let skipping = 0;
  let inMain = 0;
  let tooDeep = false;
  const flush = (): void => {
    const t = cur.replace(/\s+/g, " ").trim();
    if (t) {
      all.push(t);
      if (curMain) main.push(t);
    }
    cur = "";
    curMain = inMain > 0;
  };
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (stack.length >= MAX_DEPTH) { tooDeep = true; parser.pause(); return; }
        const cls = `${attrs.class ?? ""} ${attrs.id ?? ""}`;
        const role = attrs.role ?? "";
        const skip = SKIP.has(name) || role === "navigation" || role === "banner" || role === "contentinfo" || attrs.hidden !== undefined || attrs["aria-hidden"] === "true" || (name !== "body" && FURNITURE.test(cls) && !MAIN_CLASS.test(cls));
        const isMain = MAIN.test(name) || role === "main" || MAIN_CLASS.test(cls);
        if (BLOCK.has(name) && skipping === 0) flush();
        stack.push({ name, skip, main: isMain });
        if (skip) skipping++;
        if (isMain && skipping === 0) { inMain++; sawMain = true; curMain = true; }
      },
      ontext(text) {
        if (skipping === 0) {
          if (cur === "") curMain = inMain > 0;
          cur += text;
        }
      },
      onclosetag(name) {
        // Close back to the matching element (htmlparser2 reports implied closes too).
        const frame = stack.pop();
        if (!frame) return;
        if (BLOCK.has(name) && skipping === 0) flush();
        if (frame.skip) skipping--;
        if (frame.main && skipping === 0 && inMain > 0) inMain--;
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true, recognizeSelfClosing: true },
  );
  parser.write(html);
  if (!tooDeep) parser.end();
  if (tooDeep) throw new UserError({ message: `the page nests elements more than ${MAX_DEPTH} deep; refusing`, file: shown, hint: "save the measure's text on its own (or as a PDF, DOCX or text file)" });
  flush();
  const out = sawMain && main.length > 0 ? main : all;
  if (out.length === 0) throw new UserError({ message: "the page has no text outside navigation and scripts", file: shown, hint: "save the page after it has loaded (File > Save As, complete page), or copy its text into a .txt file" });
  return out;
}
