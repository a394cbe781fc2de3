// Fixture tests: every Markdown draft under test/risk/fixtures/<rule-id>/
// is parsed, all rules run, and the notes must match the fixture's
// expectation markers exactly (no missing and no extra notes).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync } from "node:fs";
import path from "node:path";
import { fromRoot } from "../helpers.js";
import { compare, quoteProblems, runFixture } from "./fixture-harness.js";

const root = fromRoot("test", "risk", "fixtures");

for (const dir of readdirSync(root, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort()) {
  for (const f of readdirSync(path.join(root, dir)).filter((x) => x.endsWith(".md")).sort()) {
    const file = path.join(root, dir, f);
    test(`fixture ${dir}/${f}`, () => {
      const run = runFixture(file);
      const problems = compare(run);
      assert.deepEqual(problems, [], `${dir}/${f}:\n  ${problems.join("\n  ")}`);
      assert.deepEqual(quoteProblems(run.draft, run.notes), []);
    });
  }
}
