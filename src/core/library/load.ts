// Loads a clause library directory: manifest + one YAML file per clause.
// Collects every problem in every file before failing.
import { createHash } from "node:crypto";
import { lstatSync, readdirSync, existsSync, statSync } from "node:fs";
import path from "node:path";
import { ProblemList, UserError, type Problem } from "../errors.js";
import { DEFAULT_TEMPLATES_DIR, displayPath } from "../paths.js";
import { CLAUSE_GLOBALS, ANSWER_FIELDS, JURISDICTION_KEYS, EXISTING_KEYS } from "./globals.js";
import { checkTemplate, type Scope } from "../shared/handlebars.js";
import { YamlSource, type YamlPath } from "../shared/yaml-source.js";
import { schemaProblems } from "../shared/schema.js";
import { valueProblem } from "./values.js";
import { libraryTextProblem } from "../text/answer-text.js";
import { conditionIssues } from "./condition-check.js";
import { resolveLayers, type LayerRef } from "./layers.js";
import { applyLayer, applyDefaults } from "./overlay.js";
import type { Clause, Condition, Library, ParagraphSpec, VariableDecl } from "../shared/library-types.js";

const MAX_FILES = 20_000;

/** One directory, or the directories of `--library` in order (see layers.ts). */
export type LibrarySpec = string | readonly string[];

/** Loads a library with its layers; throws a UserError listing every problem. */
export function loadLibrary(spec: LibrarySpec = []): Library {
  const problems = new ProblemList();
  const library = loadStack(resolveLayers(typeof spec === "string" ? [spec] : spec), problems);
  problems.throwIfAny();
  return library;
}

/** Loads a library and returns every problem instead of throwing (ordkit validate). */
export function inspectLibrary(spec: LibrarySpec = []): { library: Library | null; problems: Problem[] } {
  const problems = new ProblemList();
  try {
    const library = loadStack(resolveLayers(typeof spec === "string" ? [spec] : spec), problems);
    return { library, problems: problems.items };
  } catch (err) {
    // A path that is no library at all is the caller's mistake, not a finding.
    if (err instanceof UserError && err.code !== "usage") return { library: null, problems: [...problems.items, ...err.problems] };
    throw err;
  }
}

function loadStack(refs: LayerRef[], problems: ProblemList): Library {
  const [base, ...layers] = refs;
  const { library, manifestOk } = loadBase(base!.dir, problems);
  // Without a valid manifest every category and option would look unknown: report what is wrong so far, without the echoes.
  if (!manifestOk) problems.throwIfAny();
  const defaults: YamlSource[] = [];
  for (const ref of layers) {
    if (applyLayer(library, ref, problems)) defaults.push(ref.source!);
  }
  for (const clause of library.clauses.values()) checkReferences(clause, library, problems);
  for (const src of defaults) applyDefaults(library, src, problems);
  return library;
}

/** A complete library: library.yaml and one file per clause. */
function loadBase(dir: string, problems: ProblemList): { library: Library; manifestOk: boolean } {
  const manifestFile = path.join(dir, "library.yaml");
  if (!existsSync(manifestFile)) {
    throw new UserError({ message: "not a clause library: library.yaml is missing", file: displayPath(dir), hint: "a library directory holds library.yaml and <category>/<clause>.yaml files" });
  }
  if (!statSync(manifestFile).isFile()) throw new UserError({ message: "library.yaml is not a regular file", file: displayPath(manifestFile), hint: "a named pipe or a device would block the read" });
  const manifest = readYaml(manifestFile, problems);
  const manifestOk = manifest !== null && collect(problems, schemaProblems(manifest, "library"));
  const m = (manifestOk ? manifest!.data : {}) as Record<string, unknown>;
  const library: Library = {
    dir,
    name: String(m.name ?? "unknown"),
    version: String(m.version ?? "0.0.0"),
    legalAsOf: String(m.legal_as_of ?? ""),
    categories: [...((m.categories as Library["categories"]) ?? [])],
    options: { ...((m.options as Record<string, VariableDecl>) ?? {}) },
    definitionsHeading: String(m.definitions_heading ?? "Definitions"),
    definitionsIntro: String(m.definitions_intro ?? ""),
    ...(m.paper ? { paper: m.paper as Library["paper"] } : {}),
    clauses: new Map(),
    manifest: manifest!,
    layers: [],
    templateDirs: [DEFAULT_TEMPLATES_DIR],
    disabled: new Map(),
    unreadable: new Set(),
  };
  library.layers.push({ name: library.name, version: library.version, dir, kind: "library", file: manifestFile });
  if (manifestOk) checkManifest(library, problems);

  for (const clause of readClauseDir(dir, library.name, library, problems)) library.clauses.set(clause.id, clause);
  return { library, manifestOk };
}

