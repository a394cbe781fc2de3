// diff classifies each kind of variable change by what it does to the answers
// people already wrote: may refuse or leave out an old answer -> major; only
// accepts more answers or changes an absent answer's meaning -> minor.
import { test } from "node:test";
import assert from "node:assert/strict";
import { metaLevel } from "../../src/core/diff/versioning.js";
import { canonical } from "../../src/core/diff/units.js";

const BASE = { type: "integer", prompt: "How many days?", default: 30, min: 1, max: 365 };
const CHOICE = { type: "choice", prompt: "Which?", choices: ["a", "b"], default: "a" };
const MULTI = { type: "multi-choice", prompt: "Which?", choices: ["a", "b", "c"], min_items: 1, max_items: 2 };
const TEXT = { type: "string", prompt: "Name?", max_length: 100, pattern: "^[A-Z]" };

type Decl = Record<string, unknown>;
const without = (d: Decl, k: string): Decl => Object.fromEntries(Object.entries(d).filter(([x]) => x !== k));

const TABLE: Array<[string, Decl | null, Decl | null, "patch" | "minor" | "major", RegExp]> = [
  ["min lowered", BASE, { ...BASE, min: 0 }, "minor", /min 1 → 0 \(accepts more answers\)/],
  ["min raised", BASE, { ...BASE, min: 7 }, "major", /min 1 → 7 \(answers valid before may be refused\)/],
  ["min removed", BASE, without(BASE, "min"), "minor", /min 1 → none/],
  ["min added", without(BASE, "min"), BASE, "major", /min none → 1/],
  ["max raised", BASE, { ...BASE, max: 730 }, "minor", /max 365 → 730 \(accepts more/],
  ["max lowered", BASE, { ...BASE, max: 90 }, "major", /max 365 → 90/],
  ["max removed", BASE, without(BASE, "max"), "minor", /max 365 → none/],
  ["max added", without(BASE, "max"), BASE, "major", /max none → 365/],
  ["min_items lowered", MULTI, { ...MULTI, min_items: 0 }, "minor", /min_items 1 → 0/],
  ["min_items raised", MULTI, { ...MULTI, min_items: 2 }, "major", /min_items 1 → 2/],
  ["max_items raised", MULTI, { ...MULTI, max_items: 3 }, "minor", /max_items 2 → 3/],
  ["max_items lowered", MULTI, { ...MULTI, max_items: 1 }, "major", /max_items 2 → 1/],
  ["max_length raised", TEXT, { ...TEXT, max_length: 200 }, "minor", /max_length 100 → 200/],
  ["max_length lowered", TEXT, { ...TEXT, max_length: 50 }, "major", /max_length 100 → 50/],
  ["pattern removed", TEXT, without(TEXT, "pattern"), "minor", /pattern removed/],
  ["pattern changed", TEXT, { ...TEXT, pattern: "^[a-z]" }, "major", /pattern changed/],
  ["pattern added", without(TEXT, "pattern"), TEXT, "major", /pattern added/],
  ["choice added", CHOICE, { ...CHOICE, choices: ["a", "b", "c"] }, "minor", /choices added \(c\)/],
  ["choice removed", CHOICE, { ...CHOICE, choices: ["a"] }, "major", /choices removed \(b\)/],
  ["choices reordered", CHOICE, { ...CHOICE, choices: ["b", "a"] }, "patch", /declaration changed/],
  ["default changed", BASE, { ...BASE, default: 45 }, "minor", /default 30 → 45/],
  ["default added", without(BASE, "default"), BASE, "minor", /default added/],
  ["default removed", BASE, without(BASE, "default"), "major", /default removed/],
  ["prompt reworded", BASE, { ...BASE, prompt: "Within how many days?" }, "patch", /prompt reworded/],
  ["help added", BASE, { ...BASE, help: "A deadline." }, "patch", /help reworded/],
  ["retyped integer to number", BASE, { ...BASE, type: "number" }, "minor", /retyped \(integer → number\) \(accepts more/],
  ["retyped string to text", TEXT, { ...TEXT, type: "text" }, "minor", /retyped \(string → text\)/],
  ["retyped number to integer", { ...BASE, type: "number" }, BASE, "major", /retyped \(number → integer\)/],
  ["retyped choice to string", CHOICE, { ...CHOICE, type: "string", choices: undefined }, "major", /retyped/],
  ["added with a default", null, BASE, "minor", /added with a default/],
  ["added without a default", null, without(BASE, "default"), "major", /added without a default/],
  ["removed", BASE, null, "major", /removed \(answers that give it are refused\)/],
  ["min lowered and max lowered", BASE, { ...BASE, min: 0, max: 90 }, "major", /max 365 → 90 .*; min 1 → 0|min 1 → 0.*max 365 → 90/],
];

test("every kind of variable change gets the level its effect on answers needs", () => {
  for (const [what, o, n, level, reason] of TABLE) {
    const clean = (d: Decl | null): string | null => (d === null ? null : canonical(Object.fromEntries(Object.entries(d).filter(([, v]) => v !== undefined))));
    const got = metaLevel("variables.days", clean(o), clean(n));
    assert.equal(got.level, level, `${what}: ${got.reason}`);
    assert.match(got.reason, reason, what);
    assert.match(got.reason, /^variable days: /, what);
  }
});

test("clause metadata other than variables", () => {
  const table: Array<[string, string | null, string | null, string]> = [
    ["instruments", '["ordinance"]', '["ordinance","resolution"]', "minor"],
    ["instruments", '["ordinance","resolution"]', '["ordinance"]', "major"],
    ["when", null, '{"answer":"modules","includes":"x"}', "minor"],
    ["when", '{"answer":"modules","includes":"x"}', null, "major"],
    ["kind", '"operative"', '"finding"', "major"],
    ["category", '"a"', '"b"', "major"],
    ["title", '"A"', '"B"', "patch"],
    ["sources.X", null, '{"date":null,"url":null}', "patch"],
  ];
  for (const [field, o, n, level] of table) assert.equal(metaLevel(field, o, n).level, level, `${field} ${o} → ${n}`);
});
