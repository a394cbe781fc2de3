#!/usr/bin/env node
// Recall and wrong firings of the risk rules on the real-text corpus
// (test/risk/corpus): `npm run build && node scripts/corpus-score.mjs`.
// --list prints every miss and extra note.
import { readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const { runFixture, compare } = await import(path.join(root, "dist", "test", "risk", "fixture-harness.js"));
// --dir DIR scores another folder of files in the corpus format (a new batch, before it joins the corpus).
const dirAt = process.argv.indexOf("--dir");
const dir = dirAt > 0 ? path.resolve(process.argv[dirAt + 1]) : path.join(root, "test", "risk", "corpus");
const list = process.argv.includes("--list");
// --known prints the differences in the form of test/risk/corpus/KNOWN-DIFFERENCES.txt.
const knownOut = process.argv.includes("--known");
const totals = { measures: { expected: 0, found: 0, extra: 0, extraHigh: 0, files: 0, clean: 0 }, probes: { expected: 0, found: 0, extra: 0, extraHigh: 0, files: 0, clean: 0 } };
for (const f of readdirSync(dir).filter((x) => x.endsWith(".md") && x !== "PROBES.md").sort()) {
  let run;
  try {
    run = runFixture(path.join(dir, f));
  } catch (err) {
    // A file whose markers do not fit the text is reported, not scored.
    console.log(`${f}\n  not scored: ${err?.message ?? err}`);
    continue;
  }
  const problems = compare(run);
  const t = f.startsWith("PROBES-") ? totals.probes : totals.measures;
  const keep = (rule) => !run.only || run.only.includes(rule);
  const expected = run.expected.filter((e) => keep(e.rule)).length;
  const missing = problems.filter((p) => p.startsWith("missing")).length;
  const extra = problems.filter((p) => p.startsWith("extra")).length;
  t.files++;
  t.expected += expected;
  t.found += expected - missing;
  t.extra += extra;
  t.extraHigh += problems.filter((p) => p.startsWith("extra") && / high @ /.test(p)).length;
  if (!problems.length) t.clean++;
  if (list && problems.length) console.log(`${f}\n  ${problems.join("\n  ")}`);
  if (knownOut) for (const p of problems) console.log(`${f}: ${p.replace(/\s+«[\s\S]*$/, "")}`);
}
if (knownOut) process.exit(0);
for (const [k, t] of Object.entries(totals)) {
  const recall = t.expected ? ((100 * t.found) / t.expected).toFixed(0) : "n/a";
  console.log(`${k}: ${t.files} files, ${t.clean} exactly as expected; recall ${t.found}/${t.expected} (${recall} %); wrong firings ${t.extra} (${t.extraHigh} high)`);
}
