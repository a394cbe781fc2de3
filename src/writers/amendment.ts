// What every writer of an amending ordinance shares: subsection labels of
// marked code text (a label that changes is shown struck and underlined, as
// the text is), runs with their spaces kept outside the marks, and where a
// risk note on the code sits.
import type { Draft, RiskNote } from "../core/draft.js";
import type { MarkedParagraph, MarkedRun } from "../core/amend/model.js";
import { paragraphLabel } from "./labels.js";

export interface LabeledParagraph {
  para: MarkedParagraph;
  /** The label runs: "(c)" unchanged; "(c)" struck and "(d)" underlined when it changes; [] when unnumbered. */
  label: MarkedRun[];
}

/** Labels from the old text's numbering (paragraphs not inserted) and the new one's (paragraphs not deleted). */
export function labelParagraphs(ps: MarkedParagraph[]): LabeledParagraph[] {
  const oldCount: number[] = [];
  const newCount: number[] = [];
  const step = (counts: number[], depth: number, numbered: boolean): string | null => {
    counts.length = depth + 1;
    for (let d = 0; d < depth; d++) counts[d] ??= 0;
    if (!numbered) return null;
    counts[depth] = (counts[depth] ?? 0) + 1;
    return paragraphLabel(depth, counts[depth]!);
  };
  return ps.map((p) => {
    const inOld = p.status !== "insert";
    const inNew = p.status !== "delete";
    const o = inOld ? step(oldCount, p.depth, p.numbered) : null;
    const n = inNew ? step(newCount, p.depth, p.numbered) : null;
    let label: MarkedRun[] = [];
    if (p.status === "insert" && n) label = [{ text: n, mark: "ins" }];
    else if (p.status === "delete" && o) label = [{ text: o, mark: "del" }];
    else if (o && n && o === n) label = [{ text: n, mark: null }];
    else label = [...(o ? [{ text: o, mark: "del" as const }] : []), ...(n ? [{ text: n, mark: "ins" as const }] : [])];
    return { para: p, label };
  });
}

/** Runs with leading and trailing spaces of a mark moved outside it, and empty runs dropped. */
export function tidyRuns(runs: MarkedRun[]): MarkedRun[] {
  const out: MarkedRun[] = [];
  const push = (text: string, mark: MarkedRun["mark"]): void => {
    if (!text) return;
    const last = out[out.length - 1];
    if (last && last.mark === mark) last.text += text;
    else out.push({ text, mark });
  };
  for (const r of runs) {
    if (!r.mark) {
      push(r.text, null);
      continue;
    }
    const m = /^(\s*)([\s\S]*?)(\s*)$/.exec(r.text)!;
    push(m[1]!, null);
    push(m[2]!, r.mark);
    push(m[3]!, null);
  }
  return out;
}

/** Where a note on a code section the amending ordinance leaves unchanged sits, for the memo; null for other notes. */
export function codeWhere(draft: Draft, n: RiskNote): string | null {
  const code = draft.amendment && /^code-(.+)$/.exec(n.section)?.[1];
  return code && draft.amendment!.unchanged.includes(code) ? `Code § ${code}` : null;
}
