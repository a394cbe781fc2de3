// Output files: refuse to overwrite without --force, refuse to write over an
// input or over anything but a regular file, and write atomically (a temp file
// put into place whole) so a failure or an interruption never leaves a
// half-written draft behind.
import { closeSync, linkSync, lstatSync, mkdirSync, openSync, readdirSync, realpathSync, renameSync, rmSync, statSync, writeSync, type Stats } from "node:fs";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { UserError } from "../errors.js";
import { displayPath } from "../paths.js";

const pending = new Set<string>();
const committed: string[] = [];

/** Outputs this process has already written in full (a late interruption cannot take them back). */
export function writtenOutputs(): string[] {
  return [...committed];
}

/** How many outputs this process has written in full. */
export function writtenCount(): number {
  return committed.length;
}

/** Temp files being written now; the CLI removes them on SIGINT, SIGTERM and SIGHUP. */
export function pendingTempFiles(): string[] {
  return [...pending];
}

export function removePendingTempFiles(): void {
  for (const f of pending) removeQuietly(f);
  pending.clear();
}

/** Removing a temp file must never fail the run a second time (its name may be what failed). */
function removeQuietly(file: string): void {
  try {
    rmSync(file, { force: true });
  } catch {
    // nothing was created under that name, or it cannot be reached: nothing to clean
  }
}

function errnoCode(err: unknown): string {
  return (err as NodeJS.ErrnoException)?.code ?? "";
}

/** What a file-system error means for the person who chose the path. */
function explain(code: string): { why: string; hint: string } {
  switch (code) {
    case "EACCES":
    case "EPERM":
    case "EROFS":
      return { why: "the directory is not writable", hint: "the directory is not writable; choose another path" };
    case "ENAMETOOLONG":
      return { why: "the name is too long for the file system", hint: "file systems allow at most 255 bytes per name (and about 4,096 per path); choose a shorter path" };
    case "ENOTDIR":
      return { why: "a part of the path is a file, not a directory", hint: "check the directories in the path" };
    case "ENOSPC":
    case "EDQUOT":
      return { why: "the disk is full", hint: "free some space, or choose another path" };
    case "ENOENT":
      return { why: "the directory does not exist", hint: "create it first" };
    case "EEXIST":
      return { why: "something that is not a directory has this name (a link that points nowhere?)", hint: "remove it, or choose another path" };
    case "ELOOP":
      return { why: "the path has a loop of symbolic links", hint: "check the links in the path" };
    default:
      return { why: code || "an unexpected file-system error", hint: "check the path and free space" };
  }
}

function writeError(err: unknown, shown: string, target?: string): UserError {
  const code = errnoCode(err);
  const blocking = code === "ENOTDIR" && target ? fileInPath(target) : null;
  if (blocking) {
    return new UserError({ message: "is a file, not a directory, and the output path goes through it", file: displayPath(blocking), hint: `${shown} cannot be written; choose another path, or move the file` }, "io");
  }
  const { why, hint } = explain(code);
  return new UserError({ message: `cannot write the output (${code ? `${code}: ${why}` : (err as Error)?.message ?? String(err)})`, file: shown, hint }, "io");
}

/** The file that stands where p needs a directory (ENOTDIR), if one does. */
function fileInPath(p: string): string | null {
  for (let cur = path.dirname(path.resolve(p)); path.dirname(cur) !== cur; cur = path.dirname(cur)) {
    try {
      return statSync(cur).isDirectory() ? null : cur;
    } catch {
      // not there either: look higher
    }
  }
  return null;
}

/** What is at p, not following a final symbolic link; null when nothing is. */
function entryAt(p: string, shown: string): Stats | null {
  try {
    return lstatSync(p);
  } catch (err) {
    if (errnoCode(err) === "ENOENT") return null;
    throw writeError(err, shown, p);
  }
}

