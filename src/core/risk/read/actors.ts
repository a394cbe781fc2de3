// The actor pass: every mention of a class of officer or person in a
// paragraph, defined terms first (a provision on "Covered Officers" is as
// narrow as the definition), then named agencies and literal phrases, most
// specific first. Matched spans are masked so a phrase is read once.
import type { ActorClass, ActorMention, Inherited, SelfNames, Span, TermTable, Where } from "./types.js";
import { Masked, span } from "./text.js";
import { AGENCIES, EVERYONE_RE, FEDERAL_RES, GENERAL_RES, GENERIC_RE, IMMIGRATION_RES, LEVELS_GOV_HINT_RE, LEVELS_GOV_RE, LEVELS_RE, NONLOCAL_RES, OTHER_LOCAL_RES, PRIVATE_RE, STATE_RES } from "./patterns.js";
import { termMatcher } from "./definitions.js";
import { selfRes } from "./self-names.js";
import { native } from "./native.js";

export interface Actors {
  actors: ActorMention[];
  termPlaces: Array<{ where: Where; span: Span }>;
  termPurpose: Span | null;
  termStatus: Span[];
  /** "federal and local officers": lists that leave state officers out. */
  stateGaps: Span[];
}

const OF_BODY_RE = native(/^\s*(?:(?:or|and)\s+(?:an?\s+)?[\w-]+\s+)?of\s+(?:the\s+)?$/i);
/** "They" opening a sentence and followed by its verb: a subject that refers back. */
const PRONOUN_SUBJECT_RE = native(/\bThey(?=\s+(?:shall|must|may|will|are|cannot|should)\b)/g);

export function gatherActors(text: string, masked: Masked, terms: TermTable, self: SelfNames, inherit: Inherited): Actors {
  const actors: ActorMention[] = [];
  const termPlaces: Array<{ where: Where; span: Span }> = [];
  let termPurpose = null as Span | null;
  const termStatus: Span[] = [];
  const stateGaps: Span[] = [];

  const addActor = (start: number, end: number, cls: ActorClass, extra?: Partial<ActorMention>): void => {
    const a: ActorMention = { start, end, text: text.slice(start, end), cls, role: "object" };
    actors.push(extra ? Object.assign(a, extra) : a);
  };

  // 1. Defined terms: one pattern for the whole table, longest terms first.
  for (const hit of termMatcher(terms).find(text)) {
    const t = hit.term;
    const f = t.facets;
    const s = hit.start;
    const e = hit.end;
    if (f.status) termStatus.push(span(text, s, e));
    if (f.actor) {
      addActor(s, e, f.actor.cls, {
        term: t.term,
        ...(f.actor.agency ? { agency: f.actor.agency } : {}),
        ...(f.actor.exempts.length ? { termExempts: f.actor.exempts } : {}),
      });
      masked.blank(s, e);
      continue;
    }
    if (f.place) termPlaces.push({ where: f.place, span: span(text, s, e) });
    if (f.purpose && !termPurpose) termPurpose = span(text, s, e);
  }

  // 2. Literal actor phrases, most specific first.
  let lower: string | null = null;
  for (const a of AGENCIES) {
    const caseless = a.re.flags.includes("i");
    if (caseless) lower ??= text.toLowerCase();
    if (!a.hint.some((h) => (caseless ? lower!.includes(h.toLowerCase()) : text.includes(h)))) continue;
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
  // A statute names its own agencies with the words that elsewhere mean "state officers": read them first.
  if (self.level === "state") for (const re of selfRes(self).own) masked.each(re, (m) => (addActor(m.index, m.index + m[0].length, "own-personnel"), true));
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
    addActor(m.index, m.index + m[0].length, from, { generic: true, ...(inherit.sectionClass ? {} : { unresolved: true }) });
    return true;
  });
  masked.each(PRONOUN_SUBJECT_RE, (m) => (addActor(m.index, m.index + m[0].length, "all-law-enforcement", { generic: true, unresolved: true, pronoun: true }), true));
  actors.sort((a, b) => a.start - b.start || b.end - a.end);
  // "an officer or agent of United States Customs and Border Protection": a generic officer takes the class of the body it serves.
  actors.forEach((a, i) => {
    if (!a.generic) return;
    const body = actors.slice(i + 1, i + 4).find((b) => !b.generic && b.start >= a.end);
    if (body && OF_BODY_RE.test(text.slice(a.end, body.start))) {
      a.cls = body.cls;
      delete a.unresolved;
    }
  });
  // A statute's own: the state's officers and those of its local governments.
  if (self.level === "state") for (const a of actors) if (a.cls === "state-officers" || a.cls === "other-local-officers" || a.cls === "non-federal-officers") a.cls = "own-personnel";
  return { actors, termPlaces, termPurpose, termStatus, stateGaps };
}