/**
 * The clauses of one directory (a base library, or a layer's clauses/), each
 * checked on its own; a file that cannot be read is remembered as unreadable,
 * and an id given twice in the directory is reported.
 */
export function readClauseDir(dir: string, layer: string, lib: Library, problems: ProblemList): Clause[] {
  const found = new Map<string, Clause>();
  for (const file of clauseFiles(dir, problems)) {
    const src = readYaml(file, problems);
    if (!src || !collect(problems, schemaProblems(src, "clause"))) {
      lib.unreadable.add(idFromPath(dir, file));
      continue;
    }
    const clause = toClause(src, layer);
    checkClauseShape(clause, file, dir, lib, problems);
    const twin = found.get(clause.id);
    if (twin) {
      problems.add(src.problem(["id"], `duplicate clause id "${clause.id}" (also in ${twin.source.file})`, "each clause id must be unique within a library or layer"));
      continue;
    }
    found.set(clause.id, clause);
  }
  return [...found.values()];
}

/** The id a clause file's path gives it (what references to it use). */
export function idFromPath(dir: string, file: string): string {
  return path.relative(dir, file).replace(/\\/g, "/").replace(/\.ya?ml$/, "");
}

/** Adds problems; returns true when there were none. */
export function collect(list: ProblemList, items: ReturnType<typeof schemaProblems>): boolean {
  for (const p of items) list.add(p);
  return items.length === 0;
}

function readYaml(file: string, problems: ProblemList): YamlSource | null {
  try {
    const src = YamlSource.read(file, displayPath(file));
    if (typeof src.data !== "object" || Array.isArray(src.data)) {
      problems.add(src.problem([], "the file must hold a mapping (key: value lines) at the top level", "see docs/clause-format.md"));
      return null;
    }
    return textProblems(src, problems) ? null : src;
  } catch (err) {
    if (err instanceof UserError) {
      for (const p of err.problems) problems.add(p);
      return null;
    }
    throw err;
  }
}

/** Control characters and the like anywhere in a library file's text, each at its place; true when there were any. */
function textProblems(src: YamlSource, problems: ProblemList): boolean {
  let found = false;
  const walk = (v: unknown, at: Array<string | number>): void => {
    if (typeof v === "string") {
      const issue = libraryTextProblem(v);
      if (issue) {
        found = true;
        problems.add(src.problem(at, `${at.join(".") || "the text"} ${issue.message}`, issue.hint));
      }
    } else if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...at, i]));
    else if (v !== null && typeof v === "object") for (const [k, x] of Object.entries(v)) walk(x, [...at, k]);
  };
  walk(src.data, []);
  return found;
}

/** The interview definition at a library's root (not a clause; see docs/interview.md). */
export const INTERVIEW_FILE = "interview.yaml";

/** Every *.yaml below dir except the manifest and the interview definition, sorted; links and hidden entries are skipped. */
function clauseFiles(dir: string, problems: ProblemList): string[] {
  const out: string[] = [];
  const visit = (d: string): void => {
    for (const name of readdirSync(d).sort()) {
      if (name.startsWith(".") || name === "node_modules") continue;
      const full = path.join(d, name);
      const st = lstatSync(full);
      if (st.isSymbolicLink()) {
        problems.add({ message: "symbolic links are not followed in a clause library", file: displayPath(full), hint: "copy the file into the library instead" });
        continue;
      }
      if (!st.isDirectory() && !st.isFile()) {
        // A named pipe or a device would block the read forever.
        problems.add({ message: "not a regular file", file: displayPath(full), hint: "remove it: a clause library holds directories and regular files" });
        continue;
      }
      if (st.isDirectory()) visit(full);
      else if (/\.ya?ml$/.test(name) && full !== path.join(dir, "library.yaml") && full !== path.join(dir, INTERVIEW_FILE)) out.push(full);
      if (out.length > MAX_FILES) throw new UserError({ message: `more than ${MAX_FILES} files in the library`, file: displayPath(dir) });
    }
  };
  visit(dir);
  return out;
}

