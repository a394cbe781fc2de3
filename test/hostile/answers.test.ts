// Answers files with wrong types, unknown keys and prototype keys are refused
// at their line and column without touching Object.prototype; answers with
// XML-special, right-to-left, astral-plane or very long text are drafted, and
// come out literally in DOCX, Markdown and JSON.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseDocument } from "yaml";
import { docxLines } from "../../src/core/parse/docx.js";
import { loadLibrary } from "../../src/core/library/load.js";
import { YamlSource } from "../../src/core/shared/yaml-source.js";
import { checkAnswers } from "../../src/core/interview/answers.js";
import { draftFromAnswers } from "../../src/core/pipeline.js";
import { UserError } from "../../src/core/errors.js";
import { fromRoot } from "../helpers.js";
import { runCli } from "../run-cli.js";
import { EXAMPLES, assertRefused, assertUnchanged, listTree, runMain, workspace } from "./harness.js";
import { docxParagraphs, docxParts } from "./xml.js";

type Path = Array<string | number>;

/** The Alameda Bay example with values set (by YAML node, so "__proto__" is just a key). */
function answersWith(edits: Array<[Path, unknown]>): string {
  const doc = parseDocument(readFileSync(EXAMPLES.alameda, "utf8"));
  for (const [p, v] of edits) doc.setIn(p, v);
  return doc.toString({ lineWidth: 0 });
}

/** Nothing anywhere in this process has been polluted. */
function assertPrototypesClean(label: string): void {
  const probe = {} as Record<string, unknown>;
  assert.equal(probe.polluted, undefined, `${label}: Object.prototype.polluted is set`);
  assert.ok(!Object.hasOwn(Object.prototype, "polluted"), label);
  assert.equal(([] as unknown as Record<string, unknown>).polluted, undefined, label);
  assert.equal(probe.constructor, Object, `${label}: ({}).constructor changed`);
  assert.equal(Object.getPrototypeOf(probe), Object.prototype, label);
  assert.equal(typeof Object.prototype.toString, "function", `${label}: toString replaced`);
  assert.equal(typeof Object.prototype.hasOwnProperty, "function", `${label}: hasOwnProperty replaced`);
}

interface BadAnswer {
  name: string;
  edits: Array<[Path, unknown]>;
  words: RegExp[];
}

const STAGING = "property-use/staging-ban";

const WRONG_TYPES: BadAnswer[] = [
  { name: "instrument is a number", edits: [[["instrument"], 5]], words: [/instrument must be one of/] },
  { name: "answers_version 2", edits: [[["answers_version"], 2]], words: [/answers_version/] },
  { name: "modules is a string", edits: [[["modules"], "property-use"]], words: [/modules/] },
  { name: "jurisdiction is a string", edits: [[["jurisdiction"], "Alameda Bay"]], words: [/jurisdiction/] },
  { name: "state is a name", edits: [[["jurisdiction", "state"], "California"]], words: [/state/] },
  { name: "date is a number", edits: [[["date"], 20261201]], words: [/date/] },
  { name: "number is a number", edits: [[["number"], 31]], words: [/number/] },
  { name: "an integer variable given words", edits: [[["variables", STAGING, "inventory_days"], "thirty"]], words: [/inventory_days/, /number/] },
  { name: "an integer variable given a fraction", edits: [[["variables", STAGING, "inventory_days"], 3.5]], words: [/whole number/] },
  { name: "an integer variable out of range", edits: [[["variables", STAGING, "inventory_days"], 100000]], words: [/at most/] },
  { name: "a boolean variable given text", edits: [[["variables", STAGING, "signage"], "yes"]], words: [/true or false/] },
  { name: "a multi-choice variable given an unknown choice", edits: [[["variables", STAGING, "property_types"], ["moon bases"]]], words: [/not among the choices/] },
  { name: "variables of a clause given as a list", edits: [[["variables", STAGING], [1, 2]]], words: [/property-use\/staging-ban/] },
  { name: "an option given a list", edits: [[["options", "coverings_scope"], ["own-officers"]]], words: [/coverings_scope/] },
  { name: "an existing rule given a string for a boolean", edits: [[["existing", "agreement_287g"], "no"]], words: [/agreement_287g/] },
];

