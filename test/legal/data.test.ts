// legal/: the data loads, is complete, is cited by id everywhere, and what
// the build derives from it (data module, answers schema, docs) is current.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { fromRoot } from "../helpers.js";
import { tempTree } from "../tmp.js";
import { UserError } from "../../src/core/errors.js";
import { loadLegalData } from "../../src/core/legal/load.js";
import { LEGAL } from "../../src/core/legal/data.generated.js";
import { allAuthorities, allJurisdictions, authority, findJurisdiction, staleness, weightIn, requireAuthority } from "../../src/core/legal/index.js";
import { RULES } from "../../src/core/risk/rules/index.js";
import { loadLibrary } from "../../src/core/library/load.js";
import { DEFAULT_LIBRARY_DIR } from "../../src/core/paths.js";

const ALL_CODES = [
  "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "FL", "GA", "HI", "ID", "IL", "IN", "IA", "KS", "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO",
  "MT", "NE", "NV", "NH", "NJ", "NM", "NY", "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV", "WI", "WY",
  "DC", "PR", "GU", "VI", "AS", "MP",
];

test("all 56 jurisdictions load from legal/, each once, with circuit and as-of date", () => {
  const data = loadLegalData(fromRoot("legal"));
  assert.deepEqual(data.jurisdictions.map((j) => j.code).sort(), [...ALL_CODES].sort());
  for (const j of data.jurisdictions) {
    assert.match(j.as_of, /^\d{4}-\d{2}-\d{2}$/, j.code);
    if (j.code !== "AS") assert.ok(j.circuit, `${j.code} has a circuit`);
    if (j.status === "unknown" || j.status === "none-found") assert.ok(j.searched, `${j.code} says what was searched`);
  }
  assert.equal(data.jurisdictions.find((j) => j.code === "AS")!.circuit, null, "American Samoa is in no federal circuit");
});

test("the compiled data, the answers schema's state codes and the docs' authority lists are current (npm run gen:legal)", async () => {
  const { wanted } = (await import(pathToFileURL(fromRoot("scripts", "gen-legal.mjs")).href)) as { wanted: () => Promise<Map<string, string>> };
  const files = await wanted();
  assert.ok(files.size >= 3);
  for (const [rel, text] of files) assert.equal(readFileSync(fromRoot(rel), "utf8"), text, `${rel} is out of date: run npm run gen:legal`);
  assert.deepEqual(LEGAL, loadLegalData(fromRoot("legal")));
  const schema = JSON.parse(readFileSync(fromRoot("schema", "answers.schema.json"), "utf8")) as { properties: { jurisdiction: { properties: { state: { enum: string[] } } } } };
  assert.deepEqual(schema.properties.jurisdiction.properties.state.enum, allJurisdictions().map((j) => j.code));
});

/** Every authority id cited anywhere: rule meta, clause risks, docs pages. */
function citedIds(): Map<string, string> {
  const cited = new Map<string, string>();
  for (const r of RULES) for (const id of r.meta.authorities) cited.set(id, `rule ${r.meta.id}`);
  for (const c of loadLibrary(DEFAULT_LIBRARY_DIR).clauses.values()) for (const risk of c.risks) for (const id of risk.authorities ?? []) cited.set(id, `clause ${c.id}`);
  const docs = fromRoot("docs", "rules");
  for (const f of readdirSync(docs).filter((f) => f.endsWith(".md"))) {
    for (const m of readFileSync(path.join(docs, f), "utf8").matchAll(/^- `([a-z0-9-]+)`: /gm)) cited.set(m[1]!, `docs/rules/${f}`);
  }
  return cited;
}

test("every authority id cited anywhere exists, and every authority is cited or marked background", () => {
  const cited = citedIds();
  assert.ok(cited.size >= 20);
  for (const [id, where] of cited) assert.ok(authority(id), `${where} cites unknown authority "${id}"`);
  for (const a of allAuthorities()) {
    if (a.jurisdiction) continue; // a state's law belongs to its entry, which the state-preemption rule cites
    assert.ok(cited.has(a.id) || a.background === true, `authority "${a.id}" is cited nowhere: cite it from a rule or mark it background: true`);
  }
});

test("at least 45 jurisdictions have a researched status with sources", () => {
  const researched = allJurisdictions().filter((j) => j.status !== "unknown" && (j.sources ?? []).length > 0);
  assert.ok(researched.length >= 45, `${researched.length} researched`);
});

