// A county's or town's body or executive named like another kind of
// jurisdiction's: "THE CITY COUNCIL OF CASCADE COUNTY". Reads only the
// draft's jurisdiction, title and enacting formula, never the text analysis.
import type { Draft, RiskNote } from "../../draft.js";
import type { RiskContext } from "../context.js";
import { citeAuthority } from "../../legal/index.js";
import type { RuleMeta } from "../types.js";
import { native } from "../read/native.js";

export const meta: RuleMeta = {
  id: "jurisdiction-office-names",
  severity: "medium",
  title: "Body or executive named for another kind of jurisdiction",
  description:
    "Flags an enacting clause, title or signature line that names the legislative body or the executive after another kind of jurisdiction, such as the City Council of a county. Only the body state law or the charter gives the power can enact the measure, so the wrong name puts its adoption in doubt.",
  authorities: ["cal-gov-code-25000", "tex-loc-gov-code-81-001"],
  fix: "Name the body and the executive as state law or the charter names them (a county's Board of Supervisors, Board of County Commissioners or County Council; a town's Town Council or Select Board), in the answers' jurisdiction.legislative_body and jurisdiction.executive_title.",
};

const KIND_WORD = native(/\b(city|county|town|village|borough)\b/gi);

/** The kind words a phrase uses ("City Council" -> city), in lower case. */
function kindWords(phrase: string): Set<string> {
  return new Set([...phrase.matchAll(KIND_WORD)].map((m) => m[1]!.toLowerCase()));
}

/** The kind the place's own name states ("Cascade County", "Town of Ashford"), else null; "City and County of ..." states both. */
function kindOfPlace(place: string): Set<string> {
  return kindWords(place);
}

/** The enacting formula's "THE <body> OF <place>" (ordinances and resolutions). */
const FORMULA_RE = native(/\bTHE\s+((?:[A-Z][\w'’-]*\s+){0,5}?(?:COUNCIL|COMMISSION|BOARD|ASSEMBLY|LEGISLATURE|TRUSTEES|SUPERVISORS|COMMISSIONERS|SELECTMEN|SELECTBOARD|COURT))\s+OF\s+(?:THE\s+)?(.+?)(?=\s+(?:DOES|DO|HEREBY|AS\s+FOLLOWS)\b|[,:;]|$)/i);

export function check(draft: Draft, _context: RiskContext): RiskNote[] {
  const j = draft.jurisdiction;
  const fromFormula = FORMULA_RE.exec(draft.formula);
  // The place: the formula's, else the name; its kind: what the name says, else the answers' kind.
  const place = fromFormula?.[2] ?? j.name;
  let kinds = kindOfPlace(place);
  if (kinds.size === 0 && j.name) kinds = kindOfPlace(j.name);
  if (kinds.size === 0 && j.name && j.kind) kinds = new Set([j.kind]);
  if (kinds.size === 0) return [];
  const kindLabel = [...kinds].join(" and ");
  const notes: RiskNote[] = [];
  const wrong = (phrase: string): string | null => [...kindWords(phrase)].find((w) => !kinds.has(w)) ?? null;

  const body = fromFormula?.[1] ?? j.legislativeBody;
  const bodyWord = body ? wrong(body) : null;
  if (bodyWord) {
    notes.push(note(`The enacting clause names "${titleCase(body)}", a ${bodyWord}'s body, for a ${kindLabel} (${titleCase(place.trim())}).`, body));
  }
  const exec = j.executiveTitle;
  const execWord = exec ? wrong(exec) : null;
  if (execWord && exec !== body) {
    notes.push(note(`The executive is titled "${exec}", a ${execWord}'s office, for a ${kindLabel} (${j.name || place.trim()}).`, exec));
  }
  return notes;
}

/** A note on the whole draft (Word hangs it on the title). */
function note(message: string, named: string): RiskNote {
  return {
    rule: meta.id,
    severity: meta.severity,
    section: "document",
    paragraph: null,
    clause: null,
    quote: "",
    message,
    explanation: `A measure is adopted by the body that state law or the charter empowers, under its legal name, and signed by the officer who holds the named office; "${named}" names the office of another kind of jurisdiction. Counties act through a board of supervisors, a board of commissioners, a commissioners court or a county council, and towns through a town council, town board or select board, depending on the state. A wrong name invites a challenge to the adoption and must be corrected before introduction.`,
    authorities: meta.authorities.map((id) => citeAuthority(id, null)),
    suggestion: `Use the body's and the executive's names from the charter or state law (answers: jurisdiction.legislative_body, jurisdiction.executive_title); the interview offers the usual names for the kind of jurisdiction and its state.`,
  };
}

function titleCase(s: string): string {
  return s === s.toUpperCase() ? s.toLowerCase().replace(/\b\w/g, (c) => c.toUpperCase()).replace(/\bOf\b/g, "of") : s;
}
