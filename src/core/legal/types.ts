// The shape of ordkit's legal knowledge (legal/jurisdictions.yaml and
// legal/authorities.yaml; schema/jurisdictions.schema.json and
// schema/authorities.schema.json say the same for the files).

export const CIRCUITS = ["1st", "2nd", "3rd", "4th", "5th", "6th", "7th", "8th", "9th", "10th", "11th", "DC"] as const;
export type Circuit = (typeof CIRCUITS)[number];

export const LAW_STATUSES = ["bars-limits", "protective", "mixed", "none-found", "unknown"] as const;
export type LawStatus = (typeof LAW_STATUSES)[number];

export const MODULE_IDS = ["property-use", "facial-coverings", "identification", "public-records", "documentation", "detainers", "information", "accountability"] as const;
export type ModuleId = (typeof MODULE_IDS)[number];
export type Verdict = "allowed" | "restricted" | "barred" | "unclear";

/** A state's own law, as written in its jurisdiction entry (laws[]). */
export interface StateLawEntry {
  id: string;
  citation: string;
  kind: "statute" | "executive-order" | "ag-opinion" | "ag-directive" | "case" | "constitution" | "bill";
  date?: string;
  url?: string;
  effect: string;
  litigation?: string;
}

export interface JurisdictionEntry {
  code: string;
  name: string;
  kind: "state" | "district" | "territory";
  /** null: no federal circuit (American Samoa). */
  circuit: Circuit | null;
  status: LawStatus;
  summary?: string;
  laws?: StateLawEntry[];
  modules?: Partial<Record<ModuleId, Verdict>>;
  module_notes?: string;
  sources?: Array<{ title: string; url: string }>;
  searched?: string;
  pending?: string;
  as_of: string;
}

export type BindScope = "everywhere" | "circuit" | "state" | "local" | "none";

export interface Binds {
  scope: BindScope;
  circuit?: Circuit;
  state?: string;
  place?: string;
}

/** One authority: an entry of authorities.yaml, or a state's law from jurisdictions.yaml. */
export interface AuthorityEntry {
  id: string;
  citation: string;
  kind: string;
  /** The court, legislature or office that made it. */
  court: string;
  date?: string;
  url: string;
  /** One line: what it holds or does. */
  holding: string;
  binds: Binds;
  background?: boolean;
  note?: string;
  as_of: string;
  /** Set for a state's law: the jurisdiction entry it is written in. */
  jurisdiction?: string;
}

export interface LegalData {
  jurisdictions: JurisdictionEntry[];
  /** authorities.yaml first, then every jurisdiction's laws, in file order. */
  authorities: AuthorityEntry[];
}
