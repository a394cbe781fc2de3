// Parses an existing draft written in Markdown or plain text into a Draft, so
// the risk engine can check instruments ordkit did not write.
//
// Recognized: a heading block (number, title); WHEREAS recitals; the enacting
// or ordering formula ("NOW, THEREFORE ...", "BE IT ORDAINED ...", "I, ...
// hereby order:"); sections headed "Section 3. Heading.", "SECTION 3.",
// "## Section 3. Heading", "§ 3.", "Sec. 3." (or Markdown headings, or
// "1." when no other section style is used); subsections "(a)", "(1)", "(A)",
// "(i)" as nested paragraphs with the labels stripped; a definitions section by
// its heading; signature and attestation lines. Text with no recognizable
// sections becomes one section per paragraph block.
//
// Ids: sections "section-3" (the number as written; "section-N" by position
// when unnumbered), paragraphs "section-3#p2" and children "section-3#p2.1",
// recitals "recital-1". parseTextDocument also returns the source line range of
// every anchor, for reporters and fixture tests.
import type { Draft, Instrument, Jurisdiction, JurisdictionKind, LayoutBlock, Paragraph, Recital, Section, SectionRole } from "../draft.js";
import { INSTRUMENTS } from "../draft.js";
import { UserError } from "../errors.js";
import { allJurisdictions } from "../legal/index.js";

export interface ParseOptions {
  /** Display name of the file, for provenance and errors. */
  file: string;
  format: "md" | "txt";
  /** Overrides the instrument guessed from the text. */
  instrument?: Instrument;
  /** Two-letter state code, when known (otherwise guessed from the heading, else ""). */
  state?: string;
  /** Overrides for the guessed jurisdiction. */
  jurisdiction?: Partial<Jurisdiction>;
  /** YYYY-MM-DD; otherwise the first date found in the heading or closing lines, else "". */
  date?: string;
  ordkitVersion?: string;
}

export interface LineRange {
  /** 1-based first line. */
  line: number;
  /** 1-based last line (inclusive). */
  endLine: number;
}

export interface ParsedText {
  draft: Draft;
  /** Source lines of every recital, section (its heading) and paragraph, by anchor id. */
  lines: Map<string, LineRange>;
  /** Markdown front matter (key: value lines), if any. */
  frontMatter: Record<string, string>;
}

/** The text format for a file name, or null when it is not a text draft (.md, .markdown, .txt, .text). */
export function textFormatFor(file: string): "md" | "txt" | null {
  const f = file.toLowerCase();
  if (f.endsWith(".md") || f.endsWith(".markdown")) return "md";
  if (f.endsWith(".txt") || f.endsWith(".text")) return "txt";
  return null;
}

export function parseTextDraft(text: string, opts: ParseOptions): Draft {
  return parseTextDocument(text, opts).draft;
}

interface Block {
  text: string;
  line: number;
  endLine: number;
  /** Markdown heading level, 0 if none. */
  md: number;
}

interface SectionBuild {
  section: Section;
  range: LineRange;
  /** Open labeled paragraphs by depth, for nesting. */
  stack: Array<{ kind: LabelKind; para: Paragraph; lastLetter?: string }>;
}

type LabelKind = "lower" | "digit" | "upper" | "roman" | "upper-roman";

