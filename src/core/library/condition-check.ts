// Conditions (`when`) that can never hold: a value no answer can take
// (`equals: ordnance`, an option value outside its choices, a module that is
// not a category). Such a clause would silently never appear in a draft.
import { INSTRUMENTS } from "../draft.js";
import { didYouMean } from "../nearest.js";
import type { Condition, Library, VariableDecl } from "./types.js";

/** What values an answer can take; null when anything goes (free text). */
type Domain = { kind: "choice"; values: readonly string[]; list: boolean } | { kind: "boolean" } | { kind: "number" } | { kind: "text" };

const JURISDICTION_KINDS = ["city", "county", "town", "village", "borough"] as const;

function declDomain(decl: VariableDecl): Domain {
  switch (decl.type) {
    case "choice":
      return { kind: "choice", values: decl.choices ?? [], list: false };
    case "multi-choice":
      return { kind: "choice", values: decl.choices ?? [], list: true };
    case "boolean":
      return { kind: "boolean" };
    case "integer":
    case "number":
      return { kind: "number" };
    default:
      return { kind: "text" };
  }
}

export function answerDomain(answer: string, lib: Library): Domain | null {
  const [head, a, b] = answer.split(".");
  if (head === "instrument") return { kind: "choice", values: INSTRUMENTS, list: false };
  if (head === "modules") return { kind: "choice", values: lib.categories.map((k) => k.id), list: true };
  if (head === "jurisdiction" && a === "kind") return { kind: "choice", values: JURISDICTION_KINDS, list: false };
  if (head === "existing" && a === "agreement_287g") return { kind: "boolean" };
  if (head === "options" && a && Object.hasOwn(lib.options, a)) return declDomain(lib.options[a]!);
  if (head === "variables" && a && b) {
    const decl = lib.clauses.get(a)?.variables[b];
    if (decl) return declDomain(decl);
  }
  return null;
}

export interface ConditionIssue {
  /** The key under the condition the issue is at (equals, in, includes) and the index in `in`. */
  at: Array<string | number>;
  message: string;
  hint: string;
}

/** Why a leaf condition can never hold, or nothing. */
export function conditionIssues(cond: Extract<Condition, { answer: string }>, lib: Library): ConditionIssue[] {
  const domain = answerDomain(cond.answer, lib);
  if (!domain) return [];
  const issues: ConditionIssue[] = [];
  const check = (value: unknown, at: Array<string | number>, asElement: boolean): void => {
    const why = valueIssue(cond.answer, domain, value, asElement);
    if (why) issues.push({ at, ...why });
  };
  if (cond.equals !== undefined) {
    if (domain.kind === "choice" && domain.list) issues.push({ at: ["equals"], message: `${cond.answer} is a list, so it never equals one value`, hint: `use includes: ${JSON.stringify(cond.equals)}` });
    else check(cond.equals, ["equals"], false);
  }
  if (cond.in !== undefined) {
    if (domain.kind === "choice" && domain.list) issues.push({ at: ["in"], message: `${cond.answer} is a list, so it is never one of the values in "in"`, hint: "use any: with one includes: per value" });
    else cond.in.forEach((v, i) => check(v, ["in", i], false));
  }
  if (cond.includes !== undefined) {
    if (!(domain.kind === "choice" && domain.list)) issues.push({ at: ["includes"], message: `${cond.answer} is not a list, so it never includes a value`, hint: `use equals: ${JSON.stringify(cond.includes)}` });
    else check(cond.includes, ["includes"], true);
  }
  return issues;
}

function valueIssue(answer: string, domain: Domain, value: unknown, asElement: boolean): { message: string; hint: string } | null {
  const shown = JSON.stringify(value);
  switch (domain.kind) {
    case "choice": {
      if (typeof value === "string" && domain.values.includes(value)) return null;
      if (domain.values.length === 0) return null; // a declaration without choices is reported on its own
      const what = answer === "modules" ? "a category of this library" : asElement || !domain.list ? `one of the choices of ${answer}` : "a choice";
      return { message: `${shown} is not ${what}, so the condition never holds`, hint: didYouMean(String(value), domain.values, `the choices are: ${domain.values.join(", ")}`) };
    }
    case "boolean":
      return typeof value === "boolean" ? null : { message: `${answer} is true or false, never ${shown}, so the condition never holds`, hint: "use equals: true or equals: false (unquoted)" };
    case "number":
      return typeof value === "number" ? null : { message: `${answer} is a number, never ${shown}, so the condition never holds`, hint: "write the number unquoted" };
    case "text":
      return typeof value === "string" ? null : { message: `${answer} is text, never ${shown}, so the condition never holds`, hint: `quote the value: "${String(value)}"` };
  }
}
