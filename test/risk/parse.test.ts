// The Markdown / plain-text draft parser.
import { test } from "node:test";
import assert from "node:assert/strict";
import { parseTextDocument, parseTextDraft } from "../../src/core/parse/text.js";
import { walkParagraphs, type Draft } from "../../src/core/draft.js";
import { UserError } from "../../src/core/errors.js";

const MD = `---
state: CA
---
# ORDINANCE NO. 2026-014

AN ORDINANCE OF THE CITY OF ALAMEDA BAY RELATING TO THE USE OF CITY PROPERTY

WHEREAS, the City manages its property for the benefit of all residents; and

WHEREAS, public trust supports public safety;

NOW, THEREFORE, THE CITY COUNCIL OF THE CITY OF ALAMEDA BAY DOES ORDAIN AS FOLLOWS:

## Section 1. Definitions.

“Staging Area” means a location used to assemble personnel. <!-- a comment -->

**“Non-Public Area”** means an area not open to the general public.

SECTION 2. STAGING.

(a) No City department shall permit any agency to use a Non-Public Area as a Staging Area,
except:

(1) under a judicial warrant; or

(2) in an emergency, including:

(A) a fire; and

(B) a flood.

(b) The City Manager shall post signs.

§ 3. Severability. If any provision of this Ordinance is held invalid, the remainder is not affected.

PASSED AND ADOPTED by the City Council on March 2, 2026.

____________________
Mayor
`;

function paragraphIds(d: Draft): string[] {
  return d.sections.flatMap((s) => [...walkParagraphs(s.paragraphs)].map((p) => p.id));
}

test("parses head, recitals, formula, sections and nested subsections", () => {
  const { draft, lines, frontMatter } = parseTextDocument(MD, { file: "x.md", format: "md" });
  assert.deepEqual(frontMatter, { state: "CA" });
  assert.equal(draft.instrument, "ordinance");
  assert.equal(draft.number, "2026-014");
  assert.match(draft.title, /^AN ORDINANCE OF THE CITY OF ALAMEDA BAY/);
  assert.equal(draft.jurisdiction.name, "City of Alameda Bay");
  assert.equal(draft.jurisdiction.kind, "city");
  assert.equal(draft.jurisdiction.legislativeBody, "City Council");
  assert.equal(draft.date, "2026-03-02");
  assert.deepEqual(
    draft.recitals.map((r) => r.text),
    ["the City manages its property for the benefit of all residents", "public trust supports public safety"],
  );
  assert.match(draft.formula, /^NOW, THEREFORE/);
  assert.deepEqual(
    draft.sections.map((s) => [s.id, s.role, s.heading]),
    [
      ["section-1", "definitions", "Definitions"],
      ["section-2", "operative", "STAGING"],
      ["section-3", "closing", "Severability"],
    ],
  );
  assert.deepEqual(paragraphIds(draft), [
    "section-1#p1",
    "section-1#p2",
    "section-2#p1",
    "section-2#p1.1",
    "section-2#p1.2",
    "section-2#p1.2.1",
    "section-2#p1.2.2",
    "section-2#p2",
    "section-3#p1",
  ]);
  const s2 = draft.sections[1]!;
  assert.equal(s2.paragraphs[0]!.text, "No City department shall permit any agency to use a Non-Public Area as a Staging Area, except:");
  assert.equal(s2.paragraphs[0]!.children[1]!.children[0]!.text, "a fire; and");
  assert.equal(s2.paragraphs[0]!.numbered, true);
  assert.equal(draft.sections[0]!.paragraphs[0]!.text, "“Staging Area” means a location used to assemble personnel.", "comments removed");
  assert.equal(draft.sections[0]!.paragraphs[1]!.text, "“Non-Public Area” means an area not open to the general public.", "emphasis removed");
  assert.equal(draft.sections[2]!.paragraphs[0]!.text, "If any provision of this Ordinance is held invalid, the remainder is not affected.");
  assert.deepEqual(lines.get("section-2#p1"), { line: 22, endLine: 23 });
  assert.deepEqual(lines.get("recital-2"), { line: 10, endLine: 10 });
  assert.equal(draft.provenance.library.name, "parsed");
  assert.ok(draft.layout.some((b) => b.type === "signature"));
  assert.ok(!paragraphIds(draft).some((id) => /PASSED/.test(id)));
  assert.ok(!draft.sections.some((s) => [...walkParagraphs(s.paragraphs)].some((p) => /PASSED|Mayor/.test(p.text))), "closing lines stay out of sections");
});

test("plain text with hard wraps and an executive order's numbered directives", () => {
  const txt = [
    "EXECUTIVE ORDER NO. 2025-02",
    "",
    "WHEREAS, the City has a responsibility to manage its",
    "non-public property;",
    "",
    "NOW, THEREFORE, I, Jane Doe, Mayor of the City of Minneapolis, by the authority",
    "vested in me, hereby order:",
    "",
    "1. City Property. No City department shall permit any agency to use",
    "non-public areas as a staging area.",
    "",
    "2. Reporting. Employees shall report violations.",
  ].join("\n");
  const d = parseTextDraft(txt, { file: "eo.txt", format: "txt" });
  assert.equal(d.instrument, "executive-order");
  assert.equal(d.jurisdiction.name, "City of Minneapolis");
  assert.equal(d.recitals[0]!.text, "the City has a responsibility to manage its non-public property");
  assert.deepEqual(d.sections.map((s) => [s.id, s.heading]), [["section-1", "City Property"], ["section-2", "Reporting"]]);
  assert.equal(d.sections[0]!.paragraphs[0]!.text, "No City department shall permit any agency to use non-public areas as a staging area.");
});

