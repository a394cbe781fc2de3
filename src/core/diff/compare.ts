// Aligns two lists of units (clauses or sections) by id and compares each
// pair: added, removed, renamed (same text under a new id), moved (order
// changed), changed (text or metadata). Pure: never prints.
import { Budget, alignParagraphs } from "./text.js";
import { checkUnit, declaredBump, check, metaChange, paraLevel } from "./versioning.js";
import { maxLevel, normalizeText, type DiffKind, type DiffResult, type Level, type MetaChange, type ParaChange, type SideInfo, type Unit, type UnitChange, type VersionCheck } from "./model.js";

export interface CompareInput {
  kind: DiffKind;
  old: SideInfo;
  new: SideInfo;
  oldUnits: Unit[];
  newUnits: Unit[];
  date: string;
  /** Check version bumps (libraries and clause files). */
  versioning: boolean;
}

function textKey(u: Unit): string {
  return u.paras.map((p) => `${p.role}:${p.depth}:${normalizeText(p.text)}`).join("\n");
}

/** Indices (into seq) of a longest increasing subsequence; ties keep the earliest. */
function longestIncreasing(seq: number[]): Set<number> {
  const tails: number[] = [];
  const prev: number[] = new Array<number>(seq.length).fill(-1);
  for (let i = 0; i < seq.length; i++) {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (seq[tails[mid]!]! < seq[i]!) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) prev[i] = tails[lo - 1]!;
    tails[lo] = i;
  }
  const keep = new Set<number>();
  let k = tails.length ? tails[tails.length - 1]! : -1;
  while (k >= 0) {
    keep.add(k);
    k = prev[k]!;
  }
  return keep;
}

function wholeParas(u: Unit, op: "insert" | "delete"): ParaChange[] {
  return u.paras.map((p) => {
    const r = { path: p.path, role: p.role, depth: p.depth, text: p.text };
    return op === "insert" ? { op, old: null, new: r } : { op, old: r, new: null };
  });
}

function metaChanges(o: Unit, n: Unit, paras: ParaChange[], oldU: Unit, newU: Unit): MetaChange[] {
  const out: MetaChange[] = [];
  const fields = [...new Set([...Object.keys(o.meta), ...Object.keys(n.meta)])].sort();
  for (const f of fields) {
    const a = o.meta[f] ?? null;
    const b = n.meta[f] ?? null;
    if (a !== b) out.push(metaChange(f, a, b));
  }
  // Paragraph conditions, for paragraphs present on both sides.
  const oldWhen = new Map(oldU.paras.map((p) => [p.path, p.when ?? null]));
  const newWhen = new Map(newU.paras.map((p) => [p.path, p.when ?? null]));
  for (const c of paras) {
    if (!c.old || !c.new || c.op === "moveFrom") continue;
    const a = oldWhen.get(c.old.path) ?? null;
    const b = newWhen.get(c.new.path) ?? null;
    if (a !== b) out.push(metaChange(`when ¶${c.new.path}`, a, b));
  }
  return out;
}

