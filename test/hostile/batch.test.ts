// `ordkit draft --batch` under faults: a worker that dies, a row whose file
// the file system refuses, a run interrupted or killed and resumed, names in
// scripts whose letters take several bytes, and prototype keys in YAML rows.
// One row's trouble is that row's alone; the rest are drafted, the summary is
// written, and nothing is left half-written.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fromRoot } from "../helpers.js";
import { runCli } from "../run-cli.js";
import { tempTree } from "../tmp.js";
import { EXAMPLES, assertNoStackTrace, listTree } from "./harness.js";
import { summaryChunks, summaryJson, type RowResult } from "../../src/core/batch/result.js";

const BIN = fromRoot("bin/ordkit.js");

function rowsCsv(names: string[], state = "IL"): string {
  return ["jurisdiction.name,jurisdiction.state", ...names.map((n) => `"${n}",${state}`), ""].join("\n");
}

interface Summary {
  totals: Record<string, number>;
  rows: Array<{ row: number; status: string; file: string | null; problems: Array<{ message: string }> }>;
}

function summary(file: string): Summary {
  return JSON.parse(readFileSync(file, "utf8")) as Summary;
}

for (const how of ["exit", "throw", "oom"] as const) {
  test(`a worker that dies (${how}) is replaced: its row is reported, every other row is drafted`, { timeout: 180_000 }, () => {
    const dir = tempTree({ "rows.csv": rowsCsv(["City of A", "City of B", "City of C", "City of D", "City of E"]) });
    const r = spawnSync(process.execPath, ["--import", fromRoot("test/fixtures/hostile/worker-dies.mjs"), BIN, "draft", "--batch", "rows.csv", "--answers", EXAMPLES.riverton, "--out-dir", "out", "--format", "md", "--jobs", "1", "--summary", "summary.json"], {
      cwd: dir,
      env: { ...process.env, NO_COLOR: "1", CI: "1", ORDKIT_TEST_DIE_ROW: "2", ORDKIT_TEST_DIE_HOW: how },
      encoding: "utf8",
      timeout: 170_000,
    });
    assert.equal(r.status, 1, r.stderr);
    assert.match(r.stderr, /row 2 \(line 3, City of B\) failed:\n\s+internal error: the worker drafting this row stopped/);
    assertNoStackTrace(r.stderr.replace(/^.*internal error: the worker drafting this row stopped.*$/m, ""), how);
    assert.deepEqual(readdirSync(path.join(dir, "out")).sort(), ["city-of-a-il-ordinance.md", "city-of-c-il-ordinance.md", "city-of-d-il-ordinance.md", "city-of-e-il-ordinance.md"]);
    const s = summary(path.join(dir, "summary.json"));
    assert.deepEqual(s.rows.map((x) => x.status), ["written", "failed", "written", "written", "written"]);
  });
}

test("a row whose file the file system refuses fails alone; the others are written and the summary too", () => {
  // A directory path 60 bytes short of the 4,096-byte limit: a short name fits under it, a long one does not.
  const dir = tempTree({});
  let deep = dir;
  while (deep.length < 4096 - 60) deep = path.join(deep, "d".repeat(Math.max(1, Math.min(200, 4096 - 60 - deep.length - 1))));
  mkdirSync(deep, { recursive: true });
  const long = `City of ${"Long".repeat(30)}`;
  writeFileSync(path.join(dir, "rows.csv"), rowsCsv(["City of A", long, "City of C"]));
  const r = runCli(["draft", "--batch", "rows.csv", "--answers", EXAMPLES.riverton, "--out-dir", deep, "--format", "md", "--summary", "summary.json"], { cwd: dir });
  assert.equal(r.status, 1, r.stderr);
  assertNoStackTrace(r.stderr, "long path");
  assert.match(r.stderr, /row 2 \(line 3, City of Long[^)]*\) failed:\n[^\n]*too long/);
  assert.deepEqual(readdirSync(deep).filter((f) => !statSync(path.join(deep, f)).isDirectory()).sort(), ["city-of-a-il-ordinance.md", "city-of-c-il-ordinance.md"]);
  assert.deepEqual(summary(path.join(dir, "summary.json")).totals, { rows: 3, written: 2, failed: 1 });
});

