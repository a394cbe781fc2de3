// A cache of parsed files, keyed by the hash of their bytes (as ESLint's
// --cache is), so an unchanged clause library is not parsed again on the next
// run. It lives in the user's cache directory ($ORDKIT_CACHE_DIR, else
// $XDG_CACHE_HOME/ordkit, else ~/.cache/ordkit), never in a project or a
// layer. Each entry is one small file written whole (a temp file, then a
// rename), so concurrent runs and batch workers never see half an entry; an
// entry that does not read back as one is ignored. The cache only ever saves
// time: any failure to read or write it is silent, and `--no-cache` or
// ORDKIT_NO_CACHE=1 turns it off.
import { createHash, randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import path from "node:path";
import { PACKAGE_ROOT } from "../paths.js";

/** Bumped whenever what a parse gives (or the entry format) changes. */
const FORMAT = 1;

/** The cache directory, or null when caching is off. */
export function cacheDir(env: NodeJS.ProcessEnv = process.env): string | null {
  if (env.ORDKIT_NO_CACHE && env.ORDKIT_NO_CACHE !== "0") return null;
  if (env.ORDKIT_CACHE_DIR) return path.resolve(env.ORDKIT_CACHE_DIR);
  const xdg = env.XDG_CACHE_HOME;
  // The XDG spec: a relative XDG_CACHE_HOME is invalid and ignored.
  if (xdg && path.isAbsolute(xdg)) return path.join(xdg, "ordkit");
  let home: string;
  try {
    home = homedir();
  } catch {
    return null;
  }
  return home ? path.join(home, ".cache", "ordkit") : null;
}

let salt: string | null = null;
/** ordkit's version and the entry format: a new ordkit never reads an older one's entries. */
function keySalt(): string {
  if (salt === null) {
    let version = "unknown";
    try {
      version = (JSON.parse(readFileSync(path.join(PACKAGE_ROOT, "package.json"), "utf8")) as { version?: string }).version ?? version;
    } catch {
      // a missing package.json only makes the key less specific
    }
    salt = `ordkit ${version} format ${FORMAT}\n`;
  }
  return salt;
}

function entryPath(dir: string, kind: string, bytes: Uint8Array): string {
  const hash = createHash("sha256").update(keySalt()).update(kind).update("\n").update(bytes).digest("hex");
  return path.join(dir, `${kind}-v${FORMAT}`, hash.slice(0, 2), `${hash.slice(2)}.json`);
}

/** The cached result for these bytes, or undefined. */
export function readCached(kind: string, bytes: Uint8Array): { data: unknown } | undefined {
  const dir = cacheDir();
  if (!dir) return undefined;
  try {
    const entry = JSON.parse(readFileSync(entryPath(dir, kind, bytes), "utf8")) as { format?: unknown; data?: unknown };
    if (entry && typeof entry === "object" && entry.format === FORMAT && "data" in entry) return { data: entry.data };
  } catch {
    // no entry, or one that does not read back: a miss
  }
  return undefined;
}

const pending = new Map<string, string>();
let flushing = false;

/** Remembers a result (written when the process ends); values JSON cannot carry exactly are not cached. */
export function writeCached(kind: string, bytes: Uint8Array, data: unknown): void {
  const dir = cacheDir();
  if (!dir || !jsonExact(data, 0)) return;
  pending.set(entryPath(dir, kind, bytes), JSON.stringify({ format: FORMAT, data }));
  if (!flushing) {
    flushing = true;
    // At exit, after the command's own work; an interrupted run (exit 130) writes nothing more.
    process.once("exit", (code) => {
      if (code !== 130) flushCache();
    });
  }
}

/** Writes the remembered entries now, each whole (temp file, then rename). */
export function flushCache(): void {
  for (const [file, text] of pending) {
    const tmp = `${file}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
    try {
      mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
      writeFileSync(tmp, text, { mode: 0o600 });
      renameSync(tmp, file);
    } catch {
      try {
        rmSync(tmp, { force: true });
      } catch {
        // the directory itself is unusable: nothing was written
      }
    }
  }
  pending.clear();
}

/** Whether JSON gives back exactly this value: finite numbers but -0, strings, booleans, null, plain arrays and objects. */
function jsonExact(v: unknown, depth: number): boolean {
  if (depth > 200) return false;
  if (v === null || typeof v === "string" || typeof v === "boolean") return true;
  if (typeof v === "number") return Number.isFinite(v) && !Object.is(v, -0);
  if (Array.isArray(v)) return v.every((x) => jsonExact(x, depth + 1));
  if (typeof v === "object" && Object.getPrototypeOf(v) === Object.prototype) return Object.values(v as object).every((x) => jsonExact(x, depth + 1));
  return false;
}
