// The engine: order, determinism, as-of date, context.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { fromRoot } from "../helpers.js";
import { parseTextDraft } from "../../src/core/parse/text.js";
import { buildContext, circuitFor, stateLawFor } from "../../src/core/risk/context.js";
import { LEGAL_AS_OF, runRules, withRiskNotes } from "../../src/core/risk/engine.js";
import { RULES } from "../../src/core/risk/rules/index.js";
import { SEVERITIES } from "../../src/core/draft.js";
import { UserError } from "../../src/core/errors.js";
import { allJurisdictions, requireAuthority } from "../../src/core/legal/index.js";

const file = fromRoot("test", "risk", "fixtures", "exempts-comparable-officers", "fires-sb627-highway-patrol.md");
const text = readFileSync(file, "utf8");

test("context: circuits and state law from legal/jurisdictions.yaml", () => {
  assert.equal(circuitFor("CA"), "9th");
  assert.equal(circuitFor("tx"), "5th");
  assert.equal(circuitFor("DC"), "DC");
  assert.equal(circuitFor("AS"), null, "American Samoa is in no federal circuit");
  assert.equal(circuitFor(null), null);
  for (const s of ["TX", "FL", "GA", "IA", "LA"]) assert.equal(stateLawFor(s).status, "bars-limits", s);
  for (const s of ["WA", "NJ", "MD"]) assert.equal(stateLawFor(s).status, "protective", s);
  for (const j of allJurisdictions()) assert.equal(stateLawFor(j.code).status, j.status, j.code);
  assert.ok(stateLawFor("TX").ids.every((id) => id.startsWith("tx-")) && stateLawFor("TX").ids.length > 0);
  assert.equal(buildContext({ state: "Minnesota", instrument: "ordinance" }).state, "MN", "a full name");
  assert.equal(buildContext({ state: "AS", instrument: "ordinance" }).circuit, null);
  const c = buildContext({ state: "wa", instrument: "ordinance", existing: { trust_ordinance: "Ord. 12" } });
  assert.deepEqual([c.state, c.circuit, c.stateLaw.status, c.existing.trust_ordinance], ["WA", "9th", "protective", "Ord. 12"]);
  const none = buildContext({ state: null, instrument: "resolution" });
  assert.deepEqual([none.state, none.circuit, none.stateLaw.status], [null, null, "unknown"]);
  assert.throws(() => buildContext({ state: "ZZ", instrument: "ordinance" }), UserError);
});

test("notes are sorted by section order, then severity, then rule id", () => {
  const draft = parseTextDraft(text, { file, format: "md" });
  const notes = runRules(draft, buildContext({ state: "CA", instrument: draft.instrument }));
  assert.ok(notes.length >= 2);
  const order = new Map<string, number>([["recitals", 0], ...draft.sections.map((s, i) => [s.id, i + 1] as [string, number])]);
  for (let i = 1; i < notes.length; i++) {
    const a = notes[i - 1]!;
    const b = notes[i]!;
    const sa = order.get(a.section) ?? 99;
    const sb = order.get(b.section) ?? 99;
    assert.ok(sa < sb || (sa === sb && SEVERITIES.indexOf(a.severity) <= SEVERITIES.indexOf(b.severity)), `${a.rule} before ${b.rule}`);
  }
});

test("runs are deterministic and do not change the draft", () => {
  const d1 = parseTextDraft(text, { file, format: "md" });
  const before = JSON.stringify(d1);
  const ctx = buildContext({ state: "CA", instrument: d1.instrument });
  const a = runRules(d1, ctx);
  const b = runRules(parseTextDraft(text, { file, format: "md" }), ctx);
  assert.deepEqual(a, b);
  assert.equal(JSON.stringify(d1), before);
  const w = withRiskNotes(d1, ctx);
  assert.deepEqual(w.riskNotes, a);
  assert.equal(w.legalAsOf, LEGAL_AS_OF);
});

test("every note is complete, with authorities from its rule's meta", () => {
  const draft = parseTextDraft(text, { file, format: "md" });
  for (const n of runRules(draft, buildContext({ state: "CA", instrument: draft.instrument }))) {
    const rule = RULES.find((r) => r.meta.id === n.rule)!;
    assert.ok(rule, n.rule);
    assert.ok(n.message.length > 0 && n.explanation.length > 0 && n.suggestion.length > 0);
    assert.ok(n.authorities.length > 0);
    // The rule's own authorities, or (state-preemption) the state's laws as well.
    for (const a of n.authorities) assert.ok(rule.meta.authorities.includes(a.id) || (n.rule === "state-preemption" && a.id.startsWith("ca-")), a.id);
  }
});

test("LEGAL_AS_OF is the oldest date among the rules' authorities", () => {
  const oldest = RULES.flatMap((r) => r.meta.authorities.map((id) => requireAuthority(id).as_of)).sort()[0]!;
  assert.equal(LEGAL_AS_OF, oldest);
  assert.match(LEGAL_AS_OF, /^\d{4}-\d{2}-\d{2}$/);
});

test("the same draft is judged by its circuit: direct regulation is high only in the Ninth", () => {
  const draft = parseTextDraft(text, { file, format: "md" });
  const sev = (state: string | null): string[] =>
    runRules(draft, buildContext({ state, instrument: draft.instrument }))
      .filter((n) => n.rule === "direct-regulation")
      .map((n) => n.severity);
  assert.deepEqual(sev("CA"), ["high"]);
  assert.deepEqual(sev("NY"), ["medium"]);
  assert.deepEqual(sev(null), ["medium"]);
  const unknown = runRules(draft, buildContext({ state: null, instrument: draft.instrument })).find((n) => n.rule === "direct-regulation")!;
  assert.match(unknown.explanation, /circuit is unknown/);
});

test("only / skip options", () => {
  const draft = parseTextDraft(text, { file, format: "md" });
  const ctx = buildContext({ state: "CA", instrument: draft.instrument });
  assert.ok(runRules(draft, ctx, { only: ["direct-regulation"] }).every((n) => n.rule === "direct-regulation"));
  assert.ok(runRules(draft, ctx, { skip: ["direct-regulation"] }).every((n) => n.rule !== "direct-regulation"));
});
