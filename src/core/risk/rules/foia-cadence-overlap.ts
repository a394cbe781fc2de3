// A public-records request cadence shorter than the federal FOIA response
// time (legal-landscape §4; 5 U.S.C. § 552(a)(6)).
import type { Draft, RiskNote, Severity } from "../../draft.js";
import type { RiskContext } from "../context.js";
import type { Span } from "../read/index.js";
import { makeNote, modelFor, operativeUnits } from "../model.js";
import type { RuleMeta } from "../types.js";
import { native } from "../read/native.js";

export const meta: RuleMeta = {
  id: "foia-cadence-overlap",
  severity: "medium",
  title: "FOIA request cadence shorter than the response time",
  description:
    "Flags a programme of federal public-records (FOIA) requests filed more often than federal agencies must answer them: 20 working days, extendable by 10 in unusual circumstances (5 U.S.C. § 552(a)(6)). Weekly or fortnightly requests pile up unanswered (medium); monthly ones (about 21 to 23 working days) clear the base deadline but not the extension (low).",
  authorities: ["usc-5-552-a6"],
  fix: "File requests no more often than every 30 working days (quarterly is common), and track and follow up on pending requests instead of refiling; see clause public-records/foia-cadence.",
};

const NUMBER_WORDS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
  twenty: 20, "twenty-one": 21, "twenty-eight": 28, thirty: 30, "thirty-one": 31, forty: 40, "forty-five": 45, sixty: 60, ninety: 90,
};

const FOIA_CONTEXT =
  native(/\bFreedom\s+of\s+Information\b|\bFOIA\b|\b5\s+U\.S\.C\.?\s*§+\s*552\b|\b(?:public[- ])?records?\s+requests?\b[^;]{0,200}?\b(?:federal|DHS|ICE|CBP|Homeland\s+Security|Immigration\s+and\s+Customs)|\b(?:federal|DHS|ICE|CBP|Homeland\s+Security|Immigration\s+and\s+Customs)\b[^;]{0,200}?\b(?:public[- ])?records?\s+requests?\b/i);
/** A clause that files requests (not one that follows up on them or reports). */
const REQUEST_CLAUSE = native(/\brequests?\b|\bFOIA\b|\bFreedom\s+of\s+Information\b/i);
const FOLLOW_UP = native(/\bfollow(?:s|ing)?[- ]up\b|\bcheck(?:s|ing)?\s+on\b|\bstatus\s+of\b|\bpending\b/i);

/** The request cadence of a paragraph: cadences in clauses that file requests only. */
export function requestCadence(text: string): Cadence | null {
  const found: Cadence[] = [];
  const re = /[^;]+?(?:,\s+and\s+|;\s*|\.\s+(?=[A-Z][a-z])(?<!\bU\.S\.\s+)|$)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    if (!m[0]) break;
    const clause = m[0];
    if (!REQUEST_CLAUSE.test(clause) || FOLLOW_UP.test(clause)) continue;
    const c = parseCadence(clause);
    if (c) found.push({ ...c, start: c.start + m.index, end: c.end + m.index });
    if (re.lastIndex >= text.length) break;
  }
  found.sort((a, b) => a.workingDays - b.workingDays || a.start - b.start);
  return found[0] ?? null;
}

export interface Cadence extends Span {
  /** Approximate working days between requests. */
  workingDays: number;
}

const NUM = String.raw`(\d+|[a-z]+(?:-[a-z]+)?)(?:\s*\((\d+)\))?`;

