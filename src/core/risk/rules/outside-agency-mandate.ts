// Duties on outside agencies to adopt, post, notify or answer challenges
// (legal-landscape §6).
import type { Draft, RiskNote } from "../../draft.js";
import type { RiskContext } from "../context.js";
import { describeClass, frameOf, makeNote, modelFor, operativeUnits } from "../model.js";
import type { RuleMeta } from "../types.js";

export const meta: RuleMeta = {
  id: "outside-agency-mandate",
  severity: "medium",
  title: "Mandates on outside agencies' administration",
  description:
    "Flags duties on every agency \"operating in\" the state or jurisdiction, federal agencies among them, to adopt and post written policies, give notice of operations, or answer public challenges within a deadline. Whatever the subject, such duties regulate how the federal government administers its own agencies (Johnson v. Maryland; SB 627's policy mandate, Gov. Code § 7289).",
  authorities: ["johnson-1920", "north-dakota-1990", "ca-sb627-2025", "california-9th-2026"],
  fix: "Impose the duty on the jurisdiction's own agencies only; for outside agencies, invite voluntary policies and publish what they share, or use public-records requests.",
};

export function check(draft: Draft, context: RiskContext): RiskNote[] {
  const m = modelFor(draft, context);
  const notes: RiskNote[] = [];
  for (const u of operativeUnits(m)) {
    const f = frameOf(u);
    if (!f.actions.includes("mandates-outside-agency") || !f.bound) continue;
    notes.push(
      makeNote(meta, u, {
        severity: "medium",
        quote: f.bound.words ?? "",
        clause: true,
        message: `Orders ${describeClass(f.bound.cls, null, m).replace(/^only /, "")} to carry out administrative duties (adopt, post, notify or answer).`,
        explanation:
          "A state or locality may set duties for its own agencies, but a duty on every agency operating within its borders reaches federal agencies and regulates how the federal government administers them, which is direct regulation whatever the subject (Johnson v. Maryland; North Dakota v. United States). SB 627's mandate that every law enforcement agency operating in California maintain and post a facial-covering policy, answering challenges within 90 days, is the model case; in the Ninth Circuit the Apr. 22, 2026 SB 805 ruling makes the risk concrete.",
        suggestion: `Address the duty to ${m.kindWord}'s own agencies (“Each ${m.kindWord.replace(/^the /, "")} law enforcement agency shall ...”), and for outside agencies publish what they choose to share or request it under public-records law.`,
      }),
    );
  }
  return notes;
}
