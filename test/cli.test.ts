import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, writeFileSync, chmodSync, mkdirSync } from "node:fs";
import path from "node:path";
import { fromRoot } from "./helpers.js";
import { runCli } from "./run-cli.js";
import { tempDir } from "./tmp.js";

const EXAMPLE = fromRoot("examples/alameda-bay-ca-ordinance.yaml");

test("--help lists the commands and loads neither docx nor Handlebars", () => {
  const r = spawnSync(process.execPath, ["--import", fromRoot("test/fixtures/trace-imports.mjs"), fromRoot("bin/ordkit.js"), "--help"], { encoding: "utf8" });
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /draft \[options\]/);
  const imports = r.stderr.split("\n").filter((l) => l.startsWith("IMPORT ")).map((l) => l.slice(7));
  assert.ok(imports.includes("commander"), `the trace works: ${imports.join(", ")}`);
  for (const heavy of ["docx", "handlebars", "yaml", "ajv", "fflate"]) assert.ok(!imports.includes(heavy), `--help loaded ${heavy}`);
});

test("an unknown command is an error even with --help; a reader that closes the pipe early is not", () => {
  for (const args of [["bogus"], ["bogus", "--help"], ["--debug", "bogus", "-h"]]) {
    const r = runCli(args);
    assert.equal(r.status, 2, args.join(" "));
    assert.match(r.stderr, /unknown command 'bogus'/);
  }
  assert.equal(runCli(["help", "draft"]).status, 0);
  // `ordkit draft ... | true`: the reader is gone before ordkit writes.
  const r = spawnSync("bash", ["-c", `set -o pipefail; "${process.execPath}" "${fromRoot("bin/ordkit.js")}" draft -a "${EXAMPLE}" --format md | true`], { encoding: "utf8" });
  assert.equal(r.status, 0, r.stderr);
  assert.doesNotMatch(r.stderr, /EPIPE|\n\s+at /);
});

test("draft --help explains every option with an example", () => {
  const r = runCli(["draft", "--help"]);
  assert.equal(r.status, 0);
  for (const opt of ["--answers", "--out", "--format", "--library", "--templates", "--date", "--line-numbers", "--force"]) assert.ok(r.stdout.includes(opt), opt);
  assert.match(r.stdout, /Examples:\n\s+\$ ordkit draft --answers examples\//);
});

test("drafts to a file, refuses to overwrite without --force, replaces with it", () => {
  const dir = tempDir();
  const out = path.join(dir, "draft.docx");
  const first = runCli(["draft", "--answers", EXAMPLE, "--out", out]);
  assert.equal(first.status, 0, first.stderr);
  const bytes = readFileSync(out);
  assert.equal(bytes.subarray(0, 2).toString(), "PK");
  writeFileSync(out, "keep me");
  const again = runCli(["draft", "--answers", EXAMPLE, "--out", out]);
  assert.equal(again.status, 2);
  assert.match(again.stderr, /already exists/);
  assert.match(again.stderr, /--force/);
  assert.equal(readFileSync(out, "utf8"), "keep me");
  const forced = runCli(["draft", "--answers", EXAMPLE, "--out", out, "--force"]);
  assert.equal(forced.status, 0, forced.stderr);
  assert.deepEqual(readFileSync(out), bytes);
});

test("errors exit 2 with one clear message, no stack trace, and no file left behind", () => {
  const dir = tempDir();
  const bad = path.join(dir, "bad.yaml");
  writeFileSync(bad, readFileSync(EXAMPLE, "utf8").replace("instrument: ordinance", "instrument: ordinanse"));
  const out = path.join(dir, "out.docx");
  const r = runCli(["draft", "--answers", bad, "--out", out]);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /bad\.yaml:\d+:\d+: instrument must be one of: ordinance, executive-order, resolution/);
  assert.doesNotMatch(r.stderr, /\n\s+at /, "no stack trace");
  assert.deepEqual(readdirSync(dir), ["bad.yaml"]);
  const debug = runCli(["draft", "--answers", bad, "--out", out, "--debug"]);
  assert.match(debug.stderr, /\n\s+at /, "--debug shows the stack");
});

