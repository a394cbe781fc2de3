// Worse treatment of contractors and businesses because they deal with
// federal immigration authorities (legal-landscape §1.2, §6).
import type { Draft, RiskNote } from "../../draft.js";
import type { RiskContext } from "../context.js";
import { listRe } from "../read/lexicon.js";
import { frameOf, makeNote, modelFor, type Unit } from "../model.js";
import type { RuleMeta } from "../types.js";
import { native } from "../read/native.js";

export const meta: RuleMeta = {
  id: "contractor-discrimination",
  severity: "high",
  title: "Burdens contractors for dealing with federal immigration authorities",
  description:
    "Flags lease or permit terms, contract bans, facility bans and limits on private parties that bite because the party works with federal immigration authorities (detaining for them, servicing their flights, consenting to their agents). Intergovernmental immunity protects the federal government's contractors from discrimination (United States v. Washington, 2022), and a ban aimed at ICE's private detention contractors was held invalid as applied to them (GEO Group v. Newsom, en banc 2022).",
  authorities: ["washington-2022", "geo-newsom-2022", "king-county-2024", "california-ab450-2018", "north-dakota-1990"],
  fix: "Regulate every contractor, lessee or facility alike by what it does (safety, health, labour standards), never by whether its customer is a federal immigration authority; for the jurisdiction's own property, decline its own participation instead of conditioning private parties' dealings.",
};

const SAVINGS_OR_SCOPE_RE = native(/^\s*(?:\([\w.]+\)\s*)*(?:this|nothing\s+in\s+this)\s+\w+(?:\s+\w+)?\s+(?:shall|does|do)\s+not\s+(?:preclude|prohibit|apply|restrict|limit)/i);
function burdens(u: Unit): { words: string } | null {
  const a = u.analysis;
  const f = frameOf(u);
  if (!f.actions.includes("burdens-contractors")) return null;
  // A limit: a negated duty ("shall not operate", "No department shall lease ...
  // to any operator that ...") or a prohibition written into terms; not the
  // penalty for one, nor a clause that says what the limit does not preclude.
  const savingForm = SAVINGS_OR_SCOPE_RE.test(u.text);
  const limits = ((a.duty && a.negated) || /\bprohibition\s+against\b/i.test(u.text)) && !savingForm && !a.does.includes("penalizes");
  if (!limits) return null;
  const party = listRe("contractor-parties").exec(u.text);
  const dealing = listRe("immigration-dealings").exec(u.text);
  if (!party || !dealing) return null;
  // The enactor declining its own part (its agreements, payments, detention contracts) is a market
  // participant's choice; it burdens contractors only when it regulates them (permits, zoning) or
  // shuns them for what they do for the federal government ("any Person that provides ICE with ...").
  if (a.bound === "own-personnel" && !REGULATORY_POWER_RE.test(u.text) && !shunsForDealings(u.text)) return null;
  return { words: dealing[0] };
}

const REGULATORY_POWER_RE = native(/\b(?:permits?|zoning|variances?|licen[cs]es?|certificates?\s+of\s+occupancy|land\s+use\s+approvals?)\b/i);
const BOYCOTT_RE = native(/\b(?:that|which|who)\s+(?:\w+\s+){0,2}(?:provides?|sells?|supplies|furnish(?:es)?|services|serves|contracts?\s+with|does\s+business\s+with|works?\s+with|assists?|operates?)\b/i);

/** "with any Person or Entity that provides ICE with ...", "to any operator that services removal flights". */
function shunsForDealings(text: string): boolean {
  const re = new RegExp(BOYCOTT_RE.source, "gi");
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const after = text.slice(m.index, m.index + m[0].length + 100);
    if (listRe("immigration-dealings").test(after)) return true;
  }
  return false;
}

export function check(draft: Draft, context: RiskContext): RiskNote[] {
  const m = modelFor(draft, context);
  const notes: RiskNote[] = [];
  for (const u of m.units) {
    if (u.inExemptList || u.sectionRole === "definitions") continue;
    const hit = burdens(u);
    if (!hit) continue;
    notes.push(
      makeNote(meta, u, {
        severity: "high",
        quote: hit.words,
        clause: true,
        message: `Treats contractors or businesses worse because they deal with federal immigration authorities (“${hit.words}”).`,
        explanation:
          "A state or local law may not discriminate against the federal government or those it deals with: United States v. Washington (2022) struck, unanimously, a law that singled out federal contract workers at one federal site. The Ninth Circuit, en banc, held that California's ban on private detention facilities could not be applied to ICE's contractors (GEO Group v. Newsom, 2022); King County's airport order against operators servicing deportation flights was struck (2024); and AB 450's bar on employers' voluntary consent to immigration agents was enjoined (E.D. Cal. 2018). A jurisdiction may decline its own help; it may not make private parties pay for theirs.",
        suggestion: `Apply the same terms to every contractor, lessee or facility by what it does, whoever its customer is, or decline ${m.kindWord}'s own participation instead (e.g. “No ${m.kindWord.replace(/^the /, "")} department shall use ${m.kindWord.replace(/^the /, "")} resources to ...”).`,
      }),
    );
  }
  return notes;
}