function kindOf(st: Stats): string {
  if (st.isDirectory()) return "a directory";
  if (st.isSymbolicLink()) return "a symbolic link";
  if (st.isCharacterDevice()) return "a character device";
  if (st.isBlockDevice()) return "a block device";
  if (st.isFIFO()) return "a named pipe";
  if (st.isSocket()) return "a socket";
  return "not a regular file";
}

/** Only regular files are ever replaced (a link is replaced itself, never what it points to). */
function refuseNonRegular(st: Stats, shown: string, elsewhere?: string): void {
  if (st.isFile() || st.isSymbolicLink()) return;
  if (st.isDirectory()) throw new UserError({ message: "the output path is a directory", file: shown, hint: elsewhere ?? "give a file name, e.g. --out draft.docx" }, "usage");
  throw new UserError({ message: `the output path is ${kindOf(st)}, not a regular file; ordkit replaces only regular files, even with --force`, file: shown, hint: elsewhere ?? "choose a file name for the output" }, "usage");
}

function existsError(st: Stats, shown: string, elsewhere = "choose another path"): UserError {
  const link = st.isSymbolicLink();
  return new UserError(
    { message: link ? "the output path already exists (a symbolic link)" : "the output file already exists", file: shown, hint: link ? `pass --force to replace the link itself (never the file it points to), or ${elsewhere}` : `pass --force to replace it, or ${elsewhere}` },
    "exists",
  );
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

/**
 * Checks, before any work is done, that out may be written.
 * createDirs: missing directories will be made, so they are not an error.
 * Errors: "usage" (a directory, a device, an input), "exists", "io" (the path cannot be used).
 * elsewhere: how to choose another place (the hints name the command's own flag).
 */
export function checkOutput(out: string, opts: { force?: boolean; inputs?: string[]; createDirs?: boolean; elsewhere?: string } = {}): void {
  const shown = displayPath(out);
  const elsewhere = opts.elsewhere ?? "choose another --out path";
  const st = entryAt(path.resolve(out), shown);
  if (st) {
    for (const input of opts.inputs ?? []) {
      if (sameFile(out, input) || insideDir(out, input)) {
        throw new UserError({ message: "the output would overwrite an input file", file: shown, hint: elsewhere }, "usage");
      }
    }
    // A link to a directory is refused like the directory (the user meant the directory).
    if (st.isSymbolicLink() && isDirectory(out)) throw new UserError({ message: "the output path is a directory (through a symbolic link)", file: shown, hint: opts.elsewhere ?? "give a file name, e.g. --out draft.docx" }, "usage");
    refuseNonRegular(st, shown, opts.elsewhere);
    if (!opts.force) throw existsError(st, shown, elsewhere);
    return;
  }
  const dir = path.dirname(path.resolve(out));
  if (opts.createDirs) return;
  if (!isDirectory(dir)) {
    const there = entryAt(dir, displayPath(dir));
    throw new UserError({ message: there ? "the output directory is not a directory" : "the output directory does not exist", file: displayPath(dir), hint: there ? "a file has the directory's name; choose another path" : "create it first" }, "io");
  }
}

function isDirectory(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

/**
 * Makes dir and any missing parents, one level at a time (fs.mkdirSync's
 * recursive mode never returns where a parent refuses new entries, as /proc
 * does). Errors name the directory that could not be made.
 */
export function makeDirs(dir: string): void {
  const missing: string[] = [];
  for (let cur = path.resolve(dir); ; cur = path.dirname(cur)) {
    let st: Stats | null = null;
    try {
      st = statSync(cur);
    } catch (err) {
      const code = errnoCode(err);
      if (code !== "ENOENT" && code !== "ENOTDIR") throw dirError(err, cur);
    }
    if (st) {
      if (!st.isDirectory()) throw new UserError({ message: "cannot create the directory: a file has this name", file: displayPath(cur), hint: "choose another directory, or move the file" }, "io");
      break;
    }
    missing.push(cur);
    if (path.dirname(cur) === cur) break;
  }
  for (const d of missing.reverse()) {
    try {
      mkdirSync(d);
    } catch (err) {
      if (errnoCode(err) === "EEXIST" && isDirectory(d)) continue; // made by someone else meanwhile
      throw dirError(err, d);
    }
  }
}

function dirError(err: unknown, dir: string): UserError {
  const code = errnoCode(err);
  const { why, hint } = explain(code);
  return new UserError({ message: `cannot create the directory (${code ? `${code}: ${why}` : String(err)})`, file: displayPath(dir), hint }, "io");
}

let counter = 0;
const TEMP_NAME = /^\.ordkit-(\d+)-[0-9a-z]+-[0-9a-f]{6}\.tmp$/;

/**
 * Temp files in dir left by an ordkit process that no longer runs (killed
 * with SIGKILL, or the machine stopped): removed; returns how many. A running
 * process's temp files are left alone.
 */
export function removeStaleTempFiles(dir: string): number {
  let removed = 0;
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return 0;
  }
  for (const name of names) {
    const pid = TEMP_NAME.exec(name)?.[1];
    if (pid === undefined || processRuns(Number(pid))) continue;
    removeQuietly(path.join(dir, name));
    removed++;
  }
  return removed;
}

function processRuns(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return errnoCode(err) === "EPERM"; // someone else's process
  }
}

