// The prompts each question turns into, driven in a virtual terminal.
import { test } from "node:test";
import assert from "node:assert/strict";
import { render } from "@inquirer/testing";
import { checkbox, input, select } from "@inquirer/prompts";
import { fromRoot } from "../helpers.js";
import { loadLibrary } from "../../src/core/library/load.js";
import { loadInterview } from "../../src/core/interview/definition.js";
import { plan, type PartialAnswers, type Question } from "../../src/core/interview/questions.js";
import { promptFor, questionHeader, reviewPrompt, WRITE } from "../../src/commands/draft-interview.js";

const library = loadLibrary(fromRoot("clauses"));
const def = loadInterview(library);
const ctx = { today: "2026-05-01" };
const BASE: PartialAnswers = { jurisdiction: { state: "CA" }, instrument: "ordinance", modules: ["public-records"] };
const q = (p: string, a: PartialAnswers = BASE): Question => {
  const found = plan(def, library, a, ctx).find((x) => x.path === p);
  assert.ok(found, p);
  return found;
};

test("a state is typed, checked against the state names and saved in capitals", async () => {
  const spec = promptFor(q("jurisdiction.state", {}));
  assert.equal(spec.kind, "input");
  if (spec.kind !== "input") return;
  const { answer, events, getScreen } = await render(input, spec.config);
  events.type("zz");
  events.keypress("enter");
  await Promise.resolve();
  await new Promise((r) => setImmediate(r));
  assert.match(getScreen(), /"zz" is not a state or territory/);
  for (let i = 0; i < 2; i++) events.keypress("backspace");
  events.type("Washington");
  events.keypress("enter");
  assert.equal(spec.parse(await answer), "WA");
});

test("an integer variable offers its default and refuses values out of bounds", async () => {
  const spec = promptFor(q("variables.public-records/foia-cadence.interval_days"));
  assert.equal(spec.kind, "input");
  if (spec.kind !== "input") return;
  const { answer, events, getScreen } = await render(input, spec.config);
  assert.match(getScreen(), /How often, in days, should new requests be filed\? \(90\)/);
  events.type("10");
  events.keypress("enter");
  await new Promise((r) => setImmediate(r));
  assert.match(getScreen(), /must be at least 30/);
  for (let i = 0; i < 2; i++) events.keypress("backspace");
  events.keypress("enter");
  assert.equal(spec.parse(await answer), 90, "Enter on an empty line takes the default");
});

test("a multi-choice variable starts from its default choices", async () => {
  const spec = promptFor(q("variables.public-records/foia-cadence.components"));
  assert.equal(spec.kind, "checkbox");
  if (spec.kind !== "checkbox") return;
  const { answer, events, getScreen } = await render(checkbox, spec.config);
  assert.match(getScreen(), /◉ U\.S\. Immigration and Customs Enforcement/);
  events.keypress("enter");
  assert.deepEqual(spec.parse(await answer), ["U.S. Immigration and Customs Enforcement", "U.S. Customs and Border Protection", "the Privacy Office of the U.S. Department of Homeland Security"]);
});

test("modules: titles shown, at least one required, and the state-law note above it", async () => {
  const question = q("modules", { jurisdiction: { state: "TX" }, instrument: "ordinance" });
  assert.ok(questionHeader(question, null).some((l) => /Texas law \(.*SB 4/.test(l)));
  assert.ok(questionHeader(question, null).some((l) => /operative sections on one subject/.test(l)), "the help line");
  const spec = promptFor(question);
  if (spec.kind !== "checkbox") return assert.fail(spec.kind);
  const { answer, events, getScreen } = await render(checkbox, spec.config);
  assert.match(getScreen(), /Public-Records Requests \(public-records\)/);
  assert.doesNotMatch(getScreen(), /property-use/);
  events.keypress("enter");
  await new Promise((r) => setImmediate(r));
  assert.match(getScreen(), /needs at least 1 choice/);
  events.keypress("space");
  events.keypress("enter");
  assert.deepEqual(spec.parse(await answer), ["public-records"]);
});

test("a choice offers the current answer; a boolean is a yes/no", async () => {
  const spec = promptFor(q("instrument"), "resolution");
  if (spec.kind !== "select") return assert.fail(spec.kind);
  const { answer, events } = await render(select, spec.config);
  events.keypress("enter");
  assert.equal(await answer, "resolution");
  // A yes/no is a list, so that going back is one of its choices.
  const yn = promptFor(q("existing.agreement_287g", { ...BASE, modules: ["detainers"] }), undefined, true);
  if (yn.kind !== "select") return assert.fail(yn.kind);
  assert.deepEqual(yn.config.choices.map((c) => c.name), ["yes", "no", "« Previous question"]);
  const r = await render(select, yn.config);
  r.events.keypress("up");
  r.events.keypress("enter");
  assert.equal(yn.parse(await r.answer), true);
});

test("an optional answer left blank is none", async () => {
  const spec = promptFor(q("sponsor"));
  if (spec.kind !== "input") return assert.fail(spec.kind);
  const { answer, events } = await render(input, spec.config);
  events.keypress("enter");
  assert.equal(spec.parse(await answer), null);
});

test("the review screen lists every answer after Write the draft", async () => {
  const a: PartialAnswers = { ...BASE, jurisdiction: { name: "City of Test", state: "CA" }, sponsor: null };
  const questions = plan(def, library, a, ctx);
  const config = reviewPrompt(questions, a);
  assert.equal(config.choices[0]!.value, WRITE);
  assert.equal(config.choices.length, questions.length + 1);
  const { answer, events, getScreen } = await render(select, config);
  assert.match(getScreen(), /❯ Write the draft/);
  assert.match(getScreen(), /jurisdiction\.name = City of Test/);
  events.keypress("down");
  events.keypress("enter");
  assert.equal(await answer, "jurisdiction.name");
});
