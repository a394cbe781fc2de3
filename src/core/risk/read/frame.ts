// The provision frame: what one operative paragraph (or recital) does, read
// from the passes before it, in the terms a lawyer uses: who is bound, with
// what modality, doing what (the action classes), to what, where, for what
// purpose, with which exceptions and remedies. Rules read frames; `check
// --explain` shows them so a reviewer sees why a note fired. Every text in a
// frame is an exact substring of the unit's text, for quoting.
import type { ActorClass, Analysis, Does, PenaltyKind, Span } from "../read/index.js";
import { FEDERAL_CLASSES, reachesFederal } from "../read/index.js";
import { listRe } from "./lexicon.js";
import { native } from "./native.js";

export type Modality = "must" | "must-not" | "may" | "may-not" | "none";

/** What a provision does. The analyzer's classes, and the ones the newer rules read. */
export type Action =
  | Does
  | "creates-civil-liability"
  | "mandates-outside-agency"
  | "draws-distance-zone"
  | "burdens-contractors"
  | "bars-federal-service";

export type RemedyKind = PenaltyKind | "civil-liability";

export interface FrameSpan {
  text: string;
  start: number;
  end: number;
}

export interface Frame {
  /** Paragraph or recital anchor. */
  unit: string;
  section: string;
  /** The party the provision binds, as a class and in the provision's own words. */
  bound: { cls: ActorClass; words: string | null; reachesFederal: boolean } | null;
  modality: Modality;
  actions: Action[];
  /** The operative words: the duty, for quoting. */
  operative: FrameSpan | null;
  place: { kind: string; words: string | null } | null;
  zone: FrameSpan | null;
  purpose: string | null;
  exceptions: string[];
  remedies: Array<{ kind: RemedyKind; words: string }>;
  savings: string | null;
  /** One entry per sentence that states a duty: the provision read sentence by sentence. */
  duties: Array<{ text: string; modality: Modality; bound: { cls: ActorClass; words: string } | null }>;
}

/** The minimum of a unit a frame needs (model.ts's Unit has it). */
export interface FrameInput {
  id: string;
  section: string;
  text: string;
  analysis: Analysis;
  inExemptList: boolean;
  /** The lead-in this unit continues, if any. */
  boundFrom: { analysis: Analysis } | null;
  parent: { analysis: Analysis; text: string } | null;
}

const MODAL_WORDS_RE = native(/\b(?:shall\s+not|must\s+not|may\s+not|will\s+not|cannot|shall|must|may|(?:is|are)\s+(?:hereby\s+)?(?:prohibited|required|not\s+authorized|not\s+permitted|liable|subject\s+to|privileged\s+from))\b/i);

const firstForms = new WeakMap<RegExp, RegExp>();
function first(re: RegExp, text: string): FrameSpan | null {
  // A non-global copy of the pattern, made once per pattern (not once per call).
  let r = firstForms.get(re);
  if (!r) {
    r = native(new RegExp(re.source, re.flags.replace("g", "")));
    firstForms.set(re, r);
  }
  r.lastIndex = 0;
  const m = r.exec(text);
  return m ? { text: m[0], start: m.index, end: m.index + m[0].length } : null;
}

function modalityOf(a: Analysis, text: string): Modality {
  if (!a.duty) return "none";
  const m = MODAL_WORDS_RE.exec(text);
  const may = !!m && /^may\b/i.test(m[0]);
  if (a.negated) return may ? "may-not" : "must-not";
  return may ? "may" : "must";
}

/** The operative words: from the bound party (or the modal) to the end of its clause. */
function operativeSpan(text: string, a: Analysis): FrameSpan | null {
  const m = MODAL_WORDS_RE.exec(text);
  if (!m) return null;
  const start = a.boundSpan && a.boundSpan.start < m.index ? a.boundSpan.start : m.index;
  const stop = text.slice(m.index).search(/[.;](?:\s|$)/);
  const end = stop < 0 ? text.length : m.index + stop;
  return { text: text.slice(start, end), start, end };
}

const AGENCY_HEAD_RE = native(/\b(?:agenc(?:y|ies)|departments?|entit(?:y|ies)|authorit(?:y|ies))\b/i);
/** Reaches agencies by where they work, not by who they are: "a law enforcement agency operating in California". */
const OPERATING_IN_RE = native(/\b(?:operating|doing\s+business|conducting\s+(?:operations?|enforcement))\s+(?:in|within)\b/i);
const DUTY_MODAL_RE = native(/\b(?:shall|must|is\s+required\s+to|are\s+required\s+to)\s+(?:either\s*:?\s*)?/gi);

/**
 * A duty on agencies (not individual officers) that reach officers of other
 * governments, to carry out an administrative act right after the modal:
 * "a law enforcement agency operating in California shall maintain and
 * publicly post a written policy".
 */
