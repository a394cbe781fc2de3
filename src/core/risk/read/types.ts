// The reader's vocabulary: the classes of actor, place and action it
// recognizes, the spans it reports (exact substrings of the text read, so
// rules can quote them), and the analysis of one paragraph.
import type { JurisdictionKind } from "../../draft.js";

export type Who =
  | "everyone"
  | "all-law-enforcement"
  | "own-personnel"
  | "non-local-officers"
  | "federal-officers"
  | "immigration-officers"
  | "named-agency"
  | "none";

/** A class of actor a phrase names. Wider than Who: also classes that only appear as exemptions or objects. */
export type ActorClass =
  | Exclude<Who, "none">
  | "state-officers"
  | "other-local-officers"
  | "non-federal-officers"
  | "private-parties";

export type Where = "anywhere" | "non-public-property" | "public-places" | "jurisdiction-facilities" | "not-applicable";

export type Does =
  | "declines-assistance"
  | "restricts-access"
  | "regulates-conduct"
  | "penalizes"
  | "directs-staff"
  | "transparency"
  | "declares-policy"
  | "legal-effect";

export const DOES_ORDER: readonly Does[] = [
  "declines-assistance",
  "restricts-access",
  "regulates-conduct",
  "penalizes",
  "directs-staff",
  "transparency",
  "declares-policy",
  "legal-effect",
];

export interface Span {
  start: number;
  end: number;
  /** Exactly text.slice(start, end). */
  text: string;
}

export type ActorRole = "subject" | "agent" | "restricted" | "object" | "exempt" | "example";

export interface ActorMention extends Span {
  cls: ActorClass;
  role: ActorRole;
  /** For a named agency: its short name (ICE, CBP, DHS, ...). */
  agency?: string;
  /** The defined term this mention resolved through. */
  term?: string;
  /** A bare "officers" / "such officer" that refers back to a class named earlier. */
  generic?: boolean;
  /** A bare "officers" with no class named before it in the section: resolved in the paragraph, else the enactor's own. */
  unresolved?: boolean;
  /** "They are not permitted to enter ...": a pronoun, which refers back only to officers named before it, else to no one. */
  pronoun?: boolean;
  /** The words a pronoun refers back to, for the note's "who is covered" line. */
  refersTo?: string;
  /** Exemptions written into the definition of the term used. */
  termExempts?: Exemption[];
  /** The mention's sentence states a duty about conduct, access, use or a penalty. */
  relevant?: boolean;
}

export type ExemptionKind = "own-personnel" | "state-officers" | "other-local-officers" | "federal-officers" | "function";

export interface Exemption extends Span {
  kind: ExemptionKind;
  /** Human label: "the City's own police", "state officers (California Highway Patrol)", "undercover work". */
  label: string;
  /** Set when the exemption is written into a definition: the defined term. */
  viaTerm?: string;
}

/** "duty": an act commanded of federal officers that no other kind names ("shall notify ... in advance"). */
export type ConductKind = "dress" | "identification" | "methods" | "access" | "use" | "duty";
export interface Conduct extends Span {
  kind: ConductKind;
}

export type PenaltyKind = "fine" | "misdemeanor" | "infraction" | "civil-penalty" | "criminal" | "imprisonment";
export interface Penalty extends Span {
  kind: PenaltyKind;
}

export type ScopeRef = { kind: "paragraph" } | { kind: "section" } | { kind: "document" } | { kind: "named-section"; number: string };

export interface Analysis {
  text: string;
  /** The class the provision governs in substance (the restricted outside class, else the bound subject). */
  who: Who;
  whoSpan: Span | null;
  /** Grammatical subject of the duty (who must act or refrain), if any. */
  bound: ActorClass | null;
  boundSpan: Span | null;
  actors: ActorMention[];
  exempts: Exemption[];
  where: Where;
  whereSpan: Span | null;
  does: Does[];
  penalties: Penalty[];
  conduct: Conduct[];
  /** The words that make the provision turn on immigration enforcement. */
  purpose: Span | null;
  /** A restriction on sharing citizenship or immigration status information. */
  statusRestriction: Span | null;
  /** An "except as required by federal law" style saving. */
  savings: (Span & { kind: "specific" | "generic" }) | null;
  /** Private parties (or "any person") bound by the provision. */
  privateParties: Span | null;
  /** The paragraph states a duty or prohibition ("shall", "may not", ...). */
  duty: boolean;
  /** The duty is a prohibition. */
  negated: boolean;
  /** "This section does not apply to ...": the provision is an exemption clause; its scope. */
  exemptionScope: ScopeRef | null;
  /** Penalty paragraphs: what they penalize ("this section", "Section 4", ...). */
  penaltyScope: ScopeRef[];
  /** Text acknowledging federal immunity or preemption limits ("to the extent permitted by federal law"). */
  acknowledgesLimits: Span | null;
  /** Each sentence that states a duty, in order: its words, whether it prohibits, and its own subject. */
  duties: Duty[];
}

export interface Duty {
  /** The sentence (or ";" clause), trimmed. */
  span: Span;
  negated: boolean;
  /** The modal as written ("shall not", "may not", "is prohibited"), or null where a list item carries its lead-in's. */
  modal: string | null;
  /** The sentence's own subject, when it names one. */
  subject: { cls: ActorClass; text: string } | null;
}

/** The jurisdiction's own names, to recognize "City employees", "Mounds View Police Department". */
export interface SelfNames {
  kind: JurisdictionKind | null;
  /** "state" when the enactor is a state (a statute): its agencies and its local governments are its own. */
  level?: "local" | "state";
  /** Capitalized words or names that denote the jurisdiction: "City", "Mounds View". */
  names: string[];
}

export interface TermFacets {
  actor?: { cls: ActorClass; agency?: string; exempts: Exemption[] };
  place?: Exclude<Where, "anywhere" | "not-applicable">;
  purpose?: boolean;
  status?: boolean;
}

export interface DefinedTerm {
  term: string;
  /** The definition after "means" / "includes". */
  body: string;
  /** Anchor of the paragraph that defines it. */
  id: string;
  facets: TermFacets;
}

export type TermTable = Map<string, DefinedTerm>;

export interface Inherited {
  /** The parent paragraph ends with "does not apply to:" or similar: everything listed is an exemption. */
  exemptList?: boolean;
  /** The parent paragraph is a lead-in ending with ":" whose duty the child continues. */
  leadIn?: Analysis | null;
  /** The paragraph just before this one in its section, for "It may not be used ..." after "This property is ...". */
  previous?: string | null;
  /** The classes named in the section's paragraphs so far, latest last, for a bare "an officer" that refers back. */
  named?: readonly ActorMention[];
  /** A class named earlier in the section, for "such officers". */
  sectionClass?: { cls: ActorClass; span: Span } | null;
}

export interface AnalyzerEnv {
  terms?: TermTable;
  self?: SelfNames;
  inherit?: Inherited;
}

