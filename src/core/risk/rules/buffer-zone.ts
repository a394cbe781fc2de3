// Zones drawn by distance that take in streets and sidewalks open to the
// public (legal-landscape §1.6, §6).
import type { Draft, RiskNote } from "../../draft.js";
import type { RiskContext } from "../context.js";
import { frameOf, makeNote, modelFor, operativeUnits, type Unit } from "../model.js";
import type { RuleMeta } from "../types.js";
import { native } from "../read/native.js";

export const meta: RuleMeta = {
  id: "buffer-zone",
  severity: "medium",
  title: "Distance zone over public streets and sidewalks",
  description:
    "Flags restrictions on enforcement that apply within a distance of a place (\"within 1,000 feet of the courthouse\"). A distance zone takes in streets, sidewalks and other places open to the public, where a locality has the least power to exclude anyone; the United States sued Illinois in December 2025 over its 1,000-foot courthouse zone.",
  authorities: ["us-v-illinois-2025", "il-hb1312-2025", "king-county-2024", "mccullen-2014"],
  fix: "Limit the protection to the building and premises the government controls (courthouse, its grounds and parking) and to its own officers and proceedings; do not extend it by distance over public ways.",
};

const RESTRICTS_RE = native(/\b(?:privileged\s+from|shall\s+not|may\s+not|no\s+\w+(?:\s+\w+)?\s+shall|prohibit(?:ed|s|ion)?|(?:is|are)\s+not\s+(?:authorized|permitted)|barred)\b/i);
const ENFORCEMENT_RE = native(/\b(?:arrest|arrests|enforcement|detain|detention|officers?|agents?|agenc(?:y|ies)|operations?|troops?|armed\s+persons?)\b/i);

/** The unit restricts enforcement, itself or through the lead-in it continues. */
function restricts(u: Unit): boolean {
  const own = RESTRICTS_RE.test(u.text) && ENFORCEMENT_RE.test(u.text);
  // "shall not: (1) ... bring armed persons ... within fifty feet": the prohibition is the lead-in's,
  // the enforcement it reaches may be named in the item.
  let lead = u.parent ?? u.leadIn;
  while (!own && lead) {
    if (RESTRICTS_RE.test(lead.text) && (ENFORCEMENT_RE.test(lead.text) || ENFORCEMENT_RE.test(u.text))) return true;
    lead = lead.parent ?? lead.leadIn;
  }
  return own;
}

export function check(draft: Draft, context: RiskContext): RiskNote[] {
  const m = modelFor(draft, context);
  const notes: RiskNote[] = [];
  for (const u of operativeUnits(m)) {
    if (u.inExemptList) continue;
    const f = frameOf(u);
    if (!f.zone || !restricts(u)) continue;
    notes.push(
      makeNote(meta, u, {
        severity: "medium",
        quote: f.zone.text,
        clause: true,
        message: `Restricts enforcement in a zone drawn by distance (“${f.zone.text}”), which takes in public streets and sidewalks.`,
        explanation:
          "A government controls its own buildings and grounds, and a rule about them is the strongest form of protection. A zone drawn by distance reaches public ways, sidewalks and neighbouring property that are open to the public, where the jurisdiction has no proprietary interest and the least power to exclude anyone (public ways are traditional public fora: McCullen v. Coakley). Applied to federal officers it reads as regulating federal operations in public places (King County), and the United States sued Illinois on Dec. 22, 2025 over its 1,000-foot courthouse zone (outcome not yet known).",
        suggestion: "Limit the protection to the courthouse (or other facility), its grounds and parking that the government controls, and drop the distance-based extension.",
      }),
    );
  }
  return notes;
}
