// Reads a Markdown fixture that carries its expectations markdownlint-style,
// runs every risk rule over it, and compares.
//
//   <!-- context: state=CA instrument=ordinance existing.trust_ordinance=yes -->
//   (or front matter: state: CA / instrument: ordinance)
//   <!-- only: rule-id, other-rule -->       restrict the comparison (use sparingly)
//   ...paragraph text...  <!-- expect: narrow-targeting high -->
//   <!-- expect: missing-severability medium -->   (alone on a line: a note about the whole document)
//
// A marker at the end of a line expects a note anchored to the paragraph or
// recital on that line (or to the section whose heading is on that line).
import { readFileSync } from "node:fs";
import type { Draft, RiskNote, Severity } from "../../src/core/draft.js";
import { SEVERITIES } from "../../src/core/draft.js";
import { parseTextDocument, type LineRange } from "../../src/core/parse/text.js";
import { buildContext, type CheckInstrument, type RiskContext } from "../../src/core/risk/context.js";
import { runRules } from "../../src/core/risk/engine.js";
import { walkParagraphs } from "../../src/core/draft.js";

export interface Expectation {
  rule: string;
  severity: Severity;
  anchor: string;
  line: number;
}

export interface FixtureRun {
  file: string;
  draft: Draft;
  context: RiskContext;
  notes: RiskNote[];
  expected: Expectation[];
  only: string[] | null;
  lines: Map<string, LineRange>;
}

export function runFixture(file: string): FixtureRun {
  const text = readFileSync(file, "utf8");
  const parsed = parseTextDocument(text, { file, format: "md" });
  const ctxValues: Record<string, string> = { ...parsed.frontMatter };
  for (const m of text.matchAll(/<!--\s*context:([\s\S]*?)-->/g)) {
    for (const pair of m[1]!.trim().split(/\s+/).filter(Boolean)) {
      const at = pair.indexOf("=");
      if (at < 0) throw new Error(`${file}: bad context entry "${pair}"`);
      ctxValues[pair.slice(0, at)] = pair.slice(at + 1);
    }
  }
  const existing: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(ctxValues)) if (k.startsWith("existing.")) existing[k.slice(9)] = v;
  const instrument = (ctxValues.instrument as CheckInstrument | undefined) ?? parsed.draft.instrument;
  // A statute is read at the state's level; the Draft keeps an instrument of its own kind.
  const draft: Draft = { ...parsed.draft, instrument: instrument === "statute" ? parsed.draft.instrument : instrument };
  const context = buildContext({ state: ctxValues.state ?? null, instrument, existing });
  const onlyMatch = /<!--\s*only:([\s\S]*?)-->/.exec(text);
  const only = onlyMatch ? onlyMatch[1]!.split(/[\s,]+/).filter(Boolean) : null;

  const expected: Expectation[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    const n = i + 1;
    for (const m of line.matchAll(/<!--\s*expect:([\s\S]*?)-->/g)) {
      const standalone = line.replace(/<!--[\s\S]*?-->/g, "").trim() === "";
      const anchor = standalone ? "document" : anchorAt(parsed.lines, n);
      if (!anchor) throw new Error(`${file}:${n}: expectation marker on a line that belongs to no paragraph, recital or section heading`);
      for (const item of m[1]!.split(",").map((s) => s.trim()).filter(Boolean)) {
        const [rule, severity] = item.split(/\s+/);
        if (!rule || !severity || !SEVERITIES.includes(severity as Severity)) throw new Error(`${file}:${n}: bad expectation "${item}" (want "rule-id severity")`);
        expected.push({ rule, severity: severity as Severity, anchor, line: n });
      }
    }
  });
  const notes = runRules(draft, context);
  return { file, draft, context, notes, expected, only, lines: parsed.lines };
}

/** The most specific anchor whose source lines include the line. */
export function anchorAt(lines: Map<string, LineRange>, line: number): string | null {
  let best: { id: string; size: number; para: boolean } | null = null;
  for (const [id, r] of lines) {
    if (line < r.line || line > r.endLine) continue;
    const para = id.includes("#") || id.startsWith("recital-");
    const size = r.endLine - r.line;
    if (!best || (para && !best.para) || (para === best.para && size < best.size)) best = { id, size, para };
  }
  return best?.id ?? null;
}

export function noteAnchor(n: RiskNote): string {
  return n.paragraph ?? n.section;
}

/** Differences between expected and actual notes, as readable lines ("" when they agree). */
export function compare(run: FixtureRun): string[] {
  const keep = (rule: string): boolean => !run.only || run.only.includes(rule);
  const want = run.expected.filter((e) => keep(e.rule)).map((e) => ({ key: `${e.rule} ${e.severity} @ ${e.anchor}`, line: e.line }));
  const got = run.notes.filter((n) => keep(n.rule)).map((n) => ({ key: `${n.rule} ${n.severity} @ ${noteAnchor(n)}`, note: n }));
  const problems: string[] = [];
  const unmatched = [...got];
  for (const w of want) {
    const i = unmatched.findIndex((g) => g.key === w.key);
    if (i >= 0) unmatched.splice(i, 1);
    else problems.push(`missing: line ${w.line}: ${w.key}`);
  }
  for (const g of unmatched) {
    const r = run.lines.get(noteAnchor(g.note));
    problems.push(`extra: line ${r?.line ?? "-"}: ${g.key} «${g.note.quote}» ${g.note.message}`);
  }
  return problems;
}

/** Every note's quote must occur verbatim in the text of the paragraph or recital it names. */
export function quoteProblems(draft: Draft, notes: RiskNote[]): string[] {
  const texts = new Map<string, string>();
  for (const r of draft.recitals) texts.set(r.id, r.text);
  for (const s of draft.sections) for (const p of walkParagraphs(s.paragraphs)) texts.set(p.id, p.text);
  const out: string[] = [];
  for (const n of notes) {
    if (n.paragraph === null) {
      if (n.quote !== "") out.push(`${n.rule}: document-level note with a quote`);
      continue;
    }
    const t = texts.get(n.paragraph);
    if (t === undefined) out.push(`${n.rule}: unknown paragraph ${n.paragraph}`);
    else if (!t.includes(n.quote)) out.push(`${n.rule}: quote «${n.quote}» not in ${n.paragraph}`);
  }
  return out;
}
