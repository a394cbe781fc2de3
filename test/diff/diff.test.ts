// `ordkit diff` on fixture library pairs with known changes (a moved
// paragraph, a renamed clause, an under-bumped version), golden Markdown and
// JSON, answers files, git revisions and the exit codes.
// Regenerate the golden files with UPDATE_GOLDEN=1 after a deliberate change.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { Chalk } from "chalk";
import { fromRoot } from "../helpers.js";
import { runCli } from "../run-cli.js";
import { tempDir, copyDir } from "../tmp.js";
import { runComparison } from "../../src/core/diff-inputs.js";
import { reportTerminal } from "../../src/reporters/diff-terminal.js";
import type { DiffResult } from "../../src/core/diff/model.js";

const OLD = "test/diff/fixtures/lib-old";
const NEW = "test/diff/fixtures/lib-new";
const MINI = ["--library", "test/fixtures/mini-library", "--templates", "test/fixtures/mini-templates"];

function golden(name: string, actual: string): void {
  const file = fromRoot("test/diff/fixtures/expected", name);
  if (process.env.UPDATE_GOLDEN) writeFileSync(file, actual);
  assert.ok(existsSync(file), `missing golden file ${name} (run with UPDATE_GOLDEN=1)`);
  assert.equal(actual, readFileSync(file, "utf8"), `${name} differs from the golden file`);
}

async function compareFixtures(): Promise<DiffResult> {
  const cwd = process.cwd();
  process.chdir(fromRoot());
  try {
    return await runComparison({ old: OLD, new: NEW, libraryDir: fromRoot("clauses"), templatesDir: fromRoot("templates") });
  } finally {
    process.chdir(cwd);
  }
}

test("libraries: finds the added, removed, renamed, moved and changed clauses", async () => {
  const r = await compareFixtures();
  assert.deepEqual(r.summary, { added: 1, removed: 1, changed: 2, renamed: 1, moved: 1, unchanged: 1 });
  const by = (id: string) => r.units.find((u) => u.id === id)!;
  assert.equal(by("ops/notice").type, "added");
  assert.equal(by("ops/extra").type, "removed");
  assert.equal(by("findings/stewardship").type, "renamed");
  assert.equal(by("findings/stewardship").oldId, "findings/one");
  assert.equal(by("definitions/zone").type, "moved");
  assert.deepEqual(by("definitions/zone").moved, { from: 3, to: 2, oldAfter: "definitions/agency" });
  assert.equal(by("general/effective").type, "unchanged");
});

test("libraries: a moved paragraph is a move, not a deletion and an insertion", async () => {
  const rule = (await compareFixtures()).units.find((u) => u.id === "ops/rule")!;
  const to = rule.paras.find((p) => p.op === "moveTo")!;
  const from = rule.paras.find((p) => p.op === "moveFrom")!;
  assert.equal(to.new!.text, "Only in an ordinance.");
  assert.equal(to.old!.path, "2");
  assert.equal(to.new!.path, "3");
  assert.equal(from.old!.path, "2");
  assert.ok(!rule.paras.some((p) => p.op === "insert" || p.op === "delete"));
  const change = rule.paras.find((p) => p.op === "change")!;
  assert.deepEqual(change.words!.filter((w) => w.op !== "equal"), [
    { op: "delete", text: "shall" },
    { op: "insert", text: "may" },
  ]);
  assert.deepEqual(rule.meta.map((m) => [m.field, m.level]), [["variables.days", "minor"]]);
});

test("libraries: an under-bumped version is a warning; a sufficient bump is not", async () => {
  const r = await compareFixtures();
  const rule = r.units.find((u) => u.id === "ops/rule")!;
  assert.equal(rule.version!.declared, "patch");
  assert.equal(rule.version!.required, "major");
  assert.equal(rule.version!.ok, false);
  assert.ok(r.warnings.some((w) => w.startsWith("ops/rule: version 1.2.0 → 1.2.1 is a patch bump, but the changes need a major bump")), r.warnings.join("\n"));
  assert.equal(r.units.find((u) => u.id === "definitions/agency")!.version!.ok, true);
  assert.equal(r.library!.required, "major");
  assert.equal(r.library!.declared, "minor");
  assert.ok(r.warnings.some((w) => w.startsWith("library mini:")));
});

test("libraries: golden Markdown and JSON; exit 1 for differences", () => {
  const md = runCli(["diff", OLD, NEW, "--format", "md"]);
  assert.equal(md.status, 1, md.stderr);
  golden("lib.md", md.stdout);
  const json = runCli(["diff", OLD, NEW, "--format", "json"]);
  assert.equal(json.status, 1, json.stderr);
  golden("lib.json", json.stdout);
  assert.equal(JSON.parse(json.stdout).ordkitDiff, 1);
});

test("libraries: same inputs give byte-identical reports", () => {
  for (const f of ["md", "json", "text"]) {
    assert.equal(runCli(["diff", OLD, NEW, "--format", f]).stdout, runCli(["diff", OLD, NEW, "--format", f], { env: { TZ: "Pacific/Kiritimati" } }).stdout, f);
  }
});

