// ordkit draft --batch: the CSV reader, typed cells, merging rows over shared
// answers, file names, and the command end to end (few rows: it must stay fast).
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parse as parseYaml } from "yaml";
import { fromRoot } from "./helpers.js";
import { runCli } from "./run-cli.js";
import { copyDir, tempTree } from "./tmp.js";
import { UserError } from "../src/core/errors.js";
import { parseCsv } from "../src/core/batch/csv.js";
import { cellValue, columnType } from "../src/core/batch/columns.js";
import { mergeRow, mergedLocator, sharedAnswers } from "../src/core/batch/merge.js";
import { outputName, slug } from "../src/core/batch/names.js";
import { readBatchFile } from "../src/core/batch/rows.js";
import { planBatch, rowJob } from "../src/core/batch/plan.js";
import { RowDrafter } from "../src/core/batch/draft-row.js";
import { batchExitCode, summaryJson } from "../src/core/batch/result.js";
import { loadLibrary } from "../src/core/library/load.js";
import { loadInterview } from "../src/core/interview/definition.js";
import { YamlSource } from "../src/core/shared/yaml-source.js";

const library = loadLibrary(fromRoot("clauses"));
const def = loadInterview(library);

const SHARED = `answers_version: 1
date: "2026-12-01"
instrument: ordinance
number: "2026-001"
jurisdiction:
  kind: city
  legislative_body: City Council
  executive_title: Mayor
  clerk_title: City Clerk
modules: [property-use, public-records]
existing:
  records_office: City Attorney
variables:
  public-records/foia-cadence:
    office: Attorney
    interval_days: 90
`;

function csvError(text: string): UserError {
  try {
    parseCsv(Buffer.from(text), "b.csv");
  } catch (err) {
    assert.ok(err instanceof UserError, String(err));
    return err;
  }
  assert.fail("expected a CSV error");
}

// ---------------------------------------------------------------- CSV

test("CSV: quoted fields keep commas, doubled quotes and line breaks; positions are where fields start", () => {
  const t = parseCsv(Buffer.from('\ufeffa,b,c\r\n"City of X, Heights","the ""Main"" lot","two\r\nlines"\r\nplain, spaced ,\n'), "b.csv");
  assert.equal(t.records.length, 3);
  const [head, one, two] = t.records;
  assert.deepEqual(head!.fields.map((f) => f.value), ["a", "b", "c"]);
  assert.deepEqual(one!.fields.map((f) => f.value), ["City of X, Heights", 'the "Main" lot', "two\nlines"]);
  assert.deepEqual(one!.fields.map((f) => [f.line, f.col, f.quoted]), [[2, 1, true], [2, 22, true], [2, 41, true]]);
  assert.equal(two!.line, 4, "the quoted line break counts as a line");
  assert.deepEqual(two!.fields.map((f) => f.value), ["plain", " spaced ", ""]);
  assert.equal(t.lineText(4), "plain, spaced ,");
});

test("CSV: syntax errors name line and column with the line and a hint", () => {
  const stray = csvError('a,b\nCity "Y",WA\n');
  assert.deepEqual(stray.problems.map((p) => [p.line, p.col]), [[2, 6]]);
  assert.equal(stray.problems[0]!.snippet, 'City "Y",WA');
  assert.match(stray.problems[0]!.hint!, /quote the whole value/);
  const after = csvError('a,b\n"X"y,WA\n');
  assert.deepEqual([after.problems[0]!.line, after.problems[0]!.col], [2, 4]);
  assert.match(after.problems[0]!.message, /after the closing quote/);
  const open = csvError('a,b\nok,fine\n"never closed,WA\nmore\n');
  assert.deepEqual([open.problems[0]!.file, open.problems[0]!.line, open.problems[0]!.col], ["b.csv", 3, 1]);
  assert.match(open.problems[0]!.message, /never closed/);
});

