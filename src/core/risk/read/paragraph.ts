// The paragraph pass: what one paragraph (or recital) of an instrument does,
// read from its words, so that drafts ordkit did not write can be checked.
//
// For a paragraph it works out who is bound and whom it restricts (the
// enactor's own personnel, every law enforcement agency, non-local, federal
// or immigration officers, a named agency), whom it exempts, where it
// applies, what it does (declines assistance, restricts access, regulates
// conduct, penalizes, directs staff, transparency, policy, legal effect), its
// purpose, penalties and savings. Defined terms resolve through the draft's
// definitions. Every span is an exact substring of the text given.
import { DOES_ORDER } from "./types.js";
import type { ActorClass, ActorMention, Analysis, AnalyzerEnv, Conduct, DefinedTerm, Does, Penalty, Span, Where, Who } from "./types.js";
import { BY_AGENT_RE, Masked, afterModal, containing, globalForm, sentenceOf, sentences, span, wordEnd } from "./text.js";
import { EQUAL_TREATMENT_RE, AUTHORIZATION_MODAL_RE, BARE_AGENCY_RE, CONDUCT_RES, DECLINE_RE, DECLINE_VERB_RE, GIVEN_RE, CHECK_IN_RE, LEASE_TERMS_RE, LEGAL_EFFECT_RE, LEVEL_NAMED_RE, LIMITS_RE, MODAL_RE, NEG_RE, NONPUBLIC_RE, NO_FORM_MODAL_RE, NO_SUBJECT_RE, PENALTY_RES, PENALTY_WORD_RE, POLICY_RE, PUBLIC_RE, PURPOSE_EXAMPLE_RE, PURPOSE_IS_ACTOR_RE, PURPOSE_RE, RELEVANT_RE, SAVINGS_GENERIC_RE, SAVINGS_SPECIFIC_RE, TRANSPARENCY_RE } from "./patterns.js";
import { selfNamesFor, selfRes } from "./self-names.js";
import { FEDERAL_CLASSES, pickBound, reachesFederal, scopeOfExemption, scopesReferenced, subjectStart, toWho } from "./classes.js";
import { gatherActors } from "./actors.js";
import { listRe } from "./lexicon.js";
import { findStatusRestriction } from "./status-sharing.js";
import { passiveUsesOfPlaces, PENALTY_ATTACH_RE, COOPERATE_WITH_FEDERAL_RE, type DirectiveMatch, imperativeDirective, OWNER_REFUSAL_RE, FULL_EXTENT_SAVING_RE, INTERNAL_DUTY_RE, MODAL_COLON_RE, QUOTED_TITLE_RE, modifierHead, resolveBackReferences, headedDuty, ENFORCING_OWN_LAW_RE } from "./clause-cues.js";
import { native } from "./native.js";
import { readExemptions } from "./exemptions.js";
const SAVINGS_SENTENCE_RE = native(/^\s*(?:nothing\s+in\s+this|this\s+\w+(?:\s+\w+)?\s+(?:does|do|shall)\s+not\s+(?:apply|prohibit|restrict))/i);
const OFFICERS_ONLY_CONDUCT_RE = native(/\blaw[- ]enforcement\b|\benforcement\s+(?:dut|activit|action|operation|function)|\bpeace\s+officer|\b(?:make|effect|effectuate)\s+(?:an?\s+|any\s+)?(?:civil\s+|immigration\s+)?arrests?\b/i);
export function analyzeText(original: string, env: AnalyzerEnv = {}): Analysis {
  // Blank quoted titles, keeping offsets: every span outside them is still exact text.
  const text = original.replace(QUOTED_TITLE_RE, (m) => m.replace(/[^“”"\s]/g, (c, i: number) => (i > m.search(/[“"]/) ? " " : c)));
  const terms = env.terms ?? new Map<string, DefinedTerm>();
  const self = env.self ?? selfNamesFor(null);
  const inherit = env.inherit ?? {};
  const masked = new Masked(text);
  // 1-2. Who the paragraph names: defined terms first, then literal phrases.
  const { actors, termPlaces, termPurpose, termStatus, stateGaps } = gatherActors(text, masked, terms, self, inherit);
  resolveBackReferences(actors, [...(inherit.named ?? []), ...(inherit.sectionClass ? [{ ...inherit.sectionClass.span, cls: inherit.sectionClass.cls, role: "subject" as const }] : []), ...(inherit.leadIn?.actors ?? [])]);

  // 3. Sentences, modals and roles.
  const sents = sentences(text);
  let duty = false;
  let negated = false;
  let boundMention: ActorMention | null = null;
  const dutySents: Array<{ start: number; end: number; subjStart: number; modal: number; modalEnd: number; neg: boolean }> = [];
  // Actors are sorted by start: each sentence walks only its own (linear overall).
  let firstActor = 0;
  for (const s of sents) {
    while (firstActor < actors.length && actors[firstActor]!.start < s.start) firstActor++;
    const body = text.slice(s.start, s.end);
    if (SAVINGS_SENTENCE_RE.test(body)) continue;
    // "This policy will not limit the enforcement of federal and state laws to less than the full extent
    // permitted by federal law": a saving, not a duty.
    if (FULL_EXTENT_SAVING_RE.test(body)) continue;
    // "No City department may enter into ...", "No agency is authorized to use ...": a prohibition by its "No" subject.
    const mm: DirectiveMatch | null = MODAL_RE.exec(body) ?? (NO_SUBJECT_RE.test(body) ? NO_FORM_MODAL_RE.exec(body) : null) ?? imperativeDirective(body);
    // "no agency or agent shall: (1) Permit ICE agents access ...": the item begins where its lead-in's modal ends.
    const continues = !mm && s === sents[0] && !!inherit.leadIn?.duty && MODAL_COLON_RE.test(inherit.leadIn.text);
    if (!mm && !continues) continue;
    const modal = mm ? s.start + mm.index : s.start;
    const modalEnd = mm ? modal + mm[0].length : s.start;
    // "Prohibit law enforcement officers ... from wearing masks": the officers named after the verb are bound.
    const imperative = !!mm && mm.imperative === true;
    const subjStart = imperative ? modal : mm ? s.start + subjectStart(body.slice(0, mm.index)) : s.start;
    // "the Police Department will attempt to request ... of each DHS officer, but will not otherwise
    // interfere": the second verb's subject is elided; it is the first clause's subject.
    let subjEnd = imperative ? s.start + mm!.objectEnd! : modal;
    const pre = text.slice(subjStart, modal);
    if (/,?\s+(?:but|and|or)\s+(?:\w+ly\s+)?$/i.test(pre)) {
      const aux = /\b(?:will|shall|must|may|can|would|should)\b/i.exec(pre);
      if (aux) subjEnd = subjStart + aux.index;
    }
    // "It shall be the policy of the Town not to arrest ...": the policy is a negative one.
    const policyNot = !!mm && /^\s+be\s+the\s+policy\s+of\s+[^.;]{0,80}?\s+not\s+to\b/i.test(text.slice(modalEnd, Math.min(s.end, modalEnd + 120)));
    const neg = imperative ? mm!.negative === true : mm ? policyNot || NEG_RE.test(text.slice(subjStart, wordEnd(text, Math.min(s.end, modalEnd + 12), s.end))) || /^\s+not\b/i.test(text.slice(modalEnd, modalEnd + 5)) : inherit.leadIn!.negated;
    dutySents.push({ start: s.start, end: s.end, subjStart, modal, modalEnd, neg });
    const relevant = RELEVANT_RE.test(body) || PENALTY_WORD_RE.test(body);
    duty = true;
    if (neg) negated = true;
    const after = afterModal(text, modalEnd, s.end);
    GIVEN_RE.lastIndex = modalEnd;
    // "The City does not authorize this property to be used, and it may not be used, by any agency":
    // the owner's refusal; the agencies named are kept out, not commanded.
    const refusal = (!!mm && AUTHORIZATION_MODAL_RE.test(mm[0])) || GIVEN_RE.test(text) || OWNER_REFUSAL_RE.test(text.slice(s.start, modal));
    for (let ai = firstActor; ai < actors.length && actors[ai]!.start < s.end; ai++) {
      const a = actors[ai]!;
      if (a.start >= s.start && a.end <= s.end) a.relevant = relevant;
      // "No agency is authorized to use City lots", "Federal agents shall not be given
      // access to County facilities": the owner refuses; the named class is kept out.
      // "A school employee granting entry to a federal official must ...": the official is in a modifier.
      if (a.start >= subjStart && a.end <= subjEnd && modifierHead(text, subjStart, a.start)) continue;
      if (a.start >= subjStart && a.end <= subjEnd) a.role = refusal ? "restricted" : "subject";
      else if (a.start >= subjEnd && a.end <= modal) continue;
      else if (a.start >= modalEnd && a.end <= s.end) {
        // What lies between the modal and the mention, from facts found once per sentence.
        if (after.passive && after.stop > a.start && after.infinitive > a.start && BY_AGENT_RE.test(text.slice(Math.max(modalEnd, a.start - 12), a.start))) a.role = refusal ? "restricted" : "agent";
        else if (after.permitEnd <= a.start && after.assistEnd > a.start) a.role = "restricted";
      }
    }
  }
  // "Every Law Enforcement Officer shall, while ...: (1) ..." — the child continues its lead-in's duty.
  if (!duty && inherit.leadIn?.duty) {
    duty = true;
    negated = inherit.leadIn.negated || NEG_RE.test(text);
  }

  // 4. Exemptions and examples.
  const exempts = readExemptions(text, actors, stateGaps, !!inherit.exemptList);

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
  // "A person may not make an immigration arrest": only officers make arrests.
  if (bound === "everyone" && OFFICERS_ONLY_CONDUCT_RE.test(text)) bound = "all-law-enforcement";
  // "may not arrest ... for purposes of enforcing a provision of this act": only the enactor's officers enforce its own law.
  if ((bound === "all-law-enforcement" || bound === "everyone") && ENFORCING_OWN_LAW_RE.test(text)) bound = "own-personnel";

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
  const placeSpans = [...places.nonpublic, ...places.public, ...places.facilities];
  for (const at of passiveUsesOfPlaces(text, dutySents, placeSpans, conduct, inherit.previous ?? "")) conduct.push({ ...span(text, at.start, at.end), kind: "use" });
  conduct.sort((a, b) => a.start - b.start);

  let purpose: Span | null = termPurpose;
  {
    const re = globalForm(PURPOSE_RE);
    let m: RegExpExecArray | null;
    while ((m = re.exec(text)) !== null) {
      const end = m.index + m[0].length;
      // "immigration detention facility" names a place; "for use as an immigration detention facility" is a purpose.
      if (PURPOSE_IS_ACTOR_RE.test(text.slice(end, end + 20)) && !/\b(?:use|used|operat(?:e|ed|ion))\s+as\s+(?:an?\s+)?$/i.test(text.slice(Math.max(0, m.index - 30), m.index))) continue;
      if (PURPOSE_EXAMPLE_RE.test(text.slice(Math.max(0, m.index - 40), m.index))) continue;
      // "will not receive special or enhanced access ... for operations enforcing civil
      // immigration laws" promises equal treatment; it does not limit a rule to a purpose.
      const sent = sentenceOf(sents, m.index);
      if (EQUAL_TREATMENT_RE.test(text.slice(sent.start, sent.end))) continue;
      if (!purpose || m.index < purpose.start) purpose = span(text, m.index, end);
      break;
    }
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
  const statusRestriction = findStatusRestriction(text, sents, dutySents, termStatus, inherit.leadIn?.text ?? null);

  // 9. Where.
  // Conduct named after the help declined ("accept requests ... to support or assist ..., or to
  // otherwise be present") is the help itself, not where or how the agency's officers work.
  const cooperationAt = negated ? text.search(listRe("assistance")) : -1;
  // "access to a person being detained", "access to County facilities for interviews": help with
  // people in custody, declined; not a rule about where outside officers may go.
  const custodyAccess = (c: Conduct): boolean => (c.kind === "access" || c.kind === "use") && listRe("custody-access").test(text.slice(c.start, c.end + 200));
  const ownConduct = conduct.filter((c) => !(cooperationAt >= 0 && c.start >= cooperationAt) && !custodyAccess(c));
  // "shall not allow federal officers to interview detainees in its custody": the same help, without the word "access".
  const declinesCustody = duty && negated && (conduct.some(custodyAccess) || (restricted.length > 0 && !ownConduct.length && listRe("custody-access").test(text)));
  const restrictsAccessWords = ownConduct.some((c) => c.kind === "access" || c.kind === "use");
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

  // "No agency or agent shall enter into a 287(g) agreement": a bare agency or
  // officer told not to cooperate is the enactor's own; a law cannot stop
  // another government's agencies from helping their own.
  // Likewise a bare agency told not to stop or arrest people, or told to review
  // its own policies: only the enactor's agencies can be commanded so.
  const boundWords = boundSpan ?? inherit.leadIn?.boundSpan ?? null;
  if (bound === "all-law-enforcement" && boundWords && !LEVEL_NAMED_RE.test(boundWords.text) && duty && !ownConduct.some((c) => c.kind === "dress" || c.kind === "identification" || c.kind === "access" || c.kind === "use")) {
    // Declining cooperation, or being told to cooperate with federal officials: either way only the
    // enactor's own agencies can be meant (no law orders the federal government to help itself).
    const cooperation = (negated && listRe("cooperation").test(text)) || (!negated && COOPERATE_WITH_FEDERAL_RE.test(text));
    const arrests = negated && conduct.some((c) => c.kind === "methods") && /\b(?:solely|based\s+on|on\s+the\s+basis\s+of)\b/i.test(text);
    const ownAdministration = !negated && !conduct.length && BARE_AGENCY_RE.test(boundWords.text);
    // "the officer must notify a supervisor": a duty inside the chain of command binds the enactor's own.
    const internal = dutySents.some((d) => !d.neg && INTERNAL_DUTY_RE.test(text.slice(d.modalEnd, d.end)));
    if (cooperation || arrests || ownAdministration || declinesCustody || internal) bound = "own-personnel";
  }

  // 10. What it does.
  const does = new Set<Does>();
  const ownSubject = bound === "own-personnel" || bound === null;
  const outsideBound = reachesFederal(bound) || bound === "state-officers" || bound === "other-local-officers" || bound === "non-federal-officers";
  // Presenting credentials to the building's security on entry is a condition of entering the
  // jurisdiction's own building (proprietary), not a rule on how officers work.
  const checkIn = (c: Conduct): boolean => c.kind === "identification" && CHECK_IN_RE.test(text.slice(Math.max(0, c.start - 40), c.end + 160));
  // "unless presented with a judicial warrant ... seeking the arrest of an individual": the warrant's
  // description, not a rule on how officers arrest.
  const inWarrant = (c: Conduct): boolean => c.kind === "methods" && /\bwarrants?\b[^.;]{0,120}$/i.test(text.slice(Math.max(0, c.start - 120), c.start));
  const conductOfficers = conduct.filter((c) => (c.kind === "dress" || c.kind === "identification" || c.kind === "methods") && !checkIn(c) && !inWarrant(c));
  const restrictedOutside = restricted.filter((a) => reachesFederal(a.cls) || a.cls === "state-officers" || a.cls === "other-local-officers");
  // A penalty is attached ("is guilty of a misdemeanor", "shall be fined"), not merely mentioned
  // ("upon a conviction for a felony or misdemeanor, the court shall notify ...").
  if (penalties.length && !/^\s*nothing\b/i.test(text) && PENALTY_ATTACH_RE.test(text)) does.add("penalizes");
  if (duty && outsideBound && conductOfficers.length && !inherit.exemptList) does.add("regulates-conduct");
  // "A federal law enforcement officer ... shall notify ...": any other duty with federal officers as its subject governs how they work.
  const commanded = duty && boundMention && FEDERAL_CLASSES.has(boundMention.cls) && !inherit.exemptList && !does.has("penalizes") && !does.has("regulates-conduct") && !restrictsAccessWords && !conduct.some((c) => c.kind === "access" || c.kind === "use") ? headedDuty(text, boundMention, dutySents, actors) : null;
  if (commanded) {
    does.add("regulates-conduct");
    conduct.push({ ...span(text, commanded.modal, commanded.end), kind: "duty" });
  }
  if (duty && negated && (restrictsAccessWords || conduct.some((c) => c.kind === "use")) && (outsideBound || restrictedOutside.length || purpose || bound === "private-parties" || bound === "everyone" || (ownSubject && restrictedOutside.length > 0) || (bound === null && where !== "not-applicable")))
    does.add("restricts-access");
  if (duty && !does.has("restricts-access") && (outsideBound || bound === "everyone") && restrictsAccessWords && where !== "not-applicable") does.add("restricts-access");
  const legalEffect = LEGAL_EFFECT_RE.test(text) && /^\s*(?:if\b|nothing\b|this\s+\w+\s+(?:shall\s+)?takes?\s+effect)/i.test(text);
  if (duty && negated && !legalEffect && (ownSubject || bound === "everyone") && !does.has("restricts-access") && DECLINE_RE.test(text)) does.add("declines-assistance");
  if (duty && !negated && ownSubject && DECLINE_VERB_RE.test(text) && DECLINE_RE.test(text)) does.add("declines-assistance");
  if (duty && negated && ownSubject && statusRestriction) does.add("declines-assistance");
  if (declinesCustody && ownSubject && !does.has("restricts-access")) does.add("declines-assistance");
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
    const held = containing(dutySents, a.start);
    const d = held && a.end <= held.modal ? held : undefined;
    if (!d) continue;
    if (/^\s*(?:not\s+)?be\s+[\w-]+(?:ed|en)\b/i.test(text.slice(d.modalEnd))) continue; // "No person shall be detained"
    if (a.cls === "everyone" && bound === "all-law-enforcement") continue;
    privateParties = span(text, a.start, a.end);
    break;
  }

  // Terms imposed on lessees and permittees through the jurisdiction's leases bind them too.
  if (!privateParties) {
    const lease = LEASE_TERMS_RE.exec(text);
    if (lease) privateParties = span(text, lease.index, lease.index + lease[0].length);
  }

  // 13. Scopes of exemption and penalty paragraphs.
  const exemptionScope = scopeOfExemption(text, exempts.length > 0);
  const penaltyScope = penalties.length ? scopesReferenced(text) : [];

  return {
    text: original,
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
    duties: dutySents.map((d) => {
      const subject = actors.find((x) => x.role === "subject" && x.start >= d.start && x.end <= d.modal) ?? null;
      let a = d.start;
      let b = d.end;
      while (a < b && /\s/.test(text[a]!)) a++;
      while (b > a && /[\s;]/.test(text[b - 1]!)) b--;
      return { span: span(text, a, b), negated: d.neg, modal: d.modalEnd > d.modal ? text.slice(d.modal, d.modalEnd) : null, subject: subject ? { cls: subject.cls, text: subject.text } : null };
    }),
  };
}

