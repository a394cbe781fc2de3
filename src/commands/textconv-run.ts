// The body of `ordkit textconv`, loaded only when the command runs.
import { spawnSync } from "node:child_process";
import { appendFileSync, existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { UserError } from "../core/errors.js";
import { PACKAGE_ROOT, displayPath } from "../core/paths.js";
import type { TextconvFlags } from "./textconv.js";

export async function runTextconv(file: string | undefined, flags: TextconvFlags): Promise<void> {
  if (flags.install) {
    if (file !== undefined) throw new UserError({ message: "--install takes no file", hint: "ordkit textconv --install, inside the repository" }, "usage");
    installTextconv(flags);
    return;
  }
  if (flags.global) throw new UserError({ message: "--global goes with --install", hint: "ordkit textconv --install --global" }, "usage");
  if (file === undefined) throw new UserError({ message: "missing the .docx file", hint: "ordkit textconv FILE.docx, or ordkit textconv --install to set git up" }, "usage");
  const { docxText } = await import("../core/diff/textconv.js");
  process.stdout.write(docxText(file, { comments: flags.comments ?? false }));
}

/** A word for git's shell: quoted when it holds anything but safe characters. */
function shellWord(s: string): string {
  return /^[A-Za-z0-9_./:@%+=-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

/** The textconv command: this node and this ordkit, by absolute path. */
export function textconvCommandLine(comments: boolean): string {
  return [process.execPath, path.join(PACKAGE_ROOT, "bin", "ordkit.js"), "textconv", ...(comments ? ["--comments"] : [])].map(shellWord).join(" ");
}

function git(args: string[]): { ok: boolean; out: string; err: string } {
  const r = spawnSync("git", args, { encoding: "utf8" });
  if (r.error) throw new UserError({ message: `cannot run git (${(r.error as NodeJS.ErrnoException).code ?? r.error.message})`, hint: "install git, or put it on PATH" }, "io");
  return { ok: r.status === 0, out: r.stdout.trim(), err: r.stderr.trim() };
}

function installTextconv(flags: TextconvFlags): void {
  const command = textconvCommandLine(flags.comments ?? false);
  let top: string | null = null;
  if (!flags.global) {
    const inside = git(["rev-parse", "--show-toplevel"]);
    if (!inside.ok) throw new UserError({ message: "not inside a git repository", hint: "run ordkit textconv --install in the repository, or add --global for every repository" }, "usage");
    top = inside.out;
  }
  const set = git(["config", ...(flags.global ? ["--global"] : []), "diff.ordkit.textconv", command]);
  if (!set.ok) throw new UserError({ message: `git config failed: ${set.err}`, hint: "check that the git configuration file is writable" }, "io");
  process.stderr.write(`set diff.ordkit.textconv in the ${flags.global ? "global" : "repository's"} git config:\n  ${command}\n`);
  if (!top) {
    process.stderr.write("next, in each repository: echo '*.docx diff=ordkit' >> .gitattributes\n");
    return;
  }
  const attributes = path.join(top, ".gitattributes");
  const text = existsSync(attributes) ? readFileSync(attributes, "utf8") : "";
  if (/^\*\.docx\s(?:.*\s)?diff=ordkit\b/m.test(text)) {
    process.stderr.write(`${displayPath(attributes)} already has *.docx diff=ordkit\n`);
    return;
  }
  appendFileSync(attributes, `${text && !text.endsWith("\n") ? "\n" : ""}*.docx diff=ordkit\n`);
  process.stderr.write(`added *.docx diff=ordkit to ${displayPath(attributes)}\n`);
}
