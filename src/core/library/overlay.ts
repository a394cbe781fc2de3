// Applying one layer (ordkit.yaml) over the library below it: new categories
// and options, new and overriding clauses, disabled clauses, templates, and
// (once every layer is in) default answers.
import { existsSync, lstatSync } from "node:fs";
import path from "node:path";
import type { ProblemList } from "../errors.js";
import { CLAUSE_GLOBALS } from "../assemble/globals.js";
import { parseSemver } from "../diff/versioning.js";
import { insideLayer, LAYER_FILE, type LayerRef } from "./layers.js";
import { checkVariable, collect, readClauseDir, reportTemplate } from "./load.js";
import { schemaProblems } from "./schema.js";
import { valueProblem } from "./values.js";
import type { Category, Library, VariableDecl } from "./types.js";
import type { YamlSource } from "./yaml-source.js";

interface LayerData {
  name: string;
  version: string;
  extends?: string;
  clauses?: string;
  templates?: string;
  categories?: Array<Category & { after?: string }>;
  options?: Record<string, VariableDecl>;
  disable?: string[];
  paper?: Library["paper"];
  defaults?: { options?: Record<string, unknown>; variables?: Record<string, Record<string, unknown>> };
}

/** Applies a layer; returns false when its ordkit.yaml is too broken to use (the problems say why). */
export function applyLayer(lib: Library, ref: LayerRef, problems: ProblemList): boolean {
  const src = ref.source!;
  if (typeof src.data !== "object" || src.data === null || Array.isArray(src.data)) {
    problems.add(src.problem([], `${LAYER_FILE} must hold a mapping (key: value lines) at the top level`, "see docs/customizing.md"));
    return false;
  }
  if (!collect(problems, schemaProblems(src, "ordkit"))) return false;
  const d = src.data as LayerData;
  lib.layers.push({ name: d.name, version: d.version, dir: ref.dir, kind: "layer", file: path.join(ref.dir, LAYER_FILE) });
  if (lib.layers.filter((l) => l.name === d.name).length > 1) {
    problems.add(src.problem(["name"], `another layer in this stack is also named "${d.name}"`, "give each layer its own name, so every clause's origin is clear"));
  }
  if (d.paper) lib.paper = d.paper; // a higher layer's page size wins
  addCategories(lib, src, d, problems);
  addOptions(lib, src, d, problems);
  addClauses(lib, ref.dir, src, d, problems);
  const templates = layerSubdir(ref.dir, src, "templates", d.templates, problems);
  if (templates) lib.templateDirs.push(templates);
  disableClauses(lib, src, d, problems);
  return true;
}

function addCategories(lib: Library, src: YamlSource, d: LayerData, problems: ProblemList): void {
  (d.categories ?? []).forEach((c, i) => {
    if (lib.categories.some((k) => k.id === c.id)) {
      problems.add(src.problem(["categories", i, "id"], `category "${c.id}" already exists in a lower layer`, "a clause joins an existing category without declaring it; choose a new id for a new category"));
      return;
    }
    const { after, ...category } = c;
    let at = lib.categories.findIndex((k) => k.id === "general");
    if (after !== undefined) {
      const i2 = lib.categories.findIndex((k) => k.id === after);
      if (i2 === -1) problems.add(src.problem(["categories", i, "after"], `after names an unknown category "${after}"`, `categories: ${lib.categories.map((k) => k.id).join(", ")}`));
      else at = i2 + 1;
    }
    if (at === -1) at = lib.categories.length;
    lib.categories.splice(at, 0, category);
    if (c.subject) reportTemplate(src, ["categories", i, "subject"], c.subject, CLAUSE_GLOBALS, `category ${c.id}`, problems);
  });
}

function addOptions(lib: Library, src: YamlSource, d: LayerData, problems: ProblemList): void {
  for (const [name, decl] of Object.entries(d.options ?? {})) {
    if (name in lib.options) {
      problems.add(src.problem(["options", name], `option "${name}" already exists in a lower layer`, "change its default under defaults: options:, or choose a new name"));
      continue;
    }
    checkVariable(src, ["options", name], name, decl, problems);
    lib.options[name] = decl;
  }
}

