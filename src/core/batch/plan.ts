// From the rows to the work: each row's merged answers and its output file.
// File names are settled here, in row order, before any drafting, so that the
// same batch always gives the same names whatever order the drafts finish in.
import path from "node:path";
import type { Problem } from "../errors.js";
import { mergeAnswers, mergeRow, pathKey, type Origins, type SharedAnswers } from "./merge.js";
import { outputName } from "./names.js";
import type { BatchFile, BatchRow, SourcePos } from "./rows.js";
import { failedRow, type RowResult } from "./result.js";

/** What a worker needs to draft one row (structured-clone safe). */
export interface RowJob {
  index: number;
  /** The merged answers file. */
  text: string;
  origins: Origins;
  rowAt: SourcePos;
  /** The file the draft goes to; null when the answers give no name (the row's checks then fail). */
  out: string | null;
  /** --resume: the file exists; the worker compares its bytes with the draft's. */
  existing?: boolean;
}

/**
 * A row to draft, as planned: its merged answers file is made only when the
 * row is handed to a worker, so a batch of 20,000 rows never holds 20,000 of them.
 */
export interface PlannedJob {
  index: number;
  row: BatchRow;
  out: string | null;
}

/** The job a worker is sent for a planned row. */
export function rowJob(shared: SharedAnswers | null, planned: PlannedJob, existing = false): RowJob {
  const merged = mergeRow(shared, planned.row);
  return { index: planned.index, text: merged.text, origins: merged.origins, rowAt: planned.row.at, out: planned.out, ...(existing ? { existing } : {}) };
}

export interface RowInfo {
  index: number;
  line: number;
  jurisdiction: string | null;
  instrument: string | null;
}

export interface BatchPlan {
  rows: RowInfo[];
  jobs: PlannedJob[];
  /** Rows that fail before drafting: unusable rows, duplicate file names. */
  failed: RowResult[];
}

export function planBatch(batch: BatchFile, shared: SharedAnswers | null, outDir: string, extension: string): BatchPlan {
  const rows: RowInfo[] = [];
  const jobs: PlannedJob[] = [];
  const failed: RowResult[] = [];
  const taken = new Map<string, RowInfo>();
  for (const row of batch.rows) {
    if (row.problem) {
      const info = { index: row.index, line: row.at.line, jurisdiction: null, instrument: null };
      rows.push(info);
      failed.push(failedRow(info, [row.problem]));
      continue;
    }
    const merged = mergeAnswers(shared, row);
    const j = merged.answers.jurisdiction as Record<string, unknown> | undefined;
    const info: RowInfo = {
      index: row.index,
      line: row.at.line,
      jurisdiction: j && typeof j === "object" && typeof j.name === "string" ? j.name : null,
      instrument: typeof merged.answers.instrument === "string" ? merged.answers.instrument : null,
    };
    rows.push(info);
    const name = outputName(merged.answers, extension);
    if (name !== null) {
      // Names are lower-case, so this also keeps apart names a case-insensitive file system would merge.
      const first = taken.get(name);
      if (first) {
        const at = merged.origins[pathKey(["jurisdiction", "name"])]?.at ?? row.at;
        const problem: Problem = {
          ...at,
          message: `this row would write ${name}, like the row at line ${first.line}${first.jurisdiction ? ` (${first.jurisdiction})` : ""}`,
          hint: "each row needs its own jurisdiction name, state and instrument; remove the duplicate row or tell the two apart",
        };
        failed.push(failedRow(info, [problem]));
        continue;
      }
      taken.set(name, info);
    }
    jobs.push({ index: row.index, row, out: name === null ? null : path.join(outDir, name) });
  }
  return { rows, jobs, failed };
}
