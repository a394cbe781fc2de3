// The body of `ordkit check`, loaded only when the command runs.
import { displayPath } from "../core/paths.js";
import { librarySpec, templatesDir } from "./library-flags.js";
import { SEVERITIES, type Severity } from "../core/draft.js";
import type { CheckInstrument } from "../core/risk/context.js";
import { UserError } from "../core/errors.js";
import { checkOutput, writeAtomic } from "../core/io/output.js";
import { resolveFormat } from "../writers/formats.js";
import type { CheckFlags } from "./check.js";

export async function runCheck(file: string, flags: CheckFlags): Promise<number> {
  let state: string | undefined;
  if (flags.state !== undefined) {
    const legal = await import("../core/legal/index.js");
    const j = legal.findJurisdiction(flags.state);
    if (!j) {
      const names = legal.allJurisdictions().map((x) => x.name);
      const guess = legal.didYouMean(flags.state.toLowerCase(), names.map((n) => n.toLowerCase()));
      const hint = guess ? `did you mean ${names.find((n) => n.toLowerCase() === guess)}?` : "give a postal code or a full name, e.g. --state MN or --state Minnesota (`ordkit law` lists them)";
      throw new UserError({ message: `--state: unknown state or territory "${flags.state}"`, hint }, "usage");
    }
    state = j.code;
  }
  const format = resolveFormat("check", flags, "text").name;
  if (flags.out) checkOutput(flags.out, { force: flags.force ?? false, inputs: [file] });
  if (flags.explain && format !== "json") {
    throw new UserError({ message: "--explain needs --format json", hint: "ordkit check FILE --format json --explain" }, "usage");
  }
  const { checkAnyFile } = await import("../core/pipeline.js");
  const result = await checkAnyFile({
    file,
    libraryDir: librarySpec(flags),
    templatesDir: templatesDir(flags),
    ...(state ? { state } : {}),
    ...(flags.instrument ? { instrument: flags.instrument as CheckInstrument } : {}),
  });
  const shown = displayPath(file);
  let text: string;
  if (format === "json") {
    const frames = flags.explain ? (await import("../core/risk/index.js")).explainFrames(result.draft, { instrument: result.instrument, state: result.state }) : null;
    text = (await import("../reporters/check-json.js")).checkJson(result, shown, frames);
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
