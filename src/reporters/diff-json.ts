// The JSON report of `ordkit diff`: stable, documented in docs/diff.md.
// Unchanged units and unchanged paragraphs are left out; keys in a fixed order.
import type { DiffResult, ParaChange, UnitChange } from "../core/diff/model.js";
import { hasDifferences } from "../core/diff/model.js";

export const DIFF_JSON_VERSION = 1;

function para(p: ParaChange): Record<string, unknown> {
  const base = { op: p.op === "moveTo" ? "move" : p.op, oldPath: p.old?.path ?? null, newPath: p.new?.path ?? null };
  if (p.op === "change") return { ...base, fallback: p.fallback ?? false, words: p.words!.map((w) => ({ op: w.op, text: w.text })) };
  return { ...base, text: (p.new ?? p.old)!.text };
}

function unit(u: UnitChange): Record<string, unknown> {
  return {
    type: u.type,
    id: u.id,
    oldId: u.oldId,
    title: u.title,
    kind: u.kind,
    oldVersion: u.oldVersion,
    newVersion: u.newVersion,
    moved: u.moved ? { from: u.moved.from, to: u.moved.to, oldAfter: u.moved.oldAfter } : null,
    textChanged: u.textChanged,
    paragraphs: u.paras.filter((p) => p.op !== "equal" && p.op !== "moveFrom").map(para),
    metadata: u.meta.map((m) => ({ field: m.field, old: m.old === null ? null : JSON.parse(m.old), new: m.new === null ? null : JSON.parse(m.new), level: m.level, reason: m.reason })),
    version: u.version ? { declared: u.version.declared, required: u.version.required, ok: u.version.ok, reasons: u.version.reasons } : null,
  };
}

export function reportJson(r: DiffResult): string {
  const out = {
    ordkitDiff: DIFF_JSON_VERSION,
    kind: r.kind,
    differences: hasDifferences(r),
    old: { label: r.old.label, name: r.old.name, version: r.old.version },
    new: { label: r.new.label, name: r.new.name, version: r.new.version },
    summary: r.summary,
    library: r.library ? { declared: r.library.declared, required: r.library.required, ok: r.library.ok, reasons: r.library.reasons } : null,
    warnings: r.warnings,
    changes: r.units.filter((u) => u.type !== "unchanged").map(unit),
  };
  return `${JSON.stringify(out, null, 2)}\n`;
}
