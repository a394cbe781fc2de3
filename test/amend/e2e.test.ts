// The example amending ordinance end to end: the DOCX's run properties
// (underline and strike-through, not tracked changes), LibreOffice's reading
// of it (instructions, section numbers in order), identical bytes on every
// run, and the chapter read from text, DOCX, PDF and HTML as from Markdown.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { unzipSync, strFromU8 } from "fflate";
import { fromRoot } from "../helpers.js";
import { runCli } from "../run-cli.js";
import { tempDir } from "../tmp.js";
import type { Draft } from "../../src/core/draft.js";
import { workspace } from "./workspace.js";

const soffice = spawnSync("soffice", ["--version"], { encoding: "utf8" }).status === 0;
const pdftotext = spawnSync("pdftotext", ["-v"], { encoding: "utf8" }).status === 0;
const skip = soffice && pdftotext ? false : process.env.CI ? false : "LibreOffice or poppler-utils is not installed (CI installs them)";
const EXAMPLE = fromRoot("examples", "alameda-bay-ca-amending-ordinance.yaml");
const CHAPTER = fromRoot("examples", "existing", "alameda-bay-chapter-2.72.md");

function flat(s: string): string {
  return s.replace(/\s+/g, " ").trim();
}

/** Each run of word/document.xml: its text and whether it is underlined or struck. */
function runsOf(xml: string): Array<{ text: string; u: boolean; strike: boolean }> {
  return [...xml.matchAll(/<w:r>([\s\S]*?)<\/w:r>/g)].map((m) => {
    const body = m[1]!;
    const rPr = /<w:rPr>([\s\S]*?)<\/w:rPr>/.exec(body)?.[1] ?? "";
    return { text: [...body.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(""), u: /<w:u w:val="single"\/>/.test(rPr), strike: /<w:strike\/>/.test(rPr) };
  });
}

function convert(dir: string, file: string, to: string): string {
  const r = spawnSync("soffice", [`-env:UserInstallation=file://${dir}/profile`, "--headless", "--convert-to", to, "--outdir", dir, file], { encoding: "utf8", timeout: 100_000 });
  assert.equal(r.status, 0, r.stderr);
  return path.join(dir, `${path.basename(file).replace(/\.[^.]+$/, "")}.${to.split(":")[0]}`);
}

test("the DOCX marks additions with w:u and deletions with w:strike, never tracked changes, and is the same bytes every run", () => {
  const dir = tempDir();
  const a = path.join(dir, "a.docx");
  const b = path.join(dir, "b.docx");
  assert.equal(runCli(["draft", "--answers", EXAMPLE, "--out", a]).status, 0);
  assert.equal(runCli(["draft", "--answers", EXAMPLE, "--out", b]).status, 0);
  assert.ok(readFileSync(a).equals(readFileSync(b)), "byte-identical");
  const xml = strFromU8(unzipSync(readFileSync(a))["word/document.xml"]!);
  assert.doesNotMatch(xml, /<w:ins |<w:del /, "no tracked changes");
  const runs = runsOf(xml);
  const find = (text: string) => runs.find((r) => r.text === text);
  assert.deepEqual(find(", or other agency"), { text: ", or other agency", u: true, strike: false });
  assert.deepEqual(find("or"), { text: "or", u: false, strike: true });
  assert.equal(find("facilities and")?.strike, true);
  assert.equal(find("non-public areas of")?.u, true);
  assert.equal(find("Annual report to the City Council.")?.strike, true);
  // A changed label is struck and the new one underlined; an added section has no marks.
  assert.ok(runs.some((r) => r.text === "(a)" && r.strike) && runs.some((r) => r.text === "(a)" && r.u));
  const added = runs.find((r) => r.text.startsWith("Every Department Officer shall, while engaged"));
  assert.deepEqual([added?.u, added?.strike], [false, false]);
  // The legend states the convention.
  assert.ok(runs.some((r) => r.text.includes("is underlined and text deleted from it is struck through")));
});

test("LibreOffice reads the instructions and the code section numbers in order; the pages render", { skip, timeout: 200_000 }, () => {
  const dir = tempDir();
  const docx = path.join(dir, "amending.docx");
  assert.equal(runCli(["draft", "--answers", EXAMPLE, "--out", docx]).status, 0);
  const pdf = convert(dir, docx, "pdf");
  const layout = spawnSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" }).stdout;
  const body = flat(layout);
  const order = [
    "Section 1. Amendment of Section 2.72.020.",
    "Section 2.72.020 of the Alameda Bay Municipal Code is amended to read as follows:",
    "2.72.020 Definitions.",
    "Section 2. Amendment of Section 2.72.030.",
    "Section 2.72.030 of the Alameda Bay Municipal Code is amended to read as follows:",
    "Section 3. Repeal of Section 2.72.050.",
    "Section 2.72.050 of the Alameda Bay Municipal Code is repealed.",
    "Section 4. Addition of Section 2.72.060.",
    "Chapter 2.72 of the Alameda Bay Municipal Code is amended by adding Section 2.72.060 to read as follows:",
    "2.72.060 Identification of City officers.",
    "Section 5. Addition of Section 2.72.070.",
    "Chapter 2.72 of the Alameda Bay Municipal Code is amended by adding Section 2.72.070 to read as follows:",
    "2.72.070 Public-records requests concerning law enforcement activity.",
    "Severability.",
    "Effective date.",
    "DRAFTER'S RISK MEMO",
  ];
  let at = -1;
  for (const s of order) {
    const i = body.indexOf(s, at + 1);
    assert.ok(i > at, `in order: ${s}`);
    at = i;
  }
  assert.match(body, /Code § 2\.72\.040\. In existing Section 2\.72\.040, which this ordinance leaves unchanged/);
  const png = spawnSync("pdftoppm", ["-png", "-r", "40", "-f", "1", "-l", "3", pdf, path.join(dir, "page")], { encoding: "utf8" });
  assert.equal(png.status, 0, png.stderr);
  const pages = readdirSync(dir).filter((f) => /^page-\d+\.png$/.test(f));
  assert.equal(pages.length, 3);
  for (const p of pages) assert.ok(readFileSync(path.join(dir, p)).length > 1000, p);
});

/** The changes of a draft, as text with marks, for comparing drafts made from the same chapter in other formats. */
function changes(d: Draft): string[] {
  return d.amendment!.changes.map((c) => `${c.instruction}\n${c.heading.map((r) => r.text).join("")}\n${c.paragraphs.map((p) => `${p.status}:${p.runs.map((r) => (r.mark ? `[${r.mark}:${r.text}]` : r.text)).join("")}`).join("\n")}`);
}

function draftWith(chapterFile: string, content?: Buffer): Draft {
  const { answers, dir } = workspace((a) => a, "", path.basename(chapterFile));
  writeFileSync(path.join(dir, path.basename(chapterFile)), content ?? readFileSync(chapterFile));
  const r = runCli(["draft", "--answers", answers, "--format", "json"]);
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout) as Draft;
}

