// Amending ordinances: the answers' existing.code block, the chapter read
// from each format, the plan of changes, the marked text, located errors,
// and the risk check of the chapter as amended.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fromRoot } from "../helpers.js";
import { runCli } from "../run-cli.js";
import type { Draft } from "../../src/core/draft.js";
import { formatNumber, inferStep, nextValue, sectionPart } from "../../src/core/amend/numbering.js";
import { labelParagraphs, tidyRuns } from "../../src/writers/amendment.js";
import { mergeDefinitions, codifyText } from "../../src/core/amend/codify.js";
import { workspace } from "./workspace.js";

const EXAMPLE = fromRoot("examples", "alameda-bay-ca-amending-ordinance.yaml");
const CHAPTER = fromRoot("examples", "existing", "alameda-bay-chapter-2.72.md");

function draftJson(answers: string, cwd?: string): Draft {
  const r = runCli(["draft", "--answers", answers, "--format", "json"], cwd ? { cwd } : {});
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout) as Draft;
}

function marked(d: Draft, number: string): string {
  const c = d.amendment!.changes.find((x) => x.number === number)!;
  return c.paragraphs.map((p) => p.runs.map((r) => (r.mark ? `[${r.mark}:${r.text}]` : r.text)).join("")).join("\n");
}

test("numbering: parts, steps and the next number", () => {
  assert.equal(sectionPart("title.chapter.section", "2.72", "2.72.030"), "030");
  assert.equal(sectionPart("title.chapter.section", "2.72", "2.72.30"), null);
  assert.equal(sectionPart("title.chapter.section", "2.72", "2.720.030"), null);
  assert.equal(sectionPart("chapter-section", "2", "2-72"), "72");
  assert.equal(sectionPart("chapter.section", "72", "72.03"), "03");
  assert.equal(inferStep([10, 20, 30, 50]), 10);
  assert.equal(inferStep([5, 10, 15]), 5);
  assert.equal(inferStep([1, 2, 3]), 1);
  assert.equal(nextValue([10, 20, 50], 10), 60);
  assert.equal(nextValue([10, 20, 55], 10), 60);
  assert.equal(nextValue([70, 71, 72], 1), 73);
  assert.equal(formatNumber("title.chapter.section", "2.72", 60), "2.72.060");
  assert.equal(formatNumber("chapter.section", "72", 4), "72.04");
  assert.equal(formatNumber("chapter-section", "2", 73), "2-73");
});

test("the example amends 2.72.020 and 2.72.030, repeals 2.72.050 and adds 2.72.060 and 2.72.070, in code order", () => {
  const d = draftJson(EXAMPLE);
  const a = d.amendment!;
  assert.deepEqual(
    a.changes.map((c) => `${c.action} ${c.number} ${c.clauseId ?? "-"}`),
    ["amend 2.72.020 definitions", "amend 2.72.030 property-use/staging-ban", "repeal 2.72.050 -", "add 2.72.060 identification/own-officers", "add 2.72.070 public-records/foia-cadence"],
  );
  assert.deepEqual(a.unchanged, ["2.72.010", "2.72.040"]);
  assert.equal(a.chapterTitle, "Chapter 2.72 COMMUNITY TRUST AND PUBLIC SAFETY");
  assert.deepEqual(
    a.changes.map((c) => c.instruction),
    [
      "Section 2.72.020 of the Alameda Bay Municipal Code is amended to read as follows:",
      "Section 2.72.030 of the Alameda Bay Municipal Code is amended to read as follows:",
      "Section 2.72.050 of the Alameda Bay Municipal Code is repealed.",
      "Chapter 2.72 of the Alameda Bay Municipal Code is amended by adding Section 2.72.060 to read as follows:",
      "Chapter 2.72 of the Alameda Bay Municipal Code is amended by adding Section 2.72.070 to read as follows:",
    ],
  );
  // The ordinance: one section per code change, then its own closing sections (no "does not amend" section).
  assert.deepEqual(d.sections.map((s) => s.heading).slice(0, 5), ["Amendment of Section 2.72.020", "Amendment of Section 2.72.030", "Repeal of Section 2.72.050", "Addition of Section 2.72.060", "Addition of Section 2.72.070"]);
  assert.ok(d.sections.some((s) => s.heading === "Severability") && d.sections.some((s) => s.heading === "Effective date"));
  assert.ok(!d.sections.some((s) => s.clauseId === "general/existing-law"), "the existing-law section says the ordinance does not amend the chapter");
  assert.match(d.title, /AMENDING CHAPTER 2\.72 OF THE ALAMEDA BAY MUNICIPAL CODE, RELATING TO/);
});

