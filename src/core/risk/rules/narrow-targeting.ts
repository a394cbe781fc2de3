// A covered class of federal, immigration, ICE/DHS/CBP or "non-local" officers:
// the classic discrimination pattern (legal-landscape §1.2 (1)).
import type { Draft, RiskNote, Severity } from "../../draft.js";
import type { RiskContext } from "../context.js";
import { isNarrow } from "../read/index.js";
import { describeClass, frameOf, leftOut, makeNote, modelFor, operativeUnits, outsideTarget, type DraftModel, type Unit } from "../model.js";
import type { RuleMeta } from "../types.js";

export const meta: RuleMeta = {
  id: "narrow-targeting",
  severity: "high",
  title: "Rule aimed at a narrow class of outside officers",
  description:
    "Flags provisions that regulate, restrict or penalize only federal officers, immigration officers, a named agency (ICE, DHS, CBP) or \"non-local\" officers. Singling out the federal government, or leaving comparable local and state officers out, is the pattern courts strike as discrimination under intergovernmental immunity. Provisions that only withhold the jurisdiction's own help are not flagged.",
  authorities: ["north-dakota-1990", "washington-2022", "arcata-2010", "king-county-2024"],
  fix: "Cover every law enforcement agency, federal, state and local, including the jurisdiction's own police, through a defined term such as \"Law Enforcement Agency\"; frame property rules around the jurisdiction's own non-public property.",
};

/** Another provision of the unit's section regulates or restricts a narrow class. */
function flaggedInSection(m: DraftModel, u: Unit): boolean {
  return operativeUnits(m).some((o) => o !== u && o.section === u.section && (o.analysis.does.includes("regulates-conduct") || o.analysis.does.includes("restricts-access")) && isNarrow(outsideTarget(o)?.cls));
}

export function check(draft: Draft, context: RiskContext): RiskNote[] {
  const m = modelFor(draft, context);
  const notes: RiskNote[] = [];
  const seen = new Set<string>();
  for (const u of operativeUnits(m)) {
    if (u.inExemptList) continue;
    const a = u.analysis;
    if (frameOf(u).actions.includes("bars-federal-service")) {
      notes.push(serviceBarNote(u, m));
      continue;
    }
    const regulates = a.does.includes("regulates-conduct") || a.does.includes("penalizes");
    const restricts = a.does.includes("restricts-access");
    if (!regulates && !restricts) continue;
    const t = outsideTarget(u);
    if (!t || !isNarrow(t.cls)) continue;
    // "A covered immigration officer who violates this section is guilty of a misdemeanor": the rule it
    // enforces is flagged already; the penalty is penalty-on-federal-officers' concern.
    if (!a.does.includes("regulates-conduct") && !restricts && a.does.includes("penalizes") && flaggedInSection(m, u)) continue;
    // A penalty paragraph only counts when it names the narrow class itself.
    if (!regulates && !restricts) continue;
    const anchor: Unit = t.mention && t.unit !== u ? t.unit : u;
    if (seen.has(anchor.id)) continue;
    seen.add(anchor.id);
    // Conduct rules and penalties aimed at a narrow class: high. Access rules
    // on the jurisdiction's own property: lower, and lowest for the NYC model
    // (every non-local agency, non-public areas).
    let severity: Severity = "high";
    const nonPublic = a.where === "non-public-property";
    const facilities = a.where === "jurisdiction-facilities";
    // The leniency is for the jurisdiction's own property: a rule making private
    // parties keep a narrow class out of their premises (AB 450) gets none.
    const onPrivateParties = !!a.privateParties || a.bound === "private-parties";
    if (!regulates && !onPrivateParties) {
      if (t.cls === "non-local-officers") severity = nonPublic ? "low" : facilities ? "medium" : "high";
      else if (nonPublic) severity = "medium";
    }
    const covered = describeClass(t.cls, t.mention, m);
    const out = leftOut(t.cls, m);
    const what = regulates ? "regulates how they work" : "restricts where they may go or what they may use";
    const termNote = t.mention?.term ? ` The narrowness comes from the definition of “${t.mention.term}”, so every provision that uses it shares the problem.` : "";
    notes.push(
      makeNote(meta, anchor, {
        severity,
        quote: t.mention && anchor.text.includes(t.mention.text) ? t.mention.text : "",
        message: `Covers ${covered} and leaves out comparable ${out}.`,
        explanation:
          `This provision ${what} for a class narrower than all law enforcement. A local rule that treats federal officers worse than comparable state or local officers discriminates against the federal government (North Dakota v. United States; United States v. Washington), and a rule aimed at federal agents alone is the pattern struck in Arcata (military recruiters) and King County (ICE charter flights).` +
          (t.cls === "non-local-officers"
            ? nonPublic && !regulates
              ? ` A rule about the jurisdiction's own non-public property that binds every outside agency (the NYC model) is the safer form, but binding the jurisdiction's own police by the same rule removes the comparison entirely.`
              : ` Binding every agency but the jurisdiction's own police while regulating conduct repeats the SB 627 problem: comparable officers are exempt.`
            : nonPublic && !regulates
              ? ` Limiting it to non-public property helps, but the covered class still singles out federal operations.`
              : "") +
          termNote,
        suggestion: restricts && !regulates
          ? `Apply the rule to every Law Enforcement Agency (defined as any federal, state, or local agency, including ${m.kindWord}'s own police) and limit it to non-public areas of ${m.kindWord}'s property; see clause property-use/staging-ban.`
          : `Replace “${t.mention?.text ?? "the narrow class"}” with “any Law Enforcement Officer”, defining Law Enforcement Agency as “any federal, state, or local agency authorized to enforce criminal or civil law, including the ${m.kindWord.replace(/^the /, "")} Police Department”; or bind only ${m.kindWord}'s own officers.`,
      }),
    );
  }
  return notes;
}

/** "may not employ any individual who was hired as a sworn officer of ICE": people treated worse for their federal service. */
function serviceBarNote(u: Unit, m: DraftModel): RiskNote {
  return makeNote(meta, u, {
    severity: "high",
    quote: "",
    message: "Bars people from hiring or office because of their service with the federal government.",
    explanation:
      "This provision disqualifies people because they serve or served a federal agency. Treating those who work for or deal with the federal government worse than those who work for comparable state or local agencies is discrimination under intergovernmental immunity (North Dakota v. United States; United States v. Washington), and a bar tied to one federal agency reads as aimed at that agency's mission.",
    suggestion: `Judge applicants on neutral grounds that apply to every prior employer alike (for example, a sustained finding of misconduct or a decertification by any law enforcement agency), rather than on service with a federal agency; ${m.kindWord} may still set its own hiring standards.`,
  });
}
