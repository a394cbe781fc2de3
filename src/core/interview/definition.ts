// The interview definition: the questions `ordkit draft` asks that are not
// clause variables (jurisdiction, instrument, existing rules), where the
// questions generated from the library go, and the state table.
// Read from <library>/interview.yaml, else from ordkit's own clauses/.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import type { ErrorObject } from "ajv";
import { ProblemList } from "../errors.js";
import { DEFAULT_LIBRARY_DIR, SCHEMA_DIR, displayPath } from "../paths.js";
import { YamlSource } from "../library/yaml-source.js";
import { INTERVIEW_FILE, unknownAnswer } from "../library/load.js";
import { valueProblem } from "../library/values.js";
import { conditionIssues } from "../library/condition-check.js";
import { schemaValidator } from "../library/schema.js";
import type { Condition, Library, VariableDecl } from "../library/types.js";
import type { Offices } from "./offices.js";

export interface QuestionDef extends VariableDecl {
  /** The answers path it fills, e.g. jurisdiction.state. */
  answer: string;
  group: string;
  when?: Condition;
  /** false: may be left blank (saved as null). Default true. */
  required?: boolean;
  default_from?: "today" | "state-law" | "name-kind" | "office-body" | "office-executive" | "office-clerk";
  check?: "state";
  /** A list of text answers, asked one at a time. */
  many?: boolean;
}

export type Include = "modules" | "options" | "variables";
export type Entry = QuestionDef | { include: Include };

export interface InterviewDefinition {
  groups: Record<string, string>;
  entries: Entry[];
  modules: {
    group: string;
    prompt: string;
    help: string;
    transparency: string[];
    barred_note?: string;
    unknown_note?: string;
  };
  /** Usual names of the body, executive and clerk by kind and state (offered, never assumed). */
  offices?: Offices;
  source: YamlSource;
}

/** The answers paths a definition's question may fill (read from the answers schema). */
export function answerablePaths(): string[] {
  const schema = JSON.parse(readFileSync(path.join(SCHEMA_DIR, "answers.schema.json"), "utf8")) as {
    properties: Record<string, { properties?: Record<string, unknown> }>;
  };
  const out: string[] = [];
  for (const [key, sub] of Object.entries(schema.properties)) {
    if (["answers_version", "modules", "options", "variables"].includes(key)) continue;
    if (sub.properties) for (const k of Object.keys(sub.properties)) out.push(`${key}.${k}`);
    else out.push(key);
  }
  return out;
}

/** The interview file used for a library: its own, else ordkit's default. */
export function interviewFile(libraryDir: string): string {
  const own = path.join(libraryDir, INTERVIEW_FILE);
  return existsSync(own) ? own : path.join(DEFAULT_LIBRARY_DIR, INTERVIEW_FILE);
}

export function loadInterview(lib: Library): InterviewDefinition {
  const file = interviewFile(lib.dir);
  const src = YamlSource.read(file, displayPath(file));
  const problems = new ProblemList();
  if (typeof src.data !== "object" || src.data === null || Array.isArray(src.data)) {
    problems.add(src.problem([], "an interview definition must hold a mapping at the top level", "see docs/interview.md"));
    problems.throwIfAny();
  }
  const validate = schemaValidator("interview");
  if (!validate(src.data)) {
    for (const e of validate.errors ?? []) problems.add(schemaProblem(src, e));
    problems.throwIfAny();
  }
  const d = src.data as Record<string, unknown>;
  const def: InterviewDefinition = {
    groups: d.groups as Record<string, string>,
    entries: d.questions as Entry[],
    modules: { transparency: [], ...(d.modules as Omit<InterviewDefinition["modules"], "transparency">) },
    ...(d.offices ? { offices: d.offices as Offices } : {}),
    source: src,
  };
  checkDefinition(def, lib, problems, path.resolve(file) === path.resolve(lib.dir, INTERVIEW_FILE));
  problems.throwIfAny();
  return def;
}

