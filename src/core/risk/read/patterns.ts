// The patterns the paragraph pass uses: named agencies, classes of officer,
// places, purposes, penalties, savings, conduct. Word lists a lawyer may
// extend live in words/*.yaml (lexicon.ts); what remains here is structure.
// ---------------------------------------------------------------------------
// Lexicon
import type { ConductKind, PenaltyKind } from "./types.js";
import { listRe } from "./lexicon.js";
import { native } from "./native.js";

/** Named agencies; hint: words a match must contain (in any case for the full names, which an all-caps bill writes in capitals; as written for the acronyms), so text without any of them skips the regex. */
export const AGENCIES: Array<{ re: RegExp; name: string; hint: string[]; immigration: boolean }> = [
  { re: native(/\b(?:U\.S\.\s+|United States\s+)?Immigration and Customs Enforcement(?:\s*\(ICE\))?/gi), name: "ICE", hint: ["Immigration and Customs Enforcement"], immigration: true },
  { re: native(/\b(?:U\.S\.\s+|United States\s+)?Customs and Border Protection(?:\s*\(CBP\))?/gi), name: "CBP", hint: ["Customs and Border Protection"], immigration: true },
  { re: native(/\b(?:U\.S\.\s+|United States\s+)?Citizenship and Immigration Services(?:\s*\(USCIS\))?/gi), name: "USCIS", hint: ["Citizenship and Immigration Services"], immigration: true },
  { re: native(/\b(?:U\.S\.\s+|United States\s+)?Department of Homeland Security(?:\s*\(DHS\))?/gi), name: "DHS", hint: ["Department of Homeland Security"], immigration: true },
  { re: native(/\bHomeland Security Investigations(?:\s*\(HSI\))?/gi), name: "HSI", hint: ["Homeland Security Investigations"], immigration: true },
  { re: native(/\bEnforcement and Removal Operations(?:\s*\(ERO\))?/gi), name: "ERO", hint: ["Enforcement and Removal Operations"], immigration: true },
  { re: native(/\b(?:U\.S\.\s+|United States\s+)?Border Patrol\b/gi), name: "Border Patrol", hint: ["Border Patrol"], immigration: true },
  { re: native(/\bFederal Bureau of Investigation(?:\s*\(FBI\))?/gi), name: "FBI", hint: ["Federal Bureau of Investigation"], immigration: false },
  { re: native(/\bDrug Enforcement Administration(?:\s*\(DEA\))?/gi), name: "DEA", hint: ["Drug Enforcement Administration"], immigration: false },
  { re: native(/\bBureau of Alcohol, Tobacco, Firearms(?:,)? and Explosives(?:\s*\(ATF\))?/gi), name: "ATF", hint: ["Bureau of Alcohol, Tobacco, Firearms"], immigration: false },
  { re: native(/\b(?:U\.S\.\s+|United States\s+)?Marshals Service\b/gi), name: "U.S. Marshals Service", hint: ["Marshals Service"], immigration: false },
  { re: native(/\b(?:ICE|CBP|DHS|HSI|ERO|USCIS)\b(?:\s+(?:officers?|agents?|personnel|officials?|employees?))?/g), name: "", hint: ["ICE", "CBP", "DHS", "HSI", "ERO", "USCIS"], immigration: true },
];

export const LEVEL_WORD = "federal|state|local|county|municipal|city|tribal|out-of-state|regional";
export const ACTOR_NOUN =
  "agenc(?:y|ies)|officers?|agents?|entit(?:y|ies)|officials?|personnel|employees?|departments?|governments?|authorit(?:y|ies)|law[- ]enforcement|bod(?:y|ies)|police";
