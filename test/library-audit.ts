// Drafts a clause library under every answers combination that matters and
// collects what a drafter would object to, as plain messages naming the
// clause. Works on any library, so the tests can run it on the default one and
// on small broken ones.
import { stringify } from "yaml";
import { checkAnswers, type Answers } from "../src/core/interview/answers.js";
import { YamlSource } from "../src/core/shared/yaml-source.js";
import { assemble } from "../src/core/assemble/assemble.js";
import { UserError } from "../src/core/errors.js";
import { INSTRUMENTS, walkParagraphs, type Draft, type Instrument, type Paragraph } from "../src/core/draft.js";
import type { Clause, Condition, Library, ParagraphSpec } from "../src/core/shared/library-types.js";
import {
  baseAnswers,
  conditionData,
  expectedClauses,
  keptParagraphs,
  optionCombinations,
  paragraphConditions,
  satisfy,
  selectionCondition,
  withExplicitDefaults,
  type KeptParagraph,
} from "./library-scenarios.js";
import { placementProblems, renderedTextProblems, termsUsed, withoutExpressions } from "./library-checks.js";

/** What one clause rendered to in one draft. */
export interface Rendered {
  clause: Clause;
  instrument: Instrument;
  texts: string[];
}

export interface Audit {
  /** Drafts made. */
  drafts: number;
  /** Clause and paragraph variants some draft showed. */
  reached: Set<string>;
  /** Scenarios that could not be drafted, clauses or paragraphs no answers reach, drafts that differ from the conditions. */
  coverage: string[];
  /** Definitions a declared instrument never includes: not a failure, since definitions come with the clauses that use them. */
  idle: string[];
  rendered: Rendered[];
}

interface Scenario {
  why: string;
  answers: Answers;
}

interface Target {
  /** How the target is reported, and its key in Audit.reached. */
  label: string;
  clause: Clause;
  /** A clause must appear in each instrument it declares; a paragraph in at least one. */
  instruments: Instrument[];
  /** Paragraph path in the clause file, or null for the clause itself. */
  path: string | null;
  conds: Condition[];
}

/** Every clause in every instrument it declares, and every paragraph of it. */
function targets(lib: Library): Target[] {
  const out: Target[] = [];
  for (const c of lib.clauses.values()) {
    for (const instrument of c.instruments) out.push({ label: `${c.id} (${instrument})`, clause: c, instruments: [instrument], path: null, conds: [] });
    for (const p of paragraphConditions(c.body)) out.push({ label: `${c.id} ${p.path}`, clause: c, instruments: c.instruments, path: p.path, conds: p.conds });
  }
  return out;
}

function flattenKept(kept: KeptParagraph[]): string[] {
  return kept.flatMap((k) => [k.path, ...flattenKept(k.children)]);
}

function keptShape(kept: KeptParagraph[]): string {
  return kept.map((k) => (k.children.length ? `p(${keptShape(k.children)})` : "p")).join(" ");
}

function shapeOf(ps: Paragraph[]): string {
  return ps.map((p) => (p.children.length ? `p(${shapeOf(p.children)})` : "p")).join(" ");
}

/** The pieces of a draft that came from one clause, with their paragraph tree. */
function renderedPieces(d: Draft, c: Clause): { texts: string[]; shape: Paragraph[] } | null {
  if (c.kind === "finding") {
    const recitals = d.recitals.filter((r) => r.clauseId === c.id);
    return recitals.length ? { texts: recitals.map((r) => r.text), shape: recitals.map((r) => ({ id: r.id, text: r.text, numbered: false, children: [] })) } : null;
  }
  if (c.kind === "definition") {
    const defs = d.sections.find((s) => s.role === "definitions")?.paragraphs.flatMap((p) => p.children) ?? [];
    const mine = defs.filter((p) => p.id.startsWith(`${c.id}#`));
    return mine.length ? { texts: mine.map((p) => p.text), shape: mine } : null;
  }
  const s = d.sections.find((x) => x.clauseId === c.id);
  return s ? { texts: [s.heading, ...[...walkParagraphs(s.paragraphs)].map((p) => p.text)], shape: s.paragraphs } : null;
}

/**
 * Base runs: each instrument with each combination of the library's options,
 * every module on, every other value left to its default. Then targeted runs
 * for each clause or paragraph the base runs do not reach (a boolean
 * variable, an existing rule, a module left out).
 */