test("CSV cells take the type the answer declares; an empty cell keeps the shared answer", () => {
  const type = (p: string): ReturnType<typeof columnType> => columnType(p.split("."), library, def);
  assert.equal(type("modules"), "list");
  assert.equal(type("variables.public-records/foia-cadence.interval_days"), "integer");
  assert.equal(type("existing.agreement_287g"), "boolean");
  assert.equal(type("jurisdiction.state"), "string");
  assert.deepEqual(cellValue("property-use; public-records|detainers", false, "list"), ["property-use", "public-records", "detainers"]);
  assert.equal(cellValue(" 45 ", false, "integer"), 45);
  assert.equal(cellValue("forty", false, "integer"), "forty", "left as text for the answers check to report");
  assert.equal(cellValue("Yes", false, "boolean"), true);
  assert.equal(cellValue("false", false, "boolean"), false);
  assert.equal(cellValue("010", false, "string"), "010", "text stays text (YAML would read 10)");
  assert.equal(cellValue("  ", false, "string"), undefined);
  assert.equal(cellValue(" kept ", true, "string"), " kept ", "quoted values are taken as written");
});

// ---------------------------------------------------------------- merging and names

test("rows merge over shared answers: mappings key by key, lists replaced whole, answers_version filled", () => {
  const dir = tempTree({
    "shared.yaml": SHARED,
    "rows.csv": "jurisdiction.name,jurisdiction.state,variables.public-records/foia-cadence.interval_days,modules\nCity of A,CA,45,public-records\nCity of B,WA,,\n",
  });
  const shared = sharedAnswers(YamlSource.read(path.join(dir, "shared.yaml"), "shared.yaml"));
  const batch = readBatchFile(path.join(dir, "rows.csv"), "rows.csv", library, def);
  const a = mergeRow(shared, batch.rows[0]!);
  const parsed = parseYaml(a.text) as Record<string, unknown>;
  assert.deepEqual(parsed.jurisdiction, { name: "City of A", kind: "city", state: "CA", legislative_body: "City Council", executive_title: "Mayor", clerk_title: "City Clerk" });
  assert.deepEqual(parsed.modules, ["public-records"]);
  assert.deepEqual(parsed.variables, { "public-records/foia-cadence": { office: "Attorney", interval_days: 45 } });
  const b = parseYaml(mergeRow(shared, batch.rows[1]!).text) as Record<string, unknown>;
  assert.deepEqual(b.modules, ["property-use", "public-records"], "an empty cell keeps the shared list");
  assert.deepEqual((b.variables as Record<string, Record<string, unknown>>)["public-records/foia-cadence"]!.interval_days, 90);
  assert.deepEqual(shared.answers.modules, ["property-use", "public-records"], "the shared answers are not changed by merging");
  const alone = mergeRow(null, batch.rows[0]!);
  assert.equal((parseYaml(alone.text) as Record<string, unknown>).answers_version, 1);
  assert.equal(mergeRow(shared, batch.rows[0]!).text, a.text, "the same row gives the same text");
});

test("problems in merged answers point at the row's cell, else at the shared file, else at the row", () => {
  const dir = tempTree({ "shared.yaml": SHARED, "rows.csv": "jurisdiction.name,modules\nCity of A,public-records;bogus\n" });
  const shared = sharedAnswers(YamlSource.read(path.join(dir, "shared.yaml"), "shared.yaml"));
  const row = readBatchFile(path.join(dir, "rows.csv"), "rows.csv", library, def).rows[0]!;
  const locate = mergedLocator(mergeRow(shared, row).origins, shared.origins, row.at);
  assert.deepEqual(pick(locate(["modules", 1], false)), ["rows.csv", 2, 11], "a list the row set: its cell");
  assert.deepEqual(pick(locate(["jurisdiction", "name"], true)), ["rows.csv", 1, 1], "a key the row set: its column");
  assert.deepEqual(pick(locate(["variables", "public-records/foia-cadence", "office"], false)), ["shared.yaml", 15, 13]);
  assert.deepEqual(pick(locate([], false)), ["rows.csv", 2, 1]);
});

function pick(p: { file?: string; line: number; col: number } | null): unknown[] {
  return [p?.file, p?.line, p?.col];
}

