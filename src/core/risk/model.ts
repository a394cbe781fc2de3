// The draft as the rules see it: every recital and paragraph in reading
// order with its analysis, the defined terms, and helpers the rules share
// (who a provision covers, whom it leaves out, building notes).
import type { Draft, Paragraph, RiskNote, SectionRole, Severity } from "../draft.js";
import {
  analyzeText,
  buildTermTable,
  isNarrow,
  parseDefinition,
  reachesFederal,
  selfNamesFor,
  type ActorClass,
  type ActorMention,
  type Analysis,
  type ScopeRef,
  type SelfNames,
  type Span,
  type TermTable,
} from "./analyze.js";
import type { RuleMeta } from "./types.js";
import { citeAuthority } from "../legal/index.js";

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

const cache = new WeakMap<Draft, DraftModel>();

/** The model of a draft, computed once per Draft object. */
export function modelFor(draft: Draft): DraftModel {
  let m = cache.get(draft);
  if (!m) {
    m = buildModel(draft);
    cache.set(draft, m);
  }
  return m;
}

const EXEMPT_LEADIN_RE = /\bnothing\s+in\s+this\s+\w+(?:\s+\w+)?\s+(?:prohibits|restricts|limits|applies\s+to)\b[^.]*:\s*$|\b(?:does|do|shall)\s+not\s+(?:apply|extend)\b[^.]*:\s*$|\b(?:except|exempt(?:ed)?|excluded?|not\s+include)\b[^.]*:\s*$|\bexceptions?\b[^.]*:\s*$/i;

export function buildModel(draft: Draft): DraftModel {
  const self = selfNamesFor(draft.jurisdiction);
  const kind = draft.jurisdiction?.kind;
  const kindWord = kind ? `the ${kind[0]!.toUpperCase()}${kind.slice(1)}` : "the jurisdiction";

  // Definitions: every paragraph of a definitions section, and any paragraph
  // elsewhere that begins with a quoted term and "means".
  const defs: Array<{ text: string; id: string }> = [];
  let hasDefinitions = false;
  for (const s of draft.sections) {
    if (s.role === "definitions") hasDefinitions = true;
    for (const p of walk(s.paragraphs)) {
      if (s.role === "definitions" || parseDefinition(p.text)) defs.push({ text: p.text, id: p.id });
      for (const inline of inlineDefinitions(p.text)) defs.push({ text: inline, id: p.id });
    }
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
      order: order++,
      depth: 0,
      parent: null,
      analysis: analyzeText(r.text, { terms, self }),
      boundFrom: null,
      inExemptList: false,
    });
  }
  const sectionByNumber = new Map<string, string>();
  draft.sections.forEach((s, i) => {
    sectionByNumber.set(String(i + 1), s.id);
  });
  for (const s of draft.sections) {
    const m = /^section-(\d+(?:\.\d+)*)(?:-\d+)?$/.exec(s.id);
    if (m) sectionByNumber.set(m[1]!, s.id);
  }

  draft.sections.forEach((s, i) => {
    let sectionClass: { cls: ActorClass; span: Span } | null = null;
    const visit = (paras: Paragraph[], parent: Unit | null, depth: number): void => {
      let leadIn: Unit | null = null;
      for (const p of paras) {
        const parentLead = parent && endsWithColon(parent.text) ? parent : null;
        const lead = parentLead ?? (leadIn && endsWithColon(leadIn.text) ? leadIn : null);
        const exemptList = !!lead && (EXEMPT_LEADIN_RE.test(lead.text) || lead.inExemptList);
        const analysis = analyzeText(p.text, {
          terms,
          self,
          inherit: { exemptList, leadIn: lead ? lead.analysis : null, sectionClass },
        });
        const u: Unit = {
          kind: "paragraph",
          section: s.id,
          sectionIndex: i + 1,
          sectionRole: s.role,
          heading: s.heading,
          id: p.id,
          clause: s.clauseId,
          text: p.text,
          order: order++,
          depth,
          parent,
          analysis,
          boundFrom: null,
          inExemptList: exemptList,
        };
        if (lead && analysis.bound && analysis.bound === lead.analysis.bound && !analysis.boundSpan) u.boundFrom = lead.boundFrom ?? lead;
        units.push(u);
        if (s.role !== "definitions" && analysis.bound && analysis.boundSpan && analysis.bound !== "everyone" && analysis.bound !== "private-parties") {
          sectionClass = { cls: analysis.bound, span: analysis.boundSpan };
        }
        if (!p.numbered && endsWithColon(p.text)) leadIn = u;
        visit(p.children, u, depth + 1);
      }
    };
    visit(s.paragraphs, null, 0);
  });

  return { draft, units, terms, hasDefinitions, self, kindWord, sectionByNumber };
}

/** Same as /:\s*$/.test(text), without scanning the whole text for colons. */
function endsWithColon(text: string): boolean {
  return text.trimEnd().endsWith(":");
}

function* walk(paragraphs: Paragraph[]): Generator<Paragraph> {
  for (const p of paragraphs) {
    yield p;
    yield* walk(p.children);
  }
}

