// The body of `ordkit diff`, loaded only when the command runs.
import { UserError } from "../core/errors.js";
import { displayPath } from "../core/paths.js";
import { librarySpec, templatesDir } from "./library-flags.js";
import { checkOutput, writeAtomic } from "../core/io/output.js";
import { hasDifferences, type DiffResult } from "../core/diff/model.js";
import type { DiffFlags } from "./diff.js";
import { resolveFormat as pickFormat } from "../writers/formats.js";

import type { DiffFormat } from "../writers/diff-report.js";

export async function runDiff(oldArg: string | undefined, newArg: string | undefined, flags: DiffFlags): Promise<void> {
  const format = resolveFormat(flags);
  if (format === "docx" && !flags.out) {
    throw new UserError({ message: "docx output needs --out FILE", hint: "e.g. --out redline.docx, or use --format md" }, "usage");
  }
  const inputs = [oldArg, newArg].filter((x): x is string => !!x);
  if (flags.out) checkOutput(flags.out, { force: flags.force ?? false, inputs });

  const { runComparison } = await import("../core/diff/inputs.js");
  const result = await runComparison({
    ...(oldArg ? { old: oldArg } : {}),
    ...(newArg ? { new: newArg } : {}),
    ...(flags.git ? { git: flags.git } : {}),
    libraryDir: librarySpec(flags),
    templatesDir: templatesDir(flags),
    rendered: format === "docx" && !flags.source,
  });
  const data = await render(result, format, !!flags.out);
  if (flags.out) {
    writeAtomic(flags.out, data, { force: flags.force ?? false });
    process.stderr.write(`wrote ${displayPath(flags.out)} (${(await import("../reporters/diff-common.js")).summaryText(result)})\n`);
  } else {
    process.stdout.write(data);
  }
  process.exitCode = hasDifferences(result) ? 1 : 0;
}

async function render(r: DiffResult, format: DiffFormat, toFile: boolean): Promise<string | Uint8Array> {
  const chalk = format === "text" && !toFile ? await (await import("./color.js")).chalkFor(process.stdout) : null;
  return (await import("../writers/diff-report.js")).renderDiff(r, format, chalk);
}

function resolveFormat(flags: DiffFlags): DiffFormat {
  return pickFormat("diff", flags, "text").name as DiffFormat;
}
