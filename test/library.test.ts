import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, writeFileSync, rmSync, symlinkSync } from "node:fs";
import path from "node:path";
import { loadLibrary } from "../src/core/library/load.js";
import { UserError, type Problem } from "../src/core/errors.js";
import { DEFAULT_LIBRARY_DIR } from "../src/core/paths.js";
import { fromRoot } from "./helpers.js";
import { copyDir } from "./tmp.js";

const MINI = fromRoot("test/fixtures/mini-library");

function problemsOf(dir: string): Problem[] {
  try {
    loadLibrary(dir);
  } catch (err) {
    assert.ok(err instanceof UserError, `expected a UserError, got ${String(err)}`);
    return err.problems;
  }
  assert.fail("expected the library to be refused");
}

function edit(dir: string, rel: string, fn: (s: string) => string): void {
  const f = path.join(dir, rel);
  writeFileSync(f, fn(readFileSync(f, "utf8")));
}

test("the default library loads without problems", () => {
  const lib = loadLibrary(DEFAULT_LIBRARY_DIR);
  assert.ok(lib.clauses.size >= 10);
  for (const c of lib.clauses.values()) assert.match(c.version, /^\d+\.\d+\.\d+/);
});

test("the mini library loads, with defaults and hashes", () => {
  const lib = loadLibrary(MINI);
  assert.equal(lib.name, "mini");
  const rule = lib.clauses.get("ops/rule")!;
  assert.equal(rule.order, 500);
  assert.match(rule.hash, /^[0-9a-f]{16}$/);
});

test("duplicate keys are reported with their line and column", () => {
  const dir = copyDir(MINI);
  edit(dir, "ops/rule.yaml", (s) => s.replace("title: The rule\n", "title: The rule\ntitle: Again\n"));
  const [p] = problemsOf(dir);
  assert.match(p!.message, /duplicate key/);
  assert.equal(p!.file?.endsWith(path.join("ops", "rule.yaml")), true);
  assert.equal(p!.line, 4);
});