test("file names: slug of name, state and instrument; the same row always gets the same name; duplicates fail", () => {
  assert.equal(slug("  City of Española — Heights!! "), "city-of-espanola-heights");
  assert.equal(outputName({ jurisdiction: { name: "City of St. Louis", state: "MO" }, instrument: "executive-order" }, ".docx"), "city-of-st-louis-mo-executive-order.docx");
  assert.equal(outputName({ jurisdiction: { name: "!!!", state: "MO" }, instrument: "ordinance" }, ".md"), null);
  const dir = tempTree({ "rows.yaml": "- jurisdiction.name: Springfield\n  jurisdiction.state: IL\n- jurisdiction.name: Springfield\n  jurisdiction.state: MO\n- jurisdiction: { name: SPRINGFIELD, state: IL }\n" });
  const batch = readBatchFile(path.join(dir, "rows.yaml"), "rows.yaml", library, def);
  const shared = sharedAnswers(YamlSource.parse(Buffer.from(SHARED), "shared.yaml"));
  const plan = planBatch(batch, shared, "/drafts", ".md");
  assert.deepEqual(plan.jobs.map((j) => j.out), [path.join("/drafts", "springfield-il-ordinance.md"), path.join("/drafts", "springfield-mo-ordinance.md")]);
  assert.equal(plan.failed.length, 1);
  assert.equal(plan.failed[0]!.index, 3);
  assert.match(plan.failed[0]!.problems[0]!.message, /like the row at line 1/);
  assert.equal(plan.failed[0]!.problems[0]!.line, 5);
  assert.deepEqual(planBatch(batch, shared, "/drafts", ".md").jobs.map((j) => j.out), plan.jobs.map((j) => j.out));
  assert.equal(batchExitCode(plan.failed), 1);
  assert.equal(batchExitCode([]), 0);
  const json = JSON.parse(summaryJson(plan.failed, { batch: "rows.yaml", answers: null, outDir: "drafts", format: "md" }, (f) => f)) as { totals: unknown; rows: Array<{ status: string; line: number }> };
  assert.deepEqual(json.totals, { rows: 1, written: 0, failed: 1 });
  assert.deepEqual([json.rows[0]!.status, json.rows[0]!.line], ["failed", 5]);
});

test("a row drafter loads the library and templates once: later rows do not read them again", () => {
  const dir = tempTree({ "shared.yaml": SHARED, "rows.csv": "jurisdiction.name,jurisdiction.state\nCity of A,CA\nCity of B,WA\n" });
  const libraryDir = copyDir(fromRoot("clauses"));
  const templatesDir = copyDir(fromRoot("templates"));
  const shared = sharedAnswers(YamlSource.read(path.join(dir, "shared.yaml"), "shared.yaml"));
  const plan = planBatch(readBatchFile(path.join(dir, "rows.csv"), "rows.csv", library, def), shared, dir, ".md");
  const drafter = new RowDrafter({ libraryDir: [libraryDir], templatesDir, batchFile: "rows.csv", sharedOrigins: shared.origins, today: "2026-01-01" });
  assert.equal(drafter.draft(rowJob(shared, plan.jobs[0]!)).jurisdiction.name, "City of A");
  rmSync(libraryDir, { recursive: true });
  rmSync(templatesDir, { recursive: true });
  assert.equal(drafter.draft(rowJob(shared, plan.jobs[1]!)).jurisdiction.name, "City of B");
  assert.throws(() => new RowDrafter({ libraryDir: [libraryDir], templatesDir, batchFile: "rows.csv", sharedOrigins: {}, today: "2026-01-01" }), "a fresh drafter does read them");
});

// ---------------------------------------------------------------- the command

