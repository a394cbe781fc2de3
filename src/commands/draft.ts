// `ordkit draft`: answers + library + template -> a draft in DOCX, Markdown or JSON.
import { Command, Option } from "commander";
import { libraryOptions } from "./library-flags.js";
import { formatChoices, formatHelp, outHelp } from "../writers/formats.js";

export interface DraftFlags {
  answers?: string;
  out?: string;
  format?: string;
  library?: string[];
  templates?: string;
  date?: string;
  lineNumbers?: boolean;
  paper?: "letter" | "legal" | "a4";
  /** false with --no-notes. */
  notes?: boolean;
  force?: boolean;
  redlineAgainst?: string;
  saveAnswers?: string;
  batch?: string;
  outDir?: string;
  jobs?: string;
  summary?: string;
  resume?: boolean;
}

export function draftCommand(): Command {
  const cmd = new Command("draft")
    .description("draft an ordinance, executive order or resolution from an answers file, or by answering questions in a terminal")
    .option("-a, --answers <file>", "answers file (YAML) describing the jurisdiction and what to draft; without it, or when it lacks answers, ordkit asks in a terminal")
    .option("-o, --out <file>", outHelp("draft", "output file (Markdown and JSON print to stdout without it)"))
    .addOption(new Option("-f, --format <format>", formatHelp("draft", "from --out, else docx")).choices(formatChoices("draft")))
  return libraryOptions(cmd)
    .option("--date <YYYY-MM-DD>", "the draft's date for the DRAFT header and properties (default: the answers' date)")
    .option("--line-numbers", "number the lines of each page, as councils do for hearings")
    .addOption(new Option("--paper <size>", "DOCX page size (default: the library's, else letter)").choices(["letter", "legal", "a4"]))
    .option("--no-notes", "a clean copy for the council packet: no risk comments, drafter's notes or risk memo")
    .option("--redline-against <dir>", "instead of the draft, write a redline of what this library (--library) changes against the draft the OLD library gives for the same answers (.docx tracked changes, .md or .json)")
    .option("--force", "replace the output file (and the --save-answers file) if it exists")
    .option("--save-answers <file>", "also write the complete answers (YAML, each answer under a comment naming its question)")
    .option("--batch <file>", "draft one jurisdiction per row of a CSV or YAML file, over the shared --answers (docs/batch.md); needs --out-dir")
    .option("--out-dir <dir>", "with --batch: directory for the drafts (created if missing), one file per row named <name>-<state>-<instrument>")
    .option("-j, --jobs <n>", "with --batch: drafts written in parallel (default: the number of CPUs)")
    .option("--summary <file>", "with --batch: also write a JSON summary of every row (docs/batch.md)")
    .option("--resume", "with --batch: finish an interrupted batch: rows whose file already holds exactly what they would write are skipped, the rest are drafted")
    .addHelpText(
      "after",
      `
Examples:
  $ ordkit draft --answers examples/alameda-bay-ca-ordinance.yaml --out draft.docx
  $ ordkit draft -a examples/cascade-county-wa-resolution.yaml --format md > draft.md
  $ ordkit draft -a my-city.yaml -o hearing.docx --line-numbers --date 2026-04-01 --force
  $ ordkit draft -a my-city.yaml --library clauses-v2/ --redline-against clauses-v1/ -o changes.docx
  $ ordkit draft --out draft.docx --save-answers my-city.yaml     (asks the questions)
  $ ordkit draft --batch cities.csv --answers shared.yaml --out-dir drafts/

The answers format is described in docs/answers-format.md; examples/ has samples.
The interview (docs/interview.md) asks only in a terminal: when stdin is not a
terminal or CI is set, missing answers are listed and ordkit exits 2.
Same inputs always give byte-identical output.`,
    )
    .action(async (flags: DraftFlags) => {
      if (flags.batch !== undefined) {
        const { runDraftBatch } = await import("./draft-batch.js");
        await runDraftBatch(flags);
        return;
      }
      if (flags.outDir !== undefined || flags.jobs !== undefined || flags.summary !== undefined || flags.resume !== undefined) {
        const { UserError } = await import("../core/errors.js");
        throw new UserError({ message: "--out-dir, --jobs, --summary and --resume go with --batch", hint: "ordkit draft --batch FILE --out-dir DIR, or --out FILE for a single draft" }, "usage");
      }
      const { runDraft } = await import("./draft-run.js");
      await runDraft(flags);
    });
}
