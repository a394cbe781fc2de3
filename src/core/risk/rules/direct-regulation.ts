// Rules dictating how federal officers work (dress, identification, methods,
// where they may go): direct regulation (legal-landscape §1.2 (3), §2).
import type { Draft, RiskNote, Severity } from "../../draft.js";
import type { RiskContext } from "../context.js";
import { circuitName } from "../context.js";
import { reachesFederal, type Conduct, type ConductKind } from "../read/index.js";
import { describeClass, frameOf, isNinth, makeNote, modelFor, operativeUnits, outsideTarget, provisionRoot, type Unit } from "../model.js";
import type { RuleMeta } from "../types.js";

export const meta: RuleMeta = {
  id: "direct-regulation",
  severity: "medium",
  title: "Directly regulates how outside officers work",
  description:
    "Flags provisions that dictate how officers of other governments, federal ones included, dress, identify themselves, carry out their work, or where they may go. Even an even-handed rule can be invalid direct regulation; in the Ninth Circuit the April 22, 2026 ruling on SB 805 makes this high risk.",
  authorities: ["johnson-1920", "north-dakota-1990", "california-9th-2026", "ca-sb805-2025"],
  fix: "Bind the jurisdiction's own officers, and reach outside agencies only through the jurisdiction's own property, records and staff; if the rule must reach every officer, keep it neutral with no exemptions and sever it as applied.",
};

const WHAT: Record<ConductKind, string> = {
  dress: "dress (facial coverings, uniforms)",
  identification: "identification",
  methods: "enforcement methods (vehicles, force, arrests)",
  access: "movements (where they may go)",
  use: "operations (where they may stage or operate)",
  duty: "work (acts it commands of them)",
};

export function check(draft: Draft, context: RiskContext): RiskNote[] {
  const m = modelFor(draft, context);
  const notes: RiskNote[] = [];
  // One note per provision: a top-level paragraph with its lead-in, list items and details.
  const firing = new Map<string, Array<{ u: Unit; conduct: Conduct[] }>>();
  for (const u of operativeUnits(m)) {
    if (u.inExemptList) continue;
    const a = u.analysis;
    if (!a.bound || !reachesFederal(a.bound)) continue;
    // A duty to adopt or post a policy is outside-agency-mandate's: it orders administration, not conduct.
    if (underMandate(u)) continue;
    let conduct = a.does.includes("regulates-conduct") ? a.conduct.filter((c) => c.kind === "dress" || c.kind === "identification" || c.kind === "methods" || c.kind === "duty") : [];
    if (!conduct.length && a.does.includes("restricts-access") && (a.where === "anywhere" || a.where === "jurisdiction-facilities") && a.boundSpan)
      conduct = a.conduct.filter((c) => c.kind === "access" || c.kind === "use");
    if (!conduct.length) continue;
    // What the duty sentences name, when they name any: "A uniform or badge ... satisfies the display
    // requirement" beside the duty is not what the provision regulates.
    const inDuty = conduct.filter((c) => a.duties.some((d) => c.start >= d.span.start && c.end <= d.span.end));
    if (inDuty.length) conduct = inDuty;
    const key = provisionRoot(m, u).id;
    const list = firing.get(key) ?? [];
    list.push({ u, conduct });
    firing.set(key, list);
  }
  for (const list of firing.values()) {
    const { u } = list[0]!;
    const conduct = list.flatMap((x) => x.conduct);
    const quote = list[0]!.conduct[0]!;
    const ninth = isNinth(context.circuit);
    // Commanding outside officers about the jurisdiction's own property (not
    // limited to non-public areas) is a milder form: the fix is to address the
    // rule to the jurisdiction's departments and limit it to non-public areas.
    const propertyOnly = conduct.every((c) => c.kind === "access" || c.kind === "use") && u.analysis.where === "jurisdiction-facilities";
    const severity: Severity = propertyOnly ? "low" : ninth ? "high" : "medium";
    const t = outsideTarget(u);
    const covered = t ? describeClass(t.cls, t.mention, m).replace(/^only /, "") : "outside officers";
    const kinds = [...new Set(conduct.map((c) => WHAT[c.kind]))];
    const where = context.circuit
      ? ninth
        ? `In ${circuitName(context.circuit)}, the April 22, 2026 injunction pending appeal against SB 805 § 10 held that a state "attempts to directly regulate" the United States when it dictates how federal officers work, and that this is barred even if the state binds its own officers the same way (citing Johnson v. Maryland). That is a motions-stage ruling, but it binds courts in this circuit.`
        : `This jurisdiction is in ${circuitName(context.circuit)}, which has not ruled on this question; the Ninth Circuit's April 22, 2026 SB 805 ruling is persuasive there, and the Johnson v. Maryland line applies everywhere.`
      : `${context.state ? `${context.state} is in no federal circuit` : "No state was given, so the circuit is unknown"}: in the Ninth Circuit this is high risk after the April 22, 2026 SB 805 ruling; elsewhere a real but lower one.`;
    notes.push(
      makeNote(meta, u, {
        severity,
        quote: quote.text,
        clause: true,
        message: `Regulates the ${kinds.join(" and ")} of ${covered}, federal officers among them.`,
        explanation: propertyOnly
          ? `The rule commands officers of every agency, federal ones included, about the use of ${m.kindWord}'s property. A rule framed as ${m.kindWord}'s management of its own non-public property, addressed to its own departments and applied to every outside agency, is the safer model (New Jersey's Directive, upheld in Ocean County; NYC Admin. Code § 4-210); commanding federal officers directly invites a direct-regulation challenge (Johnson v. Maryland), and property open to the public raises the concerns of King County.`
          : `A local rule may not directly regulate how the federal government performs its functions (North Dakota v. United States; Johnson v. Maryland), even when it is even-handed. ${where} The same rule applied only to the jurisdiction's own police remains safe.`,
        suggestion: propertyOnly
          ? `Address the rule to ${m.kindWord}'s departments and limit it to non-public areas: “No ${m.kindWord.replace(/^the /, "")} department shall permit any Law Enforcement Agency to use a Non-Public Area as a Staging Area”; see clause property-use/staging-ban.`
          : `Bind only ${m.kindWord}'s own officers (e.g. “No officer of the ${m.kindWord.replace(/^the /, "")} Police Department shall ...”; see clause ${ownOfficersClause(conduct, list.map((x) => x.u))}), and reach outside agencies through documentation by ${m.kindWord}'s police and public-records requests; if the rule must reach every officer, keep it even-handed with no exemptions and an as-applied severability clause.`,
      }),
    );
  }
  return notes;
}

/** The unit, or a lead-in above it, orders an outside agency to adopt a policy: its items are the policy's contents. */
function underMandate(u: Unit): boolean {
  for (let x: Unit | null = u; x; x = x.parent) if (frameOf(x).actions.includes("mandates-outside-agency")) return true;
  return false;
}

/** The default library's own-officers form of what the provision regulates. */
function ownOfficersClause(conduct: ReadonlyArray<{ kind: string }>, units: ReadonlyArray<{ text: string; heading: string }>): string {
  if (conduct.some((c) => c.kind === "identification")) return "identification/own-officers";
  if (conduct.some((c) => c.kind === "dress")) return "facial-coverings/own-officers";
  if (units.some((u) => /\bvehicles?\b/i.test(`${u.heading} ${u.text}`))) return "identification/vehicles-own-officers";
  return "facial-coverings/own-officers";
}

