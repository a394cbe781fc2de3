// The XML inside DOCX files handed to `check` and `textconv`: malformed,
// hostile (unclosed tags by the thousand, DTDs, deep nesting, character
// references beyond Unicode, bytes that are not UTF-8), and lists numbered the
// way Word and LibreOffice number them, on drafts LibreOffice re-saved.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { strToU8, zipSync } from "fflate";
import { runCli } from "../run-cli.js";
import { tempDir } from "../tmp.js";
import { EXAMPLES, assertRefused, runMain } from "./harness.js";

const NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

function docx(documentXml: string | Uint8Array, numberingXml?: string | Uint8Array): Uint8Array {
  const bytes = (x: string | Uint8Array): Uint8Array => (typeof x === "string" ? strToU8(x) : x);
  return zipSync({ "word/document.xml": bytes(documentXml), ...(numberingXml !== undefined ? { "word/numbering.xml": bytes(numberingXml) } : {}) }, { level: 9 });
}

const body = (inner: string): string => `<?xml version="1.0" encoding="UTF-8"?><w:document ${NS}><w:body>${inner}</w:body></w:document>`;
const para = (text: string, numId?: number, ilvl = 0): string =>
  `<w:p>${numId !== undefined ? `<w:pPr><w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="${numId}"/></w:numPr></w:pPr>` : ""}<w:r><w:t>${text}</w:t></w:r></w:p>`;
const level = (ilvl: number, fmt: string, text: string, extra = ""): string => `<w:lvl w:ilvl="${ilvl}"><w:start w:val="1"/><w:numFmt w:val="${fmt}"/><w:lvlText w:val="${text}"/>${extra}</w:lvl>`;
const numbering = (inner: string): string => `<?xml version="1.0" encoding="UTF-8"?><w:numbering ${NS}>${inner}</w:numbering>`;

interface Hostile {
  name: string;
  bytes: Uint8Array;
  words: RegExp;
}

const REPEAT = 200_000;
const HOSTILE: Hostile[] = [
  // Each of these kept the regex reader busy for minutes, inside one synchronous call that no signal could interrupt.
  { name: "many unclosed <w:p>", bytes: docx(body("<w:p><w:r><w:t>x</w:t></w:r>".repeat(REPEAT))), words: /deeper than 256|not well-formed/ },
  { name: "many unclosed <w:tbl>", bytes: docx(body("<w:tbl>".repeat(REPEAT))), words: /deeper than 256|not well-formed/ },
  { name: "unclosed <w:p> at the same depth", bytes: docx(body(`${"<w:p/>".repeat(REPEAT)}<w:p>${"<w:r><w:t>x</w:t></w:r>".repeat(REPEAT)}`)), words: /not well-formed/ },
  { name: "many unclosed <w:abstractNum>", bytes: docx(body(para("x", 1)), numbering("<w:abstractNum>".repeat(REPEAT))), words: /word\/numbering\.xml.*deeper than 256/ },
  { name: "a character reference beyond Unicode (&#x110000;)", bytes: docx(body(para("Section &#x110000; text"))), words: /word\/document\.xml, line 1, column \d+: .*character entity/ },
  { name: "a decimal reference beyond Unicode (&#1114112;)", bytes: docx(body(para("&#1114112;"))), words: /character entity/ },
  { name: "a reference to NUL (&#0;)", bytes: docx(body(para("a&#0;b"))), words: /character entity/ },
  { name: "a reference to a lone surrogate (&#xD800;)", bytes: docx(body(para("a&#xD800;b"))), words: /character entity/ },
  { name: "a character reference beyond Unicode in lvlText", bytes: docx(body(para("x", 1)), numbering(`<w:abstractNum w:abstractNumId="0">${level(0, "decimal", "&#x110000;")}</w:abstractNum>`)), words: /word\/numbering\.xml.*character entity/ },
  { name: "an undefined entity", bytes: docx(body(para("&nbsp;"))), words: /undefined entity/ },
  { name: "a DTD with entities (billion laughs)", bytes: docx(`<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><w:document ${NS}><w:body>${para("&b;")}</w:body></w:document>`), words: /DTD/ },
  { name: "a NUL byte in the text", bytes: docx(body(para("a\u0000b"))), words: /not well-formed/ },
  { name: "an ESC byte in the text", bytes: docx(body(para("a\u001b[31mb"))), words: /not well-formed/ },
  { name: "Latin-1 bytes", bytes: docx(Uint8Array.from([...strToU8(body(para("CAF"))).subarray(0, 120), 0xc9, ...strToU8("</w:t></w:r></w:p></w:body></w:document>")])), words: /not UTF-8/ },
  { name: "mismatched closing tags", bytes: docx(body("<w:p><w:r></w:p></w:r>")), words: /not well-formed/ },
  { name: "two root elements", bytes: docx(`${body(para("a"))}<w:document ${NS}/>`), words: /not well-formed/ },
  { name: "an unbound namespace prefix", bytes: docx(body("<x:p/>")), words: /not well-formed/ },
];

