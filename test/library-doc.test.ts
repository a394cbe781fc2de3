// docs/library.md is generated from the clause library: it must match what the
// library says now, list every clause in order, and come out byte-identical
// on every run.
import { test } from "node:test";
import assert from "node:assert/strict";
import { runCli } from "./run-cli.js";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { loadLibrary } from "../src/core/library/load.js";
import { CATALOG_COMMAND, describeCondition, libraryCatalog } from "../src/core/library/catalog.js";
import type { Library } from "../src/core/shared/library-types.js";
import { fromRoot } from "./helpers.js";
import { copyDir, tempDir } from "./tmp.js";

const MINI = fromRoot("test/fixtures/mini-library");

function firstDifference(a: string, b: string): string {
  const x = a.split("\n");
  const y = b.split("\n");
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    if (x[i] !== y[i]) return `line ${i + 1}:\n    checked in: ${JSON.stringify(x[i] ?? "(end of file)")}\n    generated:  ${JSON.stringify(y[i] ?? "(end of file)")}`;
  }
  return "(none)";
}

test("docs/library.md is the catalog generated from clauses/", () => {
  const generated = libraryCatalog(loadLibrary(fromRoot("clauses")));
  let checkedIn = "";
  try {
    checkedIn = readFileSync(fromRoot("docs/library.md"), "utf8");
  } catch {
    assert.fail(`docs/library.md is missing; run ${CATALOG_COMMAND}`);
  }
  assert.ok(checkedIn === generated, `docs/library.md differs from the clause library at ${firstDifference(checkedIn, generated)}\n  hint: run ${CATALOG_COMMAND} and commit docs/library.md`);
});

