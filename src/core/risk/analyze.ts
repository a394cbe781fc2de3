// The text analyzer: what one paragraph of a local instrument does, read
// from its words rather than from clause metadata, so that drafts ordkit did
// not write can be checked too.
//
// For a paragraph it works out
//   who    the class of officers or persons it governs (everyone, all law
//          enforcement, the jurisdiction's own personnel, non-local,
//          federal or immigration officers, a named agency such as ICE);
//   exempts whom it carves out (its own police, state officers such as the
//          Highway Patrol, other local officers; or functions such as
//          undercover work and medical masks);
//   where  non-public property, places open to the public, the
//          jurisdiction's facilities generally, anywhere;
//   does   declines assistance, restricts access, regulates conduct,
//          penalizes, directs staff, transparency, declares policy, legal effect.
// Defined terms are resolved through the draft's definitions: a provision on
// "Covered Officers" is as narrow as the definition of that term.
//
// Every span the analyzer reports is an exact substring of the text it was
// given (start/end are offsets into it), so rules can quote it verbatim.

import type { JurisdictionKind } from "../draft.js";

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

export type ConductKind = "dress" | "identification" | "methods" | "access" | "use";
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
}

/** The jurisdiction's own names, to recognize "City employees", "Mounds View Police Department". */
export interface SelfNames {
  kind: JurisdictionKind | null;
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
  /** A class named earlier in the section, for "such officers". */
  sectionClass?: { cls: ActorClass; span: Span } | null;
}

export interface AnalyzerEnv {
  terms?: TermTable;
  self?: SelfNames;
  inherit?: Inherited;
}

// ---------------------------------------------------------------------------
// Small utilities

const KIND_WORDS = ["City", "County", "Town", "Village", "Borough"];

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

function span(text: string, start: number, end: number): Span {
  return { start, end, text: text.slice(start, end) };
}

/** The global form of a regex, compiled once (callers reset lastIndex before use). */
const globalForms = new WeakMap<RegExp, RegExp>();
function globalForm(re: RegExp): RegExp {
  let g = globalForms.get(re);
  if (!g) {
    g = new RegExp(re.source, re.flags.includes("g") ? re.flags : re.flags + "g");
    globalForms.set(re, g);
  }
  g.lastIndex = 0;
  return g;
}

/** A copy of the text in which matched spans can be blanked out, keeping offsets. */
class Masked {
  private masked: string;
  constructor(readonly text: string) {
    this.masked = text;
  }
  get value(): string {
    return this.masked;
  }
  blank(start: number, end: number): void {
    // Offsets are UTF-16 code units, as in text.slice().
    if (end > start) this.masked = this.masked.slice(0, start) + " ".repeat(end - start) + this.masked.slice(end);
  }
  /** Runs a global regex over the masked text as it is when the call starts. */
  each(re: RegExp, fn: (m: RegExpExecArray) => boolean | void): void {
    const s = this.masked;
    const g = globalForm(re);
    let m: RegExpExecArray | null;
    while ((m = g.exec(s)) !== null) {
      if (m[0].length === 0) {
        g.lastIndex++;
        continue;
      }
      const keep = fn(m);
      if (keep) this.blank(m.index, m.index + m[0].length);
    }
  }
}

const ABBREV = /(?:\bU\.S|\bU\.S\.C|\bNo|\bNos|\bSec|\bSecs|\bInc|\bv|\bvs|\be\.g|\bi\.e|\bMr|\bMs|\bDr|\bSt|\bJr|\bGov|\bStat|\bAnn|\bCal|\bPen|\bArt|\bCh|\bSupp|\bF|\bCir|\bApp|\bCo|\bCorp|\bDept|\bOrd|\bRes|\bEO|\b[A-Z])$/;

/** What may follow a full stop that ends a sentence (sticky: tested at the character after it). */
const AFTER_STOP_RE = /["”’)]?\s+[("“A-Z]/y;
const ONLY_SPACE_LEFT_RE = /\s*$/y;

/** Sentence-ish units: split at ";" and at sentence-final punctuation. */
export function sentences(text: string): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    let cut = false;
    if (c === ";") cut = true;
    else if (c === "." || c === "?" || c === "!") {
      // Tested in place rather than on text.slice(i + 1): the same test, without a copy per full stop.
      AFTER_STOP_RE.lastIndex = i + 1;
      ONLY_SPACE_LEFT_RE.lastIndex = i + 1;
      if (AFTER_STOP_RE.test(text) || ONLY_SPACE_LEFT_RE.test(text)) {
        if (!ABBREV.test(text.slice(Math.max(0, i - 6), i))) cut = true;
      }
    }
    if (cut) {
      out.push({ start, end: i + 1 });
      start = i + 1;
    }
  }
  if (start < text.length && text.slice(start).trim()) out.push({ start, end: text.length });
  return out.length ? out : [{ start: 0, end: text.length }];
}

function sentenceOf(sents: Array<{ start: number; end: number }>, pos: number): { start: number; end: number } {
  return sents.find((s) => pos >= s.start && pos < s.end) ?? sents[sents.length - 1]!;
}

// ---------------------------------------------------------------------------
// Lexicon

/** Named agencies; hint: words a match must contain (case-sensitive, as the regex), so text without any of them skips the regex. */
const AGENCIES: Array<{ re: RegExp; name: string; hint: string[]; immigration: boolean }> = [
  { re: /\b(?:U\.S\.\s+|United States\s+)?Immigration and Customs Enforcement(?:\s*\(ICE\))?/g, name: "ICE", hint: ["Immigration and Customs Enforcement"], immigration: true },
  { re: /\b(?:U\.S\.\s+|United States\s+)?Customs and Border Protection(?:\s*\(CBP\))?/g, name: "CBP", hint: ["Customs and Border Protection"], immigration: true },
  { re: /\b(?:U\.S\.\s+|United States\s+)?Citizenship and Immigration Services(?:\s*\(USCIS\))?/g, name: "USCIS", hint: ["Citizenship and Immigration Services"], immigration: true },
  { re: /\b(?:U\.S\.\s+|United States\s+)?Department of Homeland Security(?:\s*\(DHS\))?/g, name: "DHS", hint: ["Department of Homeland Security"], immigration: true },
  { re: /\bHomeland Security Investigations(?:\s*\(HSI\))?/g, name: "HSI", hint: ["Homeland Security Investigations"], immigration: true },
  { re: /\bEnforcement and Removal Operations(?:\s*\(ERO\))?/g, name: "ERO", hint: ["Enforcement and Removal Operations"], immigration: true },
  { re: /\b(?:U\.S\.\s+|United States\s+)?Border Patrol\b/g, name: "Border Patrol", hint: ["Border Patrol"], immigration: true },
  { re: /\bFederal Bureau of Investigation(?:\s*\(FBI\))?/g, name: "FBI", hint: ["Federal Bureau of Investigation"], immigration: false },
  { re: /\bDrug Enforcement Administration(?:\s*\(DEA\))?/g, name: "DEA", hint: ["Drug Enforcement Administration"], immigration: false },
  { re: /\bBureau of Alcohol, Tobacco, Firearms(?:,)? and Explosives(?:\s*\(ATF\))?/g, name: "ATF", hint: ["Bureau of Alcohol, Tobacco, Firearms"], immigration: false },
  { re: /\b(?:U\.S\.\s+|United States\s+)?Marshals Service\b/g, name: "U.S. Marshals Service", hint: ["Marshals Service"], immigration: false },
  { re: /\b(?:ICE|CBP|DHS|HSI|ERO|USCIS)\b(?:\s+(?:officers?|agents?|personnel|officials?|employees?))?/g, name: "", hint: ["ICE", "CBP", "DHS", "HSI", "ERO", "USCIS"], immigration: true },
];

const LEVEL_WORD = "federal|state|local|county|municipal|city|tribal|out-of-state|regional";
const ACTOR_NOUN =
  "agenc(?:y|ies)|officers?|agents?|entit(?:y|ies)|officials?|personnel|employees?|departments?|governments?|authorit(?:y|ies)|law[- ]enforcement|bod(?:y|ies)|police";
