// The body of `ordkit schema`.
import { mkdirSync } from "node:fs";
import path from "node:path";
import { UserError } from "../core/errors.js";
import { checkOutput, writeAtomic } from "../core/io/output.js";
import { displayPath } from "../core/paths.js";
import { loadLibrary } from "../core/library/load.js";
import { schemaFiles } from "../core/library/answers-schema.js";
import { librarySpec } from "./library-flags.js";
import type { SchemaFlags } from "./schema.js";

export async function runSchema(flags: SchemaFlags): Promise<void> {
  const files = schemaFiles(loadLibrary(librarySpec(flags)));
  if (!flags.out) {
    process.stdout.write(files.get("answers.schema.json")!);
    return;
  }
  const dir = path.resolve(flags.out);
  writeSchemaFiles(dir, files, flags.force ?? false);
  process.stderr.write(`wrote ${[...files.keys()].map((f) => displayPath(path.join(dir, f))).join(", ")}\n`);
}

/** Writes every file, after checking that none would be overwritten (without force). */
export function writeSchemaFiles(dir: string, files: Map<string, string>, force: boolean): void {
  const problems = [];
  for (const name of files.keys()) {
    try {
      checkOutput(path.join(dir, name), { force, inputs: [], createDirs: true, elsewhere: "choose another --out directory" });
    } catch (err) {
      if (!(err instanceof UserError)) throw err;
      problems.push(...err.problems);
    }
  }
  if (problems.length) throw new UserError(problems, "exists");
  mkdirSync(dir, { recursive: true });
  for (const [name, text] of files) writeAtomic(path.join(dir, name), text, { force });
}
