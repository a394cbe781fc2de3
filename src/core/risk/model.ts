// The draft as the rules see it: every recital and paragraph in reading
// order with its analysis, the defined terms, and helpers the rules share
// (who a provision covers, whom it leaves out, building notes).
import type { Draft, Paragraph, SectionRole } from "../draft.js";
import {
  analyzeText,
  buildTermTable,
  isNarrow,
  parseDefinition,
  reachesFederal,
  selfNamesFor,
  stateSelfNames,
  type ActorClass,
  type ActorMention,
  type Analysis,
  type ScopeRef,
  type SelfNames,
  type Span,
  type TermTable,
} from "./read/index.js";
import type { CheckInstrument } from "./context.js";
import { stateName } from "./read/lexicon.js";
import { frameFor, type Frame } from "./read/frame.js";
import { FINDINGS_SECTION_RE } from "./provisions.js";
import { FINDINGS_LEADIN_RE, GROUNDS_LEADIN_RE, OBJECT_LEADIN_RE, endsWithColon, exemptLeadIn, forbidsPolicies, hasDutyBeforeList, nextIsNumbered, wholeText } from "./lead-ins.js";
import { compileForReading, fromStart, native } from "./read/native.js";

export interface Unit {
  kind: "recital" | "paragraph";
  /** Section anchor id, or "recitals". */
  section: string;
  /** 0 for recitals, 1 + index for sections. */
  sectionIndex: number;
  sectionRole: SectionRole | "recitals";
  heading: string;
  /** Paragraph or recital anchor id. */
  id: string;
  clause: string | null;
  text: string;
  /** Reading order across the draft. */
  order: number;
  depth: number;
  parent: Unit | null;
  analysis: Analysis;
  /** The unit whose words name the bound class, when this one continues a lead-in ("shall: (1) ..."). */
  boundFrom: Unit | null;
  /** True when the unit is listed under a "does not apply to:" lead-in. */
  inExemptList: boolean;
  /** True when the unit is listed under a lead-in that forbids policies: it describes a policy, not a duty. */
  describesForbiddenPolicy: boolean;
  /** The unnumbered lead-in ("Every officer shall:") whose list this unit belongs to, as a sibling or parent. */
  leadIn: Unit | null;
  /** A finding: listed under "The legislature finds and declares that:" (or that lead-in itself). */
  inFindings: boolean;
  /** Length of the paragraph's own words at the start of text (text may add its items: a lead-in read whole). */
  ownLength: number;
  /** The lead-in whose duty this item only completes ("... based on any of the following: (1) An immigration detainer;"). */
  groundOf: Unit | null;
}

export interface DraftModel {
  draft: Draft;
  units: Unit[];
  terms: TermTable;
  hasDefinitions: boolean;
  self: SelfNames;
  /** "the City", "the County", or "the jurisdiction". */
  kindWord: string;
  /** Section number as written ("3") to section id. */
  sectionByNumber: Map<string, string>;
}

const cache = new WeakMap<Draft, Map<string, DraftModel>>();

/** The level a draft is read at: a statute's enactor is a state. */
export interface ModelOptions {
  instrument?: CheckInstrument;
  state?: string | null;
}

/** The model of a draft, computed once per Draft object and reading level. */
export function modelFor(draft: Draft, options: ModelOptions = {}): DraftModel {
  const key = options.instrument === "statute" ? `statute/${options.state ?? ""}` : "local";
  let byKey = cache.get(draft);
  if (!byKey) {
    byKey = new Map();
    cache.set(draft, byKey);
  }
  let m = byKey.get(key);
  if (!m) {
    m = buildModel(draft, options);
    byKey.set(key, m);
  }
  return m;
}

/** A definition and, when it ends in ":" ("... means an individual's:"), the items that complete it. */
function definitionText(paras: Paragraph[], p: Paragraph): string {
  return endsWithColon(p.text) && parseDefinition(p.text) ? wholeText(p, paras) : p.text;
}

