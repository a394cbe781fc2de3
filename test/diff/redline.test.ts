// The redline DOCX: real tracked changes (w:ins / w:del by "ordkit"), moves
// as deletion + insertion with comments, a summary first page, no overwrite
// without --force, byte-identical output, LibreOffice reads the revisions;
// and `ordkit textconv` for git diff.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { unzipSync } from "fflate";
import { runCli } from "../run-cli.js";
import { tempDir } from "../tmp.js";

const OLD = "test/diff/fixtures/lib-old";
const NEW = "test/diff/fixtures/lib-new";
const soffice = spawnSync("soffice", ["--version"], { encoding: "utf8" }).status === 0;
const skip = soffice ? false : process.env.CI ? false : "LibreOffice is not installed (CI installs it)";

function redline(dir: string, name = "redline.docx", env: Record<string, string> = {}): { file: string; xml: string; comments: string } {
  const file = path.join(dir, name);
  // --source: the clauses' template source, where this fixture's moves and renames show (library-redline.test.ts covers the rendered form).
  const r = runCli(["diff", OLD, NEW, "--out", file, "--source"], { env });
  assert.equal(r.status, 1, r.stderr);
  assert.match(r.stderr, /wrote .*\.docx \(/);
  const files = unzipSync(readFileSync(file));
  const text = (n: string): string => new TextDecoder().decode(files[n]!);
  return { file, xml: text("word/document.xml"), comments: text("word/comments.xml") };
}

test("redline: tracked insertions and deletions with the expected words, by ordkit", () => {
  const { xml, comments } = redline(tempDir());
  assert.match(xml, /<w:del w:id="\d+" w:author="ordkit" w:date="2026-11-01T00:00:00Z">(?:(?!<\/w:del>)[\s\S])*<w:delText[^>]*>shall<\/w:delText>/);
  assert.match(xml, /<w:ins w:id="\d+" w:author="ordkit" w:date="2026-11-01T00:00:00Z">(?:(?!<\/w:ins>)[\s\S])*<w:t[^>]*>may<\/w:t>/);
  // The removed clause is deleted, the added one inserted.
  assert.match(xml, /<w:delText[^>]*>The Town Clerk shall report each request to the Council\.<\/w:delText>/);
  assert.match(xml, /<w:ins [^>]*>(?:(?!<\/w:ins>)[\s\S])*The Town Clerk publishes a notice/);
  // The move: deleted at ¶2, inserted at ¶3, comments naming the other place.
  assert.match(xml, /<w:delText[^>]*>Only in an ordinance\.<\/w:delText>/);
  assert.match(comments, /Moved from ¶2 of ops\/rule/);
  assert.match(comments, /Moved to ¶3 of ops\/rule/);
  assert.match(comments, /Renamed: was findings\/one/);
  assert.match(comments, /variables\.days: default 30 → 45/);
  // One id counter across comments and revisions: every id is used once.
  const ids = [...xml.matchAll(/<w:(?:ins|del) w:id="(\d+)"/g)].map((m) => m[1]);
  const commentIds = [...comments.matchAll(/<w:comment [^>]*w:id="(\d+)"/g)].map((m) => m[1]);
  assert.ok(commentIds.length >= 5);
  assert.equal(new Set([...ids, ...commentIds]).size, ids.length + commentIds.length);
  // The first page summarizes.
  const first = xml.slice(0, xml.indexOf('w:type="page"'));
  assert.match(first, /COMPARISON OF CLAUSE LIBRARIES/);
  assert.match(first, /1 added, 1 removed, 2 changed, 1 renamed, 1 moved/);
  assert.match(first, /ops\/rule: version 1\.2\.0 → 1\.2\.1 is a patch bump, but the changes need a major bump/);
});

test("redline: byte-identical in any time zone; never overwrites without --force", () => {
  const dir = tempDir();
  const a = readFileSync(redline(dir, "a.docx").file);
  const b = readFileSync(redline(dir, "b.docx", { TZ: "Asia/Tokyo" }).file);
  assert.ok(a.equals(b));
  const out = path.join(dir, "keep.docx");
  writeFileSync(out, "keep me");
  const again = runCli(["diff", OLD, NEW, "--out", out, "--source"]);
  assert.equal(again.status, 2);
  assert.match(again.stderr, /already exists/);
  assert.equal(readFileSync(out, "utf8"), "keep me");
  const forced = runCli(["diff", OLD, NEW, "--out", out, "--force", "--source"]);
  assert.equal(forced.status, 1, forced.stderr);
  assert.ok(readFileSync(out).equals(a));
});

test("textconv prints the accepted text, one paragraph per line", () => {
  const { file } = redline(tempDir());
  const r = runCli(["textconv", file]);
  assert.equal(r.status, 0, r.stderr);
  const lines = r.stdout.split("\n");
  assert.ok(lines.includes("Every Zone may be posted within {{words days}} days by the {{office}}."), r.stdout);
  assert.ok(!r.stdout.includes("The Town Clerk shall report"), "deleted text is left out");
  assert.ok(lines.includes("ops/notice — Notice"));
  const notDocx = runCli(["textconv", "test/diff/fixtures/answers-old.yaml"]);
  assert.equal(notDocx.status, 2);
  assert.match(notDocx.stderr, /not a DOCX file/);
});

test("redline of two drafts from answers files", () => {
  const file = path.join(tempDir(), "drafts.docx");
  const r = runCli(["diff", "test/diff/fixtures/answers-old.yaml", "test/diff/fixtures/answers-new.yaml", "--library", "test/fixtures/mini-library", "--templates", "test/fixtures/mini-templates", "--out", file]);
  assert.equal(r.status, 1, r.stderr);
  const xml = new TextDecoder().decode(unzipSync(readFileSync(file))["word/document.xml"]!);
  assert.match(xml, /<w:delText[^>]*>Clerk<\/w:delText>/);
  assert.match(xml, /<w:t[^>]*>Manager<\/w:t>/);
  assert.match(xml, /w:date="2026-04-01T00:00:00Z"/);
});

test("LibreOffice opens the redline and sees tracked changes", { skip, timeout: 120_000 }, () => {
  const dir = tempDir();
  const { file } = redline(dir);
  const conv = spawnSync("soffice", [`-env:UserInstallation=file://${dir}/profile`, "--headless", "--convert-to", "fodt", "--outdir", dir, file], { encoding: "utf8", timeout: 100_000 });
  assert.equal(conv.status, 0, conv.stderr);
  const fodt = readFileSync(path.join(dir, "redline.fodt"), "utf8");
  assert.match(fodt, /<text:tracked-changes/);
  const regions = fodt.match(/<text:changed-region\b/g) ?? [];
  assert.ok(regions.length >= 6, `${regions.length} changed regions`);
  assert.match(fodt, /<text:deletion>/);
  assert.match(fodt, /<text:insertion>/);
  assert.match(fodt, /<dc:creator>ordkit<\/dc:creator>/);
  assert.match(fodt, /<office:annotation\b/);
});
