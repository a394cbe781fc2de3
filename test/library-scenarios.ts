// Answers that select each clause and each paragraph of a clause library,
// derived from the library itself so that clauses added later are covered
// without touching the tests.
import { readFileSync } from "node:fs";
import { holds } from "../src/core/shared/conditions.js";
import { ANSWER_FIELDS } from "../src/core/library/globals.js";
import { resolvedOptions, type Answers } from "../src/core/interview/answers.js";
import { valueProblem } from "../src/core/library/values.js";
import type { Clause, Condition, Library, ParagraphSpec, VariableDecl } from "../src/core/shared/library-types.js";
import type { Instrument } from "../src/core/draft.js";
import { fromRoot } from "./helpers.js";

/** A fictional jurisdiction whose words cannot be mistaken for defined terms. */
export function baseAnswers(lib: Library, instrument: Instrument, options: Record<string, unknown> = {}): Answers {
  return {
    answers_version: 1,
    date: "2026-12-01",
    instrument,
    number: "2026-17",
    sponsor: "Member Avery Lee",
    authority: "the Charter",
    jurisdiction: {
      name: "City of Testbury",
      kind: "city",
      state: "NJ",
      legislative_body: "City Council",
      executive_title: "Mayor",
      executive_name: "Jordan Vale",
      clerk_title: "City Clerk",
    },
    modules: lib.categories.map((c) => c.id),
    options: { ...options },
    existing: {},
    variables: requiredValues(lib),
  };
}

/** Values for the variables that have no default (a draft cannot be made without them). */
function requiredValues(lib: Library): Record<string, Record<string, unknown>> {
  const out: Record<string, Record<string, unknown>> = {};
  for (const c of lib.clauses.values()) {
    for (const [name, decl] of Object.entries(c.variables)) {
      if (decl.default === undefined) (out[c.id] ??= {})[name] = sampleValue(name, decl);
    }
  }
  return out;
}

function sampleValue(name: string, decl: VariableDecl): unknown {
  switch (decl.type) {
    case "boolean":
      return false;
    case "integer":
    case "number":
      return decl.min ?? 1;
    case "date":
      return "2026-12-01";
    case "choice":
      return decl.choices?.[0];
    case "multi-choice":
      return (decl.choices ?? []).slice(0, Math.max(1, decl.min_items ?? 1));
    default:
      return `sample ${name.replace(/_/g, " ")}`;
  }
}

/** Every combination of the library's choice and boolean options (the others keep their defaults). */
export function optionCombinations(lib: Library): Array<Record<string, unknown>> {
  let combos: Array<Record<string, unknown>> = [{}];
  for (const [name, decl] of Object.entries(lib.options)) {
    const values = decl.type === "choice" ? decl.choices ?? [] : decl.type === "boolean" ? [true, false] : [];
    if (!values.length) continue;
    combos = combos.flatMap((c) => values.map((v) => ({ ...c, [name]: v })));
  }
  return combos;
}

/**
 * What conditions are evaluated against: the answers, with option and variable
 * defaults filled in (docs/clause-format.md: a default "is used when the
 * answers give no value"). With variableDefaults false, only the variables
 * the answers give, to tell when a draft ignores a default.
 */
