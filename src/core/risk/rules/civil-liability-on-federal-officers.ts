// Damages actions, statutory damages or stripped immunities that reach
// federal officers (legal-landscape §1.3, §6).
import type { Draft, RiskNote, Severity } from "../../draft.js";
import type { RiskContext } from "../context.js";
import { isNarrow, reachesFederal } from "../read/index.js";
import { describeClass, frameOf, makeNote, modelFor, operativeUnits, reachesOutsideOfficers } from "../model.js";
import type { RuleMeta } from "../types.js";
import { native } from "../read/native.js";

export const meta: RuleMeta = {
  id: "civil-liability-on-federal-officers",
  severity: "high",
  title: "Civil liability that reaches federal officers",
  description:
    "Flags damages actions, statutory or punitive damages, and stripped immunities for conduct of officers whom the measure reaches, federal officers among them. Federal officers acting within their authority have Supremacy Clause immunity, the Westfall Act substitutes the United States in ordinary tort suits, and the United States sued Illinois in December 2025 over its damages action against officers in civil immigration enforcement.",
  authorities: ["neagle-1890", "usc-28-2679", "usc-28-1442", "us-v-illinois-2025", "il-hb1312-2025", "north-dakota-1990"],
  fix: "Rely on remedies of general application against the jurisdiction's own officers and on existing civil-rights law; do not create damages actions or strip immunities for conduct that only outside (federal) officers engage in, and say that the provision does not reach conduct federal law authorizes.",
};

const FEDERAL_REACH_RE = native(/\bcolou?r\s+of\s+(?:any\s+)?federal\s+law\b|\bfederal\s+(?:officers?|employees?|agents?)\b/i);
export function check(draft: Draft, context: RiskContext): RiskNote[] {
  const m = modelFor(draft, context);
  const notes: RiskNote[] = [];
  const outsideDoc = reachesOutsideOfficers(m);
  for (const u of operativeUnits(m)) {
    if (u.inExemptList) continue;
    const f = frameOf(u);
    const civil = f.remedies.find((r) => r.kind === "civil-liability");
    if (!civil) continue;
    const a = u.analysis;
    // Who answers: the bound party, or (for "a person who violates ...") anyone the measure reaches.
    const bound = a.bound;
    if (bound === "own-personnel" || bound === "private-parties") continue;
    const aimed = isNarrow(bound);
    // "a defendant who ... acted under color of federal law": the remedy names federal defendants itself.
    const namesFederal = FEDERAL_REACH_RE.test(u.text);
    if (!(aimed || reachesFederal(bound) || ((bound === null || bound === "everyone") && (outsideDoc || namesFederal)))) continue;
    if (a.acknowledgesLimits) continue;
    const severity: Severity = "high";
    const covered = bound && reachesFederal(bound) ? describeClass(bound, null, m).replace(/^only /, "") : "anyone who violates the measure, federal officers among them";
    notes.push(
      makeNote(meta, u, {
        severity,
        quote: civil.words,
        clause: true,
        message: `Creates civil liability (“${civil.words}”) that reaches ${covered}.`,
        explanation:
          "A federal officer who acts within federal authority, and does no more than is necessary and proper, is immune from state-law liability under the Supremacy Clause (In re Neagle); ordinary tort suits against federal employees are converted into suits against the United States under the Westfall Act (28 U.S.C. § 2679), and officers can remove state suits to federal court (28 U.S.C. § 1442). A damages action aimed at, or reaching, officers carrying out federal enforcement invites a Supremacy Clause challenge: the United States sued Illinois on Dec. 22, 2025 over HB 1312's damages action against officers in civil immigration enforcement (outcome not yet known)." +
          (aimed ? " An action that singles out federal officers also raises intergovernmental-immunity discrimination." : ""),
        suggestion: `Limit the remedy to ${m.kindWord}'s own officers and to remedies of general application, and add “This section does not apply to conduct authorized by federal law, and shall be applied consistently with the immunities federal law provides.”`,
      }),
    );
  }
  return notes;
}
