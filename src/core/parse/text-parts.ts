// The text parser's helpers: cleaning a line (Markdown marks, trailing white
// space), list labels, run-in headings, section roles, recitals, and guessing
// the instrument, jurisdiction and date from a draft's heading.
import type { Instrument, Jurisdiction, JurisdictionKind, SectionRole } from "../draft.js";
import type { LabelKind, ParseOptions, SectionBuild } from "./text.js";
import { CLOSING_HEADING_RE, FORMULA_RE, MONTHS, STATES, WHEREAS_RE } from "./text.js";
export function cleanLine(line: string, md: boolean): { text: string; md: number } {
  // Trailing white space goes first, with trimEnd: a pattern ending in \s*$ is
  // tried at every position of a long run of spaces (quadratic time).
  let l = line.replace(/\t/g, "    ").trimEnd();
  if (!md) return { text: l, md: 0 };
  if (/^\s*_{3,}$/.test(l)) return { text: l.trim(), md: 0 }; // a signature line
  if (/^\s{0,3}(?:[-*_]\s*){3,}$/.test(l)) return { text: "", md: 0 };
  let level = 0;
  const h = /^\s{0,3}(#{1,6})(?:\s+|$)/.exec(l);
  if (h) {
    level = h[1]!.length;
    // An ATX heading's optional closing hashes, then the white space before them.
    l = l.slice(h[0].length).replace(/(?:^|\s)#+$/, "").trimEnd();
  }
  l = l.replace(/^\s{0,3}>\s?/, "");
  l = l.replace(/^\s{0,3}[-*+]\s+(?=\S)/, "");
  l = l.replace(/!\[([^\]]*)\]\([^)]*\)/g, "$1").replace(/\[([^\]]+)\]\([^)]*\)/g, "$1");
  l = l.replace(/\*\*|__/g, "");
  l = l.replace(/(^|[\s(“"])[*_](?=\S)([^*_\n]*?\S)[*_](?=[\s).,;:!?”"]|$)/g, "$1$2");
  l = l.replace(/`([^`]*)`/g, "$1");
  l = l.replace(/\\([\\`*_{}[\]()#+\-.!>|])/g, "$1");
  return { text: l.trimEnd(), md: level };
}

export function labelKind(label: string, stack: SectionBuild["stack"]): LabelKind {
  if (/^\d+$/.test(label)) return "digit";
  if (/^[ivxlc]+$/.test(label)) {
    // (i), (v), (x) may be letters: a letter if it follows the previous lower-case letter.
    const lower = stack.find((s) => s.kind === "lower");
    if (label.length === 1 && lower?.lastLetter && lower.lastLetter.charCodeAt(0) + 1 === label.charCodeAt(0)) return "lower";
    if (label.length === 1 && !stack.length) return "lower";
    if (label.length === 1 && !lower && !stack.some((s) => s.kind === "roman")) {
      // A first (i) under a digit or upper level is roman; under nothing it is a letter.
      return stack.length ? "roman" : "lower";
    }
    return "roman";
  }
  if (/^[a-z]+$/.test(label)) return "lower";
  if (/^[IVXLC]+$/.test(label) && label.length > 1) return "upper-roman";
  return "upper";
}

