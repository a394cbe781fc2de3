// Wording shared by the diff reporters (terminal, Markdown).
import type { DiffResult, MetaChange, ParaChange, UnitChange, VersionCheck } from "../core/diff/model.js";

export function sideText(r: DiffResult, side: "old" | "new"): string {
  const s = r[side];
  const what = r.kind === "document" ? s.name ?? "" : [s.name, s.version].filter(Boolean).join(" ");
  return what ? `${s.label} (${what})` : s.label;
}

export function kindText(r: DiffResult): string {
  return r.kind === "library" ? "clause libraries" : r.kind === "clause" ? "clause files" : "drafts";
}

export function summaryText(r: DiffResult): string {
  const s = r.summary;
  const parts = ([["added", s.added], ["removed", s.removed], ["changed", s.changed], ["renamed", s.renamed], ["moved", s.moved]] as const)
    .filter(([, n]) => n > 0)
    .map(([k, n]) => `${n} ${k}`);
  const unit = r.kind === "document" ? "part" : "clause";
  if (!parts.length) return `no differences (${s.unchanged} ${unit}${s.unchanged === 1 ? "" : "s"} compared)`;
  return `${parts.join(", ")}; ${s.unchanged} unchanged`;
}

export function headline(u: UnitChange): string {
  const name = u.title && u.title !== u.id ? `${u.id} — ${u.title}` : u.id;
  const ver = u.oldVersion && u.newVersion && u.oldVersion !== u.newVersion ? ` (${u.oldVersion} → ${u.newVersion})` : u.newVersion && u.type === "added" ? ` (${u.newVersion})` : u.oldVersion && u.type === "removed" ? ` (${u.oldVersion})` : "";
  switch (u.type) {
    case "renamed":
      return `renamed ${u.oldId} → ${name}${ver}`;
    default:
      return `${u.type} ${name}${ver}`;
  }
}

export function movedText(u: UnitChange): string | null {
  if (!u.moved) return null;
  return `moved from position ${u.moved.from} to ${u.moved.to}${u.moved.oldAfter ? ` (was after ${u.moved.oldAfter})` : " (was first)"}`;
}

export function paraLabel(p: ParaChange): string {
  const path = (p.new ?? p.old)!.path;
  return path === "heading" ? "heading" : `¶${path}`;
}

/** Paragraph changes worth showing: no equal ones, a move shown once (where it went). */
export function shownParas(u: UnitChange): ParaChange[] {
  return u.paras.filter((p) => p.op !== "equal" && p.op !== "moveFrom");
}

export function metaValue(v: string | null): string {
  return v === null ? "(none)" : v;
}

function asObject(v: string | null): Record<string, unknown> | null {
  if (v === null) return null;
  const o = JSON.parse(v) as unknown;
  return o && typeof o === "object" && !Array.isArray(o) ? (o as Record<string, unknown>) : null;
}

/** A metadata change; for two objects (e.g. a variable) only the keys that changed. */
export function metaText(m: MetaChange): string {
  return `${m.field}: ${metaChangeText(m)} [${m.level}: ${m.reason}]`;
}

/** Just the change of a metadata field: old → new, or the keys that changed. */
export function metaChangeText(m: MetaChange): string {
  const o = asObject(m.old);
  const n = asObject(m.new);
  let change = `${metaValue(m.old)} → ${metaValue(m.new)}`;
  if (o && n) {
    const keys = [...new Set([...Object.keys(o), ...Object.keys(n)])].sort().filter((k) => JSON.stringify(o[k]) !== JSON.stringify(n[k]));
    change = keys.map((k) => `${k} ${k in o ? JSON.stringify(o[k]) : "(none)"} → ${k in n ? JSON.stringify(n[k]) : "(none)"}`).join(", ");
  }
  return change;
}

export function versionText(v: VersionCheck): string {
  const declared = v.declared === "none" ? "no bump" : v.declared === "downgrade" ? "a lower version" : v.declared === "invalid" ? "a version that is not x.y.z" : `a ${v.declared} bump`;
  return v.ok ? `version: ${declared}; needs ${v.required === "none" ? "none" : `a ${v.required} bump`} — ok` : `version: ${declared}, but the changes need a ${v.required} bump`;
}