test("binding versus persuasive: by circuit, by state, and everywhere", () => {
  const w = (id: string, state: string | null) => weightIn(requireAuthority(id), state);
  assert.deepEqual(w("california-2019", "CA"), { binding: true, reason: "binding in the Ninth Circuit, which includes California" });
  assert.deepEqual(w("california-2019", "MN"), { binding: false, reason: "persuasive in the Eighth Circuit (a Ninth Circuit decision)" });
  assert.deepEqual(w("el-cenizo-2018", "TX"), { binding: true, reason: "binding in the Fifth Circuit, which includes Texas" });
  assert.deepEqual(w("ca-sb805-2025", "MN"), { binding: false, reason: "California statute; not law in Minnesota" });
  assert.deepEqual(w("ca-sb805-2025", "CA"), { binding: true, reason: "California law, binding in California" });
  assert.equal(w("johnson-1920", "MN").binding, true);
  assert.equal(w("usc-8-1373", null).binding, true);
  assert.equal(w("california-masks-2026", "CA").binding, false, "a district court ruling binds no other court");
  assert.equal(w("minneapolis-eo-2025-02", "MN").binding, false);
  assert.match(w("california-2019", "AS").reason, /American Samoa is in no federal circuit/);
  assert.match(w("arcata-2010", null).reason, /state is not known/);
});

test("a jurisdiction by code or full name, any case", () => {
  assert.equal(findJurisdiction("Minnesota")?.code, "MN");
  assert.equal(findJurisdiction("mn")?.code, "MN");
  assert.equal(findJurisdiction("district of columbia")?.code, "DC");
  assert.equal(findJurisdiction("Virgin Islands")?.code, "VI");
  assert.equal(findJurisdiction("Minesota"), undefined);
});

test("staleness: a warning only past 90 days", () => {
  assert.equal(staleness("2026-11-01", "2027-01-29"), null, "89 days");
  assert.equal(staleness("2026-11-01", "2027-01-30"), null, "90 days");
  const s = staleness("2026-11-01", "2027-01-31");
  assert.equal(s?.days, 91);
  assert.match(s!.message, /as of 2026-11-01, 91 days before the draft's date \(2027-01-31\)/);
});

const GOOD_AUTH = readFileSync(fromRoot("legal", "authorities.yaml"), "utf8");
const GOOD_JUR = readFileSync(fromRoot("legal", "jurisdictions.yaml"), "utf8");

function problemsOf(files: Record<string, string>): string[] {
  const dir = tempTree({ "authorities.yaml": GOOD_AUTH, "jurisdictions.yaml": GOOD_JUR, ...files });
  try {
    loadLegalData(dir);
  } catch (err) {
    assert.ok(err instanceof UserError, String(err));
    return err.problems.map((p) => `${path.basename(p.file ?? "")}:${p.line}:${p.col}: ${p.message}${p.hint ? ` (${p.hint})` : ""}`);
  }
  return [];
}

test("mistakes in the data are reported with file, line and column", () => {
  const jur = "- code: ZZ\n  name: Nowhere\n  kind: state\n  circuit: 12th\n  status: unknown\n  as_of: \"2026-12-01\"\n  laws:\n    - id: xx-bad\n      citation: X\n      kind: statute\n      effect: Y\n";
  const p = problemsOf({ "jurisdictions.yaml": jur });
  assert.ok(p.some((l) => /^jurisdictions\.yaml:4:12: circuit/.test(l) || /^jurisdictions\.yaml:4:\d+: .*circuit/.test(l)), p.join("\n"));
  assert.ok(p.some((l) => /^jurisdictions\.yaml:1:3: .*missing the required key "searched"/.test(l)), p.join("\n"));

  const jur2 = "- code: ZZ\n  name: Nowhere\n  kind: state\n  circuit: 1st\n  status: protective\n  as_of: \"2026-12-01\"\n  laws:\n    - id: xx-bad\n      citation: X\n      kind: statute\n      effect: Y\n    - id: zz-twice\n      citation: X\n      kind: statute\n      effect: Y\n    - id: zz-twice\n      citation: X\n      kind: statute\n      effect: Y\n";
  const q = problemsOf({ "jurisdictions.yaml": jur2 });
  assert.ok(q.some((l) => l.startsWith('jurisdictions.yaml:8:11: the id "xx-bad" of a Nowhere law must start with "zz-"')), q.join("\n"));
  assert.ok(q.some((l) => l.startsWith('jurisdictions.yaml:16:11: the authority id "zz-twice" is used twice')), q.join("\n"));
  assert.ok(q.some((l) => l.startsWith('authorities.yaml:') && /unknown jurisdiction "MN"/.test(l)), "authorities bound to a state missing from the file");

  const auth = GOOD_AUTH.replace("  holding: A state may not require", "  holdng: A state may not require");
  const r = problemsOf({ "authorities.yaml": auth });
  const line = GOOD_AUTH.split("\n").findIndex((l) => l.startsWith("  holding: A state may not require")) + 1;
  assert.ok(r.some((l) => l.startsWith(`authorities.yaml:${line}:3: unknown key "holdng"`)), r.join("\n"));
});
