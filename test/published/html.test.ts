// HTML measures as code publishers and councils publish them: the main text
// with headings and subsection labels, without navigation or page furniture.
import { test } from "node:test";
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { fromRoot } from "../helpers.js";
import { runCli } from "../run-cli.js";
import { tempDir } from "../tmp.js";
import { htmlLines, htmlParagraphs } from "../../src/core/parse/html.js";

const fixture = (name: string): string => fromRoot("test", "fixtures", "published", name);

test("a code publisher's chapter page: headings, definitions and labels, no navigation, search, table of contents or footer", async () => {
  assert.deepEqual(await htmlLines(fixture("municipal-code-chunks.html")), [
    "Chapter 2.72 - USE OF CITY PROPERTY BY LAW ENFORCEMENT AGENCIES",
    "Sec. 2.72.010. - Definitions.",
    "For purposes of this chapter, the following terms have the following meanings:",
    "“Non-public area” means any area of City property that is not open to the general public, including employee parking lots, secured garages and fenced yards.",
    "“Staging area” means a location used to assemble personnel, vehicles or equipment before or after an enforcement operation.",
    "Sec. 2.72.020. - Use of non-public areas.",
    "(a) No City department shall permit any law enforcement agency to use a non-public area as a staging area for civil immigration enforcement.",
    "(b) Subsection (a) does not prohibit the use of City property in an emergency that threatens life or safety.",
    "Sec. 2.72.030. - Compliance with federal law.",
    "Nothing in this chapter shall be construed to prohibit any City officer or employee from taking any action required by federal law.",
    "(Ord. No. 2026-014, § 1, 3-3-2026)",
  ]);
});

test("a section page laid out in tables, in windows-1252 as it declares: the section number and lettered paragraphs", async () => {
  const lines = await htmlLines(fixture("code-sections-table-layout.html"));
  assert.equal(lines[0], "§ 46-37 Limits on civil immigration detainers.");
  assert.match(lines[1]!, /^A\. The Sheriff shall decline/);
  assert.match(lines[3]!, /8 U\.S\.C\. § 1373\.$/);
  assert.ok(!lines.some((l) => /Previous|Chapter 46|Print|Code content current/.test(l)), lines.join("\n"));
});

test("a council's agenda page: only the <main> article, list items as paragraphs", async () => {
  const lines = await htmlLines(fixture("council-agenda-item.html"));
  assert.equal(lines[0], "EXECUTIVE ORDER NO. 2026-03");
  assert.ok(lines.includes("Section 1. Facilities. City departments shall not permit any law enforcement agency to use non-public areas of City facilities as staging areas for civil immigration enforcement, except as required by law."), lines.join("\n"));
  assert.ok(!lines.some((l) => /Agendas|Related items|Main Street/.test(l)), lines.join("\n"));
});

test("check reads an HTML page like any other draft", () => {
  const r = runCli(["check", fixture("council-agenda-item.html"), "--state", "PA", "--format", "json", "--fail-on", "none"]);
  assert.equal(r.status, 0, r.stderr);
  const json = JSON.parse(r.stdout) as { kind: string; instrument: string };
  assert.equal(json.kind, "html");
  assert.equal(json.instrument, "executive-order");
});

test("bad HTML input: not UTF-8 without a declared charset, binary, empty of text, nested too deep", async () => {
  const dir = tempDir();
  const cases: Array<[string, Buffer, RegExp]> = [
    ["latin1.html", Buffer.from("<p>Caf\xe9 Ordinance</p>", "latin1"), /not valid UTF-8/],
    ["binary.html", Buffer.from([0x3c, 0x70, 0x3e, 0x00, 0x01]), /binary/],
    ["nav-only.html", Buffer.from("<nav><a>Home</a></nav><script>var x = 1;</script>"), /no text outside navigation/],
    ["deep.html", Buffer.from("<div>".repeat(5000) + "text"), /nests elements more than/],
    ["charset.html", Buffer.from('<meta charset="x-no-such-charset"><p>Text</p>'), /cannot decode/],
  ];
  for (const [name, bytes, pattern] of cases) {
    const file = path.join(dir, name);
    writeFileSync(file, bytes);
    const r = runCli(["check", file]);
    assert.equal(r.status, 2, `${name}: ${r.stdout}${r.stderr}`);
    assert.match(r.stderr, pattern, name);
    assert.ok(r.stderr.includes(name), `${name}: the error names the file`);
    assert.doesNotMatch(r.stderr, /\n\s+at /, "no stack trace");
  }
});

test("reading HTML is linear: a page of 20,000 paragraphs", async () => {
  const html = `<main>${Array.from({ length: 20_000 }, (_, i) => `<p>(${i}) Paragraph text of the chapter.</p>`).join("")}</main>`;
  const lines = await htmlParagraphs(html);
  assert.equal(lines.length, 20_000);
});