const UNKNOWN_KEYS: BadAnswer[] = [
  { name: "an unknown top-level key", edits: [[["colour"], "red"]], words: [/unknown key "colour"/] },
  { name: "an unknown jurisdiction key", edits: [[["jurisdiction", "mayor"], "X"]], words: [/unknown key "mayor"/] },
  { name: "an unknown existing key", edits: [[["existing", "bogus"], true]], words: [/unknown key "bogus"/] },
  { name: "an unknown option", edits: [[["options", "bogus"], 1]], words: [/bogus/] },
  { name: "an unknown variable", edits: [[["variables", STAGING, "bogus"], 1]], words: [/bogus/] },
  { name: "variables of an unknown clause", edits: [[["variables", "no-such/clause"], { x: 1 }]], words: [/no-such\/clause/] },
  { name: "an unknown module", edits: [[["modules"], ["property-use", "bogus"]]], words: [/unknown module "bogus"/] },
];

const PROTO_KEYS: BadAnswer[] = [
  { name: "__proto__ at the top", edits: [[["__proto__"], { polluted: "yes" }]], words: [/__proto__/] },
  { name: "constructor.prototype at the top", edits: [[["constructor"], { prototype: { polluted: "yes" } }]], words: [/constructor/] },
  { name: "__proto__ in jurisdiction", edits: [[["jurisdiction", "__proto__"], { polluted: "yes" }]], words: [/__proto__/] },
  { name: "constructor in existing", edits: [[["existing", "constructor"], { prototype: { polluted: "yes" } }]], words: [/constructor/] },
  { name: "__proto__ in options", edits: [[["options", "__proto__"], { polluted: "yes" }]], words: [/__proto__/] },
  { name: "constructor in options", edits: [[["options", "constructor"], "x"]], words: [/constructor/] },
  { name: "toString in options", edits: [[["options", "toString"], "x"]], words: [/toString/] },
  { name: "__proto__ in variables", edits: [[["variables", "__proto__"], { polluted: "yes" }]], words: [/__proto__/] },
  { name: "constructor in variables", edits: [[["variables", "constructor"], { prototype: { polluted: "yes" } }]], words: [/constructor/] },
  { name: "__proto__ among a clause's variables", edits: [[["variables", STAGING, "__proto__"], { polluted: "yes" }]], words: [/__proto__/] },
  { name: "constructor among a clause's variables", edits: [[["variables", STAGING, "constructor"], "x"]], words: [/constructor/] },
  { name: "hasOwnProperty among a clause's variables", edits: [[["variables", STAGING, "hasOwnProperty"], "x"]], words: [/hasOwnProperty/] },
];

for (const [group, cases] of [["wrong types", WRONG_TYPES], ["unknown keys", UNKNOWN_KEYS], ["prototype keys", PROTO_KEYS]] as const) {
  test(`answers with ${group}: draft, check and diff refuse each at its line and column, and nothing pollutes Object.prototype`, async () => {
    const ws = workspace();
    const file = path.join(ws.dir, "answers.yaml");
    for (const [i, c] of cases.entries()) {
      writeFileSync(file, answersWith(c.edits));
      const before = listTree(ws.dir);
      const commands = [
        ["draft", "--answers", "answers.yaml", "--out", "out/draft.docx"],
        ["check", "answers.yaml"],
        ["diff", "answers.yaml", EXAMPLES.alameda, "--out", "out/diff.md"],
      ];
      for (const args of commands) {
        const label = `${c.name}: ${args[0]}`;
        assertRefused(await runMain(args, ws.dir), { file: "answers.yaml", lineCol: true, words: c.words }, label);
        assertUnchanged(ws.dir, before, label);
        assertPrototypesClean(label);
      }
      // Every third case also through the real binary.
      if (i % 3 === 0) assertRefused(runCli(commands[i % 2]!, { cwd: ws.dir }), { file: "answers.yaml", lineCol: true, words: c.words }, `${c.name} (bin/ordkit.js)`);
    }
  });
}