export function conditionData(lib: Library, a: Answers, variableDefaults = true): Record<string, unknown> {
  // Answers objects are never changed once made, so the data can be kept with them.
  const cache = dataCache.get(a) ?? new Map<string, Record<string, unknown>>();
  dataCache.set(a, cache);
  const key = `${lib.name}@${lib.dir}:${variableDefaults}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const data = computeConditionData(lib, a, variableDefaults);
  cache.set(key, data);
  return data;
}

const dataCache = new WeakMap<Answers, Map<string, Record<string, unknown>>>();

function computeConditionData(lib: Library, a: Answers, variableDefaults: boolean): Record<string, unknown> {
  const variables: Record<string, Record<string, unknown>> = {};
  for (const c of lib.clauses.values()) {
    const defaults = variableDefaults ? defaultsOf(c) : {};
    const given = a.variables[c.id] ?? {};
    if (Object.keys(defaults).length || Object.keys(given).length) variables[c.id] = { ...defaults, ...given };
  }
  return { ...a, options: resolvedOptions(a, lib), variables };
}

function defaultsOf(c: Clause): Record<string, unknown> {
  return Object.fromEntries(Object.entries(c.variables).filter(([, d]) => d.default !== undefined).map(([n, d]) => [n, d.default]));
}

/** The answers with every variable default written out, as an answers file that states every value. */
export function withExplicitDefaults(lib: Library, a: Answers): Answers {
  const out = structuredClone(a);
  for (const c of lib.clauses.values()) {
    const defaults = defaultsOf(c);
    if (Object.keys(defaults).length) out.variables[c.id] = { ...defaults, ...out.variables[c.id] };
  }
  return out;
}

/** The definitions a clause's terms bring in, directly or through other definitions. */
export function termClosure(lib: Library, terms: string[]): Set<string> {
  const found = new Set<string>();
  const queue = [...terms];
  while (queue.length) {
    const t = queue.shift()!;
    const id = `definitions/${t}`;
    if (found.has(id)) continue;
    const def = lib.clauses.get(id);
    if (!def) continue;
    found.add(id);
    queue.push(...def.terms);
  }
  return found;
}

/** The clauses (definitions included) a draft from these answers should contain. */
export function expectedClauses(lib: Library, a: Answers): Set<string> {
  const key = `${lib.name}@${lib.dir}`;
  const cache = selectionCache.get(a) ?? new Map<string, Set<string>>();
  selectionCache.set(a, cache);
  if (!cache.has(key)) cache.set(key, computeExpectedClauses(lib, a));
  return cache.get(key)!;
}

const selectionCache = new WeakMap<Answers, Map<string, Set<string>>>();

function computeExpectedClauses(lib: Library, a: Answers): Set<string> {
  const data = conditionData(lib, a);
  const out = new Set<string>();
  for (const c of lib.clauses.values()) {
    if (c.kind === "definition" || !c.instruments.includes(a.instrument) || !holds(c.when, data)) continue;
    out.add(c.id);
    for (const d of termClosure(lib, c.terms)) out.add(d);
  }
  return out;
}

/** A paragraph the answers keep, with its place in the clause file. */
export interface KeptParagraph {
  path: string;
  children: KeptParagraph[];
}

export function keptParagraphs(specs: ParagraphSpec[], data: unknown, at = "body"): KeptParagraph[] {
  return specs
    .map((p, i) => [p, `${at}[${i}]`] as const)
    .filter(([p]) => holds(p.when, data))
    .map(([p, path]) => ({ path, children: p.children ? keptParagraphs(p.children, data, `${path}.children`) : [] }));
}

/** Every paragraph of a clause with the conditions on the way to it. */
export function paragraphConditions(specs: ParagraphSpec[], at = "body", outer: Condition[] = []): Array<{ path: string; conds: Condition[] }> {
  return specs.flatMap((p, i) => {
    const path = `${at}[${i}]`;
    const conds = p.when ? [...outer, p.when] : outer;
    return [{ path, conds }, ...(p.children ? paragraphConditions(p.children, `${path}.children`, conds) : [])];
  });
}

/** The condition under which a clause appears in a draft of the given instrument (null: never). */
export function selectionCondition(lib: Library, c: Clause, instrument: Instrument): Condition | null {
  if (c.kind !== "definition") return c.instruments.includes(instrument) ? c.when ?? { all: [] } : null;
  // A definition comes with any selected clause that uses its term.
  const users = [...lib.clauses.values()].filter((u) => u.kind !== "definition" && u.instruments.includes(instrument) && termClosure(lib, u.terms).has(c.id));
  return users.length ? { any: users.map((u) => u.when ?? { all: [] }) } : null;
}

const MAX_COMBINATIONS = 20_000;

/**
 * Answers, starting from base, under which the condition holds; null when no
 * combination of the values the library makes meaningful satisfies it.
 * The instrument is never changed.
 */
export function satisfy(lib: Library, base: Answers, cond: Condition): Answers | null {
  if (holds(cond, conditionData(lib, base))) return base;
  const atoms = conditionAtoms(cond);
  const paths = [...new Set(atoms.map((a) => a.answer))].filter((p) => p !== "instrument").sort();
  const choices = paths.map((p) => candidates(lib, base, p, atoms.filter((a) => a.answer === p)));
  let tried = 0;
  const pick: unknown[] = [];
  const search = (k: number): Answers | null => {
    if (k === paths.length) {
      if (++tried > MAX_COMBINATIONS) return null;
      const a = withValues(base, paths, pick);
      return holds(cond, conditionData(lib, a)) ? a : null;
    }
    for (const v of choices[k]!) {
      pick[k] = v;
      const found = search(k + 1);
      if (found) return found;
      if (tried > MAX_COMBINATIONS) return null;
    }
    return null;
  };
  return search(0);
}

type Atom = Extract<Condition, { answer: string }>;

function conditionAtoms(c: Condition): Atom[] {
  if ("all" in c) return c.all.flatMap(conditionAtoms);
  if ("any" in c) return c.any.flatMap(conditionAtoms);
  if ("not" in c) return conditionAtoms(c.not);
  return [c];
}

const UNSET = Symbol("unset");

/** Values worth trying for one answers path: the base value first, then the alternatives. */
function candidates(lib: Library, base: Answers, path: string, atoms: Atom[]): unknown[] {
  const current = getPath(base, path);
  const literals = atoms.flatMap((a) => [a.equals, ...(a.in ?? [])]).filter((v) => v !== undefined);
  const [head, key, name] = path.split(".");
  const out: unknown[] = [current === undefined ? UNSET : current];
  const add = (v: unknown): void => {
    if (!out.some((x) => JSON.stringify(x) === JSON.stringify(v))) out.push(v);
  };
  if (head === "modules") {
    const all = lib.categories.map((c) => c.id);
    for (const a of atoms) if (a.includes !== undefined) add(all.filter((m) => m !== a.includes));
    add([]);
  } else if (head === "options" && key && lib.options[key]) {
    for (const v of typedValues(lib.options[key]!, literals)) add(v);
    add(UNSET);
  } else if (head === "variables" && key && name) {
    const decl = lib.clauses.get(key)?.variables[name];
    if (decl) for (const v of typedValues(decl, literals)) add(v);
    for (const a of atoms) if (a.includes !== undefined && decl?.type === "multi-choice") add([a.includes]);
    add(UNSET);
  } else if (head === "existing" && key) {
    for (const v of existingValues(key, literals)) add(v);
    add(UNSET);
  } else if ((ANSWER_FIELDS as readonly string[]).includes(head!)) {
    for (const v of literals) add(v);
    add(head === "date" ? "2026-12-02" : `Given ${head}`);
    add(UNSET);
  }
  return out;
}

function typedValues(decl: VariableDecl, literals: unknown[]): unknown[] {
  const own = decl.type === "boolean" ? [true, false] : decl.type === "choice" ? decl.choices ?? [] : decl.type === "multi-choice" ? (decl.choices ?? []).map((c) => [c]) : [];
  return [...literals, ...own].filter((v) => valueProblem(decl, v) === null);
}

let existingTypes: Record<string, string[]> | null = null;

/** Values an existing-rules answer may take, by the answers schema. */
function existingValues(key: string, literals: unknown[]): unknown[] {
  existingTypes ??= Object.fromEntries(
    Object.entries((JSON.parse(readFileSync(fromRoot("schema/answers.schema.json"), "utf8")) as { properties: { existing: { properties: Record<string, { type: string | string[] }> } } }).properties.existing.properties).map(([k, v]) => [
      k,
      ([] as string[]).concat(v.type),
    ]),
  );
  const types = existingTypes[key] ?? ["string"];
  // A name like an existing policy's, with no word that could be a defined term.
  const named = `Standing Directive ${Object.keys(existingTypes).indexOf(key) + 1}`;
  return [...literals, ...(types.includes("boolean") ? [true, false] : []), ...(types.includes("string") ? [named] : [])];
}

function getPath(o: unknown, dotted: string): unknown {
  let cur = o;
  for (const part of dotted.split(".")) {
    if (cur === null || typeof cur !== "object") return undefined;
    cur = (cur as Record<string, unknown>)[part];
  }
  return cur;
}

function withValues(base: Answers, paths: string[], values: unknown[]): Answers {
  const a = structuredClone(base);
  paths.forEach((p, i) => setPath(a as unknown as Record<string, unknown>, p, values[i]));
  return a;
}

function setPath(o: Record<string, unknown>, dotted: string, value: unknown): void {
  const parts = dotted.split(".");
  let cur = o;
  for (const part of parts.slice(0, -1)) {
    if (typeof cur[part] !== "object" || cur[part] === null) cur[part] = {};
    cur = cur[part] as Record<string, unknown>;
  }
  const last = parts[parts.length - 1]!;
  if (value === UNSET) delete cur[last];
  else cur[last] = value;
}
