import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { loadLibrary } from "../src/core/library/load.js";
import { checkAnswers } from "../src/core/interview/answers.js";
import { YamlSource } from "../src/core/library/yaml-source.js";
import { assemble } from "../src/core/assemble/assemble.js";
import { UserError, type Problem } from "../src/core/errors.js";
import type { Draft } from "../src/core/draft.js";
import { fromRoot } from "./helpers.js";
import { tempTree } from "./tmp.js";

const MINI = fromRoot("test/fixtures/mini-library");
const TEMPLATES = fromRoot("test/fixtures/mini-templates");
const ANSWERS = readFileSync(fromRoot("test/fixtures/mini-answers.yaml"), "utf8");

function draftFrom(answersText: string, date?: string): Draft {
  const lib = loadLibrary(MINI);
  const src = YamlSource.parse(Buffer.from(answersText), "answers.yaml");
  return assemble({ library: lib, answers: checkAnswers(src, lib), templatesDir: TEMPLATES, ...(date ? { date } : {}) });
}

function problemsFrom(answersText: string): Problem[] {
  try {
    draftFrom(answersText);
  } catch (err) {
    assert.ok(err instanceof UserError, String(err));
    return err.problems;
  }
  assert.fail("expected the answers to be refused");
}

test("assembles recitals, alphabetical definitions gathered through terms, sections and layout", () => {
  const d = draftFrom(ANSWERS);
  assert.equal(d.instrument, "ordinance");
  assert.deepEqual(d.recitals.map((r) => r.text), ["the Town manages its property for public purposes"]);
  assert.deepEqual(d.sections.map((s) => s.id), ["definitions", "ops/rule", "general/effective"]);
  const defs = d.sections[0]!.paragraphs[0]!;
  assert.equal(defs.text, "As used in this Ordinance:");
  // "zone" uses "agency": both are gathered, alphabetically.
  assert.deepEqual(defs.children.map((p) => p.text.slice(0, 8)), ["“Agency”", "“Zone” m"]);
  const rule = d.sections[1]!;
  assert.equal(rule.heading, "Staging in the Town");
  assert.equal(rule.paragraphs[0]!.text, "Every Zone shall be posted within thirty (30) days by the Town Clerk.");
  assert.equal(rule.paragraphs.length, 2, "the scope=own paragraph is left out by default");
  assert.equal(rule.paragraphs[0]!.numbered, true);
  assert.deepEqual(rule.paragraphs[0]!.children.map((c) => c.id), ["ops/rule#p1.1", "ops/rule#p1.2"]);
  assert.equal(d.title, 'AN ORDINANCE OF THE Town of A & B <"Test"> Peñasco RELATING TO the operations of Town departments');
  assert.equal(d.formula, "BE IT ORDAINED BY THE TOWN COUNCIL:");
  assert.deepEqual(d.layout.map((b) => b.type), ["heading", "title", "recitals", "formula", "sections", "signature", "note"]);
  assert.deepEqual(d.provenance.clauses.map((c) => `${c.id}@${c.version}`), ["findings/one@1.0.0", "definitions/agency@1.0.0", "definitions/zone@1.0.0", "ops/rule@1.2.0", "general/effective@1.0.0"]);
  assert.match(d.provenance.answersHash ?? "", /^[0-9a-f]{16}$/);
});

test("conditions select paragraphs and clauses by instrument, option and module", () => {
  const own = draftFrom(ANSWERS + "options:\n  scope: own\n");
  assert.deepEqual(own.sections[1]!.paragraphs.map((p) => p.text), ["Every Zone shall be posted within thirty (30) days by the Town Clerk.", "Only in an ordinance.", "Narrow scope sentence."]);
  const res = draftFrom(ANSWERS.replace("instrument: ordinance", "instrument: resolution"));
  assert.equal(res.sections[1]!.paragraphs.length, 1);
  assert.equal(res.sections[1]!.paragraphs[0]!.numbered, false, "a lone paragraph carries no (a)");
  const none = draftFrom(ANSWERS.replace("modules: [ops]", "modules: []"));
  assert.deepEqual(none.sections.map((s) => s.id), ["general/effective"], "no operative clause, so no definitions either");
});

