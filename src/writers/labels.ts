// Legislative numbering as text (Markdown, plain text): Section 1. / (a) / (1) / (A) / (i).
// The DOCX writer uses real Word numbering with the same formats.
import type { Paragraph } from "../core/draft.js";

export function sectionLabel(n: number): string {
  return `Section ${n}.`;
}

/** Label of the n-th (1-based) numbered paragraph at depth d (0 = directly under the section). */
export function paragraphLabel(depth: number, n: number): string {
  switch (depth % 4) {
    case 0:
      return `(${letters(n).toLowerCase()})`;
    case 1:
      return `(${n})`;
    case 2:
      return `(${letters(n)})`;
    default:
      return `(${roman(n)})`;
  }
}

/**
 * The labels leading to a paragraph, as a citation: "(a)(1)" for the first item
 * of subsection (a); unnumbered paragraphs add nothing. null: not in the list.
 */
export function paragraphPath(paragraphs: readonly Paragraph[], id: string, depth = 0): string | null {
  let n = 0;
  for (const p of paragraphs) {
    const label = p.numbered ? paragraphLabel(depth, ++n) : "";
    if (p.id === id) return label;
    const below = paragraphPath(p.children, id, depth + 1);
    if (below !== null) return label + below;
  }
  return null;
}

function letters(n: number): string {
  // a..z, then aa, bb, ... as legislative drafting does.
  const base = String.fromCharCode(65 + ((n - 1) % 26));
  return base.repeat(Math.floor((n - 1) / 26) + 1);
}

function roman(n: number): string {
  const table: Array<[number, string]> = [[10, "x"], [9, "ix"], [5, "v"], [4, "iv"], [1, "i"]];
  let out = "";
  for (const [v, s] of table) while (n >= v) { out += s; n -= v; }
  return out;
}