test("names in scripts whose letters take several bytes stay within the file system's 255 bytes", () => {
  const cjk = `市${"東京都港区".repeat(20)}`; // 101 characters of 3 bytes each
  const dir = tempTree({ "rows.csv": rowsCsv([cjk, "City of A"]) });
  const r = runCli(["draft", "--batch", "rows.csv", "--answers", EXAMPLES.riverton, "--out-dir", "out", "--format", "md", "--summary", "summary.json"], { cwd: dir });
  assert.equal(r.status, 0, r.stderr);
  const files = readdirSync(path.join(dir, "out"));
  assert.equal(files.length, 2);
  for (const f of files) assert.ok(Buffer.byteLength(f) <= 255, `${f}: ${Buffer.byteLength(f)} bytes`);
  assert.ok(files.some((f) => f.startsWith("市東京都港区")));
});

test("--resume after a killed run: complete files are skipped (and counted), the rest drafted; a changed file is not replaced without --force", { timeout: 180_000 }, async () => {
  const names = Array.from({ length: 12 }, (_, i) => `City of R${i + 1}`);
  const dir = tempTree({ "rows.csv": rowsCsv(names) });
  const args = ["draft", "--batch", "rows.csv", "--answers", EXAMPLES.riverton, "--out-dir", "out", "--format", "md", "--jobs", "1"];
  const expected = runCli([...args.slice(0, -6), "--out-dir", "whole", "--format", "md", "--jobs", "1"], { cwd: dir });
  assert.equal(expected.status, 0, expected.stderr);

  // Kill the run (SIGKILL: no cleanup at all) once some drafts are there.
  const child = spawn(process.execPath, [BIN, ...args], { cwd: dir, env: { ...process.env, NO_COLOR: "1", CI: "1" }, stdio: "ignore" });
  const exited = new Promise((resolve) => child.on("exit", resolve));
  const out = path.join(dir, "out");
  for (let waited = 0; waited < 120_000; waited += 20) {
    if (existsSync(out) && readdirSync(out).filter((f) => f.endsWith(".md")).length >= 3) break;
    await new Promise((r) => setTimeout(r, 20));
  }
  child.kill("SIGKILL");
  await exited;
  const before = readdirSync(out).filter((f) => f.endsWith(".md"));
  assert.ok(before.length >= 3 && before.length < names.length, `the run was killed after ${before.length} drafts`);

  // A temp file as SIGKILL can leave mid-write (pid 2^22 + 1 is above Linux's limit: no such process).
  writeFileSync(path.join(out, `.ordkit-${2 ** 22 + 1}-0-abcdef.tmp`), "half a dr");

  // Without --resume, the existing drafts stop the batch; --resume names the way out.
  const plain = runCli(args, { cwd: dir });
  assert.equal(plain.status, 2);
  assert.match(plain.stderr, /--resume/);

  const resumed = runCli([...args, "--resume", "--summary", "summary.json"], { cwd: dir });
  assert.equal(resumed.status, 0, resumed.stderr);
  assert.match(resumed.stderr, /removed 1 temp file\(s\) a stopped run left in out/);
  assert.match(resumed.stdout, new RegExp(`${names.length - before.length} of ${names.length} draft\\(s\\) written to out; ${before.length} skipped`));
  const s = summary(path.join(dir, "summary.json"));
  assert.deepEqual(s.totals, { rows: names.length, written: names.length - before.length, failed: 0, unchanged: before.length });
  for (const f of readdirSync(path.join(dir, "whole"))) assert.ok(readFileSync(path.join(out, f)).equals(readFileSync(path.join(dir, "whole", f))), `${f} differs from an uninterrupted run`);
  assert.ok(!listTree(out).some((f) => !f.endsWith(".md")), `left behind: ${listTree(out).join(", ")}`);

  // A file that is not what the row drafts now is kept, and the row fails, unless --force.
  const changed = path.join(out, before[0]!);
  writeFileSync(changed, "edited by hand");
  const again = runCli([...args, "--resume"], { cwd: dir });
  assert.equal(again.status, 1, again.stderr);
  assert.match(again.stderr, /the file exists and differs from the draft this row gives now/);
  assert.equal(readFileSync(changed, "utf8"), "edited by hand");
  const forced = runCli([...args, "--resume", "--force"], { cwd: dir });
  assert.equal(forced.status, 0, forced.stderr);
  assert.ok(readFileSync(changed).equals(readFileSync(path.join(dir, "whole", before[0]!))));
});

