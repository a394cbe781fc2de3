// Reading drafts of thousands of jurisdictions keeps the reader's caches
// bounded: a batch over every municipality must not grow memory per row.
import { test } from "node:test";
import assert from "node:assert/strict";
import { analyzeText, buildTermTable, selfNamesFor } from "../../src/core/risk/read/index.js";
import { selfRegexes, termRegexes } from "../../src/core/risk/read/index.js";
import { BoundedCache } from "../../src/core/risk/read/cache.js";

test("the reader's compiled patterns stay bounded across 3,000 jurisdictions", () => {
  for (let i = 0; i < 3000; i++) {
    const self = selfNamesFor({ name: `City of Placename${i}`, kind: "city" });
    const terms = buildTermTable([{ text: `"Covered Agency ${i}" means any federal agency.`, id: "d" }], self);
    analyzeText(`No Placename${i} Police Department officer shall assist a Covered Agency ${i}.`, { terms, self });
  }
  assert.ok(selfRegexes.size <= selfRegexes.max, `selfRegexes holds ${selfRegexes.size}`);
  assert.ok(termRegexes.size <= termRegexes.max, `termRegexes holds ${termRegexes.size}`);
  assert.ok(selfRegexes.size > 0 && termRegexes.size > 0, "the caches are in use");
});

test("BoundedCache drops the least recently used entry", () => {
  const c = new BoundedCache<string, number>(2);
  let made = 0;
  c.get("a", () => ++made);
  c.get("b", () => ++made);
  c.get("a", () => ++made); // a is now the most recent
  c.get("c", () => ++made); // drops b
  assert.equal(c.size, 2);
  assert.equal(c.get("a", () => ++made), 1);
  assert.equal(c.get("b", () => ++made), 4);
});