export function buildModel(draft: Draft, options: ModelOptions = {}): DraftModel {
  const statute = options.instrument === "statute";
  const self = statute ? stateSelfNames(stateName(options.state)) : selfNamesFor(draft.jurisdiction);
  const kind = draft.jurisdiction?.kind;
  const kindWord = statute ? "the State" : kind ? `the ${kind[0]!.toUpperCase()}${kind.slice(1)}` : "the jurisdiction";

  compileForReading();

  // Definitions: every paragraph of a definitions section, and any paragraph
  // elsewhere that begins with a quoted term and "means".
  const defs: Array<{ text: string; id: string }> = [];
  let hasDefinitions = false;
  for (const s of draft.sections) {
    if (s.role === "definitions") hasDefinitions = true;
    const visit = (paras: Paragraph[]): void => {
      for (const p of paras) {
        const defined = s.role === "definitions" || !!parseDefinition(p.text);
        if (defined) defs.push({ text: definitionText(paras, p), id: p.id });
        for (const inline of inlineDefinitions(p.text)) defs.push({ text: inline, id: p.id });
        visit(p.children);
      }
    };
    visit(s.paragraphs);
  }
  const terms = buildTermTable(defs, self);

  const units: Unit[] = [];
  let order = 0;
  for (const r of draft.recitals) {
    units.push({
      kind: "recital",
      section: "recitals",
      sectionIndex: 0,
      sectionRole: "recitals",
      heading: "",
      id: r.id,
      clause: r.clauseId,
      text: r.text,
      leadIn: null,
      inFindings: true,
      ownLength: r.text.length,
      order: order++,
      depth: 0,
      parent: null,
      analysis: analyzeText(r.text, { terms, self }),
      boundFrom: null,
      inExemptList: false,
      describesForbiddenPolicy: false,
      groundOf: null,
    });
  }
  const sectionByNumber = new Map<string, string>();
  draft.sections.forEach((s, i) => {
    sectionByNumber.set(String(i + 1), s.id);
  });
  for (const s of draft.sections) {
    const m = /^section-(\d+(?:\.\d+)*)(?:-\d+)?$/.exec(s.id);
    if (m) sectionByNumber.set(m[1]!, s.id);
    // A code's number as written: "10-178" for "Sec. 10-178.".
    const written = /^section-(\d+(?:[.-]\d+)*[A-Za-z]?)$/.exec(s.id)?.[1];
    if (written && !sectionByNumber.has(written)) sectionByNumber.set(written, s.id);
  }

  const groundLeads = new Set<Unit>();
  // The paragraph read just before, across section breaks (a parsed notice may make each line a section).
  let previous: string | null = null;
  draft.sections.forEach((s, i) => {
    let named: ActorMention[] = [];
    let sectionClass: { cls: ActorClass; span: Span } | null = null;
    const visit = (paras: Paragraph[], parent: Unit | null, depth: number): void => {
      let leadIn: Unit | null = null;
      for (const p of paras) {
        const parentLead = parent && endsWithColon(parent.text) ? parent : null;
        // A list set out after its lead-in: its numbered items continue the lead-in; an unnumbered
        // paragraph after the list ("A uniform or badge that displays this information satisfies ...") does not.
        const lead = parentLead ?? (leadIn && p.numbered && endsWithColon(leadIn.text) ? leadIn : null);
        const exemptList = !!lead && (lead.inExemptList || exemptLeadIn(lead));
        // A duty whose items are only its grounds or circumstances is one provision: read it whole.
        const tail = p.text.slice(-200);
        const env = { terms, self, inherit: { exemptList, leadIn: lead ? lead.analysis : null, sectionClass, previous, named } };
        const listsGrounds = !exemptList && p.children.length > 0 && GROUNDS_LEADIN_RE.test(tail) && hasDutyBeforeList(p.text);
        const listsObjects = !exemptList && !listsGrounds && (p.children.length > 0 || nextIsNumbered(paras, p)) && OBJECT_LEADIN_RE.test(tail);
        const grounds = listsGrounds || listsObjects;
        let analysis = analyzeText(p.text, env);
        // Read whole when the lead-in names who is bound ("Any uniformed officer shall display: (a) ...");
        // the contents of a document ("The policy shall include: ...") stay the document's.
        const whole = p.children.length > 0 && (listsGrounds || (listsObjects && !!analysis.boundSpan)) ? wholeText(p) : p.text;
        if (whole !== p.text) analysis = analyzeText(whole, env);
        const u: Unit = {
          kind: "paragraph",
          section: s.id,
          sectionIndex: i + 1,
          sectionRole: s.role,
          heading: s.heading,
          id: p.id,
          clause: s.clauseId,
          text: whole,
          leadIn: lead,
          inFindings: FINDINGS_LEADIN_RE.test(p.text.slice(-200)) || !!lead?.inFindings,
          ownLength: p.text.length,
          order: order++,
          depth,
          parent,
          analysis,
          boundFrom: null,
          inExemptList: exemptList,
          describesForbiddenPolicy: !!lead && (lead.describesForbiddenPolicy || forbidsPolicies(lead)),
          groundOf: parent && groundLeads.has(parent) ? parent : lead && groundLeads.has(lead) ? lead : (parent?.groundOf ?? null),
        };
        if (lead && analysis.bound && analysis.bound === lead.analysis.bound && !analysis.boundSpan) u.boundFrom = lead.boundFrom ?? lead;
        units.push(u);
        if (grounds) groundLeads.add(u);
        if (s.role !== "definitions" && analysis.bound && analysis.boundSpan && analysis.bound !== "everyone" && analysis.bound !== "private-parties") {
          sectionClass = { cls: analysis.bound, span: analysis.boundSpan };
        }
        if ((!p.numbered || grounds) && endsWithColon(p.text)) leadIn = u;
        previous = p.text;
        // The last few officer classes named in the section, for a later bare "an officer".
        for (const a of analysis.actors) if (a.role !== "exempt" && a.cls !== "everyone" && a.cls !== "private-parties") named = [...named.slice(-7), a];
        visit(p.children, u, depth + 1);
      }
    };
    visit(s.paragraphs, null, 0);
  });

  return { draft, units, terms, hasDefinitions, self, kindWord, sectionByNumber };
}