test("the catalog lists every clause under its category, in the manifest's order, with what the YAML says", () => {
  const lib = loadLibrary(fromRoot("clauses"));
  const md = libraryCatalog(lib);
  const categoryAt = lib.categories.map((k) => md.indexOf(`\n## ${k.title}\n`));
  categoryAt.forEach((at, i) => assert.ok(at > 0, `category ${lib.categories[i]!.id} has a heading`));
  assert.deepEqual(categoryAt, [...categoryAt].sort((a, b) => a - b), "categories in the manifest's order");
  for (const c of lib.clauses.values()) {
    const start = md.indexOf(`\n### ${c.id}: `);
    assert.ok(start > 0, `${c.id} is listed`);
    const k = lib.categories.findIndex((x) => x.id === c.category);
    assert.ok(start > categoryAt[k]! && (k + 1 === categoryAt.length || start < categoryAt[k + 1]!), `${c.id} is under ${c.category}`);
    const next = md.indexOf("\n### ", start + 1);
    const entry = md.slice(start, next === -1 ? undefined : next);
    assert.ok(entry.includes(`| Version | ${c.version} |`), `${c.id} version`);
    assert.ok(entry.includes(`| Kind | ${c.kind} |`), `${c.id} kind`);
    assert.ok(entry.includes(`| Instruments | ${c.instruments.join(", ")} |`), `${c.id} instruments`);
    if (c.regulates) assert.ok(entry.includes(`who: ${c.regulates.who}; where: ${c.regulates.where}; does: ${c.regulates.does}`), `${c.id} regulates`);
    if (c.when) assert.ok(entry.includes(describeCondition(c.when).replace(/\|/g, "\\|")), `${c.id} condition`);
    if (c.replaced_by) assert.ok(entry.includes(`| Replaced by | \`${c.replaced_by}\` |`), `${c.id} replaced_by`);
    for (const [name, decl] of Object.entries(c.variables)) {
      const row = entry.split("\n").find((l) => l.startsWith(`| \`${name}\` |`));
      assert.ok(row, `${c.id} variable ${name}`);
      for (const v of [decl.default ?? []].flat()) assert.ok(row.includes(`\`${String(v)}\``), `${c.id} ${name} default ${String(v)}`);
    }
    for (const r of c.risks) assert.ok(entry.includes(`[\`${r.rule}\`](rules/${r.rule}.md)`), `${c.id} risk ${r.rule}`);
    for (const s of c.sources) assert.ok(entry.includes(s.url ?? s.title.replace(/\s+/g, " ").trim()), `${c.id} source ${s.title}`);
  }
  // Within a category, clauses come in assembly order: order, then id.
  for (const k of lib.categories) {
    const listed = [...md.matchAll(/\n### ([^:]+): /g)].map((m) => m[1]!).filter((id) => lib.clauses.get(id)?.category === k.id);
    const sorted = [...lib.clauses.values()].filter((c) => c.category === k.id).sort((x, y) => x.order - y.order || (x.id < y.id ? -1 : 1)).map((c) => c.id);
    assert.deepEqual(listed, sorted, `order within ${k.id}`);
  }
});

test("the catalog of a small library, entry by entry", () => {
  const md = libraryCatalog(loadLibrary(MINI));
  assert.match(md, /^<!-- Generated from the clause library by `ordkit clauses list --format md`\. Do not edit by hand\. -->\n\n# Clause library: mini 1\.0\.0\n/);
  assert.match(md, /5 clauses in 4 categories; legal knowledge as of 2026-11-01\./);
  assert.match(md, /- \[Operations\]\(#operations\) \(1\)\n- \[General provisions\]\(#general-provisions\) \(1\)/);
  assert.match(md, /\| `scope` \| choice \| `all` \| `all`, `own` \| Whom does the rule bind\? \|/);
  const rule = md.slice(md.indexOf("### ops/rule: The rule"), md.indexOf("## General provisions"));
  assert.match(rule, /\| Version \| 1\.2\.0 \|/);
  assert.match(rule, /\| Instruments \| ordinance, resolution \|/);
  assert.match(rule, /\| Regulates \| who: all-law-enforcement; where: non-public-property; does: restricts-access \|/);
  assert.match(rule, /\| Selected when \| modules includes `ops` \|/);
  assert.match(rule, /\| Terms used \| `zone` \|/);
  assert.match(rule, /\| `days` \| integer \| `30` \| at least 1 \| How many days\? \|/);
  assert.match(rule, /\| `office` \| string \| \(must be answered\) \| {2}\| Which office\? \|/);
  assert.match(md, /### definitions\/zone: Zone\n\n\| field \| value \|\n\|---\|---\|\n\| Version \| 1\.0\.0 \|\n\| Kind \| definition \|\n\| Instruments \| ordinance, executive-order, resolution \|\n\| Defines \| “Zone” \|/);
  assert.ok(md.endsWith("\n") && !md.endsWith("\n\n"), "one final newline");
  assert.ok(!/[ \t]$/m.test(md.replace(/\| {2}\|/g, "|x|")), "no trailing spaces");
  assert.ok(!md.includes(MINI), "no machine paths");
});

test("conditions read as words", () => {
  assert.equal(describeCondition({ answer: "modules", includes: "ops" }), "modules includes `ops`");
  assert.equal(
    describeCondition({ all: [{ answer: "options.scope", in: ["all", "own"] }, { any: [{ answer: "existing.rule", present: true }, { not: { answer: "instrument", equals: "resolution" } }] }] }),
    "options.scope is one of `all`, `own` and (existing.rule is given or not instrument is `resolution`)",
  );
  assert.equal(describeCondition({ answer: "existing.rule", present: false }), "existing.rule is not given");
});

test("the catalog does not depend on load order or on the table cells' contents", () => {
  const lib = loadLibrary(MINI);
  const reversed: Library = { ...lib, clauses: new Map([...lib.clauses].reverse()) };
  assert.equal(libraryCatalog(reversed), libraryCatalog(lib));
  assert.equal(libraryCatalog(loadLibrary(MINI)), libraryCatalog(lib), "two loads, same bytes");
  // A pipe in YAML text must not break a table row.
  const clause = lib.clauses.get("ops/rule")!;
  const piped: Library = { ...lib, clauses: new Map([...lib.clauses, ["ops/rule", { ...clause, variables: { ...clause.variables, days: { ...clause.variables.days!, prompt: "Days | weeks?" } } }]]) };
  assert.match(libraryCatalog(piped), /\| `days` \| integer \| `30` \| at least 1 \| Days \\\| weeks\? \|/);
});

test("ordkit clauses list --format md writes the catalog of any library; never over a file without --force", () => {
  const dir = tempDir();
  const out = path.join(dir, "library.md");
  const run = (...args: string[]) => runCli(["clauses", "list", "--library", MINI, "--format", "md", ...args], { cwd: dir });
  const printed = run();
  assert.equal(printed.status, 0, printed.stderr);
  assert.equal(printed.stdout, libraryCatalog(loadLibrary(MINI)));
  const first = run("--out", out);
  assert.equal(first.status, 0, first.stderr);
  assert.equal(readFileSync(out, "utf8"), libraryCatalog(loadLibrary(MINI)));
  const again = run("--out", out);
  assert.equal(again.status, 2);
  assert.match(again.stderr, /already exists/);
  assert.equal(run("--out", out, "--force").status, 0);
  const broken = copyDir(MINI);
  writeFileSync(path.join(broken, "ops", "rule.yaml"), readFileSync(path.join(MINI, "ops", "rule.yaml"), "utf8").replace("kind: operative", "kind: operatve"));
  const bad = runCli(["clauses", "list", "--library", broken, "--format", "md", "--out", path.join(dir, "x.md")], { cwd: dir });
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /rule\.yaml:\d+:\d+: .*kind/);
  assert.doesNotMatch(bad.stderr, /\n\s+at /, "no stack trace");
  assert.equal(existsSync(path.join(dir, "x.md")), false, "no output file on error");
});

test("every relative link in docs/library.md points at an existing page", () => {
  const md = readFileSync(fromRoot("docs/library.md"), "utf8");
  const links = [...md.matchAll(/\]\(([^)#<>:]+\.md)\)/g)].map((m) => m[1]!);
  assert.ok(links.length > 0);
  for (const l of new Set(links)) assert.ok(existsSync(fromRoot("docs", l)), `docs/library.md links ${l}, which does not exist`);
});

test("docs/README.md links the library catalog", () => {
  assert.match(readFileSync(fromRoot("docs/README.md"), "utf8"), /\]\(library\.md\)/);
});