test("a module with no clause for the instrument is said in the notes, not dropped silently", () => {
  const dir = tempTree({ "executive-order.hbs": readFileSync(path.join(TEMPLATES, "ordinance.hbs"), "utf8"), "partials/sig.hbs": "@signature X | Y\n" });
  const lib = loadLibrary(MINI);
  const src = YamlSource.parse(Buffer.from(ANSWERS.replace("instrument: ordinance", "instrument: executive-order")), "a.yaml");
  const d = assemble({ library: lib, answers: checkAnswers(src, lib), templatesDir: dir });
  assert.match(d.notes.join("\n"), /Module ops was requested but none of its clauses suits an Order/);
});

test("a variable without a default must be answered; the error names clause and variable", () => {
  const problems = problemsFrom(ANSWERS.replace("variables:\n  ops/rule:\n    office: Town Clerk\n", ""));
  assert.equal(problems.length, 1);
  assert.match(problems[0]!.message, /ops\/rule needs a value for "office" \(Which office\?\)/);
  assert.equal(problems[0]!.file, "answers.yaml");
});

test("answers of the wrong type or outside the choices are refused at their position", () => {
  const problems = problemsFrom(ANSWERS.replace("office: Town Clerk", "office: Town Clerk\n    days: many") + "options:\n  scope: everybody\n  colour: red\n");
  const msgs = problems.map((p) => `${p.line}:${p.col} ${p.message}`);
  assert.ok(msgs.some((m) => /^15:11 ops\/rule: days expected a number/.test(m)), msgs.join("\n"));
  assert.ok(msgs.some((m) => /^17:10 option scope must be one of: all; own/.test(m)), msgs.join("\n"));
  assert.ok(msgs.some((m) => /^18:3 unknown option "colour"/.test(m)), msgs.join("\n"));
});

test("answers: unknown keys, bad state codes and missing dates are explained", () => {
  assert.match(problemsFrom(ANSWERS.replace("number:", "numbr:"))[0]!.message, /unknown key "numbr"/);
  assert.match(problemsFrom(ANSWERS.replace("state: NM", "state: ZZ"))[0]!.message, /unknown state or territory code "ZZ"/);
  assert.match(problemsFrom(ANSWERS.replace('date: "2026-03-02"\n', ""))[0]!.message, /no date/);
  assert.match(problemsFrom(ANSWERS.replace("kind: town", "kind: hamlet"))[0]!.message, /jurisdiction.kind must be one of/);
});

test("--date overrides the answers' date", () => {
  assert.equal(draftFrom(ANSWERS, "2027-01-05").date, "2027-01-05");
});

test("a value the template needs but the answers lack is an error, never a blank", () => {
  const problems = problemsFrom(ANSWERS.replace('number: "2026-1"\n', ""));
  assert.match(problems[0]!.message, /no value for "number"/);
  assert.match(problems[0]!.hint ?? "", /blank/);
});

test("missing partials and unknown template tags are refused", () => {
  const dir = tempTree({ "ordinance.hbs": "@title T\n@recitals\n@formula F\n@sections\n{{> nope}}\n" });
  const lib = loadLibrary(MINI);
  const answers = checkAnswers(YamlSource.parse(Buffer.from(ANSWERS), "a.yaml"), lib);
  assert.throws(() => assemble({ library: lib, answers, templatesDir: dir }), /unknown partial "nope"/);
  writeFileSync(path.join(dir, "ordinance.hbs"), "@title T\n@recitals\n@formula F\n@sections\n@banner hi\n");
  assert.throws(() => assemble({ library: lib, answers, templatesDir: dir }), /ordinance\.hbs:5:1: unknown block tag @banner/);
  writeFileSync(path.join(dir, "ordinance.hbs"), "@title T\n@recitals\n@sections\n");
  assert.throws(() => assemble({ library: lib, answers, templatesDir: dir }), /the template has no @formula line/);
});
