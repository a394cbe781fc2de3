// The interview as council staff meet it: offices offered by kind and state,
// the kind read from a plain name, plain dates and state names, only the
// questions the chosen modules use, a reviewed module never dropped, and
// choices that say their risk.
import { test } from "node:test";
import assert from "node:assert/strict";
import { fromRoot } from "../helpers.js";
import { loadLibrary } from "../../src/core/library/load.js";
import { loadInterview } from "../../src/core/interview/definition.js";
import { pending, plan, questionProblem, parseInput, setAnswer, staleAnswer, type PartialAnswers, type Question } from "../../src/core/interview/questions.js";
import { kindFromName, officeFor } from "../../src/core/interview/offices.js";
import { isoDate, stateCode } from "../../src/core/interview/plain-input.js";
import { answersYaml } from "../../src/core/interview/save.js";
import { promptFor } from "../../src/commands/draft-interview.js";
import { valueProblem } from "../../src/core/library/values.js";
import { schemaProblems } from "../../src/core/library/schema.js";
import { YamlSource } from "../../src/core/library/yaml-source.js";
import { UserError } from "../../src/core/errors.js";
import { tempDir } from "../tmp.js";
import { writeFileSync } from "node:fs";
import path from "node:path";

const library = loadLibrary(fromRoot("clauses"));
const def = loadInterview(library);
const ctx = { today: "2026-05-01" };
const find = (a: PartialAnswers, p: string): Question | undefined => plan(def, library, a, ctx).find((q) => q.path === p);
const offered = (a: PartialAnswers, p: string): unknown => find(a, p)?.decl.default;

test("the body, executive and clerk offered follow the kind and the state", () => {
  const j = (kind: string, state: string): PartialAnswers => ({ jurisdiction: { name: "X", kind, state } });
  assert.deepEqual([offered(j("county", "WA"), "jurisdiction.legislative_body"), offered(j("county", "WA"), "jurisdiction.executive_title")], ["Board of County Commissioners", "Chair of the Board of County Commissioners"]);
  assert.equal(offered(j("county", "CA"), "jurisdiction.legislative_body"), "Board of Supervisors");
  assert.deepEqual([offered(j("county", "TX"), "jurisdiction.legislative_body"), offered(j("county", "TX"), "jurisdiction.executive_title")], ["Commissioners Court", "County Judge"]);
  assert.deepEqual([offered(j("town", "CT"), "jurisdiction.legislative_body"), offered(j("town", "CT"), "jurisdiction.executive_title")], ["Board of Selectmen", "First Selectman"]);
  assert.equal(offered(j("town", "MA"), "jurisdiction.legislative_body"), "Select Board");
  assert.equal(offered(j("town", "OR"), "jurisdiction.legislative_body"), "Town Council");
  assert.equal(offered(j("village", "IL"), "jurisdiction.executive_title"), "Village President");
  assert.deepEqual([offered(j("city", "WA"), "jurisdiction.legislative_body"), offered(j("city", "WA"), "jurisdiction.executive_title")], ["City Council", "Mayor"]);
  assert.equal(offered({ ...j("county", "WA"), instrument: "ordinance" }, "jurisdiction.clerk_title"), "Clerk of the Board");
  assert.equal(officeFor(def.offices, "county", "ZZ")?.body, "Board of County Commissioners");
});

test("the kind is read from a plain name, and offered", () => {
  assert.equal(kindFromName("Cascade County"), "county");
  assert.equal(kindFromName("County of Marin"), "county");
  assert.equal(kindFromName("Town of Ashford"), "town");
  assert.equal(kindFromName("Millbrook Borough"), "borough");
  assert.equal(kindFromName("City and County of Denver"), null);
  assert.equal(kindFromName("Cedar Sound"), null);
  assert.equal(kindFromName("Town Creek Heights"), "town");
  assert.equal(offered({ jurisdiction: { name: "Cascade County" } }, "jurisdiction.kind"), "county");
  assert.equal(offered({ jurisdiction: { name: "Cedar Sound" } }, "jurisdiction.kind"), "city");
});

test("plain dates and state names", () => {
  assert.equal(isoDate("12/15/2026"), "2026-12-15");
  assert.equal(isoDate("December 15, 2026"), "2026-12-15");
  assert.equal(isoDate("Dec. 15, 2026"), "2026-12-15");
  assert.equal(isoDate("15 December 2026"), "2026-12-15");
  assert.equal(isoDate("2026-2-3"), "2026-02-03");
  assert.equal(isoDate("02/30/2026"), null);
  assert.equal(isoDate("soon"), null);
  assert.equal(stateCode("new york"), "NY");
  assert.equal(stateCode("wa"), "WA");
  assert.equal(stateCode("Cascadia"), null);
  const date = find({}, "date")!;
  assert.equal(parseInput(date, "December 15, 2026"), "2026-12-15");
  const why = questionProblem(date, parseInput(date, "next Tuesday"))!;
  assert.match(why, /type it as 2026-12-15, 12\/15\/2026 or December 15, 2026/);
  assert.doesNotMatch(why, /quoted/);
});

