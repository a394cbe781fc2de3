// The document a council files: US Letter by default (--paper, a library's
// paper), a clean copy with --no-notes, the memo in its own section ordered by
// severity with reasoning, and check reading back what the DOCX records.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { unzipSync, zipSync } from "fflate";
import { runCli } from "../run-cli.js";
import { fromRoot } from "../helpers.js";
import { tempDir } from "../tmp.js";
import { memoOrder } from "../../src/writers/memo.js";
import type { RiskNote } from "../../src/core/draft.js";

const CASCADE = fromRoot("examples/cascade-county-wa-resolution.yaml");

function parts(file: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(unzipSync(readFileSync(file)))) out[k] = new TextDecoder().decode(v);
  return out;
}

function pageSize(doc: string): string {
  return [...doc.matchAll(/<w:pgSz w:w="(\d+)" w:h="(\d+)"/g)].map((m) => `${m[1]}x${m[2]}`).join(" ");
}

function draft(dir: string, name: string, ...args: string[]): string {
  const out = path.join(dir, name);
  const r = runCli(["draft", "--answers", CASCADE, "--out", out, ...args]);
  assert.equal(r.status, 0, r.stderr);
  return out;
}

test("every example drafts on US Letter; --paper a4 and legal change every section's page", () => {
  const dir = tempDir();
  for (const f of readdirExamples()) {
    const out = path.join(dir, `${path.basename(f, ".yaml")}.docx`);
    const r = runCli(["draft", "--answers", fromRoot("examples", f), "--out", out]);
    assert.equal(r.status, 0, r.stderr);
    assert.match(pageSize(parts(out)["word/document.xml"]!), /^12240x15840( 12240x15840)*$/, f);
  }
  assert.match(pageSize(parts(draft(dir, "a4.docx", "--paper", "a4"))["word/document.xml"]!), /^11906x16838 11906x16838$/);
  assert.match(pageSize(parts(draft(dir, "legal.docx", "--paper", "legal"))["word/document.xml"]!), /^12240x20160 12240x20160$/);
  const bad = runCli(["draft", "--answers", CASCADE, "--out", path.join(dir, "x.docx"), "--paper", "tabloid"]);
  assert.equal(bad.status, 2, bad.stderr);
  assert.match(bad.stderr, /Allowed choices are letter, legal, a4/);
});

test("a library layer's paper is the default; --paper overrides it", () => {
  const dir = tempDir();
  const layer = path.join(dir, "layer");
  mkdirSync(layer);
  writeFileSync(path.join(layer, "ordkit.yaml"), "layer_version: 1\nname: metric-town\nversion: 1.0.0\nextends: ordkit\npaper: a4\n");
  const a4 = draft(dir, "layer.docx", "--library", layer);
  assert.match(pageSize(parts(a4)["word/document.xml"]!), /^11906x16838/);
  const letter = draft(dir, "override.docx", "--library", layer, "--paper", "letter");
  assert.match(pageSize(parts(letter)["word/document.xml"]!), /^12240x15840/);
});

