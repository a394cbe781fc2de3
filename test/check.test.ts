import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fromRoot } from "./helpers.js";
import { runCli } from "./run-cli.js";
import { tempDir } from "./tmp.js";
import { buildDraft, buildDraftAsync } from "../src/core/pipeline.js";
import { DEFAULT_LIBRARY_DIR, DEFAULT_TEMPLATES_DIR } from "../src/core/paths.js";

const EXAMPLES = readdirSync(fromRoot("examples")).filter((f) => f.endsWith(".yaml"));
const ALAMEDA = fromRoot("examples/alameda-bay-ca-ordinance.yaml");

interface JsonNote {
  rule: string;
  severity: string;
  section: string;
  clause: string | null;
  quote: string;
  message: string;
  authorities: Array<{ cite: string; url: string; as_of: string }>;
  suggestion: string;
  line: number | null;
}

function withOptions(extra: string): string {
  const dir = tempDir();
  const file = path.join(dir, "a.yaml");
  writeFileSync(file, readFileSync(ALAMEDA, "utf8").replace(/coverings_scope: \S+/, "coverings_scope: all-officers").replace(/identification_scope: \S+/, "identification_scope: all-officers") + extra);
  return file;
}

test("the default library's general clauses raise no high note in any example", async () => {
  for (const e of EXAMPLES) {
    const d = await buildDraftAsync({ answersFile: fromRoot("examples", e), libraryDir: DEFAULT_LIBRARY_DIR, templatesDir: DEFAULT_TEMPLATES_DIR });
    // Notes on a code section an amending ordinance leaves unchanged concern the existing text, not the library.
    const high = d.riskNotes.filter((n) => n.severity === "high" && !d.amendment?.unchanged.some((x) => n.section === `code-${x}`));
    assert.deepEqual(high.map((n) => `${n.rule} ${n.section}`), [], e);
    assert.equal(d.legalAsOf, "2026-11-01");
  }
});

test("each broader variant raises the notes its metadata predicts", () => {
  const d = buildDraft({ answersFile: withOptions(""), libraryDir: DEFAULT_LIBRARY_DIR, templatesDir: DEFAULT_TEMPLATES_DIR });
  for (const id of ["facial-coverings/all-officers", "identification/visible-id"]) {
    const clause = readFileSync(fromRoot("clauses", `${id}.yaml`), "utf8");
    assert.match(clause, /rule: direct-regulation/, `${id} declares the risk`);
    assert.ok(d.riskNotes.some((n) => n.clause === id && n.rule === "direct-regulation" && n.severity === "high"), `${id} in CA: ${JSON.stringify(d.riskNotes.map((n) => [n.rule, n.clause]))}`);
  }
});

test("check an answers file: JSON notes with rule, severity, section, clause, quote, authorities and suggestion; exit 1 at --fail-on", () => {
  const file = withOptions("");
  const r = runCli(["check", file, "--format", "json"]);
  assert.equal(r.status, 1, r.stderr);
  const out = JSON.parse(r.stdout) as { notes: JsonNote[]; legal_as_of: string };
  assert.equal(out.legal_as_of, "2026-11-01");
  const n = out.notes.find((x) => x.rule === "direct-regulation")!;
  assert.ok(n);
  for (const key of ["rule", "severity", "section", "clause", "quote", "message", "authorities", "suggestion"]) assert.ok(key in n, key);
  assert.ok(n.authorities.every((a) => a.cite && a.url && /^\d{4}-\d{2}-\d{2}$/.test(a.as_of)));
  assert.equal(runCli(["check", file, "--fail-on", "none"]).status, 0);
  assert.equal(runCli(["check", ALAMEDA]).status, 0, "the example has no high note");
  // Outside the Ninth Circuit the same rule is a medium risk.
  const ny = runCli(["check", file, "--format", "json", "--state", "NY"]);
  assert.equal(ny.status, 0);
  assert.ok((JSON.parse(ny.stdout) as { notes: JsonNote[] }).notes.some((x) => x.rule === "direct-regulation" && x.severity === "medium"));
});

test("check a DOCX ordkit wrote and a Markdown draft it did not", () => {
  const dir = tempDir();
  const docx = path.join(dir, "d.docx");
  assert.equal(runCli(["draft", "-a", withOptions(""), "-o", docx]).status, 0);
  const r = runCli(["check", docx, "--state", "CA", "--format", "json"]);
  assert.equal(r.status, 1, r.stderr);
  const notes = (JSON.parse(r.stdout) as { notes: JsonNote[] }).notes;
  assert.ok(notes.some((n) => n.rule === "direct-regulation" && n.severity === "high"));
  assert.ok(!notes.some((n) => n.rule === "missing-severability"), "the memo annex and numbering do not confuse the parser");

  const md = path.join(dir, "narrow.md");
  writeFileSync(
    md,
    `# ORDINANCE NO. 1\n\nAN ORDINANCE OF THE CITY OF EXAMPLE\n\nNOW, THEREFORE, BE IT ORDAINED BY THE CITY COUNCIL:\n\n## Section 1. Masks.\n\nNo federal immigration agent shall wear a mask while in the City. This section does not apply to officers of the City Police Department.\n\n## Section 2. Effective date.\n\nThis ordinance takes effect immediately.\n`,
  );
  const m = runCli(["check", md, "--state", "CA"]);
  assert.equal(m.status, 1);
  assert.match(m.stdout, /narrow\.md:\d+: HIGH /);
  assert.match(m.stdout, /narrow-targeting|exempts-comparable-officers/);
  assert.match(m.stdout, /Not legal advice/);
});

test("check refuses what it cannot read, clearly", () => {
  const dir = tempDir();
  const bad = path.join(dir, "x.docx");
  writeFileSync(bad, "not a zip");
  const r = runCli(["check", bad]);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /not a DOCX file/);
  const trunc = path.join(dir, "t.docx");
  const good = path.join(dir, "g.docx");
  runCli(["draft", "-a", ALAMEDA, "-o", good]);
  writeFileSync(trunc, readFileSync(good).subarray(0, 3000));
  assert.equal(runCli(["check", trunc]).status, 2);
  assert.equal(runCli(["check", path.join(dir, "x.pdf")]).status, 2);
  assert.match(runCli(["check", ALAMEDA, "--state", "Californa"]).stderr, /unknown state or territory "Californa"[\s\S]*did you mean California\?/);
});

test("direct-regulation suggests the own-officers form of what each section regulates", () => {
  const d = buildDraft({ answersFile: fromRoot("examples/schuyler-falls-pa-ordinance.yaml"), libraryDir: DEFAULT_LIBRARY_DIR });
  const byHeading = new Map(d.sections.map((s) => [s.id, s.heading]));
  const seen = d.riskNotes.filter((n) => n.rule === "direct-regulation").map((n) => [byHeading.get(n.section) ?? "", /see clause ([a-z/-]+)/.exec(n.suggestion)?.[1]]);
  const vehicles = seen.find(([h]) => /vehicle/i.test(h!));
  assert.ok(vehicles, JSON.stringify(seen));
  assert.equal(vehicles![1], "identification/vehicles-own-officers");
  assert.ok(seen.some(([, c]) => c === "facial-coverings/own-officers"), JSON.stringify(seen));
});