function toClause(src: YamlSource, layer: string): Clause {
  const d = src.data as Record<string, unknown>;
  return {
    ...(d as unknown as Clause),
    order: typeof d.order === "number" ? d.order : 500,
    terms: (d.terms as string[]) ?? [],
    variables: (d.variables as Record<string, VariableDecl>) ?? {},
    risks: (d.risks as Clause["risks"]) ?? [],
    changelog: (d.changelog as Clause["changelog"]) ?? [],
    sources: (d.sources as Clause["sources"]) ?? [],
    source: src,
    hash: createHash("sha256").update(src.bytes).digest("hex").slice(0, 16),
    layer,
  };
}

function checkManifest(lib: Library, problems: ProblemList): void {
  const seen = new Set<string>();
  lib.categories.forEach((c, i) => {
    if (seen.has(c.id)) problems.add(lib.manifest.problem(["categories", i, "id"], `category "${c.id}" is listed twice`));
    seen.add(c.id);
    if (c.subject) reportTemplate(lib.manifest, ["categories", i, "subject"], c.subject, CLAUSE_GLOBALS, `category ${c.id}`, problems);
  });
  for (const [name, decl] of Object.entries(lib.options)) checkVariable(lib.manifest, ["options", name], name, decl, problems);
  reportTemplate(lib.manifest, ["definitions_intro"], lib.definitionsIntro, CLAUSE_GLOBALS, "definitions_intro", problems);
}

function checkClauseShape(c: Clause, file: string, dir: string, lib: Library, problems: ProblemList): void {
  const src = c.source;
  const rel = path.relative(dir, file).replace(/\\/g, "/").replace(/\.ya?ml$/, "");
  if (rel !== c.id) problems.add(src.problem(["id"], `id "${c.id}" does not match the file's path (${rel})`, `rename the file to ${c.id}.yaml or set id: ${rel}`));
  if (c.id.split("/")[0] !== c.category) problems.add(src.problem(["category"], `category "${c.category}" does not match the id's first part "${c.id.split("/")[0]}"`));
  else if (lib.categories.length && !lib.categories.some((k) => k.id === c.category)) {
    problems.add(src.problem(["category"], `unknown category "${c.category}"`, `add it to the categories of library.yaml or of the layer's ordkit.yaml (known: ${lib.categories.map((k) => k.id).join(", ")})`));
  }
  const needs = (key: keyof Clause, why: string): void => {
    if (c[key] === undefined) problems.add(src.problem([], `a ${c.kind} clause needs "${String(key)}"`, why));
  };
  if (c.kind === "definition") {
    needs("term", "the defined term as it appears in text, e.g. term: Staging Area");
    if (c.body.length !== 1 || c.body[0]!.children) problems.add(src.problem(["body"], "a definition's body is exactly one paragraph without children"));
    else if (c.term && !c.body[0]!.text.includes(`“${c.term}”`) && !c.body[0]!.text.includes(`"${c.term}"`)) {
      problems.add(src.problem(["body", 0, "text"], `the definition does not quote its term "${c.term}"`, `begin with “${c.term}” means ...`));
    }
  }
  if (c.kind === "finding" && (c.body.length !== 1 || c.body[0]!.children)) problems.add(src.problem(["body"], "a finding's body is exactly one paragraph (one recital) without children"));
  if (c.kind === "operative" || c.kind === "boilerplate") needs("heading", "the section heading, e.g. heading: Use of property as a staging area");
  if (c.kind === "operative") needs("regulates", "say whom and where it regulates: regulates: { who: ..., where: ..., does: ... }");
  if (c.kind !== "definition" && c.term !== undefined) problems.add(src.problem(["term"], "only definition clauses declare a term", "list the definitions this clause uses under terms:", true));

  for (const [name, decl] of Object.entries(c.variables)) {
    if (CLAUSE_GLOBALS.has(name)) problems.add(src.problem(["variables", name], `variable "${name}" shadows the global of the same name`, "rename the variable", true));
    checkVariable(src, ["variables", name], name, decl, problems);
  }
  const scope: Scope = new Map([...CLAUSE_GLOBALS, ...Object.keys(c.variables).map((v) => [v, null] as const)]);
  if (c.heading) reportTemplate(src, ["heading"], c.heading, scope, c.id, problems);
  walkBody(c.body, ["body"], (p, at) => reportTemplate(src, [...at, "text"], p.text, scope, c.id, problems));
}