const DAILY_RE = native(/\b(?:daily|every\s+(?:business\s+|working\s+)?day|each\s+(?:business\s+|working\s+)?day)\b/);
const BIWEEKLY_RE = native(/\b(?:bi-?weekly|fortnightly|every\s+(?:other|second)\s+week|every\s+(?:two|2)\s+weeks|every\s+two\s+\(2\)\s+weeks)\b/);
const WEEKLY_RE = native(/\b(?:weekly|every\s+week|each\s+week|once\s+(?:a|per|each)\s+week)\b/);
const MONTHLY_RE = native(/\b(?:monthly|every\s+month|each\s+(?:calendar\s+)?month|once\s+(?:a|per|each)\s+month)\b/);
/** Finds a request cadence in text: "weekly", "every 14 days", "monthly", "every two weeks". */
export function parseCadence(text: string): Cadence | null {
  const found: Cadence[] = [];
  const add = (m: RegExpExecArray, wd: number): void => {
    found.push({ start: m.index, end: m.index + m[0].length, text: m[0], workingDays: wd });
  };
  const each = (re: RegExp, fn: (m: RegExpExecArray) => number | null): void => {
    const g = new RegExp(re.source, "gi");
    let m: RegExpExecArray | null;
    while ((m = g.exec(text)) !== null) {
      const wd = fn(m);
      if (wd !== null) add(m, wd);
    }
  };
  const num = (word: string | undefined, digits: string | undefined): number | null => {
    if (digits) return Number(digits);
    if (!word) return null;
    if (/^\d+$/.test(word)) return Number(word);
    return NUMBER_WORDS[word.toLowerCase()] ?? null;
  };
  each(DAILY_RE, () => 1);
  each(BIWEEKLY_RE, () => 10);
  each(WEEKLY_RE, () => 5);
  each(/\b(?:semi-?monthly|twice\s+(?:a|per|each)\s+month)\b/, () => 11);
  each(MONTHLY_RE, () => 21);
  each(/\b(?:quarterly|every\s+(?:three|3)\s+months)\b/, () => 65);
  each(/\b(?:annually|yearly|every\s+year|each\s+year)\b/, () => 260);
  each(new RegExp(String.raw`\bevery\s+${NUM}\s+(calendar\s+|business\s+|working\s+)?days?\b`), (m) => {
    const n = num(m[1], m[2]);
    if (n === null) return null;
    return m[3] && /business|working/i.test(m[3]) ? n : Math.round((n * 5) / 7);
  });
  each(new RegExp(String.raw`\bat\s+intervals\s+of\s+(?:not\s+(?:more|less)\s+than\s+|no\s+(?:more|less)\s+than\s+|at\s+(?:least|most)\s+)?${NUM}\s+(calendar\s+|business\s+|working\s+)?days?\b`), (m) => {
    const n = num(m[1], m[2]);
    if (n === null) return null;
    return m[3] && /business|working/i.test(m[3]) ? n : Math.round((n * 5) / 7);
  });
  each(new RegExp(String.raw`\bevery\s+${NUM}\s+weeks?\b`), (m) => {
    const n = num(m[1], m[2]);
    return n === null ? null : n * 5;
  });
  each(new RegExp(String.raw`\bevery\s+${NUM}\s+months?\b`), (m) => {
    const n = num(m[1], m[2]);
    return n === null ? null : Math.round(n * 21.7);
  });
  if (!found.length) return null;
  // The most frequent cadence mentioned wins; ties go to the earliest.
  found.sort((a, b) => a.workingDays - b.workingDays || a.start - b.start);
  return found[0]!;
}

export function check(draft: Draft, context: RiskContext): RiskNote[] {
  const m = modelFor(draft, context);
  const notes: RiskNote[] = [];
  for (const u of operativeUnits(m)) {
    if (!FOIA_CONTEXT.test(u.text)) continue;
    const c = requestCadence(u.text);
    if (!c || c.workingDays >= 30) continue;
    const severity: Severity = c.workingDays < 20 ? "medium" : "low";
    notes.push(
      makeNote(meta, u, {
        severity,
        quote: c.text,
        message:
          severity === "medium"
            ? `Requests are filed “${c.text}” (about ${c.workingDays} working days apart), sooner than the 20 working days federal agencies have to answer, so they overlap unanswered.`
            : `Requests are filed “${c.text}” (about ${c.workingDays} working days apart), just past the 20-working-day deadline but inside the 10-day extension agencies may take.`,
        explanation:
          "Under 5 U.S.C. § 552(a)(6)(A) a federal agency has 20 working days to decide a FOIA request, and § 552(a)(6)(B) lets it add 10 working days in unusual circumstances; backlogged agencies such as DHS often take longer. A cadence shorter than that means each new request arrives while the last is pending, which multiplies duplicate requests, invites aggregation and denial, and gives the programme little to report." + (severity === "low" ? " A calendar month is about 21 to 23 working days: borderline, hence low." : ""),
        suggestion: "File requests no more often than every 30 working days, e.g. “quarterly, no later than the tenth day of January, April, July and October”, and track and follow up on pending requests (including appeals under § 552(a)(6)(A)(ii)) instead of refiling; see clause public-records/foia-cadence.",
      }),
    );
  }
  return notes;
}
