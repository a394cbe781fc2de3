// ordkit's legal knowledge at run time: the jurisdictions and authorities of
// legal/, compiled into data.generated.ts by the build, and what follows from
// them (which authorities bind where a draft will be adopted, how old the
// knowledge is). Core: never prints.
import { LEGAL } from "./data.generated.js";
import type { Authority } from "../draft.js";
import type { AuthorityEntry, Circuit, JurisdictionEntry } from "./types.js";

export type { AuthorityEntry, Binds, Circuit, JurisdictionEntry, LawStatus, LegalData, ModuleId, StateLawEntry, Verdict } from "./types.js";
export { CIRCUITS, LAW_STATUSES, MODULE_IDS } from "./types.js";

const byCode = new Map<string, JurisdictionEntry>(LEGAL.jurisdictions.map((j) => [j.code, j]));
const byName = new Map<string, JurisdictionEntry>(LEGAL.jurisdictions.map((j) => [normalName(j.name), j]));
const byId = new Map<string, AuthorityEntry>(LEGAL.authorities.map((a) => [a.id, a]));

/** Knowledge older than this, counted back from the draft's date, is reported as possibly stale. */
export const STALE_AFTER_DAYS = 90;

export function allJurisdictions(): readonly JurisdictionEntry[] {
  return LEGAL.jurisdictions;
}

/** Every postal code in jurisdictions.yaml, in file order. */
export const STATE_CODES: readonly string[] = Object.freeze(LEGAL.jurisdictions.map((j) => j.code));

export function jurisdiction(code: string | null | undefined): JurisdictionEntry | undefined {
  return code ? byCode.get(code.toUpperCase()) : undefined;
}

/** A jurisdiction by postal code or full name, any case ("mn", "Minnesota", "district of columbia"). */
export function findJurisdiction(input: string): JurisdictionEntry | undefined {
  const s = input.trim();
  return byCode.get(s.toUpperCase()) ?? byName.get(normalName(s)) ?? byName.get(normalName(`u.s. ${s}`));
}

function normalName(s: string): string {
  return s.toLowerCase().replace(/\s+/g, " ").trim();
}

export function allAuthorities(): readonly AuthorityEntry[] {
  return LEGAL.authorities;
}

export function authority(id: string): AuthorityEntry | undefined {
  return byId.get(id);
}

/** The authority with this id; a missing id is a programming error (the id test keeps them in step). */
export function requireAuthority(id: string): AuthorityEntry {
  const a = byId.get(id);
  if (!a) throw new Error(`unknown authority id "${id}"`);
  return a;
}

const ORDINALS: Record<string, string> = {
  "1st": "First", "2nd": "Second", "3rd": "Third", "4th": "Fourth", "5th": "Fifth", "6th": "Sixth",
  "7th": "Seventh", "8th": "Eighth", "9th": "Ninth", "10th": "Tenth", "11th": "Eleventh", DC: "D.C.",
};

/** "the Ninth Circuit" style name for messages. */
export function circuitName(circuit: string | null | undefined): string {
  if (!circuit) return "an unknown circuit";
  return `the ${ORDINALS[circuit] ?? circuit} Circuit`;
}

const LAW_WORDS: Record<string, string> = {
  statute: "statute", "executive-order": "executive order", "ag-opinion": "attorney general's opinion", "ag-directive": "attorney general's directive",
  case: "court ruling", constitution: "constitutional provision", bill: "bill", regulation: "regulation", order: "order",
};

export interface Weight {
  /** Whether the authority binds where the draft will be adopted. */
  binding: boolean;
  /** Why, in plain words: "persuasive in the Eighth Circuit (a Ninth Circuit decision)". */
  reason: string;
}

