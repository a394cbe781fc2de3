// How each status of a state's entry reaches the state-preemption rule and the
// draft's as-of date, independent of what the data says of any one state.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { fromRoot } from "../helpers.js";
import { parseTextDraft } from "../../src/core/parse/text.js";
import { buildContext, type RiskContext, type StateLaw } from "../../src/core/risk/context.js";
import { runRules, withRiskNotes } from "../../src/core/risk/engine.js";

const file = fromRoot("test", "risk", "fixtures", "state-preemption", "fires-texas-cooperation-limits.md");
const draft = parseTextDraft(readFileSync(file, "utf8"), { file, format: "md" });

function inState(law: Partial<StateLaw>): RiskContext {
  const c = buildContext({ state: "TX", instrument: "ordinance" });
  return { ...c, stateLaw: { ...c.stateLaw, ...law } };
}

const preemption = (ctx: RiskContext) => runRules(draft, ctx, { only: ["state-preemption"] });

test("bars-limits: a high note on each limit, citing the state's own laws as binding", () => {
  const notes = preemption(inState({ status: "bars-limits", law: "Texas law", effect: "Texas bars such limits.", ids: ["tx-sb-4-2017"] }));
  assert.ok(notes.length >= 3 && notes.every((n) => n.severity === "high" || n.severity === "low"));
  for (const n of notes) {
    assert.deepEqual(n.authorities.filter((a) => a.id === "tx-sb-4-2017").map((a) => [a.binding, a.reason]), [[true, "Texas law, binding in Texas"]]);
    assert.match(n.explanation, /^Texas bars such limits\./);
  }
});

test("mixed: one medium note when a module is barred, none when none is", () => {
  const barred = preemption(inState({ status: "mixed", modules: { detainers: "barred", "public-records": "allowed" } }));
  assert.equal(barred.length, 1);
  assert.equal(barred[0]!.severity, "medium");
  assert.match(barred[0]!.message, /bars some local limits on cooperation \(detainers\)/);
  assert.deepEqual(preemption(inState({ status: "mixed", modules: { detainers: "restricted" } })), []);
});

test("none-found and unknown: one info note, never silence; protective: none", () => {
  const none = preemption(inState({ status: "none-found", as_of: "2026-12-01" }));
  assert.equal(none.length, 1);
  assert.equal(none[0]!.severity, "info");
  assert.match(none[0]!.message, /research \(as of 2026-12-01\) found no Texas law either barring or requiring such limits/);
  const unknown = preemption(inState({ status: "unknown" }));
  assert.equal(unknown.length, 1);
  assert.match(unknown[0]!.message, /Texas's law on such limits has not been researched/);
  assert.deepEqual(preemption(inState({ status: "protective" })), []);
});

test("the draft's legal as-of date is the oldest of the knowledge it used", () => {
  const ctx = inState({ status: "bars-limits", ids: [], as_of: "2025-01-01" });
  assert.equal(withRiskNotes(draft, ctx).legalAsOf, "2025-01-01", "the state's entry is older than the authorities");
  const fresh = withRiskNotes(draft, inState({ status: "bars-limits", ids: [], as_of: "2030-01-01" }));
  const oldest = fresh.riskNotes.flatMap((n) => n.authorities.map((a) => a.as_of)).sort()[0]!;
  assert.ok(oldest < "2030-01-01");
  assert.equal(fresh.legalAsOf, oldest, "the oldest date among the cited authorities");
});
