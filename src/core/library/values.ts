// Checking a value against its declared variable type (defaults and answers).
import type { VariableDecl } from "../shared/library-types.js";
import { dateProblem, textProblem } from "../text/answer-text.js";

/** Returns why the value does not fit the declaration, or null when it does. */
export function valueProblem(decl: VariableDecl, value: unknown): string | null {
  switch (decl.type) {
    case "string":
    case "text": {
      if (typeof value !== "string") return `expected text, got ${describe(value)}`;
      const issue = textProblem(value);
      if (issue) return `${issue.message}; ${issue.hint}`;
      if (decl.max_length !== undefined && value.length > decl.max_length) return `is longer than ${decl.max_length} characters`;
      if (decl.pattern !== undefined) {
        let re: RegExp;
        try {
          re = new RegExp(decl.pattern, "u");
        } catch {
          return "its declared pattern is not a valid regular expression";
        }
        if (!re.test(value)) return decl.pattern_hint ? `should be ${decl.pattern_hint}` : "is not in the form this answer needs (see its prompt)";
      }
      return null;
    }
    case "integer":
    case "number": {
      if (typeof value !== "number" || !Number.isFinite(value)) return `expected a number, got ${describe(value)}`;
      if (decl.type === "integer" && !Number.isInteger(value)) return `expected a whole number, got ${value}`;
      if (decl.min !== undefined && value < decl.min) return `must be at least ${decl.min}`;
      if (decl.max !== undefined && value > decl.max) return `must be at most ${decl.max}`;
      return null;
    }
    case "boolean":
      return typeof value === "boolean" ? null : `expected true or false, got ${describe(value)}`;
    case "date":
      return dateProblem(value);
    case "choice":
      if (!decl.choices) return "a choice variable must declare choices";
      return typeof value === "string" && decl.choices.includes(value) ? null : `must be one of: ${decl.choices.join("; ")} (got ${describe(value)})`;
    case "multi-choice": {
      if (!decl.choices) return "a multi-choice variable must declare choices";
      if (!Array.isArray(value)) return `expected a list, got ${describe(value)}`;
      const bad = value.filter((v) => typeof v !== "string" || !decl.choices!.includes(v));
      if (bad.length) return `${bad.map((b) => describe(b)).join(", ")} ${bad.length === 1 ? "is" : "are"} not among the choices: ${decl.choices.join("; ")}`;
      if (new Set(value).size !== value.length) return "lists the same choice twice";
      if (decl.min_items !== undefined && value.length < decl.min_items) return `needs at least ${decl.min_items} choice(s)`;
      if (decl.max_items !== undefined && value.length > decl.max_items) return `allows at most ${decl.max_items} choice(s)`;
      return null;
    }
  }
}

function describe(v: unknown): string {
  if (v === null) return "nothing (null)";
  if (Array.isArray(v)) return "a list";
  if (typeof v === "object") return "a mapping";
  const s = JSON.stringify(v);
  return s.length > 60 ? s.slice(0, 57) + "…\"" : s;
}