export const LEVELS_RE = native(new RegExp(
  String.raw`\b(?:(?:any|all|every|each|no|a|an|other)\s+)?(?:(?:${LEVEL_WORD})\s*(?:,\s*(?:or\s+|and\s+|and\/or\s+)?|\s+(?:or|and|and\/or)\s+)){1,5}(?:${LEVEL_WORD})\s+(?:(?:government(?:al)?|law[- ]enforcement|police|public|peace)\s+){0,2}(?:${ACTOR_NOUN})\b`,
  "gi",
));
/** LEVELS_GOV_RE cannot match without one of these words; it is costly to run on text without them. */
export const LEVELS_GOV_HINT_RE = native(/United States|federal government/i);
export const LEVELS_GOV_RE =
  native(/\b(?:(?:an?|any|the)\s+)?(?:agency|officer|entity|department|employee)?[^.;]{0,20}?\b(?:the\s+)?(?:United States|federal government)\b[^.;]{0,40}?\b(?:a|any|the)\s+state\b[^.;]{0,60}?\b(?:political subdivisions?|local governments?|municipalit(?:y|ies)|count(?:y|ies)|cit(?:y|ies))(?:\s+(?:thereof|of\s+a\s+state))?/gi);

export const IMMIGRATION_RES: RegExp[] = [
  native(/\b(?:federal\s+)?(?:civil\s+)?immigration(?:\s+(?:enforcement|law[- ]enforcement))?\s+(?:officers?|agents?|officials?|authorit(?:y|ies)|agenc(?:y|ies)|personnel|employees?)\b/gi),
  native(/\b(?:officers?|agents?|personnel|agenc(?:y|ies)|officials?|employees?)\s+(?:who\s+(?:is|are)\s+)?(?:authorized\s+to\s+enforce|enforcing|conducting|engaged\s+in(?:\s+the\s+enforcement\s+of)?|acting\s+to\s+enforce|responsible\s+for\s+(?:the\s+)?enforc(?:ing|ement\s+of))\s+(?:federal\s+)?(?:civil\s+)?immigration(?:\s+laws?|\s+enforcement)?\b/gi),
];

export const FEDERAL_RES: RegExp[] = [
  // "Any person or persons who, acting under color of any federal law, ..."
  native(/\b(?:any\s+|a\s+)?(?:persons?|individuals?|defendants?|officers?)(?:\s+or\s+persons)?\s+(?:who\s*,?\s*)?(?:is\s+|are\s+|while\s+)?acting\s+under\s+(?:the\s+)?colou?r\s+of\s+(?:any\s+)?federal\s+law\b/gi),
  // "a troop or armed person or persons in the civil, military or naval service of the United States"
  native(/\b(?:(?:a\s+)?troops?\s+or\s+)?(?:armed\s+)?(?:persons?|troops?)(?:\s+or\s+persons)?\s+in\s+the\s+(?:[\w,]+\s+){0,5}service\s+of\s+the\s+United\s+States\b/gi),
  native(/\b(?:federal|United States|U\.S\.)\s+(?:law[- ]enforcement\s+)?(?:officers?|agents?|agenc(?:y|ies)|officials?|personnel|employees?|authorit(?:y|ies)|government|law[- ]enforcement|departments?)\b/gi),
  native(/\b(?:officers?|agents?|employees?|agenc(?:y|ies)|personnel)\s+of\s+the\s+(?:federal\s+government|United States(?:\s+government)?)\b/gi),
];

export const STATE_RES: RegExp[] = [
  // "officers of the Illinois State Police" as one mention (not "officers" and "State Police").
  native(/\b(?:officers?|troopers?|agents?|employees?)\s+of\s+the\s+(?:[A-Z][a-z]+\s+){0,2}(?:State\s+Police|Highway\s+Patrol|State\s+Patrol|Department\s+of\s+Public\s+Safety)\b/g),
  native(/\b(?:(?:[A-Z][a-z]+\s+){0,2}Highway Patrol|CHP|(?:[A-Z][a-z]+\s+){0,2}State Police|(?:[A-Z][a-z]+\s+)?State Patrol|(?:[A-Z][a-z]+\s+)?Department of Public Safety|state\s+troopers?)\b/g),
  native(/\bstate\s+(?:police|troopers?|patrol|law[- ]enforcement(?:\s+(?:officers?|agenc(?:y|ies)|personnel))?|peace\s+officers?|officers?|agenc(?:y|ies)|officials?|employees?)\b/gi),
  native(/\b(?:officers?|agents?|employees?|members?|personnel)\s+(?:of|employed\s+by)\s+the\s+State(?:\s+of\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)?\b/g),
];

