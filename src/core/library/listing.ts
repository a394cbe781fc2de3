// What `ordkit clauses list/show` report: each effective clause with the layer
// it comes from.
import type { Clause, Library } from "../shared/library-types.js";

export interface ClauseRow {
  id: string;
  version: string;
  kind: Clause["kind"];
  instruments: string[];
  layer: string;
  file: string;
  /** "layer version" of the clause it overrides, if any. */
  overrides: string | null;
}

/** Effective clauses in draft order (category, then order, then id). */
export function clauseRows(lib: Library): ClauseRow[] {
  const cat = new Map(lib.categories.map((c, i) => [c.id, i]));
  return [...lib.clauses.values()]
    .sort((a, b) => (cat.get(a.category) ?? 999) - (cat.get(b.category) ?? 999) || a.order - b.order || a.id.localeCompare(b.id))
    .map((c) => ({
      id: c.id,
      version: c.version,
      kind: c.kind,
      instruments: [...c.instruments],
      layer: c.layer,
      file: c.source.file,
      overrides: c.overrides ? `${c.overrides.layer} ${c.overrides.version}` : null,
    }));
}

/** Clauses that layers disabled, sorted by id. */
export function disabledRows(lib: Library): Array<{ id: string; by: string }> {
  return [...lib.disabled].map(([id, by]) => ({ id, by })).sort((a, b) => a.id.localeCompare(b.id));
}

/** Plain-text table with padded columns. */
export function table(head: string[], rows: string[][]): string {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (r: string[]): string => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]!))).join("  ").trimEnd();
  return [line(head), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)].join("\n") + "\n";
}
