// Cues the paragraph pass reads inside a sentence: lead-ins that hand on
// their modal, savings and internal duties, who a sharing verb governs, the
// other party to a contract, back-references ("the peace officer"), and
// places a pronoun stands for. Each is a pattern or a small linear function.
import type { ActorMention } from "./types.js";
import { FEDERAL_CLASSES } from "./classes.js";
import { globalForm } from "./text.js";
import { SHARE_RE } from "./patterns.js";
import { native } from "./native.js";

export const FORBIDS_POLICY_RE = native(/\bsanctuary\s+polic(?:y|ies)\b|\b(?:may|shall)\s+not\s+(?:enact|adopt|have|implement|maintain|pass|endorse)\b[^.;]{0,120}?\b(?:ordinances?|polic(?:y|ies)|rules?|practices?|regulations?|resolutions?)\b|\b(?:ordinances?|polic(?:y|ies)|rules?|practices?|regulations?|legislation|enactments?)\s+(?:that|which)\s+(?:\w+\s+)?(?:limits?|prohibits?|restricts?|prevents?)\b/i);
/** Between a sharing verb and the status it governs: no condition, exception or new verb in -ing. */
const SHARE_BREAK_RE = native(/\b(?:unless|except|if|when|whether|where|because|inquir\w*|ask\w*|question\w*|investigat\w*|collect\w*|record\w*)\b|,\s*(?:or|and)\s+\w+ing\b/i);
const SHARE_AFTER_BREAK_RE = native(/[,;:]|\b(?:unless|except|if|when|where|or|and|because|who|which|that)\b/i);

/** Does a sharing verb take the status at [at, end) of the sentence as its object (or passive subject)? */
export function sharesStatus(body: string, at: number, end: number): boolean {
  const re = globalForm(SHARE_RE);
  let m: RegExpExecArray | null;
  while ((m = re.exec(body)) !== null) {
    const mEnd = m.index + m[0].length;
    // "eligible for release from custody": release as a noun, not a sharing verb.
    if (/^releas/i.test(m[0]) && (/\b(?:for|of|the|upon|after|before|his|her|their|its)\s+$/i.test(body.slice(Math.max(0, m.index - 12), m.index)) || /^\s+(?:from|date)\b/i.test(body.slice(mEnd, mEnd + 8)))) continue;
    if (mEnd <= at && at - mEnd <= 200 && !SHARE_BREAK_RE.test(body.slice(mEnd, at))) return true;
    // "If such status is ascertained ..., the officer shall not report such information": the status, referred back to.
    if (mEnd > end && /^\s+(?:such|that|this|the\s+same)\s+(?:information|status|data)\b/i.test(body.slice(mEnd, mEnd + 30))) return true;
    // "status ... shall not be disclosed"
    if (m.index >= end && m.index - end <= 80 && !SHARE_AFTER_BREAK_RE.test(body.slice(end, m.index))) return true;
    if (m.index >= end) break;
  }
  return false;
}

const PLACE_PASSIVE_USE_RE = native(/\b(?:not\s+)?be\s+(?:used|occupied|leased|loaned|rented|made\s+available)\b/i);
const OWN_RESOURCES_RE = native(/\b(?:moneys|monies|funds|personnel|equipment|resources|technology|staff|employees)\b/i);
/**
 * "Whenever a Washington peace officer encounters ..., the peace officer shall":
 * a definite (or repeated) mention of a class named more specifically just
 * before refers back to it. Linear: each mention checks the last few named.
 */