test("text report: plain markers without a TTY, colours only when asked", async () => {
  const r = runCli(["diff", OLD, NEW]);
  assert.equal(r.status, 1, r.stderr);
  assert.match(r.stdout, /^Comparing clause libraries\n/);
  assert.match(r.stdout, /Summary: 1 added, 1 removed, 2 changed, 1 renamed, 1 moved; 1 unchanged/);
  assert.match(r.stdout, /Every Zone \[-shall-\]\{\+may\+\} be posted/);
  assert.match(r.stdout, /¶3 moved from ¶2: Only in an ordinance\./);
  assert.doesNotMatch(r.stdout, /\x1b\[/);
  const coloured = reportTerminal(await compareFixtures(), new Chalk({ level: 1 }));
  assert.match(coloured, /\x1b\[9m/); // strikethrough
  assert.match(coloured, /\x1b\[4m/); // underline
  assert.match(coloured, /\x1b\[32m/); // green move
});

test("identical inputs: exit 0 and 'no differences'", () => {
  const r = runCli(["diff", OLD, OLD]);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /Summary: no differences \(6 clauses compared\)/);
  const j = runCli(["diff", OLD, copyDir(fromRoot(OLD)), "--format", "json"]);
  assert.equal(j.status, 0, j.stderr);
  assert.equal(JSON.parse(j.stdout).differences, false);
});

test("two clause files are compared as one clause with the version check", () => {
  const r = runCli(["diff", `${OLD}/ops/rule.yaml`, `${NEW}/ops/rule.yaml`, "--format", "json"]);
  assert.equal(r.status, 1, r.stderr);
  const j = JSON.parse(r.stdout);
  assert.equal(j.kind, "clause");
  assert.equal(j.changes.length, 1);
  assert.equal(j.changes[0].version.required, "major");
  assert.deepEqual(j.changes[0].paragraphs.map((p: { op: string }) => p.op), ["change", "move"]);
});

test("answers files are assembled and compared as drafts (golden JSON)", () => {
  const r = runCli(["diff", "test/diff/fixtures/answers-old.yaml", "test/diff/fixtures/answers-new.yaml", ...MINI, "--format", "json"]);
  assert.equal(r.status, 1, r.stderr);
  golden("answers.json", r.stdout);
  const same = runCli(["diff", "test/diff/fixtures/answers-old.yaml", "test/diff/fixtures/answers-old.yaml", ...MINI]);
  assert.equal(same.status, 0, same.stderr);
});

test("errors exit 2: missing inputs, mixed kinds, a bad git revision", () => {
  const none = runCli(["diff", OLD]);
  assert.equal(none.status, 2);
  assert.match(none.stderr, /give two things to compare/);
  const mixed = runCli(["diff", OLD, "test/diff/fixtures/answers-old.yaml"]);
  assert.equal(mixed.status, 2);
  assert.match(mixed.stderr, /cannot compare a library with an answers file/);
  const missing = runCli(["diff", OLD, "test/diff/fixtures/nope"]);
  assert.equal(missing.status, 2);
  const docxNoOut = runCli(["diff", OLD, NEW, "--format", "docx"]);
  assert.equal(docxNoOut.status, 2);
  assert.match(docxNoOut.stderr, /needs --out/);
});

test("--git REV1..REV2 PATH reads both revisions without a checkout", () => {
  const repo = tempDir();
  const git = (...args: string[]): void => {
    const r = spawnSync("git", ["-c", "user.email=t@example.com", "-c", "user.name=t", ...args], { cwd: repo, encoding: "utf8" });
    assert.equal(r.status, 0, r.stderr);
  };
  git("init", "-q");
  cpSync(fromRoot(OLD), path.join(repo, "lib"), { recursive: true });
  git("add", "-A");
  git("commit", "-qm", "old");
  spawnSync("rm", ["-rf", path.join(repo, "lib")]);
  cpSync(fromRoot(NEW), path.join(repo, "lib"), { recursive: true });
  git("add", "-A");
  git("commit", "-qm", "new");
  // Dirty the working tree: --git must not look at it for HEAD.
  writeFileSync(path.join(repo, "lib/ops/rule.yaml"), "not: [valid");
  const r = runCli(["diff", "--git", "HEAD~1..HEAD", "lib", "--format", "json"], { cwd: repo });
  assert.equal(r.status, 1, r.stderr);
  const viaGit = JSON.parse(r.stdout);
  const viaDirs = JSON.parse(runCli(["diff", OLD, NEW, "--format", "json"]).stdout);
  assert.equal(viaGit.old.label, "HEAD~1:lib");
  assert.deepEqual(viaGit.changes, viaDirs.changes);
  assert.equal(readFileSync(path.join(repo, "lib/ops/rule.yaml"), "utf8"), "not: [valid");
  const file = runCli(["diff", "--git", "HEAD~1..HEAD", "lib/ops/rule.yaml"], { cwd: repo });
  assert.equal(file.status, 1, file.stderr);
  assert.match(file.stdout, /Comparing clause files/);
  const bad = runCli(["diff", "--git", "nope..HEAD", "lib"], { cwd: repo });
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /unknown revision "nope"/);
});
