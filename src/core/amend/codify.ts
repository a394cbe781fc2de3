// Turning a provision of the draft into code text: references to "this
// Ordinance" become references to the chapter, and the effective date it
// speaks of becomes the date of the ordinance that adds the text, as code
// publishers write it. The draft's definitions are merged into the chapter's
// definitions section, keeping the definitions the draft does not give.
import type { Paragraph } from "../draft.js";

/** Rewrites, in order (the first sees "effective date of this Ordinance" before the general rule). */
function rewrites(ordinance: string): Array<[RegExp, string]> {
  return [
    [/\bthe effective date of this Ordinance\b/g, `the effective date of ${ordinance}`],
    [/\bthis Ordinance\b/g, "this chapter"],
    [/\bThis Ordinance\b/g, "This chapter"],
  ];
}

/** "Ordinance No. 2026-031", or "the ordinance adding this section" when the draft has no number yet. */
export function ordinanceName(number: string): string {
  return number ? `Ordinance No. ${number}` : "the ordinance that added this section";
}

export function codifyText(text: string, number: string): string {
  let out = text;
  for (const [re, to] of rewrites(ordinanceName(number))) out = out.replace(re, to);
  return out;
}

/** A provision's paragraphs as code text, with ids in the code section ("code-2.72.060#p1"). */
export function codifyParagraphs(ps: Paragraph[], number: string, prefix: string): Paragraph[] {
  return ps.map((p, i) => {
    const id = `${prefix}${i + 1}`;
    return { id, text: codifyText(p.text, number), numbered: p.numbered, children: codifyParagraphs(p.children, number, `${id}.`) };
  });
}

const TERM_RE = /^\s*[“"]([^”"]{1,80})[”"]/;

function termOf(text: string): string | null {
  const m = TERM_RE.exec(text);
  return m ? m[1]!.trim().toLowerCase() : null;
}

/**
 * The chapter's definitions with the draft's merged in: a term both define
 * takes the draft's text, a new term goes in alphabetical order, every other
 * paragraph stays. Returns paragraphs without ids (codifyParagraphs gives them).
 */
export function mergeDefinitions(existing: Paragraph[], draftDefs: Paragraph[]): Paragraph[] {
  const defs = draftDefs.flatMap((p) => (termOf(p.text) ? [p] : p.children.filter((c) => termOf(c.text))));
  const fresh = new Map(defs.map((d) => [termOf(d.text)!, d]));
  const oldDefs = existing.filter((p) => termOf(p.text));
  if (!oldDefs.length) return draftDefs;
  const numbered = oldDefs.filter((p) => p.numbered).length * 2 > oldDefs.length;
  const out: Paragraph[] = existing.map((p) => {
    const t = termOf(p.text);
    const mine = t ? fresh.get(t) : undefined;
    if (!mine) return p;
    fresh.delete(t!);
    return { ...p, text: mine.text, children: mine.children };
  });
  const collator = (a: string, b: string): number => a.localeCompare(b, "en", { sensitivity: "base" });
  for (const [term, d] of [...fresh.entries()].sort((a, b) => collator(a[0], b[0]))) {
    const para: Paragraph = { id: "", text: d.text, numbered, children: d.children };
    const at = out.findIndex((p) => {
      const t = termOf(p.text);
      return t !== null && collator(t, term) > 0;
    });
    if (at >= 0) out.splice(at, 0, para);
    else {
      const lastDef = out.map((p) => termOf(p.text) !== null).lastIndexOf(true);
      out.splice(lastDef + 1, 0, para);
    }
  }
  return out;
}
