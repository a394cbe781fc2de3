// CSV columns: which answers paths a column may name, and turning a cell's
// text into the typed value the answer declares (integers, booleans, lists).
import { answerablePaths, type InterviewDefinition } from "../interview/definition.js";
import type { Library, VariableType } from "../shared/library-types.js";

export type ColumnType = VariableType | "list";

/** Why a column cannot be an answers path, or null when it can. */
export function columnProblem(path: readonly string[], lib: Library): { message: string; hint: string } | null {
  const dotted = path.join(".");
  const hint = "columns are answers paths such as jurisdiction.name, instrument, modules, options.<name>, variables.<clause-id>.<name> (docs/batch.md)";
  if (path.some((p) => p === "")) return { message: `"${dotted}" is not an answers path (an empty part)`, hint };
  const [head, a, b, ...rest] = path;
  if (head === "options") {
    if (a !== undefined && b === undefined && Object.hasOwn(lib.options, a)) return null;
    return { message: `"${dotted}" is not an option of the library`, hint: `the library's options: ${Object.keys(lib.options).map((o) => `options.${o}`).join(", ") || "none"}` };
  }
  if (head === "variables") {
    const clause = a === undefined ? undefined : lib.clauses.get(a);
    if (!clause) return { message: `"${dotted}" names no clause of the library`, hint: "write variables.<clause-id>.<name>, e.g. variables.public-records/foia-cadence.interval_days" };
    if (b === undefined || rest.length > 0 || !Object.hasOwn(clause.variables, b)) {
      return { message: `clause ${clause.id} has no variable "${[b, ...rest].filter((x) => x !== undefined).join(".")}"`, hint: `it declares: ${Object.keys(clause.variables).join(", ") || "no variables"}` };
    }
    return null;
  }
  if (["answers_version", "modules", ...answerablePaths()].includes(dotted)) return null;
  return { message: `"${dotted}" is not an answer ordkit knows`, hint };
}

/** The declared type of the answer at path, or null when nothing declares it (kept as text). */
export function columnType(path: readonly string[], lib: Library, def: InterviewDefinition): ColumnType | null {
  const [head, a, b] = path;
  if (head === "modules" && path.length === 1) return "list";
  if (head === "answers_version" && path.length === 1) return "integer";
  if (head === "options" && a !== undefined && path.length === 2) return lib.options[a]?.type ?? null;
  if (head === "variables" && a !== undefined && b !== undefined && path.length === 3) return lib.clauses.get(a)?.variables[b]?.type ?? null;
  const dotted = path.join(".");
  for (const e of def.entries) if ("answer" in e && e.answer === dotted) return e.type;
  return null;
}

/**
 * The typed value of a cell, or undefined for an empty cell (which leaves the
 * shared answer alone). Text that does not read as the declared type is kept
 * as text, so that checking the answers reports it at the cell.
 */
export function cellValue(text: string, quoted: boolean, type: ColumnType | null): unknown {
  // Only an empty cell (or, unquoted, one of plain spaces) is "no value"; any other text, blank-looking
  // or not, is a value, and the answers check refuses one that shows nothing.
  const t = quoted ? text : text.replace(/^[ \t]+|[ \t]+$/g, "");
  if (t === "") return undefined;
  switch (type) {
    case "list":
    case "multi-choice":
      return t.split(/[;|]/).map((s) => s.trim()).filter((s) => s !== "");
    case "integer":
    case "number":
      return /^[+-]?(\d+\.?\d*|\.\d+)$/.test(t.trim()) ? Number(t.trim()) : t;
    case "boolean": {
      const l = t.trim().toLowerCase();
      if (l === "true" || l === "yes") return true;
      if (l === "false" || l === "no") return false;
      return t;
    }
    default:
      return t;
  }
}