function walkBody(body: ParagraphSpec[], at: YamlPath, fn: (p: ParagraphSpec, at: YamlPath) => void): void {
  body.forEach((p, i) => {
    fn(p, [...at, i]);
    if (p.children) walkBody(p.children, [...at, i, "children"], fn);
  });
}

export function checkVariable(src: YamlSource, at: YamlPath, name: string, decl: VariableDecl, problems: ProblemList): void {
  const isChoice = decl.type === "choice" || decl.type === "multi-choice";
  if (isChoice && !decl.choices) problems.add(src.problem(at, `variable "${name}" is a ${decl.type} but declares no choices`, "add choices: [...]"));
  if (!isChoice && decl.choices) problems.add(src.problem([...at, "choices"], `variable "${name}" declares choices but its type is ${decl.type}`, "use type: choice or multi-choice", true));
  for (const c of Object.keys(decl.choice_risks ?? {})) {
    if (!decl.choices?.includes(c)) problems.add(src.problem([...at, "choice_risks", c], `choice_risks names "${c}", which is not among the choices of "${name}"`, `choices: ${(decl.choices ?? []).join(", ")}`, true));
  }
  if (decl.default !== undefined) {
    const why = valueProblem(decl, decl.default);
    if (why) problems.add(src.problem([...at, "default"], `default of "${name}" ${why}`));
  }
}

/** Checks a template string and reports its issues at their file positions. */
export function reportTemplate(src: YamlSource, at: YamlPath, text: string, scope: Scope, owner: string, problems: ProblemList): void {
  for (const issue of checkTemplate(text, scope)) {
    const pos = templatePosition(src, at, text, issue.line, issue.col, issue.name ?? issue.at);
    problems.add({
      message: `${owner}: ${issue.message}`,
      file: src.file,
      ...pos,
      hint: issue.hint ?? (issue.name ? nameHint(issue.name, scope) : "check the {{ }} expressions"),
    });
  }
}

function nameHint(name: string, scope: Scope): string {
  const [head, sub] = name.split(".");
  const keys = head ? scope.get(head) : undefined;
  if (keys && sub !== undefined) return `${head} has: ${[...keys].join(", ")}`;
  const names = [...scope.keys()].filter((k) => k !== "this");
  const close = names.filter((n) => similar(n, head ?? name));
  return close.length ? `did you mean ${close.map((c) => `"${c}"`).join(" or ")}? Declare new names under variables:` : `declare it under variables:, or use one of: ${names.join(", ")}`;
}

function similar(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 2) return false;
  let same = 0;
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] === b[i]) same++;
  return same >= Math.min(a.length, b.length) - 2 || a.includes(b) || b.includes(a);
}

/** Maps a position inside a template string to the file's line and column. */
export function templatePosition(src: YamlSource, at: YamlPath, text: string, line: number, col: number, name?: string): { line: number; col: number; snippet: string } {
  const raw = src.scalarSource(at);
  if (!raw) return src.locate(at);
  let offset = raw.start;
  if (name) {
    const lines = text.split("\n");
    const index = lines.slice(0, line - 1).reduce((n, l) => n + l.length + 1, 0) + (col - 1);
    const before = countOccurrences(text.slice(0, index), name);
    let from = 0;
    for (let k = 0; k <= before; k++) {
      const hit = raw.raw.indexOf(name, from);
      if (hit === -1) break;
      offset = raw.start + hit;
      from = hit + name.length;
    }
  } else {
    const isBlock = /^[|>]/.test(raw.raw);
    const nl = isBlock ? nthIndex(raw.raw, "\n", line) : -1;
    offset = raw.start + (nl >= 0 ? nl + 1 : 0);
  }
  return src.position(offset);
}

