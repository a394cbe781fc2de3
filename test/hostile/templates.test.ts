// Templates (--templates DIR, and clause text in a library) that reach for
// constructor, __proto__, prototype methods, built-in helpers or files outside
// their directory are refused before anything renders; no secret text ever
// reaches a draft, the terminal or the output directory.
import { test } from "node:test";
import assert from "node:assert/strict";
import { appendFileSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseDocument } from "yaml";
import { checkTemplate, type Scope } from "../../src/core/shared/handlebars.js";
import { runCli } from "../run-cli.js";
import { EXAMPLES, assertRefused, assertUnchanged, listTree, runMain, workspace } from "./harness.js";

const SECRET = "TOP-SECRET-7f3a";

interface Attack {
  name: string;
  /** Appended to ordinance.hbs as one @para line (line 9 of the copy). */
  line: string;
  words: RegExp;
}

const ATTACKS: Attack[] = [
  { name: "constructor.constructor", line: "{{constructor.constructor}}", words: /not allowed/ },
  { name: "constructor alone", line: "{{constructor}}", words: /not allowed/ },
  { name: "__proto__", line: "{{__proto__}}", words: /not allowed/ },
  { name: "this.__proto__", line: "{{this.__proto__}}", words: /not allowed/ },
  { name: "this.constructor.name", line: "{{this.constructor.name}}", words: /not allowed/ },
  { name: "a literal segment [constructor]", line: "{{[constructor]}}", words: /not allowed/ },
  { name: "a literal segment this.[__proto__]", line: "{{this.[__proto__]}}", words: /not allowed/ },
  { name: "a parent path ../constructor", line: "{{#with jurisdiction}}{{../constructor}}{{/with}}", words: /not allowed/ },
  { name: "a block parameter's constructor", line: "{{#with jurisdiction as |j|}}{{j.constructor}}{{/with}}", words: /not allowed/ },
  { name: "constructor inside #with this", line: "{{#with this}}{{constructor}}{{/with}}", words: /not allowed/ },
  { name: "constructor inside #each", line: "{{#each jurisdiction}}{{constructor}}{{/each}}", words: /not allowed/ },
  { name: "a prototype key on a global", line: "{{jurisdiction.__proto__}}", words: /not allowed/ },
  { name: "constructor in a helper's hash", line: "{{upper jurisdiction.name x=constructor}}", words: /not allowed/ },
  { name: "constructor in a sub-expression", line: "{{upper (lower constructor)}}", words: /not allowed/ },
  { name: "toString as a helper", line: '{{toString "x"}}', words: /unknown helper/ },
  { name: "hasOwnProperty as a helper", line: '{{hasOwnProperty "x"}}', words: /unknown helper/ },
  { name: "constructor as a block helper", line: "{{#constructor}}x{{/constructor}}", words: /unknown block helper/ },
  { name: "lookup this \"constructor\"", line: '{{lookup this "constructor"}}', words: /unknown helper "lookup"/ },
  { name: "lookup inside #with", line: '{{#with (lookup this "constructor")}}{{name}}{{/with}}', words: /unknown helper "lookup"/ },
  { name: "the built-in log helper", line: '{{log "to the console"}}', words: /unknown helper "log"/ },
  { name: "a partial up the tree", line: "{{> ../../secret}}", words: /names a path: a template may not reach outside/ },
  { name: "a partial one level up", line: "{{> ../secret}}", words: /names a path: a template may not reach outside/ },
  { name: "a partial by absolute path", line: "{{> /etc/passwd}}", words: /syntax error/ },
  { name: "a partial by quoted absolute path", line: '{{> "/etc/passwd"}}', words: /names a path/ },
  { name: "a dynamic partial name", line: '{{> (lookup this "secret")}}', words: /unknown partial|unknown helper/ },
  { name: "a partial block", line: "{{#> secret}}fallback{{/secret}}", words: /unknown partial/ },
];

/** A workspace whose secret files sit right next to (and above) the templates. */
function setup(): ReturnType<typeof workspace> {
  const ws = workspace();
  for (const f of ["secret", "secret.hbs", "tpl/secret.hbs"]) writeFileSync(path.join(ws.dir, f), `@para ${SECRET}\n`);
  return ws;
}

