// The diff model: what `ordkit diff` found, independent of how it is shown.
// Reporters (terminal, Markdown, JSON) and the DOCX redline read only this.

/** One paragraph of a comparable unit (a clause, a section, the recitals). */
export interface UnitPara {
  /** Position in the unit, e.g. "2" or "1.2" (children); "heading" for the heading. */
  path: string;
  role: "heading" | "body";
  /** Nesting depth, 0 for top-level paragraphs and headings. */
  depth: number;
  text: string;
  /** The paragraph's own condition as canonical JSON, when it has one. */
  when?: string;
}

/** Something compared as a whole: a clause of a library, or a section of a draft. */
export interface Unit {
  id: string;
  /** Human name: a clause title or a section heading. */
  title: string;
  kind: string;
  version: string | null;
  /** Bold label printed above the unit in the redline (null: none). */
  label: string | null;
  /** True when the unit only applies under a condition (a clause with `when`). */
  optional: boolean;
  paras: UnitPara[];
  /** Metadata as field -> canonical JSON (variables.days, when, sources ...). */
  meta: Record<string, string>;
}

export type Level = "none" | "patch" | "minor" | "major";
export const LEVELS: readonly Level[] = ["none", "patch", "minor", "major"];
export function levelRank(l: Level): number {
  return LEVELS.indexOf(l);
}
export function maxLevel(a: Level, b: Level): Level {
  return levelRank(a) >= levelRank(b) ? a : b;
}

export interface WordPart {
  op: "equal" | "insert" | "delete";
  text: string;
}

export type ParaOp = "equal" | "insert" | "delete" | "change" | "moveFrom" | "moveTo";

export interface ParaRef {
  path: string;
  role: "heading" | "body";
  depth: number;
  text: string;
}

/**
 * One step of the merged paragraph sequence of a unit. A moved paragraph
 * appears twice: moveFrom at its old place and moveTo at its new one.
 */
export interface ParaChange {
  op: ParaOp;
  old: ParaRef | null;
  new: ParaRef | null;
  /** For "change": the word-level diff. */
  words?: WordPart[];
  /** For "change": true when the word diff was given up (too big or unrelated) and the paragraph is replaced whole. */
  fallback?: boolean;
}

export interface MetaChange {
  field: string;
  old: string | null;
  new: string | null;
  level: Level;
  reason: string;
}

export type UnitChangeType = "added" | "removed" | "changed" | "renamed" | "moved" | "unchanged";

export interface UnitChange {
  type: UnitChangeType;
  /** The new id (the old id for a removed unit). */
  id: string;
  /** The old id when it differs (renamed). */
  oldId: string | null;
  title: string;
  kind: string;
  label: string | null;
  /** Set when the unit's place in the order changed. Positions are 1-based. */
  moved: { from: number; to: number; oldAfter: string | null } | null;
  oldVersion: string | null;
  newVersion: string | null;
  textChanged: boolean;
  paras: ParaChange[];
  meta: MetaChange[];
  /** Versioning check (libraries and clause files only). */
  version: VersionCheck | null;
}

export interface VersionCheck {
  required: Level;
  /** The bump the versions declare; "downgrade" when the version went down, "invalid" when not x.y.z. */
  declared: Level | "downgrade" | "invalid";
  reasons: string[];
  ok: boolean;
}

export interface SideInfo {
  /** What the user named: a path, or REV:path for git. */
  label: string;
  name: string | null;
  version: string | null;
}

export type DiffKind = "library" | "clause" | "document";

export interface DiffSummary {
  added: number;
  removed: number;
  changed: number;
  renamed: number;
  moved: number;
  unchanged: number;
}

export interface DiffResult {
  kind: DiffKind;
  old: SideInfo;
  new: SideInfo;
  /** Every unit in the merged order (new order, removed units after their old predecessor), unchanged ones included. */
  units: UnitChange[];
  summary: DiffSummary;
  /** The library as a whole (library diffs only). */
  library: VersionCheck | null;
  warnings: string[];
  /** YYYY-MM-DD stamped on tracked changes, so output is reproducible. */
  date: string;  /** Library diffs for a DOCX redline: the clauses' rendered text per instrument, compared (src/core/diff/rendered.ts). */
  rendered?: DiffResult;
}

export function hasDifferences(r: DiffResult): boolean {
  return r.units.some((u) => u.type !== "unchanged");
}

/** Collapses whitespace: texts that differ only in spacing or line wrapping are equal. */
export function normalizeText(s: string): string {
  return s.replace(/\s+/g, " ").trim();
}