/** ownFile: the library's own interview.yaml (ordkit's default one may name categories another library lacks). */
function checkDefinition(def: InterviewDefinition, lib: Library, problems: ProblemList, ownFile: boolean): void {
  const src = def.source;
  const allowed = answerablePaths();
  const includes = new Set<string>();
  def.entries.forEach((e, i) => {
    if ("include" in e) {
      if (includes.has(e.include)) problems.add(src.problem(["questions", i], `{ include: ${e.include} } appears twice`));
      includes.add(e.include);
      return;
    }
    if (!allowed.includes(e.answer)) problems.add(src.problem(["questions", i, "answer"], `"${e.answer}" is not an answer the interview can ask`, `one of: ${allowed.join(", ")} (modules, options and variables come from the library)`));
    if (!(e.group in def.groups)) problems.add(src.problem(["questions", i, "group"], `unknown group "${e.group}"`, `groups: ${Object.keys(def.groups).join(", ")}`));
    const isChoice = e.type === "choice" || e.type === "multi-choice";
    if (isChoice !== Boolean(e.choices)) problems.add(src.problem(["questions", i, "type"], isChoice ? `a ${e.type} question needs choices` : `choices need type choice or multi-choice`));
    if (e.default !== undefined) {
      const why = valueProblem(e, e.default);
      if (why) problems.add(src.problem(["questions", i, "default"], `default of ${e.answer} ${why}`));
    }
    if (e.when) checkCondition(e.when, ["questions", i, "when"], def, lib, problems, ownFile);
  });
  if (!(def.modules.group in def.groups)) problems.add(src.problem(["modules", "group"], `unknown group "${def.modules.group}"`));
  def.modules.transparency.forEach((m, i) => {
    if (ownFile && !lib.categories.some((c) => c.id === m)) problems.add(src.problem(["modules", "transparency", i], `"${m}" is not a category of the library`, `categories: ${lib.categories.map((c) => c.id).join(", ")}`));
  });
}

function checkCondition(c: Condition, at: Array<string | number>, def: InterviewDefinition, lib: Library, problems: ProblemList, ownFile: boolean): void {
  if ("all" in c) return c.all.forEach((x, i) => checkCondition(x, [...at, "all", i], def, lib, problems, ownFile));
  if ("any" in c) return c.any.forEach((x, i) => checkCondition(x, [...at, "any", i], def, lib, problems, ownFile));
  if ("not" in c) return checkCondition(c.not, [...at, "not"], def, lib, problems, ownFile);
  const why = unknownAnswer(c.answer, lib);
  if (why) problems.add(def.source.problem([...at, "answer"], `condition refers to an unknown answer "${c.answer}"`, why));
  // ordkit's own interview names its categories; a library using it without them simply never asks those questions.
  else if (ownFile || c.answer !== "modules") for (const issue of conditionIssues(c, lib)) problems.add(def.source.problem([...at, ...issue.at], issue.message, issue.hint));
}

function schemaProblem(src: YamlSource, e: ErrorObject): ReturnType<YamlSource["problem"]> {
  const at = e.instancePath ? e.instancePath.slice(1).split("/").map((s) => (/^\d+$/.test(s) ? Number(s) : s.replace(/~1/g, "/").replace(/~0/g, "~"))) : [];
  const where = at.length ? at.join(".") : "the file";
  const params = e.params as Record<string, unknown>;
  if (e.keyword === "additionalProperties") return src.problem([...at, String(params.additionalProperty)], `unknown key "${String(params.additionalProperty)}" in ${where}`, "see docs/interview.md", true);
  if (e.keyword === "required") return src.problem(at, `${where} is missing the required key "${String(params.missingProperty)}"`);
  if (e.keyword === "enum") return src.problem(at, `${where} must be one of: ${(params.allowedValues as unknown[]).map(String).join(", ")}`);
  return src.problem(at, `${where} ${e.message ?? "is invalid"}`, "see docs/interview.md");
}
