// Notes quote the provision's own words: the clause that holds the keyword,
// from its subject, without the paragraph's label, within a bounded length,
// and always an exact substring of the paragraph as written.
import { test } from "node:test";
import assert from "node:assert/strict";
import { provisionQuote } from "../../src/core/risk/notes.js";
import type { Unit } from "../../src/core/risk/model.js";

const unit = (text: string, ownLength = text.length): Unit => ({ text, ownLength }) as unknown as Unit;

test("the quote is the clause that holds the keyword, from its subject, without the label", () => {
  const text = "(b) The City finds this necessary. No City department shall honor a civil immigration detainer; and no officer shall ask about status.";
  const at = text.indexOf("civil immigration detainer");
  const q = provisionQuote(unit(text), { start: at, end: at + 26, text: "civil immigration detainer" });
  assert.equal(q, "No City department shall honor a civil immigration detainer");
  assert.ok(text.includes(q));
});

test("a long clause is cut at a word, keeping its opening when the keyword is near it, or a window around a late keyword", () => {
  const words = Array.from({ length: 120 }, (_, i) => `word${i}`).join(" ");
  const early = `No agency shall use immigration detainers ${words}.`;
  const q1 = provisionQuote(unit(early), "immigration detainers");
  assert.ok(q1.startsWith("No agency shall use immigration detainers"));
  assert.ok(q1.length <= 280, `${q1.length}`);
  const late = `No agency shall ${words} use immigration detainers ${words}.`;
  const q2 = provisionQuote(unit(late), "immigration detainers");
  assert.ok(q2.includes("immigration detainers") && q2.length <= 280 && late.includes(q2));
  assert.ok(!/^\S*\s/.test(q2) || late.includes(` ${q2}`), "the window starts at a word");
});

test("a keyword outside the paragraph's own words (a lead-in read with its items) keeps the keyword as given", () => {
  const own = "No agency shall detain a person based on any of the following:";
  const whole = `${own} (1) An immigration detainer;`;
  assert.equal(provisionQuote(unit(whole, own.length), "immigration detainer"), "immigration detainer");
});

test("a direct-regulation note quotes the duty sentence, not a conduct word beside it", async () => {
  const { parseTextDocument } = await import("../../src/core/parse/text.js");
  const { runRules } = await import("../../src/core/risk/engine.js");
  const { buildContext } = await import("../../src/core/risk/context.js");
  const text = [
    "# ORDINANCE NO. 1",
    "",
    "Section 1. Definitions.",
    "",
    "“Law Enforcement Officer” means any officer of a federal, state, or local law enforcement agency.",
    "",
    "Section 2. Identification.",
    "",
    "(a) A uniform or badge that displays this information satisfies this section. A Law Enforcement Officer shall, on request, state the officer's name or badge number.",
    "",
  ].join("\n");
  const draft = parseTextDocument(text, { file: "t.md", format: "md" }).draft;
  const notes = runRules(draft, buildContext({ state: "CA", instrument: "ordinance", existing: {} })).filter((n) => n.rule === "direct-regulation");
  assert.equal(notes.length, 1);
  assert.match(notes[0]!.quote, /^A Law Enforcement Officer shall/);
  assert.doesNotMatch(notes[0]!.message, /dress/);
});
