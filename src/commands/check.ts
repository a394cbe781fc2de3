// `ordkit check`: risk notes for any draft, whoever wrote it.
import { Command, Option } from "commander";
import { libraryOptions } from "./library-flags.js";
import { formatChoices, formatHelp, outHelp } from "../writers/formats.js";

export interface CheckFlags {
  state?: string;
  instrument?: string;
  format?: string;
  out?: string;
  force?: boolean;
  failOn?: string;
  explain?: boolean;
  library?: string[];
  templates?: string;
}

export function checkCommand(): Command {
  const cmd = new Command("check")
    .description("list the legal risk notes for a draft: an answers file, or a Markdown, text, Word, PDF or HTML draft")
    .argument("<file>", "answers file (.yaml), or a draft (.md, .txt, .docx, .pdf, .html)")
    .option("--state <state>", "postal code or name (MN, Minnesota), for state law and the federal circuit (default: from the answers or the draft)")
    .addOption(new Option("--instrument <kind>", "what the draft is (default: from the answers or the text); statute: a state law, read at the state's level").choices(["ordinance", "executive-order", "resolution", "statute"]))
    .addOption(new Option("-f, --format <format>", formatHelp("check", "from --out, else text")).choices(formatChoices("check")))
    .option("--explain", "with --format json: add the provision frames the rules read (who is bound, modality, actions, place, exceptions, remedies)")
    .option("-o, --out <file>", outHelp("check", "write the report to a file instead of stdout"))
    .option("--force", "replace the --out file if it exists")
    .addOption(new Option("--fail-on <severity>", "exit 1 when a note at or above this severity is found").choices(["high", "medium", "low", "info", "none"]).default("high"))
  return libraryOptions(cmd, " for answers files")
    .addHelpText(
      "after",
      `
Examples:
  $ ordkit check examples/alameda-bay-ca-ordinance.yaml
  $ ordkit check council-draft.docx --state WA --fail-on medium
  $ ordkit check their-draft.md --state CA --instrument ordinance --format json
  $ ordkit check signed-order.pdf --state MN
  $ ordkit check code-chapter.html --state WA

Each rule is explained in docs/rules/<rule>.md. Notes are not legal advice.
Exit codes: 0 no note at or above --fail-on; 1 such notes found; 2 error.`,
    )
    .action(async (file: string, flags: CheckFlags) => {
      const { runCheck } = await import("./check-run.js");
      process.exitCode = await runCheck(file, flags);
    });
}
