// The real-text corpus (test/risk/corpus): verbatim operative text of real
// statutes, codes, executive orders and resolutions, and one-sentence probes,
// each carrying the notes a careful municipal lawyer expects, written before
// the reader was run on them. A difference (a missed note or an extra one, by
// rule, anchor and severity) fails unless it is recorded in
// KNOWN-DIFFERENCES.txt, the honest list of what the reader still gets wrong;
// a recorded difference that no longer occurs fails too, so the list only
// shrinks. Recall and wrong firings: docs/rules/README.md (scripts/corpus-score.mjs).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fromRoot } from "../helpers.js";
import { compare, quoteProblems, runFixture } from "./fixture-harness.js";

const root = fromRoot("test", "risk", "corpus");

/** "missing: line 9: rule high @ anchor" without the quote and message an extra note carries. */
export function differenceKey(problem: string): string {
  return problem.replace(/\s+«[\s\S]*$/, "");
}

function known(): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const raw of readFileSync(path.join(root, "KNOWN-DIFFERENCES.txt"), "utf8").split("\n")) {
    const line = raw.trim();
    if (!line || line.startsWith("#")) continue;
    const at = line.indexOf(": ");
    const file = line.slice(0, at);
    out.set(file, [...(out.get(file) ?? []), line.slice(at + 2)]);
  }
  return out;
}

const recorded = known();
const files = readdirSync(root).filter((x) => x.endsWith(".md") && x !== "PROBES.md").sort();

test("the corpus holds at least 40 real measures from at least 10 states, and probes", () => {
  const measures = files.filter((f) => !f.startsWith("PROBES-"));
  assert.ok(measures.length >= 40, `${measures.length} measures`);
  assert.ok(new Set(measures.map((f) => f.slice(0, 2))).size >= 10, "states");
  assert.ok(files.some((f) => f.startsWith("PROBES-")), "probes");
  for (const f of measures) assert.match(readFileSync(path.join(root, f), "utf8"), /<!--\s*source:/, `${f} names its source`);
});

test("every recorded difference names a corpus file", () => {
  for (const f of recorded.keys()) assert.ok(files.includes(f), `KNOWN-DIFFERENCES.txt names ${f}, which is not in the corpus`);
});

for (const f of files) {
  test(`corpus ${f}`, () => {
    const run = runFixture(path.join(root, f));
    const got = compare(run).map(differenceKey).sort();
    const want = [...(recorded.get(f) ?? [])].sort();
    assert.deepEqual(got, want, `${f}: differences from the expectations other than those recorded in KNOWN-DIFFERENCES.txt (update the list only when the reader improves)`);
    assert.deepEqual(quoteProblems(run.draft, run.notes), []);
  });
}
