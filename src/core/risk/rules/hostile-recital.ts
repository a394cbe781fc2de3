// Recitals or findings that denounce federal policy or officials: evidence of
// discriminatory purpose (legal-landscape §5).
import type { Draft, RiskNote, Severity } from "../../draft.js";
import type { RiskContext } from "../context.js";
import { isFinding, makeNote, modelFor, type Unit } from "../model.js";
import type { RuleMeta } from "../types.js";
import { listRe } from "../read/lexicon.js";
import { fromStart, native } from "../read/native.js";

export const meta: RuleMeta = {
  id: "hostile-recital",
  severity: "medium",
  title: "Recital hostile to federal policy or officials",
  description:
    "Flags recitals and findings that denounce federal policy, agencies or officials. Recitals are read as legislative history, and stated disagreement with federal policy was used as evidence of discriminatory purpose against King County.",
  authorities: ["king-county-2024", "arlington-heights-1977"],
  fix: "Use neutral recitals about the jurisdiction's management of its property, public safety, public trust and the sound use of local resources.",
};

/** A hostile word counts only when the recital is about federal actors (not "fled persecution", "brutal cartels"). */
const FEDERAL_REF = listRe("federal-references");

const HOSTILE: Array<{ re: RegExp; severity: Severity; needsFederal?: boolean }> = [
  {
    needsFederal: true,
    re: listRe("hostile-words"),
    severity: "medium",
  },
  {
    // Opposing the use of the jurisdiction's own property or resources for enforcement is declining, not denouncing.
    re: native(/\b(?:condemn(?:s|ed|ing)?|denounc(?:e|es|ed|ing)|oppos(?:e|es|ed|ing)|reject(?:s|ed|ing)?|deplor(?:e|es|ed|ing)|disagree(?:s|d)?\s+with|in\s+opposition\s+to|resist(?:s|ed|ance\s+to)?|refuses?\s+to\s+be\s+complicit)\b(?!\s+(?:any\s+|the\s+)?use\s+of\s+(?:its|their|our|the\s+\w+(?:'s|’s)|\w+\s+(?:property|resources|personnel|funds)))[^.;]{0,80}?\b(?:federal|administration|President|ICE|(?:mass\s+)?deportations?|immigration\s+(?:polic(?:y|ies)|enforcement|agenda))/i),
    severity: "medium",
  },
  // "Recent actions and pronouncements by federal authorities ... undermine the trust": federal conduct
  // as the cause of harm (not "entangling local police ... undermines trust", which is about local policy).
  { re: native(/\b(?:actions|pronouncements|tactics|conduct|rhetoric|raids|operations)\b[^.;]{0,40}?\b(?:by|of)\s+(?:the\s+)?(?:federal|ICE|administration|immigration\s+(?:agents|officers|authorities))\b[^.;]{0,100}?\bundermin(?:e|es|ed|ing)\b/i), severity: "medium" },
  // "Calls on the U.S. Department of Homeland Security to immediately cease ... Operation Metro Surge."
  { re: native(/\bcalls?\s+(?:up)?on\b[^;]{0,80}?\b(?:federal|ICE|DHS|Homeland\s+Security|administration|President|Congress)\b[^.;]{0,60}?\bto\s+(?:immediately\s+)?(?:cease|end|stop|halt|withdraw|terminate)\b/i), severity: "medium" },
  { re: listRe("federal-officials"), severity: "low" },
];


export function check(draft: Draft, context: RiskContext): RiskNote[] {
  const m = modelFor(draft, context);
  const notes: RiskNote[] = [];
  // A resolution's resolved clauses declare the body's views as its recitals do.
  const resolution = draft.instrument === "resolution";
  const units: Unit[] = m.units.filter((u) => u.kind === "recital" || (u.sectionRole === "operative" && (isFinding(u) || resolution)));
  // Names of federal operations introduced in the findings ("known as “Operation Metro Surge”")
  // make later findings that use them findings about federal actors.
  const operations = federalOperationNames(units);
  const aboutFederal = (text: string): boolean => FEDERAL_REF.test(text) || operations.some((n) => text.includes(n));
  for (const u of units) {
    let best: { text: string; severity: Severity; index: number } | null = null;
    for (const h of HOSTILE) {
      if (h.needsFederal && !aboutFederal(u.text)) continue;
      const mm = h.re.exec(u.text);
      if (!mm) continue;
      if (!best || rank(h.severity) < rank(best.severity) || (h.severity === best.severity && mm.index < best.index)) best = { text: mm[0], severity: h.severity, index: mm.index };
    }
    // Disparaging words count only in a sentence about federal actors: a recital that names none is skipped whole.
    if (!best && aboutFederal(u.text)) {
      const words = disparagement(u.text, aboutFederal);
      if (words) best = { text: words, severity: "medium", index: 0 };
    }
    if (!best) continue;
    notes.push(
      makeNote(meta, u, {
        severity: best.severity,
        quote: best.text,
        message: `The ${u.kind === "recital" ? "recital" : "finding"} ${best.severity === "low" ? "names federal officials or the administration" : "denounces federal policy or officers"} (“${best.text}”), which can be read as evidence of a discriminatory purpose.`,
        explanation:
          "Recitals and findings are read as legislative history. A court asking whether a measure discriminates against the federal government may look to the stated reasons for it (Arlington Heights); King County's stated disagreement with federal immigration policy was part of the record against its order on ICE flights. Neutral reasons about the jurisdiction's own property, safety, public trust and resources support the same measure without that risk.",
        suggestion: `Replace with a neutral finding, e.g. “WHEREAS, ${m.kindWord} has a responsibility to manage its non-public property, protect public safety and public trust, and use local resources soundly” (clauses findings/property-stewardship, findings/public-safety-trust, findings/local-resources).`,
      }),
    );
  }
  return notes;
}

function rank(s: Severity): number {
  return ["high", "medium", "low", "info"].indexOf(s);
}

const AGENCY_BACK_REFERENCE_RE = native(/\b(?:the|this|that)\s+(?:agency|department|administration|office)\b|\bits\b/i);
/**
 * Two or more disparaging words in one sentence about federal actors or policy
 * ("harsh federal policies that vilify immigrants"): the first one, to quote.
 */
function disparagement(text: string, aboutFederal: (text: string) => boolean): string | null {
  let federalBefore = false;
  for (const sentence of text.split(/(?<=[.;])\s+/)) {
    // "ICE was established ...; the agency grew wildly": a later clause about "the agency" is about it too.
    const named = aboutFederal(sentence);
    const about = named || (federalBefore && AGENCY_BACK_REFERENCE_RE.test(sentence));
    if (named) federalBefore = true;
    if (!about) continue;
    const found = new Map<string, string>();
    const re = listRe("disparaging-words", "g");
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(sentence)) !== null) if (!found.has(m[0].toLowerCase())) found.set(m[0].toLowerCase(), m[0]);
    if (found.size >= 2) return [...found.values()][0]!;
  }
  return null;
}

const OPERATION_NAME_RE = native(/[“"]((?:Operation|Project)\s+[^”"]{2,60})[”"]|\bknown\s+as\s+[“"]([^”"]{3,60})[”"]/g);
/** Quoted names of operations that a finding about federal actors introduces ("Operation Midway Blitz"). */
function federalOperationNames(units: Unit[]): string[] {
  const names: string[] = [];
  for (const u of units) {
    if (!FEDERAL_REF.test(u.text)) continue;
    for (const m of u.text.matchAll(fromStart(OPERATION_NAME_RE))) names.push((m[1] ?? m[2])!);
  }
  return names;
}
