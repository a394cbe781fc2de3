// A partial answers file (what the interview starts from): checked like a full
// one except that required keys may be missing, so every bad value is still
// reported with its line and column before anything is asked.
import { ProblemList, UserError } from "../errors.js";
import { displayPath } from "../paths.js";
import { YamlSource } from "../library/yaml-source.js";
import { schemaProblems } from "../library/schema.js";
import { valueProblem } from "../library/values.js";
import type { Library } from "../library/types.js";
import type { PartialAnswers } from "./questions.js";

/** The schema's message for a missing required key (src/core/library/schema.ts). */
const MISSING_KEY = / is missing the required key "/;

export function readPartialAnswers(file: string, lib: Library): { answers: PartialAnswers; source: YamlSource } {
  return checkPartialAnswers(YamlSource.read(file, displayPath(file)), lib);
}

/** The same checks for answers already parsed (a batch row merged over shared answers). */
const UNKNOWN_STATE = /^unknown state or territory code/;

export function checkPartialAnswers(src: YamlSource, lib: Library): { answers: PartialAnswers; source: YamlSource } {
  if (typeof src.data !== "object" || src.data === null || Array.isArray(src.data)) {
    throw new UserError(src.problem([], "an answers file must hold a mapping (key: value lines) at the top level", "see docs/answers-format.md or examples/"));
  }
  const problems = new ProblemList();
  const found = schemaProblems(src, "answers").filter((p) => !MISSING_KEY.test(p.message));
  for (const p of found) problems.add(p);
  // An unknown state breaks none of the checks below: report it with their problems.
  if (found.some((p) => !UNKNOWN_STATE.test(p.message))) problems.throwIfAny();
  const a = src.data as PartialAnswers;
  const categories = lib.categories.map((c) => c.id);
  ((a.modules as unknown[] | undefined) ?? []).forEach((m, i) => {
    if (!categories.includes(String(m))) problems.add(src.problem(["modules", i], `unknown module "${String(m)}"`, `modules are the library's categories: ${categories.join(", ")}`));
  });
  for (const [name, value] of Object.entries((a.options as Record<string, unknown> | undefined) ?? {})) {
    const decl = Object.hasOwn(lib.options, name) ? lib.options[name] : undefined; // not Object.prototype.constructor
    const why = decl ? valueProblem(decl, value) : `is not declared by the library (it declares: ${Object.keys(lib.options).join(", ") || "none"})`;
    if (why) problems.add(src.problem(["options", name], `option ${name} ${why}`));
  }
  for (const [clauseId, values] of Object.entries((a.variables as Record<string, Record<string, unknown>> | undefined) ?? {})) {
    const clause = lib.clauses.get(clauseId);
    if (!clause) {
      problems.add(src.problem(["variables", clauseId], `unknown clause "${clauseId}"`, "variables are given by clause id, e.g. property-use/staging-ban", true));
      continue;
    }
    for (const [name, value] of Object.entries(values)) {
      const decl = Object.hasOwn(clause.variables, name) ? clause.variables[name] : undefined;
      const why = decl ? valueProblem(decl, value) : `is not a variable of ${clauseId} (it declares: ${Object.keys(clause.variables).join(", ") || "none"})`;
      if (why) problems.add(src.problem(["variables", clauseId, name], `${clauseId}: ${name} ${why}`));
    }
  }
  problems.throwIfAny();
  return { answers: a, source: src };
}
