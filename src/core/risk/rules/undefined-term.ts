// A Capitalized Term used like a defined term but never defined, in a draft
// that has a definitions section.
import type { Draft, RiskNote } from "../../draft.js";
import type { RiskContext } from "../context.js";
import { makeNote, modelFor, type DraftModel } from "../model.js";
import type { RuleMeta } from "../types.js";
import { fromStart, native } from "../read/native.js";

export const meta: RuleMeta = {
  id: "undefined-term",
  severity: "low",
  title: "Capitalized term that is never defined",
  description:
    "In a draft with a definitions section, flags a Capitalized Term used like a defined term (\"Staging Area\", \"Covered Agency\") that the definitions never define. An undefined operative term leaves the provision's reach to a court and, in a penalty provision, invites a vagueness challenge.",
  authorities: ["grayned-1972"],
  fix: "Define the term in the definitions section, or use an existing defined term, or write it in lower case if it is meant in its ordinary sense.",
};

const HEADS = new Set(
  [
    "agency", "officer", "area", "enforcement", "warrant", "operation", "information", "data", "personnel", "facility", "location", "covering",
    "vehicle", "entity", "activity", "action", "authority", "zone", "site", "space", "request", "detainer", "property", "official", "employee",
    "agent", "purpose", "assistance", "base", "identification", "individual", "person", "record", "premises", "place",
  ].flatMap((w) => [w, plural(w)]),
);
const PROPER = native(/\b(?:Department|Office|Council|Board|Patrol|Services?|Administration|Bureau|Commission|Court|Act|Code|Constitution|Amendment|Charter|Mayor|Chief|Sheriff|Attorney|Clerk|Manager|Governor|States|Homeland|Customs|Border|Police|Security|Investigations|Removal|Marshals|Supreme|Circuit|District|Congress|Legislature|Assembly|Senate|Executive|Order|Ordinance|Resolution|Section|Article|Chapter|Title|Federal\s+Register)\b/);
const LEADING = native(/^(?:No|The|Any|Each|Every|A|An|All|Such|This|That|These|Those|If|When|Whenever|Where|Except|Nothing|Unless|Notwithstanding|Subject|Upon|Before|After|During|While|In|On|For|Of|To|By|With|Within|Under|Its|Their|Our|Other|Further|Said|And|Or|But)\s+/);

function plural(w: string): string {
  if (w.endsWith("y")) return w.slice(0, -1) + "ies";
  if (w.endsWith("s")) return w;
  return w + "s";
}
function norm(s: string): string {
  return s
    .toLowerCase()
    .split(/\s+/)
    .map((w) => w.replace(/ies$/, "y").replace(/(?<!s)s$/, ""))
    .join(" ");
}

const CAPITALISED_PHRASE_RE = native(/\b[A-Z][a-z]+(?:-[A-Z][a-z]+)*(?:\s+(?:of\s+|and\s+)?[A-Z][a-z]+(?:-[A-Z][a-z]+)*)*\b/g);
const BODY_NAME_HEAD_RE = native(/\b(?:Commission|Department|Office|Bureau|Board|Council|Committee|Division|Agency|Institute|Academy|Center|Centre|Association|Court|Task\s+Force)\s+(?:on|for|of)\s+$/);
export function check(draft: Draft, context: RiskContext): RiskNote[] {
  const m = modelFor(draft, context);
  if (!m.hasDefinitions) return [];
  const defined = [...m.terms.values()].map((t) => norm(t.term));
  const reported = new Set<string>();
  const notes: RiskNote[] = [];
  const proper = properNames(m);
  for (const u of m.units) {
    if (u.kind !== "paragraph") continue;
    const text = u.text;
    // Mask quoted terms (definitions themselves) and known names.
    let masked = text.replace(/[“"][^”"]*[”"]/g, (s) => " ".repeat(s.length));
    for (const p of proper) masked = masked.replace(p, (s) => " ".repeat(s.length));
    masked = blankSpans(masked, u.analysis.actors.filter((a) => a.cls === "named-agency"));
    const re = fromStart(CAPITALISED_PHRASE_RE);
    let mm: RegExpExecArray | null;
    while ((mm = re.exec(masked)) !== null) {
      let start = mm.index;
      let phrase = mm[0];
      let lead: RegExpExecArray | null;
      let hadDeterminer = false;
      while ((lead = LEADING.exec(phrase)) !== null) {
        start += lead[0].length;
        phrase = phrase.slice(lead[0].length);
        hadDeterminer = true;
      }
      const words = phrase.split(/\s+/);
      const head = words[words.length - 1]!.toLowerCase();
      if (!HEADS.has(head)) continue;
      if (PROPER.test(phrase)) continue;
      if (/\s(?:of|and)$/.test(phrase)) continue;
      // Only the few characters before the phrase matter: a bounded window keeps this linear.
      const before = masked.slice(Math.max(0, start - 40), start);
      const sentenceStart = /(?:^|[.;:]\s*|\(\w{1,4}\)\s*)$/.test(before);
      // The tail of a body's name: "the Texas Commission on Law Enforcement".
      if (BODY_NAME_HEAD_RE.test(before)) continue;
      if (words.length === 1) {
        // A single capitalized word counts only mid-sentence after a determiner ("any Officer").
        if (!hadDeterminer && !/\b(?:any|each|every|no|a|an|the|such)\s+$/.test(before)) continue;
        if (sentenceStart) continue;
      } else if (sentenceStart && !hadDeterminer && words.length === 2 && !/^[A-Z]/.test(words[1]!)) continue;
      const n = norm(phrase);
      if (defined.some((d) => d === n || n.endsWith(" " + d) || d.startsWith(n + " ") || d.endsWith(" " + n))) continue;
      if (reported.has(n)) continue;
      reported.add(n);
      const quote = text.slice(start, start + phrase.length);
      notes.push(
        makeNote(meta, u, {
          severity: "low",
          quote,
          message: `“${quote}” is capitalized like a defined term but the definitions do not define it.`,
          explanation:
            "A capitalized term signals a defined meaning. If the definitions section does not supply one, the reach of the provision is left to a court, and an operative or penalty provision with an uncertain key term invites a vagueness challenge (Grayned v. City of Rockford).",
          suggestion: `Add a definition of “${quote}” to the definitions section, use an existing defined term${defined.length ? ` (${[...m.terms.values()].map((t) => `“${t.term}”`).slice(0, 4).join(", ")})` : ""}, or write it in lower case.`,
        }),
      );
    }
  }
  return notes;
}

/** The text with the spans blanked out, in one pass (spans in any order). */
function blankSpans(text: string, spans: ReadonlyArray<{ start: number; end: number }>): string {
  if (!spans.length) return text;
  const parts: string[] = [];
  let at = 0;
  for (const sp of [...spans].sort((a, b) => a.start - b.start)) {
    const s = Math.max(sp.start, at);
    if (sp.end <= s) continue;
    parts.push(text.slice(at, s), " ".repeat(sp.end - s));
    at = sp.end;
  }
  parts.push(text.slice(at));
  return parts.join("");
}

function properNames(m: DraftModel): RegExp[] {
  const out: RegExp[] = [/\bUnited States\b/g, /\bU\.S\./g];
  const name = m.draft.jurisdiction?.name;
  if (name) out.push(new RegExp(name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"), "g"));
  return out;
}
