// The question graph: which questions are asked for which answers.
import { test } from "node:test";
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { fromRoot } from "../helpers.js";
import { copyDir, tempDir } from "../tmp.js";
import { loadLibrary } from "../../src/core/library/load.js";
import { loadInterview } from "../../src/core/interview/definition.js";
import {
  missingAnswers,
  parseInput,
  pending,
  plan,
  prune,
  questionProblem,
  setAnswer,
  type PartialAnswers,
  type Question,
} from "../../src/core/interview/questions.js";
import { answersYaml } from "../../src/core/interview/save.js";
import { startInterview, withDefaults, canPrompt } from "../../src/core/interview/start.js";
import { checkAnswers } from "../../src/core/interview/answers.js";
import { YamlSource } from "../../src/core/library/yaml-source.js";
import { UserError } from "../../src/core/errors.js";
import { allJurisdictions } from "../../src/core/legal/index.js";

const library = loadLibrary(fromRoot("clauses"));
const def = loadInterview(library);
const ctx = { today: "2026-05-01" };
const paths = (qs: Question[]): string[] => qs.map((q) => q.path);
const find = (a: PartialAnswers, p: string): Question | undefined => plan(def, library, a, ctx).find((q) => q.path === p);

const CA_ORDINANCE: PartialAnswers = {
  jurisdiction: { name: "City of Test", kind: "city", state: "CA", legislative_body: "City Council", executive_title: "Mayor" },
  instrument: "ordinance",
};

test("the interview definition loads, and the library does not take it for a clause", () => {
  assert.ok(!library.clauses.has("interview"));
  assert.ok(def.entries.length > 10);
});

test("with no answers, the jurisdiction comes first and nothing depends on answers not given", () => {
  const qs = plan(def, library, {}, ctx);
  assert.deepEqual(paths(qs).slice(0, 6), ["jurisdiction.name", "jurisdiction.kind", "jurisdiction.state", "jurisdiction.legislative_body", "jurisdiction.executive_title", "instrument"]);
  for (const p of ["authority", "sponsor", "options.coverings_scope"]) assert.ok(!paths(qs).includes(p), p);
  assert.ok(!paths(qs).some((p) => p.startsWith("variables.")), "no clause variables before the modules are chosen");
  assert.equal(new Set(paths(qs)).size, qs.length, "each path once");
  for (const q of qs) assert.ok(q.decl.help, `${q.path} has a help line`);
});

test("an executive order asks for the charter authority and the issuing official, not a sponsor", () => {
  const eo = paths(plan(def, library, { ...CA_ORDINANCE, instrument: "executive-order" }, ctx));
  assert.ok(eo.includes("authority"));
  assert.ok(!eo.includes("sponsor"));
  assert.match(find({ instrument: "executive-order" }, "jurisdiction.executive_name")!.decl.prompt, /issues the order/);
  const ord = paths(plan(def, library, CA_ORDINANCE, ctx));
  assert.ok(ord.includes("sponsor"));
  assert.ok(!ord.includes("authority"));
  assert.equal(find(CA_ORDINANCE, "jurisdiction.executive_name")!.required, false);
});

test("state law decides the modules offered and pre-fills existing.state_law", () => {
  const ca = find(CA_ORDINANCE, "modules")!;
  assert.deepEqual(ca.decl.choices, ["property-use", "facial-coverings", "identification", "public-records", "documentation", "detainers", "information", "accountability", "implementation"]);
  assert.equal(ca.note, undefined);
  assert.match(String(find(CA_ORDINANCE, "existing.state_law")!.decl.default), /SB 54.*California Values Act/, "the state's laws from legal/jurisdictions.yaml");

  const tx = { ...CA_ORDINANCE, jurisdiction: { state: "TX" } };
  const txModules = find(tx, "modules")!;
  assert.deepEqual(txModules.decl.choices, ["public-records", "documentation"], "only transparency in a state that bars limits");
  assert.match(txModules.note!, /Texas law \(.*SB 4.*\) bars local policies in Texas/);
  assert.match(txModules.note!, /Use of Non-Public Property, Facial Coverings, Identification of Officers/);
  assert.match(String(find(tx, "existing.state_law")!.decl.default), /SB 4, 85th Leg\., 2017/);

  // A jurisdiction whose law is not known (the data decides which; the research may leave none).
  const unknown = allJurisdictions().find((j) => j.status === "unknown" && !(j.laws ?? []).length);
  if (unknown) {
    const un = { ...CA_ORDINANCE, jurisdiction: { state: unknown.code } };
    assert.equal(find(un, "existing.state_law")!.decl.default, "unknown");
    assert.match(find(un, "modules")!.note!, new RegExp(`${unknown.name} law: whether it preempts local limits is unknown`));
    assert.doesNotMatch(find(un, "modules")!.note!, /no preemption/);
  }
});

