// The schema validators generated at build time must be current and must
// report exactly what ajv reports when it compiles the schemas at run time.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import { runtimeValidator, schemaValidator, type SchemaName } from "../src/core/shared/schema.js";
import * as generated from "../src/core/shared/validators.generated.js";
import { fromRoot, yamlFiles } from "./helpers.js";

test("validators.generated.ts is up to date with schema/", () => {
  const r = spawnSync(process.execPath, [fromRoot("scripts/gen-validators.mjs"), "--check"], { encoding: "utf8" });
  assert.equal(r.status, 0, r.stderr);
});

test("the generated validators are the ones in use while the schemas match", () => {
  for (const name of ["clause", "library", "answers", "interview"] as const) {
    assert.equal(schemaValidator(name), (generated as unknown as Record<string, unknown>)[name], name);
  }
});

function schemaFor(file: string): SchemaName {
  const base = path.basename(file);
  if (base === "library.yaml") return "library";
  if (base === "interview.yaml") return "interview";
  if (file.includes(`${path.sep}examples${path.sep}`) || /answers/.test(base)) return "answers";
  return "clause";
}

/** Invalid variants of a valid document: each breaks it in a different way. */
function mutations(doc: Record<string, unknown>): unknown[] {
  const keys = Object.keys(doc);
  const out: unknown[] = [
    { ...doc, not_a_key: 1 },
    Object.fromEntries(Object.entries(doc).slice(1)),
    Object.fromEntries(Object.entries(doc).map(([k, v]) => [k, typeof v === "string" ? 1.1 : v])),
    Object.fromEntries(Object.entries(doc).map(([k, v]) => [k, Array.isArray(v) ? [] : v])),
    Object.fromEntries(Object.entries(doc).map(([k, v]) => [k, Array.isArray(v) ? [...v, ...v] : v])),
    Object.fromEntries(Object.entries(doc).map(([k, v]) => [k, v && typeof v === "object" && !Array.isArray(v) ? { ...v, "Bad Key": { when: { answer: 3 } } } : v])),
    Object.fromEntries(Object.entries(doc).map(([k, v]) => [k, typeof v === "string" ? "" : v])),
    [doc],
    null,
  ];
  for (const k of keys) out.push({ ...doc, [k]: { when: { nope: true } } });
  return out;
}

test("generated and run-time validators report the same errors", () => {
  const files = [...yamlFiles(fromRoot("clauses")), ...yamlFiles(fromRoot("examples")), ...yamlFiles(fromRoot("test/fixtures")).filter((f) => !f.includes(`${path.sep}hostile${path.sep}`))] // hostile fixtures are meant to be refused;
  let invalid = 0;
  for (const file of files) {
    const name = schemaFor(file);
    const doc = parse(readFileSync(file, "utf8")) as Record<string, unknown>;
    if (!doc || typeof doc !== "object") continue;
    for (const data of [doc, ...mutations(doc)]) {
      const fast = schemaValidator(name);
      const slow = runtimeValidator(name);
      const a = fast(data);
      const b = slow(data);
      assert.equal(a, b, `${file} (${name}) valid?`);
      assert.deepEqual(fast.errors ?? null, slow.errors ?? null, `${file} (${name})`);
      if (!a) invalid++;
    }
  }
  assert.ok(invalid > 100, `the mutations produce invalid documents (${invalid})`);
});
