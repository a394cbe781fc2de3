// The DOCX writer zips docx's parts itself (once) instead of letting docx zip
// them and re-zipping: the bytes must be the same as the slow way's.
import { test } from "node:test";
import assert from "node:assert/strict";
import { Document, Packer, Paragraph, TextRun, CommentRangeStart, CommentRangeEnd, CommentReference } from "docx";
import { normalizeDocx, packDocx } from "../src/writers/docx/deterministic.js";

function sample(): Document {
  return new Document({
    creator: "ordkit",
    title: "Sample — “quotes” & <angles>",
    comments: { children: [{ id: 0, author: "ordkit", initials: "OK", date: new Date("2026-01-02T00:00:00Z"), children: [new Paragraph("a note")] }] },
    sections: [
      {
        children: [
          new Paragraph({ children: [new CommentRangeStart(0), new TextRun("Section text ünïcode"), new CommentRangeEnd(0), new TextRun({ children: [new CommentReference(0)] })] }),
          new Paragraph("Second paragraph"),
        ],
      },
    ],
  });
}

test("packDocx gives the bytes of Packer.toBuffer re-zipped by normalizeDocx", async () => {
  const fast = await packDocx(sample(), "2026-03-02");
  const slow = normalizeDocx(await Packer.toBuffer(sample()), "2026-03-02");
  assert.equal(Buffer.from(fast).subarray(0, 2).toString(), "PK");
  assert.ok(Buffer.from(fast).equals(Buffer.from(slow)), "same bytes");
});

test("the package date is the one given", async () => {
  const a = await packDocx(sample(), "2026-03-02");
  const b = await packDocx(sample(), "2026-03-03");
  assert.ok(!Buffer.from(a).equals(Buffer.from(b)));
});
