// The body of `ordkit validate`, loaded only when the command runs.
import path from "node:path";
import { formatProblem, UserError, type Problem } from "../core/errors.js";
import { displayPath } from "../core/paths.js";
import { validateLibrary, type ValidationReport } from "../core/validate.js";
import { librarySpec, templatesDir } from "./library-flags.js";
import { resolveFormat } from "../writers/formats.js";
import type { ValidateFlags } from "./validate.js";

export async function runValidate(dir: string | undefined, flags: ValidateFlags): Promise<number> {
  if (dir && flags.library?.length) throw new UserError({ message: "give the library either as DIR or with --library, not both", hint: "ordkit validate DIR" }, "usage");
  const spec = dir ? [path.resolve(dir)] : librarySpec(flags);
  const { RULE_IDS } = await import("../core/risk/rule-ids.generated.js");
  const report: ValidationReport = validateLibrary(spec, RULE_IDS, templatesDir(flags));
  if (resolveFormat("validate", { format: flags.format }, "text").name === "json") {
    process.stdout.write(`${JSON.stringify(validationJson(report), null, 2)}\n`);
  } else {
    const { chalkFor } = await import("./color.js");
    const chalk = await chalkFor(process.stdout);
    process.stdout.write(validationText(report, chalk));
  }
  return report.problems.length ? 1 : 0;
}

/** The JSON report (documented in docs/customizing.md); stable key order. */
export function validationJson(r: ValidationReport): object {
  return {
    ok: r.problems.length === 0,
    layers: r.layers.map((l) => ({ name: l.name, version: l.version, kind: l.kind, file: displayPath(l.file) })),
    clauses: r.clauses,
    problems: r.problems.map((p: Problem) => ({
      file: p.file ?? null,
      line: p.line ?? null,
      col: p.col ?? null,
      message: p.message,
      snippet: p.snippet ?? null,
      hint: p.hint ?? null,
    })),
  };
}

type Chalk = import("chalk").ChalkInstance;

function validationText(r: ValidationReport, chalk: Chalk | null): string {
  const stack = r.layers.map((l) => `${l.name} ${l.version}`).join(" < ");
  const head = `${stack || "library"}: ${r.clauses} clauses, ${r.templates.length} instrument templates\n`;
  if (r.problems.length === 0) return `${head}${chalk ? chalk.green("no problems") : "no problems"}\n`;
  const files = new Set(r.problems.map((p) => p.file ?? "")).size;
  const body = r.problems.map((p) => formatProblem(p)).join("\n\n");
  const n = r.problems.length;
  const tail = `${n} problem${n === 1 ? "" : "s"} in ${files} file${files === 1 ? "" : "s"}`;
  return `${head}\n${body}\n\n${chalk ? chalk.red.bold(tail) : tail}\n`;
}
