// JSON Schema validation of YAML files, with every error mapped back to the
// line and column of the offending key or value.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import type { Ajv, ErrorObject, ValidateFunction } from "ajv";
import { SCHEMA_DIR } from "../paths.js";
import type { Problem } from "../errors.js";
import type { YamlSource } from "./yaml-source.js";
import * as generated from "./validators.generated.js";

export type SchemaName = "clause" | "library" | "answers" | "interview" | "ordkit" | "jurisdictions" | "authorities";
const SCHEMA_NAMES: readonly SchemaName[] = ["clause", "library", "answers", "interview", "ordkit", "jurisdictions", "authorities"];

/** The options the validators are built with, ahead of time or at run time (keep in step with scripts/gen-validators.mjs). */
export const AJV_OPTIONS = { allErrors: true, verbose: true, strict: false } as const;

export type SchemaValidator = ((data: unknown) => boolean) & { errors?: ErrorObject[] | null };

const validators = new Map<SchemaName, SchemaValidator>();

/**
 * The validator for a schema. Compiling schemas with ajv costs more than the
 * rest of a draft, so the build generates them ahead of time
 * (validators.generated.ts); they are used only while the schema file still
 * has the content they were generated from, else the schema is compiled here.
 */
export function schemaValidator(name: SchemaName): SchemaValidator {
  let fn = validators.get(name);
  if (fn) return fn;
  const text = readFileSync(path.join(SCHEMA_DIR, `${name}.schema.json`), "utf8");
  const fresh = (generated.SCHEMA_HASHES as Record<string, string>)[name] === createHash("sha256").update(text).digest("hex");
  fn = fresh ? ((generated as unknown as Record<SchemaName, SchemaValidator>)[name]) : runtimeValidator(name);
  validators.set(name, fn);
  return fn;
}

let ajv: Ajv | null = null;

/** Compiles a schema with ajv now (ajv is loaded only on this path). */
export function runtimeValidator(name: SchemaName): ValidateFunction {
  if (!ajv) {
    // ajv is CommonJS: require keeps this path synchronous, like the callers.
    const { Ajv: AjvClass } = createRequire(import.meta.url)("ajv") as typeof import("ajv");
    const instance = new AjvClass({ ...AJV_OPTIONS });
    for (const n of SCHEMA_NAMES) {
      instance.addSchema(JSON.parse(readFileSync(path.join(SCHEMA_DIR, `${n}.schema.json`), "utf8")), `${n}.schema.json`);
    }
    ajv = instance;
  }
  const fn = ajv.getSchema(`${name}.schema.json`);
  if (!fn) throw new Error(`schema ${name} missing`);
  return fn;
}

/** Validates the source's data against a schema; returns every problem found. */
export function schemaProblems(src: YamlSource, name: SchemaName, data: unknown = src.data): Problem[] {
  const validate = schemaValidator(name);
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
    (e) => e.keyword !== "if") .filter(
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
      if (at[at.length - 1] === "state") return src.problem(at, `unknown state or territory code ${JSON.stringify(e.data)}`, "use a postal code such as CA, PA or WA (`ordkit law` lists them)");
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

/** What the value should look like, in words (the pattern only chooses the words; it is never shown). */
function patternHint(field: string, pattern: string): string {
  if (field === "version") return 'use a quoted semantic version, e.g. "1.2.0"';
  if (field === "id") return pattern.includes("/") ? "ids are lower-case slugs: <category>/<name>, e.g. property-use/staging-ban" : "ids are lower-case kebab-case slugs, e.g. el-cenizo-2018 (a state's law: its postal code first, e.g. tx-sb4-2017)";
  if (field === "state") return "use the postal code in capitals, e.g. CA";
  if (/date|as_of/.test(field)) return 'write the date as "YYYY-MM-DD", quoted';
  return "see the form this key takes in docs/answers-format.md, docs/clause-format.md or docs/legal-data.md";
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
