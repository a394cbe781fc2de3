// From positioned text runs (what a PDF's text layer holds) to the paragraphs
// a reader sees: lines rebuilt from positions, running headers and footers,
// page numbers and line numbers dropped, hyphenated line breaks joined, and
// paragraphs told apart by spacing, indentation and section labels. Pure and
// linear in the number of runs (sorting aside); pdf.ts feeds it.

/** One run of text as the PDF places it (PDF units, y grows upwards). */
export interface TextRun {
  str: string;
  x: number;
  y: number;
  width: number;
  /** Font size (the text matrix's vertical scale). */
  size: number;
}

export interface PdfPage {
  width: number;
  height: number;
  runs: TextRun[];
}

interface Line {
  text: string;
  x: number;
  right: number;
  y: number;
  size: number;
  page: number;
  /** A short integer run that opens the line (a line number, perhaps), and where the text after it starts. */
  lead?: { n: number; right: number; restX: number; rest: string };
}

/** Section and subsection labels that open a paragraph whatever the spacing. */
// "§ 3." opens a section; "§ 552," continuing "5 U.S.C." on a new line is a citation.
const LABEL = /^(?:(?:SECTION|Section|SEC\.|Sec\.)\s+[\dIVXLC]|§{1,2}\s*\d[\d.A-Za-z-]*(?<!\.)(?:\.\s|\.$|\s+[A-Z“"(])|\(\s*[a-zA-Z0-9ivx]{1,5}\s*\)\s|\d+(?:\.\d+)+\s|[A-Z]\.\s|WHEREAS\b|NOW,? THEREFORE\b|BE IT\b|“[^”]{1,80}”\s+means\b|"[^"]{1,80}"\s+means\b)/;
const PAGE_NUMBER = /^(?:page\s+)?[-–—]?\s*\d{1,4}\s*[-–—]?(?:\s*(?:of|\/)\s*\d{1,4})?$/i;
/** A line's last word joined to the next line's first across a hyphen. */
const HYPHEN_END = /([A-Za-z]+)[-\u00AD]$/;

/** Groups the runs of one page into lines, top to bottom, left to right. */
function pageLines(page: PdfPage, pageIndex: number): Line[] {
  const runs = page.runs.filter((r) => r.str.length > 0).sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: Line[] = [];
  let cur: TextRun[] = [];
  const flush = (): void => {
    if (cur.length === 0) return;
    cur.sort((a, b) => a.x - b.x);
    let text = "";
    let end = -Infinity;
    for (const r of cur) {
      // A visible gap between runs is a space unless one side already has one.
      if (text && r.x - end > r.size * 0.15 && !/\s$/.test(text) && !/^\s/.test(r.str)) text += " ";
      text += r.str;
      end = Math.max(end, r.x + r.width);
    }
    const first = cur.find((r) => r.str.trim() !== "") ?? cur[0]!;
    const size = Math.max(...cur.map((r) => r.size));
    const t = text.replace(/\s+/g, " ").trim();
    const visible = cur.filter((r) => r.str.trim() !== "");
    const num = visible[0];
    let lead: Line["lead"];
    if (num && /^\s*\d{1,4}\s*$/.test(num.str)) {
      const next = visible[1];
      const rest = next ? t.slice(t.indexOf(num.str.trim()) + num.str.trim().length).trim() : "";
      if (!next || next.x - (num.x + num.width) > num.size * 0.5) lead = { n: parseInt(num.str, 10), right: num.x + num.width, restX: next ? next.x : num.x, rest };
    }
    if (t) lines.push({ text: t, x: first.x, right: end, y: cur[0]!.y, size, page: pageIndex, ...(lead ? { lead } : {}) });
    cur = [];
  };
  for (const r of runs) {
    if (cur.length > 0 && Math.abs(cur[0]!.y - r.y) > Math.max(1, Math.min(cur[0]!.size, r.size) * 0.4)) flush();
    cur.push(r);
  }
  flush();
  return lines;
}

/**
 * Line numbers: short integers that open many lines, aligned on their right
 * edge in one column across the document, counting up down each page.
 */
function dropLineNumbers(pages: Line[][]): Line[][] {
  const leads = pages.flat().filter((l) => l.lead !== undefined);
  if (leads.length < 5) return pages;
  const rights = leads.map((l) => l.lead!.right).sort((a, b) => a - b);
  const column = rights[Math.floor(rights.length / 2)]!;
  const inColumn = (l: Line): boolean => l.lead !== undefined && Math.abs(l.lead.right - column) < 2;
  const aligned = leads.filter(inColumn);
  if (aligned.length < 5 || aligned.length < leads.length * 0.8) return pages;
  let pairs = 0;
  let rising = 0;
  for (const lines of pages) {
    const ns = lines.filter(inColumn).map((l) => l.lead!.n);
    for (let i = 1; i < ns.length; i++, pairs++) if (ns[i]! > ns[i - 1]!) rising++;
  }
  if (rising < pairs * 0.8) return pages;
  return pages.map((lines) => {
    const out: Line[] = [];
    for (const l of lines) {
      if (!inColumn(l)) out.push(l);
      else if (l.lead!.rest) out.push({ ...l, text: l.lead!.rest, x: l.lead!.restX });
    }
    return out;
  });
}

/** Header and footer lines: repeated at the top or bottom of pages, or page numbers there. */
function dropRunningHeads(pages: Line[][], heights: number[]): Line[][] {
  const band = (l: Line): "top" | "bottom" | null => {
    const h = heights[l.page]!;
    if (l.y > h * 0.92) return "top";
    if (l.y < h * 0.08) return "bottom";
    return null;
  };
  const key = (l: Line): string => l.text.replace(/\d+/g, "#").toLowerCase();
  const seen = new Map<string, number>();
  for (const lines of pages) {
    const keys = new Set(lines.filter((l) => band(l) !== null).map(key));
    for (const k of keys) seen.set(k, (seen.get(k) ?? 0) + 1);
  }
  const repeated = (l: Line): boolean => pages.length >= 2 && (seen.get(key(l)) ?? 0) >= Math.max(2, Math.ceil(pages.length / 2));
  return pages.map((lines) => lines.filter((l) => band(l) === null || !(repeated(l) || PAGE_NUMBER.test(l.text))));
}

/** The median gap between consecutive lines of a page (the body's line spacing). */
function lineSpacing(lines: Line[]): number {
  const gaps: number[] = [];
  for (let i = 1; i < lines.length; i++) {
    const g = lines[i - 1]!.y - lines[i]!.y;
    if (g > 0) gaps.push(g);
  }
  if (gaps.length === 0) return 14;
  gaps.sort((a, b) => a - b);
  return gaps[Math.floor(gaps.length / 2)]!;
}

function isCentered(l: Line, left: number, right: number): boolean {
  return l.x > left + 6 && Math.abs(l.x - left - (right - l.right)) < Math.max(6, l.size * 0.6);
}

function endsEarly(prev: Line, next: Line, right: number): boolean {
  const word = /^\S+/.exec(next.text)?.[0] ?? "";
  const charWidth = (next.right - next.x) / Math.max(1, next.text.length);
  return right - prev.right > (word.length + 1) * charWidth + prev.size * 0.3;
}

/**
 * Words of the document, to decide whether a line-end hyphen is part of the
 * word. The pieces of a word broken at a line's end are not counted as words.
 */
function vocabulary(lines: Line[]): Set<string> {
  const words = new Set<string>();
  let brokenBefore = false;
  for (const l of lines) {
    const tokens = l.text.toLowerCase().match(/[a-z]+(?:-[a-z]+)*/g) ?? [];
    const broken = HYPHEN_END.test(l.text);
    tokens.forEach((w, i) => {
      if ((i === 0 && brokenBefore) || (i === tokens.length - 1 && broken)) return;
      words.add(w);
      if (w.includes("-")) for (const part of w.split("-")) words.add(part);
    });
    brokenBefore = broken;
  }
  return words;
}

function joinHyphenated(prev: string, next: string, words: Set<string>): string | null {
  const m = HYPHEN_END.exec(prev);
  const head = /^([a-z]+)/.exec(next);
  if (!m || !head) return null;
  if (prev.endsWith("\u00AD")) return prev.slice(0, -1) + next;
  const a = m[1]!.toLowerCase();
  const b = head[1]!;
  // "public-" + "records" stays hyphenated when the document uses both words (or the compound);
  // "enforce-" + "ment" is one word broken at the margin.
  if (words.has(`${a}-${b}`) || (words.has(a) && words.has(b) && !words.has(a + b))) return prev + next;
  return prev.slice(0, -1) + next;
}

/**
 * The paragraphs of a PDF's text layer, in reading order. `stopAt` ends the
 * text at a line equal to it (ordkit's own risk memo annex).
 */
export function pdfParagraphs(pages: PdfPage[], stopAt?: string): string[] {
  const perPage = dropLineNumbers(pages.map((p, i) => pageLines(p, i)));
  const kept = dropRunningHeads(perPage, pages.map((p) => p.height));
  const all = kept.flat();
  const words = vocabulary(all);
  const paragraphs: string[] = [];
  let para = "";
  let prev: Line | null = null;
  for (const lines of kept) {
    const spacing = lineSpacing(lines);
    const bodyLeft = lines.length ? Math.min(...lines.map((l) => l.x)) : 0;
    const bodyRight = lines.length ? Math.max(...lines.map((l) => l.right)) : 0;
    for (const line of lines) {
      if (stopAt !== undefined && line.text === stopAt) {
        if (para) paragraphs.push(para);
        return paragraphs;
      }
      // A label opens a paragraph only where the line before could end one ("ninety" / "(90) days" is one sentence).
      let breakBefore = prev === null || (LABEL.test(line.text) && /(?:[.:;]|\band|\bor)$/.test(prev.text));
      if (!breakBefore && prev !== null) {
        if (prev.page === line.page && (prev.y - line.y > spacing * 1.35 || line.size !== prev.size)) breakBefore = true;
        const prevCentered = isCentered(prev, bodyLeft, bodyRight);
        // A typesetter ends a line early only at a paragraph's end: when the next line's first word would have fitted.
        if (!breakBefore && !prevCentered && !HYPHEN_END.test(prev.text) && endsEarly(prev, line, bodyRight)) breakBefore = true;
      }
      if (breakBefore) {
        if (para) paragraphs.push(para);
        para = line.text;
      } else {
        // "552(a)(4)" / "(B)" and "and/" / "or" were one token broken at the margin.
        const glued = (para.endsWith("/") && /^[(\w]/.test(line.text)) || (para.endsWith(")") && line.text.startsWith("("));
        para = joinHyphenated(para, line.text, words) ?? (glued ? para + line.text : `${para} ${line.text}`);
      }
      prev = line;
    }
  }
  if (para) paragraphs.push(para);
  return paragraphs;
}