function countOccurrences(s: string, needle: string): number {
  let n = 0;
  for (let i = s.indexOf(needle); i !== -1; i = s.indexOf(needle, i + needle.length)) n++;
  return n;
}

function nthIndex(s: string, needle: string, n: number): number {
  let i = -1;
  for (let k = 0; k < n; k++) {
    i = s.indexOf(needle, i + 1);
    if (i === -1) return -1;
  }
  return i;
}

function checkReferences(c: Clause, lib: Library, problems: ProblemList): void {
  const src = c.source;
  c.terms.forEach((t, i) => {
    if (lib.unreadable.has(`definitions/${t}`)) return; // its own file's problems are reported
    const def = lib.clauses.get(`definitions/${t}`);
    const disabledBy = lib.disabled.get(`definitions/${t}`);
    if (disabledBy) problems.add(src.problem(["terms", i], `term "${t}" is defined by definitions/${t}, which layer ${disabledBy} disables`, `remove definitions/${t} from that layer's disable: list, or disable ${c.id} too`));
    else if (!def || def.kind !== "definition") problems.add(src.problem(["terms", i], `unknown term "${t}": there is no definition clause definitions/${t}`, "add clauses/definitions/" + t + ".yaml or remove it from terms"));
  });
  if (c.replaced_by && !lib.clauses.has(c.replaced_by) && !lib.unreadable.has(c.replaced_by)) problems.add(src.problem(["replaced_by"], `replaced_by names an unknown clause "${c.replaced_by}"`));
  if (c.when) checkCondition(c.when, ["when"], src, lib, problems);
  walkBody(c.body, ["body"], (p, at) => {
    if (p.when) checkCondition(p.when, [...at, "when"], src, lib, problems);
  });
}

function checkCondition(cond: Condition, at: YamlPath, src: YamlSource, lib: Library, problems: ProblemList): void {
  if ("all" in cond) return cond.all.forEach((c, i) => checkCondition(c, [...at, "all", i], src, lib, problems));
  if ("any" in cond) return cond.any.forEach((c, i) => checkCondition(c, [...at, "any", i], src, lib, problems));
  if ("not" in cond) return checkCondition(cond.not, [...at, "not"], src, lib, problems);
  const why = unknownAnswer(cond.answer, lib);
  if (why) problems.add(src.problem([...at, "answer"], `condition refers to an unknown answer "${cond.answer}"`, why));
  if (why) return;
  for (const issue of conditionIssues(cond, lib)) problems.add(src.problem([...at, ...issue.at], issue.message, issue.hint));
}

/** Why a dotted answers path is unknown, or null when it names a real answer. */
export function unknownAnswer(p: string, lib: Library): string | null {
  const parts = p.split(".");
  const [head, a, b] = parts;
  if ((ANSWER_FIELDS as readonly string[]).includes(head!)) return parts.length === 1 ? null : `${head} has no sub-fields`;
  if (head === "jurisdiction") return (JURISDICTION_KEYS as readonly string[]).includes(a ?? "") ? null : `jurisdiction has: ${JURISDICTION_KEYS.join(", ")}`;
  // existing.code (the chapter an ordinance amends) may be tested, not rendered.
  if (head === "existing") return (EXISTING_KEYS as readonly string[]).includes(a ?? "") || (a === "code" && parts.length === 2) ? null : `existing has: ${EXISTING_KEYS.join(", ")}, code`;
  if (head === "options") return a && Object.hasOwn(lib.options, a) ? null : `declare the option in library.yaml (known: ${Object.keys(lib.options).join(", ") || "none"})`;
  if (head === "variables") {
    // variables.<category>/<name>.<var>: the clause id contains a slash, not a dot.
    const clause = a ? lib.clauses.get(a) : undefined;
    if (!clause) return `no clause "${a ?? ""}"`;
    return b && Object.hasOwn(clause.variables, b) ? null : `clause ${a} declares: ${Object.keys(clause.variables).join(", ") || "no variables"}`;
  }
  return `answers have: ${[...ANSWER_FIELDS, "jurisdiction.*", "existing.*", "options.*", "variables.<clause id>.*"].join(", ")}`;
}