function assertNoSecret(ws: ReturnType<typeof workspace>, texts: string[], label: string): void {
  for (const t of texts) assert.ok(!t.includes(SECRET), `${label}: the secret was printed`);
  for (const f of listTree(ws.out)) assert.ok(!readFileSync(path.join(ws.out, f), "utf8").includes(SECRET), `${label}: the secret reached ${f}`);
}

test("instrument templates that reach for prototypes, helpers or files are refused at their line and column", async () => {
  for (const [i, a] of ATTACKS.entries()) {
    const ws = setup();
    appendFileSync(path.join(ws.tpl, "ordinance.hbs"), `@para ${a.line}\n`);
    const before = listTree(ws.dir);
    for (const args of [
      ["draft", "--answers", EXAMPLES.alameda, "--templates", "tpl", "--out", "out/draft.md"],
      ["check", EXAMPLES.alameda, "--templates", "tpl"],
      ["diff", EXAMPLES.alameda, EXAMPLES.riverton, "--templates", "tpl", "--out", "out/diff.md"],
    ]) {
      const label = `${a.name}: ${args[0]}`;
      const r = await runMain(args, ws.dir);
      assertRefused(r, { file: "tpl/ordinance.hbs", lineCol: true, words: [a.words] }, label);
      assert.match(r.stderr, /tpl\/ordinance\.hbs:9:\d+: /, `${label}: the message points at the appended line 9`);
      assertUnchanged(ws.dir, before, label);
      assertNoSecret(ws, [r.stdout, r.stderr], label);
    }
    if (i % 4 === 0) {
      const r = runCli(["draft", "--answers", EXAMPLES.alameda, "--templates", "tpl", "--format", "md"], { cwd: ws.dir });
      assertRefused(r, { file: "tpl/ordinance.hbs", lineCol: true, words: [a.words] }, `${a.name} (bin/ordkit.js)`);
      assertNoSecret(ws, [r.stdout, r.stderr], a.name);
    }
  }
});

test("the same attacks inside a partial are refused in the partial's file", async () => {
  for (const a of ATTACKS.filter((_, i) => i % 3 === 0)) {
    const ws = setup();
    appendFileSync(path.join(ws.tpl, "partials/sponsor.hbs"), `@para ${a.line}\n`);
    const r = await runMain(["draft", "--answers", EXAMPLES.alameda, "--templates", "tpl", "--format", "md"], ws.dir);
    assertRefused(r, { file: "tpl/partials/sponsor.hbs", lineCol: true, words: [a.words] }, a.name);
    assertNoSecret(ws, [r.stdout, r.stderr], a.name);
  }
});

test("the same attacks in clause text are refused at the clause file's line and column", async () => {
  for (const a of ATTACKS.filter((x) => !/partial/.test(x.name))) {
    const ws = setup();
    const file = path.join(ws.lib, "general/effective-date.yaml");
    const doc = parseDocument(readFileSync(file, "utf8"));
    doc.setIn(["heading"], `Effective date ${a.line}`);
    writeFileSync(file, doc.toString());
    const before = listTree(ws.dir);
    const r = await runMain(["draft", "--answers", EXAMPLES.alameda, "--library", "lib", "--out", "out/draft.docx"], ws.dir);
    const words = /partial/.test(a.name) ? /partials are only allowed/ : a.words;
    assertRefused(r, { file: "lib/general/effective-date.yaml", lineCol: true, words: [words], only: true }, `${a.name} in clause text`);
    assertUnchanged(ws.dir, before, a.name);
    assertNoSecret(ws, [r.stdout, r.stderr], a.name);
  }
});

test("partials in clause text are refused: clause text cannot include files at all", async () => {
  const ws = setup();
  const file = path.join(ws.lib, "general/effective-date.yaml");
  const doc = parseDocument(readFileSync(file, "utf8"));
  doc.setIn(["heading"], "Effective date {{> sponsor}}");
  writeFileSync(file, doc.toString());
  const r = await runMain(["check", EXAMPLES.alameda, "--library", "lib"], ws.dir);
  assertRefused(r, { file: "lib/general/effective-date.yaml", lineCol: true, words: [/partials are only allowed in instrument templates/] }, "partial in clause");
});