test("options are asked only for chosen modules, with the choices that suit the instrument", () => {
  assert.ok(!find({ ...CA_ORDINANCE, modules: ["public-records"] }, "options.coverings_scope"));
  const ord = find({ ...CA_ORDINANCE, modules: ["facial-coverings"] }, "options.coverings_scope")!;
  assert.deepEqual(ord.decl.choices, ["all-officers", "own-officers"]);
  assert.ok(!find({ ...CA_ORDINANCE, modules: ["facial-coverings"] }, "options.identification_scope"));
  const eo = find({ ...CA_ORDINANCE, instrument: "executive-order", modules: ["facial-coverings"] }, "options.coverings_scope")!;
  assert.deepEqual(eo.decl.choices, ["own-officers"], "facial-coverings/all-officers does not suit an executive order");
  assert.equal(eo.decl.default, "own-officers");
  // The private right of action is ordinance-only: its option is not asked for an order or a resolution.
  assert.ok(find({ ...CA_ORDINANCE, modules: ["accountability"] }, "options.private_right_of_action"));
  assert.ok(!find({ ...CA_ORDINANCE, instrument: "executive-order", modules: ["accountability"] }, "options.private_right_of_action"));
  assert.ok(!find({ ...CA_ORDINANCE, instrument: "resolution", modules: ["accountability"] }, "options.private_right_of_action"));
});

test("variables are asked only for the clauses the answers select, with their declarations", () => {
  const a = { ...CA_ORDINANCE, modules: ["public-records", "facial-coverings"], options: { coverings_scope: "own-officers" } };
  const vars = paths(plan(def, library, a, ctx)).filter((p) => p.startsWith("variables."));
  assert.deepEqual(vars, [
    "variables.facial-coverings/own-officers.policy_days",
    "variables.public-records/foia-cadence.office",
    "variables.public-records/foia-cadence.components",
    "variables.public-records/foia-cadence.interval_days",
    "variables.public-records/foia-cadence.first_request_days",
    "variables.public-records/foia-cadence.publish_days",
    "variables.general/effective-date.effective_days",
  ]);
  const interval = find(a, "variables.public-records/foia-cadence.interval_days")!;
  assert.equal(interval.decl.type, "integer");
  assert.equal(interval.decl.min, 30);
  assert.equal(interval.decl.default, 90);
  // The option's default selects a clause too: all-officers when the option is not answered.
  const byDefault = paths(plan(def, library, { ...CA_ORDINANCE, modules: ["facial-coverings"] }, ctx));
  assert.ok(byDefault.includes("variables.facial-coverings/all-officers.policy_days"));
});

test("answered questions are never pending again; conditional ones appear as answers arrive", () => {
  let a: PartialAnswers = {};
  const asked: string[] = [];
  for (let i = 0; i < 100; i++) {
    const q = pending(def, library, a, ctx)[0];
    if (!q) break;
    assert.ok(!asked.includes(q.path), `${q.path} asked twice`);
    asked.push(q.path);
    const value =
      q.path === "jurisdiction.state" ? "WA" : q.path === "instrument" ? "executive-order" : q.path === "modules" ? ["property-use", "public-records"] : q.decl.default ?? (q.required ? "x" : null);
    a = setAnswer(a, q.keys, q.path === "number" ? "2026-1" : value);
  }
  assert.ok(asked.includes("authority"));
  assert.ok(asked.includes("variables.property-use/staging-ban.property_types"));
  assert.ok(!asked.includes("sponsor"));
  assert.deepEqual(pending(def, library, a, ctx), []);
  assert.deepEqual(missingAnswers(def, library, a, ctx), []);
});

test("missing answers: required, without a library default; a complete example lacks nothing", () => {
  const partial = { jurisdiction: { name: "Town of X", state: "NM" }, instrument: "ordinance", modules: ["public-records"] };
  assert.deepEqual(paths(missingAnswers(def, library, partial, ctx)), ["jurisdiction.kind", "jurisdiction.legislative_body", "jurisdiction.executive_title", "date"]);
  const s = startInterview({ answersFile: fromRoot("examples/alameda-bay-ca-ordinance.yaml"), libraryDir: fromRoot("clauses"), today: "2026-05-01" });
  assert.deepEqual(s.missing, []);
  const withDate = startInterview({ answersFile: writePartial("jurisdiction: { state: CA }\n"), libraryDir: fromRoot("clauses"), today: "2026-05-01", date: "2026-06-01" });
  assert.ok(!paths(withDate.missing).includes("date"), "--date answers the date");
});

test("a custom library brings its own questions", () => {
  const s = startInterview({ answersFile: writePartial("instrument: ordinance\nmodules: [ops]\n"), libraryDir: fromRoot("test/fixtures/mini-library"), today: "2026-05-01" });
  assert.ok(paths(s.missing).includes("variables.ops/rule.office"));
  // and its own interview.yaml, which the clause loader skips
  const dir = copyDir(fromRoot("test/fixtures/mini-library"));
  const own = (YamlSource.read(fromRoot("clauses/interview.yaml")).text)
    .replace(/transparency: \[[^\]]*\]/, "transparency: []")
    // Its questions about ordkit's categories would never be asked here (validate says so): drop those conditions.
    .replace(/\n\s+when: \{ answer: modules, includes: [a-z-]+ \}/g, "")
    .replace("What is the jurisdiction's full formal name?", "Name of the municipality?");
  writeFileSync(path.join(dir, "interview.yaml"), own);
  const lib = loadLibrary(dir);
  const q = plan(loadInterview(lib), lib, {}, ctx)[0]!;
  assert.equal(q.decl.prompt, "Name of the municipality?");
});