test("CSV batch over shared answers: overrides apply, a bad row fails with its line while the others are written (exit 1)", () => {
  const dir = tempTree({
    "shared.yaml": SHARED,
    "rows.csv": [
      "jurisdiction.name,jurisdiction.state,variables.public-records/foia-cadence.interval_days",
      '"City of Riverton, Heights",IL,45',
      "City of Nowhere,ZZ,",
      "City of Alameda Bay,CA,",
      "",
    ].join("\n"),
    "partial.csv": "jurisdiction.name\nCity of Lone\n",
  });
  const out = path.join(dir, "drafts");
  const r = runCli(["draft", "--batch", "rows.csv", "--answers", "shared.yaml", "--out-dir", "drafts", "--format", "md", "--jobs", "2", "--summary", "summary.json"], { cwd: dir });
  assert.equal(r.status, 1, r.stderr);
  assert.deepEqual(readdirSync(out).sort(), ["city-of-alameda-bay-ca-ordinance.md", "city-of-riverton-heights-il-ordinance.md"]);
  const riverton = readFileSync(path.join(out, "city-of-riverton-heights-il-ordinance.md"), "utf8");
  assert.match(riverton, /City of Riverton, Heights/);
  assert.match(riverton, /forty-five \(45\) days/, "the row's value overrides the shared one");
  assert.match(readFileSync(path.join(out, "city-of-alameda-bay-ca-ordinance.md"), "utf8"), /ninety \(90\) days/, "an empty cell keeps the shared value");
  assert.match(r.stderr, /row 2 \(line 3, City of Nowhere\) failed:\n\s+rows\.csv:3:17: unknown state or territory code "ZZ"/);
  assert.match(r.stdout, /^\s+3\s+City of Nowhere\s+FAILED: rows\.csv:3:17/m);
  assert.match(r.stdout, /^\s+2\s+City of Riverton, Heights\s+city-of-riverton-heights-il-ordinance\.md\s+\d+\s+\d+\s+\d+\s+\d+$/m);
  assert.match(r.stdout, /2 of 3 draft\(s\) written/);
  const summary = JSON.parse(readFileSync(path.join(dir, "summary.json"), "utf8")) as { totals: unknown; rows: Array<{ status: string; file: string | null }> };
  assert.deepEqual(summary.totals, { rows: 3, written: 2, failed: 1 });
  assert.deepEqual(summary.rows.map((x) => x.status), ["written", "failed", "written"]);

  // A row lacking a required answer (no state anywhere) fails and lists it; nothing is written for it.
  const lone = runCli(["draft", "--batch", "partial.csv", "--answers", "shared.yaml", "--out-dir", "lone", "--format", "md"], { cwd: dir });
  assert.equal(lone.status, 1, lone.stderr);
  assert.match(lone.stderr, /partial\.csv:2:1: the row lacks 1 answer\(s\)[^\n]*\n\s+jurisdiction\.state/);
  assert.deepEqual(readdirSync(path.join(dir, "lone")), []);
});

test("YAML batch to DOCX: each file is byte-identical to a single draft of the merged answers; no overwrite without --force", () => {
  const dir = tempTree({
    "shared.yaml": SHARED,
    "rows.yaml": [
      "- jurisdiction.name: City of Millbrook",
      "  jurisdiction.state: PA",
      "  instrument: resolution",
      "- jurisdiction:",
      "    name: Cascade County",
      "    kind: county",
      "    state: WA",
      "  modules: [public-records, facial-coverings]",
      "  options.coverings_scope: own-officers",
      "  variables:",
      "    public-records/foia-cadence: { interval_days: 60 }",
      "",
    ].join("\n"),
  });
  const out = path.join(dir, "drafts");
  const r = runCli(["draft", "--batch", "rows.yaml", "--answers", "shared.yaml", "--out-dir", "drafts", "--jobs", "2"], { cwd: dir });
  assert.equal(r.status, 0, r.stderr);
  const names = ["cascade-county-wa-ordinance.docx", "city-of-millbrook-pa-resolution.docx"];
  assert.deepEqual(readdirSync(out).sort(), names);

  // The same answers through a single `ordkit draft --answers` give the same bytes.
  const shared = sharedAnswers(YamlSource.read(path.join(dir, "shared.yaml"), "shared.yaml"));
  const batch = readBatchFile(path.join(dir, "rows.yaml"), "rows.yaml", library, def);
  const expected: Record<string, Buffer> = {};
  for (const [i, name] of [[0, "city-of-millbrook-pa-resolution.docx"], [1, "cascade-county-wa-ordinance.docx"]] as const) {
    const answers = path.join(dir, `row-${i}.yaml`);
    writeFileSync(answers, mergeRow(shared, batch.rows[i]!).text);
    const single = path.join(dir, `single-${i}.docx`);
    const s = runCli(["draft", "--answers", answers, "--out", single], { cwd: dir });
    assert.equal(s.status, 0, s.stderr);
    expected[name] = readFileSync(single);
    assert.ok(readFileSync(path.join(out, name)).equals(expected[name]!), `${name} differs from the single draft`);
  }

  // Existing files are refused as a whole (exit 2), untouched; --force replaces them with the same bytes, whatever --jobs.
  const first = path.join(out, names[0]!);
  writeFileSync(first, "keep me");
  const again = runCli(["draft", "--batch", "rows.yaml", "--answers", "shared.yaml", "--out-dir", "drafts", "--jobs", "2"], { cwd: dir });
  assert.equal(again.status, 2);
  assert.match(again.stderr, /cascade-county-wa-ordinance\.docx: the output file already exists/);
  assert.match(again.stderr, /city-of-millbrook-pa-resolution\.docx: the output file already exists/);
  assert.match(again.stderr, /--force/);
  assert.equal(readFileSync(first, "utf8"), "keep me");
  const forced = runCli(["draft", "--batch", "rows.yaml", "--answers", "shared.yaml", "--out-dir", "drafts", "--jobs", "1", "--force"], { cwd: dir });
  assert.equal(forced.status, 0, forced.stderr);
  assert.deepEqual(readdirSync(out).sort(), names, "the same names, and no temp file left");
  for (const name of names) assert.ok(readFileSync(path.join(out, name)).equals(expected[name]!), `${name} differs after --force`);
});

