// The legal data seen from the command line: binding and persuasive
// authorities in check and draft for California, Minnesota and Texas; every
// jurisdiction works end to end; `check --state` by name; `validate` catches
// misspelled ids; `ordkit law`.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { unzipSync } from "fflate";
import { fromRoot } from "../helpers.js";
import { runCli } from "../run-cli.js";
import { copyDir, tempDir } from "../tmp.js";

const ALAMEDA = readFileSync(fromRoot("examples/alameda-bay-ca-ordinance.yaml"), "utf8");

/** The Alameda Bay answers moved to another state, with rules for every officer (so direct regulation fires). */
function answersIn(state: string, date = "2026-12-01"): string {
  const file = path.join(tempDir(), `a-${state}.yaml`);
  writeFileSync(
    file,
    ALAMEDA.replace(/^  state: CA$/m, `  state: ${state}`)
      .replace(/^date: .*$/m, `date: "${date}"`)
      .replace(/coverings_scope: \S+/, "coverings_scope: all-officers")
      .replace(/identification_scope: \S+/, "identification_scope: all-officers")
      .replace(/^modules: .*$/m, "modules: [property-use, facial-coverings, identification, public-records, detainers]"),
  );
  return file;
}

interface Auth { id: string; cite: string; binding: boolean; reason: string; as_of: string }
interface Out { state: string; legal_as_of: string; legal_stale: { days: number; message: string } | null; notes: Array<{ rule: string; authorities: Auth[] }> }

function checkJson(file: string, ...args: string[]): Out {
  const r = runCli(["check", file, "--format", "json", "--fail-on", "none", ...args]);
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout) as Out;
}

function cited(out: Out, id: string): Auth[] {
  return out.notes.flatMap((n) => n.authorities).filter((a) => a.id === id);
}

test("check, California: the Ninth Circuit's rulings and California's statutes bind", () => {
  const out = checkJson(answersIn("CA"));
  assert.equal(out.state, "CA");
  const ninth = cited(out, "california-9th-2026");
  assert.ok(ninth.length > 0, "direct-regulation cites the SB 805 ruling");
  for (const a of ninth) assert.deepEqual([a.binding, a.reason], [true, "binding in the Ninth Circuit, which includes California"]);
  for (const a of cited(out, "ca-sb805-2025")) assert.deepEqual([a.binding, a.reason], [true, "California law, binding in California"]);
  for (const a of cited(out, "johnson-1920")) assert.equal(a.binding, true);
});

test("check, Minnesota: Ninth Circuit rulings are persuasive and California's statute is not law", () => {
  const out = checkJson(answersIn("MN"));
  assert.equal(out.state, "MN");
  const ninth = cited(out, "california-9th-2026");
  assert.ok(ninth.length > 0);
  for (const a of ninth) assert.deepEqual([a.binding, a.reason], [false, "persuasive in the Eighth Circuit (a Ninth Circuit decision)"]);
  const sb805 = cited(out, "ca-sb805-2025");
  assert.ok(sb805.length > 0);
  for (const a of sb805) assert.deepEqual([a.binding, a.reason], [false, "California statute; not law in Minnesota"]);
  for (const a of cited(out, "johnson-1920")) assert.equal(a.binding, true);
  // The same by name, and in the human report.
  assert.deepEqual(checkJson(answersIn("CA"), "--state", "Minnesota").notes.flatMap((n) => n.authorities).filter((a) => a.id === "ca-sb805-2025").map((a) => a.binding), sb805.map(() => false));
  const human = runCli(["check", answersIn("MN"), "--fail-on", "none"]);
  assert.match(human.stdout, /Persuasive: .*California statute; not law in Minnesota/);
  assert.match(human.stdout, /Binding: .*Johnson v\. Maryland/);
});

