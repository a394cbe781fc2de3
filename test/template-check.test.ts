// checkTemplate skips Handlebars' parser for plain text and for templates made
// only of {{name}} and {{helper name}}: it must report exactly what the parsed
// check reports, at the same positions.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import { checkTemplate, parsedCheck, quickCheck, quickRender, render, renderCompiled, type Scope } from "../src/core/shared/handlebars.js";
import { CLAUSE_GLOBALS, templateScope } from "../src/core/library/globals.js";
import { fromRoot } from "./helpers.js";

const SCOPE: Scope = new Map([...CLAUSE_GLOBALS, ["property_types", null], ["days", null]]);

function templatesOf(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) out.push(...templatesOf(full));
    else if (name.endsWith(".yaml") && name !== "interview.yaml") {
      const d = parse(readFileSync(full, "utf8")) as Record<string, unknown>;
      const walk = (ps: Array<{ text: string; children?: unknown[] }> = []): void =>
        ps.forEach((p) => {
          out.push(p.text);
          walk(p.children as typeof ps);
        });
      if (typeof d.heading === "string") out.push(d.heading);
      walk(d.body as Array<{ text: string }>);
      if (typeof d.definitions_intro === "string") out.push(d.definitions_intro);
      for (const c of (d.categories as Array<{ subject?: string }>) ?? []) if (c.subject) out.push(c.subject);
    }
  }
  return out;
}

test("the library's templates: same issues as the parsed check", () => {
  const all = [...templatesOf(fromRoot("clauses")), ...templatesOf(fromRoot("test/fixtures/mini-library"))];
  assert.ok(all.length > 100);
  for (const t of all) {
    assert.deepEqual(checkTemplate(t, SCOPE), parsedCheck(t, SCOPE), t);
    assert.deepEqual(checkTemplate(t, new Map()), parsedCheck(t, new Map()), t);
  }
  for (const f of readdirSync(fromRoot("templates")).filter((n) => n.endsWith(".hbs"))) {
    const t = readFileSync(fromRoot("templates", f), "utf8");
    assert.deepEqual(checkTemplate(t, templateScope(), new Set(["signatures"])), parsedCheck(t, templateScope(), new Set(["signatures"])), f);
  }
});

test("generated templates: same issues at the same lines and columns as the parsed check", () => {
  let seed = 42;
  const rnd = (): number => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed / 0x7fffffff;
  };
  const pick = <T>(xs: T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const names = ["jurisdiction.term", "jurisdiction.nmae", "jurisdiction", "existing.records_office", "days", "dayz", "property_types", "constructor", "a.__proto__", "toString", "list", "words", "x.y.z", "true", "this", "this.x", "else", "3", "a-b", "@index", "../x", "a/b", "lookup"];
  const content = ["No ", "the ", "\n", "\n\n  ", "shall ", "“quoted” ", "{", "}", "}}", "\\", "a:b ", "\t", "\u00a0", "\u2028"];
  const mustache = (): string => {
    const sp = (): string => pick(["", "", " ", "  ", "\n", "\n  "]);
    const r = rnd();
    if (r < 0.5) return `{{${sp()}${pick(names)}${sp()}}}`;
    if (r < 0.8) return `{{${sp()}${pick(["list", "list_or", "words", "upper", "date_long", "nohelper", "eq"])} ${pick(names)}${rnd() < 0.3 ? ` ${pick(names)}` : ""}${sp()}}}`;
    return pick(["{{#if days}}x{{/if}}", "{{!-- c --}}", "{{{days}}}", "{{~days~}}", "{{> p}}", '{{list "x"}}', "{{list (upper days)}}", "{{", "\\{{days}}", "{{days}"]);
  };
  let quick = 0;
  for (let k = 0; k < 3000; k++) {
    let t = "";
    for (let i = 0; i < 1 + Math.floor(rnd() * 6); i++) t += rnd() < 0.5 ? pick(content) : mustache();
    const expected = parsedCheck(t, SCOPE);
    assert.deepEqual(checkTemplate(t, SCOPE), expected, JSON.stringify(t));
    const q = quickCheck(t, SCOPE);
    if (q) {
      quick++;
      assert.deepEqual(q, expected, JSON.stringify(t));
    }
  }
  assert.ok(quick > 300, `enough templates take the shortcut (${quick})`);
});

test("simple templates render as the compiled template renders them, errors included", () => {
  let seed = 7;
  const rnd = (): number => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed / 0x7fffffff;
  };
  const pick = <T>(xs: T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const values: unknown[] = ["City", "", "a b", 5, 0, -1, 1.5, true, false, null, [], ["x", "y"], [1, 2], { term: "Town" }, {}, "2026-03-02", 30];
  const names = ["a", "b", "j.term", "j.kind", "j", "n", "list", "log", "lookup", "toString", "missing", "j.term.x", "xs"];
  const templates = [
    ...names.map((n) => `{{${n}}}`),
    "{{a}}{{b}}",
    "{{n}}{{n}}",
    "x{{a}}y{{b}}z",
    "{{j.term}} and {{j.kind}}",
    "{{list xs}}; {{list_or xs}}",
    "{{words n}} days",
    "{{upper a}}{{lower b}}",
    "{{date_long a}}",
    "{{eq a b}}",
    "{{list missing}}",
    "{{nohelper a}}",
    "line one\n  {{j.nmae}}",
    "{{ a }}\n{{\nb\n}}",
  ];
  let quick = 0;
  for (let k = 0; k < 4000; k++) {
    const t = pick(templates);
    const ctx: Record<string, unknown> = {};
    for (const n of ["a", "b", "n", "xs", "log", "toString"]) if (rnd() < 0.8) ctx[n] = pick(values);
    if (rnd() < 0.8) ctx.j = rnd() < 0.8 ? { term: pick(values), kind: pick(values) } : pick(values);
    let expected: { out?: string; error?: unknown };
    try {
      expected = { out: renderCompiled(t, ctx) };
    } catch (e) {
      const err = e as Error & { lineNumber?: number; column?: number };
      expected = { error: [err.constructor.name, err.message, err.lineNumber, err.column] };
    }
    const q = quickRender(t, ctx);
    if (typeof q === "string") {
      quick++;
      assert.deepEqual({ out: q }, expected, `${JSON.stringify(t)} with ${JSON.stringify(ctx)}`);
    }
    let actual: { out?: string; error?: unknown };
    try {
      actual = { out: render(t, ctx) };
    } catch (e) {
      const err = e as Error & { lineNumber?: number; column?: number };
      actual = { error: [err.constructor.name, err.message, err.lineNumber, err.column] };
    }
    assert.deepEqual(actual, expected, `${JSON.stringify(t)} with ${JSON.stringify(ctx)}`);
  }
  assert.ok(quick > 1000, `enough renders take the shortcut (${quick})`);
});
