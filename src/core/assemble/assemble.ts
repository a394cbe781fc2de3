// Answers + library + template -> Draft. Selection by declarative conditions,
// strict rendering, definitions gathered from the clauses that use them.
import { readFileSync } from "node:fs";
import { ProblemList, UserError, type Problem } from "../errors.js";
import { PACKAGE_ROOT } from "../paths.js";
import type { Draft, Paragraph, Recital, Section } from "../draft.js";
import type { Clause, Library, ParagraphSpec } from "../library/types.js";
import type { YamlPath, YamlSource } from "../library/yaml-source.js";
import { templatePosition } from "../library/load.js";
import { resolvedOptions, resolvedVariables, type LoadedAnswers } from "../interview/answers.js";
import { holds } from "./conditions.js";
import { joinList, render } from "./handlebars.js";
import { INSTRUMENT_WORD, STATE_NAMES } from "./globals.js";
import { loadTemplate, renderLayout, runtimeError, templateFor, type TemplateSet } from "./templates.js";

export interface AssembleInput {
  library: Library;
  answers: LoadedAnswers;
  /** A templates directory above the library's own (--templates), or a set that keeps templates loaded across drafts. */
  templatesDir?: string | TemplateSet | undefined;
  /** Overrides the answers' date (YYYY-MM-DD). */
  date?: string;
}

let ordkitVersion: string | null = null;
export function getOrdkitVersion(): string {
  ordkitVersion ??= (JSON.parse(readFileSync(`${PACKAGE_ROOT}/package.json`, "utf8")) as { version: string }).version;
  return ordkitVersion;
}

/** Which library made the draft: the top layer, and every layer when there are several. */
function libraryProvenance(library: Library): Pick<Draft["provenance"], "library" | "layers"> {
  const top = library.layers[library.layers.length - 1];
  if (!top || library.layers.length === 1) return { library: { name: library.name, version: library.version } };
  return { library: { name: top.name, version: top.version }, layers: library.layers.map((l) => ({ name: l.name, version: l.version })) };
}

/** The library's template directories, with an extra one (--templates) on top. */
export function templateStack(library: Library, extra?: string): string[] {
  const dirs = library.templateDirs.filter((d) => d !== extra);
  return extra ? [...dirs, extra] : dirs;
}