test("the chapter as plain text, DOCX, PDF and a code publisher's HTML page gives the same amendment as the Markdown", { skip, timeout: 300_000 }, () => {
  const md = readFileSync(CHAPTER, "utf8");
  const expected = changes(draftWith(CHAPTER));
  const notes = (d: Draft) => d.riskNotes.map((n) => `${n.rule} ${n.section}`);
  const dir = tempDir();
  const txtFile = path.join(dir, "chapter.txt");
  writeFileSync(txtFile, md.replace(/<!--[\s\S]*?-->\n*/, "").replace(/^#+ /gm, ""));
  const fromTxt = draftWith(txtFile);
  assert.deepEqual(changes(fromTxt), expected, "text");
  const docx = convert(dir, txtFile, "docx");
  assert.deepEqual(changes(draftWith(docx)), expected, "docx");
  const pdf = convert(dir, docx, "pdf");
  const fromPdf = draftWith(pdf);
  assert.deepEqual(changes(fromPdf), expected, "pdf");
  assert.deepEqual(notes(fromPdf), notes(fromTxt));
  // A publisher's page: navigation, a table of contents, sections as headings, history notes.
  const sections = md.split(/^### /m).slice(1);
  const html = `<!doctype html><html><head><meta charset="utf-8"><title>Chapter 2.72</title></head><body>
<nav class="breadcrumbs"><a href="/">Code</a> » <a href="/t2">Title 2</a></nav>
<div class="toc"><ul>${sections.map((s) => `<li>${s.split("\n")[0]}</li>`).join("")}</ul></div>
<div class="main-content"><h2>Chapter 2.72 COMMUNITY TRUST AND PUBLIC SAFETY</h2>
${sections.map((s) => { const [head, ...rest] = s.trim().split("\n"); return `<div class="section"><h3>${head}</h3>${rest.filter((l) => l.trim()).map((l) => `<p>${l.replace(/&/g, "&amp;").replace(/</g, "&lt;")}</p>`).join("\n")}</div>`; }).join("\n")}
</div><footer>Current through Ordinance 2026-12.</footer></body></html>`;
  const htmlFile = path.join(dir, "chapter.html");
  writeFileSync(htmlFile, html);
  assert.deepEqual(changes(draftWith(htmlFile)), expected, "html");
});

test("check reads an answers file whose chapter is a PDF, and gives the notes of the chapter as amended", { skip, timeout: 200_000 }, () => {
  const dir = tempDir();
  const txtFile = path.join(dir, "chapter.txt");
  writeFileSync(txtFile, readFileSync(CHAPTER, "utf8").replace(/<!--[\s\S]*?-->\n*/, "").replace(/^#+ /gm, ""));
  const pdf = convert(dir, txtFile, "pdf");
  const { answers, dir: wdir } = workspace((a) => a, "", "chapter.pdf");
  writeFileSync(path.join(wdir, "chapter.pdf"), readFileSync(pdf));
  const r = runCli(["check", answers, "--format", "json"]);
  assert.equal(r.status, 1, r.stderr);
  assert.match(r.stdout, /In existing Section 2\.72\.040, which this ordinance leaves unchanged/);
});