test("no message shows a raw pattern", () => {
  const clause = YamlSource.parse(Buffer.from("id: a/b\nversion: 1.0.0\ntitle: T\ncategory: Not A Slug\nkind: operative\ninstruments: [ordinance]\nbody: [{ text: x }]\n"), "c.yaml");
  const problems = schemaProblems(clause, "clause");
  assert.ok(problems.length > 0);
  for (const p of problems) assert.doesNotMatch(`${p.message} ${p.hint ?? ""}`, /\^|\$|\[a-z/, p.message);
  assert.equal(valueProblem({ type: "string", prompt: "p", pattern: "^\\d+$" }, "x"), "is not in the form this answer needs (see its prompt)");
  assert.equal(valueProblem({ type: "string", prompt: "p", pattern: "^\\d+$", pattern_hint: "digits only" }, "x"), "should be digits only");
});

test("questions about existing rules come after the modules, and only for the modules that use them", () => {
  const base: PartialAnswers = { jurisdiction: { name: "City of T", kind: "city", state: "WA", legislative_body: "City Council", executive_title: "Mayor" }, instrument: "ordinance" };
  const before = plan(def, library, base, ctx).map((q) => q.path);
  assert.ok(!before.includes("existing.detainer_policy"));
  assert.ok(!before.some((p) => p === "existing.records_office"), "asked, but used by no clause");
  const withRecords = plan(def, library, { ...base, modules: ["public-records"] }, ctx).map((q) => q.path);
  for (const p of ["existing.detainer_policy", "existing.agreement_287g", "existing.own_police_mask_rule", "existing.body_camera_policy", "existing.records_office"]) assert.ok(!withRecords.includes(p), p);
  const withDetainers = plan(def, library, { ...base, modules: ["detainers", "facial-coverings"] }, ctx).map((q) => q.path);
  for (const p of ["existing.detainer_policy", "existing.agreement_287g", "existing.own_police_mask_rule"]) assert.ok(withDetainers.includes(p), p);
  assert.ok(withDetainers.indexOf("modules") < withDetainers.indexOf("existing.detainer_policy"));
});

test("an option a file answered that no longer fits (an executive order, all-officers) is asked again, not dropped", () => {
  let a: PartialAnswers = {
    jurisdiction: { name: "City of T", kind: "city", state: "WA", legislative_body: "City Council", executive_title: "Mayor" },
    instrument: "ordinance",
    modules: ["facial-coverings"],
    options: { coverings_scope: "all-officers" },
  };
  assert.ok(!pending(def, library, a, ctx).some((q) => q.path === "options.coverings_scope"));
  a = setAnswer(a, ["instrument"], "executive-order");
  const q = pending(def, library, a, ctx).find((x) => x.path === "options.coverings_scope");
  assert.ok(q, "asked again");
  assert.deepEqual(q.decl.choices, ["own-officers"]);
  assert.match(staleAnswer(q, a)!, /must be one of: own-officers/);
});

test("option choices: the lower-risk value first, with its risk in words; modules with a line each", () => {
  const a: PartialAnswers = { jurisdiction: { state: "CA" }, instrument: "ordinance", modules: ["facial-coverings"] };
  const spec = promptFor(find(a, "options.coverings_scope")!);
  if (spec.kind !== "select") return assert.fail(spec.kind);
  assert.deepEqual(spec.config.choices.map((c) => c.value), ["own-officers", "all-officers"]);
  assert.match(spec.config.choices[0]!.name, /^own-officers: lowest risk/);
  assert.match(spec.config.choices[1]!.name, /^all-officers: high risk in the Ninth Circuit/);
  const modules = promptFor(find({ jurisdiction: { state: "CA" }, instrument: "ordinance" }, "modules")!);
  if (modules.kind !== "checkbox") return assert.fail(modules.kind);
  assert.ok(modules.config.choices.every((c) => (c.description ?? "").length > 10), "every module has a description");
});

test("saved answers start with the schema line, relative to where they are written; repealed provisions are a list", () => {
  const text = answersYaml({ instrument: "ordinance", existing: { repealed_provisions: ["Section 1 of the Code", "Section 2 of the Code"] } }, [], "../schema/answers.schema.json");
  assert.match(text.split("\n")[0]!, /^# yaml-language-server: \$schema=\.\.\/schema\/answers\.schema\.json$/);
  assert.match(text, /repealed_provisions:\n\s+- Section 1 of the Code\n\s+- Section 2 of the Code/);
  const q = find({ instrument: "ordinance" }, "existing.repealed_provisions")!;
  assert.equal(q.many, true);
  assert.equal(questionProblem(q, ["Section 1"]), null);
  assert.equal(questionProblem(q, null), null);
});

test("choice_risks may only name the option's choices", () => {
  const dir = tempDir();
  writeFileSync(
    path.join(dir, "ordkit.yaml"),
    "layer_version: 1\nname: risky\nversion: 1.0.0\nextends: ordkit\noptions:\n  scope_x:\n    type: choice\n    prompt: P?\n    choices: [a, b]\n    choice_risks: { a: low, c: high }\n    default: a\n",
  );
  assert.throws(() => loadLibrary([dir]), (err: UserError) => err.problems.some((p) => /choice_risks names "c", which is not among the choices of "scope_x"/.test(p.message)));
});