test("check, Texas: the state's ban and the Fifth Circuit bind; the Ninth Circuit persuades", () => {
  const out = checkJson(answersIn("TX"));
  const pre = out.notes.filter((n) => n.rule === "state-preemption");
  assert.ok(pre.length > 0, "the detainer limits are barred in Texas");
  const tx = pre.flatMap((n) => n.authorities).filter((a) => a.id.startsWith("tx-"));
  assert.ok(tx.length > 0, "the note cites Texas's own laws");
  for (const a of tx) assert.deepEqual([a.binding, a.reason], [true, "Texas law, binding in Texas"]);
  for (const a of cited(out, "el-cenizo-2018")) assert.deepEqual([a.binding, a.reason], [true, "binding in the Fifth Circuit, which includes Texas"]);
  for (const a of cited(out, "california-9th-2026")) assert.equal(a.reason, "persuasive in the Fifth Circuit (a Ninth Circuit decision)");
});

test("draft: the Markdown and Word memos group authorities for the state and never present another state's statute as governing", () => {
  const md = runCli(["draft", "-a", answersIn("MN"), "--format", "md"]);
  assert.equal(md.status, 0, md.stderr);
  assert.match(md.stdout, /Persuasive: [^|]*California statute; not law in Minnesota/);
  assert.doesNotMatch(md.stdout, /Binding: (?:(?!Persuasive:)[^|])*Cal\. SB 805/, "SB 805 is never in the binding group");
  const docx = path.join(tempDir(), "mn.docx");
  const r = runCli(["draft", "-a", answersIn("MN"), "-o", docx]);
  assert.equal(r.status, 0, r.stderr);
  const files = unzipSync(readFileSync(docx));
  const doc = new TextDecoder().decode(files["word/document.xml"]);
  assert.match(doc, /California statute; not law in Minnesota/);
  assert.match(doc, /persuasive in the Eighth Circuit/);
  const tx = runCli(["draft", "-a", answersIn("TX"), "--format", "md"]);
  assert.match(tx.stdout, /Binding: [^|]*Texas law, binding in Texas/);
});

test("stale knowledge: check and the memo say so when the draft is dated more than 90 days after it; the exit code does not change", () => {
  const fresh = checkJson(answersIn("MN"));
  assert.equal(fresh.legal_stale, null);
  const late = answersIn("MN", "2027-09-01");
  const out = checkJson(late);
  assert.ok(out.legal_stale && out.legal_stale.days > 90);
  assert.match(out.legal_stale.message, new RegExp(`as of ${out.legal_as_of}`));
  const human = runCli(["check", late]);
  const freshHuman = runCli(["check", answersIn("MN")]);
  assert.match(human.stdout, /Warning: ordkit's legal knowledge used here is as of \d{4}-\d{2}-\d{2}, \d+ days before the draft's date \(2027-09-01\)/);
  assert.doesNotMatch(freshHuman.stdout, /Warning:/);
  assert.equal(human.status, freshHuman.status);
  const md = runCli(["draft", "-a", late, "--format", "md"]);
  assert.match(md.stdout, /Warning: ordkit's legal knowledge used here is as of/);
});

test("every jurisdiction in the answers schema drafts and checks end to end (American Samoa included)", () => {
  for (const state of ["AS", "GU", "DC", "PR"]) {
    const file = answersIn(state);
    const r = runCli(["check", file, "--format", "json", "--fail-on", "none"]);
    assert.equal(r.status, 0, `${state}: ${r.stderr}`);
    assert.equal((JSON.parse(r.stdout) as Out).state, state);
    const d = runCli(["draft", "-a", file, "--format", "md"]);
    assert.equal(d.status, 0, `${state}: ${d.stderr}`);
  }
  const bad = answersIn("ZZ");
  for (const args of [["check", bad], ["draft", "-a", bad, "--format", "md"]]) {
    const r = runCli(args);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /a-ZZ\.yaml:\d+:10: unknown state or territory code "ZZ"/);
    assert.doesNotMatch(r.stderr, /\n\s+at /, "no stack trace");
  }
});

