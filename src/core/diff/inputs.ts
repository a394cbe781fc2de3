// What `ordkit diff` compares: two libraries, two clause files, two answers
// files (as drafts), or one library path at two git revisions (read with
// git archive / git show into temp dirs, never checked out).
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { UserError } from "../errors.js";
import { displayPath } from "../paths.js";
import { YamlSource } from "../library/yaml-source.js";
import { loadLibrary, type LibrarySpec } from "../library/load.js";
import { schemaProblems } from "../library/schema.js";
import { compareUnits } from "./compare.js";
import { clauseUnit, draftUnits, libraryUnits, type ClauseData } from "./units.js";
import type { DiffResult, SideInfo, Unit } from "./model.js";
import type { Library } from "../library/types.js";

export interface DiffInput {
  old?: string;
  new?: string;
  /** REV1..REV2, REV1.. (against the working tree) or REV (same). */
  git?: string;
  libraryDir: LibrarySpec;
  templatesDir?: string | undefined;
  /** For libraries: also compare the clauses' rendered text per instrument (the DOCX redline shows it). */
  rendered?: boolean;
}

interface Side {
  kind: "library" | "clause" | "document";
  info: SideInfo;
  units: Unit[];
  date: string | null;
  library?: Library;
}

const ISO = /^\d{4}-\d{2}-\d{2}$/;

export async function runComparison(input: DiffInput): Promise<DiffResult> {
  const temps: string[] = [];
  try {
    let a: Side;
    let b: Side;
    if (input.git) {
      const target = input.old ?? "clauses";
      if (input.new) throw new UserError({ message: "with --git give at most one PATH", hint: "e.g. ordkit diff --git v1.0..v1.1 clauses" }, "usage");
      const [rev1, rev2] = splitRange(input.git);
      a = await readSide(materialize(rev1, target, temps), input, `${rev1}:${gitPath(target)}`);
      b = rev2 ? await readSide(materialize(rev2, target, temps), input, `${rev2}:${gitPath(target)}`) : await readSide(target, input, `${asGiven(target)} (working tree)`);
    } else {
      if (!input.old || !input.new) {
        throw new UserError({ message: "give two things to compare", hint: "ordkit diff OLD NEW (two library directories, two clause files or two answers files), or ordkit diff --git REV1..REV2 [PATH]" }, "usage");
      }
      const ka = sideKind(input.old, asGiven(input.old));
      const kb = sideKind(input.new, asGiven(input.new));
      if (ka !== kb) throw mixed(ka, kb, asGiven(input.old), asGiven(input.new));
      a = await readSide(input.old, input, asGiven(input.old));
      b = await readSide(input.new, input, asGiven(input.new));
    }
    if (a.kind !== b.kind) throw mixed(a.kind, b.kind);
    const date = b.date ?? a.date ?? "2000-01-01";
    const result = compareUnits({ kind: a.kind, old: a.info, new: b.info, oldUnits: a.units, newUnits: b.units, date, versioning: a.kind !== "document" });
    if (input.rendered && a.library && b.library) {
      const { renderedUnits } = await import("./rendered.js");
      result.rendered = compareUnits({ kind: "library", old: a.info, new: b.info, oldUnits: renderedUnits(a.library, date), newUnits: renderedUnits(b.library, date), date, versioning: false });
    }
    return result;
  } finally {
    for (const t of temps) rmSync(t, { recursive: true, force: true });
  }
}

type SideKind = Side["kind"];

function mixed(a: SideKind, b: SideKind, labelA?: string, labelB?: string): UserError {
  const name = (k: SideKind): string => (k === "document" ? "an answers file" : k === "library" ? "a library" : "a clause file");
  const files = (a === "clause" && b === "document") || (b === "clause" && a === "document");
  return new UserError(
    {
      message: `cannot compare ${name(a)} with ${name(b)}${labelB !== undefined ? ` (${labelB})` : ""}`,
      ...(labelA !== undefined ? { file: labelA } : {}),
      hint: files ? "a YAML file with an answers_version or jurisdiction key is read as an answers file, any other as a clause file; give two of the same kind" : "give two library directories, two clause files or two answers files",
    },
    "usage",
  );
}

function isAnswers(data: Record<string, unknown>): boolean {
  return "answers_version" in data || "jurisdiction" in data;
}

/** What a path holds, cheaply, so mixed inputs fail before any loading. */
function sideKind(p: string, label: string): SideKind {
  if (!existsSync(p)) throw new UserError({ message: "no such file or directory", file: label, hint: "check the path" }, "io");
  if (statSync(p).isDirectory()) return "library";
  const src = YamlSource.read(p, label);
  const data = src.data;
  if (!data || typeof data !== "object" || Array.isArray(data)) throw new UserError(src.problem([], "the file must hold a mapping (key: value lines) at the top level", "a clause file or an answers file; see docs/clause-format.md"));
  return isAnswers(data as Record<string, unknown>) ? "document" : "clause";
}

