// Plain-language input: what a clerk types for a state or a date, read as the
// answers file writes it.
import { findJurisdiction } from "../legal/index.js";

/**
 * A state or territory from its postal code or its name, in any case
 * ("wa", "Washington", "district of columbia"), as ordkit's legal data names
 * it; null when it is neither.
 */
export function stateCode(text: string): string | null {
  return findJurisdiction(text)?.code ?? null;
}

const MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

/**
 * A date typed as 2026-12-15, 12/15/2026 (US order) or December 15, 2026
 * (also "Dec. 15, 2026" and "15 December 2026") as YYYY-MM-DD; null when it
 * is not a calendar date in one of these forms.
 */
export function isoDate(text: string): string | null {
  const t = text.trim().replace(/\s+/g, " ");
  let y: number, m: number, d: number;
  let r: RegExpExecArray | null;
  if ((r = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t))) [y, m, d] = [Number(r[1]), Number(r[2]), Number(r[3])];
  else if ((r = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(t))) [y, m, d] = [Number(r[3]), Number(r[1]), Number(r[2])];
  else if ((r = /^([A-Za-z]+)\.? (\d{1,2}),? (\d{4})$/.exec(t))) [y, m, d] = [Number(r[3]), month(r[1]!), Number(r[2])];
  else if ((r = /^(\d{1,2}) ([A-Za-z]+)\.?,? (\d{4})$/.exec(t))) [y, m, d] = [Number(r[3]), month(r[2]!), Number(r[1])];
  else return null;
  if (!(m >= 1 && m <= 12) || d < 1 || d > new Date(Date.UTC(y, m, 0)).getUTCDate()) return null;
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

function month(word: string): number {
  const w = word.toLowerCase();
  if (w.length < 3) return 0;
  return MONTHS.findIndex((m) => m.startsWith(w) || (w === "sept" && m === "september")) + 1;
}
