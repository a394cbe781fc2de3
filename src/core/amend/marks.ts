// The marked text of an amended code section: the current and the new
// paragraphs aligned and compared word by word with the diff engine's own
// functions (alignParagraphs, wordDiff), then turned into runs that writers
// underline (added) or strike through (deleted).
import type { Paragraph } from "../draft.js";
import { walkParagraphs } from "../draft.js";
import { alignParagraphs, Budget, wordDiff } from "../diff/text.js";
import type { ParaChange, UnitPara } from "../diff/model.js";
import type { MarkedParagraph, MarkedRun } from "./model.js";

interface Flat {
  unit: UnitPara;
  para: Paragraph;
}

/** Paragraphs depth first, as the diff engine's units ("2", "2.1" ...). */
function flatten(ps: Paragraph[]): Flat[] {
  const out: Flat[] = [];
  for (const p of walkParagraphs(ps)) {
    const path = p.id.slice(p.id.indexOf("#p") + 2);
    out.push({ unit: { path, role: "body", depth: path.split(".").length - 1, text: p.text }, para: p });
  }
  return out;
}

/** Every paragraph unmarked (an added section) or all one mark (a repealed one). */
export function wholeParagraphs(ps: Paragraph[], mark: "ins" | "del" | null, idSuffix = ""): MarkedParagraph[] {
  return flatten(ps).map(({ unit, para }) => ({
    id: para.id + idSuffix,
    depth: unit.depth,
    numbered: para.numbered,
    status: mark === "ins" ? "insert" : mark === "del" ? "delete" : "equal",
    runs: [{ text: para.text, mark }],
  }));
}

/** The old and new text of one section, merged with marks. */
export function markedParagraphs(oldPs: Paragraph[], newPs: Paragraph[], budget = new Budget()): MarkedParagraph[] {
  const oldF = flatten(oldPs);
  const newF = flatten(newPs);
  const oldBy = new Map(oldF.map((f) => [f.unit.path, f.para]));
  const newBy = new Map(newF.map((f) => [f.unit.path, f.para]));
  const out: MarkedParagraph[] = [];
  for (const c of alignParagraphs(oldF.map((f) => f.unit), newF.map((f) => f.unit), budget)) out.push(marked(c, oldBy, newBy));
  return out;
}

function marked(c: ParaChange, oldBy: Map<string, Paragraph>, newBy: Map<string, Paragraph>): MarkedParagraph {
  const o = c.old ? oldBy.get(c.old.path)! : null;
  const n = c.new ? newBy.get(c.new.path)! : null;
  switch (c.op) {
    case "equal":
      return { id: n!.id, depth: c.new!.depth, numbered: n!.numbered, status: "equal", runs: [{ text: n!.text, mark: null }] };
    case "insert":
    case "moveTo":
      return { id: n!.id, depth: c.new!.depth, numbered: n!.numbered, status: "insert", runs: [{ text: n!.text, mark: "ins" }] };
    case "delete":
    case "moveFrom":
      return { id: `${o!.id}~deleted`, depth: c.old!.depth, numbered: o!.numbered, status: "delete", runs: [{ text: o!.text, mark: "del" }] };
    case "change":
      return { id: n!.id, depth: c.new!.depth, numbered: n!.numbered || o!.numbered, status: "change", runs: c.words!.map((w) => ({ text: w.text, mark: w.op === "equal" ? null : w.op === "insert" ? "ins" : "del" })) };
  }
}

/** A heading compared word by word (whole replacement when the words share too little). */
export function markedHeading(oldText: string, newText: string, budget = new Budget()): MarkedRun[] {
  if (oldText === newText) return [{ text: newText, mark: null }];
  const words = wordDiff(oldText, newText, budget);
  if (!words) return [...(oldText ? [{ text: oldText, mark: "del" as const }, { text: " ", mark: null }] : []), { text: newText, mark: "ins" }];
  return words.map((w) => ({ text: w.text, mark: w.op === "equal" ? null : w.op === "insert" ? "ins" : "del" }));
}