test("the summary written in pieces is byte for byte the JSON of the whole", () => {
  const rows: RowResult[] = [
    { index: 2, line: 3, jurisdiction: "City of \"B\"\n", instrument: null, status: "failed", file: null, riskNotes: null, notes: [], problems: [{ message: "bad\nthing", file: "rows.csv", line: 3, col: 1, hint: "fix" }] },
    { index: 1, line: 2, jurisdiction: "City of A", instrument: "ordinance", status: "written", file: "/x/a.md", riskNotes: { high: 1, medium: 0, low: 2, info: 0 }, notes: ["a note"], problems: [] },
    { index: 3, line: 4, jurisdiction: null, instrument: "resolution", status: "unchanged", file: "/x/c.md", riskNotes: { high: 0, medium: 0, low: 0, info: 0 }, notes: [], problems: [] },
  ];
  for (const resume of [false, true]) {
    for (const list of [rows, [], rows.slice(0, 1)]) {
      const meta = { batch: "rows.csv", answers: null, outDir: "out", format: "md", ...(resume ? { resume } : {}) };
      const pieces = [...summaryChunks(list, meta, (f) => f)].join("");
      const sorted = [...list].sort((a, b) => a.index - b.index);
      const count = (st: string): number => sorted.filter((r) => r.status === st).length;
      const whole = {
        summary_version: 1,
        batch: "rows.csv",
        answers: null,
        out_dir: "out",
        format: "md",
        totals: { rows: sorted.length, written: count("written"), failed: count("failed"), ...(resume ? { unchanged: count("unchanged") } : {}) },
        rows: sorted.map((r) => ({ row: r.index, line: r.line, jurisdiction: r.jurisdiction, instrument: r.instrument, status: r.status, file: r.file, risk_notes: r.riskNotes, notes: r.notes, problems: r.problems.map((p) => ({ file: p.file ?? null, line: p.line ?? null, col: p.col ?? null, message: p.message, hint: p.hint ?? null })) })),
      };
      assert.equal(pieces, JSON.stringify(whole, null, 2) + "\n");
      assert.equal(summaryJson(list, meta, (f) => f), pieces);
    }
  }
});

test("YAML rows with __proto__ or constructor keys are refused as unknown keys, at their line, like any other", () => {
  const dir = tempTree({
    "rows.yaml": [
      "- jurisdiction.name: City of A",
      "  jurisdiction.state: CA",
      "  __proto__: { instrument: resolution }",
      "- jurisdiction.name: City of B",
      "  jurisdiction.state: CA",
      "  constructor: 5",
      "- jurisdiction:",
      "    name: City of C",
      "    state: CA",
      "    __proto__: x",
      "- jurisdiction.name: City of D",
      "  jurisdiction.state: CA",
      "",
    ].join("\n"),
    "cols.csv": "jurisdiction.name,jurisdiction.state,options.constructor\nCity of A,CA,x\n",
  });
  const r = runCli(["draft", "--batch", "rows.yaml", "--answers", EXAMPLES.riverton, "--out-dir", "out", "--format", "md"], { cwd: dir });
  assert.equal(r.status, 1, r.stderr);
  assert.match(r.stderr, /rows\.yaml:3:3: unknown key "__proto__"/);
  assert.match(r.stderr, /rows\.yaml:6:3: unknown key "constructor"/);
  assert.match(r.stderr, /rows\.yaml:10:5: unknown key "__proto__" in jurisdiction/);
  assert.deepEqual(readdirSync(path.join(dir, "out")), ["city-of-d-ca-ordinance.md"]);
  const cols = runCli(["draft", "--batch", "cols.csv", "--answers", EXAMPLES.riverton, "--out-dir", "out2", "--format", "md"], { cwd: dir });
  assert.equal(cols.status, 2, cols.stderr);
  assert.match(cols.stderr, /cols\.csv:1:38: "options\.constructor" is not an option of the library/);
});

test("a --summary that is one of the drafts is refused before anything is made", () => {
  const dir = tempTree({ "rows.csv": rowsCsv(["City of A"]) });
  const r = runCli(["draft", "--batch", "rows.csv", "--answers", EXAMPLES.riverton, "--out-dir", "out", "--format", "md", "--summary", "out/city-of-a-il-ordinance.md"], { cwd: dir });
  assert.equal(r.status, 2, r.stderr);
  assert.match(r.stderr, /--summary out\/city-of-a-il-ordinance\.md is the draft of row 1/);
  assert.ok(!existsSync(path.join(dir, "out")));
});