function addClauses(lib: Library, layerDir: string, src: YamlSource, d: LayerData, problems: ProblemList): void {
  const dir = layerSubdir(layerDir, src, "clauses", d.clauses, problems);
  if (!dir) return;
  for (const clause of readClauseDir(dir, d.name, lib, problems)) {
    const below = lib.clauses.get(clause.id);
    if (below) {
      if (lowerVersion(clause.version, below.version)) {
        problems.add(clause.source.problem(["version"], `overrides ${clause.id} ${below.version} (layer ${below.layer}) with the lower version ${clause.version}`, `an override's version must be at least ${below.version}; raise it and note the change under changelog:`));
      }
      clause.overrides = { layer: below.layer, version: below.version, file: below.source.file };
    } else if (lib.disabled.has(clause.id)) {
      problems.add(clause.source.problem(["id"], `clause ${clause.id} was disabled by layer ${lib.disabled.get(clause.id)!}`, "a layer cannot bring back a clause a lower layer disabled; use a new id"));
      continue;
    }
    lib.clauses.set(clause.id, clause);
  }
}

function disableClauses(lib: Library, src: YamlSource, d: LayerData, problems: ProblemList): void {
  (d.disable ?? []).forEach((id, i) => {
    const clause = lib.clauses.get(id);
    if (!clause) {
      const near = [...lib.clauses.keys()].filter((k) => k.split("/")[1] === id.split("/")[1] || k.startsWith(`${id.split("/")[0]}/`));
      problems.add(src.problem(["disable", i], `no clause "${id}" to disable`, near.length ? `clauses like it: ${near.slice(0, 5).join(", ")}` : "run ordkit clauses list to see the ids"));
      return;
    }
    if (clause.layer === d.name) {
      problems.add(src.problem(["disable", i], `${id} is this layer's own clause`, "delete its file instead of disabling it"));
      return;
    }
    lib.clauses.delete(id);
    lib.disabled.set(id, d.name);
  });
}

/** Sets the defaults a layer gives for options and clause variables. */
export function applyDefaults(lib: Library, src: YamlSource, problems: ProblemList): void {
  const d = (src.data as LayerData).defaults;
  if (!d) return;
  for (const [name, value] of Object.entries(d.options ?? {})) {
    const decl = lib.options[name];
    const at = ["defaults", "options", name];
    if (!decl) {
      problems.add(src.problem(at, `unknown option "${name}"`, `options: ${Object.keys(lib.options).join(", ") || "none"}`));
      continue;
    }
    const why = valueProblem(decl, value);
    if (why) problems.add(src.problem(at, `default of option "${name}" ${why}`));
    else lib.options[name] = { ...decl, default: value };
  }
  for (const [id, values] of Object.entries(d.variables ?? {})) {
    const clause = lib.clauses.get(id);
    if (!clause) {
      if (lib.unreadable.has(id)) continue; // its own file's problems are reported
      const why = lib.disabled.has(id) ? `it is disabled by layer ${lib.disabled.get(id)!}` : "run ordkit clauses list to see the ids";
      problems.add(src.problem(["defaults", "variables", id], `no clause "${id}" to give defaults for`, why));
      continue;
    }
    for (const [name, value] of Object.entries(values)) {
      const decl = clause.variables[name];
      const at = ["defaults", "variables", id, name];
      if (!decl) {
        problems.add(src.problem(at, `clause ${id} has no variable "${name}"`, `it declares: ${Object.keys(clause.variables).join(", ") || "no variables"}`));
        continue;
      }
      const why = valueProblem(decl, value);
      if (why) problems.add(src.problem(at, `default of ${id} ${name} ${why}`));
      else clause.variables = { ...clause.variables, [name]: { ...decl, default: value } };
    }
  }
}

/** The layer's clauses/ or templates/ directory; null when absent (and not named) or when it reaches outside. */
function layerSubdir(layerDir: string, src: YamlSource, key: "clauses" | "templates", given: string | undefined, problems: ProblemList): string | null {
  const rel = given ?? key;
  const dir = insideLayer(layerDir, rel);
  if (!dir) {
    problems.add(src.problem([key], `${key}: "${rel}" reaches outside the layer's directory`, "a layer may only use files inside its own directory; use a relative path such as " + key));
    return null;
  }
  if (!existsSync(dir)) {
    if (given !== undefined) problems.add(src.problem([key], `${key}: "${rel}" does not exist`, `create the directory or remove the ${key}: key`));
    return null;
  }
  if (lstatSync(dir).isSymbolicLink() || !lstatSync(dir).isDirectory()) {
    problems.add(src.problem([key], `${key}: "${rel}" is not a directory inside the layer`, "symbolic links are not followed"));
    return null;
  }
  return dir;
}

/** True when a is a lower semver than b. */
function lowerVersion(a: string, b: string): boolean {
  const x = parseSemver(a);
  const y = parseSemver(b);
  if (!x || !y) return false;
  for (let i = 0; i < 3; i++) if (x[i] !== y[i]) return x[i]! < y[i]!;
  return false;
}
