// The Draft: the one intermediate representation every writer, the risk
// engine and the diff read. Numbers are never stored: writers compute them.
import type { Amendment } from "./amend/model.js";

export type Instrument = "ordinance" | "executive-order" | "resolution";
export const INSTRUMENTS: readonly Instrument[] = ["ordinance", "executive-order", "resolution"];

export type JurisdictionKind = "city" | "county" | "town" | "village" | "borough";
export const JURISDICTION_KINDS: readonly JurisdictionKind[] = ["city", "county", "town", "village", "borough"];

export interface Jurisdiction {
  /** Full formal name, e.g. "City of Alameda Bay". */
  name: string;
  kind: JurisdictionKind;
  /** Two-letter postal code. */
  state: string;
  /** e.g. "City Council", "Board of Supervisors". */
  legislativeBody: string;
  /** e.g. "Mayor", "County Executive". */
  executiveTitle: string;
  executiveName?: string;
}

/** One paragraph of a section, with its numbered children. */
export interface Paragraph {
  /** Stable anchor, e.g. "property-use/staging-ban#p2". */
  id: string;
  text: string;
  /** false for lead-in text and definitions, which carry no (a)/(1) label. */
  numbered: boolean;
  children: Paragraph[];
}

export type SectionRole = "definitions" | "operative" | "closing";

export interface Section {
  /** Stable anchor id: the clause id, or "definitions". */
  id: string;
  /** Clause this section came from; null for assembled or parsed sections. */
  clauseId: string | null;
  role: SectionRole;
  heading: string;
  paragraphs: Paragraph[];
}

export interface Recital {
  id: string;
  clauseId: string | null;
  /** Text without the leading "WHEREAS," and trailing "; and". */
  text: string;
}

/**
 * The skeleton the instrument template produced, in reading order. The
 * "recitals" and "sections" blocks are placeholders that writers expand.
 */
export type LayoutBlock =
  | { type: "heading"; text: string }
  | { type: "title"; text: string }
  | { type: "para"; text: string }
  | { type: "formula"; text: string }
  | { type: "recitals" }
  | { type: "sections" }
  | { type: "signature"; label: string; name: string }
  | { type: "note"; text: string };

export interface ClauseProvenance {
  id: string;
  version: string;
  /** sha256 of the clause file's bytes, first 16 hex digits. */
  hash: string;
}

export interface Provenance {
  ordkitVersion: string;
  /** The library, or the top layer when there are layers. */
  library: { name: string; version: string };
  /** Every layer, lowest first; only present when the library has layers. */
  layers?: Array<{ name: string; version: string }>;
  clauses: ClauseProvenance[];
  /** sha256 of the answers file's bytes, first 16 hex digits (null if none). */
  answersHash: string | null;
  template: string;
}

export type Severity = "high" | "medium" | "low" | "info";
export const SEVERITIES: readonly Severity[] = ["high", "medium", "low", "info"];

/** An authority as a note cites it, weighed for the state the draft will be adopted in. */
export interface Authority {
  /** Its id in legal/ (authorities.yaml or a state's laws). */
  id: string;
  cite: string;
  url: string;
  as_of: string;
  /** Whether it binds where the draft will be adopted. */
  binding: boolean;
  /** Why, in plain words ("persuasive in the Eighth Circuit (a Ninth Circuit decision)"). */
  reason: string;
}

export interface RiskNote {
  rule: string;
  severity: Severity;
  /** Section anchor id the note concerns ("recitals" for recitals, "document" for the whole draft). */
  section: string;
  /** Paragraph or recital anchor id, when the note is about one. */
  paragraph: string | null;
  clause: string | null;
  /** Exact words in the paragraph the note is anchored to ("" for the whole provision). */
  quote: string;
  message: string;
  explanation: string;
  authorities: Authority[];
  suggestion: string;
  /** Drafts made from answers: the answer to change to avoid the note (options.coverings_scope: own-officers). */
  change?: { answer: string; value: string; why?: string };
  /** What the clause library says about this clause under this rule (the clause's `risks:`). */
  libraryNote?: string;
}

export interface Draft {
  instrument: Instrument;
  jurisdiction: Jurisdiction;
  title: string;
  number: string;
  /** The date the draft speaks from (answers `date` or --date), YYYY-MM-DD. */
  date: string;
  recitals: Recital[];
  formula: string;
  sections: Section[];
  layout: LayoutBlock[];
  provenance: Provenance;
  /** Drafter's notes, e.g. what existing rules were taken into account. */
  notes: string[];
  riskNotes: RiskNote[];
  /** The as-of date of the legal knowledge used for risk notes. */
  legalAsOf: string;
  /** Present when the draft amends an existing code (answers existing.code): see amend/model.ts. */
  amendment?: Amendment;
}

/** Every paragraph of a section in reading order, depth first. */
export function* walkParagraphs(paragraphs: Paragraph[]): Generator<Paragraph> {
  for (const p of paragraphs) {
    yield p;
    yield* walkParagraphs(p.children);
  }
}
