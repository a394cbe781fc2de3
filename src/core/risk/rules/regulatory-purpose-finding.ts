// Findings or purpose clauses that state an aim to govern how outside
// officers work, even in neutral words (legal-landscape §6).
import type { Draft, RiskNote } from "../../draft.js";
import type { RiskContext } from "../context.js";
import { listRe } from "../read/lexicon.js";
import { isFinding, makeNote, modelFor } from "../model.js";
import type { RuleMeta } from "../types.js";

export const meta: RuleMeta = {
  id: "regulatory-purpose-finding",
  severity: "medium",
  title: "Findings state an aim to govern outside officers",
  description:
    "Flags recitals, findings and purpose clauses that declare an intent to define the duties, obligations or standards of federal or other outside officers, or to make them act like the jurisdiction's own police. Even without hostile words, a stated aim to govern how federal officers work is evidence of direct regulation (Johnson v. Maryland; the Ninth Circuit's Apr. 22, 2026 SB 805 ruling).",
  authorities: ["johnson-1920", "california-9th-2026", "north-dakota-1990", "king-county-2024"],
  fix: "State the purposes the jurisdiction may pursue in its own sphere: managing its own property, records and staff, public trust in its own police, and access to its own services; leave out aims to define or standardize outside officers' duties.",
};

export function check(draft: Draft, context: RiskContext): RiskNote[] {
  const m = modelFor(draft, context);
  const notes: RiskNote[] = [];
  const re = listRe("regulatory-purposes");
  for (const u of m.units) {
    if (!isFinding(u)) continue;
    const hit = re.exec(u.text);
    if (!hit) continue;
    notes.push(
      makeNote(meta, u, {
        severity: "medium",
        quote: hit[0],
        message: "States an aim to govern how officers of other governments, federal ones included, do their work.",
        explanation:
          "Findings and purpose clauses are read as legislative history. A stated aim to define the duties or obligations of federal officers, or to make officers of other jurisdictions act like the jurisdiction's own police, is evidence that the measure seeks to regulate federal operations directly, which a state or locality may not do even in neutral terms (Johnson v. Maryland; the Ninth Circuit's Apr. 22, 2026 injunction against SB 805 § 10; North Dakota v. United States). King County's stated disagreement with federal policy was used the same way.",
        suggestion: `Restate the purpose in ${m.kindWord}'s own sphere: “The purpose of this ordinance is to manage ${m.kindWord.replace(/^the /, "")} property, records and personnel, and to maintain public trust in ${m.kindWord.replace(/^the /, "")}'s own police.”`,
      }),
    );
  }
  return notes;
}