test("a partial or a template that links to a file outside the templates directory is not read", async () => {
  const cases: Array<{ name: string; make: (ws: ReturnType<typeof workspace>) => void; file: string }> = [
    {
      name: "a partial linking to a file above the directory",
      make: (ws) => {
        symlinkSync(path.join(ws.dir, "secret.hbs"), path.join(ws.tpl, "partials/leak.hbs"));
        appendFileSync(path.join(ws.tpl, "ordinance.hbs"), "{{> leak}}\n");
      },
      file: "tpl/partials/leak.hbs",
    },
    {
      name: "a partial linking to an absolute path",
      make: (ws) => {
        symlinkSync("/etc/hostname", path.join(ws.tpl, "partials/host.hbs"));
        appendFileSync(path.join(ws.tpl, "ordinance.hbs"), "@para {{> host}}\n");
      },
      file: "tpl/partials/host.hbs",
    },
    {
      name: "the instrument template itself a link outside",
      make: (ws) => {
        rmSync(path.join(ws.tpl, "ordinance.hbs"));
        symlinkSync(path.join(ws.dir, "secret.hbs"), path.join(ws.tpl, "ordinance.hbs"));
      },
      file: "tpl/ordinance.hbs",
    },
    {
      name: "a dangling link",
      make: (ws) => symlinkSync(path.join(ws.dir, "nowhere.hbs"), path.join(ws.tpl, "partials/gone.hbs")),
      file: "tpl/partials/gone.hbs",
    },
  ];
  for (const c of cases) {
    const ws = setup();
    c.make(ws);
    const before = listTree(ws.out);
    const r = await runMain(["draft", "--answers", EXAMPLES.alameda, "--templates", "tpl", "--out", "out/draft.md"], ws.dir);
    assertRefused(r, { file: c.file, words: [/outside the templates directory|cannot read the template/] }, c.name);
    assertUnchanged(ws.out, before, c.name);
    assertNoSecret(ws, [r.stdout, r.stderr], c.name);
  }
  // partials/ that is a file, not a directory.
  const flat = setup();
  rmSync(path.join(flat.tpl, "partials"), { recursive: true });
  writeFileSync(path.join(flat.tpl, "partials"), "not a directory\n");
  assertRefused(await runMain(["draft", "--answers", EXAMPLES.alameda, "--templates", "tpl", "--format", "md"], flat.dir), { file: "tpl/partials", words: [/not a directory/] }, "partials as a file");
  // A link that stays inside the directory is fine.
  const ws = setup();
  symlinkSync(path.join(ws.tpl, "partials/sponsor.hbs"), path.join(ws.tpl, "partials/sponsor-again.hbs"));
  const ok = await runMain(["draft", "--answers", EXAMPLES.alameda, "--templates", "tpl", "--format", "md"], ws.dir);
  assert.equal(ok.status, 0, ok.stderr);
});

test("checkTemplate refuses every attack in process (the check that guards both templates and clause text)", () => {
  const scope: Scope = new Map([
    ["jurisdiction", new Set(["name", "term"])],
    ["Instrument", null],
  ]);
  for (const a of ATTACKS) {
    const issues = checkTemplate(`@para ${a.line}`, scope, new Set(["sponsor"]));
    assert.ok(issues.length > 0, `${a.name}: no issue found`);
    assert.ok(issues.every((i) => i.line === 1 && i.col >= 1), `${a.name}: issue without a position`);
  }
  // Harmless templates still pass: the check is not simply refusing everything.
  assert.deepEqual(checkTemplate("@para {{upper jurisdiction.name}} {{#each jurisdiction}}{{@key}}{{/each}} {{> sponsor}}", scope, new Set(["sponsor"])), []);
});

test("validate --templates DIR checks that directory's templates, above the library's", async () => {
  const ws = workspace();
  writeFileSync(path.join(ws.tpl, "ordinance.hbs"), "{{#if jurisdiction.name}}never closed\n");
  const r = await runMain(["validate", "--templates", "tpl", "--format", "json"], ws.dir);
  assert.equal(r.status, 1, r.stderr);
  const report = JSON.parse(r.stdout) as { problems: Array<{ file: string | null }> };
  assert.ok(report.problems.some((p) => p.file === "tpl/ordinance.hbs"), r.stdout);
  const clean = await runMain(["validate", "--format", "json"], ws.dir);
  assert.equal(clean.status, 0, clean.stdout);
});
