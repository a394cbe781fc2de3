// The names every template may use, and how answers become the render context.
import type { Scope } from "./handlebars.js";
import { allJurisdictions } from "../legal/index.js";

export const JURISDICTION_KEYS = ["name", "the_name", "term", "kind", "state", "state_name", "legislative_body", "executive_title", "executive_name", "clerk_title"] as const;
export const EXISTING_KEYS = ["trust_ordinance", "detainer_policy", "agreement_287g", "property_rule", "own_police_mask_rule", "own_police_id_rule", "body_camera_policy", "records_office", "state_law", "code_name", "repealed_provisions"] as const;

/** Top-level answers fields a condition may test (besides options.* and variables.*). */
export const ANSWER_FIELDS = ["instrument", "modules", "date", "number", "title", "sponsor", "authority"] as const;

export const CLAUSE_GLOBALS: Scope = new Map<string, Set<string> | null>([
  ["jurisdiction", new Set(JURISDICTION_KEYS)],
  ["existing", new Set(EXISTING_KEYS)],
  ["instrument", null],
  ["Instrument", null],
  ["number", null],
  ["date", null],
  ["sponsor", null],
  ["authority", null],
]);

/** Templates see the clause globals plus the assembled title and subjects. */
export function templateScope(): Scope {
  return new Map([...CLAUSE_GLOBALS, ["title", null], ["subjects", null], ["legal_as_of", null]]);
}

/** Postal code -> name of every jurisdiction in legal/jurisdictions.yaml. */
export const STATE_NAMES: Readonly<Record<string, string>> = Object.freeze(Object.fromEntries(allJurisdictions().map((j) => [j.code, j.name])));

export const INSTRUMENT_WORD: Record<string, string> = {
  ordinance: "Ordinance",
  "executive-order": "Order",
  resolution: "Resolution",
};
