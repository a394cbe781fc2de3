// The status-sharing pass: does a duty restrict sharing a person's citizenship
// or immigration status? Only when a sharing verb governs the status, the
// sentence prohibits (a release "is not required to" does not), and it does not
// merely forbid a policy or save what federal law requires.
import type { Span } from "./types.js";
import { containing, globalForm, sentenceOf, span } from "./text.js";
import { CROSS_REFERENCE_RE, SHARE_RE, STATUS_RE } from "./patterns.js";
import { FORBIDS_POLICY_RE, sharesStatus } from "./clause-cues.js";
import { native } from "./native.js";

const SHARING_PERMITTED_RE = native(/^\s*nothing\s+in\b|\bnothing\s+(?:in\s+this|herein)\b[^.;]{0,40}\b(?:prohibits?|restricts?|prevents?|limits?|shall\s+be\s+construed)\b|\b(?:does|do|shall)\s+not\s+(?:prohibit|restrict|limit|prevent)\b|\bmay\s+(?:share|disclose|provide|send|exchange)\b|\b(?:is|are)\s+not\s+(?:prohibited|restricted)\s+from\b/i);
const OWN_PROHIBITION_RE = native(/\b(?:shall|must|may|will)\s+not\b|\bnor\s+shall\b|\bprohibit\w*\b|\b(?:kept|keep|remain|held)\s+confidential\b|^\s*(?:\([\w.]+\)\s*)*no\b/i);
export function findStatusRestriction(
  text: string,
  sents: ReadonlyArray<{ start: number; end: number }>,
  dutySents: ReadonlyArray<{ start: number; end: number; neg: boolean }>,
  termStatus: readonly Span[],
  leadInText: string | null,
): Span | null {
  const mentions: Span[] = [...termStatus];
  const re = globalForm(STATUS_RE);
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) mentions.push(span(text, m.index, m.index + m[0].length));
  // "... the immigration status of the person ... If such status is ascertained": the same status, referred back to.
  if (mentions.length) {
    const first = Math.min(...mentions.map((x) => x.start));
    const back = /\bsuch\s+status\b/gi;
    while ((m = back.exec(text)) !== null) if (m.index > first) mentions.push(span(text, m.index, m.index + m[0].length));
  }
  mentions.sort((a, b) => a.start - b.start);
  for (const st of mentions) {
    const s = sentenceOf(sents, st.start);
    // "Except as provided in subsection (3)" and "provided that" are cross-references, not sharing.
    const body = text.slice(s.start, s.end).replace(CROSS_REFERENCE_RE, (w) => " ".repeat(w.length));
    if (SHARING_PERMITTED_RE.test(body)) continue;
    // "may not enact any ordinance or policy that limits ... communicating ... immigration status":
    // the sentence forbids such a policy; it restricts nothing itself.
    if (FORBIDS_POLICY_RE.test(body)) continue;
    if (!SHARE_RE.test(body)) continue;
    const d = containing(dutySents, s.start);
    // "is not required to", "need not": a release from a duty, not a prohibition.
    const released = body.replace(/\b(?:is|are)\s+not\s+(?:required|obligated)\b|\bneed\s+not\b/gi, (w) => " ".repeat(w.length));
    if (released !== body && !/\b(?:shall|must|may)\s+not\b|\bprohibit/i.test(released)) continue;
    // An item under "The prohibition ... shall include:" is negated by its lead-in.
    // The prohibition must be the sentence's own: "not lawfully present" is not one.
    if (!(d?.neg || (!d && !!leadInText && /\bprohibition\b/i.test(leadInText)) || OWN_PROHIBITION_RE.test(body))) continue;
    // "shall not inquire about immigration status" restricts questioning, not sharing; and the
    // sharing verb must govern the status: "unless ... a criminal violation was reported" does not.
    if (!sharesStatus(body, st.start - s.start, st.end - s.start)) continue;
    return st;
  }
  return null;
}