test("a bad batch file as a whole exits 2 with file:line:col and a hint, and writes nothing", () => {
  const dir = tempTree({
    "quotes.csv": 'jurisdiction.name,jurisdiction.state\nCity of A,CA\n"City of "B",WA\n',
    "header.csv": "jurisdiction.name,jurisdction.state\nCity of A,CA\n",
    "empty.csv": "jurisdiction.name,jurisdiction.state\n\n",
    "empty.yaml": "[]\n",
    "map.yaml": "jurisdiction.name: City of A\n",
  });
  const quotes = runCli(["draft", "--batch", "quotes.csv", "--out-dir", "drafts", "--format", "md"], { cwd: dir });
  assert.equal(quotes.status, 2);
  assert.match(quotes.stderr, /quotes\.csv:3:11: text after the closing quote of a value\n\s+"City of "B",WA\n\s+\^\n\s+hint: quote the whole value/);
  assert.ok(!existsSync(path.join(dir, "drafts")), "nothing was created");
  const problem = (file: string): string => {
    try {
      readBatchFile(path.join(dir, file), file, library, def);
    } catch (err) {
      assert.ok(err instanceof UserError);
      const p = err.problems[0]!;
      assert.ok(p.hint, `${file}: a hint`);
      return `${p.file}:${p.line}:${p.col}: ${p.message}`;
    }
    return assert.fail(`${file} was accepted`);
  };
  assert.equal(problem("header.csv"), 'header.csv:1:19: "jurisdction.state" is not an answer ordkit knows');
  assert.equal(problem("empty.csv"), "empty.csv:1:1: the batch file has no rows");
  assert.equal(problem("empty.yaml"), "empty.yaml:1:1: the batch file has no rows");
  assert.match(problem("map.yaml"), /^map\.yaml:1:1: a YAML batch file must hold a list of rows/);
});

test("usage: --batch needs --out-dir and refuses --out; --jobs is a whole number; batch flags need --batch", () => {
  const usage = (args: string[], re: RegExp): void => {
    const r = runCli(["draft", ...args]);
    assert.equal(r.status, 2, args.join(" "));
    assert.match(r.stderr, re);
  };
  usage(["--batch", "rows.csv", "--out", "x.md"], /--out does not go with --batch/);
  usage(["--batch", "rows.csv"], /--batch needs --out-dir DIR/);
  usage(["--batch", "rows.csv", "--out-dir", "d", "--jobs", "0"], /--jobs must be a whole number of at least 1/);
  usage(["--answers", "x.yaml", "--out-dir", "d"], /--out-dir, --jobs, --summary and --resume go with --batch/);
  const help = runCli(["draft", "--help"]);
  for (const opt of ["--batch", "--out-dir", "--jobs", "--summary"]) assert.ok(help.stdout.includes(opt), opt);
});
