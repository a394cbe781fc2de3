// Reading an input file whole, with a size ceiling checked before the read,
// and one located error for every way the read can fail.
import { readFileSync, statSync } from "node:fs";
import { UserError } from "../errors.js";

/** The file's bytes; `tooLarge` is the message (and hint) when it is over `maxBytes`. */
export function readInputBytes(file: string, shown: string, maxBytes: number, tooLarge: { message: string; hint?: string } = { message: `file is too large to be a draft (over ${maxBytes / 1024 / 1024} MB)` }): Buffer {
  try {
    if (statSync(file).size > maxBytes) throw new UserError({ ...tooLarge, file: shown });
    return readFileSync(file);
  } catch (err) {
    if (err instanceof UserError) throw err;
    throw new UserError({ message: `cannot read file: ${(err as NodeJS.ErrnoException).code ?? String(err)}`, file: shown, hint: "check the path" }, "io");
  }
}
