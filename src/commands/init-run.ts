// The body of `ordkit init`.
import path from "node:path";
import { UserError, type Problem } from "../core/errors.js";
import { checkOutput, makeDirs, writeAtomic } from "../core/io/output.js";
import { displayPath } from "../core/paths.js";
import { LAYER_SCHEMA_DIR, scaffoldFiles } from "../core/library/scaffold.js";
import { loadLibrary } from "../core/library/load.js";
import { schemaFiles } from "../core/library/answers-schema.js";
import { writeFilesInto } from "../core/io/write-files.js";

const SCHEMA_NAMES = ["clause.schema.json", "library.schema.json", "ordkit.schema.json", "interview.schema.json", "answers.schema.json"];
import type { InitFlags } from "./init.js";

export async function runInit(dirArg: string, flags: InitFlags): Promise<void> {
  const dir = path.resolve(dirArg);
  const name = flags.name ?? slug(path.basename(dir));
  const title = flags.title ?? name.split("-").map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join(" ");
  const files = scaffoldFiles({ dir, name, title });
  const force = flags.force ?? false;
  // Check every target before writing any, so a refusal leaves nothing half-made.
  const problems: Problem[] = [];
  for (const rel of files.keys()) {
    try {
      checkOutput(path.join(dir, rel), { force, inputs: [], createDirs: true, elsewhere: "give ordkit init another directory" });
    } catch (err) {
      if (!(err instanceof UserError)) throw err;
      problems.push(...err.problems);
    }
  }
  const schemaDir = path.join(dir, LAYER_SCHEMA_DIR);
  for (const name of SCHEMA_NAMES) {
    try {
      checkOutput(path.join(schemaDir, name), { force, inputs: [], createDirs: true, elsewhere: "give ordkit init another directory" });
    } catch (err) {
      if (!(err instanceof UserError)) throw err;
      // A file in the way of the layer's directory blocks every file once: say it once.
      for (const p of err.problems) if (!problems.some((q) => q.file === p.file && q.message === p.message)) problems.push(p);
    }
  }
  if (problems.length) throw new UserError(problems, "exists");
  for (const [rel, text] of files) {
    const file = path.join(dir, rel);
    makeDirs(path.dirname(file));
    writeAtomic(file, text, { force });
  }
  // The schemas next to the layer, the answers schema from the library it makes.
  const schemas = schemaFiles(loadLibrary([dir]));
  writeFilesInto(schemaDir, schemas, force);
  for (const name of schemas.keys()) files.set(`${LAYER_SCHEMA_DIR}/${name}`, "");
  process.stderr.write(`created the layer "${name}" in ${displayPath(dir)}:\n${[...files.keys()].map((f) => `  ${f}`).join("\n")}\nnext: cd ${displayPath(dir)} && ordkit validate (see README.md there)\n`);
}

function slug(s: string): string {
  const out = s.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
  return out || "my-library";
}
