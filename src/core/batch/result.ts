// What a batch did, row by row: the model behind the summary table, the
// --summary JSON file and the exit code.
import type { Problem } from "../errors.js";
import type { Severity } from "../draft.js";
import type { RowInfo } from "./plan.js";

export const SEVERITIES: readonly Severity[] = ["high", "medium", "low", "info"];

export type SeverityCounts = Record<Severity, number>;

export interface RowResult extends RowInfo {
  /** unchanged: --resume found the row's file already holding exactly what it would write. */
  status: "written" | "failed" | "unchanged";
  /** The file written, or found unchanged. */
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

export function writtenRow(info: RowInfo, file: string, riskNotes: SeverityCounts, notes: string[], unchanged = false): RowResult {
  return { ...info, status: unchanged ? "unchanged" : "written", file, riskNotes, notes, problems: [] };
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
  /** --resume was given: totals count the unchanged rows. */
  resume?: boolean;
}

/** The --summary file (docs/batch.md): stable keys, rows in batch order, no timings. */
export function summaryJson(results: readonly RowResult[], meta: SummaryMeta, shown: (file: string) => string): string {
  return [...summaryChunks(results, meta, shown)].join("");
}

/**
 * The summary in pieces, one per row, for writing without building the whole
 * text: the bytes are exactly JSON.stringify(summary, null, 2) + "\n".
 */
export function* summaryChunks(results: readonly RowResult[], meta: SummaryMeta, shown: (file: string) => string): Generator<string> {
  const rows = [...results].sort((a, b) => a.index - b.index);
  const count = (status: RowResult["status"]): number => rows.reduce((n, r) => n + (r.status === status ? 1 : 0), 0);
  const totals = { rows: rows.length, written: count("written"), failed: count("failed"), ...(meta.resume ? { unchanged: count("unchanged") } : {}) };
  const head = { summary_version: 1, batch: meta.batch, answers: meta.answers, out_dir: meta.outDir, format: meta.format, totals, rows: [] };
  const opening = JSON.stringify(head, null, 2);
  if (rows.length === 0) {
    yield `${opening}\n`;
    return;
  }
  yield `${opening.slice(0, opening.lastIndexOf("[]"))}[\n`;
  for (const [k, r] of rows.entries()) {
    const row = {
      row: r.index,
      line: r.line,
      jurisdiction: r.jurisdiction,
      instrument: r.instrument,
      status: r.status,
      file: r.file === null ? null : shown(r.file),
      risk_notes: r.riskNotes,
      notes: r.notes,
      problems: r.problems.map((p) => ({ file: p.file ?? null, line: p.line ?? null, col: p.col ?? null, message: p.message, hint: p.hint ?? null })),
    };
    yield `    ${JSON.stringify(row, null, 2).replace(/\n/g, "\n    ")}${k < rows.length - 1 ? "," : ""}\n`;
  }
  yield "  ]\n}\n";
}