export function compareUnits(input: CompareInput): DiffResult {
  const { oldUnits, newUnits } = input;
  const budget = new Budget();
  const oldById = new Map(oldUnits.map((u, i) => [u.id, i]));
  const newById = new Map(newUnits.map((u, i) => [u.id, i]));

  // Pairs new index -> old index: same id, then renames (same text, new id).
  const pairOfNew = new Map<number, number>();
  newUnits.forEach((u, j) => {
    const i = oldById.get(u.id);
    if (i !== undefined) pairOfNew.set(j, i);
  });
  const addedIdx = newUnits.map((_, j) => j).filter((j) => !pairOfNew.has(j));
  const removedIdx = oldUnits.map((_, i) => i).filter((i) => !newById.has(oldUnits[i]!.id));
  const renamedOld = new Set<number>();
  const addedByText = new Map<string, number[]>();
  for (const j of addedIdx) {
    const k = textKey(newUnits[j]!);
    if (k) addedByText.set(k, [...(addedByText.get(k) ?? []), j]);
  }
  for (const i of removedIdx) {
    const j = addedByText.get(textKey(oldUnits[i]!))?.shift();
    if (j !== undefined) {
      pairOfNew.set(j, i);
      renamedOld.add(i);
    }
  }

  // Moves: paired units whose relative order changed (outside a longest kept order).
  const pairedNew = [...pairOfNew.keys()].sort((a, b) => a - b);
  const seq = pairedNew.map((j) => pairOfNew.get(j)!);
  const keep = longestIncreasing(seq);
  const movedNew = new Set(pairedNew.filter((_, k) => !keep.has(k)));

  const changeFor = (j: number): UnitChange => {
    const n = newUnits[j]!;
    const i = pairOfNew.get(j);
    if (i === undefined) {
      return { type: "added", id: n.id, oldId: null, title: n.title, kind: n.kind, label: n.label, moved: null, oldVersion: null, newVersion: n.version, textChanged: true, paras: wholeParas(n, "insert"), meta: [], version: null };
    }
    const o = oldUnits[i]!;
    const paras = alignParagraphs(o.paras, n.paras, budget);
    const textChanged = paras.some((p) => p.op !== "equal");
    const meta = metaChanges(o, n, paras, o, n);
    const moved = movedNew.has(j) ? { from: i + 1, to: j + 1, oldAfter: i > 0 ? oldUnits[i - 1]!.id : null } : null;
    const substantive = textChanged || meta.some((m) => m.field !== "order");
    const type = o.id !== n.id ? "renamed" : substantive ? "changed" : moved || meta.length ? "moved" : "unchanged";
    const u: UnitChange = { type, id: n.id, oldId: o.id !== n.id ? o.id : null, title: n.title, kind: n.kind, label: n.label, moved, oldVersion: o.version, newVersion: n.version, textChanged, paras, meta, version: null };
    if (input.versioning && (type === "changed" || type === "moved")) u.version = checkUnit(u);
    return u;
  };

  // Merged order: new order, each removed unit right after its old predecessor's place.
  const units: UnitChange[] = newUnits.map((_, j) => changeFor(j));
  const removedChanges = removedIdx.filter((i) => !renamedOld.has(i));
  const placeOfOld = new Map<number, UnitChange>(); // old index -> its change (paired ones)
  for (const [j, i] of pairOfNew) placeOfOld.set(i, units[j]!);
  for (const i of removedChanges) {
    const o = oldUnits[i]!;
    const removed: UnitChange = { type: "removed", id: o.id, oldId: null, title: o.title, kind: o.kind, label: o.label, moved: null, oldVersion: o.version, newVersion: null, textChanged: true, paras: wholeParas(o, "delete"), meta: [], version: null };
    // After the nearest old predecessor that kept its place (moved ones are elsewhere now).
    let at = 0;
    for (let k = i - 1; k >= 0; k--) {
      const anchor = placeOfOld.get(k);
      if (anchor && (anchor.type === "removed" || !anchor.moved)) {
        at = units.indexOf(anchor) + 1;
        break;
      }
    }
    // After any removed units already placed there.
    while (at < units.length && units[at]!.type === "removed") at++;
    units.splice(at, 0, removed);
    placeOfOld.set(i, removed);
  }

  const count = (t: UnitChange["type"]): number => units.filter((u) => u.type === t).length;
  const result: DiffResult = {
    kind: input.kind,
    old: input.old,
    new: input.new,
    units,
    summary: { added: count("added"), removed: count("removed"), changed: count("changed"), renamed: count("renamed"), moved: units.filter((u) => u.moved).length, unchanged: count("unchanged") },
    library: null,
    warnings: [],
    date: input.date,
  };
  if (input.versioning) {
    for (const u of units) {
      if (u.version && !u.version.ok) result.warnings.push(versionWarning(u.id, u.oldVersion, u.newVersion, u.version));
    }
    if (input.kind === "library") {
      result.library = libraryCheck(result, new Set(newUnits.filter((u) => u.optional).map((u) => u.id)));
      if (!result.library.ok) result.warnings.push(versionWarning(`library ${input.new.name ?? ""}`.trim(), input.old.version, input.new.version, result.library));
    }
  }
  return result;
}

function versionWarning(what: string, oldV: string | null, newV: string | null, v: VersionCheck): string {
  const why = v.reasons.filter((r) => r.startsWith(`${v.required}:`)).map((r) => r.slice(v.required.length + 2));
  const bump = v.declared === "none" ? "is unchanged" : v.declared === "downgrade" ? "went down" : v.declared === "invalid" ? "is not x.y.z" : `is a ${v.declared} bump`;
  return `${what}: version ${oldV ?? "?"} → ${newV ?? "?"} ${bump}, but the changes need a ${v.required} bump (${why.slice(0, 3).join("; ")}${why.length > 3 ? `; and ${why.length - 3} more` : ""})`;
}

function libraryCheck(r: DiffResult, optional: Set<string>): VersionCheck {
  const isOptional = (u: UnitChange): boolean => optional.has(u.id);
  let required: Level = "none";
  const reasons: string[] = [];
  const add = (l: Level, why: string): void => {
    required = maxLevel(required, l);
    reasons.push(`${l}: ${why}`);
  };
  for (const u of r.units) {
    if (u.type === "removed") add("major", `clause ${u.id} removed`);
    else if (u.type === "renamed") add("major", `clause ${u.oldId} renamed to ${u.id} (answers naming the old id break)`);
    else if (u.type === "added") {
      const obligations = u.paras.map((p) => paraLevel(p)).some((l) => l?.level === "major");
      if (obligations && !isOptional(u)) add("major", `clause ${u.id} added with obligations and no condition (every draft gets it)`);
      else add("minor", `new ${isOptional(u) ? "optional " : ""}clause ${u.id}`);
    } else if (u.version) {
      if (u.version.required !== "none") add(u.version.required, `clause ${u.id} changed`);
    }
  }
  return check(required, declaredBump(r.old.version, r.new.version), reasons);
}
