// Which provision a unit belongs to (a top-level paragraph with its lead-in
// and items, or the subsection a "Subsection (a) applies ..." paragraph
// qualifies), and which units are findings rather than duties.
import type { DraftModel, Unit } from "./model.js";
import { native } from "./read/native.js";

/**
 * The provision a unit belongs to: its top-level paragraph, through parents and
 * lead-ins; a paragraph that begins "Subsection (a) applies ..." belongs to (a).
 */
export function provisionRoot(m: DraftModel, u: Unit): Unit {
  let r = u;
  for (;;) {
    // An item with a modal of its own ("(2) A person may not ...") is a provision of its own.
    // (A proviso's modal, "provided that the officer shall ...", belongs to the provision it qualifies.)
    const ownDuty = r.analysis.duties.some((d) => d.modal !== null && d.span.start < r.ownLength && !/\bprovided\b|^\s*(?:except|unless)\b/i.test(d.span.text.slice(0, Math.max(0, d.span.text.indexOf(d.modal)))));
    if (ownDuty && (r.parent ?? r.leadIn)?.analysis.duties.some((d) => d.modal !== null)) break;
    const up = r.parent ?? r.leadIn;
    if (!up) break;
    r = up;
  }
  const ref = /^\s*(?:subsection|paragraph)\s+\(?([a-z]|\d{1,2})\)?(?=[\s,])/i.exec(r.text);
  if (ref) {
    const tops = topParagraphs(m).get(r.section) ?? [];
    const at = /\d/.test(ref[1]!) ? Number(ref[1]) - 1 : ref[1]!.toLowerCase().charCodeAt(0) - 97;
    const target = tops[at];
    if (target && target !== r) return target;
  }
  return r;
}

/** A section that is only findings or purposes ("Findings.", "Legislative findings and intent"): not operative. */
export const FINDINGS_SECTION_RE = native(/^\s*(?:legislative\s+)?(?:findings?|recitals?|preamble|background|purposes?)(?:\s+and\s+(?:findings|purposes?|intent|declarations?))?\.?\s*$/i);
const FINDINGS_HEADING_RE = native(/\b(?:findings?|purposes?|intent|declarations?|legislative\s+findings|recitals?|background|preamble)\b/i);
const FINDS_OPENING_RE = native(/^\s*(?:\(?[\w.]{1,5}\)?\s*)?(?:it\s+is\s+the\s+(?:intent|purpose|goal)|the\s+(?:purpose|intent)\s+of\s+this|by\s+this\s+(?:ordinance|order|act|resolution)|(?:the\s+)?(?:council|legislature|general\s+assembly|board|commission)\s+(?:further\s+|also\s+|hereby\s+)?(?:finds|declares|intends|recognizes|determines))/i);

/** Recitals, findings, purpose and background statements: legislative history, not duties. */
export function isFinding(u: Unit): boolean {
  return u.kind === "recital" || u.inFindings || FINDINGS_HEADING_RE.test(u.heading) || FINDS_OPENING_RE.test(u.text);
}

const topCache = new WeakMap<DraftModel, Map<string, Unit[]>>();
/** Each section's top-level paragraphs, in order (found once per model, not once per question). */
function topParagraphs(m: DraftModel): Map<string, Unit[]> {
  let tops = topCache.get(m);
  if (!tops) {
    tops = new Map();
    for (const x of m.units) {
      if (x.kind !== "paragraph" || x.parent || x.leadIn) continue;
      const list = tops.get(x.section) ?? [];
      list.push(x);
      tops.set(x.section, list);
    }
    topCache.set(m, tops);
  }
  return tops;
}
