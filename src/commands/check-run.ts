// The body of `ordkit check`, loaded only when the command runs.
import { displayPath } from "../core/paths.js";
import { librarySpec, templatesDir } from "./library-flags.js";
import { SEVERITIES, type Instrument, type Severity } from "../core/draft.js";
import { UserError } from "../core/errors.js";
import { checkOutput, writeAtomic } from "../core/io/output.js";
import { resolveFormat } from "../writers/formats.js";
import type { CheckFlags } from "./check.js";

export async function runCheck(file: string, flags: CheckFlags): Promise<number> {
  if (flags.state !== undefined && !/^[A-Za-z]{2}$/.test(flags.state)) {
    throw new UserError({ message: `--state must be a two-letter code, got "${flags.state}"`, hint: "e.g. --state CA" }, "usage");
  }
  const format = resolveFormat("check", flags, "text").name;
  if (flags.out) checkOutput(flags.out, { force: flags.force ?? false, inputs: [file] });
  const { checkFile } = await import("../core/pipeline.js");
  const result = checkFile({
    file,
    libraryDir: librarySpec(flags),
    templatesDir: templatesDir(flags),
    ...(flags.state ? { state: flags.state.toUpperCase() } : {}),
    ...(flags.instrument ? { instrument: flags.instrument as Instrument } : {}),
  });
  const shown = displayPath(file);
  let text: string;
  if (format === "json") {
    text = (await import("../reporters/check-json.js")).checkJson(result, shown);
  } else {
    const { checkHuman } = await import("../reporters/check-human.js");
    const { chalkFor } = await import("./color.js");
    text = await checkHuman(result, shown, flags.out ? null : await chalkFor(process.stdout));
  }
  if (flags.out) {
    writeAtomic(flags.out, text, { force: flags.force ?? false });
    process.stderr.write(`wrote ${displayPath(flags.out)}\n`);
  } else {
    process.stdout.write(text);
  }
  const failOn = flags.failOn ?? "high";
  if (failOn === "none") return 0;
  const limit = SEVERITIES.indexOf(failOn as Severity);
  return result.draft.riskNotes.some((n) => SEVERITIES.indexOf(n.severity) <= limit) ? 1 : 0;
}