test("--no-notes: no comments part, no memo, said on stderr; both copies byte-identical across runs", () => {
  const dir = tempDir();
  const wrong = path.join(dir, "wrong.yaml");
  // A draft with notes to leave out: a city's body for a county.
  writeFileSync(wrong, readFileSync(CASCADE, "utf8").replace("legislative_body: Board of County Commissioners", "legislative_body: City Council"));
  const run = (name: string, ...args: string[]): { file: string; stderr: string } => {
    const file = path.join(dir, name);
    const r = runCli(["draft", "--answers", wrong, "--out", file, ...args]);
    assert.equal(r.status, 0, r.stderr);
    return { file, stderr: r.stderr };
  };
  const clean = run("clean.docx", "--no-notes");
  assert.match(clean.stderr, /--no-notes: the risk notes, drafter's notes and risk memo are left out/);
  const p = parts(clean.file);
  assert.equal(p["word/comments.xml"], undefined);
  assert.doesNotMatch(p["word/document.xml"]!, /RISK MEMO|commentRangeStart/);
  assert.match(Object.entries(p).filter(([k]) => /footer/.test(k)).map(([, v]) => v).join(""), /NUMPAGES/);
  const full = run("full.docx");
  const f = parts(full.file);
  assert.ok(f["word/comments.xml"]?.includes("jurisdiction-office-names"));
  assert.match(f["word/document.xml"]!, /DRAFTER(&apos;|')S RISK MEMO/);
  assert.deepEqual(readFileSync(run("clean2.docx", "--no-notes").file), readFileSync(clean.file));
  // Markdown follows the same flag.
  const md = runCli(["draft", "--answers", wrong, "--format", "md", "--no-notes"]);
  assert.equal(md.status, 0, md.stderr);
  assert.doesNotMatch(md.stdout, /risk memo|Risk note/i);
  assert.match(runCli(["draft", "--answers", wrong, "--format", "md"]).stdout, /## Drafter's risk memo/);
  assert.deepEqual(readFileSync(run("full2.docx").file), readFileSync(full.file));
});

test("the memo: the high note first, with its reasoning, the answer to change, and each authority once", () => {
  const dir = tempDir();
  const ca = path.join(dir, "ca.yaml");
  writeFileSync(ca, readFileSync(fromRoot("examples/alameda-bay-ca-ordinance.yaml"), "utf8").replace("coverings_scope: own-officers", "coverings_scope: all-officers").replace("legislative_body: City Council", "legislative_body: County Council"));
  const out = path.join(dir, "ca.docx");
  const r = runCli(["draft", "--answers", ca, "--out", out]);
  assert.equal(r.status, 0, r.stderr);
  const doc = parts(out)["word/document.xml"]!;
  const memo = doc.slice(doc.search(/DRAFTER(&apos;|')S RISK MEMO/)).replace(/<[^>]+>/g, "");
  const entries = [...memo.matchAll(/(\d+)\. (HIGH|MEDIUM|LOW|INFO): /g)].map((m) => m[2]);
  assert.equal(entries[0], "HIGH", memo.slice(0, 600));
  assert.deepEqual(entries, [...entries].sort((a, b) => ["HIGH", "MEDIUM", "LOW", "INFO"].indexOf(a!) - ["HIGH", "MEDIUM", "LOW", "INFO"].indexOf(b!)));
  assert.match(memo, /Why: A local rule may not directly regulate how the federal government performs its functions/);
  assert.match(memo, /In the answers: options\.coverings_scope: own-officers/);
  assert.match(memo, /Authorities \(status as of November 1, 2026\)/);
  assert.equal(memo.split("Johnson v. Maryland, 254 U.S. 51 (1920)").length - 1, 1, "each authority named once");
});

test("memo order: by severity, then where the note sits", () => {
  const n = (rule: string, severity: RiskNote["severity"]): RiskNote => ({ rule, severity, section: "s", paragraph: null, clause: null, quote: "", message: "", explanation: "", authorities: [], suggestion: "" });
  assert.deepEqual(memoOrder([n("a", "low"), n("b", "high"), n("c", "medium"), n("d", "high")]).map((x) => x.rule), ["b", "d", "c", "a"]);
});

test("check on a DOCX ordkit wrote takes the state and instrument from its properties", () => {
  const dir = tempDir();
  const out = draft(dir, "cascade.docx", "--format", "docx");
  const withProps = runCli(["check", out, "--format", "json"]);
  const json = JSON.parse(withProps.stdout) as { state: string; instrument: string };
  assert.equal(json.state, "WA");
  assert.equal(json.instrument, "resolution");
  // The same text without ordkit's properties: the state is not in the text, so it is unknown.
  const files = unzipSync(readFileSync(out));
  delete files["docProps/custom.xml"];
  const bare = path.join(dir, "bare.docx");
  writeFileSync(bare, zipSync(files));
  assert.equal((JSON.parse(runCli(["check", bare, "--format", "json"]).stdout) as { state: string | null }).state, null);
});

function readdirExamples(): string[] {
  return readdirSync(fromRoot("examples")).filter((f) => f.endsWith(".yaml")).sort();
}
