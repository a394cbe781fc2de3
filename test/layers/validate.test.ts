// ordkit validate: every problem at once, each where it is written.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { fromRoot } from "../helpers.js";
import { tempTree } from "../tmp.js";
import { runCli } from "../run-cli.js";

/** A clause that is right in every way, to plant one mistake in. */
function clause(id: string, body = "Each Department shall keep a record.", extra = ""): string {
  return `id: ${id}
version: "1.0.0"
title: A clause
category: ${id.split("/")[0]}
kind: operative
instruments: [ordinance, executive-order]
when: { answer: modules, includes: extra }
regulates: { who: own-personnel, where: not-applicable, does: directs-staff }
terms: [department]
${extra}heading: A heading
body:
  - text: ${body}
`;
}

const FOIA = readFileSync(fromRoot("clauses/public-records/foia-cadence.yaml"), "utf8");
const ORDINANCE = readFileSync(fromRoot("templates/ordinance.hbs"), "utf8");

// Each planted mistake: the file, a marker on its line, and what the report must say.
const FILES: Record<string, string> = {
  "ordkit.yaml": 'layer_version: 1\nname: planted\nversion: "0.1.0"\nextends: ordkit\ncategories:\n  - id: extra\n    title: Extra\ndisable:\n  - property-use/nothing\n',
  "clauses/extra/semver.yaml": clause("extra/semver").replace('version: "1.0.0"', 'version: "1.0"'),
  "clauses/extra/colour.yaml": clause("extra/colour", undefined, "colour: red\n"),
  "clauses/extra/moved.yaml": clause("extra/elsewhere"),
  "clauses/extra/terms.yaml": clause("extra/terms").replace("terms: [department]", "terms: [department, no-such-term]"),
  "clauses/extra/mystery.yaml": clause("extra/mystery", "The {{mystery}} shall apply."),
  "clauses/extra/answer.yaml": clause("extra/answer").replace("when: { answer: modules, includes: extra }", "when: { answer: jurisdiction.colour, equals: blue }"),
  "clauses/extra/ghost.yaml": clause("extra/ghost", "Text.\n    when: { answer: variables.extra/nobody.days, equals: 3 }"),
  "clauses/extra/syntax.yaml": clause("extra/syntax", '"{{#if sponsor}}never closed"'),
  "clauses/extra/dupkey.yaml": clause("extra/dupkey").replace("title: A clause", "title: A clause\ntitle: Again"),
  "clauses/extra/replaced.yaml": clause("extra/replaced", undefined, "replaced_by: extra/nothing\n"),
  "clauses/public-records/foia-cadence.yaml": FOIA.replace(/^version: "[^"]+"/m, 'version: "0.9.0"'),
  "templates/partials/sponsor.hbs": "{{> no-such-partial}}\n",
  "templates/ordinance.hbs": ORDINANCE.replace("@title {{upper title}}", "@title {{upper title}} {{jurisdiction.colour}}"),
};

