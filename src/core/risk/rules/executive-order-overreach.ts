// An executive order that binds private parties, outside agencies, or sets
// penalties (legal-landscape §5).
import type { Draft, RiskNote, Severity } from "../../draft.js";
import type { RiskContext } from "../context.js";
import { reachesFederal } from "../read/index.js";
import { makeNote, modelFor, operativeUnits } from "../model.js";
import { LABEL } from "./penalty-on-federal-officers.js";
import type { RuleMeta } from "../types.js";

export const meta: RuleMeta = {
  id: "executive-order-overreach",
  severity: "high",
  title: "Executive order beyond the executive's power",
  description:
    "Flags an executive order that creates penalties, binds private parties, or commands officers of other governments. An executive order binds the jurisdiction's executive branch; it cannot create offences or bind private parties, and King County's order on private airport operators was struck.",
  authorities: ["king-county-2024", "minneapolis-eo-2025-02"],
  fix: "Direct the jurisdiction's own departments and officers (\"No City department shall permit ...\"); leave penalties and rules for private parties to an ordinance; make private participation voluntary.",
};

export function check(draft: Draft, context: RiskContext): RiskNote[] {
  if (context.instrument !== "executive-order") return [];
  const m = modelFor(draft, context);
  const notes: RiskNote[] = [];
  const dept = `${m.kindWord.replace(/^the /, "")} department`;
  for (const u of operativeUnits(m)) {
    if (u.inExemptList) continue;
    const a = u.analysis;
    let severity: Severity | null = null;
    let quote = "";
    let message = "";
    if (a.penalties.length && a.does.includes("penalizes")) {
      severity = "high";
      quote = a.penalties[0]!.text;
      message = `An executive order cannot create ${LABEL[a.penalties[0]!.kind]}; penalties need an ordinance.`;
    } else if (a.privateParties) {
      severity = "high";
      quote = a.privateParties.text;
      message = `An executive order cannot bind private parties (“${a.privateParties.text}”).`;
    } else if (a.bound && reachesFederal(a.bound) && a.boundSpan && (a.does.includes("regulates-conduct") || a.does.includes("restricts-access"))) {
      severity = "medium";
      quote = a.boundSpan.text;
      message = `The order commands officers of other governments (“${a.boundSpan.text}”) instead of ${m.kindWord}'s own departments.`;
    }
    if (!severity) continue;
    notes.push(
      makeNote(meta, u, {
        severity,
        quote,
        message,
        explanation:
          "An executive order, issued under the charter's grant of executive power (as Minneapolis EO 2025-02 was under Charter § 7.1), directs the executive branch: departments, officers and employees. It cannot create crimes or penalties or bind private parties, which takes legislation; and the order King County's executive issued to keep fixed-base operators from servicing ICE flights was struck (9th Cir. 2024). Phrasing each directive as an instruction to the jurisdiction's own departments keeps it within the executive's power.",
        suggestion: `Rephrase as a directive to ${m.kindWord}'s own departments (e.g. “No ${dept} shall permit ...”), make any private participation voluntary (“private owners may opt in”), and move penalties to an ordinance.`,
      }),
    );
  }
  return notes;
}
