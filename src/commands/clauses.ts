// `ordkit clauses list|show`: the effective clauses of a library and its layers.
import { Command, Option } from "commander";
import { libraryOptions, type LibraryFlags } from "./library-flags.js";
import { formatChoices, formatHelp, outHelp } from "../writers/formats.js";

export interface ClausesFlags extends LibraryFlags {
  format?: string;
  out?: string;
  force?: boolean;
}

export function clausesCommand(): Command {
  const list = libraryOptions(
    new Command("list")
      .description("list the clauses drafts can use, with the layer each comes from")
      .addOption(new Option("-f, --format <format>", formatHelp("clauses", "from --out, else text")).choices(formatChoices("clauses")))
      .option("-o, --out <file>", outHelp("clauses"))
      .option("--force", "replace the --out file if it exists"),
  ).action(async (flags: ClausesFlags) => {
    const { runClausesList } = await import("./clauses-run.js");
    await runClausesList(flags);
  });
  const show = libraryOptions(
    new Command("show")
      .description("print the effective clause with the file it comes from")
      .argument("<id>", "clause id, e.g. property-use/staging-ban"),
  ).action(async (id: string, flags: ClausesFlags) => {
    const { runClausesShow } = await import("./clauses-run.js");
    await runClausesShow(id, flags);
  });
  return new Command("clauses")
    .description("list the clauses of a library and its layers, or show one")
    .addCommand(list)
    .addCommand(show)
    .addHelpText(
      "after",
      `
Examples:
  $ ordkit clauses list
  $ ordkit clauses list --library my-library/ --format json
  $ ordkit clauses list --format md --out catalog.md     (every clause, documented)
  $ ordkit clauses show public-records/foia-cadence --library my-library/`,
    );
}
