// Output files: refuse to overwrite without --force, refuse to write over an
// input, and write atomically (temp file + rename) so a failure or an
// interruption never leaves a half-written draft behind.
import { existsSync, mkdirSync, renameSync, rmSync, statSync, writeFileSync, realpathSync } from "node:fs";
import path from "node:path";
import { UserError } from "../errors.js";
import { displayPath } from "../paths.js";

const pending = new Set<string>();
const committed: string[] = [];

/** Outputs this process has already written in full (a late interruption cannot take them back). */
export function writtenOutputs(): string[] {
  return [...committed];
}

/** Temp files being written now; the CLI removes them on SIGINT/SIGTERM. */
export function pendingTempFiles(): string[] {
  return [...pending];
}

export function removePendingTempFiles(): void {
  for (const f of pending) rmSync(f, { force: true });
  pending.clear();
}

/** Whether a is inside directory b (an input library or templates directory reads the files in it). */
function insideDir(a: string, b: string): boolean {
  try {
    if (!statSync(b).isDirectory()) return false;
    const rel = path.relative(realpathSync(b), realpathSync(a));
    return rel !== "" && !rel.startsWith("..") && !path.isAbsolute(rel);
  } catch {
    return false;
  }
}

function sameFile(a: string, b: string): boolean {
  try {
    return realpathSync(a) === realpathSync(b);
  } catch {
    return path.resolve(a) === path.resolve(b);
  }
}

/** Checks, before any work is done, that out may be written. */
/** createDirs: missing directories will be made, so they are not an error. elsewhere: how to choose another place (the hints name the command's own flag). */
export function checkOutput(out: string, opts: { force?: boolean; inputs?: string[]; createDirs?: boolean; elsewhere?: string } = {}): void {
  const elsewhere = opts.elsewhere ?? "choose another --out path";
  for (const input of opts.inputs ?? []) {
    if (existsSync(out) && (sameFile(out, input) || insideDir(out, input))) {
      throw new UserError({ message: "the output would overwrite an input file", file: displayPath(out), hint: elsewhere }, "usage");
    }
  }
  if (existsSync(out)) {
    if (statSync(out).isDirectory()) throw new UserError({ message: "the output path is a directory", file: displayPath(out), hint: opts.elsewhere ?? "give a file name, e.g. --out draft.docx" }, "usage");
    if (!opts.force) throw new UserError({ message: "the output file already exists", file: displayPath(out), hint: `pass --force to replace it, or ${elsewhere}` }, "exists");
  }
  const dir = path.dirname(path.resolve(out));
  if (!existsSync(dir) && !opts.createDirs) throw new UserError({ message: "the output directory does not exist", file: displayPath(dir), hint: "create it first" }, "io");
}

export function writeAtomic(out: string, data: string | Uint8Array, opts: { force?: boolean; mkdir?: boolean } = {}): void {
  const target = path.resolve(out);
  if (opts.mkdir) mkdirSync(path.dirname(target), { recursive: true });
  const tmp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.tmp`);
  pending.add(tmp);
  try {
    writeFileSync(tmp, data, { flag: "wx" });
    if (!opts.force && existsSync(target)) {
      throw new UserError({ message: "the output file already exists", file: displayPath(out), hint: "pass --force to replace it" }, "exists");
    }
    renameSync(tmp, target);
    committed.push(out);
  } catch (err) {
    rmSync(tmp, { force: true });
    if (err instanceof UserError) throw err;
    const code = (err as NodeJS.ErrnoException).code ?? "";
    throw new UserError(
      { message: `cannot write the output (${code || (err as Error).message})`, file: displayPath(out), hint: code === "EACCES" || code === "EROFS" ? "the directory is not writable; choose another --out path" : "check the path and free space" },
      "io",
    );
  } finally {
    pending.delete(tmp);
  }
}
