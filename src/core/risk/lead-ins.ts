// Lead-ins and their lists: what a paragraph ending in ":" makes of the items
// under it (exemptions, forbidden policies, the grounds or objects of one
// duty, findings), and the lead-in read whole with its items. Each test reads
// the lead-in's last words once, however many items follow.
import type { Paragraph } from "../draft.js";
import { native } from "./read/native.js";

/** "The legislature finds and declares that:": what follows are findings, not duties. */
export const FINDINGS_LEADIN_RE = native(/\b(?:finds|declares|determines|recognizes)(?:,?\s+(?:and|that)\s+(?:finds|declares|determines|recognizes))?\b[^:.;]{0,60}:\s*$/i);
const DUTY_TAIL_RE = native(/\b(?:shall|must|may|will)(?:\s+not)?\s+(?!(?:be\s+construed|apply|extend|include|be\s+applied)\b)\w+[^,;:]*:\s*$/i);
const EXEMPT_LEADIN_RE = native(/\bnothing\s+in\s+this\s+\w+(?:\s+\w+)?\s+(?:prohibits|restricts|limits|applies\s+to)\b[^.]*:\s*$|\b(?:does|do|shall)\s+not\s+(?:apply|extend)\b[^.]*:\s*$|\b(?:except|exempt(?:ed)?|excluded?|not\s+include)\b[^.]*:\s*$|\bexceptions?\b[^.]*:\s*$/i);

const exemptLeadIns = new WeakMap<object, boolean>();
/** Does a lead-in introduce a list of exemptions? Tested once per lead-in, not once per item. */
export function exemptLeadIn(u: { text: string }): boolean {
  let v = exemptLeadIns.get(u);
  if (v === undefined) {
    // "Except as required by law, providers may not do either of the following:" lists duties;
    // "This section does not apply to:" lists exemptions.
    v = EXEMPT_LEADIN_RE.test(u.text) && !DUTY_TAIL_RE.test(u.text.slice(-300));
    exemptLeadIns.set(u, v);
  }
  return v;
}

const policyLeadIns = new WeakMap<object, boolean>();
/** Does a lead-in forbid policies? Tested once per lead-in, on its last words only. */
export function forbidsPolicies(u: { text: string }): boolean {
  let v = policyLeadIns.get(u);
  if (v === undefined) {
    v = FORBIDDEN_POLICY_LEADIN_RE.test(u.text.slice(-600));
    policyLeadIns.set(u, v);
  }
  return v;
}

/** Same as /:\s*$/.test(text), without scanning the whole text for colons. */
export function endsWithColon(text: string): boolean {
  return text.trimEnd().endsWith(":");
}

/**
 * A lead-in whose list gives the grounds or circumstances of a duty already
 * stated ("No agency shall detain a person ... based on any of the following:"):
 * the items are not duties of their own.
 */
export const GROUNDS_LEADIN_RE = native(/\b(?:based(?:\s+(?:solely|only|in\s+part))?\s+(?:up)?on|on\s+the\s+(?:sole\s+)?basis\s+of|because\s+of|by\s+reason\s+of|solely\s+(?:up)?on|in|under|for)\s+(?:(?:any|all|each|one|either)\s+(?:\w+\s+)?of\s+)?the\s+following(?:\s+(?:grounds?|circumstances?|cases?|situations?|conditions?|bases|reasons?|purposes?))?\s*:\s*$/i);

/**
 * A lead-in whose verb is complete and whose items are its objects: "shall
 * visibly display: (a) the name of the agency ...", "The policy shall include,
 * but not be limited to, each of the following:". The items are the contents of
 * one duty, not duties of their own.
 */
export const OBJECT_LEADIN_RE = native(/\b(?:shall|must|will)\s+(?:\w+ly\s+)?(?:include|contain|display|state|list|specify|set\s+forth|address|wear|have|bear|carry|consist\s+of|provide\s+for|describe|identify)\b(?:,?\s*but\s+(?:not\s+be|is\s+not)\s+limited\s+to,?)?(?:,?\s*(?:at\s+a\s+minimum|at\s+least|without\s+limitation|among\s+other\s+things),?)?(?:\s+(?:(?:each|all|any)\s+of\s+)?the\s+following(?:\s+\w+)?)?\s*:\s*$/i);

const DUTY_BEFORE_FOLLOWING_LIST_RE = native(/\b(?:shall|must|may\s+not|will\s+not|cannot)\b[^:]*\b\w+\b[^:]*\bfollowing\b[^:]*:\s*$/i);
/** The lead-in states a duty of its own before its list: a modal before the closing words. */
export function hasDutyBeforeList(text: string): boolean {
  return DUTY_BEFORE_FOLLOWING_LIST_RE.test(text.slice(-600)) && !/\b(?:shall|must|may\s+not|will\s+not)\s*(?:not\s*)?:\s*$/i.test(text);
}

/** Does a numbered sibling follow p (a list set out after its lead-in rather than under it)? */
export function nextIsNumbered(paras: Paragraph[], p: Paragraph): boolean {
  const i = paras.indexOf(p);
  return i >= 0 && i + 1 < paras.length && paras[i + 1]!.numbered;
}

/**
 * The lead-in and all of its items, as one text (the items' own units stay for
 * anchoring): the items under it or, given its siblings, the numbered ones set
 * out after it.
 */
export function wholeText(p: Paragraph, siblings: readonly Paragraph[] = []): string {
  const parts = [p.text];
  for (const c of walk(p.children)) parts.push(c.text);
  if (!p.children.length) for (let j = siblings.indexOf(p) + 1; j > 0 && j < siblings.length && siblings[j]!.numbered; j++) parts.push(siblings[j]!.text);
  return parts.join(" ");
}

export function* walk(paragraphs: Paragraph[]): Generator<Paragraph> {
  for (const p of paragraphs) {
    yield p;
    yield* walk(p.children);
  }
}

/**
 * A lead-in that forbids policies ("No municipality shall adopt a policy
 * which: (a) Limits ...", "'Sanctuary policy', any order ... that:"), or that
 * forbids limiting officers "from doing any of the following:": its items
 * describe what the law forbids others to enact or to stop, so they are not
 * restrictions of their own (anti-sanctuary statutes).
 */
const FORBIDDEN_POLICY_LEADIN_RE = native(/\b(?:shall|may)\s+not\s+(?:adopt|enact|have|implement|maintain|pass|endorse|enforce)\b[^:]{0,200}\b(?:polic(?:y|ies)|ordinances?|rules?|practices?|resolutions?|regulations?)\b[^:]{0,200}:\s*$|\bno\s+[\w\s,]{1,80}?\s+(?:shall|may)\s+(?:adopt|enact|have|implement|maintain|pass|endorse|enforce)\b[^:]{0,200}\b(?:polic(?:y|ies)|ordinances?|rules?|practices?|resolutions?|regulations?)\b[^:]{0,200}:\s*$|\b(?:shall|may|do|does)\s+not\s+(?:limit\s+or\s+)?(?:prohibit|restrict|discourage|limit|prevent)\b[^:]{0,300}\bfrom\b[^:]{0,80}:\s*$|\b(?:polic(?:y|ies)|ordinances?|orders?)\b[^:]{0,200}\b(?:that|which|under\s+which)\s*:\s*$/i);
