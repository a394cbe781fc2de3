// `ordkit schema`: the JSON Schemas for editors, written where the files they
// check live, and the answers schema of the library in use.
import { Command } from "commander";
import { libraryOptions, type LibraryFlags } from "./library-flags.js";

export interface SchemaFlags extends LibraryFlags {
  out?: string;
  force?: boolean;
}

export function schemaCommand(): Command {
  const cmd = new Command("schema")
    .description("write the JSON Schemas editors use to complete and check ordkit's YAML files, with an answers schema generated from the library in use")
    .option("-o, --out <dir>", "directory to write clause, library, ordkit (layer), interview and answers .schema.json files to (created if missing); without it the answers schema is printed")
    .option("--force", "replace schema files of the same names in --out");
  return libraryOptions(cmd, " whose modules, options and variables the answers schema lists")
    .addHelpText(
      "after",
      `
Examples:
  $ ordkit schema --out schema                      (then point $schema lines at schema/)
  $ ordkit schema --library acme-library > answers.schema.json

Point a YAML file at a schema with a first line such as
  # yaml-language-server: $schema=schema/answers.schema.json
(the path is relative to the YAML file). docs/answers-format.md has more.`,
    )
    .action(async (flags: SchemaFlags) => {
      const { runSchema } = await import("./schema-run.js");
      await runSchema(flags);
    });
}
