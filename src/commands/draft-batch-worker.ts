// A worker thread of `ordkit draft --batch`: loads the library, interview
// definition and templates once, then drafts each row it is sent and hands
// back the output bytes. It never writes files (the main thread does, so an
// interruption can never leave a half-written one) and never prints.
import { readFileSync } from "node:fs";
import { parentPort, workerData } from "node:worker_threads";
import { UserError, type Problem } from "../core/errors.js";
import { RowDrafter, type RowDrafterInput } from "../core/batch/draft-row.js";
import { countSeverities, type SeverityCounts } from "../core/batch/result.js";
import type { RowJob } from "../core/batch/plan.js";
import { WRITERS, type FormatName } from "../writers/index.js";

export interface WorkerInit extends RowDrafterInput {
  format: FormatName;
  lineNumbers: boolean;
  /** --paper; else the library's page size, else letter. */
  paper?: "letter" | "legal" | "a4";
  notes: boolean;
}

/** unchanged: --resume found the row's file already holding exactly these bytes (data is then empty). */
export type WorkerReply =
  | { index: number; ok: true; data: string | Uint8Array; unchanged: boolean; riskNotes: SeverityCounts; notes: string[] }
  | { index: number; ok: false; problems: Problem[]; internal: boolean; stack?: string };

function failure(index: number, err: unknown): WorkerReply {
  if (err instanceof UserError) return { index, ok: false, problems: err.problems, internal: false };
  const e = err as Error;
  return { index, ok: false, problems: [{ message: `internal error: ${e?.message ?? String(err)}`, hint: "run again with --debug for details, and report it with the row that caused it" }], internal: true, ...(e?.stack ? { stack: e.stack } : {}) };
}

const init = workerData as WorkerInit;
let drafter: RowDrafter | null = null;
let initError: unknown = null;
try {
  drafter = new RowDrafter(init);
} catch (err) {
  initError = err;
}

parentPort!.on("message", (job: RowJob) => {
  void draftOne(job).then((reply) => {
    // Hand the bytes over instead of copying them when they own their buffer.
    const transfer = reply.ok && reply.data instanceof Uint8Array && reply.data.byteOffset === 0 && reply.data.byteLength === reply.data.buffer.byteLength ? [reply.data.buffer as ArrayBuffer] : [];
    parentPort!.postMessage(reply, transfer);
  });
});

async function draftOne(job: RowJob): Promise<WorkerReply> {
  try {
    if (!drafter) throw initError;
    const draft = drafter.draft(job);
    const data = await WRITERS[init.format].write(draft, { lineNumbers: init.lineNumbers, paper: init.paper ?? drafter.library.paper ?? "letter", notes: init.notes });
    const unchanged = job.existing === true && job.out !== null && sameBytes(job.out, data);
    return { index: job.index, ok: true, data: unchanged ? "" : data, unchanged, riskNotes: countSeverities(draft.riskNotes), notes: draft.notes };
  } catch (err) {
    return failure(job.index, err);
  }
}

/** Whether file holds exactly data (a file that cannot be read is not the same). */
function sameBytes(file: string, data: string | Uint8Array): boolean {
  try {
    const bytes = typeof data === "string" ? Buffer.from(data, "utf8") : data;
    return Buffer.compare(readFileSync(file), bytes) === 0;
  } catch {
    return false;
  }
}