/**
 * Writes out whole or not at all. The temp file's name is short and fixed in
 * length, so any output name the file system allows also works. Without
 * force, the temp file is hard-linked into place, which fails if anything
 * (a file, a link, even a dangling one) has the name by then: two runs can
 * never both write it. With force, only a regular file or a link is replaced.
 */
export function writeAtomic(out: string, data: string | Uint8Array, opts: { force?: boolean; mkdir?: boolean } = {}): void {
  writeAtomicChunks(out, [data], opts);
}

/** writeAtomic for output made piece by piece (a summary of 20,000 rows is never one string). */
export function writeAtomicChunks(out: string, chunks: Iterable<string | Uint8Array>, opts: { force?: boolean; mkdir?: boolean } = {}): void {
  const target = path.resolve(out);
  const shown = displayPath(out);
  if (opts.mkdir) makeDirs(path.dirname(target));
  const tmp = path.join(path.dirname(target), `.ordkit-${process.pid}-${(counter++).toString(36)}-${randomBytes(3).toString("hex")}.tmp`);
  pending.add(tmp);
  try {
    const fd = openSync(tmp, "wx");
    try {
      for (const chunk of chunks) writeAll(fd, chunk);
    } finally {
      closeSync(fd);
    }
    if (opts.force) {
      const st = entryAt(target, shown);
      if (st) refuseNonRegular(st, shown);
      renameSync(tmp, target);
    } else {
      placeNew(tmp, target, shown);
    }
    committed.push(out);
  } catch (err) {
    if (err instanceof UserError) throw err;
    throw writeError(err, shown, target);
  } finally {
    removeQuietly(tmp);
    pending.delete(tmp);
  }
}

function writeAll(fd: number, chunk: string | Uint8Array): void {
  const bytes = typeof chunk === "string" ? Buffer.from(chunk, "utf8") : chunk;
  for (let done = 0; done < bytes.byteLength; ) done += writeSync(fd, bytes, done, bytes.byteLength - done);
}

/** Puts tmp at target only if nothing is there. */
function placeNew(tmp: string, target: string, shown: string): void {
  try {
    linkSync(tmp, target);
    return;
  } catch (err) {
    const code = errnoCode(err);
    if (code === "EEXIST") throw existsError(entryAt(target, shown) ?? lstatSync(tmp), shown);
    // File systems without hard links (FAT, some network shares): check, then rename.
    if (!["EPERM", "ENOTSUP", "EOPNOTSUPP", "EMLINK", "ENOSYS"].includes(code)) throw err;
  }
  const st = entryAt(target, shown);
  if (st) throw existsError(st, shown);
  renameSync(tmp, target);
}
