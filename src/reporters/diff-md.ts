// The Markdown report of `ordkit diff`, for pull requests: deletions as
// <del>, insertions as <ins> (GitHub shows them struck through and underlined).
import type { DiffResult, ParaChange, UnitChange } from "../core/diff/model.js";
import { escapeMd } from "../writers/markdown.js";
import { headline, kindText, metaChangeText, movedText, paraLabel, shownParas, sideText, summaryText, versionText } from "./diff-common.js";

const del = (s: string): string => (s.trim() ? `<del>${escapeMd(s)}</del>` : s);
const ins = (s: string): string => (s.trim() ? `<ins>${escapeMd(s)}</ins>` : s);
const code = (s: string): string => `\`${s.replace(/`/g, "'")}\``;

function paraLine(p: ParaChange, u: UnitChange): string {
  const label = `**${paraLabel(p)}**`;
  if (u.type === "added") return `- ${label} ${ins(p.new!.text)}`;
  if (u.type === "removed") return `- ${label} ${del(p.old!.text)}`;
  switch (p.op) {
    case "insert":
      return `- ${label} added: ${ins(p.new!.text)}`;
    case "delete":
      return `- ${label} removed: ${del(p.old!.text)}`;
    case "moveTo":
      return `- ${label} moved from ¶${p.old!.path}: ${escapeMd(p.new!.text)}`;
    case "change":
      return `- ${label}${p.fallback ? " (replaced whole)" : ""}: ${p.words!.map((w) => (w.op === "equal" ? escapeMd(w.text) : w.op === "insert" ? ins(w.text) : del(w.text))).join("")}`;
    default:
      return `- ${label} ${escapeMd(p.new?.text ?? "")}`;
  }
}

export function reportMarkdown(r: DiffResult): string {
  const out: string[] = [
    `## ordkit diff: ${kindText(r)}`,
    "",
    `- **Old:** ${escapeMd(sideText(r, "old"))}`,
    `- **New:** ${escapeMd(sideText(r, "new"))}`,
    `- **Summary:** ${summaryText(r)}`,
  ];
  if (r.library) out.push(`- **Library ${escapeMd(versionText(r.library))}**${r.library.ok ? "" : " ⚠️"}`);
  if (r.warnings.length) {
    out.push("", "> [!WARNING]");
    for (const w of r.warnings) out.push(`> ${escapeMd(w)}`, ">");
    out.pop();
  }
  for (const u of r.units) {
    if (u.type === "unchanged") continue;
    out.push("", `### ${escapeMd(headline(u))}`, "");
    const moved = movedText(u);
    if (moved) out.push(`- *${moved}*`);
    if (u.type === "renamed") out.push(`- *same text, new id (was ${code(u.oldId ?? "")})*`);
    for (const p of shownParas(u)) out.push(paraLine(p, u));
    if (u.meta.length) {
      out.push("", "| metadata | change | needs |", "|---|---|---|");
      for (const m of u.meta) out.push(`| ${code(m.field)} | ${code(metaChangeText(m)).replace(/\|/g, "\\|")} | ${m.level}: ${escapeMd(m.reason)} |`);
    }
    if (u.version) out.push("", `*${escapeMd(versionText(u.version))}*${u.version.ok ? "" : " ⚠️"}`);
  }
  return `${out.join("\n")}\n`;
}