export function assemble(input: AssembleInput): Draft {
  const { library, templatesDir } = input;
  const { answers: a, source: answersSrc, hash: answersHash } = input.answers;
  const date = input.date ?? a.date;
  if (!date) {
    throw new UserError({ message: "the draft has no date", file: answersSrc.file, hint: 'add date: "YYYY-MM-DD" to the answers file or pass --date' }, "usage");
  }
  if (!(a.jurisdiction.state in STATE_NAMES)) {
    throw new UserError(answersSrc.problem(["jurisdiction", "state"], `unknown state or territory code "${a.jurisdiction.state}"`, "use a postal code such as CA, PA or WA (`ordkit law` lists them)"));
  }
  const options = resolvedOptions(a, library);
  // What conditions test: the answers as given, with option defaults filled.
  const condData = { ...a, options, variables: resolvedVariables(a.variables, library) };
  const globals = baseContext(input.answers, date);

  const selected = [...library.clauses.values()].filter((c) => c.instruments.includes(a.instrument) && holds(c.when, condData));
  const catIndex = new Map(library.categories.map((c, i) => [c.id, i]));
  const byPlace = (x: Clause, y: Clause): number =>
    (catIndex.get(x.category) ?? 999) - (catIndex.get(y.category) ?? 999) || x.order - y.order || x.id.localeCompare(y.id);

  const problems = new ProblemList();
  const renderer = new ClauseRenderer(globals, a.variables, answersSrc, problems);

  const findings = selected.filter((c) => c.kind === "finding").sort(byPlace);
  const operative = selected.filter((c) => c.kind === "operative").sort(byPlace);
  const closing = selected.filter((c) => c.kind === "boilerplate").sort((x, y) => x.order - y.order || x.id.localeCompare(y.id));

  const recitals: Recital[] = [];
  for (const c of findings) {
    const paras = renderer.paragraphs(c, condData);
    for (const p of paras) recitals.push({ id: p.id, clauseId: c.id, text: stripRecital(p.text) });
  }

  const definitionClauses = gatherDefinitions([...findings, ...operative, ...closing], library);
  const sections: Section[] = [];
  if (definitionClauses.length) {
    const intro = renderer.text(library.manifest, ["definitions_intro"], library.definitionsIntro, {}, "definitions_intro");
    const defs: Paragraph[] = definitionClauses.flatMap((c) => renderer.paragraphs(c, condData).map((p) => ({ ...p, numbered: false })));
    sections.push({
      id: "definitions",
      clauseId: null,
      role: "definitions",
      heading: library.definitionsHeading,
      paragraphs: [{ id: "definitions#intro", text: intro, numbered: false, children: defs }],
    });
  }
  for (const c of operative) sections.push(renderer.section(c, "operative", condData));
  for (const c of closing) sections.push(renderer.section(c, "closing", condData));
  problems.throwIfAny();

  const notes: string[] = [];
  for (const m of a.modules) {
    if (!operative.some((c) => c.category === m)) {
      const elsewhere = [...library.clauses.values()].filter((c) => c.category === m && c.kind === "operative" && !c.instruments.includes(a.instrument));
      notes.push(
        elsewhere.length
          ? `Module ${m} was requested but none of its clauses suits ${article(INSTRUMENT_WORD[a.instrument]!)} (they suit: ${[...new Set(elsewhere.flatMap((c) => c.instruments))].join(", ")}).`
          : `Module ${m} was requested but no clause of it applies to these answers.`,
      );
    }
  }

  const subjects = library.categories
    .filter((k) => k.subject && operative.some((c) => c.category === k.id))
    .map((k) => renderer.text(library.manifest, ["categories", library.categories.indexOf(k), "subject"], k.subject!, {}, `category ${k.id}`));
  problems.throwIfAny();

  const template = typeof templatesDir === "object" ? templateFor(templatesDir, a.instrument) : loadTemplate(templateStack(library, templatesDir), a.instrument);
  const title = a.title ?? defaultTitle(a, subjects);
  const layout = renderLayout(template, { ...globals, title, subjects, legal_as_of: library.legalAsOf });
  const text = (type: "title" | "formula"): string => {
    const b = layout.find((x) => x.type === type);
    return b && "text" in b ? b.text : "";
  };

  const used = [...findings, ...definitionClauses, ...operative, ...closing];
  return {
    instrument: a.instrument,
    jurisdiction: {
      name: a.jurisdiction.name,
      kind: a.jurisdiction.kind,
      state: a.jurisdiction.state,
      legislativeBody: a.jurisdiction.legislative_body,
      executiveTitle: a.jurisdiction.executive_title,
      ...(a.jurisdiction.executive_name ? { executiveName: a.jurisdiction.executive_name } : {}),
    },
    title: text("title"),
    number: a.number ?? "",
    date,
    recitals,
    formula: text("formula"),
    sections,
    layout,
    provenance: {
      ordkitVersion: getOrdkitVersion(),
      ...libraryProvenance(library),
      clauses: used.map((c) => ({ id: c.id, version: c.version, hash: c.hash })),
      answersHash,
      template: template.name,
    },
    notes,
    riskNotes: [],
    legalAsOf: library.legalAsOf,
  };
}

/** "the City of X" but "Cascade County": formal names that begin with their kind take "the". */
export function theName(name: string): string {
  return /^(city|town|county|village|borough|township|city and county|municipality|parish) of /i.test(name) ? `the ${name}` : name;
}

function defaultTitle(a: LoadedAnswers["answers"], subjects: string[]): string {
  const j = a.jurisdiction;
  const by =
    a.instrument === "executive-order"
      ? `An Executive Order of the ${j.executive_title} of ${theName(j.name)}`
      : `${a.instrument === "ordinance" ? "An Ordinance" : "A Resolution"} of the ${j.legislative_body} of ${theName(j.name)}`;
  return subjects.length ? `${by} relating to ${joinList(subjects, "and")}` : by;
}

function article(word: string): string {
  return /^[AEIOU]/.test(word) ? `an ${word}` : `a ${word}`;
}

/** Definitions used by the given clauses (and by those definitions), alphabetical by term. */
function gatherDefinitions(clauses: Clause[], lib: Library): Clause[] {
  const found = new Map<string, Clause>();
  const queue = clauses.flatMap((c) => c.terms);
  while (queue.length) {
    const t = queue.shift()!;
    if (found.has(t)) continue;
    const def = lib.clauses.get(`definitions/${t}`);
    if (!def) continue; // the loader has already refused unknown terms
    found.set(t, def);
    queue.push(...def.terms);
  }
  return [...found.values()].sort((x, y) => (x.term ?? "").localeCompare(y.term ?? "", "en", { sensitivity: "base" }));
}

function stripRecital(text: string): string {
  return text.replace(/^WHEREAS,?\s*/i, "").replace(/[;,]?\s*(and|now,? therefore)?\s*$/i, "").replace(/[.;]$/, "");
}

function compact<T extends Record<string, unknown>>(o: T): Partial<T> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) if (v !== null && v !== undefined && v !== "") out[k] = v;
  return out as Partial<T>;
}

