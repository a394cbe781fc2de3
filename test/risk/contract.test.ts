// Contract: every rule in the registry has a docs page that shows its
// authorities' as-of dates, fixtures that fire and fixtures that do not, and
// a complete meta block; every fixtures folder belongs to a registered rule.
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fromRoot } from "../helpers.js";
import { RULES } from "../../src/core/risk/rules/index.js";
import { SEVERITIES } from "../../src/core/draft.js";
import { LEGAL_AS_OF } from "../../src/core/risk/engine.js";
import { runFixture } from "./fixture-harness.js";
import { authority } from "../../src/core/legal/index.js";

const REQUIRED_IDS = [
  "narrow-targeting",
  "exempts-comparable-officers",
  "direct-regulation",
  "public-space-exclusion",
  "immigration-purpose-carveout",
  "status-sharing-restriction",
  "state-preemption",
  "penalty-on-federal-officers",
  "hostile-recital",
  "missing-severability",
  "missing-federal-savings-clause",
  "executive-order-overreach",
  "foia-cadence-overlap",
  "undefined-term",
  "civil-liability-on-federal-officers",
  "contractor-discrimination",
  "regulatory-purpose-finding",
  "outside-agency-mandate",
  "buffer-zone",
  "jurisdiction-office-names",
];

test("the registry holds exactly the required rules, with unique ids", () => {
  const ids = RULES.map((r) => r.meta.id);
  assert.deepEqual([...ids].sort(), [...REQUIRED_IDS].sort());
  assert.equal(new Set(ids).size, ids.length);
});

for (const rule of RULES) {
  const id = rule.meta.id;
  test(`rule ${id}: meta is complete`, () => {
    const m = rule.meta;
    assert.match(id, /^[a-z0-9]+(?:-[a-z0-9]+)*$/);
    assert.ok(existsSync(fromRoot("src", "core", "risk", "rules", `${id}.ts`)), `src/core/risk/rules/${id}.ts (id must match the file name)`);
    assert.ok(SEVERITIES.includes(m.severity), "default severity");
    assert.ok(m.title.trim().length > 0, "title");
    assert.ok(m.description.trim().length > 20, "description");
    assert.ok(m.fix.trim().length > 10, "fix");
    assert.ok(m.authorities.length >= 1, "at least one authority");
    for (const id of m.authorities) {
      const a = authority(id);
      assert.ok(a, `authority id "${id}" is in legal/`);
      assert.ok(a.citation.trim().length > 0, "authority citation");
      assert.match(a.url, /^https:\/\/\S+$/, `authority url for ${id}`);
      assert.match(a.as_of, /^\d{4}-\d{2}-\d{2}$/, `as_of for ${id}`);
      assert.ok(a.as_of >= LEGAL_AS_OF, "LEGAL_AS_OF is the oldest as_of");
    }
    assert.equal(typeof rule.check, "function");
  });

  test(`rule ${id}: docs/rules/${id}.md exists and shows its authorities with as-of dates`, () => {
    const file = fromRoot("docs", "rules", `${id}.md`);
    assert.ok(existsSync(file), `missing docs/rules/${id}.md`);
    const doc = readFileSync(file, "utf8");
    assert.match(doc, new RegExp(`^# .*\\b${id}\\b`, "m"), "page title names the rule id");
    for (const aid of rule.meta.authorities) {
      const a = authority(aid)!;
      assert.ok(doc.includes(`\`${aid}\``), `docs/rules/${id}.md does not cite ${aid} by id`);
      assert.ok(doc.includes(a.as_of), `docs/rules/${id}.md lacks the as-of date ${a.as_of} of ${aid}`);
      assert.ok(doc.includes(a.url), `docs/rules/${id}.md lacks the url of ${aid}`);
    }
    assert.match(doc, /^## .*\b(?:Bad|Fires)\b/im, "a bad example");
    assert.match(doc, /^## .*\b(?:Fixed|Better|Passes)\b/im, "a fixed example");
  });

  test(`rule ${id}: fixtures that fire and fixtures that do not`, () => {
    const dir = fromRoot("test", "risk", "fixtures", id);
    assert.ok(existsSync(dir), `missing test/risk/fixtures/${id}/`);
    const files = readdirSync(dir).filter((f) => f.endsWith(".md"));
    let fires = 0;
    let quiet = 0;
    for (const f of files) {
      const run = runFixture(path.join(dir, f));
      const expectsRule = run.expected.some((e) => e.rule === id);
      if (expectsRule) fires++;
      else quiet++;
      if (f.startsWith("fires-")) assert.ok(expectsRule, `${id}/${f} is named fires- but expects no ${id} note`);
      if (f.startsWith("passes-") || f.startsWith("near-miss-")) assert.ok(!expectsRule, `${id}/${f} is named ${f.split("-")[0]} but expects a ${id} note`);
    }
    assert.ok(fires >= 1, `no fixture where ${id} fires`);
    assert.ok(quiet >= 1, `no fixture where ${id} stays quiet`);
    for (const kind of ["fires-", "passes-", "near-miss-"]) assert.ok(files.some((f) => f.startsWith(kind)), `no ${kind}*.md fixture for ${id}`);
    for (const f of files) assert.match(f, /^(?:fires|passes|near-miss)-[a-z0-9-]+\.md$/, `fixture name ${id}/${f}`);
  });
}

test("every fixtures folder belongs to a registered rule", () => {
  const ids = new Set(RULES.map((r) => r.meta.id));
  for (const d of readdirSync(fromRoot("test", "risk", "fixtures"), { withFileTypes: true })) {
    if (d.isDirectory()) assert.ok(ids.has(d.name), `fixtures folder ${d.name} has no rule`);
  }
});

test("every docs/rules page belongs to a registered rule", () => {
  const ids = new Set(RULES.map((r) => r.meta.id));
  const dir = fromRoot("docs", "rules");
  for (const f of readdirSync(dir).filter((f) => f.endsWith(".md") && f !== "README.md")) {
    assert.ok(ids.has(f.replace(/\.md$/, "")), `docs/rules/${f} has no rule`);
  }
});