test("a bad interview definition is refused with its line", () => {
  const dir = copyDir(fromRoot("test/fixtures/mini-library"));
  writeFileSync(path.join(dir, "interview.yaml"), "interview_version: 1\ngroups: { a: A }\nmodules: { group: a, prompt: P, help: H }\nquestions:\n  - { answer: jurisdiction.color, group: a, type: string, prompt: P, help: H }\n  - { answer: number, group: b, type: string, prompt: P, help: H, when: { answer: nope, equals: 1 } }\n");
  const lib = loadLibrary(dir);
  assert.throws(() => loadInterview(lib), (e: unknown) => {
    const msgs = (e as UserError).problems.map((p) => `${p.line}: ${p.message}`);
    assert.ok(msgs.some((m) => /^5: "jurisdiction.color" is not an answer/.test(m)), msgs.join("\n"));
    assert.ok(msgs.some((m) => /^6: unknown group "b"/.test(m)), msgs.join("\n"));
    assert.ok(msgs.some((m) => /^6: condition refers to an unknown answer "nope"/.test(m)), msgs.join("\n"));
    return true;
  });
});

test("prune drops answers asked earlier that no longer apply", () => {
  const eo = { ...CA_ORDINANCE, instrument: "executive-order", authority: "Charter § 4" };
  const asked = new Map([["authority", ["authority"]]]);
  const back = prune(def, library, { ...eo, instrument: "ordinance" }, ctx, asked);
  assert.equal(back.authority, undefined);
  assert.equal(prune(def, library, eo, ctx, asked).authority, "Charter § 4");
});

test("typed input is parsed and checked against the declaration", () => {
  const state = find({}, "jurisdiction.state")!;
  assert.equal(parseInput(state, " tx "), "TX");
  assert.equal(parseInput(state, "Minnesota"), "MN", "a name is saved as its code");
  assert.equal(parseInput(state, "american samoa"), "AS");
  assert.equal(questionProblem(state, parseInput(state, "Minnesota")), null);
  assert.equal(questionProblem(state, "TX"), null);
  assert.match(questionProblem(state, "ZZ")!, /not a state or territory: type its name or postal code/);
  // A state's full name, in any case, is its code.
  assert.equal(parseInput(state, "washington"), "WA");
  assert.equal(parseInput(state, " District of Columbia "), "DC");
  assert.equal(questionProblem(state, parseInput(state, "Californa")) !== null, true);
  const a = { ...CA_ORDINANCE, modules: ["public-records"] };
  const interval = find(a, "variables.public-records/foia-cadence.interval_days")!;
  assert.equal(parseInput(interval, "45"), 45);
  assert.match(questionProblem(interval, parseInput(interval, "10"))!, /at least 30/);
  assert.match(questionProblem(interval, parseInput(interval, "soon"))!, /expected a number/);
  const sponsor = find(CA_ORDINANCE, "sponsor")!;
  assert.equal(parseInput(sponsor, "  "), null);
  assert.equal(questionProblem(sponsor, null), null);
  assert.match(questionProblem(find({}, "jurisdiction.name")!, parseInput(find({}, "jurisdiction.name")!, ""))!, /answer is needed/);
  assert.match(questionProblem(find(a, "modules")!, [])!, /at least 1/);
});

test("saved answers are a valid answers file with a comment naming each question", () => {
  const s = { def, library, ctx };
  let a: PartialAnswers = { ...CA_ORDINANCE, number: "2026-1", date: "2026-05-01", modules: ["public-records"] };
  a = withDefaults(s, a);
  const text = answersYaml(a, plan(def, library, a, ctx));
  assert.match(text, /# What is the jurisdiction's full formal name\?\n {2}name: City of Test/);
  assert.match(text, /# Regular Freedom of Information Act requests\n {2}public-records\/foia-cadence:\n {4}# Which office/);
  assert.match(text, /date: "2026-05-01"/);
  assert.match(text, /number: "2026-1"/);
  const loaded = checkAnswers(YamlSource.parse(Buffer.from(text), "saved.yaml"), library);
  assert.equal(loaded.answers.variables["public-records/foia-cadence"]!.interval_days, 90);
});

test("prompts only in a terminal and never under CI", () => {
  assert.equal(canPrompt({}, true), true);
  assert.equal(canPrompt({}, false), false);
  assert.equal(canPrompt({}, undefined), false);
  assert.equal(canPrompt({ CI: "true" }, true), false);
  assert.equal(canPrompt({ CI: "1" }, true), false);
});

function writePartial(text: string): string {
  const f = path.join(tempDir(), "partial.yaml");
  writeFileSync(f, text);
  return f;
}