test("every problem in every file is reported at once, each with its position", () => {
  const dir = copyDir(MINI);
  edit(dir, "ops/rule.yaml", (s) =>
    s
      .replace('version: "1.2.0"', "version: 1.10") // number, not a string
      .replace("kind: operative", "kind: operative\nflavour: strong") // unknown key
      .replace("{{office}}", "{{ofice}}"), // undeclared variable
  );
  edit(dir, "findings/one.yaml", (s) => s.replace("id: findings/one", "id: findings/two")); // id vs path
  edit(dir, "general/effective.yaml", (s) => s.replace("order: 900", "order: 900\nterms: [nothing]")); // dangling term
  const problems = problemsOf(dir);
  const find = (re: RegExp): Problem => {
    const p = problems.find((x) => re.test(x.message));
    assert.ok(p, `no problem matching ${re}; got:\n${problems.map((x) => x.message).join("\n")}`);
    return p;
  };
  const version = find(/version must be a string/);
  assert.equal(version.line, 2);
  assert.match(version.hint ?? "", /quote/);
  const unknown = find(/unknown key "flavour"/);
  assert.equal(unknown.line, 6);
  assert.equal(unknown.col, 1);
  assert.match(unknown.hint ?? "", /allowed keys/);
  const id = find(/does not match the file's path/);
  assert.match(id.file ?? "", /one\.yaml$/);
  assert.equal(id.line, 1);
  const term = find(/unknown term "nothing"/);
  assert.match(term.file ?? "", /effective\.yaml$/);
  assert.equal(problems.length >= 4, true);
});

test("an undeclared template variable names the clause, the file, line and column", () => {
  const dir = copyDir(MINI);
  edit(dir, "ops/rule.yaml", (s) => s.replace("by the {{office}}", "by the {{ofice}}"));
  const [p] = problemsOf(dir);
  assert.match(p!.message, /ops\/rule: unknown variable "ofice"/);
  assert.match(p!.file ?? "", /rule\.yaml$/);
  assert.equal(p!.line, 21);
  const lineText = readFileSync(path.join(dir, "ops/rule.yaml"), "utf8").split("\n")[20]!;
  assert.equal(lineText.slice(p!.col! - 1).startsWith("ofice"), true);
  assert.match(p!.hint ?? "", /office/);
});

test("unknown global fields and helpers, and prototype access, are refused", () => {
  const dir = copyDir(MINI);
  edit(dir, "general/effective.yaml", (s) => s.replace("takes effect on adoption.", "takes effect {{jurisdiction.nmae}} {{shout days}} {{constructor.name}}."));
  const msgs = problemsOf(dir).map((p) => p.message);
  assert.ok(msgs.some((m) => /unknown variable "jurisdiction.nmae"/.test(m)), msgs.join("\n"));
  assert.ok(msgs.some((m) => /unknown helper "shout"/.test(m)), msgs.join("\n"));
  assert.ok(msgs.some((m) => /"constructor.name" is not allowed/.test(m)), msgs.join("\n"));
});

test("template syntax errors are reported, not thrown", () => {
  const dir = copyDir(MINI);
  edit(dir, "general/effective.yaml", (s) => s.replace("takes effect on adoption.", "takes {{#if x}} effect."));
  const [p] = problemsOf(dir);
  assert.match(p!.message, /template syntax error/);
});

test("conditions must name real answers and categories", () => {
  const dir = copyDir(MINI);
  edit(dir, "ops/rule.yaml", (s) => s.replace("when: { answer: modules, includes: ops }", "when: { all: [ { answer: modules, includes: opz }, { answer: options.nope, equals: x }, { answer: shoe, present: true } ] }"));
  const msgs = problemsOf(dir).map((p) => `${p.line}: ${p.message}`);
  assert.ok(msgs.some((m) => /"opz" is not a category/.test(m)), msgs.join("\n"));
  assert.ok(msgs.some((m) => /unknown answer "options.nope"/.test(m)), msgs.join("\n"));
  assert.ok(msgs.some((m) => /unknown answer "shoe"/.test(m)), msgs.join("\n"));
});

test("a malformed condition is one clear problem", () => {
  const dir = copyDir(MINI);
  edit(dir, "ops/rule.yaml", (s) => s.replace("when: { answer: modules, includes: ops }", "when: { answer: modules, contains: ops }"));
  const problems = problemsOf(dir);
  assert.equal(problems.length, 1, problems.map((p) => p.message).join("\n"));
  assert.match(problems[0]!.message, /not a valid condition/);
});

test("a bad default is reported at the default", () => {
  const dir = copyDir(MINI);
  edit(dir, "ops/rule.yaml", (s) => s.replace("default: 30", "default: 0"));
  const [p] = problemsOf(dir);
  assert.match(p!.message, /default of "days" must be at least 1/);
  assert.equal(p!.line, 14);
});

test("a definition must quote its term; a missing manifest is explained", () => {
  const dir = copyDir(MINI);
  edit(dir, "definitions/zone.yaml", (s) => s.replace("“Zone” means", "A zone is"));
  assert.match(problemsOf(dir)[0]!.message, /does not quote its term "Zone"/);
  rmSync(path.join(dir, "library.yaml"));
  assert.match(problemsOf(dir)[0]!.message, /neither library.yaml nor ordkit.yaml/);
});

test("symbolic links are not followed", () => {
  const dir = copyDir(MINI);
  symlinkSync("/etc/hostname", path.join(dir, "ops", "evil.yaml"));
  assert.match(problemsOf(dir)[0]!.message, /symbolic links are not followed/);
});

test("empty and binary files are refused with a clear message", () => {
  const dir = copyDir(MINI);
  writeFileSync(path.join(dir, "ops", "empty.yaml"), "");
  writeFileSync(path.join(dir, "ops", "bin.yaml"), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x01]));
  const msgs = problemsOf(dir).map((p) => p.message);
  assert.ok(msgs.includes("file is empty"), msgs.join("\n"));
  assert.ok(msgs.includes("file is binary, not YAML text"), msgs.join("\n"));
});
