// The body of `ordkit schema`.
import path from "node:path";
import { writeFilesInto } from "../core/io/write-files.js";
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
  writeFilesInto(dir, files, flags.force ?? false);
  process.stderr.write(`wrote ${[...files.keys()].map((f) => displayPath(path.join(dir, f))).join(", ")}\n`);
}
