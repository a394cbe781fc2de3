// The reader's word lists (words/*.yaml, compiled into words.gen.ts) turned
// into patterns. A list's words match whole and case-insensitively, longest
// first, with any run of white space between the words of a phrase; its
// patterns (for what a word list cannot say) are added as written.
import { WORD_LISTS, STATE_NAMES } from "./words.gen.js";
import { native } from "./native.js";

export type ListName = keyof typeof WORD_LISTS;

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** The source of a pattern that matches any entry of the list (no flags, no anchors). */
export function listSource(name: ListName): string {
  const list = WORD_LISTS[name];
  const words = [...list.words].sort((a, b) => b.length - a.length || (a < b ? -1 : 1)).map((w) => w.split(/\s+/).map(escapeRe).join("\\s+"));
  const parts = [...(words.length ? [`\\b(?:${words.join("|")})\\b`] : []), ...list.patterns.map((p) => `(?:${p})`)];
  return parts.length ? parts.join("|") : "(?!)";
}

const compiled = new Map<string, RegExp>();
/** The list as a RegExp with the given flags ("i" is always added); compiled once (lists are fixed). */
export function listRe(name: ListName, flags = ""): RegExp {
  const f = flags.includes("i") ? flags : flags + "i";
  const key = `${name}/${f}`;
  let re = compiled.get(key);
  if (!re) {
    re = native(new RegExp(listSource(name), f));
    compiled.set(key, re);
  }
  return re;
}

/** A state's name from its postal code ("CA" -> "California"), or null. */
export function stateName(code: string | null | undefined): string | null {
  return code ? (STATE_NAMES[code.toUpperCase()] ?? null) : null;
}