export function splitHeading(rest: string): { heading: string; body: string } {
  const r = rest.trim();
  if (!r) return { heading: "", body: "" };
  const m = /^([^.]{1,120}?)\.(?:\s+|$)([\s\S]*)$/.exec(r);
  if (m) {
    const first = m[1]!.trim();
    const words = first.split(/\s+/).length;
    if (words <= 12 && !/\b(?:shall|must|may|means|is|are|will)\b/.test(first) && !/^\(/.test(first)) return { heading: first, body: m[2]!.trim() };
  }
  const words = r.split(/\s+/).length;
  if (words <= 10 && !/\b(?:shall|must|may|means)\b/.test(r)) return { heading: r.replace(/[.:]$/, ""), body: "" };
  return { heading: "", body: r };
}

export function roleFor(heading: string): SectionRole {
  if (/\bdefinitions?\b/i.test(heading)) return "definitions";
  if (CLOSING_HEADING_RE.test(heading)) return "closing";
  return "operative";
}

export function stripRecital(t: string): string {
  return t
    .replace(WHEREAS_RE, "")
    .trimEnd()
    .replace(/;\s*(?:and|and,)?$/i, "")
    .trimEnd()
    .replace(/,\s*(?:and)?$/i, "")
    .trim();
}

export function parseDefinitionStart(t: string): boolean {
  return /^\s*[“"][^”"]{1,80}[”"]\s*(?:means|shall\s+mean|includes|refers\s+to)\b/i.test(t);
}

export function isTitleLike(t: string): boolean {
  const letters = t.replace(/[^A-Za-z]/g, "");
  return letters.length > 3 && letters === letters.toUpperCase() && t.length < 400;
}

export function guessInstrument(head: string, formula: string, all: string): Instrument {
  if (/\bEXECUTIVE\s+ORDER\b/i.test(head)) return "executive-order";
  if (/\bRESOLUTION\b/i.test(head)) return "resolution";
  if (/\bORDINANCE\b/i.test(head)) return "ordinance";
  if (/\bhereby\s+(?:order|direct)\b|\bORDERED\b/i.test(formula)) return "executive-order";
  if (/\bRESOLVED\b/i.test(formula)) return "resolution";
  if (/\bORDAIN/i.test(formula)) return "ordinance";
  const count = (re: RegExp): number => (all.match(re) ?? []).length;
  const counts: Array<[Instrument, number]> = [
    ["ordinance", count(/\bordinance\b/gi)],
    ["executive-order", count(/\bexecutive\s+order\b|\bthis\s+order\b/gi)],
    ["resolution", count(/\bresolution\b/gi)],
  ];
  counts.sort((a, b) => b[1] - a[1]);
  return counts[0]![1] > 0 ? counts[0]![0] : "ordinance";
}

export function guessJurisdiction(head: string, all: string, opts: ParseOptions): Jurisdiction {
  const given = opts.jurisdiction ?? {};
  const stop = "(?:of|OF|RELATING|CONCERNING|REGARDING|ESTABLISHING|AMENDING|ADDING|PROHIBITING|DOES|DO|HEREBY|AND|TO|ON|IN|FOR|THE|AS|BY|WITH|Does|Hereby|And|Relating|Concerning|Regarding)\\b";
  const re = new RegExp(`\\b(City\\s+and\\s+County|City|County|Town|Village|Borough|CITY\\s+AND\\s+COUNTY|CITY|COUNTY|TOWN|VILLAGE|BOROUGH)\\s+(?:of|OF)\\s+((?!${stop})[A-Z][A-Za-z.'’-]*(?:\\s+(?!${stop})[A-Z][A-Za-z.'’-]*){0,3})`);
  const m = re.exec(formula(head)) ?? re.exec(head) ?? re.exec(all);
  let kind: JurisdictionKind = "city";
  let name = "";
  if (m) {
    const w = m[1]!.toLowerCase();
    kind = (w.startsWith("city and county") ? "city" : w) as JurisdictionKind;
    name = `${titleCase(m[1]!)} of ${m[2] === m[2]!.toUpperCase() ? titleCase(m[2]!) : m[2]!.trim()}`;
  } else {
    const counts = (["City", "County", "Town", "Village", "Borough"] as const).map((k) => [k, (all.match(new RegExp(`\\b${k}\\b`, "g")) ?? []).length] as const);
    const best = [...counts].sort((a, b) => b[1] - a[1])[0]!;
    if (best[1] > 0) kind = best[0].toLowerCase() as JurisdictionKind;
  }
  const body =
    /\b(City\s+Council|Board\s+of\s+Supervisors|County\s+Board(?:\s+of\s+Commissioners)?|Board\s+of\s+(?:County\s+)?Commissioners|County\s+Commission|County\s+Council|Town\s+Council|Town\s+Board|Village\s+Board(?:\s+of\s+Trustees)?|Board\s+of\s+Trustees|Borough\s+Council|Board\s+of\s+Aldermen|Common\s+Council)\b/i.exec(all)?.[1] ?? DEFAULT_BODY[kind];
  const exec = /\b(Mayor|County\s+Executive|County\s+Judge|County\s+Manager|City\s+Manager|Town\s+Supervisor|Village\s+President|First\s+Selectman|Borough\s+President)\b/.exec(all)?.[1] ?? (kind === "county" ? "County Executive" : "Mayor");
  let state = opts.state?.toUpperCase() ?? "";
  if (!state) {
    for (const [full, code] of STATES) {
      if (new RegExp(`\\b${full}\\b`).test(head)) {
        state = code;
        break;
      }
    }
  }
  return {
    name: given.name ?? name,
    kind: given.kind ?? kind,
    state: given.state ?? state,
    legislativeBody: given.legislativeBody ?? titleCase(body),
    executiveTitle: given.executiveTitle ?? titleCase(exec),
    ...(given.executiveName ? { executiveName: given.executiveName } : {}),
  };
}

/** The formula line(s) of the head text, where the name is most reliably written. */
export function formula(head: string): string {
  return head
    .split("\n")
    .filter((l) => FORMULA_RE.test(l))
    .join("\n");
}

export const DEFAULT_BODY: Record<JurisdictionKind, string> = {
  city: "City Council",
  county: "Board of Supervisors",
  town: "Town Council",
  village: "Village Board",
  borough: "Borough Council",
};

export function titleCase(s: string): string {
  return s
    .replace(/\s+/g, " ")
    .split(" ")
    .map((w) => (/^(?:of|and)$/i.test(w) ? w.toLowerCase() : w[0]!.toUpperCase() + w.slice(1).toLowerCase()))
    .join(" ");
}

export function guessDate(text: string): string {
  const iso = /\b(20\d\d|19\d\d)-(\d\d)-(\d\d)\b/.exec(text);
  const long = /\b(January|February|March|April|May|June|July|August|September|October|November|December)\s+(\d{1,2}),\s+(\d{4})\b/i.exec(text);
  if (long && (!iso || long.index < iso.index)) {
    const mo = MONTHS.indexOf(long[1]!.toLowerCase()) + 1;
    return `${long[3]}-${String(mo).padStart(2, "0")}-${long[2]!.padStart(2, "0")}`;
  }
  if (iso) return iso[0];
  return "";
}