const EXPECTED: Array<{ file: string; marker: string; message: RegExp }> = [
  { file: "ordkit.yaml", marker: "property-use/nothing", message: /no clause "property-use\/nothing" to disable/ },
  { file: "clauses/extra/semver.yaml", marker: 'version: "1.0"', message: /version/ },
  { file: "clauses/extra/colour.yaml", marker: "colour: red", message: /unknown key "colour"/ },
  { file: "clauses/extra/moved.yaml", marker: "id: extra/elsewhere", message: /does not match the file's path/ },
  { file: "clauses/extra/terms.yaml", marker: "terms:", message: /unknown term "no-such-term"/ },
  { file: "clauses/extra/mystery.yaml", marker: "{{mystery}}", message: /unknown variable "mystery"/ },
  { file: "clauses/extra/answer.yaml", marker: "jurisdiction.colour", message: /unknown answer "jurisdiction\.colour"/ },
  { file: "clauses/extra/ghost.yaml", marker: "variables.extra/nobody", message: /unknown answer "variables\.extra\/nobody\.days"/ },
  { file: "clauses/extra/syntax.yaml", marker: "{{#if sponsor}}", message: /./ },
  { file: "clauses/extra/dupkey.yaml", marker: "title: Again", message: /[Dd]uplicate|unique/ },
  { file: "clauses/extra/replaced.yaml", marker: "replaced_by", message: /replaced_by names an unknown clause "extra\/nothing"/ },
  { file: "clauses/public-records/foia-cadence.yaml", marker: 'version: "0.9.0"', message: /with the lower version 0\.9\.0/ },
  { file: "templates/partials/sponsor.hbs", marker: "no-such-partial", message: /unknown partial "no-such-partial"/ },
  { file: "templates/ordinance.hbs", marker: "jurisdiction.colour", message: /colour/ },
];

function lineOf(text: string, marker: string): number {
  const i = text.split("\n").findIndex((l) => l.includes(marker));
  assert.ok(i >= 0, `marker ${marker} not found`);
  return i + 1;
}

interface JsonProblem {
  file: string | null;
  line: number | null;
  col: number | null;
  message: string;
  snippet: string | null;
  hint: string | null;
}

test("a layer with fourteen planted mistakes: validate reports every one, at its line, with a hint where one helps", () => {
  const dir = tempTree(FILES);
  const r = runCli(["validate", "--format", "json"], { cwd: dir });
  assert.equal(r.status, 1, r.stderr);
  assert.equal(r.stderr, "");
  const report = JSON.parse(r.stdout) as { ok: boolean; problems: JsonProblem[] };
  assert.equal(report.ok, false);
  for (const want of EXPECTED) {
    const line = lineOf(FILES[want.file]!, want.marker);
    const hit = report.problems.find((p) => p.file === want.file && p.line === line && want.message.test(p.message));
    assert.ok(hit, `no problem for ${want.file}:${line} ${want.message}; got:\n${report.problems.map((p) => `${p.file}:${p.line}:${p.col} ${p.message}`).join("\n")}`);
    assert.ok(hit.col !== null && hit.col > 0, `${want.file}: a column`);
  }
  const files = new Set(report.problems.map((p) => p.file));
  for (const want of EXPECTED) assert.ok(files.has(want.file), want.file);
  assert.ok(report.problems.every((p) => p.file !== null), "every problem names its file");
});

test("validate in text: every problem with its snippet and caret, and a count; exit 0 when clean", () => {
  const dir = tempTree(FILES);
  const r = runCli(["validate", dir]);
  assert.equal(r.status, 1);
  assert.match(r.stdout, /^ordkit-default \S+ < planted 0\.1\.0: \d+ clauses, \d instrument templates/);
  assert.match(r.stdout, /clauses\/extra\/mystery\.yaml:\d+:\d+: extra\/mystery: unknown variable "mystery"\n {4}.*\{\{mystery\}\}.*\n {4} *\^\n {2}hint: /);
  assert.match(r.stdout, /\n\d+ problems in 1\d files\n$/);
  assert.doesNotMatch(r.stdout + r.stderr, /\n\s+at /, "no stack trace");

  const clean = runCli(["validate"]);
  assert.equal(clean.status, 0, clean.stdout + clean.stderr);
  assert.match(clean.stdout, /no problems/);
  const mini = runCli(["validate", fromRoot("test/fixtures/mini-library"), "--format", "json"]);
  assert.equal(mini.status, 0, mini.stdout);
  assert.deepEqual((JSON.parse(mini.stdout) as { problems: unknown[] }).problems, []);
});

test("validate checks the default library's own files through a layer: a broken override shows where it is", () => {
  const dir = tempTree({
    "ordkit.yaml": 'layer_version: 1\nname: one\nversion: "0.1.0"\nextends: ordkit\nclauses: rules\n',
    "rules/general/severability.yaml": "id: general/severability\nversion: [1]\n",
  });
  const r = runCli(["validate", path.join(dir, "ordkit.yaml"), "--format", "json"]);
  assert.equal(r.status, 1);
  const ps = (JSON.parse(r.stdout) as { problems: JsonProblem[] }).problems;
  assert.ok(ps.some((p) => p.file === path.join("rules", "general", "severability.yaml") || p.file!.endsWith("rules/general/severability.yaml")), JSON.stringify(ps));
});