const LEVELS_RE = new RegExp(
  String.raw`\b(?:(?:any|all|every|each|no|a|an|other)\s+)?(?:(?:${LEVEL_WORD})\s*(?:,\s*(?:or\s+|and\s+|and\/or\s+)?|\s+(?:or|and|and\/or)\s+)){1,5}(?:${LEVEL_WORD})\s+(?:(?:government(?:al)?|law[- ]enforcement|police|public|peace)\s+){0,2}(?:${ACTOR_NOUN})\b`,
  "gi",
);
/** LEVELS_GOV_RE cannot match without one of these words; it is costly to run on text without them. */
const LEVELS_GOV_HINT_RE = /United States|federal government/i;
const LEVELS_GOV_RE =
  /\b(?:(?:an?|any|the)\s+)?(?:agency|officer|entity|department|employee)?[^.;]{0,20}?\b(?:the\s+)?(?:United States|federal government)\b[^.;]{0,40}?\b(?:a|any|the)\s+state\b[^.;]{0,60}?\b(?:political subdivisions?|local governments?|municipalit(?:y|ies)|count(?:y|ies)|cit(?:y|ies))(?:\s+(?:thereof|of\s+a\s+state))?/gi;

const IMMIGRATION_RES: RegExp[] = [
  /\b(?:federal\s+)?(?:civil\s+)?immigration(?:\s+(?:enforcement|law[- ]enforcement))?\s+(?:officers?|agents?|officials?|authorit(?:y|ies)|agenc(?:y|ies)|personnel|employees?)\b/gi,
  /\b(?:officers?|agents?|personnel|agenc(?:y|ies)|officials?|employees?)\s+(?:who\s+(?:is|are)\s+)?(?:authorized\s+to\s+enforce|enforcing|engaged\s+in(?:\s+the\s+enforcement\s+of)?|acting\s+to\s+enforce|responsible\s+for\s+(?:the\s+)?enforc(?:ing|ement\s+of))\s+(?:federal\s+)?(?:civil\s+)?immigration(?:\s+laws?|\s+enforcement)?\b/gi,
];

const FEDERAL_RES: RegExp[] = [
  /\b(?:federal|United States|U\.S\.)\s+(?:law[- ]enforcement\s+)?(?:officers?|agents?|agenc(?:y|ies)|officials?|personnel|employees?|authorit(?:y|ies)|government|law[- ]enforcement|departments?)\b/gi,
  /\b(?:officers?|agents?|employees?|agenc(?:y|ies)|personnel)\s+of\s+the\s+(?:federal\s+government|United States(?:\s+government)?)\b/gi,
];

const STATE_RES: RegExp[] = [
  /\b(?:(?:[A-Z][a-z]+\s+){0,2}Highway Patrol|CHP|State Police|(?:[A-Z][a-z]+\s+)?State Patrol|(?:[A-Z][a-z]+\s+)?Department of Public Safety|state\s+troopers?)\b/g,
  /\bstate\s+(?:police|troopers?|patrol|law[- ]enforcement(?:\s+(?:officers?|agenc(?:y|ies)|personnel))?|peace\s+officers?|officers?|agenc(?:y|ies)|officials?|employees?)\b/gi,
  /\b(?:officers?|agents?|employees?|members?|personnel)\s+(?:of|employed\s+by)\s+the\s+State(?:\s+of\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)?\b/g,
];

const NONLOCAL_RES: RegExp[] = [
  /\bnon-?local\s+(?:law[- ]enforcement(?:\s+(?:agenc(?:y|ies)|officers?|personnel|officials?|agents?))?|officers?|agenc(?:y|ies)|agents?|police)\b/gi,
  /\boutside\s+(?:law[- ]enforcement(?:\s+(?:agenc(?:y|ies)|officers?|personnel))?|(?:police\s+)?agenc(?:y|ies)|officers?)\b/gi,
  /\bout-of-(?:state|town)\s+(?:law[- ]enforcement(?:\s+(?:agenc(?:y|ies)|officers?))?|officers?|agenc(?:y|ies)|police(?:\s+officers?)?)\b/gi,
];

const OTHER_LOCAL_RES: RegExp[] = [
  /\b(?:school\s+district|transit|university|campus|port|airport)\s+police(?:\s+(?:officers?|department))?\b/gi,
];

const GENERAL_RES: RegExp[] = [
  /\blaw[- ]enforcement\s+(?:agenc(?:y|ies)|officers?|officials?|personnel|agents?|entit(?:y|ies)|bod(?:y|ies))\b/gi,
  /\b(?:peace|police)\s+officers?\b/gi,
  /\b(?:any|every|all|no|each)\s+(?:government(?:al)?|public)\s+(?:entit(?:y|ies)|agenc(?:y|ies)|bod(?:y|ies))\b/gi,
  /\b(?:any|all|no|by|every)\s+law[- ]enforcement\b(?!\s+(?:activit|purpose|operation|action|function|dut|work|capacit|mission|matter|need))/gi,
  /\b(?:any|every|each|no|all)\s+(?:other\s+)?agenc(?:y|ies)\b/gi,
];

const PRIVATE_RE =
  /\b(?:owners?|operators?|managers?)\s+(?:or\s+operators?\s+)?of\s+(?:any\s+)?(?:private(?:ly[- ]owned)?|commercial)\b[^.;,]{0,30}?\b(?:lots?|propert(?:y|ies)|buildings?|garages?|businesses|premises|facilit(?:y|ies))\b|\b(?:private\s+(?:property\s+)?(?:owners?|parties|party|entit(?:y|ies)|persons?|businesses|compan(?:y|ies)|employers?|landlords?|operators?)|(?:property|business|building|parking\s+lot)\s+owners?|businesses|landlords?|employers?|(?:fixed[- ]base|airport|facility|parking)\s+operators?|vendors?|lessees?|tow(?:ing)?\s+compan(?:y|ies)|hotels?|motels?)\b/gi;
const EVERYONE_RE = /\b(?:(?:no|any|every|each|a)\s+(?:person|individual|natural person|entity)|no\s+one|anyone)\b/gi;
const GENERIC_RE = /\b(?:(?:such|the|an?|any|each|every|no|all)\s+)?(?:officers?|agents?)\b/gi;

const MODAL_RE =
  /\b(?:shall|must|may\s+not|will\s+not|cannot|(?:is|are)\s+(?:hereby\s+)?(?:prohibited|required|forbidden|barred|directed|not\s+permitted|not\s+authorized|guilty|subject\s+to|punishable|liable)|commits?)\b/i;
const NEG_RE =
  /(?:^|[^\w])(?:shall\s+not|must\s+not|may\s+not|will\s+not|cannot|(?:is|are)\s+(?:hereby\s+)?(?:prohibited|forbidden|barred|not\s+permitted|not\s+authorized)|no|never|prohibit(?:ed|s)?)(?:[^\w]|$)/i;

const EXEMPT_CUE_RE =
  /\b(?:except(?:ing)?(?:\s+for)?|other\s+than|excluding|exclusive\s+of|but\s+not|(?:does|do|shall)\s+not\s+(?:apply|extend)\s+to|(?:does|do|shall)\s+not\s+include|not\s+including|with\s+the\s+exception\s+of|exempts?)\s*:?$/i;
const FILLER_RE =
  /^(?:[\s,:]|\b(?:for|to|the|any|an?|all|sworn|uniformed|on-duty|members?|officers?|employees?|personnel|agents?|deputies|of|by|employed|and|or|and\/or|its|their|such|nor)\b)*$/i;
const EXAMPLE_CUE_RE = /\b(?:including(?:\s+but\s+not\s+limited\s+to)?|such\s+as|e\.g\.,?|for\s+example,?)[\s,:]*(?:(?:the|any|an?)\s+)?$/i;
const FOLLOWING_EXEMPT_RE = /^\s*,?\s*(?:(?:shall\s+be|is|are)\s+(?:hereby\s+)?(?:exempt|excluded|not\s+(?:subject|covered|bound)))/i;

const FUNCTION_WORDS =
  /\b(undercover|medical(?:\s+masks?)?|surgical\s+masks?|N95|respirators?|SWAT|tactical|special\s+weapons|hazardous|hazards?|smoke|protective\s+(?:gear|equipment)|helmets?|religious|inclement\s+weather|exigen(?:t|cy|cies)|emergenc(?:y|ies)|officer\s+safety|plainclothes|judicial\s+warrant|court\s+order)\b/gi;

