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
import type { Draft, Instrument, Jurisdiction, LayoutBlock, Paragraph, Recital, Section } from "../draft.js";
import { INSTRUMENTS } from "../draft.js";
import { UserError } from "../errors.js";
import { allJurisdictions } from "../legal/index.js";
import { cleanLine, guessDate, guessInstrument, guessJurisdiction, isTitleLike, labelKind, parseDefinitionStart, roleFor, splitHeading, stripRecital } from "./text-parts.js";
import { CLOSING_RE, DIVISION_RE, DOT_LABEL_RE, FINDINGS_OPENER_RE, FINDING_LABEL_RE, FORMULA_RE, FURTHER_RESOLVED_RE, HEADING_NUMBER_RE, LABEL_RE, NOTE_RE, NUMBERED_RE, SECTION_RE, SIGNATURE_LABEL_RE, WHEREAS_RE } from "./text-lines.js";
export { WHEREAS_RE, FORMULA_RE, CLOSING_HEADING_RE } from "./text-lines.js";

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

export interface SectionBuild {
  section: Section;
  range: LineRange;
  /** Open labeled paragraphs by depth, for nesting. */
  stack: Array<{ kind: LabelKind; para: Paragraph; lastLetter?: string }>;
}


export type LabelKind = "lower" | "digit" | "upper" | "roman" | "upper-roman";

export const STATES: ReadonlyArray<[string, string]> = allJurisdictions()
  .map((j): [string, string] => [j.name, j.code])
  .sort((x, y) => y[0].length - x[0].length);

export const MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

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
        const kv = /^\s*([A-Za-z0-9_.-]+)\s*:\s*(.*)$/.exec(rawLines[i]!.trimEnd());
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
      FINDINGS_OPENER_RE.test(l.text.trim()) ||
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
  const firstBodyIdx = blocks.findIndex((b) => WHEREAS_RE.test(b.text) || FINDINGS_OPENER_RE.test(b.text) || FORMULA_RE.test(b.text) || SECTION_RE.test(b.text));
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
  /** Inside findings opened by a heading ("FINDINGS"): every block until the next section is a recital. */
  let openedFindings = false;
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
    const cleanHeading = heading.trimEnd().replace(/[.:]$/, "").trim();
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
    const opener = phase === "head" || phase === "recitals" ? FINDINGS_OPENER_RE.exec(t) : null;
    // A block that starts in lower case continues an operative lead-in ("... hereby direct the Executive to:
    // ensure that ..."), not a finding: findings end there.
    const inFindings = openedFindings && phase === "recitals" && !SECTION_RE.test(t) && !FORMULA_RE.test(t) && !DIVISION_RE.test(t) && !/^[a-z]/.test(t);
    if (opener || inFindings) {
      phase = "recitals";
      openedFindings = true;
      if (!recitalsPlaced) {
        layout.push({ type: "recitals" });
        recitalsPlaced = true;
      }
      const body = (opener ? t.slice(opener[0].length) : t).replace(FINDING_LABEL_RE, "").trim();
      if (!body) continue;
      const id = `recital-${recitals.length + 1}`;
      recitals.push({ id, clauseId: null, text: stripRecital(body) });
      ranges.set(id, { line: b.line, endLine: b.endLine });
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
      if (!t.trimEnd().endsWith(":") && /\bRESOLVED\b[\s\S]*?\bthat\b/i.test(t) && t.split(/\s+/).length > 25) {
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