test("a library that names an option and a variable \"constructor\": no Object for a missing value, no pollution", async () => {
  const ws = workspace();
  const manifest = parseDocument(readFileSync(path.join(ws.lib, "library.yaml"), "utf8"));
  manifest.setIn(["options", "constructor"], { type: "string", prompt: "A name that is also a property of every object?" });
  writeFileSync(path.join(ws.lib, "library.yaml"), manifest.toString());
  const clauseFile = path.join(ws.lib, "general/effective-date.yaml");
  const clause = parseDocument(readFileSync(clauseFile, "utf8"));
  clause.setIn(["variables", "constructor"], { type: "string", prompt: "Declared but given by no answer and no default" });
  writeFileSync(clauseFile, clause.toString());

  // Loaded in this process, like the fuzz test does.
  const lib = loadLibrary(ws.lib);
  assertPrototypesClean("loadLibrary");
  const missing = answersWith([[["options", "constructor"], "given"]]);
  let caught: unknown;
  try {
    draftFromAnswers(lib, checkAnswers(YamlSource.parse(Buffer.from(missing), "answers.yaml"), lib), fromRoot("templates"));
  } catch (err) {
    caught = err;
  }
  assert.ok(caught instanceof UserError, `a variable named constructor with no value must be reported missing, got ${String(caught)}`);
  assert.match(caught.message, /general\/effective-date needs a value for "constructor"/);
  assertPrototypesClean("draftFromAnswers");

  const given = answersWith([
    [["options", "constructor"], "given"],
    [["variables", "general/effective-date", "constructor"], "also given"],
  ]);
  writeFileSync(path.join(ws.dir, "answers.yaml"), given);
  const r = await runMain(["draft", "--answers", "answers.yaml", "--library", "lib", "--format", "md"], ws.dir);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /ORDINANCE NO\. 2026-031/);
  assertPrototypesClean("draft");
});

test("clause and library files with __proto__ and constructor keys are refused at their place, in process, without pollution", async () => {
  const ws = workspace();
  const clauseFile = path.join(ws.lib, "general/effective-date.yaml");
  const clause = parseDocument(readFileSync(clauseFile, "utf8"));
  clause.setIn(["__proto__"], { polluted: "yes" });
  clause.setIn(["variables", "effective_days", "__proto__"], { polluted: "yes" });
  writeFileSync(clauseFile, clause.toString());
  const manifest = parseDocument(readFileSync(path.join(ws.lib, "library.yaml"), "utf8"));
  manifest.setIn(["options", "__proto__"], { type: "string", prompt: "x" });
  writeFileSync(path.join(ws.lib, "library.yaml"), manifest.toString());
  let caught: unknown;
  try {
    loadLibrary(ws.lib);
  } catch (err) {
    caught = err;
  }
  assert.ok(caught instanceof UserError, String(caught));
  const where = caught.problems.map((p) => `${p.file}:${p.line}:${p.col} ${p.message}`);
  assert.ok(where.some((w) => /library\.yaml:\d+:\d+ .*__proto__/.test(w)), where.join("\n"));
  assert.ok(where.some((w) => /effective-date\.yaml:\d+:\d+ .*__proto__/.test(w)), where.join("\n"));
  assertPrototypesClean("loadLibrary");
  const r = await runMain(["check", EXAMPLES.alameda, "--library", "lib"], ws.dir);
  assertRefused(r, { file: "lib/general/effective-date.yaml", lineCol: true, words: [/__proto__/] }, "check --library");
  assertPrototypesClean("check");
});

// ---------------------------------------------------------------- text that must come out literally

const XML_SPECIAL = `City of <Tag> & "Quoted" 'Apostrophe' ]]> &amp; &lt;b&gt; &#x41; Peñasco`;
const RTL = "City of עיר השלום مدينة السلام \u202Eevil\u202C \u200Fend";
const ASTRAL = "City of 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 😀 𠜎 👩‍⚖️";
const LONG = `City of ${Array.from({ length: 1700 }, (_, i) => `Name${i % 10}`).join(" ")}`.slice(0, 10_000);

