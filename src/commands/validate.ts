// `ordkit validate`: check a clause library (and the layers it extends) without drafting.
import { Command, Option } from "commander";
import { libraryOptions, type LibraryFlags } from "./library-flags.js";
import { formatChoices, formatHelp } from "../writers/formats.js";

export interface ValidateFlags extends LibraryFlags {
  format?: string;
}

export function validateCommand(): Command {
  const cmd = new Command("validate")
    .description("check a clause library or layer and everything it extends, reporting every problem at once")
    .argument("[dir]", "the library or layer directory (default: the ordkit.yaml in this directory or above, else ordkit's own library)")
    .addOption(new Option("-f, --format <format>", formatHelp("validate", "text")).choices(formatChoices("validate")));
  return libraryOptions(cmd, " (instead of DIR)")
    .addHelpText(
      "after",
      `
Examples:
  $ ordkit validate my-library/
  $ ordkit validate --format json > problems.json

Checks every file against its schema, clause ids and versions, references
(definitions, partials, clauses named in conditions and disable lists),
conditions on unknown answers, template syntax, and every name a template uses
that is not declared. The JSON format is described in docs/customizing.md.
Exit codes: 0 no problems; 1 problems found; 2 usage error.`,
    )
    .action(async (dir: string | undefined, flags: ValidateFlags) => {
      const { runValidate } = await import("./validate-run.js");
      process.exitCode = await runValidate(dir, flags);
    });
}
