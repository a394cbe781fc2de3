// `ordkit init DIR`: start an organization's clause library as a layer over ordkit's.
import { Command } from "commander";

export interface InitFlags {
  name?: string;
  title?: string;
  force?: boolean;
}

export function initCommand(): Command {
  return new Command("init")
    .description("start an organization's clause library: a layer over ordkit's default library, with an example override, a new clause and a template override")
    .argument("<dir>", "directory to create (or an empty one)")
    .option("--name <name>", "the layer's name: lowercase letters, digits and hyphens (default: from DIR)")
    .option("--title <text>", "the organization's name as drafts print it (default: from the name)")
    .option("--force", "replace files of the same names in DIR")
    .addHelpText(
      "after",
      `
Examples:
  $ ordkit init acme-library --title "Acme Advocates"
  $ cd acme-library && ordkit validate

docs/customizing.md takes a group from here to a draft with its own clause.`,
    )
    .action(async (dir: string, flags: InitFlags) => {
      const { runInit } = await import("./init-run.js");
      await runInit(dir, flags);
    });
}
