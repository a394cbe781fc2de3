// Legislative numbering as text (Markdown, plain text): Section 1. / (a) / (1) / (A) / (i).
// The DOCX writer uses real Word numbering with the same formats.

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
