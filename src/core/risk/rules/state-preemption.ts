// State law that bars local limits on cooperation (legal/jurisdictions.yaml).
import type { Draft, RiskNote } from "../../draft.js";
import type { RiskContext } from "../context.js";
import { isCooperationLimit, makeNote, modelFor, operativeUnits, outsideTarget, type Unit } from "../model.js";
import type { RuleMeta } from "../types.js";

export const meta: RuleMeta = {
  id: "state-preemption",
  severity: "high",
  title: "State law bars limits on cooperation",
  description:
    "In a state whose law bars local limits on cooperation with immigration enforcement (legal/jurisdictions.yaml: status bars-limits), flags every provision that limits cooperation, citing the state's laws. Where the state's law is mixed, not researched or found silent, says so once instead of assuming there is no preemption.",
  authorities: ["el-cenizo-2018", "murphy-2018", "printz-1997"],
  fix: "In a state with a ban, keep to transparency: public-records request programmes, reporting, and documentation by the jurisdiction's own police. Elsewhere, check the state's law before adopting operative limits.",
};

export function check(draft: Draft, context: RiskContext): RiskNote[] {
  // A state's own statute is not preempted by that state's law.
  if (context.instrument === "statute") return [];
  const m = modelFor(draft, context);
  const law = context.stateLaw;
  if (law.status === "protective") return [];
  // Mixed: only modules the state's law bars matter here.
  const barredModules = Object.entries(law.modules).filter(([, v]) => v === "barred").map(([k]) => k);
  if (law.status === "mixed" && !barredModules.length) return [];
  const limits = operativeUnits(m)
    .map((u) => ({ u, span: isCooperationLimit(u) }))
    .filter((x) => x.span);
  const cites = [...law.ids, ...meta.authorities];
  if (law.status === "unknown" || law.status === "none-found" || law.status === "mixed") {
    const neutral = operativeUnits(m).filter((u) => u.analysis.does.includes("restricts-access") && neutralAccessRule(u));
    if (!limits.length && !neutral.length) return [];
    const where = context.state ? law.law.replace(/ law$/, "") : "";
    const cited = typeof context.existing.state_law === "string" && context.existing.state_law.trim() ? ` The answers cite ${context.existing.state_law.trim()} as the state's law; ordkit has not checked it.` : "";
    if (law.status === "mixed") {
      return [
        makeNote(meta, null, {
          severity: "medium",
          message: `${law.law} bars some local limits on cooperation (${barredModules.join(", ")}), and this draft limits cooperation or outside agencies' access: check each provision against it.`,
          explanation: `${law.effect} (ordkit's research as of ${law.as_of}.)${cited}`,
          suggestion: "Remove limits in the areas the state bars, or keep to transparency measures there (public-records requests, reporting, documentation by the jurisdiction's own police).",
          authorities: cites,
        }),
      ];
    }
    const message =
      law.status === "none-found"
        ? `This draft limits cooperation or outside agencies' access; ordkit's research (as of ${law.as_of}) found no ${where} law either barring or requiring such limits: confirm before adopting.`
        : `This draft limits cooperation or outside agencies' access, and ${context.state ? `${where}'s` : "the state's (no state was given)"} law on such limits has not been researched: check it before adopting.`;
    return [
      makeNote(meta, null, {
        severity: "info",
        message,
        explanation:
          "Several states bar local limits on cooperation with immigration enforcement (Texas SB 4, upheld in City of El Cenizo v. Texas; Florida, Tennessee, Georgia, Iowa, North Carolina, Louisiana, Missouri, Indiana, New Hampshire among others), some with fines, removal from office or criminal penalties for officials. ordkit does not assume there is no preemption." + cited,
        suggestion: "Check the state's law on local cooperation with federal immigration enforcement before adopting operative limits; if the state bars them, keep to transparency measures (public-records requests, reporting, documentation by the jurisdiction's own police).",
        authorities: cites,
      }),
    ];
  }
  // bars-limits
  const notes: RiskNote[] = [];
  const tn = context.state === "TN" ? " Tennessee makes voting for a sanctuary policy a Class E felony for officials." : "";
  const effect = law.effect ? `${law.effect}${tn} ` : tn ? `${tn.trim()} ` : "";
  for (const { u, span } of limits) {
    notes.push(
      makeNote(meta, u, {
        severity: "high",
        quote: span!,
        clause: true,
        message: `${law.law} bars local limits on cooperation with immigration enforcement, and this provision is one.`,
        explanation: `${effect}Anti-commandeering (Printz, Murphy) protects a locality against the federal government, not against its own state, which may forbid such policies${context.state === "TX" ? "" : "; Texas's ban was upheld in City of El Cenizo v. Texas"}.`,
        suggestion: `Remove the limit, or replace it with a transparency measure the state does not bar: public-records requests to federal agencies, public reporting, and documentation by ${m.kindWord}'s own police.`,
        authorities: cites,
      }),
    );
  }
  for (const u of operativeUnits(m)) {
    if (limits.some((x) => x.u === u)) continue;
    if (!(u.analysis.does.includes("restricts-access") && neutralAccessRule(u))) continue;
    const t = outsideTarget(u);
    notes.push(
      makeNote(meta, u, {
        severity: "low",
        quote: t?.mention && u.text.includes(t.mention.text) ? t.mention.text : "",
        clause: true,
        message: `Restricts outside agencies' access in a state whose law bars limits on cooperation (${law.law}); even a neutral rule may be challenged as one.`,
        explanation: `${effect}A rule that applies to every agency alike is the strongest form, but the state may still read it as materially limiting immigration enforcement.`,
        suggestion: "Confirm with the state attorney general's guidance or counsel that a neutral property-management rule is allowed, or keep to transparency measures.",
        authorities: cites,
      }),
    );
  }
  return notes;
}

/** An access rule that reaches outside agencies: a class named, or law enforcement uses of the property ("as a staging area ... for civil law enforcement actions"). */
function neutralAccessRule(u: Unit): boolean {
  return !!outsideTarget(u) || /\blaw[- ]enforcement\b/i.test(u.text);
}