test("hostile XML in a DOCX is refused quickly, at the part's line and column, exit 2, no stack trace", () => {
  const dir = tempDir("ordkit-hostile-xml-");
  for (const [i, c] of HOSTILE.entries()) {
    const file = `x${i}.docx`;
    writeFileSync(path.join(dir, file), c.bytes);
    assert.ok(c.bytes.length < 64 * 1024, `${c.name}: the case should be small (${c.bytes.length} bytes)`);
    for (const cmd of ["check", "textconv"]) {
      // 20 s is far beyond what a linear reader needs and far below what the regex reader took.
      assertRefused(runCli([cmd, file], { cwd: dir, timeoutMs: 20_000 }), { file, words: [c.words] }, `${c.name}: ${cmd}`);
    }
  }
});

test("lists are numbered as Word numbers them: instances of one abstract list continue, startOverride restarts", async () => {
  const dir = tempDir();
  const abstract = `<w:abstractNum w:abstractNumId="7">${level(0, "decimal", "Section %1.")}${level(1, "lowerLetter", "(%2)")}</w:abstractNum>`;
  const nums = `<w:num w:numId="1"><w:abstractNumId w:val="7"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="7"/></w:num>` +
    `<w:num w:numId="3"><w:abstractNumId w:val="7"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>`;
  const cases: Array<{ name: string; doc: string; want: string[] }> = [
    { name: "two instances of one abstract list", doc: para("A", 1) + para("B", 2) + para("C", 2), want: ["Section 1. A", "Section 2. B", "Section 3. C"] },
    { name: "lower levels restart after a higher one", doc: para("A", 1) + para("x", 1, 1) + para("y", 2, 1) + para("B", 2) + para("z", 1, 1), want: ["Section 1. A", "(a) x", "(b) y", "Section 2. B", "(a) z"] },
    { name: "an instance that restarts the list", doc: para("A", 1) + para("B", 2) + para("C", 3) + para("D", 3) + para("E", 1), want: ["Section 1. A", "Section 2. B", "Section 1. C", "Section 2. D", "Section 3. E"] },
    { name: "numId 0 and unknown lists have no number", doc: para("A", 0) + para("B", 99) + para("C", 1), want: ["A", "B", "Section 1. C"] },
  ];
  for (const [i, c] of cases.entries()) {
    const file = `n${i}.docx`;
    writeFileSync(path.join(dir, file), docx(body(c.doc), numbering(abstract + nums)));
    const r = await runMain(["textconv", file], dir);
    assert.equal(r.status, 0, `${c.name}: ${r.stderr}`);
    assert.deepEqual(r.stdout.trimEnd().split("\n"), c.want, c.name);
  }
});

test("w:lvlRestart 0 keeps a lower level counting across higher ones; tracked property changes are not read", async () => {
  const dir = tempDir();
  const abstract = `<w:abstractNum w:abstractNumId="0">${level(0, "upperRoman", "%1.")}${level(1, "decimal", "%1.%2", '<w:lvlRestart w:val="0"/><w:isLgl/>')}</w:abstractNum><w:num w:numId="5"><w:abstractNumId w:val="0"/></w:num>`;
  const changed = `<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="5"/></w:numPr><w:pPrChange w:id="1" w:author="a"><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="5"/></w:numPr></w:pPr></w:pPrChange></w:pPr><w:r><w:t>C</w:t></w:r></w:p>`;
  writeFileSync(path.join(dir, "r.docx"), docx(body(para("A", 5) + para("a", 5, 1) + para("B", 5) + para("b", 5, 1) + changed), numbering(abstract)));
  const r = await runMain(["textconv", "r.docx"], dir);
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(r.stdout.trimEnd().split("\n"), ["I. A", "1.1 a", "II. B", "2.2 b", "III. C"]);
});

