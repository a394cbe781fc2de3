// Text in answers (answers files, CSV cells, YAML batch rows, --date) that
// would put something other than the user's words into a law: blank-looking
// text, line breaks that would inject template blocks, control characters,
// lone surrogates, impossible dates, bytes that are not UTF-8. One rule
// everywhere: refused at its file, line and column; never dropped or replaced.
import { test } from "node:test";
import assert from "node:assert/strict";
import { cpSync, readFileSync, writeFileSync } from "node:fs";
import { fromRoot } from "../helpers.js";
import path from "node:path";
import { runCli } from "../run-cli.js";
import { renderLayout, type InstrumentTemplate } from "../../src/core/assemble/templates.js";
import { EXAMPLES, assertRefused, assertUnchanged, listTree, runMain, workspace } from "./harness.js";

const ALAMEDA = readFileSync(EXAMPLES.alameda, "utf8");

interface BadText {
  name: string;
  /** The YAML (double-quoted, escapes allowed) that replaces the executive's name. */
  yaml: string;
  words: RegExp;
}

const NAME_LINE = "executive_name: Dana Reyes";
const BAD_TEXT: BadText[] = [
  { name: "a line break that would inject a @note block", yaml: '"Dana Reyes\\n@note X"', words: /line break \(U\+000A\)/ },
  { name: "a carriage return", yaml: '"Dana\\rReyes"', words: /line break \(U\+000D\)/ },
  { name: "a line separator (U+2028)", yaml: '"Dana\\u2028@note X"', words: /line break \(U\+2028\)/ },
  { name: "a paragraph separator (U+2029)", yaml: '"Dana\\u2029@note X"', words: /line break \(U\+2029\)/ },
  { name: "next line (U+0085)", yaml: '"Dana\\u0085Reyes"', words: /line break \(U\+0085\)/ },
  { name: "only spaces", yaml: '"   "', words: /blank/ },
  { name: "only no-break spaces", yaml: '"\\u00a0\\u00a0"', words: /blank/ },
  { name: "only an ideographic space", yaml: '"\\u3000"', words: /blank/ },
  { name: "only zero-width characters", yaml: '"\\u200b\\u200d\\u2060\\ufeff"', words: /blank/ },
  { name: "an empty string", yaml: '""', words: /empty/ },
  { name: "a NUL", yaml: '"Dana\\0Reyes"', words: /control character \(U\+0000\)/ },
  { name: "an ESC sequence", yaml: '"Dana\\e[31mReyes"', words: /control character \(U\+001B\)/ },
  { name: "a bell", yaml: '"Dana\\aReyes"', words: /control character \(U\+0007\)/ },
  { name: "a tab", yaml: '"Dana\\tReyes"', words: /a tab \(U\+0009\)/ },
  { name: "DEL", yaml: '"Dana\\x7fReyes"', words: /control character \(U\+007F\)/ },
  { name: "a C1 control (CSI)", yaml: '"Dana\\u009b31mReyes"', words: /control character \(U\+009B\)/ },
  { name: "a lone high surrogate", yaml: '"Dana \\ud800"', words: /surrogate/ },
  { name: "a lone low surrogate", yaml: '"\\udc00 Dana"', words: /surrogate/ },
  { name: "a noncharacter (U+FFFE)", yaml: '"Dana\\ufffe"', words: /noncharacter/ },
];

test("text that is not words for a law is refused in an answers file at its line and column, in every output format", async () => {
  const ws = workspace();
  for (const c of BAD_TEXT) {
    writeFileSync(path.join(ws.dir, "answers.yaml"), ALAMEDA.replace(NAME_LINE, `executive_name: ${c.yaml}`));
    const before = listTree(ws.dir);
    for (const format of ["docx", "md", "json"]) {
      const r = await runMain(["draft", "--answers", "answers.yaml", "--format", format, "--out", `out/d.${format}`], ws.dir);
      assertRefused(r, { file: "answers.yaml", lineCol: true, words: [c.words, /executive_name/] }, `${c.name} (${format})`);
      assertUnchanged(ws.dir, before, c.name);
    }
  }
});

