// Bounded cost: huge or unrelated texts fall back to whole-paragraph
// replacement instead of hanging.
import { test } from "node:test";
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { tempDir } from "../tmp.js";
import { runComparison } from "../../src/core/diff-inputs.js";
import { fromRoot } from "../helpers.js";

const VOCAB = "the city shall may not agency property law enforcement zone posted within days office clerk council public records staging area federal state officer notice request".split(" ");

/** Deterministic pseudo-random words, about `size` characters. */
function text(seed: number, size: number): string {
  let s = seed;
  const out: string[] = [];
  let len = 0;
  while (len < size) {
    s = (s * 1103515245 + 12345) % 2147483648;
    const w = VOCAB[s % VOCAB.length]!;
    out.push(w);
    len += w.length + 1;
  }
  return out.join(" ");
}

function clause(body: string[], version: string): string {
  return [
    "id: ops/big",
    `version: "${version}"`,
    "title: Big",
    "category: ops",
    "kind: operative",
    "instruments: [ordinance]",
    "regulates: { who: own-personnel, where: anywhere, does: directs-staff }",
    "heading: Big",
    "body:",
    ...body.map((t) => `  - text: ${JSON.stringify(t)}`),
  ].join("\n");
}

async function compare(a: string, b: string) {
  const dir = tempDir();
  writeFileSync(path.join(dir, "a.yaml"), a);
  writeFileSync(path.join(dir, "b.yaml"), b);
  return runComparison({ old: path.join(dir, "a.yaml"), new: path.join(dir, "b.yaml"), libraryDir: fromRoot("clauses"), templatesDir: fromRoot("templates") });
}

test("two unrelated 50 KB clauses diff within a bounded time", { timeout: 30_000 }, async () => {
  const start = performance.now();
  const r = await compare(clause([text(1, 50_000)], "1.0.0"), clause([text(2, 50_000)], "2.0.0"));
  const ms = performance.now() - start;
  assert.ok(ms < 5000, `took ${Math.round(ms)} ms`);
  const change = r.units[0]!.paras.find((p) => p.op !== "equal")!;
  assert.equal(change.op, "change");
  assert.equal(change.fallback, true, "replaced whole");
  assert.deepEqual(change.words!.map((w) => w.op), ["delete", "insert"]);
});

test("500 unrelated paragraphs on each side stay bounded", { timeout: 30_000 }, async () => {
  const start = performance.now();
  const old = Array.from({ length: 500 }, (_, i) => text(i + 1, 100));
  const neu = Array.from({ length: 500 }, (_, i) => text(i + 1000, 100));
  const r = await compare(clause(old, "1.0.0"), clause(neu, "2.0.0"));
  const ms = performance.now() - start;
  assert.ok(ms < 10_000, `took ${Math.round(ms)} ms`);
  assert.ok(r.units[0]!.paras.filter((p) => p.op !== "equal").length >= 500);
});

test("a 50 KB clause with a few edits still gets a word diff", { timeout: 30_000 }, async () => {
  const base = text(3, 50_000);
  const edited = base.replace(/\bshall\b/, "must").replace(/\bclerk\b/, "manager");
  const r = await compare(clause([base], "1.0.0"), clause([edited], "2.0.0"));
  const change = r.units[0]!.paras.find((p) => p.op === "change")!;
  assert.equal(change.fallback, undefined);
  assert.deepEqual(change.words!.filter((w) => w.op !== "equal").map((w) => w.text).sort(), ["clerk", "manager", "must", "shall"]);
});
