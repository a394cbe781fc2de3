// A rule binding outside (federal) officers that exempts the jurisdiction's
// own police or state officers: discrimination (legal-landscape §1.2 (2), §2).
import type { Draft, RiskNote, Severity } from "../../draft.js";
import type { RiskContext } from "../context.js";
import type { Exemption } from "../read/index.js";
import { bindsOutside, describeClass, makeNote, modelFor, operativeUnits, outsideTarget, unitsInScope, type Unit } from "../model.js";
import type { RuleMeta } from "../types.js";

export const meta: RuleMeta = {
  id: "exempts-comparable-officers",
  severity: "high",
  title: "Exempts comparable local or state officers",
  description:
    "Flags a rule that binds federal or other outside officers but exempts the jurisdiction's own police, state officers (such as a highway patrol) or other local officers. Courts compare federal officers with similarly situated officers; favouring the comparable ones is discrimination (SB 627, Feb. 9, 2026).",
  authorities: ["california-masks-2026", "ca-sb627-2025", "washington-2022", "north-dakota-1990"],
  fix: "Remove the exemption so the rule binds every officer alike, keeping only function-based exceptions (undercover work, medical masks, tactical units) that apply to all agencies equally.",
};

const COMPARABLE = new Set(["own-personnel", "state-officers", "other-local-officers"]);

export function check(draft: Draft, context: RiskContext): RiskNote[] {
  const m = modelFor(draft, context);
  const notes: RiskNote[] = [];
  for (const u of operativeUnits(m)) {
    const ex = u.analysis.exempts.filter((e) => COMPARABLE.has(e.kind));
    if (!ex.length) continue;
    // Which provisions does the exemption relieve?
    let relieved: Unit[] = [];
    if (!u.inExemptList && bindsOutside(u)) relieved = [u];
    else if (u.analysis.exemptionScope) relieved = unitsInScope(m, u, u.analysis.exemptionScope).filter((x) => x !== u && bindsOutside(x));
    else if (u.inExemptList) {
      let lead: Unit | null = u.parent;
      while (lead && lead.inExemptList) lead = lead.parent;
      const scope = lead?.analysis.exemptionScope ?? { kind: "section" as const };
      relieved = unitsInScope(m, lead ?? u, scope).filter((x) => x !== u && !x.inExemptList && bindsOutside(x));
    }
    if (!relieved.length) continue;
    const conduct = relieved.some((x) => x.analysis.does.includes("regulates-conduct") || x.analysis.does.includes("penalizes") || x.analysis.where === "public-places" || x.analysis.where === "anywhere");
    const severity: Severity = conduct ? "high" : "medium";
    const target = relieved.map(outsideTarget).find((t) => t) ?? null;
    const covered = target ? describeClass(target.cls, target.mention, m).replace(/^only /, "") : "outside officers";
    const labels = [...new Set(ex.map((e) => label(e, m.kindWord)))];
    const first: Exemption = ex[0]!;
    const viaTerm = first.viaTerm ? ` The exemption is written into the definition of “${first.viaTerm}”.` : "";
    notes.push(
      makeNote(meta, u, {
        severity,
        quote: first.text,
        message: `Binds ${covered} but exempts ${labels.join(" and ")}, comparable officers who are treated more favourably than federal ones.`,
        explanation:
          `Intergovernmental immunity forbids treating federal officers worse than similarly situated state or local officers. On Feb. 9, 2026 the Central District of California enjoined SB 627's mask ban as applied to federal officers because it left out comparable California state officers (the Highway Patrol); covering local and out-of-state officers was not enough. Mounds View's exemption for its own police is the same flag.` +
          (conduct ? "" : ` Because the rule concerns non-public property, the risk is lower than for a rule on how officers work, but the exemption still invites the comparison.`) +
          viaTerm,
        suggestion: `Delete the exemption for ${labels.join(" and ")} so the rule binds every officer alike; keep only function-based exceptions (undercover work, medical masks, tactical units) that apply to every agency.`,
      }),
    );
  }
  return notes;
}

function label(e: Exemption, kindWord: string): string {
  const who = e.kind === "own-personnel" ? `${kindWord}'s own officers` : e.kind === "state-officers" ? "state officers" : "other local officers";
  if (e.viaTerm) {
    const inner = /\(([^()]*)\)\s*$/.exec(e.label)?.[1];
    return `${who}${inner ? ` (${inner})` : ""} through the definition of “${e.viaTerm}”`;
  }
  return `${who} (“${e.text}”)`;
}
