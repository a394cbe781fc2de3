// What text an answer may hold. Every answer ends up inside a sentence or a
// heading of a law, so one rule holds for answers files, batch cells, --date
// and clause variables alike: text that looks blank, line breaks, control
// characters, lone surrogates and impossible dates are refused with a located
// error; nothing is ever silently dropped or replaced.

/** Characters that show nothing: a value made only of these is blank. */
const BLANK = /^[\p{White_Space}\p{Default_Ignorable_Code_Point}]*$/u;
/** Leading and trailing space (and zero-width space, BOM, word joiner) that an answer's edges may carry. */
const EDGES = /^[\p{White_Space}\u200B\u2060\uFEFF]+|[\p{White_Space}\u200B\u2060\uFEFF]+$/gu;
/** Every character that ends a line somewhere: LF, CR, VT, FF, NEL, LINE SEPARATOR, PARAGRAPH SEPARATOR. */
const LINE_BREAK = /[\n\r\v\f\u0085\u2028\u2029]/;
/** Control characters (C0 with TAB, DEL, C1), lone surrogates and the noncharacters XML cannot carry. */
// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[\u0000-\u0009\u000E-\u001F\u007F-\u0084\u0086-\u009F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export interface TextIssue {
  message: string;
  hint: string;
}

function codePoint(s: string, i: number): string {
  return `U+${s.charCodeAt(i).toString(16).toUpperCase().padStart(4, "0")}`;
}

/** Why a text answer cannot go into a draft law, or null when it can. */
export function textProblem(value: string): TextIssue | null {
  const brk = LINE_BREAK.exec(value);
  if (brk) {
    return {
      message: `contains a line break (${codePoint(value, brk.index)}) at character ${brk.index + 1}`,
      hint: "an answer is text inside one sentence or heading of the law: write it on one line",
    };
  }
  const bad = FORBIDDEN.exec(value);
  if (bad) {
    const c = value.charCodeAt(bad.index);
    const what = c >= 0xd800 && c <= 0xdfff ? "half of a surrogate pair, which is not a character" : c === 0xfffe || c === 0xffff ? "a noncharacter" : c === 9 ? "a tab" : "a control character";
    return { message: `contains ${what} (${codePoint(value, bad.index)}) at character ${bad.index + 1}`, hint: c === 9 ? "use spaces" : "remove it; the text of a law holds printable characters only" };
  }
  if (BLANK.test(value)) {
    return { message: value === "" ? "is empty" : "is blank (only spaces or invisible characters)", hint: "give the text, or leave the answer out when the library allows it" };
  }
  return null;
}

// eslint-disable-next-line no-control-regex
const FORBIDDEN_IN_LIBRARY = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u0084\u0086-\u009F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Why text in a library file (clause text, titles, prompts) cannot go into a
 * draft, or null. Line breaks and tabs are layout there (text is folded into
 * paragraphs); control characters, lone surrogates and noncharacters are not.
 */
export function libraryTextProblem(value: string): TextIssue | null {
  const bad = FORBIDDEN_IN_LIBRARY.exec(value);
  if (!bad) return null;
  const c = value.charCodeAt(bad.index);
  const what = c >= 0xd800 && c <= 0xdfff ? "half of a surrogate pair, which is not a character" : c === 0xfffe || c === 0xffff ? "a noncharacter" : "a control character";
  return { message: `contains ${what} (${codePoint(value, bad.index)}) at character ${bad.index + 1}`, hint: "remove it; the text of a law holds printable characters only" };
}

/** The answer without the spaces at its edges (NBSP, ideographic and zero-width spaces included). */
export function trimText(value: string): string {
  return value.replace(EDGES, "");
}

/** A real day of the proleptic Gregorian calendar written YYYY-MM-DD (2026-02-30 and 2026-13-01 are not). */
export function isCalendarDate(value: unknown): value is string {
  if (typeof value !== "string") return false;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mo - 1]!;
  return d <= days;
}

/** Why a date answer is not a date, or null. */
export function dateProblem(value: unknown): string | null {
  if (isCalendarDate(value)) return null;
  if (typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value)) return `"${value}" is not a day of the calendar`;
  return `expected a quoted date "YYYY-MM-DD", got ${typeof value === "string" ? JSON.stringify(value.slice(0, 40)) : String(value)}`;
}
