// Rule-level tests that fixtures do not cover well: the FOIA cadence parser,
// and drafts shaped like the assembler's output (clause ids, a definitions
// section whose intro paragraph holds the definitions).
import { test } from "node:test";
import assert from "node:assert/strict";
import type { Draft, Paragraph, Section } from "../../src/core/draft.js";
import { parseCadence } from "../../src/core/risk/rules/foia-cadence-overlap.js";
import { buildContext } from "../../src/core/risk/context.js";
import { runRules } from "../../src/core/risk/engine.js";

const cadences: Array<[string, number | null]> = [
  ["daily", 1],
  ["weekly", 5],
  ["once a week", 5],
  ["every two weeks", 10],
  ["biweekly", 10],
  ["every 14 days", 10],
  ["every fourteen (14) days", 10],
  ["every 10 business days", 10],
  ["twice a month", 11],
  ["every 3 weeks", 15],
  ["monthly", 21],
  ["every 30 days", 21],
  ["at intervals of not more than thirty (30) days", 21],
  ["every 2 months", 43],
  ["quarterly", 65],
  ["at intervals of not more than ninety (90) days", 64],
  ["annually", 260],
  ["as needed", null],
];
for (const [text, wd] of cadences) {
  test(`cadence: ${text}`, () => assert.equal(parseCadence(text)?.workingDays ?? null, wd));
}

function p(id: string, text: string, children: Paragraph[] = [], numbered = true): Paragraph {
  return { id, text, numbered, children };
}
function sec(id: string, role: Section["role"], heading: string, paragraphs: Paragraph[]): Section {
  return { id, clauseId: id === "definitions" ? null : id, role, heading, paragraphs };
}
function assembled(sections: Section[], instrument: Draft["instrument"] = "ordinance"): Draft {
  return {
    instrument,
    jurisdiction: { name: "City of Alameda Bay", kind: "city", state: "CA", legislativeBody: "City Council", executiveTitle: "Mayor" },
    title: "AN ORDINANCE",
    number: "2026-1",
    date: "2026-12-01",
    recitals: [{ id: "findings/property-stewardship#p1", clauseId: "findings/property-stewardship", text: "the City owns and manages property for public purposes" }],
    formula: "NOW, THEREFORE, ...",
    sections,
    layout: [],
    provenance: { ordkitVersion: "0.1.0", library: { name: "ordkit-default", version: "0.1.0" }, clauses: [], answersHash: null, template: "ordinance" },
    notes: [],
    riskNotes: [],
    legalAsOf: "",
  };
}

const DEFS = sec("definitions", "definitions", "Definitions", [
  p("definitions#intro", "As used in this Ordinance, the following terms have the following meanings:", [
    p("definitions/law-enforcement-agency#p1", "“Law Enforcement Agency” means any agency of the United States, of any state, or of any county, city, or other political subdivision of a state, including the City Police Department, that is authorized to enforce criminal or civil law.", [], false),
    p("definitions/law-enforcement-officer#p1", "“Law Enforcement Officer” means any officer, agent, deputy, or employee of a Law Enforcement Agency.", [], false),
    p("definitions/facial-covering#p1", "“Facial Covering” means any mask, balaclava, or other item that covers the wearer's face.", [], false),
  ], false),
]);
const CLOSING = [
  sec("general/federal-savings", "closing", "Compliance with federal law", [p("general/federal-savings#p1", "Nothing in this Ordinance shall be construed to prohibit or restrict any action required by federal law, including 8 U.S.C. §§ 1373 and 1644.", [], false)]),
  sec("general/severability", "closing", "Severability", [p("general/severability#p1", "If any provision of this Ordinance, or its application to any person, officer, agency, or circumstance, is held invalid, the invalidity does not affect other provisions or applications.", [], false)]),
];

test("assembled draft: an even-handed mask rule gets only direct-regulation, anchored to its clause", () => {
  const d = assembled([
    DEFS,
    sec("facial-coverings/all-officers", "operative", "Facial coverings", [
      p("facial-coverings/all-officers#p1", "No Law Enforcement Officer shall wear a Facial Covering while engaged in enforcement activity within the City. This section applies in the same manner to every Law Enforcement Officer, whether employed by the City, by another political subdivision, by the government of California or of any other state, or by the United States."),
      p("facial-coverings/all-officers#p2", "This section does not apply to a Law Enforcement Officer who wears:", [
        p("facial-coverings/all-officers#p2.1", "a medical-grade mask or respirator;"),
        p("facial-coverings/all-officers#p2.2", "a Facial Covering while performing an undercover assignment; or"),
        p("facial-coverings/all-officers#p2.3", "a Facial Covering as a member of a specialized tactical team during a tactical operation."),
      ]),
    ]),
    ...CLOSING,
  ]);
  const notes = runRules(d, buildContext({ state: "CA", instrument: "ordinance" }));
  assert.deepEqual(notes.map((n) => [n.rule, n.severity, n.section, n.paragraph, n.clause]), [
    ["direct-regulation", "high", "facial-coverings/all-officers", "facial-coverings/all-officers#p1", "facial-coverings/all-officers"],
  ]);
  assert.equal(runRules(d, buildContext({ state: "NY", instrument: "ordinance" })).find((n) => n.rule === "direct-regulation")?.severity, "medium");
});

test("assembled draft: the same rule exempting state officers is discrimination", () => {
  const d = assembled([
    DEFS,
    sec("facial-coverings/all-officers", "operative", "Facial coverings", [
      p("facial-coverings/all-officers#p1", "No Law Enforcement Officer shall wear a Facial Covering while engaged in enforcement activity within the City."),
      p("facial-coverings/all-officers#p2", "This section does not apply to a Law Enforcement Officer who is:", [
        p("facial-coverings/all-officers#p2.1", "performing an undercover assignment; or"),
        p("facial-coverings/all-officers#p2.2", "a member of the California Highway Patrol."),
      ]),
    ]),
    ...CLOSING,
  ]);
  const notes = runRules(d, buildContext({ state: "CA", instrument: "ordinance" }));
  const ex = notes.find((n) => n.rule === "exempts-comparable-officers");
  assert.ok(ex, "exempts-comparable-officers fires");
  assert.equal(ex.severity, "high");
  assert.equal(ex.paragraph, "facial-coverings/all-officers#p2.2");
  assert.equal(ex.quote, "California Highway Patrol");
  assert.match(ex.message, /state officers/);
  assert.ok(!notes.some((n) => n.rule === "narrow-targeting"));
});

test("assembled draft: a rule for the jurisdiction's own officers gets nothing", () => {
  const d = assembled([
    DEFS,
    sec("facial-coverings/own-officers", "operative", "Facial coverings", [
      p("facial-coverings/own-officers#p1", "No officer of the City Police Department shall wear a Facial Covering while engaged in enforcement activity, except a medical-grade mask."),
    ]),
    ...CLOSING,
  ]);
  assert.deepEqual(runRules(d, buildContext({ state: "CA", instrument: "ordinance" })), []);
});
