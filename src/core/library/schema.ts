// JSON Schema validation of YAML files, with every error mapped back to the
// line and column of the offending key or value.
import { readFileSync } from "node:fs";
import path from "node:path";
import { Ajv, type ErrorObject, type ValidateFunction } from "ajv";
import { SCHEMA_DIR } from "../paths.js";
import type { Problem } from "../errors.js";
import type { YamlSource } from "./yaml-source.js";

export type SchemaName = "clause" | "library" | "answers" | "ordkit";

let ajv: Ajv | null = null;
const compiled = new Map<SchemaName, ValidateFunction>();

function validator(name: SchemaName): ValidateFunction {
  let fn = compiled.get(name);
  if (fn) return fn;
  if (!ajv) {
    ajv = new Ajv({ allErrors: true, verbose: true, strict: false });
    for (const n of ["clause", "library", "answers", "ordkit"] as const) {
      ajv.addSchema(JSON.parse(readFileSync(path.join(SCHEMA_DIR, `${n}.schema.json`), "utf8")), `${n}.schema.json`);
    }
  }
  fn = ajv.getSchema(`${name}.schema.json`);
  if (!fn) throw new Error(`schema ${name} missing`);
  compiled.set(name, fn);
  return fn;
}

/** Validates the source's data against a schema; returns every problem found. */
export function schemaProblems(src: YamlSource, name: SchemaName, data: unknown = src.data): Problem[] {
  const validate = validator(name);
  if (validate(data)) return [];
  return explain(src, validate.errors ?? []);
}

function toPath(instancePath: string): (string | number)[] {
  if (!instancePath) return [];
  return instancePath
    .slice(1)
    .split("/")
    .map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

function explain(src: YamlSource, errors: ErrorObject[]): Problem[] {
  // A failed oneOf (conditions) drags in one error per branch: report it once.
  const oneOfPaths = errors.filter((e) => e.keyword === "oneOf").map((e) => e.instancePath);
  const kept = errors.filter(
    (e) => e.keyword === "oneOf" || !oneOfPaths.some((p) => e.instancePath.startsWith(p) && e.schemaPath.includes("/oneOf/")),
  );
  const seen = new Set<string>();
  const problems: Problem[] = [];
  for (const e of kept) {
    const p = describe(src, e);
    const key = `${p.line}:${p.col}:${p.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    problems.push(p);
  }
  return problems;
}

function describe(src: YamlSource, e: ErrorObject): Problem {
  const at = toPath(e.instancePath);
  const where = at.length ? at.join(".") : "the file";
  const params = e.params as Record<string, unknown>;
  // A bad key under propertyNames (e.g. "__proto__" among options): name the key, at the key.
  const badName = (e as { propertyName?: string }).propertyName ?? (e.keyword === "propertyNames" ? (params.propertyName as string | undefined) : undefined);
  if (badName !== undefined) return src.problem([...at, badName], `"${badName}" is not a valid name in ${where}`, "names are lower-case letters, digits and _, starting with a letter", true);
  switch (e.keyword) {
    case "additionalProperties": {
      const key = String(params.additionalProperty);
      const allowed = Object.keys(((e.parentSchema as { properties?: object }) ?? {}).properties ?? {});
      return src.problem([...at, key], `unknown key "${key}"${at.length ? ` in ${where}` : ""}`, allowed.length ? `allowed keys: ${allowed.join(", ")}` : undefined, true);
    }
    case "required":
      return src.problem(at, `${where} is missing the required key "${String(params.missingProperty)}"`, `add ${String(params.missingProperty)}: ...`);
    case "enum":
      return src.problem(at, `${where} must be one of: ${(params.allowedValues as unknown[]).map(String).join(", ")}`, `got ${JSON.stringify(e.data)}`);
    case "const":
      return src.problem(at, `${where} must be ${JSON.stringify(params.allowedValue)}`);
    case "type": {
      const hint = /version|date|number/.test(String(at[at.length - 1])) ? "quote it, e.g. \"1.0.0\" or \"2026-03-02\": unquoted YAML reads 1.10 as the number 1.1" : `got ${typeName(e.data)}`;
      return src.problem(at, `${where} must be ${article(String(params.type))}`, hint);
    }
    case "pattern":
      return src.problem(at, `${where} is not in the expected form`, patternHint(String(at[at.length - 1]), String(params.pattern)));
    case "oneOf":
      return src.problem(at, `${where} is not a valid condition`, "write { answer: PATH, equals|in|includes|present: VALUE } or { all: [...] } / { any: [...] } / { not: {...} }");
    case "minItems":
      return src.problem(at, `${where} needs at least ${String(params.limit)} item(s)`);
    case "minLength":
      return src.problem(at, `${where} must not be empty`);
    case "maxLength":
      return src.problem(at, `${where} is longer than ${String(params.limit)} characters`);
    case "uniqueItems":
      return src.problem(at, `${where} lists the same item twice`);
    default:
      return src.problem(at, `${where} ${e.message ?? "is invalid"}`);
  }
}

function patternHint(field: string, pattern: string): string {
  if (field === "version") return 'use a quoted semantic version, e.g. "1.2.0"';
  if (field === "id") return "ids are lower-case slugs: <category>/<name>, e.g. property-use/staging-ban";
  if (field === "state") return "use the two-letter postal code in capitals, e.g. CA";
  if (/date|as_of/.test(field)) return 'write the date as "YYYY-MM-DD", quoted';
  return `it must match ${pattern}`;
}

function typeName(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "a list";
  return typeof v === "object" ? "a mapping" : `${typeof v} ${JSON.stringify(v)}`;
}

function article(t: string): string {
  const words = t.split(",").map((x) => (x === "object" ? "a mapping" : x === "array" ? "a list" : x === "null" ? "null" : `a ${x}`));
  return words.join(" or ");
}