function mandatesAgency(text: string, a: Analysis): boolean {
  if (!a.boundSpan || !AGENCY_HEAD_RE.test(a.boundSpan.text)) return false;
  const after = text.slice(a.boundSpan.end, a.boundSpan.end + 120);
  if (!(OPERATING_IN_RE.test(after) || a.bound === "federal-officers" || a.bound === "immigration-officers" || a.bound === "named-agency" || a.bound === "non-local-officers")) return false;
  const verbs = listRe("mandate-verbs", "y");
  DUTY_MODAL_RE.lastIndex = a.boundSpan.end;
  const m = DUTY_MODAL_RE.exec(text);
  if (!m || m.index - a.boundSpan.end > 120) return false;
  verbs.lastIndex = m.index + m[0].length;
  return verbs.test(text);
}

/** "may not employ any individual who was hired as a sworn officer of ...": a bar that turns on a person's past or present service. */
const SERVICE_BAR_RE = native(/\b(?:shall|may|must|will)\s+not\s+(?:hire|employ|appoint|retain|rehire|re-employ|contract\s+with|certify|commission)\b[^.;]{0,80}?\b(?:who|that)\s+(?:(?:is|are|was|were)\s+(?:currently\s+|previously\s+|formerly\s+)?|(?:has|have|had)\s+(?:ever\s+|previously\s+)?been\s+)(?:hired|employed|appointed|sworn|serving|working|engaged)\s+(?:as|by|for|with|in)\b/i);
/** A person barred because of their service with the federal government: the employers named after the bar are federal ones only. */
function barsFederalService(text: string, a: Analysis): boolean {
  const m = SERVICE_BAR_RE.exec(text);
  if (!m) return false;
  const from = m.index + m[0].length;
  const stop = text.indexOf(";", from);
  const to = Math.min(from + 140, stop < 0 ? text.length : stop);
  // "employed by any law enforcement agency, federal, state, or local": every employer alike.
  const employers = a.actors.filter((x) => x.start >= from && x.start < to);
  return employers.length > 0 && employers.every((x) => FEDERAL_CLASSES.has(x.cls));
}

const REMEDY_DENIED_BEFORE_RE = native(/\b(?:no|not\s+(?:create|establish|give\s+rise\s+to|be\s+construed\s+to\s+create)|nor)\s+(?:an?\s+|any\s+)?$/i);
export function frameFor(u: FrameInput): Frame {
  const a = u.analysis;
  const text = u.text;
  const actions = new Set<Action>(a.does);
  const remedies: Frame["remedies"] = a.penalties.map((p) => ({ kind: p.kind, words: p.text }));
  const civil = first(listRe("civil-remedies"), text);
  // "No private cause of action", "does not create a private right of action": the remedy is denied.
  const denied = civil && REMEDY_DENIED_BEFORE_RE.test(text.slice(Math.max(0, civil.start - 40), civil.start));
  if (civil && !denied && !/^\s*nothing\b/i.test(text)) {
    actions.add("creates-civil-liability");
    remedies.push({ kind: "civil-liability", words: civil.text });
  }
  const zone = first(listRe("distance-zones"), text);
  if (zone) actions.add("draws-distance-zone");
  const outside = !!a.bound && reachesFederal(a.bound) && !u.inExemptList;
  if (outside && a.duty && !a.negated && mandatesAgency(text, a)) actions.add("mandates-outside-agency");
  if (listRe("contractor-parties").test(text) && listRe("immigration-dealings").test(text)) actions.add("burdens-contractors");
  if (barsFederalService(text, a)) actions.add("bars-federal-service");
  return {
    unit: u.id,
    section: u.section,
    bound: a.bound ? { cls: a.bound, words: a.boundSpan?.text ?? null, reachesFederal: reachesFederal(a.bound) } : null,
    modality: modalityOf(a, text),
    actions: [...actions],
    operative: operativeSpan(text, a),
    place: a.where !== "not-applicable" ? { kind: a.where, words: a.whereSpan?.text ?? null } : null,
    zone,
    purpose: a.purpose?.text ?? null,
    exceptions: a.exempts.map((e) => e.label),
    remedies,
    savings: a.savings?.text ?? null,
    duties: a.duties.map((d) => ({
      text: d.span.text,
      modality: d.negated ? (d.modal && /^may\b/i.test(d.modal) ? "may-not" : "must-not") : d.modal && /^may\b/i.test(d.modal) ? "may" : "must",
      bound: d.subject ? { cls: d.subject.cls, words: d.subject.text } : null,
    })),
  };
}

/** A frame as JSON for `check --explain` (stable key order). */
export function frameJson(f: Frame): Record<string, unknown> {
  return {
    unit: f.unit,
    section: f.section,
    bound: f.bound,
    modality: f.modality,
    actions: f.actions,
    operative: f.operative?.text ?? null,
    place: f.place,
    zone: f.zone?.text ?? null,
    purpose: f.purpose,
    exceptions: f.exceptions,
    remedies: f.remedies,
    savings: f.savings,
    duties: f.duties,
  };
}

export type { Span };
