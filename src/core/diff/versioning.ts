// The versioning check: how big a version bump each change needs, and
// whether the declared bump is big enough.
//   patch: editorial wording, headings, sources, moves
//   minor: new optional clause or paragraph, changed conditions, and a
//          variable change that only accepts more answers (variable-change.ts)
//   major: changed obligation (may -> shall, shall -> shall not), changed
//          numbers, removed clause or paragraph with an obligation, and a
//          variable change that may refuse or leave out old answers
import { variableChanges } from "./variable-change.js";
import { levelRank, maxLevel, type Level, type MetaChange, type ParaChange, type UnitChange, type VersionCheck } from "./model.js";

const OBLIGATION = /\b(?:shall\s+not|shall|must\s+not|must|may\s+not|may|should\s+not|should|will\s+not|is\s+prohibited|are\s+prohibited|prohibited|required|unlawful|no\s+later\s+than|not\s+later\s+than|only)\b/gi;
const NUMBER = /\b\d+(?:[.,]\d+)*\b|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|sixty|ninety|hundred|thousand)\b/gi;

function terms(text: string, re: RegExp): string[] {
  return (text.match(re) ?? []).map((t) => t.toLowerCase().replace(/\s+/g, " "));
}

function same(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

function quote(list: string[]): string {
  return list.length ? list.map((t) => `"${t}"`).join(", ") : "none";
}

/** The level a paragraph change needs, with why. */
export function paraLevel(c: ParaChange): { level: Level; reason: string } | null {
  const where = c.new?.path ?? c.old?.path ?? "";
  const label = where === "heading" ? "heading" : `¶${where}`;
  switch (c.op) {
    case "equal":
    case "moveFrom":
      return null;
    case "moveTo":
      return { level: "patch", reason: `${label} moved from ¶${c.old!.path}` };
    case "insert": {
      const ob = terms(c.new!.text, OBLIGATION);
      return ob.length ? { level: "major", reason: `${label} added with obligation words ${quote(ob)}` } : { level: "minor", reason: `${label} added` };
    }
    case "delete": {
      const ob = terms(c.old!.text, OBLIGATION);
      return ob.length ? { level: "major", reason: `${label} removed with obligation words ${quote(ob)}` } : { level: "minor", reason: `${label} removed` };
    }
    case "change": {
      if (c.new!.role === "heading") return { level: "patch", reason: "heading reworded" };
      const o = terms(c.old!.text, OBLIGATION);
      const n = terms(c.new!.text, OBLIGATION);
      if (!same(o, n)) return { level: "major", reason: `${label}: obligation changed (${quote(o)} → ${quote(n)})` };
      const on = terms(c.old!.text, NUMBER);
      const nn = terms(c.new!.text, NUMBER);
      if (!same(on, nn)) return { level: "major", reason: `${label}: number changed (${quote(on)} → ${quote(nn)})` };
      return { level: "patch", reason: `${label}: wording` };
    }
  }
}

function parse(json: string | null): Record<string, unknown> | null {
  if (json === null) return null;
  const v = JSON.parse(json) as unknown;
  return v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : { value: v };
}

/** Level and reason of one metadata change. */
export function metaLevel(field: string, oldJson: string | null, newJson: string | null): { level: Level; reason: string } {
  if (field.startsWith("variables.")) {
    const name = field.slice("variables.".length);
    const found = variableChanges(name, parse(oldJson), parse(newJson));
    if (found.length === 0) return { level: "patch", reason: `variable ${name}: declaration changed` };
    return { level: found[0]!.level, reason: `variable ${name}: ${found.map((f) => f.reason).join("; ")}` };
  }
  if (field === "instruments") {
    const o = (oldJson ? (JSON.parse(oldJson) as string[]) : []);
    const n = (newJson ? (JSON.parse(newJson) as string[]) : []);
    return o.some((x) => !n.includes(x)) ? { level: "major", reason: "instruments removed" } : { level: "minor", reason: "instruments added" };
  }
  if (field === "when") {
    if (oldJson === null) return { level: "minor", reason: "clause became conditional" };
    if (newJson === null) return { level: "major", reason: "clause condition removed (it now applies to every draft)" };
    return { level: "minor", reason: "clause condition changed" };
  }
  if (field.startsWith("when ")) return { level: "minor", reason: `condition of ${field.slice(5)} changed` };
  if (field === "kind" || field === "category") return { level: "major", reason: `${field} changed` };
  if (field === "regulates" || field === "replaced_by" || field === "term") return { level: "minor", reason: `${field} changed` };
  if (field.startsWith("sources.")) return { level: "patch", reason: `source ${oldJson === null ? "added" : newJson === null ? "removed" : "changed"}: ${field.slice(8)}` };
  if (field.startsWith("risks.")) return { level: "patch", reason: `risk note ${field.slice(6)} changed` };
  return { level: "patch", reason: `${field} changed` };
}

export type Semver = [number, number, number];

export function parseSemver(v: string | null): Semver | null {
  const m = v ? /^(\d+)\.(\d+)\.(\d+)(?:[-+].*)?$/.exec(v) : null;
  return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : null;
}

/** The bump from one version to the next as a level. */
export function declaredBump(oldV: string | null, newV: string | null): VersionCheck["declared"] {
  const o = parseSemver(oldV);
  const n = parseSemver(newV);
  if (!o || !n) return "invalid";
  for (let i = 0; i < 3; i++) {
    if (n[i]! > o[i]!) return (["major", "minor", "patch"] as const)[i]!;
    if (n[i]! < o[i]!) return "downgrade";
  }
  return "none";
}

export function check(required: Level, declared: VersionCheck["declared"], reasons: string[]): VersionCheck {
  const ok = declared !== "downgrade" && declared !== "invalid" && levelRank(declared) >= levelRank(required);
  return { required, declared, reasons, ok: required === "none" ? declared !== "downgrade" : ok };
}

/** Fills in the level of every metadata change and the unit's version check. */
export function checkUnit(u: UnitChange): VersionCheck | null {
  if (u.type !== "changed" && u.type !== "moved" && u.type !== "unchanged") return null;
  let required: Level = "none";
  const reasons: string[] = [];
  for (const p of u.paras) {
    const l = paraLevel(p);
    if (!l) continue;
    required = maxLevel(required, l.level);
    reasons.push(`${l.level}: ${l.reason}`);
  }
  for (const m of u.meta) {
    required = maxLevel(required, m.level);
    reasons.push(`${m.level}: ${m.reason}`);
  }
  return check(required, declaredBump(u.oldVersion, u.newVersion), reasons);
}

export function metaChange(field: string, oldJson: string | null, newJson: string | null): MetaChange {
  const { level, reason } = metaLevel(field, oldJson, newJson);
  return { field, old: oldJson, new: newJson, level, reason };
}
