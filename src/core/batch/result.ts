// What a batch did, row by row: the model behind the summary table, the
// --summary JSON file and the exit code.
import type { Problem } from "../errors.js";
import type { Severity } from "../draft.js";
import type { RowInfo } from "./plan.js";

export const SEVERITIES: readonly Severity[] = ["high", "medium", "low", "info"];

export type SeverityCounts = Record<Severity, number>;

export interface RowResult extends RowInfo {
  status: "written" | "failed";
  /** The file written (written rows only). */
  file: string | null;
  riskNotes: SeverityCounts | null;
  /** The draft's notes (e.g. a module with no clause for the instrument). */
  notes: string[];
  problems: Problem[];
}

export function countSeverities(notes: ReadonlyArray<{ severity: Severity }>): SeverityCounts {
  const out: SeverityCounts = { high: 0, medium: 0, low: 0, info: 0 };
  for (const n of notes) out[n.severity]++;
  return out;
}

export function failedRow(info: RowInfo, problems: Problem[]): RowResult {
  return { ...info, status: "failed", file: null, riskNotes: null, notes: [], problems };
}

export function writtenRow(info: RowInfo, file: string, riskNotes: SeverityCounts, notes: string[]): RowResult {
  return { ...info, status: "written", file, riskNotes, notes, problems: [] };
}

/** 1 when any row failed, else 0. */
export function batchExitCode(results: readonly RowResult[]): 0 | 1 {
  return results.some((r) => r.status === "failed") ? 1 : 0;
}

export interface SummaryMeta {
  batch: string;
  answers: string | null;
  outDir: string;
  format: string;
}

/** The --summary file (docs/batch.md): stable keys, rows in batch order, no timings. */
export function summaryJson(results: readonly RowResult[], meta: SummaryMeta, shown: (file: string) => string): string {
  const rows = [...results].sort((a, b) => a.index - b.index);
  const doc = {
    summary_version: 1,
    batch: meta.batch,
    answers: meta.answers,
    out_dir: meta.outDir,
    format: meta.format,
    totals: { rows: rows.length, written: rows.filter((r) => r.status === "written").length, failed: rows.filter((r) => r.status === "failed").length },
    rows: rows.map((r) => ({
      row: r.index,
      line: r.line,
      jurisdiction: r.jurisdiction,
      instrument: r.instrument,
      status: r.status,
      file: r.file === null ? null : shown(r.file),
      risk_notes: r.riskNotes,
      notes: r.notes,
      problems: r.problems.map((p) => ({ file: p.file ?? null, line: p.line ?? null, col: p.col ?? null, message: p.message, hint: p.hint ?? null })),
    })),
  };
  return JSON.stringify(doc, null, 2) + "\n";
}