test("every text answer is checked: title, sponsor, number, jurisdiction, existing rules, clause variables", async () => {
  const ws = workspace();
  const edits: Array<[string, string, RegExp]> = [
    ["  name: City of Alameda Bay", '  name: "\\u00a0 \\u3000\\u200b"', /jurisdiction\.name is blank/],
    ["sponsor: Councilmember Ana Ruiz", 'sponsor: "Ana\\n@title Injected"', /sponsor contains a line break/],
    ['number: "2026-031"', 'number: "\\u3000"', /number is blank/],
    ["  legislative_body: City Council", '  legislative_body: "City\\u2028Council"', /line break/],
    ["  trust_ordinance: Chapter 2.72 of the Alameda Bay Municipal Code", '  trust_ordinance: "Chapter\\x00 2.72"', /existing\.trust_ordinance contains a control character/],
  ];
  for (const [from, to, words] of edits) {
    assert.ok(ALAMEDA.includes(from), from);
    writeFileSync(path.join(ws.dir, "answers.yaml"), ALAMEDA.replace(from, to));
    assertRefused(await runMain(["draft", "--answers", "answers.yaml", "--out", "out/d.md"], ws.dir), { file: "answers.yaml", lineCol: true, words: [words] }, to);
  }
  const office = ALAMEDA.match(/^ {4}office: .*$/m);
  assert.ok(office, "the example sets a clause variable office");
  writeFileSync(path.join(ws.dir, "answers.yaml"), ALAMEDA.replace(office[0], '    office: "\\u200b"'));
  assertRefused(await runMain(["draft", "--answers", "answers.yaml", "--out", "out/d.md"], ws.dir), { file: "answers.yaml", lineCol: true, words: [/office is blank/] }, "clause variable");
});

test("spaces at the edges of an answer are trimmed, never drafted", async () => {
  const ws = workspace();
  writeFileSync(path.join(ws.dir, "answers.yaml"), ALAMEDA.replace(NAME_LINE, 'executive_name: "\\u00a0 Dana Reyes\\u3000\\u200b"'));
  const r = await runMain(["draft", "--answers", "answers.yaml", "--format", "md"], ws.dir);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /Dana Reyes/);
  assert.doesNotMatch(r.stdout, /[\u00a0\u3000\u200b]Dana|Reyes[\u00a0\u3000\u200b]/);
});

test("impossible dates are refused in answers files, clause variables and --date; real ones (2028-02-29) pass", async () => {
  const ws = workspace();
  for (const bad of ["2026-02-30", "2026-13-01", "2025-02-29", "2026-04-31", "2026-00-10", "1900-02-29"]) {
    writeFileSync(path.join(ws.dir, "answers.yaml"), ALAMEDA.replace('date: "2026-12-01"', `date: "${bad}"`));
    assertRefused(await runMain(["draft", "--answers", "answers.yaml", "--out", "out/d.md"], ws.dir), { file: "answers.yaml", lineCol: true, words: [/not a day of the calendar/] }, bad);
    const flag = await runMain(["draft", "--answers", EXAMPLES.alameda, "--date", bad, "--out", "out/d.md"], ws.dir);
    assert.equal(flag.status, 2, `--date ${bad}: ${flag.stderr}`);
    assert.match(flag.stderr, /--date must be YYYY-MM-DD, a day of the calendar/);
  }
  const leap = await runMain(["draft", "--answers", EXAMPLES.alameda, "--date", "2028-02-29", "--format", "md"], ws.dir);
  assert.equal(leap.status, 0, leap.stderr);
  assert.match(leap.stdout, /February 29, 2028/);
});