test("a draft re-saved by LibreOffice reads as the draft ordkit wrote (sections numbered 1, 2, 3 ...)", (t) => {
  const probe = spawnSync("soffice", ["--version"], { encoding: "utf8" });
  if (probe.error || probe.status !== 0) {
    t.skip("soffice (LibreOffice) is not installed: the re-saved-draft test needs it to re-save a draft");
    return;
  }
  const dir = tempDir("ordkit-lo-");
  for (const [name, answers] of Object.entries(EXAMPLES)) {
    const made = runCli(["draft", "--answers", answers, "--out", `${name}.docx`], { cwd: dir });
    assert.equal(made.status, 0, made.stderr);
    const out = path.join(dir, "lo");
    mkdirSync(out, { recursive: true });
    // A fresh profile per run: LibreOffice refuses to share one between processes.
    const profile = `file://${path.join(dir, `profile-${name}`)}`;
    const lo = spawnSync("soffice", [`-env:UserInstallation=${profile}`, "--headless", "--convert-to", "docx:MS Word 2007 XML", "--outdir", out, `${name}.docx`], { cwd: dir, encoding: "utf8", timeout: 120_000 });
    assert.equal(lo.status, 0, `soffice: ${lo.stderr}`);
    const resaved = readFileSync(path.join(out, `${name}.docx`));
    assert.ok(resaved.length > 0);
    const mine = runCli(["textconv", `${name}.docx`], { cwd: dir });
    const theirs = runCli(["textconv", `lo/${name}.docx`], { cwd: dir });
    assert.equal(theirs.status, 0, theirs.stderr);
    assert.match(mine.stdout, /^Section 2\. /m, name);
    assert.equal(theirs.stdout, mine.stdout, `${name}: the re-saved draft reads differently`);
  }
});

test("a DOCX that inflates to more text than a draft holds is refused; a runaway list label is cut", async () => {
  const dir = tempDir();
  writeFileSync(path.join(dir, "big.docx"), docx(body(`<w:p><w:r><w:t>${"a&amp;b ".repeat(2_500_000)}</w:t></w:r></w:p>`)));
  assertRefused(await runMain(["textconv", "big.docx"], dir), { file: "big.docx", words: [/more than 8 MB of text/] }, "10 MB of text");
  const label = `<w:abstractNum w:abstractNumId="0">${level(0, "decimal", "%1".repeat(100_000))}</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>`;
  writeFileSync(path.join(dir, "label.docx"), docx(body(para("x", 1).repeat(2_000)), numbering(label)));
  const r = await runMain(["textconv", "label.docx"], dir);
  assert.equal(r.status, 0, r.stderr);
  const lines = r.stdout.trimEnd().split("\n");
  assert.equal(lines.length, 2_000);
  assert.ok(lines.every((l) => l.length < 64 * 5), `a label ${lines[0]!.length} characters long`);
});

test("docProps/custom.xml is read by the XML parser too: hostile ones are refused quickly, well-formed ones give their properties", async () => {
  const dir = tempDir();
  const custom = (inner: string): string => `<?xml version="1.0"?><Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">${inner}</Properties>`;
  const withCustom = (xml: string): Uint8Array => zipSync({ "word/document.xml": strToU8(body(para("Section text"))), "docProps/custom.xml": strToU8(xml) }, { level: 9 });
  // Unclosed <property by the hundred thousand made the regex reader quadratic.
  writeFileSync(path.join(dir, "c1.docx"), withCustom(custom('<property name="a" '.repeat(200_000))));
  assertRefused(runCli(["check", "c1.docx"], { cwd: dir, timeoutMs: 20_000 }), { file: "c1.docx", words: [/docProps\/custom\.xml, line 1, column \d+: not well-formed/] }, "unclosed properties");
  writeFileSync(path.join(dir, "c2.docx"), withCustom(custom('<property fmtid="x" pid="2" name="ordkit_state"><vt:lpwstr>&#x110000;</vt:lpwstr></property>')));
  assertRefused(await runMain(["check", "c2.docx"], dir), { file: "c2.docx", words: [/docProps\/custom\.xml.*character entity/] }, "reference beyond Unicode");
  const { readDocx } = await import("../../src/core/parse/docx.js");
  writeFileSync(path.join(dir, "c3.docx"), withCustom(custom('<property fmtid="x" pid="2" name="ordkit_state"><vt:lpwstr>C&amp;A</vt:lpwstr></property><property fmtid="x" pid="3" name="__proto__"><vt:lpwstr>p</vt:lpwstr></property>')));
  const props = readDocx(path.join(dir, "c3.docx")).properties;
  assert.equal(props.ordkit_state, "C&A");
  assert.ok(Object.hasOwn(props, "__proto__"));
  assert.equal(Object.getPrototypeOf(props), Object.prototype);
});
