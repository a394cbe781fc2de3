// Restrictions on sharing citizenship or immigration status information:
// 8 U.S.C. §§ 1373 and 1644 (legal-landscape §1.5).
import type { Draft, RiskNote, Severity } from "../../draft.js";
import type { RiskContext } from "../context.js";
import { makeNote, modelFor, operativeUnits, type DraftModel, type Unit } from "../model.js";
import type { RuleMeta } from "../types.js";
import { native } from "../read/native.js";

export const meta: RuleMeta = {
  id: "status-sharing-restriction",
  severity: "high",
  title: "Restricts sharing immigration or citizenship status",
  description:
    "Flags provisions that bar sending or sharing information about a person's citizenship or immigration status. 8 U.S.C. §§ 1373 and 1644 forbid such restrictions; courts have split on whether they bind localities, and the federal government uses them in suits and grant conditions.",
  authorities: ["usc-8-1373", "usc-8-1644", "philadelphia-2019", "ocean-county-2021", "chicago-barr-2020"],
  fix: "Restrict release dates, home and work addresses and other non-public personal information rather than status itself, and add \"except as required by federal law, including 8 U.S.C. §§ 1373 and 1644\".",
};

export function check(draft: Draft, context: RiskContext): RiskNote[] {
  const m = modelFor(draft, context);
  const notes: RiskNote[] = [];
  const docSavings = documentStatusSavings(m);
  for (const u of operativeUnits(m)) {
    if (u.inExemptList) continue;
    const a = u.analysis;
    if (!a.statusRestriction) continue;
    // A saving in the lead-in ("Unless required to do so by statute ...: (1) ...") covers its items.
    const saving = a.savings?.kind ?? leadInSaving(u) ?? itemSaving(u, m) ?? (docSavings ? "specific" : genericDocSavings(m) ? "generic" : null);
    if (saving === "specific") continue;
    let severity: Severity = saving === "generic" ? "low" : "high";
    const viaTerm = m.terms.get(a.statusRestriction.text.toLowerCase().replace(/s$/, "")) ?? m.terms.get(a.statusRestriction.text.toLowerCase());
    const what = viaTerm && viaTerm.facets.status ? `“${a.statusRestriction.text}” (defined to include citizenship or immigration status)` : `“${a.statusRestriction.text}”`;
    if (severity === "high" && context.circuit === "3rd") severity = "medium";
    notes.push(
      makeNote(meta, u, {
        severity,
        quote: a.statusRestriction.text,
        clause: true,
        message:
          saving === "generic"
            ? `Restricts sharing ${what} with only a general federal-law saving; name 8 U.S.C. §§ 1373 and 1644.`
            : `Restricts sharing ${what}, which 8 U.S.C. §§ 1373 and 1644 forbid localities to restrict.`,
        explanation:
          `Sections 1373 and 1644 bar any government entity from restricting the sending to, or receiving from, federal immigration authorities of information "regarding the citizenship or immigration status" of an individual. Their force against localities is contested: City of Philadelphia (E.D. Pa. 2018) held § 1373 unconstitutional under Murphy and the Third Circuit affirmed on other grounds; Ocean County (3d Cir. 2021) held they cannot preempt New Jersey's Directive; City of Chicago v. Barr (7th Cir. 2020) struck grant conditions but the facial ruling was withdrawn on remand. The federal government still relies on them in suits and funding conditions.` +
          (context.circuit === "3rd" ? " In the Third Circuit, Ocean County lowers the risk." : "") +
          " The safe default restricts other personal data, not status itself.",
        suggestion: `Restrict release dates, home and work addresses, and other non-public personal information instead of status, and add “except as required by federal law, including 8 U.S.C. §§ 1373 and 1644”.`,
      }),
    );
  }
  return notes;
}

function leadInSaving(u: Unit): "specific" | "generic" | null {
  for (let p = u.parent; p; p = p.parent) if (p.analysis.savings) return p.analysis.savings.kind;
  return null;
}

/** "except when such disclosure is: ... (4) required by federal statute;": a saving among the lead-in's own exceptions. */
const FEDERAL_REQUIREMENT_ITEM_RE = native(/^\s*(?:\(?[\w.]{1,4}[.)]\s*)?(?:as\s+|when\s+|if\s+)?(?:otherwise\s+)?(?:required|mandated)\s+by\s+(?:(?:state\s+or\s+|state\s+and\s+)?federal|federal\s+(?:or|and)\s+state)\s+(?:law|statute|regulation)s?\b/i);
const NAMES_1373_RE = native(/\b1373\b|\b1644\b/);
const itemsByLeadIn = new WeakMap<DraftModel, Map<Unit, Unit[]>>();
function itemsOf(u: Unit, m: DraftModel): Unit[] {
  let map = itemsByLeadIn.get(m);
  if (!map) {
    map = new Map();
    for (const o of operativeUnits(m)) {
      for (const lead of new Set([o.leadIn, o.parent])) {
        if (!lead) continue;
        const list = map.get(lead);
        if (list) list.push(o);
        else map.set(lead, [o]);
      }
    }
    itemsByLeadIn.set(m, map);
  }
  return map.get(u) ?? [];
}

function itemSaving(u: Unit, m: DraftModel): "specific" | "generic" | null {
  let found: "specific" | "generic" | null = null;
  for (const o of itemsOf(u, m)) {
    if (NAMES_1373_RE.test(o.text)) return "specific";
    if (o.analysis.savings || FEDERAL_REQUIREMENT_ITEM_RE.test(o.text)) found = o.analysis.savings?.kind ?? "generic";
  }
  return found;
}

/** A document-wide saving that names §§ 1373/1644. */
function documentStatusSavings(m: DraftModel): boolean {
  return operativeUnits(m).some((u) => u.analysis.savings?.kind === "specific" && !u.analysis.statusRestriction);
}

function genericDocSavings(m: DraftModel): boolean {
  return operativeUnits(m).some((u) => /^\s*nothing\s+in\s+this\b/i.test(u.text) && /\bfederal\s+law\b/i.test(u.text));
}
