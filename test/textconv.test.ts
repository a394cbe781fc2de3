// textconv for git: `--install` writes a git setting that runs this ordkit by
// absolute path (never npx or a registry), and `--comments` adds the risk
// notes and memo to the text.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { copyFileSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fromRoot } from "./helpers.js";
import { runCli } from "./run-cli.js";
import { tempDir } from "./tmp.js";

function git(cwd: string, env: Record<string, string>, ...args: string[]): string {
  const r = spawnSync("git", args, { cwd, encoding: "utf8", env: { ...process.env, ...env } });
  assert.equal(r.status, 0, `git ${args.join(" ")}: ${r.stderr}`);
  return r.stdout;
}

test("textconv --install: git diff of a DOCX draft runs this ordkit by absolute path", () => {
  const home = tempDir();
  const env = { HOME: home, GIT_CONFIG_GLOBAL: path.join(home, ".gitconfig"), GIT_CONFIG_NOSYSTEM: "1", GIT_AUTHOR_NAME: "t", GIT_AUTHOR_EMAIL: "t@example.org", GIT_COMMITTER_NAME: "t", GIT_COMMITTER_EMAIL: "t@example.org" };
  const repo = tempDir();
  git(repo, env, "init", "-q");
  const outside = runCli(["textconv", "--install"], { cwd: home, env });
  assert.equal(outside.status, 2);
  assert.match(outside.stderr, /not inside a git repository/);

  const r = runCli(["textconv", "--install"], { cwd: repo, env });
  assert.equal(r.status, 0, r.stderr);
  const setting = git(repo, env, "config", "diff.ordkit.textconv").trim();
  assert.doesNotMatch(setting, /npx|npm/);
  assert.ok(setting.startsWith(process.execPath) || setting.startsWith(`'${process.execPath}`), setting);
  assert.ok(setting.includes(fromRoot("bin", "ordkit.js")), setting);
  assert.equal(readFileSync(path.join(repo, ".gitattributes"), "utf8"), "*.docx diff=ordkit\n");
  // Again: nothing doubled.
  assert.equal(runCli(["textconv", "--install"], { cwd: repo, env }).status, 0);
  assert.equal(readFileSync(path.join(repo, ".gitattributes"), "utf8"), "*.docx diff=ordkit\n");

  const a = path.join(repo, "draft.docx");
  assert.equal(runCli(["draft", "-a", fromRoot("examples/alameda-bay-ca-ordinance.yaml"), "--out", a]).status, 0);
  git(repo, env, "add", ".");
  git(repo, env, "commit", "-qm", "one");
  const other = path.join(tempDir(), "other.docx");
  assert.equal(runCli(["draft", "-a", fromRoot("examples/alameda-bay-ca-ordinance.yaml"), "--out", other, "--date", "2027-01-05"]).status, 0);
  copyFileSync(other, a);
  // PATH without npx or ordkit: the setting must not need them.
  const diff = spawnSync("git", ["diff", "--no-color", "draft.docx"], { cwd: repo, encoding: "utf8", env: { ...process.env, ...env, PATH: path.dirname(spawnSync("sh", ["-c", "command -v git"], { encoding: "utf8" }).stdout.trim()) } });
  assert.equal(diff.status, 0, diff.stderr);
  assert.doesNotMatch(diff.stdout, /Binary files/);
  assert.match(diff.stdout, /^\+.*January 5, 2027/m);
  assert.match(diff.stdout, /^ Section \d+\. /m);

  const global = runCli(["textconv", "--install", "--comments", "--global"], { cwd: home, env });
  assert.equal(global.status, 0, global.stderr);
  assert.match(readFileSync(path.join(home, ".gitconfig"), "utf8"), /textconv = .*ordkit\.js textconv --comments/);
});

test("textconv --comments prints each risk note under its paragraph, and the memo", () => {
  const dir = tempDir();
  const file = path.join(dir, "d.docx");
  assert.equal(runCli(["draft", "-a", fromRoot("examples/schuyler-falls-pa-ordinance.yaml"), "--out", file]).status, 0);
  const plain = runCli(["textconv", file]);
  const full = runCli(["textconv", "--comments", file]);
  assert.equal(full.status, 0, full.stderr);
  assert.doesNotMatch(plain.stdout, /\[comment:|DRAFTER'S RISK MEMO/);
  const lines = full.stdout.split("\n");
  const note = lines.findIndex((l) => /^ {4}\[comment: \[MEDIUM\] direct-regulation: /.test(l));
  assert.ok(note > 0, full.stdout.slice(0, 2000));
  assert.ok(lines.slice(0, note).some((l) => /^Section \d+\. /.test(l)), "the note follows its section");
  assert.match(full.stdout, /^DRAFTER'S RISK MEMO$/m);
  assert.match(full.stdout, /^\d+\. MEDIUM: Section \d+ /m);
  // Every plain line is still there, in order.
  const plainLines = plain.stdout.trimEnd().split("\n");
  let k = 0;
  for (const l of lines) if (l === plainLines[k]) k++;
  assert.equal(k, plainLines.length);
  writeFileSync(path.join(dir, "x"), "");
});