export function resolveBackReferences(actors: ActorMention[], before: readonly ActorMention[]): void {
  const recent: ActorMention[] = before.slice(-8);
  const dangling = new Set<ActorMention>();
  for (const a of actors) {
    // "Officers will not effect an arrest ...": a bare "officers" takes the last class of officer named
    // before it; with none, it is the enactor's own (a measure names other governments' officers as such).
    if (a.unresolved) {
      const prior = [...recent].reverse().find((e) => e.cls !== "everyone" && e.cls !== "private-parties" && !e.unresolved && OFFICER_NOUN_RE.test(e.text));
      // A pronoun with no officers before it refers to something else ("They [the records] shall ..."): no one.
      if (!prior && a.pronoun) {
        dangling.add(a);
        continue;
      }
      a.cls = prior ? prior.cls : "own-personnel";
      if (prior && a.pronoun) a.refersTo = prior.text;
      delete a.unresolved;
      recent.push(a);
      if (recent.length > 8) recent.shift();
      continue;
    }
    if (a.cls === "all-law-enforcement" && !a.term) {
      const det = /^(?:(the|such|said|that|this)\s+)?/i.exec(a.text)![1];
      const tail = a.text.slice(det ? det.length + 1 : 0).trim().toLowerCase();
      if (det || tail.includes(" ")) {
        for (let i = recent.length - 1; i >= 0; i--) {
          const e = recent[i]!;
          if (e.cls !== a.cls && e.text.length >= tail.length && e.text.toLowerCase().endsWith(tail)) {
            a.cls = e.cls;
            break;
          }
        }
      }
    }
    recent.push(a);
    if (recent.length > 8) recent.shift();
  }
  if (dangling.size) actors.splice(0, actors.length, ...actors.filter((a) => !dangling.has(a)));
}

const GENERIC_HEAD_CLAUSE_RE = native(/^\s*(?:\([\w.]+\)\s*)*(?:an?|the|each|every|any|no)\s+(?:persons?|individuals?|one|entit(?:y|ies))\s+(?:who|that|which)\b/i);
const MADE_BY_MODIFIER_RE = native(/^\s*(?:\(?[\w.]{1,4}[.)]\s*)*(?:an?|the|each|every|any|no|all)\s+(?:[\w-]+\s+){0,4}?(?:made|issued|sent|submitted|received|presented|requested|communicated)\s+(?:by|from|to)\b/i);
const PARTICIPLE_OR_RELATIVE_RE = native(/^\s*(?:\([\w.]+\)\s*)*(?:an?|the|each|every|any|no|all)\s+(?:[\w-]+\s+){0,3}?[\w-]+\s+(?:\w+ing|who|that|which)\b/i);
const RELATIVE_CLAUSE_RE = native(/^\s*(?:\([\w.]+\)\s*)*(?:an?|the|each|every|any|no)\s+[^;]{0,100}?\s(?:who|that|which)\s/i);
/** Does the subject begin with a non-actor head noun and a modifier ("A school employee granting ...", "Any person who ...") before this mention? */
export function modifierHead(text: string, from: number, at: number): boolean {
  const before = text.slice(from, at);
  if (before.length > 240) return false;
  // "No person who is employed by ... the United States" defines its generic head by the clause: that class is bound.
  if (GENERIC_HEAD_CLAUSE_RE.test(before)) return false;
  // "All requests for assistance made by immigration authorities to State entities shall be recorded".
  if (MADE_BY_MODIFIER_RE.test(before)) return true;
  return PARTICIPLE_OR_RELATIVE_RE.test(before) || RELATIVE_CLAUSE_RE.test(before);
}

export const FULL_EXTENT_SAVING_RE = native(/\bnot\s+(?:be\s+construed\s+to\s+)?(?:limit|restrict)\b[^.;]{0,120}\b(?:to\s+less\s+than\s+the\s+full\s+extent|full\s+extent\s+permitted)\b/i);
/** A duty kept inside the department: reporting to a supervisor is how the enactor's own officers work. */
export const INTERNAL_DUTY_RE = native(/^\s*(?:immediately\s+|promptly\s+|first\s+)?(?:notify|contact|consult|inform|report\s+to|seek\s+(?:approval|authorization)\s+from|obtain\s+(?:approval|authorization)\s+from)\s+(?:a|the|his\s+or\s+her|their|an?\s+on-duty)\s+(?:immediate\s+|direct\s+)?(?:supervisor|sergeant|commanding\s+officer|watch\s+commander|chain\s+of\s+command|superior)/i);
export const COUNTERPARTY_RE = native(/\b(?:contracts?|agreements?|memorand(?:um|a)(?:\s+of\s+understanding)?|arrangements?|compacts?)\s+with\s+(?:an?\s+|the\s+|any\s+)?$/i);