function scenarios(lib: Library, all: Target[]): Scenario[] {
  const out: Scenario[] = INSTRUMENTS.flatMap((instrument) =>
    optionCombinations(lib).map((options) => ({ why: `${instrument} ${JSON.stringify(options)}`, answers: baseAnswers(lib, instrument, options) })),
  );
  // A target counts as reached by a run only when it is reached whether or
  // not the draft applies variable defaults to conditions; targeted runs state
  // every value, so that they reach it either way.
  const reachedBy = (a: Answers, t: Target): boolean => {
    if (!t.instruments.includes(a.instrument) || !expectedClauses(lib, a).has(t.clause.id)) return false;
    if (t.path === null) return true;
    const kept = (defaults: boolean): string[] => flattenKept(keptParagraphs(t.clause.body, conditionData(lib, a, defaults)));
    return kept(true).includes(t.path) && kept(false).includes(t.path);
  };
  for (const t of all) {
    if (out.some((s) => reachedBy(s.answers, t))) continue;
    for (const instrument of t.instruments) {
      const selection = selectionCondition(lib, t.clause, instrument);
      if (!selection) continue;
      const a = satisfy(lib, withExplicitDefaults(lib, baseAnswers(lib, instrument)), { all: [selection, ...t.conds] });
      if (a && reachedBy(a, t)) {
        out.push({ why: `to reach ${t.label}`, answers: a });
        break;
      }
    }
  }
  return out;
}

/** The draft as `ordkit draft` assembles it (risk notes left out: they do not change the text). */
function draftOf(lib: Library, templatesDir: string, a: Answers): Draft {
  const src = YamlSource.parse(Buffer.from(stringify(a)), `answers for ${a.instrument}.yaml`);
  return assemble({ library: lib, answers: checkAnswers(src, lib), templatesDir });
}

export function auditLibrary(lib: Library, templatesDir: string): Audit {
  const all = targets(lib);
  const r: Audit = { drafts: 0, reached: new Set(), coverage: [], idle: [], rendered: [] };
  for (const s of scenarios(lib, all)) {
    const instrument = s.answers.instrument;
    let d: Draft;
    try {
      d = draftOf(lib, templatesDir, s.answers);
    } catch (err) {
      if (!(err instanceof UserError)) throw err;
      r.coverage.push(`cannot draft (${s.why}): ${err.message}`);
      continue;
    }
    r.drafts++;
    const expected = expectedClauses(lib, s.answers);
    const actual = new Set(d.provenance.clauses.map((c) => c.id));
    for (const id of expected) if (!actual.has(id)) r.coverage.push(`${id} (${instrument}): selected by its conditions but missing from the draft`);
    for (const id of actual) if (!expected.has(id)) r.coverage.push(`${id} (${instrument}): in the draft though its conditions do not select it`);
    for (const id of expected) {
      const c = lib.clauses.get(id)!;
      const pieces = renderedPieces(d, c);
      if (!pieces) continue; // reported above as missing from the draft, or never reached below
      r.rendered.push({ clause: c, instrument, texts: pieces.texts });
      r.reached.add(`${id} (${instrument})`);
      const shape = shapeOf(pieces.shape);
      const kept = keptParagraphs(c.body, conditionData(lib, s.answers));
      if (shape === keptShape(kept)) {
        for (const p of flattenKept(kept)) r.reached.add(`${id} ${p}`);
        continue;
      }
      // Tell a draft that ignores variable defaults in conditions from any other difference.
      const answered = keptParagraphs(c.body, conditionData(lib, s.answers, false));
      if (shape === keptShape(answered)) {
        const left = flattenKept(kept).filter((p) => !flattenKept(answered).includes(p));
        const added = flattenKept(answered).filter((p) => !flattenKept(kept).includes(p));
        const what = [left.length ? `leaves out ${left.join(", ")}` : "", added.length ? `includes ${added.join(", ")}` : ""].filter(Boolean).join(" and ");
        r.coverage.push(`${id} (${instrument}): with the variables' defaults the draft ${what}, as if the defaults did not apply to conditions`);
        for (const p of flattenKept(answered)) r.reached.add(`${id} ${p}`);
      } else {
        r.coverage.push(`${id} (${instrument}): its conditions keep ${flattenKept(kept).join(", ") || "no paragraph"} but the draft's paragraphs are shaped ${shape || "(none)"} [${s.why}]`);
      }
    }
  }

  for (const t of all) {
    if (r.reached.has(t.label)) continue;
    if (t.path === null) {
      const idle = t.clause.kind === "definition" && !selectionCondition(lib, t.clause, t.instruments[0]!);
      if (idle) r.idle.push(t.label);
      else r.coverage.push(`${t.label}: no answers select it`);
    } else if (t.clause.instruments.some((i) => r.reached.has(`${t.clause.id} (${i})`))) {
      // (a clause never reached at all is reported once, above, not once per paragraph)
      r.coverage.push(`${t.label}: no answers keep this paragraph (${t.instruments.join(", ")})`);
    }
  }
  for (const c of lib.clauses.values()) {
    if (c.kind === "definition" && !c.instruments.some((i) => r.reached.has(`${c.id} (${i})`))) r.coverage.push(`${c.id}: no clause that any answers select uses its term`);
  }
  r.coverage = [...new Set(r.coverage)];
  return r;
}