export const NONLOCAL_RES: RegExp[] = [
  native(/\bnon-?local\s+(?:law[- ]enforcement(?:\s+(?:agenc(?:y|ies)|officers?|personnel|officials?|agents?))?|officers?|agenc(?:y|ies)|agents?|police)\b/gi),
  native(/\boutside\s+(?:law[- ]enforcement(?:\s+(?:agenc(?:y|ies)|officers?|personnel))?|(?:police\s+)?agenc(?:y|ies)|officers?)\b/gi),
  native(/\bout-of-(?:state|town)\s+(?:law[- ]enforcement(?:\s+(?:agenc(?:y|ies)|officers?))?|officers?|agenc(?:y|ies)|police(?:\s+officers?)?)\b/gi),
];

export const OTHER_LOCAL_RES: RegExp[] = [
  native(/\b(?:school\s+district|transit|university|campus|port|airport)\s+police(?:\s+(?:officers?|department))?\b/gi),
];

export const GENERAL_RES: RegExp[] = [
  native(/\blaw[- ]enforcement\s+(?:agenc(?:y|ies)|officers?|officials?|personnel|agents?|entit(?:y|ies)|bod(?:y|ies))\b/gi),
  native(/\b(?:peace|police|public\s+safety)\s+officers?\b/gi),
  native(/\b(?:any|every|all|no|each)\s+(?:government(?:al)?|public)\s+(?:entit(?:y|ies)|agenc(?:y|ies)|bod(?:y|ies))\b/gi),
  native(/\b(?:any|all|no|by|every)\s+law[- ]enforcement\b(?!\s+(?:activit|purpose|operation|action|function|dut|work|capacit|mission|matter|need))/gi),
  native(/\b(?:any|every|each|no|all)\s+(?:other\s+)?agenc(?:y|ies)\b/gi),
];

export const PRIVATE_RE =
  native(/\b(?:owners?|operators?|managers?)\s+(?:or\s+operators?\s+)?of\s+(?:any\s+)?(?:private(?:ly[- ]owned)?|commercial)\b[^.;,]{0,30}?\b(?:lots?|propert(?:y|ies)|buildings?|garages?|businesses|premises|facilit(?:y|ies))\b|\b(?:private\s+(?:property\s+)?(?:owners?|parties|party|entit(?:y|ies)|persons?|businesses|compan(?:y|ies)|employers?|landlords?|operators?)|(?:property|business|building|parking\s+lot)\s+owners?|businesses|landlords?|employers?|(?:health\s+care|child\s+care|early\s+learning|long-term\s+care)\s+(?:facilit(?:y|ies)|providers?(?:\s+entit(?:y|ies))?|centers?)|adult\s+family\s+homes?|(?:fixed[- ]base|airport|facility|parking)\s+operators?|vendors?|lessees?|tow(?:ing)?\s+compan(?:y|ies)|hotels?|motels?)\b/gi);
