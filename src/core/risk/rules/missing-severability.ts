// No severability clause, or one that is not as-applied where provisions bind
// outside officers (legal-landscape §2, lesson 4).
import type { Draft, RiskNote, Severity } from "../../draft.js";
import type { RiskContext } from "../context.js";
import { bindsOutside, firstMatch, makeNote, modelFor, operativeUnits } from "../model.js";
import type { RuleMeta } from "../types.js";
import { native } from "../read/native.js";

export const meta: RuleMeta = {
  id: "missing-severability",
  severity: "medium",
  title: "Missing or facial-only severability clause",
  description:
    "Flags an ordinance or executive order without a severability clause, and, where provisions bind outside officers, a severability clause that does not save the provision's other applications when one application (to federal officers) is held invalid.",
  authorities: ["california-masks-2026", "ca-sb627-2025"],
  fix: "Add an as-applied severability clause that keeps each provision in force for every other person, officer and circumstance, and states which officers it should continue to cover.",
};

const SEVERABILITY_RE = native(/\bseverab\w*|\bsever(?:ed|able)\b|\b(?:is|are|be)\s+(?:held|found|declared|adjudged|determined)\s+(?:by\s+[^.;]{1,40}?\s+)?(?:to\s+be\s+)?(?:invalid|unconstitutional|unenforceable|void|preempted)/i);
const AS_APPLIED_RE =
  native(/\bas[- ]applied\b|\bapplication\s+(?:thereof\s+|of\s+(?:such|the|any|that)\s+(?:provision|section|part)\s+)?to\s+any\s+(?:person|officer|agency|circumstance|entity)|\b(?:other|remaining)\s+(?:persons?|officers?|agencies|circumstances|applications)\b|\bas\s+to\s+(?:any|other)\s+(?:persons?|officers?|agencies|circumstances)\b/i);

export function check(draft: Draft, context: RiskContext): RiskNote[] {
  // Resolutions bind no one; a statute sits in a code whose general
  // severability provision covers it (e.g. 5 ILCS 70/1.31, 1 Pa.C.S. § 1925).
  if (context.instrument === "resolution" || context.instrument === "statute") return [];
  const m = modelFor(draft, context);
  const units = operativeUnits(m);
  const outside = units.some(bindsOutside);
  const sev = units.filter((u) => SEVERABILITY_RE.test(u.text) || /severab/i.test(u.heading));
  const clause = sev.find((u) => SEVERABILITY_RE.test(u.text)) ?? sev[0];
  if (!clause) {
    if (context.instrument === "executive-order" && !outside) return [];
    const severity: Severity = context.instrument === "executive-order" ? "low" : outside ? "medium" : "low";
    return [
      makeNote(meta, null, {
        severity,
        message: `The ${context.instrument === "executive-order" ? "order" : "ordinance"} has no severability clause.`,
        explanation:
          "Without a severability clause a court that strikes one provision, or one application of it, may decide the body would not have adopted the rest." +
          (outside ? " Provisions here bind officers of other governments, which is exactly where a partial ruling (as applied to federal officers) is likely." : ""),
        suggestion: SUGGESTION(m.kindWord, enactor(draft, context)),
      }),
    ];
  }
  if (!outside) return [];
  const text = sev.map((u) => u.text).join(" ");
  if (AS_APPLIED_RE.test(text)) return [];
  return [
    makeNote(meta, clause, {
      severity: "medium",
      quote: firstMatch(clause.text, SEVERABILITY_RE) ?? "",
      message: "The severability clause saves other provisions but not other applications of a provision, although provisions here bind outside officers.",
      explanation:
        "When a rule on outside officers is enjoined as applied to federal officers (as SB 627 was on Feb. 9, 2026), a facial-only clause leaves it unclear whether the rule still binds everyone else. Critics of SB 627 warned its clause would leave only local officers bound while comparable state officers stayed exempt; an as-applied clause that says which officers the rule should continue to cover answers that question in advance.",
      suggestion: SUGGESTION(m.kindWord, enactor(draft, context)),
    }),
  ];
}

function enactor(draft: Draft, context: RiskContext): string {
  const j = draft.jurisdiction;
  if (context.instrument === "executive-order") return `the ${j?.executiveTitle || "Mayor"}`;
  return `the ${j?.legislativeBody || "governing body"}`;
}

function SUGGESTION(kindWord: string, who: string): string {
  return `Use an as-applied clause: “If any provision of this measure, or its application to any person, officer, agency or circumstance, is held invalid, the invalidity does not affect other provisions or applications that can be given effect without it, including the provision's application to officers of ${kindWord}; ${who} declares that each provision and each application would have been adopted irrespective of the invalidity of any other.” (clause general/severability)`;
}
