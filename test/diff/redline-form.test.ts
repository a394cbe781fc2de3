// draft --redline-against writes the draft itself: title, enacting formula and
// signatures where the instrument has them, "Section N." and (a)/(1) numbering
// as the DOCX writer gives them, with the changes as tracked changes inside it.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { unzipSync } from "fflate";
import { fromRoot } from "../helpers.js";
import { runCli } from "../run-cli.js";
import { copyDir, tempDir } from "../tmp.js";
import { documentXmlLines } from "../../src/core/parse/docx.js";

const ANSWERS = fromRoot("examples/alameda-bay-ca-ordinance.yaml");

function parts(file: string): { doc: string; numbering: string } {
  const zip = unzipSync(readFileSync(file));
  const dec = new TextDecoder();
  return { doc: dec.decode(zip["word/document.xml"]), numbering: dec.decode(zip["word/numbering.xml"]) };
}

/** The text as if every change were rejected: insertions dropped, deletions kept, inserted paragraphs gone. */
function rejected(doc: string): string {
  return doc
    .replace(/<w:p>(?:(?!<\/w:p>)[\s\S])*?<w:rPr><w:ins [^>]*\/><\/w:rPr><\/w:pPr>[\s\S]*?<\/w:p>/g, "")
    .replace(/<w:ins [^>]*>[\s\S]*?<\/w:ins>/g, "")
    .replace(/<w:delText([^>]*)>/g, "<w:t$1>")
    .replace(/<\/w:delText>/g, "</w:t>");
}

test("the redline is the new draft in full legislative form, with the changes tracked inside it", () => {
  const newLib = copyDir(fromRoot("clauses"));
  const staging = path.join(newLib, "property-use", "staging-ban.yaml");
  writeFileSync(staging, readFileSync(staging, "utf8").replace("report the request to the head", "report the request in writing to the head"));
  const existing = path.join(newLib, "general", "existing-law.yaml");
  writeFileSync(existing, readFileSync(existing, "utf8").replace("instruments: [ordinance, executive-order, resolution]", "instruments: [executive-order, resolution]"));
  const dir = tempDir();
  const redline = path.join(dir, "r.docx");
  const r = runCli(["draft", "-a", ANSWERS, "--library", newLib, "--redline-against", fromRoot("clauses"), "-o", redline]);
  assert.equal(r.status, 0, r.stderr);
  const plainNew = path.join(dir, "new.docx");
  const plainOld = path.join(dir, "old.docx");
  assert.equal(runCli(["draft", "-a", ANSWERS, "--library", newLib, "-o", plainNew]).status, 0);
  assert.equal(runCli(["draft", "-a", ANSWERS, "-o", plainOld]).status, 0);

  const red = parts(redline);
  // Accepted, the redline reads exactly as the new draft, numbers included.
  const accepted = documentXmlLines(red.doc, red.numbering);
  const fresh = parts(plainNew);
  assert.deepEqual(accepted, documentXmlLines(fresh.doc, fresh.numbering));
  // The instrument's form: heading and title first, the recitals, the formula, numbered sections, signatures.
  const at = (re: RegExp): number => accepted.findIndex((l) => re.test(l));
  assert.equal(at(/^ORDINANCE NO\./), 0);
  assert.ok(at(/^WHEREAS, /) > at(/^AN ORDINANCE/));
  assert.ok(at(/^NOW, THEREFORE/) > at(/^WHEREAS, /));
  assert.ok(at(/^Section 1\. Definitions\.$/) > at(/^NOW, THEREFORE/));
  assert.ok(at(/^\(a\) No Department/) > at(/^Section 2\./));
  assert.ok(at(/^\(1\) /) > at(/^\(b\) /));
  assert.ok(at(/^PASSED AND ADOPTED/) > at(/^Section 8\./));
  // The changes are tracked changes by ordkit inside that form.
  assert.match(red.doc, /<w:ins [^>]*w:author="ordkit"[^>]*>(?:(?!<\/w:ins>)[\s\S])*in writing /);
  assert.match(red.doc, /<w:del [^>]*w:author="ordkit"[^>]*>(?:(?!<\/w:del>)[\s\S])*Relation to existing law/);
  assert.match(red.doc, /<w:numPr>/);
  // Rejected, it reads as the old draft's words (the removed section back, "in writing" gone).
  const back = documentXmlLines(rejected(red.doc)).join("\n");
  assert.match(back, /Relation to existing law/);
  assert.doesNotMatch(back, /report the request in writing/);
  const old = parts(plainOld);
  const oldText = documentXmlLines(old.doc).join("\n");
  const unlabelled = (l: string): string => l.replace(/^(?:Section \d+\.|\([a-zA-Z0-9]+\)) /, "");
  for (const line of documentXmlLines(old.doc).map(unlabelled)) assert.ok(back.includes(line), `the old text "${line.slice(0, 60)}" is in the rejected redline`);
  assert.ok(oldText.length > 0);
  // Byte-identical for the same inputs.
  const again = path.join(dir, "r2.docx");
  assert.equal(runCli(["draft", "-a", ANSWERS, "--library", newLib, "--redline-against", fromRoot("clauses"), "-o", again]).status, 0);
  assert.ok(readFileSync(again).equals(readFileSync(redline)));
});
