// The DOCX redline of two libraries shows the clause text a drafter reads
// (rendered with defaults, per instrument), only for the clauses that
// changed; the template source changes go in an appendix, or in full with --source.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { unzipSync } from "fflate";
import { fromRoot } from "../helpers.js";
import { runCli } from "../run-cli.js";
import { copyDir, tempDir } from "../tmp.js";
import { documentXmlLines } from "../../src/core/parse/docx.js";

function lines(file: string): string[] {
  return documentXmlLines(new TextDecoder().decode(unzipSync(readFileSync(file))["word/document.xml"]));
}

test("library redline: rendered clause text per instrument for changed clauses, template source in an appendix", () => {
  const newLib = copyDir(fromRoot("clauses"));
  const file = path.join(newLib, "property-use", "staging-ban.yaml");
  writeFileSync(file, readFileSync(file, "utf8").replace("report the request to the head", "report the request in writing to the head"));
  const dir = tempDir();
  const out = path.join(dir, "lib.docx");
  const r = runCli(["diff", fromRoot("clauses"), newLib, "--out", out]);
  assert.equal(r.status, 1, r.stderr);
  const text = lines(out);
  const appendix = text.indexOf("APPENDIX: TEMPLATE SOURCE CHANGES");
  assert.ok(appendix > 0);
  const body = text.slice(0, appendix);
  assert.ok(body.some((l) => /^property-use\/staging-ban — .*, as it reads in an ordinance$/.test(l)), body.join("\n"));
  assert.ok(body.some((l) => /as it reads in an executive order$/.test(l)));
  assert.ok(!body.some((l) => l.includes("{{")), "the body is rendered text");
  assert.ok(body.some((l) => /^Within thirty \(30\) days after the effective date of this Ordinance, each Department/.test(l)), "defaults and the instrument filled in");
  assert.ok(!body.some((l) => l.startsWith("facial-coverings/")), "unchanged clauses are not shown");
  assert.ok(body.some((l) => /clause texts \(clause and instrument\) read the same in both libraries and are not shown/.test(l)));
  const tail = text.slice(appendix);
  assert.ok(tail.some((l) => l.includes("{{jurisdiction.term}}") && l.includes("in writing")), "the changed source paragraph");
  assert.ok(tail.length < 10, `only the changed paragraphs: ${tail.length} lines`);
  const xml = new TextDecoder().decode(unzipSync(readFileSync(out))["word/document.xml"]);
  assert.match(xml, /<w:ins [^>]*w:author="ordkit"[^>]*>(?:(?!<\/w:ins>)[\s\S])*in writing /);

  const src = path.join(dir, "src.docx");
  assert.equal(runCli(["diff", fromRoot("clauses"), newLib, "--out", src, "--source"]).status, 1);
  const full = lines(src);
  assert.ok(!full.includes("APPENDIX: TEMPLATE SOURCE CHANGES"));
  assert.ok(full.some((l) => l.startsWith("facial-coverings/")), "--source shows every clause");
  assert.ok(full.some((l) => l.includes("{{")));
});