/** A lead-in that ends in its modal ("no agency shall:", "Every officer shall not:"): its items carry the verbs. */
export const MODAL_COLON_RE = native(/\b(?:shall|must|may|will)(?:\s+not)?(?:,\s+[^:]{0,80},)?(?:\s+(?:do\s+)?(?:any|either|all|each|one|none)\s+of\s+the\s+following)?\s*:\s*$/i);
/** A quoted title ("General Order No. 5.15, titled \"Federal Officers Shall ...\"") names a document; its words are not a duty. */
export const QUOTED_TITLE_RE = native(/\b(?:titled|entitled|captioned|called|known\s+as)\s*,?\s*[“"]([^”"]{1,300})[”"]/gi);

/**
 * Words that attach a penalty ("is guilty of a misdemeanor", "shall be fined", "subject to a civil
 * penalty"); a provision that only speaks of offenses ("a minor criminal offense", "upon a conviction
 * for a felony") attaches none.
 */
export const PENALTY_ATTACH_RE = native(/\b(?:guilty|punishable|fined?|fines|imprison\w*|penalt(?:y|ies)|incarcerat\w*|jail|subject\s+to\s+(?:criminal\s+)?prosecution|commits?\s+(?:the|an?)\s+offen[cs]e|(?:is|be|constitutes?)\s+(?:a|an)\s+(?:class\s+\w+\s+)?(?:misdemeanou?r|felony|infraction|violation|criminal\s+offen[cs]e))\b/i);

/** The owner withholding permission: "The City does not authorize this property to be used". */
export const OWNER_REFUSAL_RE = native(/\b(?:does|do)\s+not\s+(?:authorize|permit|allow|consent\s+to)\b/i);

export type DirectiveMatch = RegExpExecArray & { imperative?: boolean; objectEnd?: number; negative?: boolean };
const IMPERATIVE_RE = native(/^\s*(?:\(?[\w.]{1,4}[.)]\s*)?(prohibit|bar|forbid|require|direct|order)\s+/i);
/**
 * A motion's or order's imperative directive: "Prohibit law enforcement officers
 * ... from wearing masks", "Require all law enforcement officers ... to display
 * identification". The verb stands for the modal; the class after it is bound.
 */
export function imperativeDirective(body: string): DirectiveMatch | null {
  const m = IMPERATIVE_RE.exec(body) as DirectiveMatch | null;
  if (!m) return null;
  const verbAt = m.index + m[0].search(/\S+\s*$/);
  const after = body.slice(m.index + m[0].length);
  const joint = /\s(?:from|to)\s/i.exec(after);
  if (!joint || joint.index > 160) return null;
  const out = Object.assign([m[1]!], { index: verbAt, input: body, groups: undefined }) as unknown as DirectiveMatch;
  out.imperative = true;
  out.objectEnd = m.index + m[0].length + joint.index;
  out.negative = /^(?:prohibit|bar|forbid)$/i.test(m[1]!);
  return out;
}

/** "shall ... communicate with the appropriate federal official", "fully cooperate with federal immigration authorities". */
export const COOPERATE_WITH_FEDERAL_RE = native(/\b(?:cooperat\w*|communicat\w*|comply|assist\w*|coordinat\w*)\s+(?:fully\s+)?with\s+(?:the\s+|any\s+)?(?:appropriate\s+|relevant\s+)?(?:federal|United\s+States|ICE|U\.S\.\s+Immigration)\b/i);

/** A mention that names officers (not "the City"): what a later bare "an officer" can refer back to. */
const OFFICER_NOUN_RE = native(/\b(?:officers?|agents?|deput(?:y|ies)|employees?|personnel|troopers?|officials?)\b/i);

/**
 * "Property owned by a city ... may not be used, occupied, leased ... for ...": a place as the subject
 * of a passive use is a rule on the use of that place; funds or personnel that "may not be used" are
 * the enactor's own resources withheld, unless the words give them to others (leased, loaned).
 * "This property is owned by the City. It may not be used for ...": the pronoun stands for the place.
 * Returns the passive verbs to record as "use" conduct.
 */
export function passiveUsesOfPlaces(
  text: string,
  duties: ReadonlyArray<{ start: number; end: number; modal: number; modalEnd: number }>,
  places: ReadonlyArray<{ start: number; end: number }>,
  conduct: ReadonlyArray<{ start: number; end: number; kind: string }>,
  previous: string,
): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  for (const d of duties) {
    const passiveUse = PLACE_PASSIVE_USE_RE.exec(text.slice(d.modalEnd, Math.min(d.end, d.modalEnd + 40)));
    if (!passiveUse) continue;
    const pronounForPlace = /^\s*(?:it|this|such\s+property|the\s+property)\s*$/i.test(text.slice(d.start, d.modal)) && /\b(?:property|premises|facilit(?:y|ies)|building|lot|land)\b/i.test(previous);
    const placeBefore = pronounForPlace || places.some((p) => p.start >= d.start && p.end <= d.modal);
    const toOthers = /\b(?:occupied|leased|loaned|rented|made\s+available)\b/i.test(text.slice(d.modalEnd, Math.min(d.end, d.modalEnd + 80)));
    if (!toOthers && OWN_RESOURCES_RE.test(text.slice(d.start, d.modal))) continue;
    if (!placeBefore || conduct.some((c) => c.kind === "use" && c.start >= d.start && c.end <= d.end)) continue;
    const at = d.modalEnd + passiveUse.index;
    out.push({ start: at, end: at + passiveUse[0].length });
  }
  return out;
}

