// No clause preserving federal law where the draft limits cooperation or binds
// outside officers (legal-landscape §1.4, §1.5, §3 exceptions).
import type { Draft, RiskNote, Severity } from "../../draft.js";
import type { RiskContext } from "../context.js";
import { bindsOutside, isCooperationLimit, makeNote, modelFor, operativeUnits } from "../model.js";
import type { RuleMeta } from "../types.js";
import { native } from "../read/native.js";

export const meta: RuleMeta = {
  id: "missing-federal-savings-clause",
  severity: "medium",
  title: "No federal-law savings clause",
  description:
    "Flags a draft that limits cooperation, restricts information sharing or binds outside officers but has no clause saying it does not apply where federal law requires otherwise (including 8 U.S.C. §§ 1373 and 1644).",
  authorities: ["arizona-2012", "california-2019", "usc-8-1373"],
  fix: "Add a savings clause: nothing in the measure prohibits or restricts any action required by federal law, including 8 U.S.C. §§ 1373 and 1644, and it shall be applied consistently with federal law.",
};

const DOC_SAVINGS_RE =
  native(/\bnothing\s+in\s+(?:this\s+(?:ordinance|order|executive\s+order|resolution|chapter|article|title|measure|code|act|section)|(?:this\s+)?(?:sub)?sections?\s+\(?[\w.]+\)?)\b[^.]*\b(?:federal\s+law|United\s+States\s+Constitution|U\.S\.\s+Constitution|1373|1644|Supremacy\s+Clause)|\bthis\s+(?:ordinance|order|executive\s+order|resolution|chapter|article|measure)\s+shall\s+(?:be\s+)?(?:interpreted|construed|applied|implemented)(?:\s+(?:and|or)\s+(?:interpreted|construed|applied|implemented))?\s+(?:so\s+as\s+to\s+be\s+)?(?:consistent(?:ly)?|in\s+accordance|in\s+compliance|in\s+a\s+manner\s+consistent)\s+with\s+(?:federal|applicable|all\s+applicable|state\s+and\s+federal|federal\s+and\s+state)\s+law|\bshall\s+not\s+(?:be\s+)?(?:construed|interpreted|applied)\s+to\s+(?:conflict|be\s+inconsistent)\s+with\s+(?:federal|applicable|any\s+federal)\s+law/i);

export function check(draft: Draft, context: RiskContext): RiskNote[] {
  // A statute section is read within its code and the state's own savings
  // provisions; the rule is about local instruments.
  if (context.instrument === "statute") return [];
  const m = modelFor(draft, context);
  const units = operativeUnits(m);
  const triggers = units.filter((u) => isCooperationLimit(u) || u.analysis.statusRestriction || bindsOutside(u));
  if (!triggers.length) return [];
  if (units.some((u) => DOC_SAVINGS_RE.test(u.text))) return [];
  if (units.some((u) => /\bsavings?\b|\bfederal\s+law\b|\bconstruction\b/i.test(u.heading) && /\bfederal\s+law\b|1373/i.test(u.text))) return [];
  if (triggers.every((u) => u.analysis.savings)) return [];
  const severity: Severity = context.instrument === "resolution" ? "low" : "medium";
  return [
    makeNote(meta, null, {
      severity,
      message: "The draft limits cooperation or binds outside officers but has no clause preserving what federal law requires.",
      explanation:
        "A locality may decline to assist federal enforcement, but not obstruct it or contradict a valid federal statute (Arizona v. United States; United States v. California, 921 F.3d 865, upholding SB 54, which yields to federal law). A savings clause tells a court to read each provision as not reaching what federal law requires, which keeps ambiguous provisions on the protected side of the line.",
      suggestion: `Add: “Nothing in this ${context.instrument === "executive-order" ? "Order" : context.instrument === "resolution" ? "Resolution" : "Ordinance"} shall be construed to prohibit or restrict any action required by federal law, including 8 U.S.C. §§ 1373 and 1644, and it shall be applied consistently with federal law.” (clause general/federal-savings)`,
    }),
  ];
}