export function renderedProblems(a: Audit): string[] {
  return [...new Set(a.rendered.flatMap((x) => x.texts.flatMap((text) => renderedTextProblems(text).map((p) => `${x.clause.id} (${x.instrument}): ${p}`))))];
}

/**
 * A clause lists every defined term its rendered text uses and uses every
 * term it lists; every definition is listed and used by some clause; a clause
 * uses no definition that does not declare its instruments.
 */
export function termProblems(lib: Library, a: Audit): string[] {
  const clauses = [...lib.clauses.values()];
  const definitions = clauses.filter((c) => c.kind === "definition" && c.term);
  const slugOf = new Map(definitions.map((d) => [d.term!, d.id.slice("definitions/".length)]));
  const terms = [...slugOf.keys()];
  const texts = new Map<string, string[]>();
  for (const x of a.rendered) texts.set(x.clause.id, [...(texts.get(x.clause.id) ?? []), ...x.texts]);
  const problems: string[] = [];
  const usedBy = new Set<string>();
  for (const c of clauses) {
    const text = (texts.get(c.id) ?? []).join("\n");
    if (!text) continue; // never rendered: the coverage check says so
    const used = termsUsed(text, terms, c.term);
    for (const term of used) {
      const slug = slugOf.get(term)!;
      if (c.terms.includes(slug)) usedBy.add(slug);
      else problems.push(`${c.id}: uses the defined term "${term}" but does not list ${slug} under terms:`);
    }
    for (const slug of c.terms) {
      const def = lib.clauses.get(`definitions/${slug}`);
      if (def?.term && !used.has(def.term)) problems.push(`${c.id}: lists ${slug} under terms: but its text never uses "${def.term}"`);
      if (def && c.kind !== "definition") {
        for (const i of c.instruments) if (!def.instruments.includes(i)) problems.push(`${c.id}: uses ${def.id} in a ${i}, an instrument the definition does not declare`);
      }
    }
  }
  for (const d of definitions) {
    const slug = slugOf.get(d.term!)!;
    const listedBy = clauses.filter((c) => c.terms.includes(slug)).map((c) => c.id);
    if (!listedBy.length) problems.push(`${d.id}: "${d.term}" is defined but no clause lists ${slug} under terms:`);
    else if (!usedBy.has(slug)) problems.push(`${d.id}: "${d.term}" is listed by ${listedBy.join(", ")} but none of their texts uses it`);
  }
  return problems;
}

/** Typed-in section numbers and jurisdiction names in clause sources: heading, body and string values of variables. */
export function sourceProblems(lib: Library, jurisdictionNames: string[]): string[] {
  const problems: string[] = [];
  for (const c of lib.clauses.values()) {
    const sources: Array<[string, string]> = [];
    if (c.heading) sources.push(["heading", c.heading]);
    const walk = (specs: ParagraphSpec[], at: string): void =>
      specs.forEach((p, i) => {
        sources.push([`${at}[${i}]`, p.text]);
        if (p.children) walk(p.children, `${at}[${i}].children`);
      });
    walk(c.body, "body");
    for (const [name, decl] of Object.entries(c.variables)) {
      for (const v of [decl.default, ...(decl.choices ?? [])].flat()) if (typeof v === "string") sources.push([`variables.${name}`, v]);
    }
    for (const [where, text] of sources) for (const p of placementProblems(withoutExpressions(text), jurisdictionNames)) problems.push(`${c.id} ${where}: ${p}`);
  }
  return [...new Set(problems)];
}