interface Literal {
  name: string;
  edits: Array<[Path, string]>;
  /** The texts that must appear exactly in every output. */
  texts: string[];
}

const LITERALS: Literal[] = [
  { name: "XML-special characters and ]]>", edits: [[["jurisdiction", "name"], XML_SPECIAL], [["sponsor"], `Member <b>&amp; ]]> "x"`]], texts: [XML_SPECIAL, `Member <b>&amp; ]]> "x"`] },
  { name: "right-to-left text with bidi controls", edits: [[["jurisdiction", "name"], RTL], [["existing", "trust_ordinance"], "חוק העיר ‏2024"]], texts: [RTL, "חוק העיר ‏2024"] },
  { name: "astral-plane text", edits: [[["jurisdiction", "name"], ASTRAL], [["variables", "public-records/foia-cadence", "office"], "𝔒𝔣𝔣𝔦𝔠𝔢 😀"]], texts: [ASTRAL, "𝔒𝔣𝔣𝔦𝔠𝔢 😀"] },
  { name: "a 10,000-character name", edits: [[["jurisdiction", "name"], LONG]], texts: [LONG] },
];

/** Undoes Markdown backslash escapes (CommonMark: any ASCII punctuation). */
function unescapeMd(md: string): string {
  return md.replace(/\\([!-/:-@[-`{-~])/g, "$1");
}

for (const c of LITERALS) {
  test(`${c.name}: drafted, and literal in DOCX (well-formed XML), Markdown and JSON`, async () => {
    assert.equal(LONG.length, 10_000);
    const ws = workspace();
    writeFileSync(path.join(ws.dir, "answers.yaml"), answersWith(c.edits));
    const docx = runCli(["draft", "--answers", "answers.yaml", "--out", "out/draft.docx"], { cwd: ws.dir });
    assert.equal(docx.status, 0, docx.stderr);
    const bytes = readFileSync(path.join(ws.out, "draft.docx"));
    const parts = docxParts(bytes); // throws if any part is not well-formed XML
    const paras = docxParagraphs(parts).join("\n");
    const props = (parts.get("docProps/core.xml") ?? []).map((e) => e.text).join("\n");
    for (const t of c.texts) assert.ok(paras.includes(t), `DOCX body lacks ${JSON.stringify(t.slice(0, 60))}`);
    assert.ok(props.includes(c.texts[0]!.toUpperCase()) || props.includes(c.texts[0]!), "DOCX properties carry the name");
    // ordkit's own reader of DOCX drafts (check, textconv) gets the same text back.
    const lines = docxLines(path.join(ws.out, "draft.docx")).join("\n");
    for (const t of c.texts) assert.ok(lines.includes(t.replace(/\s+/g, " ")), `docxLines lacks ${JSON.stringify(t.slice(0, 60))}`);

    const md = await runMain(["draft", "--answers", "answers.yaml", "--format", "md"], ws.dir);
    assert.equal(md.status, 0, md.stderr);
    for (const t of c.texts) assert.ok(unescapeMd(md.stdout).includes(t), `Markdown lacks ${JSON.stringify(t.slice(0, 60))}`);
    // Literal means nothing in it acts as Markdown or HTML: no raw tag, no live entity.
    assert.doesNotMatch(md.stdout, /(?<!\\)<[A-Za-z/!?]/, "raw HTML tag in Markdown");
    assert.doesNotMatch(md.stdout, /(?<!\\)&(#?[A-Za-z0-9]+);/, "live entity reference in Markdown");

    const json = await runMain(["draft", "--answers", "answers.yaml", "--format", "json"], ws.dir);
    assert.equal(json.status, 0, json.stderr);
    const parsed = JSON.parse(json.stdout) as { jurisdiction: { name: string } };
    assert.equal(parsed.jurisdiction.name, c.texts[0]);
    for (const t of c.texts) assert.ok(json.stdout.includes(JSON.stringify(t).slice(1, -1)), `JSON lacks ${JSON.stringify(t.slice(0, 60))}`);
  });
}