const NONPUBLIC_RE =
  /\bnon-?public\s+(?:areas?|spaces?|portions?|parts?|facilit(?:y|ies)|property|properties|premises)\b|\bnon-?public\b|\bnot\s+(?:generally\s+|otherwise\s+|normally\s+)?(?:open|available|accessible)\s+to\s+(?:the\s+|members\s+of\s+the\s+)?(?:general\s+)?public\b|\b(?:except|other\s+than|excluding)\s+(?:any\s+)?(?:areas?|portions?|spaces?|parts?)\s+(?:that\s+are\s+|of\s+[^.;]{1,40}?\s+)?(?:open|available|accessible)\s+to\s+the\s+(?:general\s+)?public\b|\brestricted\s+to\s+(?:employees|staff|authorized\s+(?:personnel|persons))\b|\bsecured?\s+areas?\b|\bjails?\b|\bholding\s+(?:cells?|facilit(?:y|ies))\b|\bdetention\s+facilit(?:y|ies)\b/gi;
const PUBLIC_RE =
  /\b(?:public\s+)?parks?\b|\bstreets?\b(?!\s+address)|\bsidewalks?\b|\b(?:public\s+)?plazas?\b|\bpublic\s+(?:squares?|places?|spaces?|areas?|rights?[- ]of[- ]way|ways?|forums?|roads?)\b|\b(?:open|available|accessible)\s+to\s+the\s+(?:general\s+)?public\b|\bbeach(?:es)?\b|\btrails?\b|\bplaygrounds?\b|\bhighways?\b|\broads?\b|\brights?[- ]of[- ]way\b/gi;

const PENALTY_RES: Array<{ re: RegExp; kind: PenaltyKind }> = [
  { re: /\bmisdemeanou?rs?\b/gi, kind: "misdemeanor" },
  { re: /\binfractions?\b/gi, kind: "infraction" },
  { re: /\b(?:civil|administrative)\s+(?:penalt(?:y|ies)|fines?|citations?)\b/gi, kind: "civil-penalty" },
  { re: /\bfined\b|\bfines?\s+(?:of\s+)?(?:not\s+(?:more|less)\s+than|not\s+to\s+exceed|up\s+to|of)\b|\bpunishable\s+by\s+(?:a\s+)?fine\b|\$\s?[\d,]+(?:\.\d\d)?\s+(?:fine|penalty)\b/gi, kind: "fine" },
  { re: /\bimprison(?:ment|ed)\b|\bincarcerat\w*|\bjail\s+(?:term|sentence)s?\b/gi, kind: "imprisonment" },
  { re: /\bcriminal\s+(?:offen[cs]es?|penalt(?:y|ies)|sanctions?)\b|\bguilty\s+of\b|\bsubject\s+to\s+(?:criminal\s+)?prosecution\b/gi, kind: "criminal" },
];

const PURPOSE_RE =
  /\b(?:civil\s+)?immigration[- ](?:enforcement|law\s+enforcement|operations?|raids?|arrests?|sweeps?|detentions?|actions?|activit(?:y|ies)|purposes?|investigations?|proceedings|detainers?)\b|\benforc(?:e|es|ing|ement\s+of)\s+(?:federal\s+)?(?:civil\s+)?immigration\s+laws?\b|\b(?:violations?\s+of|under)\s+(?:federal\s+)?(?:civil\s+)?immigration\s+laws?\b|\bcivil\s+immigration\s+laws?\b|\bdeportations?\b|\bremoval\s+(?:proceedings|operations|flights?)\b|\b(?:ICE|CBP)\s+(?:operations?|enforcement|raids?|activit(?:y|ies)|charter\s+flights?|flights?)\b/gi;
const PURPOSE_TEST_RE = new RegExp(PURPOSE_RE.source, "i");
const STATUS_RE =
  /\b(?:(?:citizenship|immigration)(?:\s+(?:or|and|and\/or)\s+(?:citizenship|immigration))?\s+status|citizenship|nationality)\b/gi;
const SHARE_RE =
  /\b(?:shar(?:e|es|ed|ing)|disclos(?:e|es|ed|ing|ure)|provid(?:e|es|ed|ing)|send(?:s|ing)?|sent|transmit(?:s|ted|ting)?|communicat(?:e|es|ed|ing)|exchang(?:e|es|ed|ing)|releas(?:e|es|ed|ing)|giv(?:e|es|en|ing)|report(?:s|ed|ing)?|furnish(?:es|ed|ing)?|transfer(?:s|red|ring)?|make\s+available|made\s+available)\b/i;
const SAVINGS_SPECIFIC_RE = /\b(?:8\s+U\.?\s?S\.?\s?C\.?\s*(?:§{1,2}\s*)?(?:1373|1644)|§{1,2}\s*(?:1373|1644)|[Ss]ections?\s+(?:1373|1644))\b/g;
const SAVINGS_GENERIC_RE =
  /\b(?:except\s+(?:as|where|when|to\s+the\s+extent)\s+(?:otherwise\s+)?(?:required|permitted|authorized|provided|mandated)\s+by\s+(?:(?:federal|state|applicable|controlling)(?:\s+(?:or|and)\s+(?:federal|state))?\s+)?law|unless\s+(?:otherwise\s+)?required\s+by\s+(?:(?:federal|state|applicable)(?:\s+(?:or|and)\s+(?:federal|state))?\s+)?law|to\s+the\s+(?:maximum\s+)?extent\s+(?:permitted|allowed|authorized)\s+by\s+(?:(?:federal|state|applicable)(?:\s+(?:or|and)\s+(?:federal|state))?\s+)?law|to\s+the\s+extent\s+consistent\s+with\s+(?:(?:federal|state|applicable)(?:\s+(?:or|and)\s+(?:federal|state))?\s+)?law|consistent\s+with\s+(?:federal|applicable|state\s+and\s+federal)\s+law|(?:conflict|inconsistent)s?\s+with\s+(?:federal|state\s+or\s+federal|applicable|any\s+federal)\s+law|preempted\s+by\s+federal\s+law|as\s+required\s+by\s+federal\s+law)\b/gi;
const LIMITS_RE =
  /\bto\s+the\s+(?:maximum\s+)?extent\s+(?:permitted|allowed|authorized)\s+by\s+(?:federal|state\s+and\s+federal|federal\s+and\s+state|applicable)\s+law\b|\bexcept\s+(?:where|as|to\s+the\s+extent)\s+(?:preempted\s+by|immune\s+under|prohibited\s+by)\s+federal\s+law\b|\b(?:immun(?:e|ity))\s+(?:under|from)\b[^.;]{0,40}\bfederal\s+law\b|\bSupremacy\s+Clause\b|\bnot\s+(?:apply|be\s+applied)\s+to\s+(?:conduct|acts?)\s+(?:authorized|required)\s+by\s+federal\s+law\b/gi;