/** Whether an authority binds in a state (null: the state is not known). */
export function weightIn(a: AuthorityEntry, state: string | null): Weight {
  const here = jurisdiction(state);
  const b = a.binds;
  switch (b.scope) {
    case "everywhere":
      return { binding: true, reason: a.kind === "case" ? `binding everywhere (${a.court})` : "federal law; binding everywhere" };
    case "circuit": {
      const court = circuitName(b.circuit);
      if (!here) return { binding: false, reason: `binding only in ${court}; the draft's state is not known` };
      if (here.circuit === b.circuit) return { binding: true, reason: `binding in ${court}, which includes ${here.name}` };
      const decision = `a ${ORDINALS[b.circuit as Circuit] ?? b.circuit} Circuit decision`;
      if (!here.circuit) return { binding: false, reason: `persuasive only (${decision}); ${here.name} is in no federal circuit` };
      return { binding: false, reason: `persuasive in ${circuitName(here.circuit)} (${decision})` };
    }
    case "state": {
      const owner = jurisdiction(b.state);
      const name = owner?.name ?? b.state ?? "another state";
      const word = LAW_WORDS[a.kind] ?? a.kind;
      if (a.kind === "bill") return { binding: false, reason: `${name} bill; not law` };
      if (a.kind === "ag-opinion") return { binding: false, reason: here?.code === b.state ? `${name} attorney general's opinion; persuasive, not binding law` : `${name} attorney general's opinion; not law in ${here?.name ?? "other states"}` };
      if (!here) return { binding: false, reason: `${name} ${word}; law only in ${name}` };
      if (here.code === b.state) return { binding: true, reason: `${name} law, binding in ${name}` };
      return { binding: false, reason: `${name} ${word}; not law in ${here.name}` };
    }
    case "local":
      return { binding: false, reason: `${b.place ?? "a local"} ${LAW_WORDS[a.kind] ?? a.kind}; binds only ${b.place ?? "that place"} (an example elsewhere)` };
    case "none":
      return { binding: false, reason: `a ruling of the ${a.court}; persuasive only, it binds no other court` };
  }
}

/** Whole days from one YYYY-MM-DD date to another (negative when b is earlier). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

export interface Staleness {
  days: number;
  message: string;
}

/** A plain warning when the knowledge is more than STALE_AFTER_DAYS older than the draft's date; null otherwise. */
export function staleness(asOf: string, draftDate: string): Staleness | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf) || !/^\d{4}-\d{2}-\d{2}$/.test(draftDate)) return null;
  const days = daysBetween(asOf, draftDate);
  if (!(days > STALE_AFTER_DAYS)) return null;
  return {
    days,
    message: `ordkit's legal knowledge used here is as of ${asOf}, ${days} days before the draft's date (${draftDate}). The law in this field changes often: check for later rulings and statutes before relying on these notes.`,
  };
}

/** The closest of the candidates to a misspelled word, when one is close enough to suggest. */
export function didYouMean(word: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestD = Infinity;
  for (const c of candidates) {
    const d = editDistance(word, c);
    if (d < bestD) {
      best = c;
      bestD = d;
    }
  }
  return best !== undefined && bestD <= Math.max(2, Math.floor(word.length / 3)) ? best : undefined;
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur.push(Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1)));
    prev = cur;
  }
  return prev[b.length]!;
}

/** An authority as a note cites it, weighed for the state (null: not known). */
export function citeAuthority(id: string, state: string | null): Authority {
  const a = requireAuthority(id);
  return { id: a.id, cite: a.citation, url: a.url, as_of: a.as_of, ...weightIn(a, state) };
}

/** Binding authorities first, then persuasive ones, each group in the order given. */
export function groupByWeight<T extends { binding: boolean }>(list: readonly T[]): { binding: T[]; persuasive: T[] } {
  return { binding: list.filter((a) => a.binding), persuasive: list.filter((a) => !a.binding) };
}

/** One line for a report: "Binding: X (as of D; why). Persuasive: Y (as of D; why)." */
export function authorityLine(list: readonly Authority[]): string {
  const { binding, persuasive } = groupByWeight(list);
  const one = (a: Authority): string => `${a.cite} (as of ${a.as_of}; ${a.reason})`;
  const parts: string[] = [];
  if (binding.length) parts.push(`Binding: ${binding.map(one).join("; ")}.`);
  if (persuasive.length) parts.push(`Persuasive: ${persuasive.map(one).join("; ")}.`);
  return parts.join(" ");
}
