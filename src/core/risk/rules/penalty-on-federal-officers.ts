// Fines, infractions or crimes that federal officers would be subject to
// (legal-landscape §1.3).
import type { Draft, RiskNote, Severity } from "../../draft.js";
import type { RiskContext } from "../context.js";
import { isNarrow, reachesFederal, type ActorClass, type PenaltyKind } from "../read/index.js";
import { bindsOutside, describeClass, makeNote, modelFor, operativeUnits, outsideTarget, unitsInScope, type Unit } from "../model.js";
import type { RuleMeta } from "../types.js";

export const meta: RuleMeta = {
  id: "penalty-on-federal-officers",
  severity: "medium",
  title: "Penalties that would fall on federal officers",
  description:
    "Flags fines, infractions, misdemeanors and civil penalties that apply to federal officers, directly or by penalizing a provision that binds them. Federal officers are immune from state prosecution for acts federal law authorizes that are necessary and proper, and can remove prosecutions to federal court; an offence only federal officers can commit is also discriminatory.",
  authorities: ["neagle-1890", "usc-28-1442", "usc-28-2679", "arcata-2010"],
  fix: "Rely on crimes and remedies of general application, acknowledge federal immunity (\"to the extent permitted by federal law\"), and never create an offence only federal officers can commit.",
};

export function check(draft: Draft, context: RiskContext): RiskNote[] {
  const m = modelFor(draft, context);
  const notes: RiskNote[] = [];
  for (const u of operativeUnits(m)) {
    if (u.inExemptList) continue;
    const a = u.analysis;
    if (!a.does.includes("penalizes") || !a.penalties.length) continue;
    let cls: ActorClass | null = null;
    let targets: Unit[] = [];
    const own = outsideTarget(u);
    if (own && a.bound && reachesFederal(a.bound)) {
      cls = own.cls;
      targets = [u];
    } else if (a.bound === "private-parties" || a.bound === "own-personnel") {
      // "An employer who violates subdivision (a) shall be subject to a civil penalty": the penalty falls on the party named.
      continue;
    } else {
      const seen = new Set<Unit>();
      for (const s of a.penaltyScope) for (const x of unitsInScope(m, u, s)) if (x !== u && bindsOutside(x)) seen.add(x);
      targets = [...seen];
      const classes = targets.map((x) => outsideTarget(x)?.cls).filter((c): c is ActorClass => !!c);
      cls = classes.find((c) => isNarrow(c)) ?? classes[0] ?? null;
    }
    if (!targets.length || !cls) continue;
    const severity: Severity = a.acknowledgesLimits ? "low" : isNarrow(cls) ? "high" : "medium";
    const t = own ?? outsideTarget(targets[0]!);
    const covered = describeClass(cls, t?.mention ?? null, m).replace(/^only /, "");
    const p = [...a.penalties].sort((x, y) => PRIORITY.indexOf(x.kind) - PRIORITY.indexOf(y.kind) || x.start - y.start)[0]!;
    notes.push(
      makeNote(meta, u, {
        severity,
        quote: p.text,
        clause: true,
        message: `Attaches ${LABEL[p.kind]} to conduct of ${covered}${isNarrow(cls) ? "" : ", federal officers among them"}.`,
        explanation:
          `A federal officer cannot be prosecuted under state or local law for an act federal law authorized if the officer did no more than was necessary and proper (In re Neagle); prosecutions can be removed to federal court (28 U.S.C. § 1442), and the Westfall Act substitutes the United States in ordinary tort suits. The penalty is therefore largely unenforceable against federal officers and invites a challenge.` +
          (isNarrow(cls) ? " An offence that only federal officers can commit is also discriminatory (Arcata)." : "") +
          (a.acknowledgesLimits ? ` The provision acknowledges federal limits (“${a.acknowledgesLimits.text}”), which lowers the risk.` : ""),
        suggestion: `Apply penalties only to ${m.kindWord}'s own personnel (discipline) or rely on crimes of general application, and add “to the extent permitted by federal law; nothing in this section applies to conduct authorized by federal law”.`,
      }),
    );
  }
  return notes;
}

const PRIORITY: PenaltyKind[] = ["misdemeanor", "infraction", "civil-penalty", "fine", "imprisonment", "criminal"];
export const LABEL: Record<PenaltyKind, string> = {
  misdemeanor: "a misdemeanor",
  infraction: "an infraction",
  "civil-penalty": "a civil penalty",
  fine: "a fine",
  imprisonment: "imprisonment",
  criminal: "a criminal penalty",
};
