// Exemptions and examples in one paragraph: which actor mentions a cue
// ("except", "does not apply to", "including") makes exempt or an example
// (and the other party to a contract, an object rather than a subject),
// the exemptions written into defined terms, state officers a list leaves
// out, and function-based exceptions (undercover work, medical masks). Each
// cue is looked for in a bounded window before its mention, so the pass is
// linear.
import type { ActorMention, Exemption, Span } from "./types.js";
import { CUE_WINDOW, globalForm, span } from "./text.js";
import { EXAMPLE_CUE_RE, FILLER_RE, FOLLOWING_EXEMPT_RE, FUNCTION_WORDS } from "./patterns.js";
import { COUNTERPARTY_RE } from "./clause-cues.js";
import { exemptionKind, findCue, labelFor, namesPlace } from "./classes.js";
import { native } from "./native.js";

const FUNCTION_EXCEPTION_CUE_RE = native(/\b(?:except|other\s+than|does\s+not\s+apply|shall\s+not\s+apply|do\s+not\s+apply|exempt|excluding|unless|does\s+not\s+include|not\s+include)\b/i);

/** Sets each mention's exempt or example role and returns the paragraph's exemptions in text order. */
export function readExemptions(text: string, actors: ActorMention[], stateGaps: readonly Span[], exemptList: boolean): Exemption[] {
  for (let i = 0; i < actors.length; i++) {
    const a = actors[i]!;
    // "under a contract or agreement with a federal immigration authority": the other party to a
    // contract is its object; the rule binds whoever contracts with it.
    if (COUNTERPARTY_RE.test(text.slice(Math.max(0, a.start - 60), a.start))) {
      a.role = "object";
      continue;
    }
    // Cues sit just before the mention: a bounded window keeps this linear.
    const before = text.slice(Math.max(0, a.start - CUE_WINDOW), a.start);
    const prev = i > 0 ? actors[i - 1]! : null;
    if (EXAMPLE_CUE_RE.test(before.slice(-40))) {
      a.role = "example";
      continue;
    }
    const cue = findCue(before);
    if (cue !== null && FILLER_RE.test(before.slice(cue))) a.role = "exempt";
    else if (prev && (prev.role === "exempt" || prev.role === "example") && FILLER_RE.test(text.slice(prev.end, a.start)) && /\b(?:or|and|nor)\b|,/.test(text.slice(prev.end, a.start)))
      a.role = prev.role;
    else if (FOLLOWING_EXEMPT_RE.test(text.slice(a.end, a.end + CUE_WINDOW))) a.role = "exempt";
    // Under "does not apply to:", the item's head names who is exempt ("(3) officers of the
    // City Police Department"); an actor deep in the item ("... in which a Department
    // participates") describes a circumstance instead.
    else if (exemptList && a.start < 60) a.role = "exempt";
  }
  const exempts: Exemption[] = [];
  for (const a of actors) {
    // "does not apply to a State or local correctional facility": a place left out, not officers.
    if (a.role !== "exempt" || a.generic || namesPlace(a.text)) continue;
    const kind = exemptionKind(a.cls);
    if (kind) exempts.push({ ...span(text, a.start, a.end), kind, label: labelFor(a) });
  }
  for (const g of stateGaps) {
    const owner = actors.find((a) => a.start === g.start);
    if (owner && owner.role !== "exempt") exempts.push({ ...g, kind: "state-officers", label: "state officers (the list names federal and local officers only)" });
  }
  // Exemptions written into the definition of a term used here.
  for (const a of actors) {
    if (a.role === "exempt" || a.role === "example" || !a.termExempts) continue;
    for (const e of a.termExempts) exempts.push({ ...span(text, a.start, a.end), kind: e.kind, label: e.label, ...(e.viaTerm ? { viaTerm: e.viaTerm } : {}) });
  }
  // Function-based exceptions (undercover, medical masks, tactical units, ...).
  const fnCue = FUNCTION_EXCEPTION_CUE_RE;
  if (fnCue.test(text) || exemptList) {
    // A function word is an exception when a cue precedes it with no full stop
    // between: one sweep over cues and full stops in order, not a search per word.
    const cues: number[] = [];
    const cueRe = globalForm(fnCue);
    let c: RegExpExecArray | null;
    while ((c = cueRe.exec(text)) !== null) cues.push(c.index);
    const re = globalForm(FUNCTION_WORDS);
    let m: RegExpExecArray | null;
    let ci = 0;
    let lastCue = -1;
    let lastDot = -1;
    let scanned = 0;
    while ((m = re.exec(text)) !== null) {
      while (ci < cues.length && cues[ci]! < m.index) lastCue = cues[ci++]!;
      for (; scanned < m.index; scanned++) if (text.charCodeAt(scanned) === 46 /* . */) lastDot = scanned;
      if ((lastCue >= 0 && lastCue > lastDot) || exemptList) exempts.push({ ...span(text, m.index, m.index + m[0].length), kind: "function", label: m[0].toLowerCase() });
    }
  }
  exempts.sort((a, b) => a.start - b.start);
  return exempts;
}