/**
 * The render context. Absent answers are left out rather than set to "", so
 * strict Handlebars stops with an error instead of leaving a blank in the law.
 */
function baseContext(loaded: LoadedAnswers, date: string): Record<string, unknown> {
  const a = loaded.answers;
  const j = a.jurisdiction;
  const term = j.kind.charAt(0).toUpperCase() + j.kind.slice(1);
  return compact({
    jurisdiction: compact({
      name: j.name,
      the_name: theName(j.name),
      term,
      kind: j.kind,
      state: j.state,
      state_name: STATE_NAMES[j.state],
      legislative_body: j.legislative_body,
      executive_title: j.executive_title,
      executive_name: j.executive_name,
      // No clerk's title, no attestation line: the signature lines follow the answers.
      clerk_title: j.clerk_title,
    }),
    // existing.code is the chapter an ordinance amends (a structure, not text to render).
    existing: compact({ ...a.existing, code: undefined }),
    instrument: a.instrument,
    Instrument: INSTRUMENT_WORD[a.instrument],
    number: a.number,
    date,
    sponsor: a.sponsor,
    authority: a.authority,
  });
}

/** Renders clause text with positions for every error. */
class ClauseRenderer {
  constructor(
    private readonly globals: Record<string, unknown>,
    private readonly values: Record<string, Record<string, unknown>>,
    private readonly answersSrc: YamlSource,
    private readonly problems: ProblemList,
  ) {}

  private context(c: Clause): Record<string, unknown> | null {
    const ctx: Record<string, unknown> = { ...this.globals };
    let ok = true;
    for (const [name, decl] of Object.entries(c.variables)) {
      const mine = this.values[c.id];
      // hasOwn: a variable named "constructor" must not take Object as its value.
      const given = mine && Object.hasOwn(mine, name) ? mine[name] : undefined;
      if (given !== undefined) ctx[name] = given;
      else if (decl.default !== undefined) ctx[name] = decl.default;
      else {
        ok = false;
        this.problems.add({
          ...this.answersSrc.problem(["variables", c.id], `${c.id} needs a value for "${name}" (${decl.prompt})`),
          hint: `add it under variables:\n    ${c.id}:\n      ${name}: ...`,
        });
      }
    }
    return ok ? ctx : null;
  }

  text(src: YamlSource, at: YamlPath, text: string, ctx: Record<string, unknown>, owner: string): string {
    try {
      const out = render(text, { ...this.globals, ...ctx }).replace(/\s+/g, " ").trim();
      if (!out) this.problems.add({ ...src.problem(at, `${owner}: the text renders empty`), hint: "a value it uses is empty" });
      return out;
    } catch (err) {
      const e = err as Error & { lineNumber?: number; column?: number };
      const name = /"([^"]+)" not defined/.exec(e.message ?? "")?.[1];
      const pos = templatePosition(src, at, text, e.lineNumber ?? 1, (e.column ?? 0) + 1, name);
      const ue = runtimeError(err, src.file, pos.line, pos.col);
      for (const p of ue.problems) this.problems.add({ ...p, message: `${owner}: ${p.message}`, snippet: pos.snippet } as Problem);
      return "";
    }
  }

  paragraphs(c: Clause, condData: unknown, given?: Record<string, unknown> | null): Paragraph[] {
    const ctx = given === undefined ? this.context(c) : given;
    if (!ctx) return [];
    return this.build(c, c.body, ["body"], ctx, condData, `${c.id}#p`, true);
  }

  private build(c: Clause, specs: ParagraphSpec[], at: YamlPath, ctx: Record<string, unknown>, condData: unknown, prefix: string, top: boolean): Paragraph[] {
    const kept = specs.map((p, i) => [p, i] as const).filter(([p]) => holds(p.when, condData));
    const label = top ? kept.filter(([p]) => p.numbered !== false).length >= 2 : true;
    return kept.map(([p, i], n) => {
      const id = `${prefix}${n + 1}`;
      return {
        id,
        text: this.text(c.source, [...at, i, "text"], p.text, ctx, c.id),
        numbered: label && p.numbered !== false,
        children: p.children ? this.build(c, p.children, [...at, i, "children"], ctx, condData, `${id}.`, false) : [],
      };
    });
  }

  section(c: Clause, role: Section["role"], condData: unknown): Section {
    const ctx = this.context(c);
    return {
      id: c.id,
      clauseId: c.id,
      role,
      heading: c.heading && ctx ? this.text(c.source, ["heading"], c.heading, ctx, c.id).replace(/\.$/, "") : c.title,
      paragraphs: this.paragraphs(c, condData, ctx),
    };
  }
}
