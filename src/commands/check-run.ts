// The body of `ordkit check`, loaded only when the command runs.
import { displayPath } from "../core/paths.js";
import { librarySpec, templatesDir } from "./library-flags.js";
import { SEVERITIES, type Instrument, type Severity } from "../core/draft.js";
import { UserError } from "../core/errors.js";
import type { CheckFlags } from "./check.js";

export async function runCheck(file: string, flags: CheckFlags): Promise<number> {
  if (flags.state !== undefined && !/^[A-Za-z]{2}$/.test(flags.state)) {
    throw new UserError({ message: `--state must be a two-letter code, got "${flags.state}"`, hint: "e.g. --state CA" }, "usage");
  }
  const { checkAnyFile } = await import("../core/pipeline.js");
  const result = await checkAnyFile({
    file,
    libraryDir: librarySpec(flags),
    templatesDir: templatesDir(flags),
    ...(flags.state ? { state: flags.state.toUpperCase() } : {}),
    ...(flags.instrument ? { instrument: flags.instrument as Instrument } : {}),
  });
  const shown = displayPath(file);
  if (flags.format === "json") {
    const { checkJson } = await import("../reporters/check-json.js");
    process.stdout.write(checkJson(result, shown));
  } else {
    const { checkHuman } = await import("../reporters/check-human.js");
    const color = process.stdout.isTTY === true && !process.env.NO_COLOR;
    process.stdout.write(await checkHuman(result, shown, color));
  }
  const failOn = flags.failOn ?? "high";
  if (failOn === "none") return 0;
  const limit = SEVERITIES.indexOf(failOn as Severity);
  return result.draft.riskNotes.some((n) => SEVERITIES.indexOf(n.severity) <= limit) ? 1 : 0;
}