const CONDUCT_RES: Array<{ re: RegExp; kind: ConductKind }> = [
  {
    re: /\b(?:face|facial)\s+coverings?\b|\b(?:ski\s+)?masks?\b|\bbalaclavas?\b|\bneck\s+gaiters?\b|\bconceal(?:s|ing|ment\s+of)?\s+(?:(?:his|her|their|the\s+officer's|an\s+officer's|one's)\s+)?(?:face|identity|facial\s+features)\b|\bdisguis(?:e|es|ed|ing)\b|(?<!\bin\s)\buniforms?\b|(?<!\bin\s)\bplain\s*clothes\b/gi,
    kind: "dress",
  },
  {
    re: /\bidentif(?:y|ies|ying|ication)\b|\bbadges?(?:\s+numbers?)?\b|\bname\s+tags?\b|\bcredentials?\b|\bdisplay(?:s|ing)?\b[^.;]{0,60}?\b(?:name|agency|badge|number|garment|insignia|identification)\b|\boutermost\s+garment\b/gi,
    kind: "identification",
  },
  {
    re: /\bunmarked\s+(?:vehicles?|cars?)\b|\buse\s+of\s+force\b|\bchokeholds?\b|\btear\s+gas\b|\bchemical\s+(?:agents?|irritants?)\b|\bkettling\b|\brubber\s+bullets\b|\bbody[- ]worn\s+cameras?\b|\bno[- ]knock\b|\bknock\s+and\s+announce\b|\b(?:make|conduct|effect|effectuate)\s+(?:an?\s+|any\s+)?(?:civil\s+)?(?:arrests?|stops?|raids?|sweeps?|searches?)\b|\barrest(?:s)?\b|\bpresent\s+(?:a|the)\s+(?:judicial\s+)?warrant\b/gi,
    kind: "methods",
  },
  {
    re: /\benter(?:s|ing)?\b|\bentry\b|\baccess\b|\bbe\s+present\b|\bremain\s+(?:in|on)\b|\bpatrol\b|\boperat(?:e|ing)\s+(?:in|on|within|at|from)\b|\bconduct(?:s|ing)?\s+[^.;]{0,50}?\b(?:enforcement|operations?|activit(?:y|ies))\s+(?:in|on|at|within)\b/gi,
    kind: "access",
  },
  {
    re: /\bstaging\s+(?:areas?|grounds?|locations?|sites?)\b|\bprocessing\s+(?:locations?|centers?|sites?|areas?)\b|\boperations?\s+bases?\b|\bbases?\s+of\s+operations?\b|\bstag(?:e|ing)\b|\bservic(?:e|es|ing)\b[^.;]{0,40}?\b(?:flights?|aircraft|vehicles?)\b|\bcharter\s+flights?\b|\bland(?:ing)?\s+(?:aircraft|flights?)\b/gi,
    kind: "use",
  },
];

/** Words that make a duty sentence about how officers work, where they go, or penalties. */
const RELEVANT_RE = new RegExp(
  [
    ...CONDUCT_RES.map((c) => c.re.source),
    String.raw`\bpermit|\ballow|\bservic(?:e|es|ing)\b|\bstaging|\buse\b[^.;]{0,60}\b(?:as|for)\b`,
  ].join("|"),
  "i",
);
const PENALTY_WORD_RE = /\bmisdemeanou?r|\binfraction|\bpenalt(?:y|ies)\b|\bfined?\b|\bguilty\b|\bpunishable\b|\bimprison/i;

const DECLINE_RE =
  /\b(?:assist(?:s|ing|ance)?|cooperat(?:e|es|ing|ion)|participat(?:e|es|ing)|expend(?:s|ing)?|honou?r(?:s|ing)?|compl(?:y|ies|ying)\s+with|respond(?:s|ing)?\s+to|hold(?:s|ing)?|detain(?:s|ing)?|transfer(?:s|ring)?|notif(?:y|ies|ying)|inquir(?:e|es|ing)|ask(?:s|ing)?|enter\s+into|joint\s+(?:operations?|task\s+forces?)|287\s*\(g\)|detainers?|administrative\s+warrants?|notification\s+requests?|resources|funds|monies|personnel|equipment|share|disclos(?:e|ing)|provid(?:e|ing)\s+(?:information|data|access))\b|\bprovid(?:e|es|ing)\b[^;]{0,60}?\baccess\b/i;
const TRANSPARENCY_RE =
  /\bFreedom\s+of\s+Information\b|\bFOIA\b|\bpublic[- ]records?\b|\brecords?\s+requests?\b|\b5\s+U\.S\.C\.\s*§\s*552\b|\bpublish(?:es|ed|ing)?\b|\b(?:annual|quarterly|monthly|public)\s+reports?\b|\breport\s+to\s+the\s+(?:City|County|Town|Village|Borough|Council|Board|public)\b|\bdashboard\b|\baudits?\b|\bpost(?:ed)?\s+(?:on|to)\s+the\b/i;
const POLICY_RE =
  /\b(?:it\s+is\s+(?:hereby\s+)?(?:declared\s+to\s+be\s+)?the\s+policy\s+of|hereby\s+(?:declares|affirms|reaffirms|supports|urges|calls\s+upon|opposes|condemns)|(?:declares|affirms|reaffirms)\s+(?:its|that)|urges|calls\s+(?:up)?on)\b/i;
const LEGAL_EFFECT_RE =
  /\bseverab|\bheld\s+(?:to\s+be\s+)?(?:invalid|unconstitutional|unenforceable)|\btakes?\s+effect|\beffective\s+(?:date|immediately|upon|on)|\bhereby\s+repealed|\bshall\s+be\s+construed|\bnothing\s+in\s+this\b|\bsavings?\s+clause|\bcodif(?:y|ied)/i;

// ---------------------------------------------------------------------------
// Definitions

const DEF_RE = /^\s*(?:[(\[]?[a-z0-9]{1,4}[)\].]\s*)?[“"‘']([^”"’']{1,80})[”"’']\s*(?:,\s*)?(?:\([^)]*\)\s*)?(means|shall\s+mean|includes|refers\s+to|has\s+the\s+meaning|is\s+defined\s+as|shall\s+include)\b\s*:?\s*/i;

/** Splits a definition paragraph into term and body, or null if it is not one. */
export function parseDefinition(text: string): { term: string; body: string } | null {
  const m = DEF_RE.exec(text);
  if (!m) return null;
  return { term: m[1]!.trim(), body: text.slice(m[0].length) };
}

const ACTOR_TERM_HEAD = /\b(?:agenc(?:y|ies)|officers?|authorit(?:y|ies)|agents?|personnel|officials?|entit(?:y|ies)|law\s+enforcement|police|employees?|departments?|persons?)$/i;

/** Builds the table of defined terms from definition paragraphs, resolving terms used inside definitions. */
export function buildTermTable(defs: Array<{ text: string; id: string }>, self?: SelfNames): TermTable {
  const raw = new Map<string, { term: string; body: string; id: string }>();
  for (const d of defs) {
    const p = parseDefinition(d.text);
    if (!p) continue;
    const key = p.term.toLowerCase();
    if (!raw.has(key)) raw.set(key, { term: p.term, body: p.body, id: d.id });
  }
  const table: TermTable = new Map();
  const resolving = new Set<string>();
  const resolve = (key: string): void => {
    if (table.has(key) || resolving.has(key)) return;
    resolving.add(key);
    const r = raw.get(key)!;
    // Resolve the terms this definition uses first.
    for (const other of raw.keys()) {
      if (other !== key && termUsed(raw.get(other)!.term, r.body)) resolve(other);
    }
    const a = analyzeText(r.body, { terms: table, ...(self ? { self } : {}) });
    const facets: TermFacets = {};
    const isActorTerm = ACTOR_TERM_HEAD.test(r.term.replace(/\s*\([^)]*\)\s*$/, ""));
    const considered = a.actors.filter((x) => x.role !== "exempt" && x.role !== "example" && !x.generic);
    if (isActorTerm || (considered.length && /^(?:any|an?|all|every|each|the)?\s*(?:\w+\s+){0,4}?(?:officers?|agents?|agenc(?:y|ies)|employees?|personnel|officials?|entit(?:y|ies))\b(?!['’])/i.test(r.body))) {
      const cls = definitionClass(considered, a);
      // "Non-Local Law Enforcement" means any agency other than the City's: the
      // name says the class is non-local; the exclusion of the City's own
      // police is what the term means, not a separate exemption.
      const nonLocalName = /\bnon-?local\b|\boutside\b|\bout-of-(?:state|town)\b|\bnon-?(?:city|county|town|village|borough)\b/i.test(r.term);
      if (cls && nonLocalName && (cls.cls === "all-law-enforcement" || cls.cls === "non-local-officers")) {
        facets.actor = { cls: "non-local-officers", exempts: a.exempts.filter((e) => e.kind !== "function" && e.kind !== "own-personnel").map((e) => ({ ...e, viaTerm: r.term })) };
      } else if (cls) {
        const named = considered.filter((x) => x.cls === "named-agency");
        facets.actor = {
          cls: cls.cls,
          ...(cls.cls === "named-agency" && named[0]?.agency ? { agency: named[0].agency } : {}),
          exempts: a.exempts.filter((e) => e.kind !== "function").map((e) => ({ ...e, viaTerm: r.term })),
        };
      }
    }
    if (!facets.actor) {
      if (a.where === "non-public-property" || a.where === "public-places" || a.where === "jurisdiction-facilities") facets.place = a.where;
      if (a.purpose || PURPOSE_TEST_RE.test(r.term)) facets.purpose = true;
    }
    if (/\b(?:citizenship|immigration)(?:\s+(?:or|and)\s+(?:citizenship|immigration))?\s+status\b|\bcitizenship\b/i.test(r.body)) facets.status = true;
    table.set(key, { term: r.term, body: r.body, id: r.id, facets });
    resolving.delete(key);
  };
  for (const key of raw.keys()) resolve(key);
  return table;
}

function definitionClass(actors: ActorMention[], a: Analysis): { cls: ActorClass } | null {
  if (!actors.length) {
    if (a.purpose) return { cls: "immigration-officers" };
    return null;
  }
  const classes = new Set(actors.map((x) => x.cls));
  if (classes.has("all-law-enforcement") || classes.has("everyone")) return { cls: "all-law-enforcement" };
  const named = actors.filter((x) => x.cls === "named-agency");
  const namedAgencies = new Set(named.map((x) => x.agency));
  if (classes.has("immigration-officers") || namedAgencies.size > 1) {
    // "Federal Immigration Authority" means officers of ICE, CBP, or any agency enforcing immigration law.
    if (classes.has("federal-officers") && !classes.has("immigration-officers") && namedAgencies.size === 0) return { cls: "federal-officers" };
    return { cls: "immigration-officers" };
  }
  if (named.length) return { cls: "named-agency" };
  for (const c of ["non-local-officers", "federal-officers", "own-personnel", "non-federal-officers", "state-officers", "other-local-officers", "private-parties"] as const) {
    if (classes.has(c)) return { cls: c };
  }
  return null;
}

const termRegexes = new Map<string, RegExp>();

/** The regex that finds a defined term (and its plural), compiled once per term. */
function termRegex(term: string): RegExp {
  let re = termRegexes.get(term);
  if (!re) {
    re = makeTermRegex(term);
    termRegexes.set(term, re);
  }
  return re;
}

function termUsed(term: string, text: string): boolean {
  const re = termRegex(term);
  re.lastIndex = 0;
  return re.test(text);
}

function makeTermRegex(term: string): RegExp {
  const words = term.split(/\s+/).map(escapeRe).join("\\s+");
  const plural = /y$/i.test(term) ? `(?:${escapeRe(term.slice(0, -1))}ies|${words})` : `${words}(?:s|es)?`;
  const multi = /\s/.test(term);
  return new RegExp(`(?<![\\w-])${/y$/i.test(term) ? plural : plural}(?![\\w-])`, multi ? "gi" : "g");
}

// ---------------------------------------------------------------------------
// Self names

export function selfNamesFor(j: { name?: string; kind?: JurisdictionKind | string | null } | null | undefined): SelfNames {
  const kind = (j?.kind && KIND_WORDS.map((k) => k.toLowerCase()).includes(String(j.kind)) ? (j.kind as JurisdictionKind) : null);
  const names = new Set<string>();
  if (kind) names.add(kind[0]!.toUpperCase() + kind.slice(1));
  else for (const k of KIND_WORDS) names.add(k);
  const name = (j?.name ?? "").trim();
  if (name) {
    const short = name.replace(/^(?:the\s+)?(?:City|County|Town|Village|Borough|City\s+and\s+County)\s+of\s+/i, "").trim();
    if (short && short.length > 2) names.add(short);
  }
  return { kind, names: [...names] };
}

// ---------------------------------------------------------------------------
// The analysis of one paragraph

const NARROW: ReadonlySet<ActorClass> = new Set(["non-local-officers", "federal-officers", "immigration-officers", "named-agency"]);
/** Classes that include officers of other governments (federal ones in particular). */
const OUTSIDE: ReadonlySet<ActorClass> = new Set(["all-law-enforcement", "non-local-officers", "federal-officers", "immigration-officers", "named-agency"]);

export function isNarrow(c: ActorClass | null | undefined): boolean {
  return !!c && NARROW.has(c);
}
/** True for classes that reach federal officers. */
export function reachesFederal(c: ActorClass | null | undefined): boolean {
  return !!c && OUTSIDE.has(c);
}

export function analyzeText(text: string, env: AnalyzerEnv = {}): Analysis {
  const terms = env.terms ?? new Map<string, DefinedTerm>();
  const self = env.self ?? selfNamesFor(null);
  const inherit = env.inherit ?? {};
  const masked = new Masked(text);
  const actors: ActorMention[] = [];
  const termPlaces: Array<{ where: Where; span: Span }> = [];
  let termPurpose = null as Span | null;
  const termStatus: Span[] = [];
  const stateGaps: Span[] = [];

  const addActor = (start: number, end: number, cls: ActorClass, extra?: Partial<ActorMention>): void => {
    const a: ActorMention = { start, end, text: text.slice(start, end), cls, role: "object" };
    actors.push(extra ? Object.assign(a, extra) : a);
  };

  // 1. Defined terms, longest first.
  const sortedTerms = [...terms.values()].sort((a, b) => b.term.length - a.term.length || a.term.localeCompare(b.term));
  for (const t of sortedTerms) {
    const f = t.facets;
    masked.each(termRegex(t.term), (m) => {
      const s = m.index;
      const e = s + m[0].length;
      if (f.status) termStatus.push(span(text, s, e));
      if (f.actor) {
        addActor(s, e, f.actor.cls, {
          term: t.term,
          ...(f.actor.agency ? { agency: f.actor.agency } : {}),
          ...(f.actor.exempts.length ? { termExempts: f.actor.exempts } : {}),
        });
        return true;
      }
      if (f.place) termPlaces.push({ where: f.place, span: span(text, s, e) });
      if (f.purpose && !termPurpose) termPurpose = span(text, s, e);
      return false;
    });
  }

  // 2. Literal actor phrases, most specific first.
  for (const a of AGENCIES) {
    if (!a.hint.some((h) => text.includes(h))) continue;
    masked.each(a.re, (m) => {
      const name = a.name || m[0].split(/\s+/)[0]!;
      addActor(m.index, m.index + m[0].length, "named-agency", { agency: name });
      return true;
    });
  }
  masked.each(LEVELS_RE, (m) => {
    const words = m[0].toLowerCase();
    const fed = /\bfederal\b/.test(words);
    const st = /\bstate\b|out-of-state/.test(words) && !/^out-of-state$/.test(words);
    const loc = /\b(?:local|county|municipal|city|tribal|regional)\b/.test(words);
    let cls: ActorClass;
    if (fed && st && loc) cls = "all-law-enforcement";
    else if (fed && st) cls = "non-local-officers";
    else if (fed && loc) cls = "all-law-enforcement";
    else if (fed) cls = "federal-officers";
    else if (st && loc) cls = "non-federal-officers";
    else if (st) cls = "state-officers";
    else cls = "other-local-officers";
    addActor(m.index, m.index + m[0].length, cls);
    // "federal and local officers": state officers are left out.
    if (fed && loc && !st) stateGaps.push(span(text, m.index, m.index + m[0].length));
    return true;
  });
  if (LEVELS_GOV_HINT_RE.test(text)) {
    masked.each(LEVELS_GOV_RE, (m) => {
      addActor(m.index, m.index + m[0].length, "all-law-enforcement");
      return true;
    });
  }
  for (const re of IMMIGRATION_RES) masked.each(re, (m) => (addActor(m.index, m.index + m[0].length, "immigration-officers"), true));
  for (const re of FEDERAL_RES) masked.each(re, (m) => (addActor(m.index, m.index + m[0].length, "federal-officers"), true));
  for (const re of STATE_RES) masked.each(re, (m) => (addActor(m.index, m.index + m[0].length, "state-officers"), true));
  for (const re of NONLOCAL_RES) masked.each(re, (m) => (addActor(m.index, m.index + m[0].length, "non-local-officers"), true));
  for (const re of selfRes(self).own) masked.each(re, (m) => (addActor(m.index, m.index + m[0].length, "own-personnel"), true));
  for (const re of OTHER_LOCAL_RES) masked.each(re, (m) => (addActor(m.index, m.index + m[0].length, "other-local-officers"), true));
  for (const re of selfRes(self).sheriff) masked.each(re.re, (m) => (addActor(m.index, m.index + m[0].length, re.cls), true));
  for (const re of GENERAL_RES) masked.each(re, (m) => (addActor(m.index, m.index + m[0].length, "all-law-enforcement"), true));
  masked.each(PRIVATE_RE, (m) => (addActor(m.index, m.index + m[0].length, "private-parties"), true));
  masked.each(EVERYONE_RE, (m) => (addActor(m.index, m.index + m[0].length, "everyone"), true));
  masked.each(GENERIC_RE, (m) => {
    const from = inherit.sectionClass?.cls ?? "all-law-enforcement";
    addActor(m.index, m.index + m[0].length, from, { generic: true });
    return true;
  });
  actors.sort((a, b) => a.start - b.start || b.end - a.end);

  // 3. Sentences, modals and roles.
  const sents = sentences(text);
  let duty = false;
  let negated = false;
  let boundMention: ActorMention | null = null;
  const dutySents: Array<{ start: number; end: number; modal: number; modalEnd: number; neg: boolean }> = [];
  for (const s of sents) {
    const body = text.slice(s.start, s.end);
    if (/^\s*(?:nothing\s+in\s+this|this\s+\w+(?:\s+\w+)?\s+(?:does|do|shall)\s+not\s+(?:apply|prohibit|restrict))/i.test(body)) continue;
    const mm = MODAL_RE.exec(body);
    if (!mm) continue;
    const modal = s.start + mm.index;
    const modalEnd = modal + mm[0].length;
    const subjStart = s.start + subjectStart(body.slice(0, mm.index));
    const neg = NEG_RE.test(text.slice(subjStart, Math.min(s.end, modalEnd + 12))) || /^\s+not\b/i.test(text.slice(modalEnd, modalEnd + 5));
    dutySents.push({ start: s.start, end: s.end, modal, modalEnd, neg });
    const relevant = RELEVANT_RE.test(body) || PENALTY_WORD_RE.test(body);
    duty = true;
    if (neg) negated = true;
    for (const a of actors) {
      if (a.start >= s.start && a.end <= s.end) a.relevant = relevant;
      if (a.start >= subjStart && a.end <= modal) a.role = "subject";
      else if (a.start >= modalEnd && a.end <= s.end) {
        const between = text.slice(modalEnd, a.start);
        if (/^\s*(?:not\s+)?be\s+[\w-]+(?:ed|en|t)\b[^.;]*?\bby\s+(?:(?:any|the|an?|all)\s+)?$/i.test(between)) a.role = "agent";
        else if (/\b(?:permit|allow|authori[sz]e|let|lease|rent|licen[sc]e|grant|servic(?:e|es|ing)|fuel|host|accommodate|admit|deny|refuse|exclude|prohibit|bar|make\s+[^.;]{0,40}\s+available)\w*\b/i.test(between) && !/\b(?:assist|cooperat)/i.test(between))
          a.role = "restricted";
      }
    }
  }
  // "Every Law Enforcement Officer shall, while ...: (1) ..." — the child continues its lead-in's duty.
  if (!duty && inherit.leadIn?.duty) {
    duty = true;
    negated = inherit.leadIn.negated || NEG_RE.test(text);
  }

  // 4. Exemptions and examples.
  for (let i = 0; i < actors.length; i++) {
    const a = actors[i]!;
    const before = text.slice(0, a.start);
    const prev = i > 0 ? actors[i - 1]! : null;
    if (EXAMPLE_CUE_RE.test(before.slice(-40))) {
      a.role = "example";
      continue;
    }
    const cue = findCue(before);
    if (cue !== null && FILLER_RE.test(before.slice(cue))) a.role = "exempt";
    else if (prev && (prev.role === "exempt" || prev.role === "example") && FILLER_RE.test(text.slice(prev.end, a.start)) && /\b(?:or|and|nor)\b|,/.test(text.slice(prev.end, a.start)))
      a.role = prev.role;
    else if (FOLLOWING_EXEMPT_RE.test(text.slice(a.end))) a.role = "exempt";
    // Under "does not apply to:", the item's head names who is exempt ("(3) officers of the
    // City Police Department"); an actor deep in the item ("... in which a Department
    // participates") describes a circumstance instead.
    else if (inherit.exemptList && a.start < 60) a.role = "exempt";
  }
  const exempts: Exemption[] = [];
  for (const a of actors) {
    if (a.role !== "exempt" || a.generic) continue;
    const kind = exemptionKind(a.cls);
    if (kind) exempts.push({ ...span(text, a.start, a.end), kind, label: labelFor(a) });
  }
  for (const g of stateGaps) {
    const owner = actors.find((a) => a.start === g.start);
    if (owner && owner.role !== "exempt") exempts.push({ ...g, kind: "state-officers", label: "state officers (the list names federal and local officers only)" });
  }
  // Exemptions written into the definition of a term used here.
  for (const a of actors) {
    if (a.role === "exempt" || a.role === "example" || !a.termExempts) continue;
    for (const e of a.termExempts) exempts.push({ ...span(text, a.start, a.end), kind: e.kind, label: e.label, ...(e.viaTerm ? { viaTerm: e.viaTerm } : {}) });
  }
  // Function-based exceptions (undercover, medical masks, tactical units, ...).
  const fnCue = /\b(?:except|other\s+than|does\s+not\s+apply|shall\s+not\s+apply|do\s+not\s+apply|exempt|excluding|unless|does\s+not\s+include|not\s+include)\b/i;
  if (fnCue.test(text) || inherit.exemptList) {
    const re = globalForm(FUNCTION_WORDS);
    let m: RegExpExecArray | null;
    while ((m = re.exec(text)) !== null) {
      const cueAt = text.slice(0, m.index).search(/\b(?:except|other\s+than|does\s+not\s+apply|shall\s+not\s+apply|do\s+not\s+apply|exempt|excluding|unless|does\s+not\s+include|not\s+include)\b[^.]*$/i);
      if (cueAt >= 0 || inherit.exemptList) exempts.push({ ...span(text, m.index, m.index + m[0].length), kind: "function", label: m[0].toLowerCase() });
    }
  }
  exempts.sort((a, b) => a.start - b.start);

  // 5. Who: the restricted outside class, else the bound subject.
  const live = actors.filter((a) => a.role !== "exempt" && a.role !== "example");
  const subjects = live.filter((a) => a.role === "subject" || a.role === "agent");
  const restricted = live.filter((a) => a.role === "restricted");
  boundMention = pickBound(subjects.filter((x) => x.relevant)) ?? pickBound(subjects);
  let bound: ActorClass | null = boundMention?.cls ?? null;
  let boundSpan: Span | null = boundMention ? span(text, boundMention.start, boundMention.end) : null;
  if ((!bound || boundMention?.generic) && inherit.leadIn?.bound && duty) {
    bound = inherit.leadIn.bound;
    boundSpan = boundMention ? span(text, boundMention.start, boundMention.end) : null;
  }
  // "Every law enforcement officer other than a federal officer": the rule does not reach federal officers.
  if ((bound === "all-law-enforcement" || bound === "non-local-officers") && exempts.some((e) => e.kind === "federal-officers" && !e.viaTerm)) bound = "non-federal-officers";
  // "No person shall wear a mask while performing law enforcement duties": everyone acting as law enforcement.
  if (bound === "everyone" && /\blaw[- ]enforcement\b|\benforcement\s+(?:dut|activit|action|operation|function)|\bpeace\s+officer/i.test(text)) bound = "all-law-enforcement";

  // 6. Conduct, places, purpose, penalties.
  const conduct: Conduct[] = [];
  const actorMasked = new Masked(text);
  for (const a of actors) actorMasked.blank(a.start, a.end);
  for (const c of CONDUCT_RES) actorMasked.each(c.re, (m) => (conduct.push({ ...span(text, m.index, m.index + m[0].length), kind: c.kind }), true));
  conduct.sort((a, b) => a.start - b.start);

  const places = { nonpublic: [] as Span[], public: [] as Span[], facilities: [] as Span[] };
  actorMasked.each(NONPUBLIC_RE, (m) => (places.nonpublic.push(span(text, m.index, m.index + m[0].length)), true));
  actorMasked.each(PUBLIC_RE, (m) => (places.public.push(span(text, m.index, m.index + m[0].length)), true));
  for (const re of selfRes(self).facility) actorMasked.each(re, (m) => (places.facilities.push(span(text, m.index, m.index + m[0].length)), true));
  for (const p of termPlaces) {
    if (p.where === "non-public-property") places.nonpublic.push(p.span);
    else if (p.where === "public-places") places.public.push(p.span);
    else places.facilities.push(p.span);
  }
  for (const list of Object.values(places)) list.sort((a, b) => a.start - b.start);

  let purpose: Span | null = termPurpose;
  {
    const re = globalForm(PURPOSE_RE);
    const m = re.exec(text);
    if (m && (!purpose || m.index < purpose.start)) purpose = span(text, m.index, m.index + m[0].length);
  }
  const penalties: Penalty[] = [];
  for (const p of PENALTY_RES) {
    const re = globalForm(p.re);
    let m: RegExpExecArray | null;
    while ((m = re.exec(text)) !== null) penalties.push({ ...span(text, m.index, m.index + m[0].length), kind: p.kind });
  }
  penalties.sort((a, b) => a.start - b.start);

  // 7. Savings and acknowledgements of federal limits.
  let savings: Analysis["savings"] = null;
  {
    const sp = globalForm(SAVINGS_SPECIFIC_RE).exec(text);
    if (sp) savings = { ...span(text, sp.index, sp.index + sp[0].length), kind: "specific" };
    else {
      const g = globalForm(SAVINGS_GENERIC_RE).exec(text);
      if (g) savings = { ...span(text, g.index, g.index + g[0].length), kind: "generic" };
    }
  }
  let acknowledgesLimits: Span | null = null;
  {
    const m = globalForm(LIMITS_RE).exec(text);
    if (m) acknowledgesLimits = span(text, m.index, m.index + m[0].length);
  }

  // 8. Status-sharing restrictions.
  let statusRestriction: Span | null = null;
  {
    const mentions: Span[] = [...termStatus];
    const re = globalForm(STATUS_RE);
    let m: RegExpExecArray | null;
    while ((m = re.exec(text)) !== null) mentions.push(span(text, m.index, m.index + m[0].length));
    mentions.sort((a, b) => a.start - b.start);
    for (const st of mentions) {
      const s = sentenceOf(sents, st.start);
      const body = text.slice(s.start, s.end);
      if (/^\s*nothing\s+in\b|\b(?:does|do|shall)\s+not\s+(?:prohibit|restrict|limit|prevent)\b|\bmay\s+(?:share|disclose|provide|send|exchange)\b/i.test(body)) continue;
      if (!SHARE_RE.test(body)) continue;
      const d = dutySents.find((x) => x.start === s.start);
      if (!(d?.neg || /\b(?:no|not|prohibit\w*)\b/i.test(body))) continue;
      // "shall not inquire about immigration status" restricts questioning, not sharing.
      const shareAt = body.search(SHARE_RE);
      if (shareAt < 0) continue;
      statusRestriction = st;
      break;
    }
  }

  // 9. Where.
  const restrictsAccessWords = conduct.some((c) => c.kind === "access" || c.kind === "use");
  let where: Where;
  let whereSpan: Span | null = null;
  if (places.nonpublic.length) {
    where = "non-public-property";
    whereSpan = places.nonpublic[0]!;
  } else if (places.public.length) {
    where = "public-places";
    whereSpan = places.public[0]!;
  } else if (places.facilities.length) {
    where = "jurisdiction-facilities";
    whereSpan = places.facilities[0]!;
  } else where = "not-applicable";

  // 10. What it does.
  const does = new Set<Does>();
  const ownSubject = bound === "own-personnel" || bound === null;
  const outsideBound = reachesFederal(bound) || bound === "state-officers" || bound === "other-local-officers" || bound === "non-federal-officers";
  const conductOfficers = conduct.filter((c) => c.kind === "dress" || c.kind === "identification" || c.kind === "methods");
  const restrictedOutside = restricted.filter((a) => reachesFederal(a.cls) || a.cls === "state-officers" || a.cls === "other-local-officers");
  if (penalties.length && !/^\s*nothing\b/i.test(text)) does.add("penalizes");
  if (duty && outsideBound && conductOfficers.length && !inherit.exemptList) does.add("regulates-conduct");
  if (duty && negated && (restrictsAccessWords || conduct.some((c) => c.kind === "use")) && (outsideBound || restrictedOutside.length || purpose || bound === "private-parties" || bound === "everyone" || (ownSubject && restrictedOutside.length > 0) || (bound === null && where !== "not-applicable")))
    does.add("restricts-access");
  if (duty && !does.has("restricts-access") && (outsideBound || bound === "everyone") && restrictsAccessWords && where !== "not-applicable") does.add("restricts-access");
  const legalEffect = LEGAL_EFFECT_RE.test(text) && /^\s*(?:if\b|nothing\b|this\s+\w+\s+(?:shall\s+)?takes?\s+effect)/i.test(text);
  if (duty && negated && !legalEffect && (ownSubject || bound === "everyone") && !does.has("restricts-access") && DECLINE_RE.test(text)) does.add("declines-assistance");
  if (duty && negated && ownSubject && statusRestriction) does.add("declines-assistance");
  if (duty && bound === "own-personnel" && (!negated ? true : conductOfficers.length > 0 && !does.has("restricts-access") && !does.has("declines-assistance"))) does.add("directs-staff");
  if (TRANSPARENCY_RE.test(text)) does.add("transparency");
  if (POLICY_RE.test(text)) does.add("declares-policy");
  if (LEGAL_EFFECT_RE.test(text)) does.add("legal-effect");
  if (does.has("regulates-conduct") || does.has("restricts-access")) {
    if (where === "not-applicable") where = "anywhere";
  }

  // 11. Who, in substance.
  let whoMention: ActorMention | null = null;
  if (restrictedOutside.length && (does.has("restricts-access") || does.has("regulates-conduct"))) whoMention = pickBound(restrictedOutside);
  else if (boundMention) whoMention = boundMention;
  let who: Who = "none";
  let whoSpan: Span | null = null;
  if (whoMention) {
    who = toWho(whoMention.generic && bound ? bound : whoMention.cls);
    whoSpan = span(text, whoMention.start, whoMention.end);
  } else if (bound) {
    who = toWho(bound);
    whoSpan = boundSpan;
  } else if (live.length) {
    const m = pickBound(live);
    if (m) {
      who = toWho(m.cls);
      whoSpan = span(text, m.start, m.end);
    }
  }

  // 12. Private parties bound.
  let privateParties: Span | null = null;
  for (const a of subjects) {
    if (a.cls !== "private-parties" && a.cls !== "everyone") continue;
    const d = dutySents.find((x) => a.start >= x.start && a.end <= x.modal);
    if (!d) continue;
    if (/^\s*(?:not\s+)?be\s+[\w-]+(?:ed|en)\b/i.test(text.slice(d.modalEnd))) continue; // "No person shall be detained"
    if (a.cls === "everyone" && bound === "all-law-enforcement") continue;
    privateParties = span(text, a.start, a.end);
    break;
  }

  // 13. Scopes of exemption and penalty paragraphs.
  const exemptionScope = scopeOfExemption(text, exempts.length > 0);
  const penaltyScope = penalties.length ? scopesReferenced(text) : [];

  return {
    text,
    who,
    whoSpan,
    bound,
    boundSpan,
    actors,
    exempts,
    where,
    whereSpan,
    does: DOES_ORDER.filter((d) => does.has(d)),
    penalties,
    conduct,
    purpose,
    statusRestriction,
    savings,
    privateParties,
    duty,
    negated,
    exemptionScope,
    penaltyScope,
    acknowledgesLimits,
  };
}

function toWho(c: ActorClass): Who {
  switch (c) {
    case "state-officers":
    case "other-local-officers":
    case "non-federal-officers":
      return "all-law-enforcement";
    case "private-parties":
      return "everyone";
    default:
      return c;
  }
}

const BOUND_PRIORITY: ActorClass[] = [
  "named-agency",
  "immigration-officers",
  "federal-officers",
  "non-local-officers",
  "all-law-enforcement",
  "state-officers",
  "other-local-officers",
  "non-federal-officers",
  "private-parties",
  "own-personnel",
  "everyone",
];

/** The first mention in reading order, preferring non-generic mentions. */
function pickBound(list: ActorMention[]): ActorMention | null {
  const specific = list.filter((a) => !a.generic);
  const pool = specific.length ? specific : list;
  if (!pool.length) return null;
  // The head of the subject is its first mention; a later list member
  // ("any City department or any federal agency") is rare in drafts and the
  // narrower class wins then.
  const classes = new Set(pool.map((a) => a.cls));
  if (classes.size === 1) return pool[0]!;
  for (const c of BOUND_PRIORITY) {
    const hit = pool.find((a) => a.cls === c);
    if (hit && (c !== "own-personnel" || !pool.some((a) => reachesFederal(a.cls)))) return hit;
  }
  return pool[0]!;
}

function subjectStart(before: string): number {
  // "Owners may opt in ..., and the City shall provide signs": the subject starts after the last clause joint.
  const joint = /,\s+(?:and|but|or)\s+(?=(?:the|a|an|any|each|every|no|all|such)\b)/gi;
  let last = -1;
  let j: RegExpExecArray | null;
  while ((j = joint.exec(before)) !== null) last = j.index + j[0].length;
  const head = subjectStartHead(before);
  return Math.max(head, last);
}

function subjectStartHead(before: string): number {
  if (!/^\s*(?:\(\w{1,4}\)\s*)?(?:except|unless|when|whenever|where|if|notwithstanding|in|before|during|while|subject\s+to|for\s+purposes\s+of|upon|after|within|to\s+the\s+extent|no\s+later\s+than|beginning|effective|pursuant\s+to|as\s+of|at)\b/i.test(before)) return 0;
  const re = /,\s+(?=(?:no|any|every|each|the|a|an|all|such|[A-Z])\b)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(before)) !== null) return m.index + m[0].length;
  return 0;
}

function findCue(before: string): number | null {
  // The last exemption cue in the text before the mention, if only filler words follow it.
  const re = /\b(?:except(?:ing)?(?:\s+for)?|other\s+than|excluding|exclusive\s+of|but\s+not|(?:does|do|shall)\s+not\s+(?:apply|extend)\s+to|(?:does|do|shall)\s+not\s+include|not\s+including|with\s+the\s+exception\s+of|exempts?)\b/gi;
  let last: number | null = null;
  let m: RegExpExecArray | null;
  while ((m = re.exec(before)) !== null) last = m.index + m[0].length;
  if (last === null) return null;
  return EXEMPT_CUE_RE.test(before.slice(0, last)) ? last : null;
}

function exemptionKind(c: ActorClass): ExemptionKind | null {
  switch (c) {
    case "own-personnel":
      return "own-personnel";
    case "state-officers":
    case "non-federal-officers":
      return "state-officers";
    case "other-local-officers":
      return "other-local-officers";
    case "federal-officers":
    case "immigration-officers":
    case "named-agency":
      return "federal-officers";
    default:
      return null;
  }
}

function labelFor(a: ActorMention): string {
  switch (a.cls) {
    case "own-personnel":
      return `the jurisdiction's own personnel (${a.text})`;
    case "state-officers":
    case "non-federal-officers":
      return `state officers (${a.text})`;
    case "other-local-officers":
      return `other local officers (${a.text})`;
    default:
      return a.text;
  }
}

/** Regex lists built from the jurisdiction's names, once per set of names. */
const selfRegexes = new Map<string, { own: RegExp[]; sheriff: Array<{ re: RegExp; cls: ActorClass }>; facility: RegExp[] }>();
function selfRes(self: SelfNames): { own: RegExp[]; sheriff: Array<{ re: RegExp; cls: ActorClass }>; facility: RegExp[] } {
  const key = `${self.kind ?? ""}\u0000${self.names.join("\u0000")}`;
  let r = selfRegexes.get(key);
  if (!r) {
    r = { own: ownRes(self), sheriff: sheriffRes(self), facility: facilityRes(self) };
    selfRegexes.set(key, r);
  }
  return r;
}

function ownRes(self: SelfNames): RegExp[] {
  const names = self.names.map(escapeRe).join("|");
  const kind = self.kind ? escapeRe(self.kind[0]!.toUpperCase() + self.kind.slice(1)) : KIND_WORDS.join("|");
  const nouns =
    "police(?:\\s+(?:department|officers?|personnel|chief))?|sheriff(?:'s|’s)?(?:\\s+(?:office|department|deputies))?|departments?|agenc(?:y|ies)|employees?|officers?|officials?|personnel|staff|workers?|boards?|commissions?|contractors?|attorney|manager|administrator|chief\\s+of\\s+police";
  return [
    new RegExp(`\\b(?:the\\s+|any\\s+|no\\s+|each\\s+|every\\s+|all\\s+)?(?:${names})(?:'s|’s)?(?:\\s+(?:and\\s+its\\s+)?(?:${nouns}))(?:\\s*,\\s*(?:(?:or|and)\\s+)?(?:${nouns}))*\\b`, "gi"),
    new RegExp(`\\b(?:officers?|employees?|members?|personnel|agents?|officials?|staff|departments?|agenc(?:y|ies)|deputies)\\s+(?:of|employed\\s+by)\\s+(?:the\\s+)?(?:${names}|${kind})(?:\\s+of\\s+[A-Z][\\w.'’ -]*?)?(?=\\W|$)(?:(?:'s|’s)?\\s+(?:police\\s+department|sheriff(?:'s|’s)?\\s+office))?`, "gi"),
    new RegExp(`\\b[Tt]he\\s+(?:${kind})(?=\\s+(?:shall|must|may|will|does|is|and\\s+its))`, "g"),
    new RegExp(`\\b(?:the\\s+)?Chief\\s+of\\s+Police\\b|\\bthe\\s+Police\\s+Department\\b|\\bthe\\s+Department\\s+of\\s+Police\\b`, "g"),
  ];
}

function sheriffRes(self: SelfNames): Array<{ re: RegExp; cls: ActorClass }> {
  const re = /\b(?:the\s+)?(?:County\s+)?Sheriff(?:'s|’s)?(?:\s+(?:Office|Department|deputies))?\b|\bdeputy\s+sheriffs?\b/gi;
  return [{ re, cls: self.kind === "county" ? "own-personnel" : "other-local-officers" }];
}

function facilityRes(self: SelfNames): RegExp[] {
  const names = self.names.map(escapeRe).join("|");
  return [
    new RegExp(
      `\\b(?:${names})(?:-owned|'s|’s)?\\s+(?:property|properties|facilit(?:y|ies)|buildings?|premises|lots?|parking\\s+(?:lots?|garages?|facilities)|garages?|land|offices?|real\\s+property|schools?|airports?)\\b`,
      "gi",
    ),
    /\bproperty\s+(?:that\s+is\s+)?(?:owned|leased|controlled|operated|managed)\b|\bparking\s+(?:lots?|garages?|structures?)\b|\bvacant\s+lots?\b|\bgarages?\b|\bfacilit(?:y|ies)\b|\bbuildings?\b|\bschools?\b|\blibrar(?:y|ies)\b|\bpremises\b|\bairports?\b|\bproperty\b/gi,
  ];
}

function scopeOfExemption(text: string, hasExemptions: boolean): ScopeRef | null {
  const m =
    /\b(this\s+(?:section|subsection|paragraph|ordinance|order|executive\s+order|resolution|chapter|article|title|part)|subsections?\s+\([a-z0-9]+\)|sections?\s+(\d+(?:\.\d+)*)|the\s+(?:prohibitions?|requirements?|restrictions?)\s+(?:of|in)\s+this\s+(?:section|subsection|ordinance|order|chapter|article))\s+(?:does|do|shall)\s+not\s+(?:apply|extend)\b/i.exec(
      text,
    ) ?? /\b(?:is|are)\s+(?:hereby\s+)?exempt\s+from\s+(this\s+(?:section|subsection|ordinance|order|chapter|article)|sections?\s+(\d+(?:\.\d+)*))/i.exec(text);
  if (!m) return hasExemptions && /^\s*(?:the\s+)?(?:following|this)\b[^.]*\b(?:exempt|does\s+not\s+apply)/i.test(text) ? { kind: "section" } : null;
  return refFrom(m[1]!, m[2]);
}

function refFrom(phrase: string, number: string | undefined): ScopeRef {
  const p = phrase.toLowerCase();
  if (number) return { kind: "named-section", number };
  if (/ordinance|order|resolution|chapter|article|title|part/.test(p)) return { kind: "document" };
  if (/paragraph/.test(p)) return { kind: "paragraph" };
  return { kind: "section" };
}

function scopesReferenced(text: string): ScopeRef[] {
  const out: ScopeRef[] = [];
  const re = /\b(?:this\s+(section|subsection|ordinance|order|executive\s+order|chapter|article|title|part)|sections?\s+(\d+(?:\.\d+)*(?:\s*(?:,|and|or|through)\s*\d+(?:\.\d+)*)*))\b/gi;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    if (m[1]) out.push(refFrom(`this ${m[1]}`, undefined));
    else if (m[2]) {
      const nums = m[2].split(/\s*(?:,|and|or)\s*/).filter(Boolean);
      for (const n of nums) {
        const range = /^(\d+)\s*through\s*(\d+)$/.exec(n);
        if (range) for (let i = Number(range[1]); i <= Number(range[2]); i++) out.push({ kind: "named-section", number: String(i) });
        else out.push({ kind: "named-section", number: n.trim() });
      }
    }
  }
  return out.length ? out : [{ kind: "section" }];
}
