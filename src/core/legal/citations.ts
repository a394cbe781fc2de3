// Checks what a clause library cites: the rule ids in each clause's `risks`
// and the authority ids a risk names, each with file:line:col and a guess.
import type { Problem } from "../errors.js";
import type { Clause } from "../library/types.js";
import { allAuthorities, authority, didYouMean } from "./index.js";

export function citationProblems(clauses: Iterable<Clause>, ruleIds: readonly string[]): Problem[] {
  const problems: Problem[] = [];
  const authorityIds = allAuthorities().map((a) => a.id);
  for (const c of clauses) {
    c.risks.forEach((r, i) => {
      if (!ruleIds.includes(r.rule)) {
        const guess = didYouMean(r.rule, ruleIds);
        problems.push(c.source.problem(["risks", i, "rule"], `unknown risk rule "${r.rule}"`, guess ? `did you mean "${guess}"?` : `rules: ${ruleIds.join(", ")}`));
      }
      (r.authorities ?? []).forEach((id, k) => {
        if (authority(id)) return;
        const guess = didYouMean(id, authorityIds);
        problems.push(c.source.problem(["risks", i, "authorities", k], `unknown authority "${id}"`, guess ? `did you mean "${guess}"? (\`ordkit law --authorities\` lists them)` : "authorities are listed by `ordkit law --authorities` (legal/authorities.yaml and each state's laws)"));
      });
    });
  }
  return problems;
}