/** The mention is the head of a duty's subject ("(1) A federal law enforcement officer who ... shall"), not a word inside a condition before it. */
export function headedDuty<D extends { subjStart: number; modal: number; modalEnd: number }>(text: string, m: ActorMention, duties: readonly D[], actors: readonly ActorMention[]): D | null {
  // "Immigration agents and other law enforcement officials must ...": another class shares the subject.
  const shared = (d: D): boolean => actors.some((x) => x !== m && x.start >= m.end && x.start < d.modal && !FEDERAL_CLASSES.has(x.cls));
  return duties.find((d) => !shared(d) && d.subjStart <= m.start && m.start < d.modal && SUBJECT_HEAD_RE.test(text.slice(d.subjStart, m.start)) && ACTIVE_DUTY_RE.test(text.slice(d.modal, d.modalEnd + 30))) ?? null;
}
/** An act commanded ("shall notify", "must give"), not a liability or penalty ("shall be liable", "is guilty"). */
const ACTIVE_DUTY_RE = native(/^(?:shall|must|will)\s+(?!be\s+(?:liable|guilty|subject|punish|fined|imprison))/i);
const SUBJECT_HEAD_RE = native(/^\s*(?:\([\w.]+\)\s*)*(?:(?:a|an|any|each|every|the|all|no|such)\s+)?$/i);
/** "may not arrest ... for purposes of enforcing a provision of this act": only the enactor's officers enforce its own law. */
export const ENFORCING_OWN_LAW_RE = native(/\benforc(?:e|es|ing|ement\s+of)\s+(?:(?:a|any|the)\s+provisions?\s+of\s+)?this\s+(?:act|chapter|article|section|ordinance|subchapter|subtitle|title|division|part|code)\b/i);
