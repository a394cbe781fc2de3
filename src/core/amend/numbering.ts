// How a code numbers its sections, and the next number in a chapter.
//   title.chapter.section  2.72.030  (Code Publishing / Quality Code style; three digits)
//   chapter.section        72.03     (American Legal style; two digits)
//   chapter-section        2-72      (Municode style; "Sec. 2-72", no padding)

export type NumberingStyle = "title.chapter.section" | "chapter.section" | "chapter-section";
export const NUMBERING_STYLES: readonly NumberingStyle[] = ["title.chapter.section", "chapter.section", "chapter-section"];

interface StyleDef {
  chapter: RegExp;
  sep: string;
  /** Digits of the section part (0: any). */
  pad: number;
  chapterExample: string;
  sectionExample: string;
}

const STYLES: Record<NumberingStyle, StyleDef> = {
  "title.chapter.section": { chapter: /^\d+[A-Z]?\.\d+[A-Z]?$/, sep: ".", pad: 3, chapterExample: "2.72", sectionExample: "2.72.030" },
  "chapter.section": { chapter: /^\d+[A-Z]?$/, sep: ".", pad: 2, chapterExample: "72", sectionExample: "72.03" },
  "chapter-section": { chapter: /^\d+[A-Z]?$/, sep: "-", pad: 0, chapterExample: "2", sectionExample: "2-72" },
};

/** Any section-number-like token: digits joined by dots or hyphens ("2.72.030", "2-72", "72.03"). */
export const ANY_SECTION_NUMBER = /^\d+[A-Z]?(?:[.-]\d+[A-Z]?)+$/;

export function chapterFits(style: NumberingStyle, chapter: string): boolean {
  return STYLES[style].chapter.test(chapter);
}

export function chapterExample(style: NumberingStyle): string {
  return STYLES[style].chapterExample;
}

export function sectionExample(style: NumberingStyle): string {
  return STYLES[style].sectionExample;
}

/** The section part of a number in the chapter ("030" of "2.72.030"), or null when it is not one. */
export function sectionPart(style: NumberingStyle, chapter: string, number: string): string | null {
  const def = STYLES[style];
  const prefix = chapter + def.sep;
  if (!number.startsWith(prefix)) return null;
  const rest = number.slice(prefix.length);
  if (!/^\d+$/.test(rest)) return null;
  if (def.pad && rest.length !== def.pad) return null;
  return rest;
}

/** "2.72.030" for the chapter "2.72" and 30. */
export function formatNumber(style: NumberingStyle, chapter: string, n: number): string {
  const def = STYLES[style];
  return `${chapter}${def.sep}${def.pad ? String(n).padStart(def.pad, "0") : String(n)}`;
}

/** The biggest section value a style can write (999 for three digits). */
export function maxSection(style: NumberingStyle): number {
  const pad = STYLES[style].pad;
  return pad ? 10 ** pad - 1 : Number.MAX_SAFE_INTEGER;
}

/**
 * The step the chapter counts by: 10 when every section is a multiple of 10
 * (2.72.010, 2.72.020 ...), 5 when every one is a multiple of 5, else 1.
 */
export function inferStep(values: number[]): number {
  if (values.length && values.every((v) => v % 10 === 0)) return 10;
  if (values.length && values.every((v) => v % 5 === 0)) return 5;
  return 1;
}

/** The next number after the highest one in use, on the step (2.72.050 -> 2.72.060). */
export function nextValue(used: number[], step: number): number {
  const top = used.length ? Math.max(...used) : 0;
  return (Math.floor(top / step) + 1) * step;
}

/** How the code itself heads a section: "2.72.030", "§ 72.03", "Sec. 2-72.". */
export function sectionCaption(style: NumberingStyle, number: string): string {
  if (style === "chapter.section") return `§ ${number}`;
  if (style === "chapter-section") return `Sec. ${number}.`;
  return number;
}