test("batch: cells with line breaks, blank-looking text or ESC are refused at the cell, shown escaped; a Latin-1 CSV is refused", async () => {
  const ws = workspace();
  const csv = [
    "jurisdiction.name,jurisdiction.state,jurisdiction.executive_name",
    '"City of \u001b[31mRed\u001b[0m",CA,Ana',
    'City of Quoted,CA,"Dana Reyes\n@note Injected"',
    "City of Blank,CA,\"\u00a0\u3000\"",
    "City of Sep,CA,Dana\u2028Reyes",
    "City of Fine,CA,Ana Ruiz",
    "",
  ].join("\n");
  writeFileSync(path.join(ws.dir, "rows.csv"), csv);
  const r = runCli(["draft", "--batch", "rows.csv", "--answers", EXAMPLES.alameda, "--out-dir", "out", "--format", "md"], { cwd: ws.dir });
  assert.equal(r.status, 1, r.stderr);
  assert.ok(!/\u001b/.test(r.stdout + r.stderr), "an ESC reached the terminal raw");
  assert.match(r.stderr, /rows\.csv:2:1: jurisdiction\.name contains a control character \(U\+001B\)/);
  assert.match(r.stderr, /City of \\u001b\[31mRed/);
  assert.match(r.stderr, /rows\.csv:3:\d+: jurisdiction\.executive_name contains a line break \(U\+000A\)/);
  assert.match(r.stderr, /rows\.csv:5:\d+: jurisdiction\.executive_name is blank/);
  assert.match(r.stderr, /rows\.csv:6:\d+: jurisdiction\.executive_name contains a line break \(U\+2028\)/);
  assert.deepEqual(listTree(path.join(ws.dir, "out")), ["city-of-fine-ca-ordinance.md"]);
  assert.doesNotMatch(readFileSync(path.join(ws.dir, "out", "city-of-fine-ca-ordinance.md"), "utf8"), /Injected/);

  writeFileSync(path.join(ws.dir, "latin1.csv"), Buffer.concat([Buffer.from("jurisdiction.name,jurisdiction.state\nCity of Caf"), Buffer.from([0xc9]), Buffer.from(",CA\n")]));
  assertRefused(await runMain(["draft", "--batch", "latin1.csv", "--answers", EXAMPLES.alameda, "--out-dir", "out2"], ws.dir), { file: "latin1.csv", lineCol: true, words: [/not UTF-8/] }, "Latin-1 CSV");

  writeFileSync(path.join(ws.dir, "rows.yaml"), '- jurisdiction.name: "City of Sep\\u2029@note X"\n  jurisdiction.state: CA\n');
  const y = await runMain(["draft", "--batch", "rows.yaml", "--answers", EXAMPLES.alameda, "--out-dir", "out3"], ws.dir);
  assert.equal(y.status, 1, y.stderr);
  assert.match(y.stderr, /rows\.yaml:1:\d+: jurisdiction\.name contains a line break \(U\+2029\)/);
});

test("values never create structure: a value holding line breaks, tags and | stays inside its block", () => {
  // Past the answers check (as if a value came from anywhere): the layout is read before values go in.
  const source = "@heading ORDINANCE NO. {{number}}\n@title AN ORDINANCE OF THE {{upper jurisdiction.name}}\n@recitals\n@formula BE IT ORDAINED:\n@sections\n@signature {{jurisdiction.executive_title}} | {{jurisdiction.executive_name}}\n";
  const t: InstrumentTemplate = { name: "ordinance.hbs", file: "ordinance.hbs", source, partials: new Map() };
  const ctx = {
    number: "1\n@heading Injected",
    jurisdiction: { name: "x\r@note injected\u2028@para three", executive_title: "Mayor", executive_name: "Dana\u2029@note Injected | Forged" },
  };
  const blocks = renderLayout(t, ctx);
  assert.deepEqual(blocks.map((b) => b.type), ["heading", "title", "recitals", "formula", "sections", "signature"]);
  assert.deepEqual(blocks[0], { type: "heading", text: "ORDINANCE NO. 1\n@heading Injected" });
  assert.deepEqual(blocks[1], { type: "title", text: "AN ORDINANCE OF THE X\r@NOTE INJECTED\u2028@PARA THREE" });
  assert.deepEqual(blocks[5], { type: "signature", label: "Mayor", name: "Dana\u2029@note Injected | Forged" });
});

test("control characters and lone surrogates in a library's text are refused at their place (DOCX and Markdown never differ)", async () => {
  for (const [escape, words] of [["\\0", /control character \(U\+0000\)/], ["\\e[2J", /control character \(U\+001B\)/], ["\\ud800", /surrogate/], ["\\uffff", /noncharacter/]] as const) {
    const ws = workspace();
    const file = path.join(ws.lib, "general/severability.yaml");
    const text = readFileSync(file, "utf8");
    const heading = /^heading: (.*)$/m.exec(text)![0];
    writeFileSync(file, text.replace(heading, `heading: "Severability ${escape} clause"`));
    for (const format of ["md", "docx"]) {
      const r = await runMain(["draft", "--answers", EXAMPLES.alameda, "--library", "lib", "--format", format, "--out", `out/d.${format}`], ws.dir);
      assertRefused(r, { file: "lib/general/severability.yaml", lineCol: true, words: [words, /heading/] }, `${escape} (${format})`);
    }
  }
});

test("check refuses a text draft with an ESC sequence or bytes that are not UTF-8, at their line and column", async () => {
  const ws = workspace();
  writeFileSync(path.join(ws.dir, "esc.md"), "ORDINANCE NO. 1\n\nSection 1. Masks \u001b[31mRED\u001b[0m.\nNo officer shall wear a mask.\n");
  const r = await runMain(["check", "esc.md", "--state", "CA"], ws.dir);
  assertRefused(r, { file: "esc.md", lineCol: true, words: [/control character \(U\+001B\)/] }, "ESC in a draft");
  assert.ok(!r.stderr.includes("\u001b"), "the ESC reached the terminal raw");
  assert.match(r.stderr, /esc\.md:3:18: /);
  writeFileSync(path.join(ws.dir, "latin1.txt"), Buffer.concat([Buffer.from("Section 1. Caf"), Buffer.from([0xe9]), Buffer.from(" rules.\n")]));
  assertRefused(await runMain(["check", "latin1.txt", "--state", "CA"], ws.dir), { file: "latin1.txt", lineCol: true, words: [/not UTF-8/] }, "Latin-1 draft");
  writeFileSync(path.join(ws.dir, "ok.txt"), "Section 1. Page\fbreak and CRLF.\r\nNo officer shall wear a mask.\r\n");
  const ok = await runMain(["check", "ok.txt", "--state", "CA"], ws.dir);
  assert.ok(ok.status === 0 || ok.status === 1, ok.stderr);
});

test("an amending ordinance's code chapter that is not UTF-8 or holds an ESC is refused, never drafted with U+FFFD", async () => {
  const ws = workspace();
  cpSync(fromRoot("examples/existing"), path.join(ws.dir, "existing"), { recursive: true });
  writeFileSync(path.join(ws.dir, "amend.yaml"), readFileSync(fromRoot("examples/alameda-bay-ca-amending-ordinance.yaml")));
  const chapter = path.join(ws.dir, "existing", "alameda-bay-chapter-2.72.md");
  const text = readFileSync(chapter, "utf8");
  const ok = await runMain(["draft", "--answers", "amend.yaml", "--format", "md"], ws.dir);
  assert.equal(ok.status, 0, ok.stderr);
  const at = text.indexOf("\n", text.indexOf("\n") + 1) + 1;
  writeFileSync(chapter, Buffer.concat([Buffer.from(text.slice(0, at)), Buffer.from([0xe9]), Buffer.from(text.slice(at))]));
  const latin1 = await runMain(["draft", "--answers", "amend.yaml", "--format", "md"], ws.dir);
  assertRefused(latin1, { file: "amend.yaml", lineCol: true, words: [/line 3, column 1: is not UTF-8 text/] }, "Latin-1 chapter");
  assert.ok(!latin1.stdout.includes("\uFFFD"));
  writeFileSync(chapter, text.slice(0, at) + "\u001b[2J" + text.slice(at));
  assertRefused(await runMain(["draft", "--answers", "amend.yaml", "--format", "md"], ws.dir), { file: "amend.yaml", lineCol: true, words: [/control character \(U\+001B\)/] }, "ESC in the chapter");
});