const PARENTHETICAL_TERM_RE = native(/\((?:the\s+|each\s+a\s+|a\s+|an\s+|collectively,?\s+|hereinafter\s+)?[“"]([^”"]{2,60})[”"]\)/g);
/** Parenthetical definitions: (“Staging Area”) or (the "Covered Agency"). */
function inlineDefinitions(text: string): string[] {
  const out: string[] = [];
  const re = fromStart(PARENTHETICAL_TERM_RE);
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    // The phrase just before the parenthesis is what the term stands for.
    const before = text.slice(Math.max(0, m.index - 160), m.index);
    const phrase = before.split(/[.;]/).pop() ?? "";
    out.push(`“${m[1]}” means ${phrase.trim()}`);
  }
  return out;
}

/** Operative units: paragraphs of operative and closing sections (not definitions, not recitals). */
const operativeCache = new WeakMap<DraftModel, { all: Unit[]; bySection: Map<string, Unit[]> }>();
function operative(m: DraftModel): { all: Unit[]; bySection: Map<string, Unit[]> } {
  let o = operativeCache.get(m);
  if (!o) {
    const all = m.units.filter((u) => u.kind === "paragraph" && u.sectionRole !== "definitions" && !u.describesForbiddenPolicy && !u.groundOf && !u.inFindings && !FINDINGS_SECTION_RE.test(u.heading));
    const bySection = new Map<string, Unit[]>();
    for (const u of all) {
      const list = bySection.get(u.section) ?? [];
      list.push(u);
      bySection.set(u.section, list);
    }
    o = { all, bySection };
    operativeCache.set(m, o);
  }
  return o;
}

/** Operative units, in reading order (computed once per model: rules ask for them per unit). */
export function operativeUnits(m: DraftModel): Unit[] {
  return operative(m).all;
}

export function unitsInScope(m: DraftModel, from: Unit, scope: ScopeRef): Unit[] {
  switch (scope.kind) {
    case "paragraph":
      return [from];
    case "section": {
      // A text with no section headings (an excerpt, a bill's body) splits paragraphs into
      // unnamed sections; "this section" then means the text around the paragraph.
      const own = operative(m).bySection.get(from.section) ?? [];
      return own.length <= 1 && !from.heading.trim() ? operativeUnits(m) : own;
    }
    case "document":
      return operativeUnits(m);
    case "named-section": {
      const id = m.sectionByNumber.get(scope.number) ?? m.sectionByNumber.get(scope.number.split(".")[0]!);
      return id ? (operative(m).bySection.get(id) ?? []) : [];
    }
  }
}

// ---------------------------------------------------------------------------
// Facts the rules share

/** The outside class a provision restricts or binds: its subject, or whom it keeps out. */
export function outsideTarget(u: Unit): { cls: ActorClass; mention: ActorMention | null; unit: Unit } | null {
  const a = u.analysis;
  const all = a.actors.filter((x) => x.role !== "exempt" && x.role !== "example");
  const relevant = all.filter((x) => x.relevant);
  const live = relevant.length ? relevant : all;
  const order: ActorClass[] = ["named-agency", "immigration-officers", "federal-officers", "non-local-officers", "all-law-enforcement"];
  for (const role of ["subject", "agent", "restricted"] as const) {
    for (const c of order) {
      const hit = live.find((x) => x.role === role && x.cls === c);
      if (hit) return { cls: c, mention: hit, unit: u };
    }
  }
  if (a.bound && reachesFederal(a.bound)) {
    const from = u.boundFrom ?? u.parent;
    const mention = from?.analysis.actors.find((x) => x.cls === a.bound && x.role !== "exempt" && x.role !== "example") ?? null;
    return { cls: a.bound, mention, unit: mention && from ? from : u };
  }
  return null;
}

/** Does the provision bind or restrict officers of other governments (conduct, access or penalties)? */
export function bindsOutside(u: Unit): boolean {
  if (u.inExemptList) return false;
  const a = u.analysis;
  if (!(a.does.includes("regulates-conduct") || a.does.includes("restricts-access") || a.does.includes("penalizes"))) return false;
  const t = outsideTarget(u);
  if (t) return true;
  // "No City property shall be used as a Staging Area for Civil Immigration Enforcement."
  return a.does.includes("restricts-access") && (a.bound === null || a.bound === "own-personnel") && !!a.purpose;
}

const DETAINER_OR_IMMIGRATION_RE = native(/\b(?:civil\s+)?immigration\s+detainers?\b|\bdetainers?\b|\b287\s*\(g\)|\badministrative\s+warrants?\b|\bimmigration\b/i);
/** Is the provision a limit on cooperation with federal immigration enforcement? */
export function isCooperationLimit(u: Unit): Span | null {
  const a = u.analysis;
  if (u.inExemptList) return null;
  if (a.statusRestriction) return a.statusRestriction;
  const immigration =
    a.purpose ??
    a.actors.find((x) => x.role !== "exempt" && x.role !== "example" && (x.cls === "immigration-officers" || x.cls === "named-agency" || x.cls === "federal-officers")) ??
    firstMatch(u.text, DETAINER_OR_IMMIGRATION_RE);
  if (!immigration) return null;
  // A lead-in read with its items: quote the lead-in's duty when the immigration words sit in an item.
  const quoted = immigration.end <= u.ownLength ? immigration : leadInDuty(u);
  if (a.does.includes("declines-assistance")) return quoted;
  if (a.does.includes("restricts-access") && (a.purpose || isNarrow(outsideTarget(u)?.cls))) return quoted;
  return null;
}

/** A lead-in's own duty, from its bound subject to its colon: the words to quote for the whole provision. */
function leadInDuty(u: Unit): Span {
  const own = u.text.slice(0, u.ownLength).replace(/\s*:\s*$/, "");
  const start = u.analysis.boundSpan && u.analysis.boundSpan.end <= own.length ? u.analysis.boundSpan.start : own.search(/\S/);
  return { start, end: own.length, text: own.slice(start) };
}

export function firstMatch(text: string, re: RegExp): Span | null {
  const r = new RegExp(re.source, re.flags.replace("g", ""));
  const m = r.exec(text);
  return m ? { start: m.index, end: m.index + m[0].length, text: m[0] } : null;
}

// Provisions and findings live in provisions.ts, wording and notes in notes.ts; re-exported for the rules.
export { isFinding, provisionRoot } from "./provisions.js";
export { describeClass, leftOut, makeNote, type NoteInput } from "./notes.js";

export function isNinth(circuit: string | null): boolean {
  return circuit === "9th";
}

// ---------------------------------------------------------------------------
// Frames

const frames = new WeakMap<Unit, Frame>();
/** The unit's provision frame, read once. */
export function frameOf(u: Unit): Frame {
  let f = frames.get(u);
  if (!f) {
    f = frameFor(u);
    frames.set(u, f);
  }
  return f;
}

/** Does the document anywhere bind officers of other governments, or turn on civil arrest or immigration enforcement? */
export function reachesOutsideOfficers(m: DraftModel): boolean {
  return operativeUnits(m).some((u) => bindsOutside(u) || !!u.analysis.purpose || /\bcivil\s+arrests?\b/i.test(u.text) || u.analysis.actors.some((a) => a.role !== "exempt" && reachesFederal(a.cls) && a.cls !== "all-law-enforcement"));
}
