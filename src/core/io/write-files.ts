// A set of files written into one directory, all or none: every target is checked first.
import { mkdirSync } from "node:fs";
import path from "node:path";
import { UserError } from "../errors.js";
import { checkOutput, writeAtomic } from "./output.js";

/** Writes every file, after checking that none would be overwritten (without force). */
export function writeFilesInto(dir: string, files: Map<string, string>, force: boolean): void {
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