test("text without recognizable sections becomes one section per block", () => {
  const d = parseTextDraft("The City shall not assist.\n\nThe City shall report.\n", { file: "t.txt", format: "txt" });
  assert.deepEqual(d.sections.map((s) => s.id), ["section-1", "section-2"]);
  assert.equal(d.sections[1]!.paragraphs[0]!.text, "The City shall report.");
});

test("a resolution with further-resolved clauses, and instrument override", () => {
  const txt = [
    "RESOLUTION NO. 7",
    "",
    "WHEREAS, public trust matters;",
    "",
    "NOW, THEREFORE, BE IT RESOLVED by the Town Council of the Town of Westbrook that the Town affirms that its services are available to all residents regardless of immigration status and that the Town Manager shall report on access to services.",
    "",
    "BE IT FURTHER RESOLVED that the Town Clerk shall send a copy of this resolution to the Governor.",
  ].join("\n");
  const d = parseTextDraft(txt, { file: "r.txt", format: "txt" });
  assert.equal(d.instrument, "resolution");
  assert.equal(d.jurisdiction.kind, "town");
  assert.equal(d.sections.length, 2);
  assert.equal(parseTextDraft(txt, { file: "r.txt", format: "txt", instrument: "ordinance" }).instrument, "ordinance");
});

test("roman numerals after letters, and (i) under (A)", () => {
  const md = ["Section 1. Lists.", "", "(h) eighth;", "", "(i) ninth item;", "", "(j) tenth:", "", "(1) one:", "", "(A) big a:", "", "(i) roman one;", "", "(ii) roman two."].join("\n");
  const d = parseTextDraft(md, { file: "l.md", format: "md" });
  assert.deepEqual(paragraphIds(d), ["section-1#p1", "section-1#p2", "section-1#p3", "section-1#p3.1", "section-1#p3.1.1", "section-1#p3.1.1.1", "section-1#p3.1.1.2"]);
});

test("bad options are user errors", () => {
  assert.throws(() => parseTextDraft("x", { file: "x", format: "rtf" as "md" }), UserError);
});

test("codified section numbers and article headings", () => {
  const txt = [
    "ARTICLE I. GENERAL PROVISIONS",
    "",
    "Sec. 2-101. Definitions.",
    "",
    "“Staging Area” means a location.",
    "",
    "ARTICLE II. PROHIBITIONS",
    "",
    "Sec. 2-102. Staging. No Department shall permit a Staging Area.",
  ].join("\n");
  const d = parseTextDraft(txt, { file: "c.txt", format: "txt" });
  assert.deepEqual(d.sections.map((s) => [s.id, s.heading, s.role]), [
    ["section-2-101", "Definitions", "definitions"],
    ["section-2-102", "Staging", "operative"],
  ]);
  assert.deepEqual(d.sections[1]!.paragraphs.map((p) => p.text), ["No Department shall permit a Staging Area."]);
  assert.ok(d.layout.some((b) => b.type === "heading" && b.text.startsWith("ARTICLE II")));
});

test("a number line stays a heading; empty text is a user error; formats by extension", async () => {
  const d = parseTextDraft("EXECUTIVE ORDER NO. 2025-4\nA FAIR AND WELCOMING CITY\n\nWHEREAS, x;\n\nNOW, THEREFORE, I, Pat Lee, Mayor of the City of Springfield, hereby order:\n\n1. Reporting. The City Administrator shall report.\n", { file: "e.txt", format: "txt" });
  assert.equal(d.number, "2025-4");
  assert.equal(d.title, "A FAIR AND WELCOMING CITY");
  assert.throws(() => parseTextDraft("  \n\n<!-- nothing -->\n", { file: "e.md", format: "md" }), UserError);
  const { textFormatFor } = await import("../../src/core/parse/text.js");
  assert.equal(textFormatFor("a/B.MD"), "md");
  assert.equal(textFormatFor("b.txt"), "txt");
  assert.equal(textFormatFor("c.docx"), null);
});

test("continuation paragraphs stay with their numbered directive", () => {
  const txt = "EXECUTIVE ORDER NO. 5\n\nNOW, THEREFORE, I, the Mayor of the City of Springfield, hereby order:\n\n1. Access. City departments shall not condition services on status.\n\nThe City Administrator shall issue guidance.\n\n2. Reporting. The City Administrator shall report.\n";
  const d = parseTextDraft(txt, { file: "e.txt", format: "txt" });
  assert.deepEqual(d.sections.map((s) => [s.id, s.paragraphs.length]), [["section-1", 2], ["section-2", 1]]);
});
