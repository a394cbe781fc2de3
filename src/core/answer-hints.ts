// For drafts made from answers: what the clause library says about a note's
// clause (its `risks:`), and which answer to change to avoid the note
// (`options.coverings_scope: own-officers`), from the option's `choice_risks`.
import type { Draft, RiskNote } from "./draft.js";
import type { Clause, Condition, Library } from "./library/types.js";

export function withAnswerHints(draft: Draft, library: Library, options: Record<string, unknown>): Draft {
  if (!draft.riskNotes.length) return draft;
  return { ...draft, riskNotes: draft.riskNotes.map((n) => hinted(n, library, options)) };
}

function hinted(n: RiskNote, library: Library, options: Record<string, unknown>): RiskNote {
  const clause = n.clause ? library.clauses.get(n.clause) : undefined;
  if (!clause) return n;
  const out: RiskNote = { ...n };
  const own = clause.risks.find((r) => r.rule === n.rule);
  if (own) out.libraryNote = own.note.replace(/\s+/g, " ").trim();
  const change = saferAnswer(clause, library, options);
  if (change) out.change = change;
  return out;
}

/** The lowest-risk choice of an option that selected this clause, when the answers chose a riskier one. */
export function saferAnswer(clause: Clause, library: Library, options: Record<string, unknown>): RiskNote["change"] | undefined {
  for (const leaf of leaves(clause.when)) {
    if (!leaf.answer.startsWith("options.")) continue;
    const name = leaf.answer.slice("options.".length);
    const risks = Object.hasOwn(library.options, name) ? library.options[name]!.choice_risks : undefined;
    if (!risks) continue;
    const order = Object.keys(risks);
    if (order.indexOf(String(options[name])) <= 0) continue; // already the lowest-risk choice, or not ranked
    return { answer: `options.${name}`, value: order[0]!, why: risks[order[0]!]! };
  }
  return undefined;
}

function leaves(c: Condition | undefined, out: Array<{ answer: string }> = []): Array<{ answer: string }> {
  if (!c) return out;
  if ("all" in c) c.all.forEach((x) => leaves(x, out));
  else if ("any" in c) c.any.forEach((x) => leaves(x, out));
  else if (!("not" in c)) out.push(c);
  return out;
}