const SECTION_RE = /^(?:(?:Section|SECTION|Sec\.|SEC\.|Sec|SEC)\s+(\d+(?:[.-]\d+)*[A-Za-z]?)|§{1,2}\s*(\d+(?:[.-]\d+)*[A-Za-z]?))(?=[\s.:\-–—]|$)\s*[.:\-–—]?\s*([\s\S]*)$/;
const DIVISION_RE = /^(?:ARTICLE|Article|CHAPTER|Chapter|PART|Part|TITLE|Title|DIVISION|Division)\s+(?:[IVXLC]+|\d+(?:[.-]\d+)*)\b(?:[.:\-–—]\s*[^.]{0,100}\.?)?$/;
const HEADING_NUMBER_RE = /^(?:#+\s*)?(?:[A-Z][A-Za-z]*\s+){0,3}(?:ORDINANCE|RESOLUTION|EXECUTIVE\s+ORDER|ORDER|Ordinance|Resolution|Executive\s+Order)\s+(?:NO\.|No\.|NUMBER|Number|#)\s*[\w.-]+$/;
const NUMBERED_RE = /^(\d{1,2})\.\s+([\s\S]*)$/;
const LABEL_RE = /^\(([a-z]{1,5}|\d{1,3}|[A-Z]{1,5})\)\s*/;
const DOT_LABEL_RE = /^([a-z]|\d{1,2})\.\s+(?=\S)/;
const WHEREAS_RE = /^WHEREAS\b[,:]?\s*/i;
const FORMULA_RE =
  /^(?:NOW,?\s+THEREFORE\b|BE\s+IT\s+(?:ORDAINED|RESOLVED|ENACTED)\b|THE\s+[A-Z][A-Z ,.'’-]+\s+(?:DOES|DO)\s+(?:HEREBY\s+)?(?:ORDAIN|RESOLVE)|IT\s+IS\s+HEREBY\s+ORDERED\b|I,\s+[^,]{2,60},[\s\S]{0,200}?\b(?:hereby\s+)?(?:order|direct)\b)/i;
const FURTHER_RESOLVED_RE = /^(?:BE\s+IT\s+FURTHER\s+RESOLVED|FURTHER\s+RESOLVED|RESOLVED\s+FURTHER)\b/i;
const CLOSING_RE =
  /^(?:PASSED|ADOPTED|APPROVED|ATTEST|ATTESTED|INTRODUCED|SIGNED|ENACTED|DATED|Dated|Signed|Approved|Attest|Passed|Adopted|Introduced|Effective:|First\s+reading|Second\s+reading|Vote:|Ayes|Nays|AYES|NAYS|_{3,}|\/s\/)/;
const SIGNATURE_LABEL_RE = /^(?:Mayor|City\s+Clerk|County\s+Clerk|Clerk|County\s+Executive|Town\s+Clerk|Village\s+Clerk|Borough\s+Clerk|City\s+Attorney|County\s+Attorney|President|Chair(?:person)?)\b[^.]{0,60}$/;
const NOTE_RE = /\bnot\s+legal\s+advice\b/i;
const CLOSING_HEADING_RE = /\b(?:severab\w*|effective\s+date|effective|savings?|repeal\w*|codif\w*|conflicts?|publication|construction|liberal\s+construction|enactment)\b/i;

/** Full names to codes, longest first so "West Virginia" wins over "Virginia" (legal/jurisdictions.yaml). */
const STATES: ReadonlyArray<[string, string]> = allJurisdictions()
  .map((j): [string, string] => [j.name, j.code])
  .sort((x, y) => y[0].length - x[0].length);

const MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

export function parseTextDocument(input: string, opts: ParseOptions): ParsedText {
  if (opts.format !== "md" && opts.format !== "txt") {
    throw new UserError({ message: `unknown draft format "${String(opts.format)}"`, file: opts.file, hint: "use md or txt" }, "usage");
  }
  if (opts.instrument !== undefined && !INSTRUMENTS.includes(opts.instrument)) {
    throw new UserError({ message: `unknown instrument "${String(opts.instrument)}"`, hint: `use one of: ${INSTRUMENTS.join(", ")}` }, "usage");
  }
  let text = input.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  const frontMatter: Record<string, string> = {};
  const md = opts.format === "md";
  if (md) {
    text = text.replace(/<!--[\s\S]*?-->/g, (s) => s.replace(/[^\n]/g, ""));
  }
  const rawLines = text.split("\n");
  if (md && /^---\s*$/.test(rawLines[0] ?? "")) {
    const end = rawLines.findIndex((l, i) => i > 0 && /^(?:---|\.\.\.)\s*$/.test(l));
    if (end > 0) {
      for (let i = 1; i < end; i++) {
        const kv = /^\s*([A-Za-z0-9_.-]+)\s*:\s*(.*?)\s*$/.exec(rawLines[i]!);
        if (kv) frontMatter[kv[1]!] = kv[2]!.replace(/^["']|["']$/g, "");
      }
      for (let i = 0; i <= end; i++) rawLines[i] = "";
    }
  }

  // Clean each line; remember Markdown heading levels.
  const lines: Array<{ text: string; md: number }> = rawLines.map((l) => cleanLine(l, md));

  // Blocks: runs of non-blank lines, split where a new structural line starts.
  const blocks: Block[] = [];
  let cur: Block | null = null;
  const flush = (): void => {
    if (cur && cur.text.trim()) blocks.push({ ...cur, text: cur.text.replace(/\s+/g, " ").trim() });
    cur = null;
  };
  lines.forEach((l, i) => {
    const n = i + 1;
    if (!l.text.trim()) {
      flush();
      return;
    }
    const starts =
      l.md > 0 ||
      SECTION_RE.test(l.text.trim()) ||
      DIVISION_RE.test(l.text.trim()) ||
      LABEL_RE.test(l.text.trim()) ||
      WHEREAS_RE.test(l.text.trim()) ||
      FORMULA_RE.test(l.text.trim()) ||
      FURTHER_RESOLVED_RE.test(l.text.trim()) ||
      CLOSING_RE.test(l.text.trim());
    if (starts || (cur && cur.md > 0)) flush();
    if (!cur) cur = { text: l.text.trim(), line: n, endLine: n, md: l.md };
    else {
      cur.text += " " + l.text.trim();
      cur.endLine = n;
    }
    // "ORDINANCE NO. 2026-014" on its own line is a heading even without a blank line after it.
    if (HEADING_NUMBER_RE.test(l.text.trim())) flush();
  });
  flush();
  if (!blocks.length) throw new UserError({ message: "the draft has no text", file: opts.file, hint: "check that the file is a Markdown or plain-text draft" });

  const hasSectionHeadings = blocks.some((b) => SECTION_RE.test(b.text));
  // Any section structure at all (headings, Markdown headings, "1." directives)? If none, each block is a section.
  const firstBodyIdx = blocks.findIndex((b) => WHEREAS_RE.test(b.text) || FORMULA_RE.test(b.text) || SECTION_RE.test(b.text));
  const hasStructure =
    hasSectionHeadings || blocks.some((b, i) => b.md > 0 && i > Math.max(0, firstBodyIdx)) || blocks.filter((b) => NUMBERED_RE.test(b.text)).length >= 2;

  const head: Block[] = [];
  const recitals: Recital[] = [];
  const sections: SectionBuild[] = [];
  const layout: LayoutBlock[] = [];
  const ranges = new Map<string, LineRange>();
  const sectionIds = new Set<string>();
  let formula = "";
  let phase: "head" | "recitals" | "body" | "closing" = "head";
  let recitalsPlaced = false;
  let sectionsPlaced = false;
  let current: SectionBuild | null = null;

  const newSection = (numberText: string | null, heading: string, b: Block): SectionBuild => {
    let id = numberText ? `section-${numberText}` : `section-${sections.length + 1}`;
    if (sectionIds.has(id)) {
      let k = 2;
      while (sectionIds.has(`${id}-${k}`)) k++;
      id = `${id}-${k}`;
    }
    sectionIds.add(id);
    const cleanHeading = heading.replace(/[.:]\s*$/, "").trim();
    const sb: SectionBuild = {
      section: { id, clauseId: null, role: roleFor(cleanHeading), heading: cleanHeading, paragraphs: [] },
      range: { line: b.line, endLine: b.endLine },
      stack: [],
    };
    sections.push(sb);
    ranges.set(id, sb.range);
    if (!sectionsPlaced) {
      layout.push({ type: "sections" });
      sectionsPlaced = true;
    }
    return sb;
  };

  const addParagraph = (sb: SectionBuild, raw: string, b: Block, allowDotLabels: boolean): void => {
    let body = raw.trim();
    if (!body) return;
    let kind: LabelKind | null = null;
    let label = "";
    const m = LABEL_RE.exec(body) ?? (allowDotLabels ? DOT_LABEL_RE.exec(body) : null);
    if (m) {
      label = m[1]!;
      kind = labelKind(label, sb.stack);
      body = body.slice(m[0].length).trim();
    }
    const para: Paragraph = { id: "", text: body, numbered: kind !== null, children: [] };
    if (kind === null) {
      sb.section.paragraphs.push(para);
      sb.stack = [];
      para.id = `${sb.section.id}#p${sb.section.paragraphs.length}`;
    } else {
      const at = sb.stack.findIndex((s) => s.kind === kind);
      if (at >= 0) sb.stack = sb.stack.slice(0, at);
      const parent = sb.stack[sb.stack.length - 1];
      if (parent) {
        parent.para.children.push(para);
        para.id = `${parent.para.id}.${parent.para.children.length}`;
      } else {
        sb.section.paragraphs.push(para);
        para.id = `${sb.section.id}#p${sb.section.paragraphs.length}`;
      }
      sb.stack.push({ kind, para, ...(kind === "lower" ? { lastLetter: label } : {}) });
    }
    ranges.set(para.id, { line: b.line, endLine: b.endLine });
  };

  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    const t = b.text;
    if (NOTE_RE.test(t) && t.length < 300) {
      layout.push({ type: "note", text: t });
      continue;
    }
    if (phase !== "head" && (CLOSING_RE.test(t) || (phase === "closing" && SIGNATURE_LABEL_RE.test(t)))) {
      phase = "closing";
      layout.push(/^_{3,}|^\/s\//.test(t) ? { type: "signature", label: t.replace(/^[_\s/s]+/, "").trim(), name: "" } : { type: "para", text: t });
      current = null;
      continue;
    }
    if (phase === "closing") {
      if (SECTION_RE.test(t)) phase = "body";
      else {
        layout.push(SIGNATURE_LABEL_RE.test(t) ? { type: "signature", label: t, name: "" } : { type: "para", text: t });
        continue;
      }
    }
    if (phase === "head" && (firstBodyIdx < 0 ? false : i < firstBodyIdx)) {
      head.push(b);
      continue;
    }
    if (WHEREAS_RE.test(t) && (phase === "head" || phase === "recitals")) {
      phase = "recitals";
      if (!recitalsPlaced) {
        layout.push({ type: "recitals" });
        recitalsPlaced = true;
      }
      const id = `recital-${recitals.length + 1}`;
      recitals.push({ id, clauseId: null, text: stripRecital(t) });
      ranges.set(id, { line: b.line, endLine: b.endLine });
      continue;
    }
    if (FORMULA_RE.test(t) && (phase === "head" || phase === "recitals") && !formula) {
      formula = t;
      layout.push({ type: "formula", text: t });
      phase = "body";
      // "NOW, THEREFORE, BE IT RESOLVED that the Council ..." carries the operative text itself.
      if (!/:\s*$/.test(t) && /\bRESOLVED\b[\s\S]*?\bthat\b/i.test(t) && t.split(/\s+/).length > 25) {
        current = newSection(null, "", b);
        addParagraph(current, t, b, false);
      }
      continue;
    }
    if (phase === "head" && firstBodyIdx < 0) {
      // No recitals, formula or sections anywhere: the first block is the head only if it looks like a title.
      if (i === 0 && (b.md > 0 || isTitleLike(t))) {
        head.push(b);
        continue;
      }
      phase = "body";
    }
    if (phase === "head" || phase === "recitals") phase = "body";

    // Body.
    if (DIVISION_RE.test(t)) {
      // "ARTICLE II. PROHIBITIONS": a grouping heading, not a section or paragraph.
      layout.push({ type: "heading", text: t });
      continue;
    }
    const sm = SECTION_RE.exec(t);
    if (sm) {
      const num = sm[1] ?? sm[2]!;
      const rest = sm[3] ?? "";
      const { heading, body } = b.md > 0 ? { heading: rest, body: "" } : splitHeading(rest);
      current = newSection(num, heading, b);
      if (body) addParagraph(current, body, b, hasSectionHeadings);
      continue;
    }
    if (FURTHER_RESOLVED_RE.test(t) && !hasSectionHeadings) {
      current = newSection(null, "", b);
      addParagraph(current, t, b, false);
      continue;
    }
    if (b.md > 0) {
      current = newSection(null, t, b);
      continue;
    }
    const nm = !hasSectionHeadings && !current?.stack.length ? NUMBERED_RE.exec(t) : null;
    if (nm && (!current || current.section.paragraphs.length > 0 || !hasSectionHeadings) && !LABEL_RE.test(t)) {
      const { heading, body } = splitHeading(nm[2]!);
      current = newSection(nm[1]!, heading, b);
      if (body) addParagraph(current, body, b, false);
      continue;
    }
    if (!current || (!hasStructure && !LABEL_RE.test(t))) {
      // No section structure: one section per block (labeled blocks stay with the previous one).
      if (!current || !LABEL_RE.test(t)) {
        current = newSection(null, "", b);
        if (parseDefinitionStart(t)) current.section.role = "definitions";
      }
    }
    addParagraph(current, t, b, hasSectionHeadings);
    if (current.section.heading === "" && current.section.paragraphs.length === 1 && current.section.paragraphs[0]!.children.length === 0 && parseDefinitionStart(t)) {
      current.section.role = "definitions";
    }
  }

  // Head: number, title, other lines.
  let title = "";
  let number = "";
  const headLayout: LayoutBlock[] = [];
  for (const b of head) {
    const t = b.text;
    const num = /\b(?:ORDINANCE|RESOLUTION|EXECUTIVE\s+ORDER|ORDER)\s+(?:NO\.|NUMBER|#)\s*([\w.-]*\d[\w.-]*)/i.exec(t);
    if (num && !number) number = num[1]!.replace(/\.$/, "");
    if (!title && (/^(?:AN?\s+(?:ORDINANCE|RESOLUTION|EXECUTIVE\s+ORDER|ORDER)\b)/i.test(t) || (b.md === 1 && !num))) {
      title = t;
      headLayout.push({ type: "title", text: t });
    } else headLayout.push(num || b.md > 0 || isTitleLike(t) ? { type: "heading", text: t } : { type: "para", text: t });
  }
  if (!title) {
    const cand = head.find((b) => isTitleLike(b.text) && !/\b(?:NO\.|NUMBER)\s*\d/i.test(b.text)) ?? head[0];
    if (cand) {
      title = cand.text;
      const at = head.indexOf(cand);
      headLayout[at] = { type: "title", text: cand.text };
    }
  }

  const instrument = opts.instrument ?? guessInstrument(head.map((b) => b.text).join("\n"), formula, text);
  const jurisdiction = guessJurisdiction([...head.map((b) => b.text), formula].join("\n"), text, opts);
  const date = opts.date ?? guessDate([...head.map((b) => b.text), ...layout.filter((l) => l.type === "para" || l.type === "signature").map((l) => ("text" in l ? l.text : l.label))].join("\n"));

  const draft: Draft = {
    instrument,
    jurisdiction,
    title,
    number,
    date,
    recitals,
    formula,
    sections: sections.map((s) => s.section),
    layout: [...headLayout, ...layout],
    provenance: {
      ordkitVersion: opts.ordkitVersion ?? "unknown",
      library: { name: "parsed", version: "0.0.0" },
      clauses: [],
      answersHash: null,
      template: `parsed:${opts.format}`,
    },
    notes: [`Parsed from ${opts.file}; structure and jurisdiction were inferred from the text.`],
    riskNotes: [],
    legalAsOf: "",
  };
  return { draft, lines: ranges, frontMatter };
}

function cleanLine(line: string, md: boolean): { text: string; md: number } {
  let l = line.replace(/\t/g, "    ");
  if (!md) return { text: l.replace(/\s+$/, ""), md: 0 };
  if (/^\s*_{3,}\s*$/.test(l)) return { text: l.trim(), md: 0 }; // a signature line
  if (/^\s{0,3}(?:[-*_]\s*){3,}$/.test(l)) return { text: "", md: 0 };
  let level = 0;
  const h = /^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$/.exec(l);
  if (h) {
    level = h[1]!.length;
    l = h[2]!;
  }
  l = l.replace(/^\s{0,3}>\s?/, "");
  l = l.replace(/^\s{0,3}[-*+]\s+(?=\S)/, "");
  l = l.replace(/!\[([^\]]*)\]\([^)]*\)/g, "$1").replace(/\[([^\]]+)\]\([^)]*\)/g, "$1");
  l = l.replace(/\*\*|__/g, "");
  l = l.replace(/(^|[\s(“"])[*_](?=\S)([^*_\n]*?\S)[*_](?=[\s).,;:!?”"]|$)/g, "$1$2");
  l = l.replace(/`([^`]*)`/g, "$1");
  l = l.replace(/\\([\\`*_{}[\]()#+\-.!>|])/g, "$1");
  l = l.replace(/\s{2,}$/, "");
  return { text: l.replace(/\s+$/, ""), md: level };
}

function labelKind(label: string, stack: SectionBuild["stack"]): LabelKind {
  if (/^\d+$/.test(label)) return "digit";
  if (/^[ivxlc]+$/.test(label)) {
    // (i), (v), (x) may be letters: a letter if it follows the previous lower-case letter.
    const lower = stack.find((s) => s.kind === "lower");
    if (label.length === 1 && lower?.lastLetter && lower.lastLetter.charCodeAt(0) + 1 === label.charCodeAt(0)) return "lower";
    if (label.length === 1 && !stack.length) return "lower";
    if (label.length === 1 && !lower && !stack.some((s) => s.kind === "roman")) {
      // A first (i) under a digit or upper level is roman; under nothing it is a letter.
      return stack.length ? "roman" : "lower";
    }
    return "roman";
  }
  if (/^[a-z]+$/.test(label)) return "lower";
  if (/^[IVXLC]+$/.test(label) && label.length > 1) return "upper-roman";
  return "upper";
}

function splitHeading(rest: string): { heading: string; body: string } {
  const r = rest.trim();
  if (!r) return { heading: "", body: "" };
  const m = /^([^.]{1,120}?)\.(?:\s+|$)([\s\S]*)$/.exec(r);
  if (m) {
    const first = m[1]!.trim();
    const words = first.split(/\s+/).length;
    if (words <= 12 && !/\b(?:shall|must|may|means|is|are|will)\b/.test(first) && !/^\(/.test(first)) return { heading: first, body: m[2]!.trim() };
  }
  const words = r.split(/\s+/).length;
  if (words <= 10 && !/\b(?:shall|must|may|means)\b/.test(r)) return { heading: r.replace(/[.:]$/, ""), body: "" };
  return { heading: "", body: r };
}

function roleFor(heading: string): SectionRole {
  if (/\bdefinitions?\b/i.test(heading)) return "definitions";
  if (CLOSING_HEADING_RE.test(heading)) return "closing";
  return "operative";
}

function stripRecital(t: string): string {
  return t
    .replace(WHEREAS_RE, "")
    .replace(/\s*;\s*(?:and|and,)?\s*$/i, "")
    .replace(/\s*,\s*(?:and\s*)?$/i, "")
    .trim();
}

function parseDefinitionStart(t: string): boolean {
  return /^\s*[“"][^”"]{1,80}[”"]\s*(?:means|shall\s+mean|includes|refers\s+to)\b/i.test(t);
}

function isTitleLike(t: string): boolean {
  const letters = t.replace(/[^A-Za-z]/g, "");
  return letters.length > 3 && letters === letters.toUpperCase() && t.length < 400;
}

function guessInstrument(head: string, formula: string, all: string): Instrument {
  if (/\bEXECUTIVE\s+ORDER\b/i.test(head)) return "executive-order";
  if (/\bRESOLUTION\b/i.test(head)) return "resolution";
  if (/\bORDINANCE\b/i.test(head)) return "ordinance";
  if (/\bhereby\s+(?:order|direct)\b|\bORDERED\b/i.test(formula)) return "executive-order";
  if (/\bRESOLVED\b/i.test(formula)) return "resolution";
  if (/\bORDAIN/i.test(formula)) return "ordinance";
  const count = (re: RegExp): number => (all.match(re) ?? []).length;
  const counts: Array<[Instrument, number]> = [
    ["ordinance", count(/\bordinance\b/gi)],
    ["executive-order", count(/\bexecutive\s+order\b|\bthis\s+order\b/gi)],
    ["resolution", count(/\bresolution\b/gi)],
  ];
  counts.sort((a, b) => b[1] - a[1]);
  return counts[0]![1] > 0 ? counts[0]![0] : "ordinance";
}

function guessJurisdiction(head: string, all: string, opts: ParseOptions): Jurisdiction {
  const given = opts.jurisdiction ?? {};
  const stop = "(?:of|OF|RELATING|CONCERNING|REGARDING|ESTABLISHING|AMENDING|ADDING|PROHIBITING|DOES|DO|HEREBY|AND|TO|ON|IN|FOR|THE|AS|BY|WITH|Does|Hereby|And|Relating|Concerning|Regarding)\\b";
  const re = new RegExp(`\\b(City\\s+and\\s+County|City|County|Town|Village|Borough|CITY\\s+AND\\s+COUNTY|CITY|COUNTY|TOWN|VILLAGE|BOROUGH)\\s+(?:of|OF)\\s+((?!${stop})[A-Z][A-Za-z.'’-]*(?:\\s+(?!${stop})[A-Z][A-Za-z.'’-]*){0,3})`);
  const m = re.exec(formula(head)) ?? re.exec(head) ?? re.exec(all);
  let kind: JurisdictionKind = "city";
  let name = "";
  if (m) {
    const w = m[1]!.toLowerCase();
    kind = (w.startsWith("city and county") ? "city" : w) as JurisdictionKind;
    name = `${titleCase(m[1]!)} of ${m[2] === m[2]!.toUpperCase() ? titleCase(m[2]!) : m[2]!.trim()}`;
  } else {
    const counts = (["City", "County", "Town", "Village", "Borough"] as const).map((k) => [k, (all.match(new RegExp(`\\b${k}\\b`, "g")) ?? []).length] as const);
    const best = [...counts].sort((a, b) => b[1] - a[1])[0]!;
    if (best[1] > 0) kind = best[0].toLowerCase() as JurisdictionKind;
  }
  const body =
    /\b(City\s+Council|Board\s+of\s+Supervisors|County\s+Board(?:\s+of\s+Commissioners)?|Board\s+of\s+(?:County\s+)?Commissioners|County\s+Commission|County\s+Council|Town\s+Council|Town\s+Board|Village\s+Board(?:\s+of\s+Trustees)?|Board\s+of\s+Trustees|Borough\s+Council|Board\s+of\s+Aldermen|Common\s+Council)\b/i.exec(all)?.[1] ?? DEFAULT_BODY[kind];
  const exec = /\b(Mayor|County\s+Executive|County\s+Judge|County\s+Manager|City\s+Manager|Town\s+Supervisor|Village\s+President|First\s+Selectman|Borough\s+President)\b/.exec(all)?.[1] ?? (kind === "county" ? "County Executive" : "Mayor");
  let state = opts.state?.toUpperCase() ?? "";
  if (!state) {
    for (const [full, code] of STATES) {
      if (new RegExp(`\\b${full}\\b`).test(head)) {
        state = code;
        break;
      }
    }
  }
  return {
    name: given.name ?? name,
    kind: given.kind ?? kind,
    state: given.state ?? state,
    legislativeBody: given.legislativeBody ?? titleCase(body),
    executiveTitle: given.executiveTitle ?? titleCase(exec),
    ...(given.executiveName ? { executiveName: given.executiveName } : {}),
  };
}

/** The formula line(s) of the head text, where the name is most reliably written. */
function formula(head: string): string {
  return head
    .split("\n")
    .filter((l) => FORMULA_RE.test(l))
    .join("\n");
}

const DEFAULT_BODY: Record<JurisdictionKind, string> = {
  city: "City Council",
  county: "Board of Supervisors",
  town: "Town Council",
  village: "Village Board",
  borough: "Borough Council",
};

function titleCase(s: string): string {
  return s
    .replace(/\s+/g, " ")
    .split(" ")
    .map((w) => (/^(?:of|and)$/i.test(w) ? w.toLowerCase() : w[0]!.toUpperCase() + w.slice(1).toLowerCase()))
    .join(" ");
}

function guessDate(text: string): string {
  const iso = /\b(20\d\d|19\d\d)-(\d\d)-(\d\d)\b/.exec(text);
  const long = /\b(January|February|March|April|May|June|July|August|September|October|November|December)\s+(\d{1,2}),\s+(\d{4})\b/i.exec(text);
  if (long && (!iso || long.index < iso.index)) {
    const mo = MONTHS.indexOf(long[1]!.toLowerCase()) + 1;
    return `${long[3]}-${String(mo).padStart(2, "0")}-${long[2]!.padStart(2, "0")}`;
  }
  if (iso) return iso[0];
  return "";
}
