// Closing places open to the public (parks, streets, sidewalks, plazas) to
// outside officers (legal-landscape §1.6).
import type { Draft, RiskNote, Severity } from "../../draft.js";
import type { RiskContext } from "../context.js";
import { isNarrow, reachesFederal } from "../read/index.js";
import { describeClass, makeNote, modelFor, operativeUnits, outsideTarget } from "../model.js";
import type { RuleMeta } from "../types.js";

export const meta: RuleMeta = {
  id: "public-space-exclusion",
  severity: "medium",
  title: "Excludes officers from places open to the public",
  description:
    "Flags rules that keep outside officers out of, or restrict their operations in, places open to the public: parks, streets, sidewalks, plazas. The models that have held up rely on the jurisdiction's control of its non-public space; barring officers from public places resembles Arcata and King County.",
  authorities: ["king-county-2024", "arcata-2010", "ocean-county-2021"],
  fix: "Limit the rule to non-public areas of the jurisdiction's property (areas not open to the general public) and apply it to every law enforcement agency.",
};

export function check(draft: Draft, context: RiskContext): RiskNote[] {
  const m = modelFor(draft, context);
  const notes: RiskNote[] = [];
  for (const u of operativeUnits(m)) {
    if (u.inExemptList) continue;
    const a = u.analysis;
    if (a.where !== "public-places" || !a.whereSpan) continue;
    if (!a.does.includes("restricts-access")) continue;
    const t = outsideTarget(u);
    if (!t && !a.purpose) continue;
    if (t && !reachesFederal(t.cls)) continue;
    const narrow = (t && isNarrow(t.cls)) || !!a.purpose;
    const barsPresence = a.conduct.some((c) => c.kind === "access");
    const severity: Severity = narrow ? "high" : barsPresence ? "medium" : "low";
    const covered = t ? describeClass(t.cls, t.mention, m).replace(/^only /, "") : "officers engaged in immigration enforcement";
    notes.push(
      makeNote(meta, u, {
        severity,
        quote: a.whereSpan.text,
        clause: true,
        message: `Restricts ${covered} in places open to the public (“${a.whereSpan.text}”)${a.purpose ? ` for “${a.purpose.text}”` : ""}.`,
        explanation:
          `No case applies public-forum doctrine to federal agents on city property; the models that have held up rest on the jurisdiction's control of its non-public space (New Jersey's Directive, upheld in Ocean County; NYC Admin. Code § 4-210). Closing places broadly open to the public to immigration agents resembles Arcata and King County; officials can regulate how parks are used, but probably cannot bar officers from them.` +
          (narrow ? " Because the rule turns on federal or immigration enforcement, it also reads as aimed at federal operations." : barsPresence ? "" : " A neutral rule on how the space is used (no staging for any agency) is the lowest-risk form of this provision."),
        suggestion: `Limit the rule to non-public areas of ${m.kindWord}'s property (“areas not open to the general public”) and apply it to every Law Enforcement Agency; see clause property-use/staging-ban.`,
      }),
    );
  }
  return notes;
}