async function readSide(p: string, input: DiffInput, label: string): Promise<Side> {
  if (!existsSync(p)) throw new UserError({ message: "no such file or directory", file: label, hint: "check the path" }, "io");
  if (statSync(p).isDirectory()) {
    const lib = loadLibrary(path.resolve(p));
    // A layer is compared as the library it makes (with what it extends); it is named by its own name and version.
    const top = lib.layers[lib.layers.length - 1];
    return { kind: "library", info: { label, name: top?.name ?? lib.name, version: top?.version ?? lib.version }, units: libraryUnits(lib), date: ISO.test(lib.legalAsOf) ? lib.legalAsOf : null, library: lib };
  }
  const src = YamlSource.read(p, label);
  const data = src.data as Record<string, unknown> | null;
  if (!data || typeof data !== "object" || Array.isArray(data)) throw new UserError(src.problem([], "the file must hold a mapping (key: value lines) at the top level", "a clause file or an answers file; see docs/clause-format.md"));
  if (isAnswers(data)) {
    return readDocument(p, input, label);
  }
  const problems = schemaProblems(src, "clause");
  if (problems.length) throw new UserError(problems);
  const unit = clauseUnit(data as unknown as ClauseData);
  return { kind: "clause", info: { label, name: unit.id, version: unit.version }, units: [unit], date: null };
}

async function readDocument(p: string, input: DiffInput, label: string): Promise<Side> {
  const { buildDraftAsync } = await import("../pipeline.js");
  // Lazily: assembling loads Handlebars.
  const draft = await buildDraftAsync({ answersFile: path.resolve(p), libraryDir: input.libraryDir, templatesDir: input.templatesDir });
  return {
    kind: "document",
    info: { label, name: `${draft.instrument} ${draft.number}, ${draft.jurisdiction.name}`, version: `${draft.provenance.library.name}@${draft.provenance.library.version}` },
    units: draftUnits(draft),
    date: ISO.test(draft.date) ? draft.date : null,
  };
}

/** A path as the user typed it (relative paths stay relative), with forward slashes. */
function asGiven(p: string): string {
  return path.isAbsolute(p) ? displayPath(p) : path.normalize(p).split(path.sep).join("/");
}

function splitRange(spec: string): [string, string | null] {
  const m = /^(.*?)\.\.(\.?)(.*)$/.exec(spec);
  if (!m) return [spec, null];
  if (m[2]) throw new UserError({ message: `--git ${spec}: symmetric ranges (A...B) are not supported`, hint: "use REV1..REV2" }, "usage");
  if (!m[1]) throw new UserError({ message: `--git ${spec}: the first revision is missing`, hint: "use REV1..REV2, or REV1.. to compare with the working tree" }, "usage");
  return [m[1], m[3] || null];
}

function git(args: string[], cwd: string, what: string): Buffer {
  const r = spawnSync("git", args, { cwd, maxBuffer: 512 * 1024 * 1024 });
  if (r.error) throw new UserError({ message: `cannot run git (${(r.error as NodeJS.ErrnoException).code ?? r.error.message})`, hint: "install git, or compare two directories instead" }, "io");
  if (r.status !== 0) {
    const why = r.stderr.toString().trim().split("\n")[0];
    throw new UserError({ message: why ? `${what}: ${why}` : what }, "input");
  }
  return r.stdout;
}

/** The path inside the repository, with forward slashes. */
function gitPath(target: string): string {
  return path.relative(repoRoot(), path.resolve(target)).split(path.sep).join("/") || ".";
}

function repoRoot(): string {
  return git(["rev-parse", "--show-toplevel"], process.cwd(), "not in a git repository").toString().trim();
}

/** Writes REV:target into a temp dir and returns the path holding it. */
function materialize(rev: string, target: string, temps: string[]): string {
  const root = repoRoot();
  const rel = gitPath(target);
  if (rel.startsWith("..")) throw new UserError({ message: `${target} is outside the git repository`, file: root }, "usage");
  git(["rev-parse", "--verify", "--quiet", `${rev}^{commit}`], root, `unknown revision "${rev}"`);
  const object = rel === "." ? `${rev}^{tree}` : `${rev}:${rel}`;
  const type = spawnSync("git", ["cat-file", "-t", object], { cwd: root, encoding: "utf8" });
  if (type.status !== 0) throw new UserError({ message: `${rel} does not exist at ${rev}`, hint: "check the path (relative to the current directory) and the revision" }, "input");
  const dir = mkdtempSync(path.join(tmpdir(), "ordkit-diff-"));
  temps.push(dir);
  if (type.stdout.trim() === "blob") {
    const file = path.join(dir, path.basename(rel));
    writeFileSync(file, git(["show", object], root, `cannot read ${object}`));
    return file;
  }
  const tar = git(["archive", "--format=tar", object], root, `cannot read ${object}`);
  const x = spawnSync("tar", ["-x", "-C", dir], { input: tar });
  if (x.status !== 0) throw new UserError({ message: `cannot unpack ${object}: ${x.stderr.toString().trim()}` }, "io");
  return dir;
}

/** Two drafts of the same answers (e.g. from two library versions) compared as documents. */
export function compareDrafts(oldDraft: import("../draft.js").Draft, newDraft: import("../draft.js").Draft, oldLabel: string, newLabel: string): DiffResult {
  return compareUnits({
    kind: "document",
    old: { label: oldLabel, name: oldDraft.provenance.library.name, version: oldDraft.provenance.library.version },
    new: { label: newLabel, name: newDraft.provenance.library.name, version: newDraft.provenance.library.version },
    oldUnits: draftUnits(oldDraft),
    newUnits: draftUnits(newDraft),
    date: newDraft.date,
    versioning: false,
  });
}
