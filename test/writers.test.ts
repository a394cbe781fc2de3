import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { unzipSync } from "fflate";
import { loadLibrary } from "../src/core/library/load.js";
import { checkAnswers } from "../src/core/interview/answers.js";
import { YamlSource } from "../src/core/shared/yaml-source.js";
import { assemble } from "../src/core/assemble/assemble.js";
import { writeMarkdown } from "../src/writers/markdown.js";
import { writeJson } from "../src/writers/json.js";
import { writeDocx } from "../src/writers/docx/index.js";
import { paragraphLabel, paragraphPath } from "../src/writers/labels.js";
import type { Draft } from "../src/core/draft.js";
import { fromRoot } from "./helpers.js";

const NAME = 'Town of A & B <"Test"> Peñasco';

function miniDraft(): Draft {
  const lib = loadLibrary(fromRoot("test/fixtures/mini-library"));
  const src = YamlSource.parse(readFileSync(fromRoot("test/fixtures/mini-answers.yaml")), "a.yaml");
  return assemble({ library: lib, answers: checkAnswers(src, lib), templatesDir: fromRoot("test/fixtures/mini-templates") });
}

test("labels follow Section 1. / (a) / (1) / (A) / (i)", () => {
  assert.deepEqual([paragraphLabel(0, 2), paragraphLabel(1, 3), paragraphLabel(2, 1), paragraphLabel(3, 4), paragraphLabel(0, 27)], ["(b)", "(3)", "(A)", "(iv)", "(aa)"]);
});

