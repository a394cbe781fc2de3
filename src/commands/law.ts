// `ordkit law`: what ordkit knows about each jurisdiction's law and the
// authorities its rules cite, with sources and as-of dates.
import { Command, Option } from "commander";
import { formatChoices, formatHelp } from "../writers/formats.js";

export interface LawFlags {
  authorities?: boolean;
  staleAfter?: string;
  date?: string;
  format?: string;
  data?: string;
}

export function lawCommand(): Command {
  return new Command("law")
    .description("list jurisdictions and their law on local limits to cooperation, show one with its sources, or list authorities")
    .argument("[state]", "a postal code or name (MN, Minnesota): show that jurisdiction")
    .option("--authorities", "list the authorities rules cite (with a state: binding or persuasive there)")
    .option("--stale-after <days>", "list entries not re-checked within DAYS days of --date (exit 1 when any)")
    .option("--date <YYYY-MM-DD>", "the day --stale-after counts back from (default: today)")
    .option("--data <dir>", "read and check a legal data folder (jurisdictions.yaml, authorities.yaml) instead of the built-in one")
    .addOption(new Option("-f, --format <format>", formatHelp("law", "text")).choices(formatChoices("law")))
    .addHelpText(
      "after",
      `
Examples:
  $ ordkit law                          every jurisdiction with its status
  $ ordkit law Minnesota                the facts, laws and sources for one
  $ ordkit law --authorities            every case, statute and order cited
  $ ordkit law MN --authorities         the same, binding or persuasive in Minnesota
  $ ordkit law --stale-after 90         entries not re-checked in 90 days
  $ ordkit law --data legal/            check edited data files (file:line:col)

How to re-check and re-date an entry: docs/legal-data.md. Not legal advice.`,
    )
    .action(async (state: string | undefined, flags: LawFlags) => {
      const { runLaw } = await import("./law-run.js");
      process.exitCode = await runLaw(state, flags);
    });
}
