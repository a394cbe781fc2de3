// `ordkit diff`: compare two clause libraries, two clause files, two answers
// files (as the drafts they produce) or a library at two git revisions.
import { Command, Option } from "commander";
import { libraryOptions } from "./library-flags.js";
import { formatChoices, formatHelp, outHelp } from "../writers/formats.js";

export interface DiffFlags {
  git?: string;
  format?: string;
  out?: string;
  force?: boolean;
  source?: boolean;
  library?: string[];
  templates?: string;
}

export function diffCommand(): Command {
  const cmd = new Command("diff")
    .description("compare two clause libraries, clause files or answers files (as drafts), or a library at two git revisions")
    .argument("[old]", "old library directory, clause file or answers file (with --git: the library PATH, default clauses)")
    .argument("[new]", "new library directory, clause file or answers file")
    .option("--git <rev1..rev2>", "compare PATH at two git revisions (REV1.. compares with the working tree); nothing is checked out")
    .addOption(new Option("-f, --format <format>", formatHelp("diff", "from --out, else text")).choices(formatChoices("diff")))
    .option("-o, --out <file>", outHelp("diff", "write the report to a file (docx needs it)"))
    .option("--force", "replace the output file if it exists")
    .option("--source", "docx of two libraries: show every clause's template source instead of its rendered text per instrument")
  return libraryOptions(cmd, " used to assemble answers files")
    .addHelpText(
      "after",
      `
Examples:
  $ ordkit diff clauses-v1/ clauses-v2/
  $ ordkit diff old/property-use/staging.yaml clauses/property-use/staging.yaml
  $ ordkit diff examples/alameda-bay-ca-ordinance.yaml my-city.yaml --format md
  $ ordkit diff --git v1.0..v1.1 clauses --format json
  $ ordkit diff --git v1.0.. clauses --out redline.docx

Exit codes, as diff(1): 0 no differences; 1 differences; 2 error.
The JSON format is described in docs/diff.md.`,
    )
    .action(async (oldArg: string | undefined, newArg: string | undefined, flags: DiffFlags) => {
      const { runDiff } = await import("./diff-run.js");
      await runDiff(oldArg, newArg, flags);
    });
}
