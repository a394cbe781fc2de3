// Answers files: reading, checking against the library, and filling defaults.
import { createHash } from "node:crypto";
import { ProblemList, UserError } from "../errors.js";
import { displayPath } from "../paths.js";
import { YamlSource } from "../shared/yaml-source.js";
import { schemaProblems } from "../shared/schema.js";
import { valueProblem } from "../library/values.js";
import { dateProblem, textProblem, trimText } from "../text/answer-text.js";
import type { Instrument, JurisdictionKind } from "../draft.js";
import type { Library } from "../shared/library-types.js";

export interface Answers {
  answers_version: 1;
  date?: string;
  instrument: Instrument;
  number?: string | null;
  title?: string | null;
  sponsor?: string | null;
  authority?: string | null;
  jurisdiction: {
    name: string;
    kind: JurisdictionKind;
    state: string;
    legislative_body: string;
    executive_title: string;
    executive_name?: string | null;
    clerk_title?: string | null;
  };
  modules: string[];
  options: Record<string, unknown>;
  existing: Record<string, unknown>;
  variables: Record<string, Record<string, unknown>>;
}

export interface LoadedAnswers {
  answers: Answers;
  source: YamlSource;
  /** sha256 of the file's bytes, 16 hex digits. */
  hash: string;
}

export function readAnswersFile(file: string): LoadedAnswers {
  const src = YamlSource.read(file, displayPath(file));
  return checkAnswers(src);
}

/** Schema check, then checks against the library; every problem at once. */
export function checkAnswers(src: YamlSource, library?: Library): LoadedAnswers {
  if (typeof src.data !== "object" || src.data === null || Array.isArray(src.data)) {
    throw new UserError(src.problem([], "an answers file must hold a mapping (key: value lines) at the top level", "see docs/answers-format.md or examples/"));
  }
  const problems = new ProblemList();
  for (const p of schemaProblems(src, "answers")) problems.add(p);
  problems.throwIfAny();
  checkTexts(src, problems);
  const raw = trimmed(src.data) as Partial<Answers>;
  const answers: Answers = {
    ...(raw as Answers),
    modules: raw.modules ?? [],
    options: raw.options ?? {},
    existing: raw.existing ?? {},
    variables: raw.variables ?? {},
  };
  if (library) checkAgainstLibrary(src, answers, library, problems);
  problems.throwIfAny();
  return { answers, source: src, hash: createHash("sha256").update(src.bytes).digest("hex").slice(0, 16) };
}

/**
 * Every text answer outside options and variables (which are checked by their
 * declared types): no blank, no line break, no control character, and a
 * calendar date. A line break in a name would otherwise end a line of the
 * template protocol, and a blank would leave a gap in a law.
 */
function checkTexts(src: YamlSource, problems: ProblemList): void {
  const walk = (value: unknown, path: Array<string | number>): void => {
    if (typeof value === "string") {
      if (path.length === 1 && path[0] === "date") {
        const why = dateProblem(value);
        if (why) problems.add(src.problem(path, `date: ${why}`, "write a day of the calendar, e.g. \"2026-04-01\""));
        return;
      }
      const issue = textProblem(value);
      if (issue) problems.add(src.problem(path, `${path.join(".")} ${issue.message}`, issue.hint));
    } else if (Array.isArray(value)) value.forEach((v, i) => walk(v, [...path, i]));
    else if (value !== null && typeof value === "object") {
      for (const [k, v] of Object.entries(value)) if (path.length > 0 || (k !== "options" && k !== "variables")) walk(v, [...path, k]);
    }
  };
  walk(src.data, []);
}

/** A copy with every string's edges trimmed (spaces, NBSP, U+3000, zero-width space). */
function trimmed(value: unknown): unknown {
  if (typeof value === "string") return trimText(value);
  if (Array.isArray(value)) return value.map(trimmed);
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    // defineProperty: a "__proto__" key stays a key (and is refused as unknown), never a prototype.
    for (const [k, v] of Object.entries(value)) Object.defineProperty(out, k, { value: trimmed(v), enumerable: true, writable: true, configurable: true });
    return out;
  }
  return value;
}

function checkAgainstLibrary(src: YamlSource, a: Answers, lib: Library, problems: ProblemList): void {
  const categories = lib.categories.map((c) => c.id);
  a.modules.forEach((m, i) => {
    if (!categories.includes(m)) problems.add(src.problem(["modules", i], `unknown module "${m}"`, `modules are the library's categories: ${categories.join(", ")}`));
  });
  for (const [name, value] of Object.entries(a.options)) {
    const decl = Object.hasOwn(lib.options, name) ? lib.options[name] : undefined; // not Object.prototype.constructor
    if (!decl) {
      problems.add(src.problem(["options", name], `unknown option "${name}"`, `the library declares: ${Object.keys(lib.options).join(", ") || "no options"}`, true));
      continue;
    }
    const why = valueProblem(decl, value);
    if (why) problems.add(src.problem(["options", name], `option ${name} ${why}`));
  }
  for (const [clauseId, values] of Object.entries(a.variables)) {
    const clause = lib.clauses.get(clauseId);
    if (!clause) {
      problems.add(src.problem(["variables", clauseId], `unknown clause "${clauseId}"`, "variables are given by clause id, e.g. property-use/staging-ban; `ordkit clauses list` shows them", true));
      continue;
    }
    if (typeof values !== "object" || values === null || Array.isArray(values)) {
      problems.add(src.problem(["variables", clauseId], `variables for ${clauseId} must be a mapping of name: value`));
      continue;
    }
    for (const [name, value] of Object.entries(values)) {
      const decl = Object.hasOwn(clause.variables, name) ? clause.variables[name] : undefined;
      if (!decl) {
        problems.add(src.problem(["variables", clauseId, name], `clause ${clauseId} has no variable "${name}"`, `it declares: ${Object.keys(clause.variables).join(", ") || "no variables"}`, true));
        continue;
      }
      const why = valueProblem(decl, value);
      if (why) problems.add(src.problem(["variables", clauseId, name], `${clauseId}: ${name} ${why}`, decl.prompt));
    }
  }
}

/** Options with the library's defaults filled in. */
export function resolvedOptions(a: Answers, lib: Library): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, decl] of Object.entries(lib.options)) {
    if (name in a.options) out[name] = a.options[name];
    else if (decl.default !== undefined) out[name] = decl.default;
  }
  return out;
}

/**
 * Clause variables as conditions see them: each declared default, then the
 * answers' values on top (a default "is used when the answers give no value").
 */
export function resolvedVariables(given: Record<string, unknown> | undefined, lib: Library): Record<string, Record<string, unknown>> {
  const out: Record<string, Record<string, unknown>> = {};
  for (const c of lib.clauses.values()) {
    const defaults: Record<string, unknown> = {};
    for (const [name, decl] of Object.entries(c.variables)) if (decl.default !== undefined) defaults[name] = decl.default;
    const mine = given?.[c.id];
    const values = { ...defaults, ...(mine && typeof mine === "object" ? (mine as Record<string, unknown>) : {}) };
    if (Object.keys(values).length) out[c.id] = values;
  }
  return out;
}
