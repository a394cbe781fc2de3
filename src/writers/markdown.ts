// Markdown writer: the same Draft, readable in a pull request or on the web.
import type { Draft, Paragraph, RiskNote } from "../core/draft.js";
import { longDate } from "../core/assemble/helpers.js";
import { paragraphLabel, sectionLabel } from "./labels.js";
import { notesByAnchor } from "./notes.js";
import { authorityGroups, authorityText, buildMemo, saferText } from "./memo.js";
import { changeMd, legendMd } from "./amendment-md.js";

/** Escapes Markdown syntax so names like `A & B <"Test">` come out literally. */
export function escapeMd(s: string): string {
  // "&amp;" would render as "&": escape an ampersand that starts an entity.
  return s.replace(/([\\`*_{}\[\]<>#|~])/g, "\\$1").replace(/&(?=#?[A-Za-z0-9]+;)/g, "\\&").replace(/^(\d+)\./, "$1\\.").replace(/^([+-]) /, "\\$1 ");
}

export function writeMarkdown(draft: Draft, options: { notes?: boolean } = {}): string {
  if (options.notes === false) draft = { ...draft, riskNotes: [], notes: [] };
  const out: string[] = [];
  const push = (s: string): void => {
    out.push(s, "");
  };
  push(`*DRAFT — ${longDate(draft.date)}*`);
  const notesFor = notesByAnchor(draft.riskNotes);
  for (const block of draft.layout) {
    switch (block.type) {
      case "heading":
        push(`**${escapeMd(block.text)}**`);
        break;
      case "title":
        push(`# ${escapeMd(block.text)}`);
        for (const n of notesFor.get("document") ?? []) push(noteLine(n));
        break;
      case "para":
        push(escapeMd(block.text));
        break;
      case "formula":
        push(`**${escapeMd(block.text)}**`);
        for (const n of notesFor.get("recitals") ?? []) push(noteLine(n));
        break;
      case "recitals":
        draft.recitals.forEach((r, i) => {
          push(`WHEREAS, ${escapeMd(r.text)}${i < draft.recitals.length - 1 ? "; and" : "."}`);
          for (const n of notesFor.get(r.id) ?? []) push(noteLine(n));
        });
        break;
      case "sections": {
        const changes = new Map(draft.amendment?.changes.map((c) => [c.id, c]));
        if (draft.amendment) push(legendMd(draft.amendment, escapeMd));
        draft.sections.forEach((s, i) => {
          push(`## ${sectionLabel(i + 1)} ${escapeMd(s.heading)}.`);
          for (const n of notesFor.get(s.id) ?? []) push(noteLine(n));
          const change = changes.get(s.id);
          if (change) out.push(...changeMd(change, escapeMd, notesFor, noteLine));
          else writeParagraphs(s.paragraphs, 0, out, notesFor);
        });
        break;
      }
      case "signature":
        push(`\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_  \n${escapeMd(block.name)}  \n${escapeMd(block.label)}`);
        break;
      case "note":
        push(`*${escapeMd(block.text)}*`);
        break;
    }
  }
  if (draft.notes.length) {
    push("---");
    push("**Drafter's notes**");
    for (const n of draft.notes) out.push(`- ${escapeMd(n)}`);
    out.push("");
  }
  if (options.notes !== false) out.push(...riskMemo(draft), "");
  return out.join("\n").replace(/\n{3,}/g, "\n\n").trimEnd() + "\n";
}

function writeParagraphs(ps: Paragraph[], depth: number, out: string[], notesFor: Map<string, RiskNote[]>): void {
  let n = 0;
  for (const p of ps) {
    // Nested levels are told apart by their labels; Markdown indentation would make code blocks.
    const label = p.numbered ? `${paragraphLabel(depth, ++n)} ` : "";
    out.push(`${label}${escapeMd(p.text)}`, "");
    for (const note of notesFor.get(p.id) ?? []) out.push(noteLine(note), "");
    writeParagraphs(p.children, depth + 1, out, notesFor);
  }
}


function noteLine(n: RiskNote): string {
  return `> **Risk note (${n.severity}, ${n.rule}):** ${escapeMd(n.message)} *Safer:* ${escapeMd(n.suggestion)}`;
}

function riskMemo(draft: Draft): string[] {
  const memo = buildMemo(draft);
  const out = ["---", "", "## Drafter's risk memo", ""];
  out.push(`Legal knowledge as of ${longDate(memo.asOf)}. Summary: ${memo.counts}. The most serious notes come first. Authorities are marked binding where the draft will be adopted or persuasive. This memo is not legal advice.${memo.staleness}`, "");
  memo.entries.forEach((e, i) => {
    const n = e.note;
    out.push(`${i + 1}\\. **${n.severity.toUpperCase()}: ${escapeMd(e.where)}. ${escapeMd(n.message)}** (${n.rule})`, "");
    if (n.explanation) out.push(`   *Why:* ${escapeMd(n.explanation)}`, "");
    if (n.libraryNote) out.push(`   *Clause note:* ${escapeMd(n.libraryNote)}`, "");
    out.push(`   *Safer:* ${escapeMd(saferText(n))}`, "");
    if (e.refs.length) out.push(`   *Authorities:* ${e.refs.map((r) => `[${r}]`).join(", ")}`, "");
  });
  if (memo.authorities.length) {
    out.push(`**Authorities** (status as of ${longDate(memo.asOf)})`, "");
    for (const g of authorityGroups(memo)) {
      out.push(g.label, "");
      for (const a of g.items) out.push(`- ${escapeMd(authorityText(a))} <${a.authority.url}>`);
      out.push("");
    }
  }
  return out;
}
