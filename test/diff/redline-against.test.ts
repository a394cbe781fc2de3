import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { unzipSync } from "fflate";
import { fromRoot } from "../helpers.js";
import { runCli } from "../run-cli.js";
import { copyDir, tempDir } from "../tmp.js";

test("draft --redline-against shows what a new library changes in one jurisdiction's draft", () => {
  const newLib = copyDir(fromRoot("clauses"));
  const file = path.join(newLib, "property-use", "staging-ban.yaml");
  const text = readFileSync(file, "utf8");
  assert.ok(text.includes("report the request to the head"));
  writeFileSync(file, text.replace("report the request to the head", "report the request in writing to the head"));
  const dir = tempDir();
  const md = path.join(dir, "r.md");
  const args = ["draft", "-a", fromRoot("examples/alameda-bay-ca-ordinance.yaml"), "--library", newLib, "--redline-against", fromRoot("clauses")];
  const r = runCli([...args, "-o", md]);
  assert.equal(r.status, 0, r.stderr);
  assert.match(readFileSync(md, "utf8"), /report the request <ins>in writing <\/ins>to the head/);
  const docx = path.join(dir, "r.docx");
  assert.equal(runCli([...args, "-o", docx]).status, 0);
  const xml = new TextDecoder().decode(unzipSync(readFileSync(docx))["word/document.xml"]);
  assert.match(xml, /<w:ins [^>]*w:author="ordkit"[^>]*>.*?in writing /s);
  assert.equal(runCli(args).status, 2, "needs --out");
});