/** Credentials shown to a building's security on entry ("shall present credentials ... to any existing courthouse security"). */
export const CHECK_IN_RE =
  native(/\b(?:present|show|display|produce)\s+(?:(?:their|his\s+or\s+her|the\s+officer's|an?|valid)\s+)?(?:credentials|identification|badges?)\b[^.;]{0,120}?\b(?:(?:courthouse|building|facility|court|front[- ]desk)\s+security|security\s+(?:staff|personnel|officers?|desk|screening)|upon\s+(?:entry|entering|arrival)|at\s+the\s+(?:entrance|front\s+desk)|check[- ]in)\b/i);
/**
 * Terms imposed through the jurisdiction's leases, operating permits or concessions (commercial
 * instruments, not agreements with other agencies): "ensure
 * that all future leases ... contain a prohibition against providing services
 * to ...". The lessees and permittees are bound by them.
 */
export const LEASE_TERMS_RE =
  native(/\b(?:leases?|subleases?|operating\s+permits?|concessions?|franchises?|licen[cs]es?\s+to\s+operate)\b[^.;]{0,120}?(?<!seek\s+to\s)\b(?:contain|include|incorporate|require|be\s+conditioned\s+on)s?\s+(?:an?\s+|the\s+)?(?:prohibition|requirement|condition|covenant|term|clause|restriction)s?\b/i);
export const EVERYONE_RE = native(/\b(?:(?:no|any|every|each|a)\s+(?:person|individual|natural person|entity)|no\s+one|anyone)\b/gi);
export const GENERIC_RE = native(/\b(?:(?:such|the|an?|any|each|every|no|all)\s+)?(?:officers?|agents?)\b/gi);

/** "special or enhanced access", "preferential treatment": an equal-treatment promise. */
export const EQUAL_TREATMENT_RE = native(/\b(?:special|enhanced|preferential|greater)\s+(?:or\s+(?:special|enhanced|preferential)\s+)?(?:access|treatment)\b/i);
export const MODAL_RE =
  native(/\b(?:shall|must|may\s+not|will\s+not|cannot|(?:is|are)\s+not\s+open\s+for|(?:is|are)\s+(?:hereby\s+)?(?:prohibited|required|forbidden|barred|directed|not\s+permitted|not\s+authorized|guilty|subject\s+to|punishable|liable)|commits?(?=\s+(?:a|an|the)\s+(?:\w+\s+){0,3}?(?:offen[cs]e|violation|crime|misdemeanou?r|felony|infraction))|should\s+not|(?:will|shall|may)\s+only|will\s+refrain\s+from|(?:do|does)\s+not(?=\s+(?:ask|inquire|detain|hold|honou?r|arrest|question|share|participate|assist|cooperate|enforce)\b)|(?:prohibited|forbidden)\s+(?:uses|activities|acts|conduct)\s+(?:include|includes|are))\b/i);
export const NO_SUBJECT_RE = native(/^\s*(?:\([\w.]+\)\s*)*no\s+\w/i);
export const NO_FORM_MODAL_RE = native(/\b(?:may|can|will|(?:is|are)\s+(?:hereby\s+)?(?:authorized|permitted|allowed))\b/i);
/** Declining in positive words: "shall decline detainer requests", "shall refuse". */
export const DECLINE_VERB_RE = native(/\b(?:shall|must|will)\s+(?:decline|refuse|reject)\b/i);
/** Modal forms in which the enactor grants or withholds permission rather than commanding the subject. */
export const AUTHORIZATION_MODAL_RE = native(/\b(?:authorized|permitted|allowed)\b/i);
/** "shall not be given (granted, allowed) access": the subject receives, someone else gives. */
export const GIVEN_RE = native(/\s*(?:not\s+)?be\s+(?:given|granted|allowed|permitted|provided|afforded)\s+(?!to\b)/iy);
export const NEG_RE =
  native(/(?:^|[^\w])(?:shall\s+not|must\s+not|may\s+not|will\s+not|cannot|(?:is|are)\s+(?:hereby\s+)?(?:prohibited|forbidden|barred|not\s+permitted|not\s+authorized|not\s+open)|(?:prohibited|forbidden)\s+(?:uses|activities|acts|conduct)|(?:will|shall|may)\s+only|refrain\s+from|should\s+not|(?:do|does)\s+not|no|never|neither|prohibit(?:ed|s)?)(?:[^\w]|$)/i);

export const EXEMPT_CUE_RE =
  native(/\b(?:nothing\s+(?:herein|in\s+this\s+\w+(?:\s+\([\w.]+\))?)\s+shall\s+(?:be\s+construed\s+to\s+)?(?:prohibit|prevent|restrict|limit)|except(?:ing)?(?:\s+for)?|other\s+than|excluding|exclusive\s+of|but\s+not|(?:does|do|shall)\s+not\s+(?:apply|extend)\s+to|(?:does|do|shall)\s+not\s+include|not\s+including|with\s+the\s+exception\s+of|exempts?|who\s+(?:is|are)\s+not(?:\s+(?:a|an))?)\s*:?$/i);
export const FILLER_RE =
  native(/^(?:[\s,:]|\b(?:for|to|the|any|an?|all|sworn|uniformed|on-duty|regular|reserve|certified|full-time|part-time|members?|officers?|employees?|personnel|agents?|deputies|of|by|employed|and|or|and\/or|its|their|such|nor)\b)*$/i);
export const EXAMPLE_CUE_RE = native(/\b(?:including(?:\s+but\s+not\s+limited\s+to)?|such\s+as|e\.g\.,?|for\s+example,?)[\s,:]*(?:(?:the|any|an?)\s+)?$/i);
export const FOLLOWING_EXEMPT_RE = native(/^\s*,?\s*(?:(?:shall\s+be|is|are)\s+(?:hereby\s+)?(?:exempt|excluded|not\s+(?:subject|covered|bound)))/i);

/** Exceptions by function (undercover, medical masks, emergencies): a word list (read/words/function-exemptions.yaml). */
export const FUNCTION_WORDS = listRe("function-exemptions", "g");

export const NONPUBLIC_RE =
  native(/\bnon-?public\s+(?:areas?|spaces?|portions?|parts?|facilit(?:y|ies)|property|properties|premises)\b|\bnon-?public\b|\bnot\s+(?:generally\s+|otherwise\s+|normally\s+)?(?:open|available|accessible)\s+to\s+(?:the\s+|members\s+of\s+the\s+)?(?:general\s+)?public\b|\b(?:except|other\s+than|excluding)\s+(?:any\s+)?(?:areas?|portions?|spaces?|parts?)\s+(?:that\s+are\s+|of\s+[^.;]{1,40}?\s+)?(?:open|available|accessible)\s+to\s+the\s+(?:general\s+)?public\b|\brestricted\s+to\s+(?:employees|staff|authorized\s+(?:personnel|persons))\b|\bsecured?\s+areas?\b|\bjails?\b|\bholding\s+(?:cells?|facilit(?:y|ies))\b|\bdetention\s+facilit(?:y|ies)\b/gi);
/** Places open to the public: a word list (read/words/public-places.yaml). */
export const PUBLIC_RE = listRe("public-places", "g");

export const PENALTY_RES: Array<{ re: RegExp; kind: PenaltyKind }> = [
  { re: native(/\bmisdemeanou?rs?\b/gi), kind: "misdemeanor" },
  { re: native(/\binfractions?\b/gi), kind: "infraction" },
  { re: native(/\b(?:civil|administrative)\s+(?:penalt(?:y|ies)|fines?|citations?)\b/gi), kind: "civil-penalty" },
  { re: native(/\bfined\b|\bfines?\s+(?:of\s+)?(?:not\s+(?:more|less)\s+than|not\s+to\s+exceed|up\s+to|of)\b|\bpunishable\s+by\s+(?:a\s+)?fine\b|\$\s?[\d,]+(?:\.\d\d)?\s+(?:fine|penalty)\b/gi), kind: "fine" },
  // "incarceration status", "incarceration records" describe a person, not a punishment.
  { re: native(/\bimprison(?:ment|ed)\b|\bincarcerat\w*\b(?!\s+(?:status|records?|history|dates?|facilit(?:y|ies)|information))|\bjail\s+(?:term|sentence)s?\b/gi), kind: "imprisonment" },
  { re: native(/\bcriminal\s+(?:offen[cs]es?|penalt(?:y|ies)|sanctions?)\b|\bguilty\s+of\b|\bcommits?\s+(?:the|an?)\s+offen[cs]e\b|\bsubject\s+to\s+(?:criminal\s+)?prosecution\b/gi), kind: "criminal" },
];

export const PURPOSE_RE =
  native(/\b(?:civil\s+)?immigration[- ](?:enforcement|law\s+enforcement|operations?|raids?|arrests?|sweeps?|detentions?|actions?|activit(?:y|ies)|purposes?|investigations?|proceedings|detainers?)\b|\benforc(?:e|es|ing|ement\s+of)\s+(?:federal\s+)?(?:civil\s+)?immigration\s+laws?\b|\b(?:violations?\s+of|under)\s+(?:federal\s+)?(?:civil\s+)?immigration\s+laws?\b|\bcivil\s+immigration\s+laws?\b|\bdeportations?\b|\bdeport(?:ing|ation\s+of)\s+(?:immigration\s+)?detainees\b|\bremoval\s+(?:proceedings|operations|flights?)\b|\b(?:ICE|CBP)\s+(?:operations?|enforcement|raids?|activit(?:y|ies)|charter\s+flights?|flights?)\b/gi);
/** Words that name another government or a class beyond the enactor's own: "federal", "non-local", "operating in". */
export const LEVEL_NAMED_RE = native(/\b(?:federal|state|local|county|municipal|tribal|non-?local|outside|out-of-state|other|foreign|United\s+States|operating|ICE|DHS|CBP|immigration)\b/i);
/** "all agencies", "each agency": in a local measure, the enactor's own departments. */
export const BARE_AGENCY_RE = native(/^(?:(?:all|each|every|any|the)\s+)?agenc(?:y|ies)$/i);
/** "immigration enforcement agent" names an officer, not a purpose. */
export const PURPOSE_IS_ACTOR_RE = native(/^\s+(?:agents?|officers?|officials?|personnel|authorit(?:y|ies)|agenc(?:y|ies)|facilit(?:y|ies)|centers?|agreements?)\b/i);
/** "any other similar use including for enforcing civil immigration laws": an example, not a limit. */
export const PURPOSE_EXAMPLE_RE = native(/\b(?:including|such\s+as)(?:\s+but\s+not\s+limited\s+to)?(?:\s+(?:for|to))?\s*$/i);
/** The function in a class's name ("immigration enforcement agent"): the words that make it a purpose. */
export const PURPOSE_CLASS_RE = native(/\b(?:civil\s+)?immigration(?:\s+law)?\s+enforcement\b|\benforc(?:e|ing|ement\s+of)\s+(?:federal\s+)?(?:civil\s+)?immigration(?:\s+laws?)?\b/i);
export const PURPOSE_TEST_RE = native(new RegExp(PURPOSE_RE.source, "i"));
export const STATUS_RE =
  native(/\b(?:(?:citizenship|immigration)(?:\s+(?:or|and|and\/or)\s+(?:citizenship|immigration))?\s+status|citizenship|nationality)\b/gi);
/** Sharing verbs: a word list (read/words/sharing-verbs.yaml). */
export const SHARE_RE = listRe("sharing-verbs");
export const SAVINGS_SPECIFIC_RE = native(/\b(?:8\s+U\.?\s?S\.?\s?C\.?\s*(?:§{1,2}\s*)?(?:1373|1644)|§{1,2}\s*(?:1373|1644)|[Ss]ections?\s+(?:1373|1644))\b/g);
export const CROSS_REFERENCE_RE = native(/\bas\s+(?:otherwise\s+)?provided\s+(?:in|by|under|for)\b|\bprovided\s+(?:that|further|however)\b|\bprovision\s+of\b/gi);
export const SAVINGS_GENERIC_RE =
  native(/\b(?:except\s+(?:as|where|when|to\s+the\s+extent)\s+(?:otherwise\s+)?(?:required|permitted|authorized|provided|mandated)\s+by\s+(?:(?:federal|state|applicable|controlling)(?:\s+(?:or|and)\s+(?:federal|state))?\s+)?(?:law|statute|regulation)|unless\s+(?:(?:such|the)\s+\w+\s+is\s+)?(?:otherwise\s+)?required(?:\s+to\s+do\s+so)?\s+by\s+(?:(?:federal|state|applicable)(?:\s+(?:or|and)\s+(?:federal|state))?\s+)?(?:law|statute|regulation)|to\s+the\s+(?:maximum\s+)?extent\s+(?:permitted|allowed|authorized)\s+by\s+(?:(?:federal|state|applicable)(?:\s+(?:or|and)\s+(?:federal|state))?\s+)?law|to\s+the\s+extent\s+consistent\s+with\s+(?:(?:federal|state|applicable)(?:\s+(?:or|and)\s+(?:federal|state))?\s+)?law|consistent\s+with\s+(?:federal|applicable|state\s+and\s+federal)\s+law|(?:conflict|inconsistent)s?\s+with\s+(?:federal|state\s+or\s+federal|applicable|any\s+federal)\s+law|preempted\s+by\s+federal\s+law|as\s+required\s+by\s+federal\s+law)\b/gi);
export const LIMITS_RE =
  native(/\bto\s+the\s+(?:maximum\s+)?extent\s+(?:permitted|allowed|authorized)\s+by\s+(?:federal|state\s+and\s+federal|federal\s+and\s+state|applicable)\s+law\b|\bexcept\s+(?:where|as|to\s+the\s+extent)\s+(?:preempted\s+by|immune\s+under|prohibited\s+by)\s+federal\s+law\b|\b(?:immun(?:e|ity))\s+(?:under|from)\b[^.;]{0,40}\bfederal\s+law\b|\bSupremacy\s+Clause\b(?!\s+immunity)|\bnot\s+(?:apply|be\s+applied)\s+to\s+(?:conduct|acts?)\s+(?:authorized|required)\s+by\s+federal\s+law\b/gi);

export const CONDUCT_RES: Array<{ re: RegExp; kind: ConductKind }> = [
  {
    // What officers wear: a word list (read/words/dress.yaml).
    re: listRe("dress", "g"),
    kind: "dress",
  },
  {
    // "identify any changes" is finding, not officers identifying themselves.
    re: native(/\bidentif(?:y|ies|ying)\s+(?:themselves|himself|herself|oneself|themself|their\s+agency|his\s+or\s+her|as\s+an?\b)|(?<!\bpurposes?\s+of\s)(?<!\bfor\s)\bidentification\b(?!\s*,\s*(?:apprehension|detention|arrest)|\s+of\s+(?:aliens?|persons?|individuals?|people|suspects?|victims?|witnesses|the\s+(?:person|individual|suspect)))|\bbadges?(?:\s+numbers?)?\b|\bname\s+tags?\b|\bcredentials?\b|\bdisplay(?:s|ing)?\b[^.;]{0,60}?\b(?:name|agency|badge|number|garment|insignia|identification)\b|\boutermost\s+garment\b|\bwear(?:s|ing)?\b[^.;]{0,80}?\b(?:insignias?|patch(?:es)?|emblems?|logos?|identifiers?)\b/gi),
    kind: "identification",
  },
  {
    re: native(/\bunmarked\s+(?:vehicles?|cars?)\b|\buse\s+of\s+force\b|\bchokeholds?\b|\btear\s+gas\b|\bchemical\s+(?:agents?|irritants?)\b|\bkettling\b|\brubber\s+bullets\b|\bbody[- ]worn\s+cameras?\b|\bno[- ]knock\b|\bknock\s+and\s+announce\b|\b(?:make|conduct|effect|effectuate)\s+(?:an?\s+|any\s+)?(?:civil\s+)?(?:arrests?|stops?|raids?|sweeps?|searches?)\b|\barrest(?:s)?\b|\bpresent\s+(?:a|the)\s+(?:judicial\s+)?warrant\b|\bin\s+the\s+(?:execution|performance|course)\s+of\s+(?:his\s+or\s+her|their|its|the\s+(?:officer|employee|agent)(?:'s|’s))\s+(?:official\s+|job\s+)*duties\b/gi),
    kind: "methods",
  },
  {
    // "enter into an agreement" and "access to a database" are not where officers go.
    re: native(/\benter(?:s|ing)?\b(?!\s+into\b)|\bentry\b|\bnot\s+open\s+for\b|(?<!\b(?:such|the|that|direct)\s)\baccess\b(?!\s+to\s+(?:any\s+|the\s+|such\s+|its\s+)?(?:electronic\s+)?(?:databases?|data|information|records?|files?|systems?))|\bbe\s+present\b|\bremain\s+(?:in|on)\b|(?<!\bon\s)\bpatrol\b|\boperat(?:e|ing)\s+(?:in|on|within|at|from)\b|\bconduct(?:s|ing)?\s+[^.;]{0,50}?\b(?:enforcement|operations?|activit(?:y|ies))\s+(?:in(?!\s+connection\b)|on|at|within)\b/gi),
    kind: "access",
  },
  {
    // "shall not bring or keep ... armed persons ... to any location used as a polling place": placing officers.
    re: native(/\b(?:bring|keep|station|deploy|post)\b(?=[^.;]{0,200}\b(?:polling\s+places?|locations?|premises|sites?|within\s+\S+\s+(?:\(\d+\)\s+)?feet)\b)/gi),
    kind: "access",
  },
  {
    re: native(/\bstaging\s+(?:areas?|grounds?|locations?|sites?)\b|\bprocessing\s+(?:locations?|centers?|sites?|areas?)\b|\boperations?\s+bases?\b|\bbases?\s+of\s+operations?\b|\bstag(?:e|ing)\b|\bservic(?:e|es|ing)\b[^.;]{0,40}?\b(?:flights?|aircraft|vehicles?)\b|\bcharter\s+flights?\b|\bland(?:ing)?\s+(?:aircraft|flights?)\b|\bto\s+be\s+used\s+(?:for|as)\b/gi),
    kind: "use",
  },
];

/** Words that make a duty sentence about how officers work, where they go, or penalties. */
export const RELEVANT_RE = native(new RegExp(
  [
    ...CONDUCT_RES.map((c) => c.re.source),
    String.raw`\bpermit|\ballow|\bservic(?:e|es|ing)\b|\bstaging|\buse\b[^.;]{0,60}\b(?:as|for)\b`,
  ].join("|"),
  "i",
));
export const PENALTY_WORD_RE = native(/\bmisdemeanou?r|\binfraction|\bpenalt(?:y|ies)\b|\bfined?\b|\bguilty\b|\bpunishable\b|\bimprison/i);

export const DECLINE_RE =
  native(/\bdetermin(?:e|es|ing)\b[^.;]{0,30}\b(?:immigration|citizenship)\s+status\b|\b(?:undertake|conduct|initiate)\s+(?:any\s+)?[\w-]*\s*investigations?\b|\b(?:arrest(?:s|ed|ing)?|detained|take\s+into\s+custody|entering\s+into|assist(?:s|ing|ance)?|cooperat(?:e|es|ing|ion)|participat(?:e|es|ing)|expend(?:s|ing)?|honou?r(?:s|ing)?|compl(?:y|ies|ying)\s+with|respond(?:s|ing)?\s+to|hold(?:s|ing)?|detain(?:s|ing)?|transfer(?:s|ring)?|notif(?:y|ies|ying)|inquir(?:e|es|ing)|ask(?:s|ing)?|enter\s+into|joint\s+(?:operations?|task\s+forces?)|287\s*\(g\)|detainers?|administrative\s+warrants?|notification\s+requests?|resources|funds|monies|personnel|equipment|share|disclos(?:e|ing)|provid(?:e|ing)\s+(?:information|data|access))\b|\bprovid(?:e|es|ing)\b[^;]{0,60}?\baccess\b/i);
export const TRANSPARENCY_RE =
  native(/\bFreedom\s+of\s+Information\b|\bFOIA\b|\bpublic[- ]records?\b|\brecords?\s+requests?\b|\b5\s+U\.S\.C\.\s*§\s*552\b|\bpublish(?:es|ed|ing)?\b|\b(?:annual|quarterly|monthly|public)\s+reports?\b|\breport\s+to\s+the\s+(?:City|County|Town|Village|Borough|Council|Board|public)\b|\bdashboard\b|\baudits?\b|\bpost(?:ed)?\s+(?:on|to)\s+the\b/i);
export const POLICY_RE =
  native(/\b(?:it\s+is\s+(?:hereby\s+)?(?:declared\s+to\s+be\s+)?the\s+policy\s+of|hereby\s+(?:declares|affirms|reaffirms|supports|urges|calls\s+upon|opposes|condemns)|(?:declares|affirms|reaffirms)\s+(?:its|that)|urges|calls\s+(?:up)?on)\b/i);
export const LEGAL_EFFECT_RE =
  native(/\bseverab|\bheld\s+(?:to\s+be\s+)?(?:invalid|unconstitutional|unenforceable)|\btakes?\s+effect|\beffective\s+(?:date|immediately|upon|on)|\bhereby\s+repealed|\bshall\s+be\s+construed|\bnothing\s+in\s+this\b|\bsavings?\s+clause|\bcodif(?:y|ied)/i);