test("usage errors: no answers, unknown format, missing directory, read-only directory, output is the input", () => {
  assert.match(runCli(["draft"]).stderr, /no answers file given/);
  assert.equal(runCli(["draft", "--answers", EXAMPLE, "--out", "x.pdf"]).status, 2);
  const missing = runCli(["draft", "--answers", EXAMPLE, "--out", "/nonexistent-dir/x.docx"]);
  assert.equal(missing.status, 2);
  assert.match(missing.stderr, /output directory does not exist/);
  const same = runCli(["draft", "--answers", EXAMPLE, "--out", EXAMPLE, "--force", "--format", "md"]);
  assert.equal(same.status, 2);
  assert.match(same.stderr, /overwrite an input/);
  assert.equal(runCli(["draft", "--answers", EXAMPLE, "--format", "docx"]).status, 2, "docx needs --out");
  if (process.getuid?.() !== 0) {
    const ro = tempDir();
    mkdirSync(path.join(ro, "locked"));
    chmodSync(path.join(ro, "locked"), 0o555);
    const r = runCli(["draft", "--answers", EXAMPLE, "--out", path.join(ro, "locked", "x.docx")]);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /cannot write the output/);
  }
  assert.equal(runCli(["draft", "--answers", "no-such-file.yaml", "--format", "md"]).status, 2);
  assert.match(runCli(["draft", "--answers", EXAMPLE, "--date", "03/02/2026", "--format", "md"]).stderr, /--date must be YYYY-MM-DD/);
});

test("Markdown and JSON print to stdout", () => {
  const md = runCli(["draft", "--answers", EXAMPLE, "--format", "md"]);
  assert.equal(md.status, 0, md.stderr);
  assert.match(md.stdout, /^## Section 1\. Definitions\.$/m);
  const json = runCli(["draft", "--answers", EXAMPLE, "--format", "json"]);
  assert.equal((JSON.parse(json.stdout) as { instrument: string }).instrument, "ordinance");
});

test("the same inputs give byte-identical DOCX in different time zones and at different times", () => {
  const dir = tempDir();
  const a = path.join(dir, "a.docx");
  const b = path.join(dir, "b.docx");
  assert.equal(runCli(["draft", "--answers", EXAMPLE, "--out", a, "--line-numbers"], { env: { TZ: "America/Los_Angeles" } }).status, 0);
  assert.equal(runCli(["draft", "--answers", EXAMPLE, "--out", b, "--line-numbers"], { env: { TZ: "Asia/Kolkata" } }).status, 0);
  assert.ok(existsSync(a) && existsSync(b));
  assert.deepEqual(readFileSync(a), readFileSync(b));
  const c = path.join(dir, "c.docx");
  runCli(["draft", "--answers", EXAMPLE, "--out", c, "--date", "2026-05-01"]);
  assert.notDeepEqual(readFileSync(c), readFileSync(a), "the date is part of the input");
});

test("a hostile jurisdiction name comes out literally in DOCX and Markdown", () => {
  const dir = tempDir();
  const answers = path.join(dir, "a.yaml");
  const name = 'Town of A & B <"Test"> Peñasco';
  writeFileSync(answers, readFileSync(EXAMPLE, "utf8").replace(/^  name: .*$/m, `  name: '${name}'`).replace(/^  kind: city$/m, "  kind: town"));
  const md = runCli(["draft", "--answers", answers, "--format", "md"]);
  assert.equal(md.status, 0, md.stderr);
  assert.ok(md.stdout.includes('Town of A & B \\<"Test"\\> Peñasco'), "escaped Markdown renders the literal name");
  const json = runCli(["draft", "--answers", answers, "--format", "json"]);
  assert.ok(json.stdout.includes(JSON.stringify(name).slice(1, -1)));
  const out = path.join(dir, "n.docx");
  assert.equal(runCli(["draft", "--answers", answers, "--out", out]).status, 0);
  const xml = spawnSync("unzip", ["-p", out, "word/document.xml"], { encoding: "utf8" }).stdout;
  if (xml) assert.ok(xml.includes("Town of A &amp; B &lt;&quot;Test&quot;&gt; Peñasco"), "XML-escaped, so Word shows it literally");
});