test("changed text is marked word by word; definitions are merged, keeping those the draft does not give", () => {
  const d = draftJson(EXAMPLE);
  const defs = marked(d, "2.72.020");
  assert.match(defs, /“Department” means any department, office, division, bureau, board, \[del:or \]commission\[ins:, or other agency \]of the City\[ins:, including any such agency that performs law enforcement functions\]\./);
  // Kept, unmarked: the chapter's own definitions that the draft does not give (2.72.040 still uses one).
  assert.match(defs, /^“Federal Immigration Officer” means any officer, agent, or employee of U\.S\. Immigration/m);
  assert.match(defs, /^“Civil Immigration Enforcement” means/m);
  // New definitions are inserted whole, in alphabetical order.
  const terms = defs.split("\n").map((l) => /“([^”]+)”/.exec(l)?.[1]).filter(Boolean);
  assert.deepEqual(terms, [...terms].sort((x, y) => x!.localeCompare(y!, "en", { sensitivity: "base" })));
  assert.match(defs, /^\[ins:“Staging Area” means/m);
  // The heading of 2.72.030 changes word by word; its old text is struck and the new underlined.
  const c = d.amendment!.changes.find((x) => x.number === "2.72.030")!;
  assert.deepEqual(c.heading.map((r) => r.mark ?? "="), ["=", "ins", "=", "del", "=", "ins"]);
  assert.match(marked(d, "2.72.030"), /^\[del:This section does not apply to the Alameda Bay Police Department/m);
  // The repealed section is set out struck; added sections are set out unmarked.
  assert.ok(d.amendment!.changes.find((x) => x.number === "2.72.050")!.paragraphs.every((p) => p.status === "delete" && p.runs.every((r) => r.mark === "del")));
  assert.ok(d.amendment!.changes.find((x) => x.number === "2.72.060")!.paragraphs.every((p) => p.runs.every((r) => r.mark === null)));
  // Code text speaks of the chapter and of the ordinance by number, not of "this Ordinance".
  const added = marked(d, "2.72.060") + marked(d, "2.72.030");
  assert.doesNotMatch(added, /this Ordinance/);
  assert.match(added, /the effective date of Ordinance No\. 2026-044/);
});

test("the risk engine checks the chapter as amended: the exemption in untouched 2.72.040 is found and said to be left unchanged", () => {
  const d = draftJson(EXAMPLE);
  const ex = d.riskNotes.find((n) => n.rule === "exempts-comparable-officers");
  assert.ok(ex, JSON.stringify(d.riskNotes.map((n) => n.rule)));
  assert.equal(ex.section, "code-2.72.040");
  assert.match(ex.message, /^In existing Section 2\.72\.040, which this ordinance leaves unchanged: /);
  assert.match(ex.suggestion, /^Amend Section 2\.72\.040 in this ordinance/);
  // 2.72.030's own exemption for the City's police is gone with the amendment: no note on it.
  assert.ok(!d.riskNotes.some((n) => n.section === "code-2.72.030" && n.rule === "exempts-comparable-officers"));
});

test("amending 2.72.040 too removes the note on it: the notes follow the chapter as amended", () => {
  const { answers } = workspace((a) =>
    a.replace("modules: [property-use, identification, public-records]", "modules: [property-use, facial-coverings, identification, public-records]")
      .replace("  identification_scope: own-officers", "  identification_scope: own-officers\n  coverings_scope: own-officers")
      .replace('      - repeal: "2.72.050"', '      - repeal: "2.72.050"\n      - clause: facial-coverings/own-officers\n        replaces: "2.72.040"')
      .replace("variables:\n", "variables:\n  facial-coverings/own-officers:\n    policy_days: 60\n"),
  );
  const d = draftJson(answers);
  assert.ok(d.amendment!.changes.some((c) => c.number === "2.72.040" && c.action === "amend"));
  assert.ok(!d.riskNotes.some((n) => n.section === "code-2.72.040" && n.rule === "exempts-comparable-officers"), JSON.stringify(d.riskNotes.map((n) => [n.rule, n.section])));
  assert.deepEqual(d.amendment!.unchanged, ["2.72.010"]);
  // The two added sections now continue after 2.72.050, the highest number in use.
  assert.deepEqual(d.amendment!.changes.filter((c) => c.action === "add").map((c) => c.number), ["2.72.060", "2.72.070"]);
});

test("a chapter that counts by ones continues by ones after the highest number in use; an explicit number is used as given", () => {
  const chapter = readFileSync(CHAPTER, "utf8").replace(/2\.72\.0(\d)0/g, "2.72.00$1");
  const { answers } = workspace((a) => a.replace(/"2\.72\.0(\d)0"/g, '"2.72.00$1"').replace('      - repeal: "2.72.005"', '      - repeal: "2.72.005"\n      - clause: public-records/foia-cadence\n        number: "2.72.009"'), chapter);
  const d = draftJson(answers);
  assert.deepEqual(d.amendment!.changes.filter((c) => c.action === "add").map((c) => `${c.number} ${c.clauseId}`), ["2.72.009 public-records/foia-cadence", "2.72.010 identification/own-officers"]);
});

test("Markdown marks with <ins> and <del> only, and says so in its legend", () => {
  const r = runCli(["draft", "--answers", EXAMPLE, "--format", "md"]);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /Section 2\.72\.030 of the Alameda Bay Municipal Code is amended to read as follows:/);
  assert.match(r.stdout, /bureau, board, <del>or<\/del> commission<ins>, or other agency<\/ins> of the City/);
  assert.match(r.stdout, /In this Markdown text, added text is marked\* <ins>like this<\/ins>/);
  assert.match(r.stdout, /^<del>\(a\)<\/del> <del>No Department/m);
  assert.match(r.stdout, /^\*\*2\\\.72\.060 Identification of City officers\.\*\*$/m);
  assert.doesNotMatch(r.stdout, /\+\+|~~/);
  assert.match(r.stdout, /\*\*HIGH: Code § 2\.72\.040\. In existing Section 2\.72\.040, which this ordinance leaves unchanged: binds federal immigration officers/);
});

test("labels of marked text: a paragraph inserted before others shifts their labels, shown struck and underlined", () => {
  const ps = labelParagraphs([
    { id: "a", depth: 0, numbered: true, status: "insert", runs: [] },
    { id: "b", depth: 0, numbered: true, status: "equal", runs: [] },
    { id: "c", depth: 1, numbered: true, status: "equal", runs: [] },
    { id: "d", depth: 0, numbered: true, status: "delete", runs: [] },
    { id: "e", depth: 0, numbered: false, status: "equal", runs: [] },
  ]);
  assert.deepEqual(
    ps.map((p) => p.label.map((r) => `${r.mark ?? ""}${r.text}`).join("")),
    ["ins(a)", "del(a)ins(b)", "(1)", "del(b)", ""],
  );
  assert.deepEqual(tidyRuns([{ text: "a ", mark: null }, { text: " new ", mark: "ins" }, { text: "b", mark: null }]), [{ text: "a  ", mark: null }, { text: "new", mark: "ins" }, { text: " b", mark: null }]);
});

test("definitions merge: same term replaced in place, new ones in order, lead-in kept", () => {
  const p = (text: string, numbered = false) => ({ id: "", text, numbered, children: [] });
  const merged = mergeDefinitions(
    [p("In this chapter:"), p("“Alpha” means a."), p("“Gamma” means g.")],
    [{ id: "", text: "As used in this Ordinance:", numbered: false, children: [p("“Beta” means b."), p("“Gamma” means G, newly.")] }],
  );
  assert.deepEqual(merged.map((x) => x.text), ["In this chapter:", "“Alpha” means a.", "“Beta” means b.", "“Gamma” means G, newly."]);
  assert.equal(codifyText("Within 30 days after the effective date of this Ordinance, under this Ordinance.", "2026-1"), "Within 30 days after the effective date of Ordinance No. 2026-1, under this chapter.");
});

function errorOf(answers: string): string {
  const r = runCli(["draft", "--answers", answers, "--format", "md"]);
  assert.equal(r.status, 2, r.stdout + r.stderr);
  assert.doesNotMatch(r.stderr, /\n\s+at .+:\d+:\d+/, "no stack trace");
  return r.stderr;
}

/** The 1-based line of the first line of the answers file containing the text. */
function lineOf(answers: string, text: string): number {
  return readFileSync(answers, "utf8").split("\n").findIndex((l) => l.includes(text)) + 1;
}

test("a missing code text file is an error at existing.code.file in the answers", () => {
  const { answers } = workspace((a) => a.replace("file: chapter.md", "file: no-such-chapter.md"));
  const err = errorOf(answers);
  assert.match(err, new RegExp(`answers\\.yaml:${lineOf(answers, "no-such-chapter.md")}:\\d+: the code text file .*no-such-chapter\\.md does not exist`));
  assert.match(err, /relative to the answers file/);
});

test("an unknown section number is an error at the change that names it, listing the chapter's sections", () => {
  const { answers } = workspace((a) => a.replace('repeal: "2.72.050"', 'repeal: "2.72.090"'));
  const err = errorOf(answers);
  assert.match(err, new RegExp(`answers\\.yaml:${lineOf(answers, '"2.72.090"')}:\\d+: unknown section 2\\.72\\.090`));
  assert.match(err, /its sections: 2\.72\.010, 2\.72\.020, 2\.72\.030, 2\.72\.040, 2\.72\.050/);
});

test("a numbering style that does not fit the file, or a chapter or number that does not fit the style, is located", () => {
  const municode = readFileSync(CHAPTER, "utf8").replace(/### 2\.72\.0(\d)0 /g, "### Sec. 2-7$1. ").replace(/^2\.72\.0\d0 .*$/gm, "");
  const a1 = workspace((a) => a, municode).answers;
  const e1 = errorOf(a1);
  assert.match(e1, new RegExp(`answers\\.yaml:${lineOf(a1, "numbering:")}:\\d+: the numbering style title\\.chapter\\.section does not fit .*chapter\\.md: its sections are numbered 2-71 \\(line \\d+\\)`));
  const a2 = workspace((a) => a.replace('chapter: "2.72"', 'chapter: "272"')).answers;
  assert.match(errorOf(a2), new RegExp(`answers\\.yaml:${lineOf(a2, 'chapter: "272"')}:\\d+: chapter "272" does not fit the numbering style title\\.chapter\\.section`));
  const a3 = workspace((a) => a.replace('replaces: "2.72.030"', 'replaces: "2.72.30"')).answers;
  assert.match(errorOf(a3), new RegExp(`answers\\.yaml:${lineOf(a3, '"2.72.30"')}:\\d+: section "2\\.72\\.30" does not fit the numbering style`));
  // The same file read in its own style works: Municode's "Sec. 2-71." in chapter 2.
  const a4 = workspace((a) => a.replace("numbering: title.chapter.section", "numbering: chapter-section").replace('chapter: "2.72"', 'chapter: "2"').replace('replaces: "2.72.020"', 'replaces: "2-72"').replace('replaces: "2.72.030"', 'replaces: "2-73"').replace('repeal: "2.72.050"', 'repeal: "2-75"'), municode).answers;
  const d = draftJson(a4);
  assert.deepEqual(d.amendment!.changes.map((c) => `${c.action} ${c.caption}`), ["amend Sec. 2-72.", "amend Sec. 2-73.", "repeal Sec. 2-75.", "add Sec. 2-76.", "add Sec. 2-77."]);
});

test("other mistakes in the mapping are located: an unknown provision, a number in use, a section named twice, extent without numbers", () => {
  const a1 = workspace((a) => a.replace("clause: property-use/staging-ban", "clause: property-use/no-such")).answers;
  assert.match(errorOf(a1), new RegExp(`answers\\.yaml:${lineOf(a1, "property-use/no-such")}:\\d+: the draft has no provision "property-use/no-such"`));
  const a2 = workspace((a) => a.replace('      - repeal: "2.72.050"', '      - repeal: "2.72.050"\n      - clause: public-records/foia-cadence\n        number: "2.72.040"')).answers;
  assert.match(errorOf(a2), /section 2\.72\.040 already exists in Chapter 2\.72/);
  const a3 = workspace((a) => a.replace('      - repeal: "2.72.050"', '      - repeal: "2.72.050"\n      - repeal: "2.72.030"')).answers;
  assert.match(errorOf(a3), /section 2\.72\.030 is named twice/);
  const a4 = workspace((a) => a.replace("    changes:", "    extent: sections\n    changes:")).answers;
  assert.match(errorOf(a4), new RegExp(`answers\\.yaml:${lineOf(a4, "extent: sections")}:\\d+: identification/own-officers, public-records/foia-cadence need a section number`));
  const a5 = workspace((a) => a.replace('chapter: "2.72"', "chapter: 2.72")).answers;
  assert.match(errorOf(a5), new RegExp(`answers\\.yaml:${lineOf(a5, "chapter: 2.72")}:\\d+: existing\\.code\\.chapter must be a string`));
});

test("the chapter's table of contents and history notes are not taken for text", () => {
  const d = draftJson(EXAMPLE);
  const all = d.amendment!.changes.map((c) => marked(d, c.number)).join("\n");
  assert.doesNotMatch(all, /\(Ord\. 20/);
  assert.doesNotMatch(all, /^Sections:/m);
  // 2.72.050 is struck once, with its text, not a heading-only entry from the list of sections.
  assert.equal(d.amendment!.changes.find((c) => c.number === "2.72.050")!.paragraphs.length, 1);
});

test("the draft names the chapter's file as the answers write it, whatever the working directory", () => {
  const a = draftJson(EXAMPLE);
  const b = draftJson(EXAMPLE, fromRoot("examples"));
  assert.deepEqual(a.notes, b.notes);
  assert.ok(a.notes.some((n) => n.includes("as read from existing/alameda-bay-chapter-2.72.md")));
});

test("check of the answers names the code section of a note on unchanged text", () => {
  const r = runCli(["check", EXAMPLE]);
  assert.equal(r.status, 1, r.stderr);
  assert.match(r.stdout, /HIGH exempts-comparable-officers \(code § 2\.72\.040\)\n  In existing Section 2\.72\.040, which this ordinance leaves unchanged/);
});

test("draft --batch fails a row that amends a code, located at its existing.code, without a stack trace", () => {
  const { dir, answers } = workspace();
  const batch = path.join(dir, "rows.csv");
  writeFileSync(batch, "jurisdiction.name,number\nCity of Alameda Bay,2026-050\n");
  const r = runCli(["draft", "--batch", batch, "--answers", answers, "--out-dir", path.join(dir, "out")]);
  assert.equal(r.status, 1, r.stdout + r.stderr); // a batch with failed rows
  assert.match(r.stderr, /answers\.yaml:\d+:\d+: amending ordinances are drafted by ordkit draft --answers/);
  assert.doesNotMatch(r.stderr, /\n\s+at .+:\d+:\d+/);
});

test("--save-answers elsewhere rewrites the chapter's path so the saved answers still find it", () => {
  const { dir, answers } = workspace();
  const saved = path.join(dir, "saved", "answers.yaml");
  mkdirSync(path.dirname(saved));
  const r = runCli(["draft", "--answers", answers, "--save-answers", saved, "--format", "md"]);
  assert.equal(r.status, 0, r.stderr);
  assert.match(readFileSync(saved, "utf8"), /file: \.\.\/chapter\.md/);
  const again = draftJson(saved);
  assert.deepEqual(again.amendment!.changes.map((c) => `${c.action} ${c.number}`), draftJson(answers).amendment!.changes.map((c) => `${c.action} ${c.number}`));
});