test("Markdown: numbered sections and paragraphs, the name comes out literally", () => {
  const md = writeMarkdown(miniDraft());
  assert.match(md, /^## Section 2\. Staging in the Town\.$/m);
  assert.match(md, /^\(a\) Every Zone shall/m);
  assert.match(md, /^\(2\) second child$/m);
  assert.match(md, /^\(b\) Only in an ordinance\.$/m);
  assert.match(md, /^WHEREAS, the Town manages its property for public purposes\.$/m);
  // Escaped for Markdown, so it renders as the literal name.
  assert.ok(md.includes('Town of A & B \\<"Test"\\> Peñasco'));
  assert.match(md, /Legal knowledge as of November 1, 2026/);
});

test("JSON is the Draft, stable and parseable", () => {
  const d = miniDraft();
  const json = JSON.parse(writeJson(d)) as Draft & { format: string };
  assert.equal(json.format, "ordkit-draft");
  assert.deepEqual(json.sections, d.sections);
  assert.equal(writeJson(d), writeJson(miniDraft()));
});

test("DOCX: literal name, real numbering, header, footer fields, provenance", async () => {
  const d = miniDraft();
  const files = unzipSync(await writeDocx(d, { lineNumbers: true }));
  const doc = new TextDecoder().decode(files["word/document.xml"]);
  assert.ok(doc.includes("Town of A &amp; B &lt;\"Test\"&gt; Peñasco") || doc.includes("Town of A &amp; B &lt;&quot;Test&quot;&gt; Peñasco"), "name escaped as XML, so Word shows it literally");
  assert.match(doc, /<w:lnNumType/);
  const numbering = new TextDecoder().decode(files["word/numbering.xml"]);
  for (const t of ["Section %1.", "(%2)", "(%3)", "(%4)"]) assert.ok(numbering.includes(`w:val="${t}"`), t);
  const headers = Object.keys(files).filter((f) => /word\/header\d*\.xml/.test(f)).map((f) => new TextDecoder().decode(files[f]));
  assert.ok(headers.some((h) => h.includes("DRAFT — March 2, 2026")));
  const footers = Object.keys(files).filter((f) => /word\/footer\d*\.xml/.test(f)).map((f) => new TextDecoder().decode(files[f]));
  // The instrument counts its own pages (the memo annex is a section of its own).
  assert.ok(footers.some((h) => h.includes("PAGEREF ordkit_instrument_end") && h.includes("PAGE")));
  assert.match(doc, /<w:bookmarkStart w:name="ordkit_instrument_end" w:id="\d+"\/>/);
  const custom = new TextDecoder().decode(files["docProps/custom.xml"]);
  assert.ok(custom.includes("ops/rule@1.2.0#"));
  assert.ok(custom.includes(d.provenance.answersHash!));
  const core = new TextDecoder().decode(files["docProps/core.xml"]);
  assert.ok(core.includes("2026-03-02T00:00:00Z"));
  assert.ok(NAME.length > 0);
});

test("DOCX bytes do not depend on the clock", async () => {
  const d = miniDraft();
  const a = await writeDocx(d);
  await new Promise((r) => setTimeout(r, 1100));
  const b = await writeDocx(d);
  assert.deepEqual(Buffer.from(a), Buffer.from(b));
});

test("DOCX: a risk note becomes a comment anchored on its quote", async () => {
  const d = miniDraft();
  d.riskNotes.push({
    rule: "direct-regulation",
    severity: "medium",
    section: "ops/rule",
    paragraph: "ops/rule#p1",
    clause: "ops/rule",
    quote: "posted within",
    message: "A test note.",
    explanation: "Because.",
    authorities: [{ id: "johnson-1920", cite: "Johnson v. Maryland, 254 U.S. 51 (1920)", url: "https://example.org", as_of: "2026-11-01", binding: true, reason: "binding everywhere (U.S. Supreme Court)" }],
    suggestion: "Say it otherwise.",
  });
  const files = unzipSync(await writeDocx(d));
  const doc = new TextDecoder().decode(files["word/document.xml"]);
  assert.match(doc, /<w:commentRangeStart w:id="0"\/>.*posted within.*<w:commentRangeEnd w:id="0"\/>/s);
  const comments = new TextDecoder().decode(files["word/comments.xml"]);
  assert.match(comments, /\[MEDIUM\] direct-regulation: A test note\./);
  assert.match(doc, /DRAFTER(&apos;|')S RISK MEMO/);
});

test("notes about the whole draft or the recitals as a whole are not lost: they hang on the title and the formula", async () => {
  const d = miniDraft();
  const base = { clause: null, quote: "", explanation: "", authorities: [{ id: "a", cite: "A", url: "https://example.org", as_of: "2026-11-01", binding: false, reason: "persuasive only" }], suggestion: "S.", paragraph: null };
  d.riskNotes.push({ ...base, rule: "state-preemption", severity: "info", section: "document", message: "Whole-draft note." });
  d.riskNotes.push({ ...base, rule: "hostile-recital", severity: "low", section: "recitals", message: "Recitals note." });
  const files = unzipSync(await writeDocx(d));
  const doc = new TextDecoder().decode(files["word/document.xml"]);
  assert.match(doc, /<w:commentRangeStart w:id="0"\/>.*RELATING TO.*<w:commentRangeEnd w:id="0"\/>/s);
  assert.match(doc, /<w:commentRangeStart w:id="1"\/>.*BE IT ORDAINED.*<w:commentRangeEnd w:id="1"\/>/s);
  const md = writeMarkdown(d);
  assert.match(md, /^# .*\n\n> \*\*Risk note \(info, state-preemption\):\*\* Whole-draft note\./m);
  assert.match(md, /BE IT ORDAINED.*\n\n> \*\*Risk note \(low, hostile-recital\):\*\* Recitals note\./);
});

test("paragraphPath cites a paragraph by its labels, so the memo tells two notes in one section apart", () => {
  const p = (id: string, numbered: boolean, children: Draft["sections"][number]["paragraphs"] = []) => ({ id, text: id, numbered, children });
  const paras = [p("lead", false), p("a", true, [p("a1", true), p("a2", true, [p("a2A", true)])]), p("b", true, [p("b-tail", false)])];
  assert.equal(paragraphPath(paras, "lead"), "");
  assert.equal(paragraphPath(paras, "a"), "(a)");
  assert.equal(paragraphPath(paras, "a2"), "(a)(2)");
  assert.equal(paragraphPath(paras, "a2A"), "(a)(2)(A)");
  assert.equal(paragraphPath(paras, "b-tail"), "(b)");
  assert.equal(paragraphPath(paras, "missing"), null);
});
