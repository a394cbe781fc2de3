// `ordkit draft` without a terminal: never prompts, lists what is missing;
// --save-answers; inquirer is loaded only to ask.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fromRoot } from "../helpers.js";
import { runCli } from "../run-cli.js";
import { tempDir } from "../tmp.js";

const EXAMPLE = fromRoot("examples/alameda-bay-ca-ordinance.yaml");

function traceImports(args: string[]): string[] {
  const r = spawnSync(process.execPath, ["--import", fromRoot("test/fixtures/trace-imports.mjs"), fromRoot("bin/ordkit.js"), ...args], { encoding: "utf8", input: "" });
  return r.stderr.split("\n").filter((l) => l.startsWith("IMPORT ")).map((l) => l.slice(7));
}

test("ordkit --help and drafting from a complete file do not load inquirer", () => {
  assert.ok(!traceImports(["--help"]).some((i) => i.startsWith("@inquirer")));
  const imports = traceImports(["draft", "--answers", EXAMPLE, "--format", "md"]);
  assert.ok(imports.includes("handlebars"), "the trace works");
  assert.ok(!imports.some((i) => i.startsWith("@inquirer")), imports.join(", "));
});

test("no answers and no terminal: exit 2 listing every missing answer by path, nothing written", () => {
  const dir = tempDir();
  const out = path.join(dir, "x.docx");
  const envs: Array<Record<string, string>> = [{}, { CI: "true" }];
  for (const env of envs) {
    const r = runCli(["draft", "--out", out], { env });
    assert.equal(r.status, 2, r.stderr);
    assert.match(r.stderr, /no answers file given/);
    assert.match(r.stderr, /stdin is not a terminal \(or CI is set\)/);
    for (const p of ["jurisdiction.name", "jurisdiction.state", "instrument", "date", "modules"]) assert.match(r.stderr, new RegExp(`\\n  ${p.replace(".", "\\.")} `), p);
    assert.equal(r.stdout, "", "no prompt shown");
    assert.doesNotMatch(r.stderr, /[❯✔]/, "no prompt shown");
  }
  assert.deepEqual(readdirSync(dir), []);
});

test("a partial answers file lists only what it lacks, clause variables included", () => {
  const dir = tempDir();
  const partial = path.join(dir, "partial.yaml");
  writeFileSync(partial, readFileSync(EXAMPLE, "utf8").replace(/^date: .*\n/m, "").replace(/^ {4}(office|interval_days): .*\n/gm, ""));
  // A variable without a default is missing (office, once its default is removed); one with a default is not (interval_days).
  const lib = path.join(dir, "lib");
  spawnSync("cp", ["-r", fromRoot("clauses"), lib]);
  const foia = path.join(lib, "public-records/foia-cadence.yaml");
  writeFileSync(foia, readFileSync(foia, "utf8").replace("    default: Attorney\n", ""));
  const r = runCli(["draft", "--answers", partial, "--library", lib, "--format", "md"]);
  assert.equal(r.status, 2, r.stderr);
  assert.match(r.stderr, /partial\.yaml: the answers file lacks 2 answer\(s\)/);
  assert.match(r.stderr, /\n {2}date +What date/);
  assert.match(r.stderr, /\n {2}variables\.public-records\/foia-cadence\.office +Which office/);
  assert.doesNotMatch(r.stderr, /jurisdiction\.name/);
});

test("a bad value in a partial file is reported with its line before anything is asked", () => {
  const dir = tempDir();
  const partial = path.join(dir, "partial.yaml");
  writeFileSync(partial, "jurisdiction:\n  state: ZZ\nmodules: [public-records]\nvariables:\n  public-records/foia-cadence:\n    interval_days: 10\n");
  const r = runCli(["draft", "--answers", partial, "--format", "md"]);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /partial\.yaml:2:10: unknown state or territory code "ZZ"/);
  assert.match(r.stderr, /partial\.yaml:6:20: public-records\/foia-cadence: interval_days must be at least 30/);
});

test("--save-answers writes the complete answers with comments, atomically, never over a file without --force", () => {
  const dir = tempDir();
  const saved = path.join(dir, "answers.yaml");
  const r = runCli(["draft", "--answers", EXAMPLE, "--format", "md", "--save-answers", saved]);
  assert.equal(r.status, 0, r.stderr);
  const text = readFileSync(saved, "utf8");
  assert.match(text, /# What is the jurisdiction's full formal name\?\n {2}name: City of Alameda Bay/);
  assert.match(text, /first_request_days: 30/, "defaults are written out");
  const again = runCli(["draft", "--answers", saved, "--format", "md"]);
  assert.equal(again.status, 0, again.stderr);
  assert.equal(again.stdout, r.stdout, "the saved answers draft the same text");

  writeFileSync(saved, "keep me");
  const refused = runCli(["draft", "--answers", EXAMPLE, "--format", "md", "--save-answers", saved]);
  assert.equal(refused.status, 2);
  assert.match(refused.stderr, /already exists/);
  assert.equal(readFileSync(saved, "utf8"), "keep me");
  assert.equal(runCli(["draft", "--answers", EXAMPLE, "--format", "md", "--save-answers", saved, "--force"]).status, 0);
  assert.notEqual(readFileSync(saved, "utf8"), "keep me");
  assert.equal(runCli(["draft", "--answers", EXAMPLE, "--out", saved, "--save-answers", saved, "--force", "--format", "md"]).status, 2);
  assert.ok(!readdirSync(dir).some((f) => f.endsWith(".tmp")));
  assert.ok(existsSync(saved));
});

test("draft --help documents --save-answers and the interview", () => {
  const r = runCli(["draft", "--help"]);
  assert.match(r.stdout, /--save-answers <file>/);
  assert.match(r.stdout, /docs\/interview\.md/);
});
