// Templates that recurse: blocks nested by the thousand (which overflowed
// Handlebars' recursive parser, or kept it busy for minutes), chained
// {{else if}}, nested sub-expressions, and partials that include themselves.
// `validate` and `draft` refuse each at the file and line where it is written.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseDocument } from "yaml";
import { fromRoot } from "../helpers.js";
import { runCli } from "../run-cli.js";
import { nestingIssue } from "../../src/core/shared/nesting.js";
import { EXAMPLES, assertRefused, workspace } from "./harness.js";

const ORDINANCE = readFileSync(fromRoot("templates/ordinance.hbs"), "utf8");
const LAYER = 'layer_version: 1\nname: deep\nversion: "0.1.0"\nextends: lib\ntemplates: tpl\n';

const nested = (n: number): string => `${"{{#if jurisdiction.name}}".repeat(n)}x${"{{/if}}".repeat(n)}`;
const chained = (n: number): string => `{{#if jurisdiction.name}}a${"{{else if jurisdiction.name}}b".repeat(n)}{{/if}}`;
const parens = (n: number): string => `{{upper ${"(lower ".repeat(n)}jurisdiction.name${")".repeat(n)}}}`;

interface Deep {
  name: string;
  text: string;
  words: RegExp;
}

const DEEP: Deep[] = [
  { name: "2,000 nested blocks", text: nested(2_000), words: /blocks nest deeper than 64 levels/ },
  { name: "100,000 nested blocks", text: nested(100_000), words: /blocks nest deeper than 64 levels/ },
  { name: "100,000 chained else-if", text: chained(100_000), words: /chains nest deeper than 64 levels/ },
  { name: "100,000 nested sub-expressions", text: parens(100_000), words: /nests deeper than 64 levels/ },
];

test("templates nested past the limit are refused at their line, quickly, by validate and draft (no stack overflow, no hang)", () => {
  for (const c of DEEP) {
    const ws = workspace();
    writeFileSync(path.join(ws.tpl, "ordinance.hbs"), `${ORDINANCE}@para ${c.text}\n`);
    const line = ORDINANCE.split("\n").length;
    for (const args of [["draft", "--answers", EXAMPLES.alameda, "--templates", "tpl", "--out", "out/d.md"], ["check", EXAMPLES.alameda, "--templates", "tpl"]]) {
      const r = runCli(args, { cwd: ws.dir, timeoutMs: 30_000 });
      assertRefused(r, { file: "tpl/ordinance.hbs", lineCol: true, words: [c.words] }, `${c.name}: ${args[0]}`);
      assert.match(r.stderr, new RegExp(`tpl/ordinance\\.hbs:${line}:\\d+: `), `${c.name}: at the line written`);
      assert.doesNotMatch(r.stderr, /call stack/i, c.name);
    }
  }
});

test("deep nesting in a partial and in clause text is refused at that file", () => {
  const ws = workspace();
  writeFileSync(path.join(ws.tpl, "partials", "sponsor.hbs"), `@para ${nested(5_000)}\n`);
  assertRefused(runCli(["draft", "--answers", EXAMPLES.alameda, "--templates", "tpl", "--out", "out/d.md"], { cwd: ws.dir, timeoutMs: 30_000 }), { file: "tpl/partials/sponsor.hbs", lineCol: true, words: [/deeper than 64/] }, "partial");

  const file = path.join(ws.lib, "general/effective-date.yaml");
  const doc = parseDocument(readFileSync(file, "utf8"));
  doc.setIn(["heading"], `Effective date ${nested(5_000)}`);
  writeFileSync(file, doc.toString({ lineWidth: 0 }));
  assertRefused(runCli(["draft", "--answers", EXAMPLES.alameda, "--library", "lib", "--out", "out/d.md"], { cwd: ws.dir, timeoutMs: 30_000 }), { file: "lib/general/effective-date.yaml", lineCol: true, words: [/deeper than 64/] }, "clause");
});

test("nesting within the limit still drafts, and the scan ignores comments and escaped braces", () => {
  assert.equal(nestingIssue(nested(64)), null);
  assert.notEqual(nestingIssue(nested(65)), null);
  assert.equal(nestingIssue(`{{!-- ${"{{#if a}}".repeat(100)} --}}\\{{#if a}}`.repeat(3)), null);
  assert.equal(nestingIssue(`{{#if a}}x{{else}}y{{/if}}`.repeat(1000)), null, "siblings do not add up");
  const ws = workspace();
  writeFileSync(path.join(ws.tpl, "ordinance.hbs"), `${ORDINANCE}@para ${nested(40)}\n`);
  const r = runCli(["draft", "--answers", EXAMPLES.alameda, "--templates", "tpl", "--format", "md"], { cwd: ws.dir });
  assert.equal(r.status, 0, r.stderr);
});

interface Cycle {
  name: string;
  partials: Record<string, string>;
  file: string;
  line: number;
  words: RegExp;
}

const CYCLES: Cycle[] = [
  { name: "a partial that includes itself", partials: { sponsor: "@para {{jurisdiction.name}}\n{{> sponsor}}\n" }, file: "sponsor.hbs", line: 2, words: /partial "sponsor" includes itself/ },
  { name: "two partials that include each other", partials: { sponsor: "{{> a}}\n", a: "@para x\n{{#if jurisdiction.name}}\n{{> sponsor}}\n{{/if}}\n" }, file: "sponsor.hbs", line: 1, words: /cycle: a -> sponsor -> a/ },
  { name: "a cycle of three", partials: { sponsor: "{{> a}}\n", a: "{{> b}}\n", b: "{{> a}}\n" }, file: "b.hbs", line: 1, words: /cycle: a -> b -> a/ },
];

test("partials that include themselves, directly or through others, are refused by validate and draft at the include", () => {
  for (const c of CYCLES) {
    const ws = workspace();
    for (const [name, text] of Object.entries(c.partials)) writeFileSync(path.join(ws.tpl, "partials", `${name}.hbs`), text);
    writeFileSync(path.join(ws.dir, "ordkit.yaml"), LAYER);
    const where = `tpl/partials/${c.file}`;
    for (const args of [["draft", "--answers", EXAMPLES.alameda, "--templates", "tpl", "--out", "out/d.md"], ["validate", "--library", "."]]) {
      const r = runCli(args, { cwd: ws.dir, timeoutMs: 30_000 });
      const label = `${c.name}: ${args[0]}`;
      assert.equal(r.status, args[0] === "validate" ? 1 : 2, `${label}\n${r.stderr}${r.stdout}`);
      const out = r.stderr + r.stdout;
      assert.match(out, new RegExp(`${where.replace(/[./]/g, "\\$&")}:${c.line}:\\d+`), `${label}: located at the include\n${out}`);
      assert.match(out, c.words, label);
      assert.doesNotMatch(out, /call stack|RangeError/i, label);
    }
  }
});

test("a partial included twice (not a cycle) is fine", () => {
  const ws = workspace();
  writeFileSync(path.join(ws.tpl, "partials", "a.hbs"), "{{> b}}{{> b}}");
  writeFileSync(path.join(ws.tpl, "partials", "b.hbs"), "x");
  const r = runCli(["check", EXAMPLES.alameda, "--templates", "tpl"], { cwd: ws.dir });
  assert.ok(r.status === 0 || r.status === 1, r.stderr);
});