test("check --state takes a code or a name; a misspelled name gets a suggestion", () => {
  const file = answersIn("CA");
  assert.equal(checkJson(file, "--state", "mn").state, "MN");
  assert.equal(checkJson(file, "--state", "New Mexico").state, "NM");
  const r = runCli(["check", file, "--state", "Minesota"]);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /--state: unknown state or territory "Minesota"/);
  assert.match(r.stderr, /did you mean Minnesota\?/);
});

test("validate: a misspelled rule id or authority id in a clause's risks, with file, line, column and a guess", () => {
  const lib = copyDir(fromRoot("clauses"));
  const file = path.join(lib, "detainers", "no-287g.yaml");
  const text = readFileSync(file, "utf8");
  const changed = text.replace(/^  - rule: state-preemption$/m, "  - rule: state-premption\n    authorities: [el-cenizo-2081]");
  assert.notEqual(changed, text);
  writeFileSync(file, changed);
  const lines = changed.split("\n");
  const ruleLine = lines.findIndex((l) => l === "  - rule: state-premption") + 1;
  const r = runCli(["validate", lib]);
  assert.equal(r.status, 1, r.stdout + r.stderr);
  assert.match(r.stdout, new RegExp(`no-287g\\.yaml:${ruleLine}:11: unknown risk rule "state-premption"[\\s\\S]*did you mean "state-preemption"\\?`));
  assert.match(r.stdout, new RegExp(`no-287g\\.yaml:${ruleLine + 1}:19: unknown authority "el-cenizo-2081"[\\s\\S]*did you mean "el-cenizo-2018"\\?`));
  assert.equal(runCli(["validate", fromRoot("clauses")]).status, 0, "the shipped library cites only known ids");
});

test("ordkit law: the list, one state by name, authorities weighed for a state, JSON, stale entries, and a data folder with a mistake", () => {
  const list = runCli(["law"]);
  assert.equal(list.status, 0, list.stderr);
  assert.match(list.stdout, /^MN {2}Minnesota +8th +\S+ +as of \d{4}-\d{2}-\d{2}/m);
  assert.match(list.stdout, /56 jurisdictions: /);
  const one = runCli(["law", "Minnesota"]);
  assert.match(one.stdout, /^Minnesota \(MN\), state; federal circuit: the Eighth Circuit/);
  assert.match(one.stdout, /Sources:/);
  const json = JSON.parse(runCli(["law", "tx", "--format", "json"]).stdout) as { format: string; jurisdiction: { code: string; laws: unknown[] } };
  assert.equal(json.format, "ordkit-law");
  assert.equal(json.jurisdiction.code, "TX");
  const auth = JSON.parse(runCli(["law", "MN", "--authorities", "--format", "json"]).stdout) as { authorities: Array<{ id: string; weight: { binding: boolean; reason: string } }> };
  assert.equal(auth.authorities.find((a) => a.id === "ca-sb627-2025")?.weight.reason, "California statute; not law in Minnesota");
  const none = runCli(["law", "--stale-after", "90", "--date", "2026-12-15"]);
  assert.equal(none.status, 0, none.stdout);
  const stale = runCli(["law", "--stale-after", "90", "--date", "2027-06-01", "--format", "json"]);
  assert.equal(stale.status, 1);
  const s = JSON.parse(stale.stdout) as { stale: Array<{ id: string; days: number }> };
  assert.ok(s.stale.some((e) => e.id === "johnson-1920" && e.days > 90));
  assert.ok(s.stale.some((e) => e.id === "MN"));
  const bad = runCli(["law", "Minesota"]);
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /did you mean Minnesota\?/);
  const dir = copyDir(fromRoot("legal"));
  writeFileSync(path.join(dir, "authorities.yaml"), readFileSync(path.join(dir, "authorities.yaml"), "utf8").replace('as_of: "2026-11-01"', "as_of: 2026-11-1"));
  const broken = runCli(["law", "--data", dir]);
  assert.equal(broken.status, 2);
  assert.match(broken.stderr, /authorities\.yaml:\d+:\d+: .*as_of/);
});
