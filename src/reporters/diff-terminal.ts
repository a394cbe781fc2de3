// The terminal report of `ordkit diff`: a summary, then each change with
// deletions and insertions marked. Colour (chalk) only on a TTY without
// NO_COLOR; plain markers [-deleted-] {+inserted+} otherwise.
import type { ChalkInstance } from "chalk";
import type { DiffResult, ParaChange, UnitChange } from "../core/diff/model.js";
import { headline, kindText, metaText, movedText, paraLabel, shownParas, sideText, summaryText, versionText } from "./diff-common.js";

interface Style {
  del(s: string): string;
  ins(s: string): string;
  move(s: string): string;
  head(s: string): string;
  warn(s: string): string;
  dim(s: string): string;
}

const PLAIN: Style = {
  del: (s) => `[-${s}-]`,
  ins: (s) => `{+${s}+}`,
  move: (s) => s,
  head: (s) => s,
  warn: (s) => s,
  dim: (s) => s,
};

function colour(c: ChalkInstance): Style {
  return {
    del: (s) => c.red.strikethrough(s),
    ins: (s) => c.blue.underline(s),
    move: (s) => c.green(s),
    head: (s) => c.bold(s),
    warn: (s) => c.yellow(s),
    dim: (s) => c.dim(s),
  };
}

/** Marks the changed words, keeping spaces outside the markers. */
function mark(text: string, f: (s: string) => string): string {
  const m = /^(\s*)([\s\S]*?)(\s*)$/.exec(text)!;
  return m[2] ? `${m[1]}${f(m[2])}${m[3]}` : text;
}

function paraLine(p: ParaChange, st: Style): string {
  const label = paraLabel(p);
  switch (p.op) {
    case "insert":
      return `${label} ${st.ins(`added: ${p.new!.text}`)}`;
    case "delete":
      return `${label} ${st.del(`removed: ${p.old!.text}`)}`;
    case "moveTo":
      return `${st.move(`${label} moved from ¶${p.old!.path}: ${p.new!.text}`)}`;
    case "change": {
      const body = p.words!.map((w) => (w.op === "equal" ? w.text : mark(w.text, w.op === "insert" ? st.ins : st.del))).join("");
      return `${label}${p.fallback ? " (replaced whole)" : ""}: ${body}`;
    }
    default:
      return `${label}: ${p.new?.text ?? ""}`;
  }
}

function unitBlock(u: UnitChange, st: Style): string[] {
  const sign = { added: "+", removed: "-", changed: "~", renamed: ">", moved: "↕", unchanged: " " }[u.type];
  const out = [st.head(`${sign} ${headline(u)}`)];
  const moved = movedText(u);
  if (moved) out.push(`    ${st.move(moved)}`);
  for (const p of shownParas(u)) {
    if (u.type === "added") out.push(`    ${paraLabel(p)} ${st.ins(p.new!.text)}`);
    else if (u.type === "removed") out.push(`    ${paraLabel(p)} ${st.del(p.old!.text)}`);
    else out.push(`    ${paraLine(p, st)}`);
  }
  if (u.meta.length) {
    out.push("    metadata:");
    for (const m of u.meta) out.push(`      ${metaText(m)}`);
  }
  if (u.version) out.push(`    ${u.version.ok ? st.dim(versionText(u.version)) : st.warn(versionText(u.version))}`);
  return out;
}

export function reportTerminal(r: DiffResult, chalk: ChalkInstance | null): string {
  const st = chalk ? colour(chalk) : PLAIN;
  const out: string[] = [
    st.head(`Comparing ${kindText(r)}`),
    `  old: ${sideText(r, "old")}`,
    `  new: ${sideText(r, "new")}`,
    `Summary: ${summaryText(r)}`,
  ];
  if (r.library) out.push(`Library ${r.library.ok ? st.dim(versionText(r.library)) : st.warn(versionText(r.library))}`);
  for (const u of r.units) {
    if (u.type === "unchanged") continue;
    out.push("", ...unitBlock(u, st));
  }
  if (r.warnings.length) {
    out.push("", st.warn(`Warnings (${r.warnings.length}):`));
    for (const w of r.warnings) out.push(`  ${st.warn("warning:")} ${w}`);
  }
  return `${out.join("\n")}\n`;
}
