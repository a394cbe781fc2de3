// `ordkit check` for people: each note with where it is, why, and the safer form.
import type { ChalkInstance } from "chalk";
import type { CheckResult } from "../core/pipeline.js";
import type { RiskNote } from "../core/draft.js";
import { sectionNumber } from "./check-json.js";
import { authorityLine, staleness } from "../core/legal/index.js";

export async function checkHuman(result: CheckResult, file: string, chalk: ChalkInstance | null): Promise<string> {
  const paint = (s: string, sev: RiskNote["severity"]): string => {
    if (!chalk) return s;
    return sev === "high" ? chalk.red.bold(s) : sev === "medium" ? chalk.yellow.bold(s) : sev === "low" ? chalk.cyan(s) : chalk.gray(s);
  };
  const dim = (s: string): string => (chalk ? chalk.dim(s) : s);
  const { draft } = result;
  const out: string[] = [];
  for (const n of draft.riskNotes) {
    const line = result.lines.get(n.paragraph ?? n.section)?.line;
    const num = sectionNumber(result, n.section);
    const code = /^code-(.+)$/.exec(n.section)?.[1];
    const where = n.section === "recitals" ? "recitals" : num ? `Section ${num}` : code ? `code § ${code}` : "whole draft";
    out.push(`${file}${line ? `:${line}` : ""}: ${paint(n.severity.toUpperCase(), n.severity)} ${n.rule} (${where})`);
    out.push(`  ${n.message}`);
    if (n.quote) out.push(dim(`  quote: “${n.quote.length > 160 ? n.quote.slice(0, 157) + "…" : n.quote}”`));
    if (n.suggestion) out.push(`  safer: ${n.suggestion}`);
    if (n.change) out.push(`  in the answers: ${n.change.answer}: ${n.change.value}`);
    out.push(dim(`  authority: ${authorityLine(n.authorities)}`));
    out.push("");
  }
  const counts = (["high", "medium", "low", "info"] as const).map((s) => `${draft.riskNotes.filter((n) => n.severity === s).length} ${s}`).join(", ");
  const props = result.fromProperties ? ` (state and instrument from the document's properties; drafted from ${result.fromProperties.library ?? "an ordkit library"})` : "";
  out.push(`${draft.riskNotes.length} note(s): ${counts}. ${result.instrument}${result.state ? `, ${result.state}` : ", state unknown"}${props}. Legal knowledge as of ${draft.legalAsOf}. Not legal advice.`);
  const stale = staleness(draft.legalAsOf, draft.date);
  if (stale) out.push(paint(`Warning: ${stale.message}`, "medium"));
  return out.join("\n") + "\n";
}
