// PDF drafts: the text layer read back in reading order, without page
// furniture, so a PDF of a draft gives the notes its DOCX gives; and bad PDFs
// (scans, encrypted, damaged, bombs) end in located errors.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { deflateSync } from "node:zlib";
import { writeFileSync, readFileSync } from "node:fs";
import path from "node:path";
import { fromRoot } from "../helpers.js";
import { runCli } from "../run-cli.js";
import { tempDir } from "../tmp.js";
import { docxLines } from "../../src/core/parse/docx.js";
import { pdfLines } from "../../src/core/parse/pdf.js";
import { buildPdf, textPage } from "./pdf-build.js";

const soffice = spawnSync("soffice", ["--version"], { encoding: "utf8" }).status === 0;
const skip = soffice ? false : process.env.CI ? false : "LibreOffice is not installed (CI installs it)";

interface NoteKey {
  rule: string;
  severity: string;
  section: string;
  quote: string;
}
function notesOf(file: string, state: string): NoteKey[] {
  const r = runCli(["check", file, "--state", state, "--format", "json", "--fail-on", "none"]);
  assert.equal(r.status, 0, r.stderr);
  const json = JSON.parse(r.stdout) as { notes: NoteKey[] };
  return json.notes.map((n) => ({ rule: n.rule, severity: n.severity, section: n.section, quote: n.quote }));
}

test("a PDF of an ordkit draft (LibreOffice's export) reads as its DOCX, with or without line numbers, and gives the same notes", { skip, timeout: 240_000 }, async () => {
  const dir = tempDir();
  const cases = [
    { example: "alameda-bay-ca-ordinance.yaml", state: "CA", lineNumbers: false },
    { example: "schuyler-falls-pa-ordinance.yaml", state: "PA", lineNumbers: true },
    { example: "millbrook-pa-executive-order.yaml", state: "PA", lineNumbers: true },
    { example: "cascade-county-wa-resolution.yaml", state: "WA", lineNumbers: false },
  ];
  const docs = cases.map((c, i) => {
    const docx = path.join(dir, `d${i}.docx`);
    const r = runCli(["draft", "--answers", fromRoot("examples", c.example), "--out", docx, ...(c.lineNumbers ? ["--line-numbers"] : [])]);
    assert.equal(r.status, 0, r.stderr);
    return docx;
  });
  const conv = spawnSync("soffice", [`-env:UserInstallation=file://${dir}/profile`, "--headless", "--convert-to", "pdf", "--outdir", dir, ...docs], { encoding: "utf8", timeout: 200_000 });
  assert.equal(conv.status, 0, conv.stderr);
  for (const [i, c] of cases.entries()) {
    const pdf = path.join(dir, `d${i}.pdf`);
    assert.deepEqual(await pdfLines(pdf), docxLines(docs[i]!), `${c.example}: the PDF's paragraphs are the DOCX's`);
    assert.deepEqual(notesOf(pdf, c.state), notesOf(docs[i]!, c.state), `${c.example}: same notes`);
  }
});

test("running headers, footers and page numbers are dropped; a paragraph continues across the page break", async () => {
  const page = (n: number, body: Parameters<typeof textPage>[0]) => {
    const p = textPage(body);
    if ("texts" in p) p.texts.push({ text: "CITY OF LAKE HAVEN - ORDINANCE 2026-7", x: 180, y: 760, size: 9 }, { text: `Page ${n} of 3`, x: 280, y: 30, size: 9 }, { text: `${n}`, x: 540, y: 760, size: 9 });
    return p;
  };
  const dir = tempDir();
  const file = path.join(dir, "o.pdf");
  writeFileSync(file, buildPdf([
    page(1, ["Section 1. Staging areas.", { text: "No City department shall permit any non-public area of City property to be used as a", gap: 20 }, "staging area for civil immigration enforcement."]),
    page(2, ["Section 2. Reports.", { text: "The Chief of Police shall report each quarter on the requests the Department", gap: 20 }, "received from any law enforcement agency to use non-public areas of City"]),
    page(3, ["property, and on the decisions made on them.", { text: "Section 3. Severability.", gap: 20 }, { text: "If any provision of this Ordinance is held invalid, the remainder is not affected.", gap: 20 }]),
  ]));
  assert.deepEqual(await pdfLines(file), [
    "Section 1. Staging areas.",
    "No City department shall permit any non-public area of City property to be used as a staging area for civil immigration enforcement.",
    "Section 2. Reports.",
    "The Chief of Police shall report each quarter on the requests the Department received from any law enforcement agency to use non-public areas of City property, and on the decisions made on them.",
    "Section 3. Severability.",
    "If any provision of this Ordinance is held invalid, the remainder is not affected.",
  ]);
});

test("a hyphen at a line's end joins a broken word, and stays in a compound the text uses", async () => {
  const dir = tempDir();
  const file = path.join(dir, "h.pdf");
  writeFileSync(file, buildPdf([textPage([
    "Section 1. Records.",
    { text: "The City Attorney shall submit public-records requests and keep", gap: 20 },
    "the records of law enforce-",
    "ment activity. Each request covers public records and the public-",
    "records log kept under this section.",
  ])]));
  assert.deepEqual(await pdfLines(file), [
    "Section 1. Records.",
    "The City Attorney shall submit public-records requests and keep the records of law enforcement activity. Each request covers public records and the public-records log kept under this section.",
  ]);
});

