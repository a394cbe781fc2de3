// The line forms the text parser recognizes: section headings in every form,
// findings openers, divisions, labels, WHEREAS, the enacting formula, closing
// and signature lines.
const SECTION_WORD_RE = /^(?:(?:Section|SECTION|Sec\.|SEC\.|Sec|SEC)\s+(\d+(?:[.-]\d+)*[A-Za-z]?)|§{1,2}\s*(\d+(?:[.-]\d+)*[A-Za-z]?))(?=[\s.:\-–—]|$)\s*[.:\-–—]?\s*([\s\S]*)$/;
/** A code's decimal section number before a short heading: "2.04 IDENTIFICATION." or "12.3 Facial coverings." */
const DECIMAL_SECTION_RE = /^(\d{1,3}\.\d{1,4}[A-Za-z]?)\s+([A-Z][^.;:]{1,80}[.:]?)$/;
/** Section headings in every form: "Section 3.", "Sec. 10-178.", "§ 46-37", and a decimal code number with its heading. */
export const SECTION_RE = {
  test: (t: string): boolean => sectionMatch(t) !== null,
  exec: (t: string): [string, string | undefined, string | undefined, string] | null => {
    const m = sectionMatch(t);
    return m ? [t, m.num, undefined, m.rest] : null;
  },
};
export function sectionMatch(t: string): { num: string; rest: string } | null {
  const w = SECTION_WORD_RE.exec(t);
  if (w) return { num: (w[1] ?? w[2])!, rest: w[3] ?? "" };
  const d = DECIMAL_SECTION_RE.exec(t);
  if (d && d[2]!.split(/\s+/).length <= 10 && !/\b(?:shall|must|may|means|is|are)\b/.test(d[2]!)) return { num: d[1]!, rest: d[2]! };
  return null;
}
/** Headings that open findings or recitals without WHEREAS: "PREAMBLE", "RECITALS", "FINDINGS", "LEGISLATIVE FINDINGS AND INTENT". */
export const FINDINGS_OPENER_RE = /^(?:PREAMBLE|RECITALS|(?:LEGISLATIVE\s+)?FINDINGS(?:\s+AND\s+(?:PURPOSE|DECLARATIONS?|INTENT))?)(?:[.:]\s*|$)/;
/** A label that numbers a finding: "A.", "1.", "(a)". */
export const FINDING_LABEL_RE = /^(?:[A-Z]|\d{1,2}|\([a-z0-9]{1,3}\))\.?\s+(?=\S)/;
export const DIVISION_RE = /^(?:ARTICLE|Article|CHAPTER|Chapter|PART|Part|TITLE|Title|DIVISION|Division)\s+(?:[IVXLC]+|\d+(?:[.-]\d+)*)\b(?:[.:\-–—]\s*[^.]{0,100}\.?)?$/;
export const HEADING_NUMBER_RE = /^(?:#+\s*)?(?:[A-Z][A-Za-z]*\s+){0,3}(?:ORDINANCE|RESOLUTION|EXECUTIVE\s+ORDER|ORDER|Ordinance|Resolution|Executive\s+Order)\s+(?:NO\.|No\.|NUMBER|Number|#)\s*[\w.-]+$/;
export const NUMBERED_RE = /^(\d{1,2})\.\s+([\s\S]*)$/;
export const LABEL_RE = /^\(([a-z]{1,5}|\d{1,3}|[A-Z]{1,5})\)\s*/;
export const DOT_LABEL_RE = /^([a-z]|\d{1,2})\.\s+(?=\S)/;
export const WHEREAS_RE = /^WHEREAS\b[,:]?\s*/i;
export const FORMULA_RE =
  /^(?:NOW,?\s+THEREFORE\b|BE\s+IT\s+(?:ORDAINED|RESOLVED|ENACTED)\b|THE\s+[A-Z][A-Z ,.'’-]+\s+(?:DOES|DO)\s+(?:HEREBY\s+)?(?:ORDAIN|RESOLVE)|IT\s+IS\s+HEREBY\s+ORDERED\b|I,\s+[^,]{2,60},[\s\S]{0,200}?\b(?:hereby\s+)?(?:order|direct)\b)/i;
export const FURTHER_RESOLVED_RE = /^(?:BE\s+IT\s+FURTHER\s+RESOLVED|FURTHER\s+RESOLVED|RESOLVED\s+FURTHER)\b/i;
export const CLOSING_RE =
  /^(?:PASSED|ADOPTED|APPROVED|ATTEST|ATTESTED|INTRODUCED|SIGNED|ENACTED|DATED|Dated|Signed|Approved|Attest|Passed|Adopted|Introduced|Effective:|First\s+reading|Second\s+reading|Vote:|Ayes|Nays|AYES|NAYS|_{3,}|\/s\/)/;
export const SIGNATURE_LABEL_RE = /^(?:Mayor|City\s+Clerk|County\s+Clerk|Clerk|County\s+Executive|Town\s+Clerk|Village\s+Clerk|Borough\s+Clerk|City\s+Attorney|County\s+Attorney|President|Chair(?:person)?)\b[^.]{0,60}$/;
export const NOTE_RE = /\bnot\s+legal\s+advice\b/i;
export const CLOSING_HEADING_RE = /\b(?:severab\w*|effective\s+date|effective|savings?|repeal\w*|codif\w*|conflicts?|publication|construction|liberal\s+construction|enactment)\b/i;

/** Full names to codes, longest first so "West Virginia" wins over "Virginia" (legal/jurisdictions.yaml). */
