// Checks on clause text: what a rendered clause must not contain, what its
// source must not hard-code, and which defined terms it uses.

/** Problems in rendered clause text: leftovers of templating and slips of drafting. */
export function renderedTextProblems(text: string): string[] {
  const out: string[] = [];
  if (text.trim() === "") return ["empty paragraph"];
  const find = (re: RegExp, what: (m: RegExpExecArray) => string): void => {
    for (const m of text.matchAll(new RegExp(re.source, re.flags.includes("g") ? re.flags : re.flags + "g"))) out.push(`${what(m)} in "${around(text, m.index, m[0].length)}"`);
  };
  find(/\{\{|\}\}/, () => "unrendered {{ }}");
  find(/\b(?:undefined|NaN)\b|\bnull\b(?! and void)|\[object Object\]/, (m) => `"${m[0]}"`);
  find(/ {2,}|\t/, () => "doubled space");
  find(/ [,.;:)]|\( /, (m) => `space next to "${m[0].trim()}"`);
  find(/,\s*,|;\s*;|(?<![.\s])\.\.(?!\.)/, (m) => `doubled punctuation "${m[0]}"`);
  find(/\b([A-Za-z]+)\s+\1\b/i, (m) => `doubled word "${m[0]}"`);
  return out;
}

/** Local names that mark a code citation as the jurisdiction's own, not external law. */
const LOCAL_CODE = /(?:Municipal|City|County|Town|Village|Borough|Township|Administrative|this|such)\s+Code$/;

/**
 * Section numbers typed into clause source text (numbers come from the writer)
 * and hard-coded jurisdiction names (names come from the answers). Citations of
 * external law ("8 U.S.C. § 1373", "section 287(g) of the Immigration and
 * Nationality Act") are allowed. Template expressions should be replaced by
 * a placeholder first (see withoutExpressions).
 */
export function placementProblems(text: string, jurisdictionNames: string[]): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/§§?\s*[\dA-Za-z]/g)) {
    const before = text.slice(Math.max(0, m.index - 40), m.index).trimEnd();
    const cited = /(?:U\.S\.C\.(?:A\.)?|C\.F\.R\.|Code(?: Ann\.)?|Stat(?:s|utes)?\.?(?: Ann\.)?|Laws|[A-Z][A-Za-z']*\.)$/.test(before);
    if (!cited || LOCAL_CODE.test(before)) out.push(`section number "${snippetFrom(text, m.index)}" in "${around(text, m.index, 2)}"`);
  }
  const ref = /\b(?:sub)?(?:sections?|secs?\.|paragraphs?|articles?|chapters?)\s+(?:\d[\w.–-]*(?:\(\w+\))*|\(\w+\)(?:\(\w+\))*|[IVXLC]+\b)/gi;
  for (const m of text.matchAll(ref)) {
    const tail = text
      .slice(m.index + m[0].length, m.index + m[0].length + 160)
      .replace(/^(?:\s*(?:,|and|or|through|to)?\s*(?:(?:sub)?(?:sections?|paragraphs?|clauses?|articles?)\s*)?(?:\d[\w.–-]*(?:\(\w+\))*|\(\w+\)(?:\(\w+\))*))*/i, "");
    const external = /^\s*,?\s*of\s+(?:the\s+)?(?!(?:this|that|such|said|Ordinance|Order|Resolution|Instrument|Charter)\b|(?:Municipal|City|County|Town|Village|Borough|Township|Administrative)\s+Code\b)(?:[A-Z]|\d|title\b)/.test(tail);
    if (!external) out.push(`section number "${m[0]}" in "${around(text, m.index, m[0].length)}"`);
  }
  for (const m of text.matchAll(/\b(?:City and County|City|County|Town|Village|Borough|Township|Parish|Municipality) of (?:the )?[A-Z][\w'’-]*/g)) {
    out.push(`jurisdiction name "${m[0]}" in "${around(text, m.index, m[0].length)}"`);
  }
  for (const name of jurisdictionNames) {
    for (const m of text.matchAll(new RegExp(`(?<![\\w-])${escapeRe(name)}(?![\\w-])`, "g"))) {
      out.push(`jurisdiction name "${name}" in "${around(text, m.index, m[0].length)}"`);
    }
  }
  return [...new Set(out)];
}

/** "City of Alameda Bay" -> ["City of Alameda Bay", "Alameda Bay"]; "Cascade County" -> [..., "Cascade"]. */
export function nameForms(name: string): string[] {
  const core = name
    .replace(/^(?:the\s+)?(?:City and County|City|County|Town|Village|Borough|Township|Parish|Municipality) of\s+/i, "")
    .replace(/\s+(?:City|County|Town|Village|Borough|Township|Parish)$/i, "")
    .trim();
  return core && core !== name ? [name, core] : [name];
}

/** Template text with each {{ }} expression replaced by a placeholder no check matches. */
export function withoutExpressions(template: string): string {
  return template.replace(/\{\{[\s\S]*?\}\}/g, "…");
}

/**
 * The defined terms a text uses: Title Case, word-bounded, plural and
 * possessive forms included. A longer term wins over a term inside it
 * ("Department Officer" is not a use of "Department"), and a term followed by
 * "of" and a capitalized word is part of a proper name ("Department of
 * Homeland Security").
 */
export function termsUsed(text: string, terms: string[], except?: string): Set<string> {
  const found = new Set<string>();
  let masked = text;
  for (const term of [...terms].sort((a, b) => b.length - a.length || (a < b ? -1 : 1))) {
    const forms = [`${escapeRe(term)}(?:s|es)?`, ...(term.endsWith("y") ? [`${escapeRe(term.slice(0, -1))}ies`] : [])];
    const re = new RegExp(`(?<![\\w-])(?:${forms.join("|")})(?![\\w-])`, "g");
    masked = masked.replace(re, (m: string, offset: number, whole: string) => {
      if (/^\s+of\s+[A-Z]/.test(whole.slice(offset + m.length))) return m;
      if (term !== except) found.add(term);
      return " ".repeat(m.length);
    });
  }
  return found;
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

function around(text: string, index: number, length: number): string {
  const from = Math.max(0, index - 25);
  const to = Math.min(text.length, index + length + 25);
  return `${from > 0 ? "…" : ""}${text.slice(from, to)}${to < text.length ? "…" : ""}`;
}

function snippetFrom(text: string, index: number): string {
  return /^§§?\s*[^\s,;]+/.exec(text.slice(index))?.[0] ?? "§";
}
