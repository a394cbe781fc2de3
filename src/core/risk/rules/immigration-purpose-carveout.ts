// A property or service rule that bites only on "immigration enforcement"
// (legal-landscape §1.2 (4), King County).
import type { Draft, RiskNote, Severity } from "../../draft.js";
import type { RiskContext } from "../context.js";
import { frameOf, isNinth, makeNote, modelFor, operativeUnits, outsideTarget, type Unit } from "../model.js";
import { LEASE_TERMS_RE, PURPOSE_CLASS_RE } from "../read/patterns.js";
import type { Span } from "../read/index.js";
import type { RuleMeta } from "../types.js";
import { native } from "../read/native.js";

export const meta: RuleMeta = {
  id: "immigration-purpose-carveout",
  severity: "medium",
  title: "Restriction that applies only to immigration enforcement",
  description:
    "Flags a rule on property, access, services or conduct that applies only when the purpose is immigration enforcement. Such a rule reads as aimed at federal operations (King County, 9th Cir. 2024). Withholding the jurisdiction's own resources from immigration enforcement is not flagged: that is protected declining.",
  authorities: ["king-county-2024", "washington-2022", "california-2019"],
  fix: "Frame the rule around the jurisdiction's management of its non-public property for every outside agency and every purpose, with judicial-warrant and emergency exceptions.",
};

const PERMIT_DENIAL_RE = native(/\b(?:issue|grant|approve|renew)\w*\s+(?:an?\s+|any\s+)?(?:zoning\s+)?(?:permits?|variances?|licen[cs]es?)\b|\bzoning\s+(?:variances?|approvals?|permits?)\b/i);
export function check(draft: Draft, context: RiskContext): RiskNote[] {
  const m = modelFor(draft, context);
  const notes: RiskNote[] = [];
  for (const u of operativeUnits(m)) {
    if (u.inExemptList) continue;
    const a = u.analysis;
    // Private parties bound by a prohibition ("may not allow ... for immigration enforcement purposes"),
    // not by a duty that merely follows an enforcement action ("must contact the union").
    const privateLimit = !!a.privateParties && (a.negated || /\bprohibit/i.test(u.text));
    // A damages action only for injuries "during civil immigration enforcement" bites only on federal operations too.
    const liability = frameOf(u).actions.includes("creates-civil-liability");
    // Withholding a permit, variance or license only for an immigration use regulates others' property too.
    // A ban on private immigration detention is contractor-discrimination's concern (GEO Group), not a second note.
    // (Lease or concession terms on the jurisdiction's property, the King County pattern, keep the purpose note.)
    if (frameOf(u).actions.includes("burdens-contractors") && !a.does.includes("restricts-access") && /\bdetention\b|\bdetain\b/i.test(u.text) && !LEASE_TERMS_RE.test(u.text)) continue;
    const permitRule = a.negated && PERMIT_DENIAL_RE.test(u.text);
    // A command such as "shall notify ... of an immigration enforcement action" restricts nothing; narrow-targeting and direct-regulation read it.
    const restriction = a.does.includes("restricts-access") || (a.does.includes("regulates-conduct") && a.conduct.some((c) => c.kind !== "duty"));
    if (!(restriction || privateLimit || liability || permitRule)) continue;
    // "an immigration enforcement agent": a class defined by the purpose is the purpose itself.
    const purpose = a.purpose ?? purposeInClass(u);
    if (!purpose) continue;
    const severity: Severity = isNinth(context.circuit) ? "high" : "medium";
    notes.push(
      makeNote(meta, u, {
        severity,
        quote: purpose.text,
        clause: true,
        message: `The restriction applies only to “${purpose.text}”, so it bites only on federal immigration operations.`,
        explanation:
          `In United States v. King County (9th Cir. 2024) an order barring airport operators from servicing ICE charter flights was invalid even though it concerned county-owned property: a property or service rule that turns on immigration enforcement treats federal operations worse than everyone else's. Declining to lend the jurisdiction's own staff, jail or data to immigration enforcement remains protected (SB 54, upheld in United States v. California, 921 F.3d 865); restricting what others may do on or with property is not.` +
          (isNinth(context.circuit) ? " King County binds courts in this circuit." : context.circuit ? " King County is a Ninth Circuit decision, persuasive elsewhere." : " No state was given; in the Ninth Circuit King County is binding."),
        suggestion: `Drop the purpose limitation and cover every agency and purpose, e.g. “No ${m.kindWord.replace(/^the /, "")} department shall permit any Law Enforcement Agency to use non-public areas of ${m.kindWord.replace(/^the /, "")} property as a Staging Area, except under a judicial warrant or in an emergency”; see clause property-use/staging-ban.`,
      }),
    );
  }
  return notes;
}

/** The restricted class named by its immigration-enforcement function, as words to quote. */
function purposeInClass(u: Unit): Span | null {
  const t = outsideTarget(u);
  if (!t?.mention || t.cls !== "immigration-officers") return null;
  const m = PURPOSE_CLASS_RE.exec(t.mention.text);
  return m ? { start: t.mention.start + m.index, end: t.mention.start + m.index + m[0].length, text: m[0] } : null;
}