test("a citation's section sign at a line's start continues the paragraph; a section label opens one", async () => {
  const dir = tempDir();
  const file = path.join(dir, "c.pdf");
  writeFileSync(file, buildPdf([textPage([
    "Section 5. Records.",
    { text: "(a) The City Attorney shall submit requests under the Freedom of Information Act, 5 U.S.C.", gap: 20 },
    "§ 552, to each agency named in this section, and keep a log of them.",
    { text: "§ 6. Reports.", gap: 20 },
  ])]));
  assert.deepEqual(await pdfLines(file), [
    "Section 5. Records.",
    "(a) The City Attorney shall submit requests under the Freedom of Information Act, 5 U.S.C. § 552, to each agency named in this section, and keep a log of them.",
    "§ 6. Reports.",
  ]);
});

test("line numbers in a column at the left are dropped, labels of subsections are kept", async () => {
  const dir = tempDir();
  const file = path.join(dir, "n.pdf");
  const lines = [
    "Section 4. Identification.",
    "(a) Every Department Officer shall display the officer's name or badge number",
    "while performing enforcement activity in the City.",
    "(b) Subsection (a) does not apply to an officer working undercover under the",
    "written authorization of the Chief of Police.",
    "(c) The Chief of Police shall adopt a written policy carrying out this section",
    "within ninety (90) days.",
  ];
  const texts = lines.flatMap((t, i) => {
    const y = 700 - i * 14;
    const n = String(i + 1);
    return [{ text: n, x: 54 - n.length * 6.7, y }, { text: t, x: 72, y }];
  });
  writeFileSync(file, buildPdf([{ texts }]));
  assert.deepEqual(await pdfLines(file), [
    "Section 4. Identification.",
    "(a) Every Department Officer shall display the officer's name or badge number while performing enforcement activity in the City.",
    "(b) Subsection (a) does not apply to an officer working undercover under the written authorization of the Chief of Police.",
    "(c) The Chief of Police shall adopt a written policy carrying out this section within ninety (90) days.",
  ]);
});

function checkFails(file: string, pattern: RegExp): void {
  const r = runCli(["check", file]);
  assert.equal(r.status, 2, r.stdout + r.stderr);
  assert.match(r.stderr, pattern);
  assert.doesNotMatch(r.stderr, /\n\s+at /, "no stack trace");
  assert.ok(r.stderr.includes(path.basename(file)), "the error names the file");
}

test("a scanned PDF (images, no text layer) says OCR is needed", () => {
  const file = path.join(tempDir(), "scan.pdf");
  writeFileSync(file, buildPdf([{ image: true }, { image: true }]));
  checkFails(file, /no text layer \(2 pages of images\).*OCR/);
});

test("an encrypted PDF says so", { skip, timeout: 120_000 }, () => {
  const dir = tempDir();
  const docx = path.join(dir, "e.docx");
  assert.equal(runCli(["draft", "--answers", fromRoot("examples", "alameda-bay-ca-ordinance.yaml"), "--out", docx]).status, 0);
  const filter = 'pdf:writer_pdf_Export:{"EncryptFile":{"type":"boolean","value":"true"},"DocumentOpenPassword":{"type":"string","value":"secret"}}';
  const conv = spawnSync("soffice", [`-env:UserInstallation=file://${dir}/profile`, "--headless", "--convert-to", filter, "--outdir", dir, docx], { encoding: "utf8", timeout: 100_000 });
  assert.equal(conv.status, 0, conv.stderr);
  checkFails(path.join(dir, "e.pdf"), /encrypted/);
});

test("damaged, truncated and fake PDFs, and decompression bombs, end in located errors", () => {
  const dir = tempDir();
  const good = buildPdf([textPage(["Section 1. Purpose.", "This Ordinance governs the use of City property."])]);
  const cases: Array<[string, Buffer, RegExp]> = [
    ["fake.pdf", Buffer.from("Section 1. This is text with a .pdf name.\n"), /not a PDF file/],
    ["empty.pdf", Buffer.alloc(0), /not a PDF file/],
    ["truncated.pdf", good.subarray(0, 60), /not a readable PDF|no text layer/],
    ["garbage.pdf", Buffer.concat([Buffer.from("%PDF-1.7\n"), Buffer.alloc(4000, 0x7b)]), /not a readable PDF|no text layer/],
    // 300 MB of zeros in a 300 KB stream.
    ["bomb.pdf", buildPdf([{ rawStream: deflateSync(Buffer.alloc(300 * 1024 * 1024)), filter: "FlateDecode" }]), /decompression bomb/],
  ];
  for (const [name, bytes, pattern] of cases) {
    const file = path.join(dir, name);
    writeFileSync(file, bytes);
    checkFails(file, pattern);
  }
  // The good one reads.
  const file = path.join(dir, "good.pdf");
  writeFileSync(file, good);
  const r = runCli(["check", file, "--format", "json", "--fail-on", "none"]);
  assert.equal(r.status, 0, r.stderr);
  assert.equal((JSON.parse(r.stdout) as { kind: string }).kind, "pdf");
  assert.ok(readFileSync(file).length > 0);
});