/** Parenthetical definitions: (“Staging Area”) or (the "Covered Agency"). */
function inlineDefinitions(text: string): string[] {
  const out: string[] = [];
  const re = /\((?:the\s+|each\s+a\s+|a\s+|an\s+|collectively,?\s+|hereinafter\s+)?[“"]([^”"]{2,60})[”"]\)/g;
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
export function operativeUnits(m: DraftModel): Unit[] {
  return m.units.filter((u) => u.kind === "paragraph" && u.sectionRole !== "definitions");
}

export function unitsInScope(m: DraftModel, from: Unit, scope: ScopeRef): Unit[] {
  switch (scope.kind) {
    case "paragraph":
      return [from];
    case "section":
      return operativeUnits(m).filter((u) => u.section === from.section);
    case "document":
      return operativeUnits(m);
    case "named-section": {
      const id = m.sectionByNumber.get(scope.number) ?? m.sectionByNumber.get(scope.number.split(".")[0]!);
      return id ? operativeUnits(m).filter((u) => u.section === id) : [];
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

/** Is the provision a limit on cooperation with federal immigration enforcement? */
export function isCooperationLimit(u: Unit): Span | null {
  const a = u.analysis;
  if (u.inExemptList) return null;
  if (a.statusRestriction) return a.statusRestriction;
  const immigration =
    a.purpose ??
    a.actors.find((x) => x.role !== "exempt" && x.role !== "example" && (x.cls === "immigration-officers" || x.cls === "named-agency" || x.cls === "federal-officers")) ??
    firstMatch(u.text, /\b(?:civil\s+)?immigration\s+detainers?\b|\bdetainers?\b|\b287\s*\(g\)|\badministrative\s+warrants?\b|\bimmigration\b/i);
  if (!immigration) return null;
  if (a.does.includes("declines-assistance")) return immigration;
  if (a.does.includes("restricts-access") && (a.purpose || isNarrow(outsideTarget(u)?.cls))) return immigration;
  return null;
}

export function firstMatch(text: string, re: RegExp): Span | null {
  const r = new RegExp(re.source, re.flags.replace("g", ""));
  const m = r.exec(text);
  return m ? { start: m.index, end: m.index + m[0].length, text: m[0] } : null;
}

// ---------------------------------------------------------------------------
// Wording

export function describeClass(cls: ActorClass, mention: ActorMention | null, m: DraftModel): string {
  const via = mention?.term ? ` (the defined term “${mention.term}”)` : mention ? ` (“${mention.text}”)` : "";
  switch (cls) {
    case "named-agency":
      return `only officers of ${mention?.agency ?? "one named federal agency"}${via}`;
    case "immigration-officers":
      return `only federal immigration officers${via}`;
    case "federal-officers":
      return `only federal officers${via}`;
    case "non-local-officers":
      return `only non-local officers, that is every agency except ${m.kindWord}'s own${via}`;
    case "all-law-enforcement":
      return `officers of every law enforcement agency, federal, state and local${via}`;
    case "own-personnel":
      return `only ${m.kindWord}'s own personnel${via}`;
    case "state-officers":
      return `state officers${via}`;
    case "other-local-officers":
      return `other local officers${via}`;
    case "non-federal-officers":
      return `state and local officers${via}`;
    case "private-parties":
      return `private parties${via}`;
    case "everyone":
      return `every person${via}`;
  }
}

/** The comparable officers a class leaves out. */
export function leftOut(cls: ActorClass, m: DraftModel): string {
  const own = `${m.kindWord}'s own police`;
  switch (cls) {
    case "named-agency":
      return `officers of other federal agencies, state officers, and local officers including ${own}`;
    case "immigration-officers":
      return `other federal officers, state officers, and local officers including ${own}`;
    case "federal-officers":
      return `state officers and local officers, including ${own}`;
    case "non-local-officers":
      return `officers of ${own} department`;
    default:
      return "no one";
  }
}



// ---------------------------------------------------------------------------
// Notes

export interface NoteInput {
  severity: Severity;
  quote?: Span | string | null;
  message: string;
  explanation: string;
  suggestion: string;
  /** Authority ids, when not the rule's own. */
  authorities?: readonly string[];
}

/** A note anchored to a unit (or to the whole document when unit is null). */
export function makeNote(meta: RuleMeta, unit: Unit | null, input: NoteInput): RiskNote {
  let quote = typeof input.quote === "string" ? input.quote : (input.quote?.text ?? "");
  // The quote anchors a Word comment: it must occur verbatim in the unit's text.
  if (!unit || !unit.text.includes(quote)) quote = "";
  return {
    rule: meta.id,
    severity: input.severity,
    section: unit ? unit.section : "document",
    paragraph: unit ? unit.id : null,
    clause: unit ? unit.clause : null,
    quote,
    message: input.message,
    explanation: input.explanation,
    authorities: (input.authorities ?? meta.authorities).map((id) => citeAuthority(id, null)),
    suggestion: input.suggestion,
  };
}


export function isNinth(circuit: string | null): boolean {
  return circuit === "9th";
}
