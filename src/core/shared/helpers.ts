// The helpers clause text and templates may use ({{words n}}, {{list xs}} ...),
// as plain functions; handlebars.ts registers them on its instance.
import { isCalendarDate } from "../text/answer-text.js";

const ONES = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"];
const TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];
const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** 30 -> "thirty"; 365 -> "three hundred sixty-five". */
export function numberWords(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 999_999) return String(n);
  if (n < 20) return ONES[n]!;
  if (n < 100) return TENS[Math.floor(n / 10)]! + (n % 10 ? "-" + ONES[n % 10]! : "");
  if (n < 1000) return ONES[Math.floor(n / 100)]! + " hundred" + (n % 100 ? " " + numberWords(n % 100) : "");
  return numberWords(Math.floor(n / 1000)) + " thousand" + (n % 1000 ? " " + numberWords(n % 1000) : "");
}

export function joinList(items: unknown, conj: "and" | "or"): string {
  const xs = (Array.isArray(items) ? items : [items]).map(String);
  if (xs.length <= 1) return xs.join("");
  if (xs.length === 2) return `${xs[0]} ${conj} ${xs[1]}`;
  return `${xs.slice(0, -1).join(", ")}, ${conj} ${xs[xs.length - 1]}`;
}

export function longDate(iso: unknown): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(iso));
  if (!m) return String(iso);
  // Dates are checked where they are read; this guards any path that was not.
  if (!isCalendarDate(m[0])) throw new Error(`"${m[0]}" is not a day of the calendar`);
  return `${MONTHS[Number(m[2]) - 1] ?? m[2]} ${Number(m[3])}, ${m[1]}`;
}

export const HELPERS: Record<string, (...args: unknown[]) => unknown> = {
  list: (xs) => joinList(xs, "and"),
  list_or: (xs) => joinList(xs, "or"),
  upper: (s) => String(s).toUpperCase(),
  lower: (s) => String(s).toLowerCase(),
  date_long: (d) => longDate(d),
  words: (n) => `${numberWords(Number(n))} (${String(n)})`,
  eq: (a, b) => a === b,
  titled: (term, office) => titledOffice(String(term), String(office)),
};

/**
 * An office's title with the jurisdiction word once: ("City", "Attorney") ->
 * "City Attorney"; ("City", "City Attorney") and ("County", "Clerk of the
 * County Board") stay as given.
 */
export function titledOffice(term: string, office: string): string {
  const t = office.trim();
  return new RegExp(`\\b${term.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\b`, "i").test(t) ? t : `${term} ${t}`;
}
