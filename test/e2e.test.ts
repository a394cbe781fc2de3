// Drafts every example, converts the DOCX with LibreOffice as a reader would
// open it, and checks the text that comes back.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fromRoot } from "./helpers.js";
import { runCli } from "./run-cli.js";
import { tempDir } from "./tmp.js";
import type { Draft } from "../src/core/draft.js";

const soffice = spawnSync("soffice", ["--version"], { encoding: "utf8" }).status === 0;
const pdftotext = spawnSync("pdftotext", ["-v"], { encoding: "utf8" }).status === 0;
const skip = soffice && pdftotext ? false : process.env.CI ? false : "LibreOffice or poppler-utils is not installed (CI installs them)";

const examples = readdirSync(fromRoot("examples")).filter((f) => f.endsWith(".yaml")).sort();

/** Collapses whitespace and the line breaks LibreOffice puts into long lines. */
function flat(s: string): string {
  return s.replace(/\s+/g, " ").trim();
}

test("there are examples for an ordinance, an executive order and a resolution", () => {
  const instruments = examples.map((f) => /instrument: (\S+)/.exec(readFileSync(fromRoot("examples", f), "utf8"))?.[1]);
  for (const i of ["ordinance", "executive-order", "resolution"]) assert.ok(instruments.includes(i), i);
});

for (const example of examples) {
  test(`${example}: the DOCX opens in LibreOffice with title, formula, every section and numbering`, { skip, timeout: 120_000 }, () => {
    const dir = tempDir();
    const docx = path.join(dir, "draft.docx");
    const r = runCli(["draft", "--answers", fromRoot("examples", example), "--out", docx, "--line-numbers"]);
    assert.equal(r.status, 0, r.stderr);
    const draft = JSON.parse(runCli(["draft", "--answers", fromRoot("examples", example), "--format", "json"]).stdout) as Draft;

    const conv = spawnSync("soffice", [`-env:UserInstallation=file://${dir}/profile`, "--headless", "--convert-to", "pdf", "--outdir", dir, docx], { encoding: "utf8", timeout: 100_000 });
    assert.equal(conv.status, 0, conv.stderr);
    const text = spawnSync("pdftotext", ["-layout", path.join(dir, "draft.pdf"), "-"], { encoding: "utf8" }).stdout;
    const body = flat(text.replace(/^\s*\d+ {2,}/gm, " ")); // drop line numbers

    assert.ok(body.includes(flat(draft.title)), `title: ${draft.title}`);
    assert.ok(body.includes(flat(draft.formula)), `formula: ${draft.formula}`);
    draft.sections.forEach((s, i) => {
      assert.ok(body.includes(flat(`Section ${i + 1}. ${s.heading}.`)), `Section ${i + 1}. ${s.heading}.`);
    });
    assert.ok(draft.sections.length >= 3);
    // Real Word numbering: the labels appear only when LibreOffice computes them.
    assert.match(body, /Section 3\./);
    if (draft.sections.some((s) => s.paragraphs.filter((p) => p.numbered).length >= 2)) assert.match(body, /\(b\) /);
    for (const r of draft.recitals) assert.ok(body.includes(flat(`WHEREAS, ${r.text}`).slice(0, 60)), r.text.slice(0, 40));
    assert.match(body, /DRAFT — /);
    // "Page X of Y" counts the instrument's pages only; the memo follows in a section of its own.
    const instrumentPages = Number(/Page 1 of (\d+)/.exec(body)?.[1]);
    assert.ok(instrumentPages >= 1, "Page 1 of N");
    const totalPages = Number(/Pages:\s+(\d+)/.exec(spawnSync("pdfinfo", [path.join(dir, "draft.pdf")], { encoding: "utf8" }).stdout)?.[1]);
    assert.ok(instrumentPages < totalPages, `the memo pages are not counted (${instrumentPages} of ${totalPages})`);
    assert.match(body, new RegExp(`Page ${instrumentPages} of ${instrumentPages}`));
    assert.match(body, /DRAFTER'S RISK MEMO/);
    assert.match(body, /not legal advice/i);
    assert.doesNotMatch(body, /undefined|\[object Object\]|\{\{/);
    const size = spawnSync("pdfinfo", [path.join(dir, "draft.pdf")], { encoding: "utf8" }).stdout;
    assert.match(size, /Page size:\s+612 x 792 pts/, "US Letter");

    // The clean copy for the council packet: no memo, and "Page X of Y" over the whole (instrument-only) document.
    const clean = path.join(dir, "clean.docx");
    const c = runCli(["draft", "--answers", fromRoot("examples", example), "--out", clean, "--no-notes", "--paper", "legal"]);
    assert.equal(c.status, 0, c.stderr);
    assert.match(c.stderr, /--no-notes/);
    const conv2 = spawnSync("soffice", [`-env:UserInstallation=file://${dir}/profile`, "--headless", "--convert-to", "pdf", "--outdir", dir, clean], { encoding: "utf8", timeout: 100_000 });
    assert.equal(conv2.status, 0, conv2.stderr);
    const cleanText = flat(spawnSync("pdftotext", ["-layout", path.join(dir, "clean.pdf"), "-"], { encoding: "utf8" }).stdout);
    assert.match(cleanText, /Page 1 of \d+/);
    assert.doesNotMatch(cleanText, /RISK MEMO/);
    assert.match(spawnSync("pdfinfo", [path.join(dir, "clean.pdf")], { encoding: "utf8" }).stdout, /Page size:\s+612 x 1008 pts/, "US Legal");
  });
}
