// The body of `ordkit draft --batch FILE --out-dir DIR`: one draft per row,
// drafted by worker threads and written here (atomically, never over an
// existing file without --force), with a progress bar and a summary table.
import { existsSync, mkdirSync, statSync } from "node:fs";
import { availableParallelism } from "node:os";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { UserError, formatProblem, type Problem } from "../core/errors.js";
import { displayPath } from "../core/paths.js";
import { visible, visibleLine } from "../core/text/terminal.js";
import { librarySpec, templatesDir as extraTemplates } from "./library-flags.js";
import { checkOutput, removePendingTempFiles, writeAtomic } from "../core/io/output.js";
import { WRITERS, type FormatName } from "../writers/index.js";
import type { RowJob } from "../core/batch/plan.js";
import type { RowResult } from "../core/batch/result.js";
import type { WorkerInit, WorkerReply } from "./draft-batch-worker.js";
import { checkDateFlag } from "./draft-run.js";
import type { DraftFlags } from "./draft.js";

export async function runDraftBatch(flags: DraftFlags): Promise<void> {
  const usage = (message: string, hint: string): UserError => new UserError({ message, hint }, "usage");
  for (const [flag, given] of [["--out", flags.out], ["--redline-against", flags.redlineAgainst], ["--save-answers", flags.saveAnswers]] as const) {
    if (given !== undefined) throw usage(`${flag} does not go with --batch`, "--batch writes one file per row into --out-dir DIR");
  }
  if (!flags.outDir) throw usage("--batch needs --out-dir DIR", "e.g. ordkit draft --batch cities.csv --answers shared.yaml --out-dir drafts/");
  checkDateFlag(flags.date);
  const jobs = jobCount(flags.jobs);
  const format = (await import("../writers/formats.js")).resolveFormat("draft", { format: flags.format }, "docx").name as FormatName;
  const writer = WRITERS[format];
  const force = flags.force ?? false;
  const libraryDir = librarySpec(flags);
  const templatesDir = extraTemplates(flags);
  const batchFile = path.resolve(flags.batch!);
  const outDir = path.resolve(flags.outDir);
  const debug = process.argv.includes("--debug");
  const inputs = [batchFile, ...(flags.answers ? [path.resolve(flags.answers)] : [])];

  // The batch as a whole: library, shared answers, rows and file names. Any problem here stops it (exit 2).
  const { loadLibrary } = await import("../core/library/load.js");
  const { loadInterview } = await import("../core/interview/definition.js");
  const { readBatchFile } = await import("../core/batch/rows.js");
  const { sharedAnswers } = await import("../core/batch/merge.js");
  const { planBatch } = await import("../core/batch/plan.js");
  const library = loadLibrary(libraryDir);
  const def = loadInterview(library);
  let shared = null;
  if (flags.answers) {
    const { YamlSource } = await import("../core/library/yaml-source.js");
    const { checkPartialAnswers } = await import("../core/interview/partial.js");
    shared = sharedAnswers(checkPartialAnswers(YamlSource.read(flags.answers, displayPath(flags.answers)), library).source);
  }
  const batch = readBatchFile(batchFile, displayPath(batchFile), library, def);
  if (existsSync(outDir) && !statSync(outDir).isDirectory()) throw usage(`--out-dir ${displayPath(outDir)} is a file, not a directory`, "name a directory for the drafts");
  const plan = planBatch(batch, shared, outDir, writer.extension);
  const { templateStack } = await import("../core/assemble/assemble.js");
  await checkTemplates(templateStack(library, templatesDir), plan.rows.map((r) => r.instrument));
  mkdirSync(outDir, { recursive: true });
  checkOutputs(plan.jobs, force, inputs);
  if (flags.summary) checkOutput(flags.summary, { force, inputs, elsewhere: "choose another --summary path" });

  const results = new Map<number, RowResult>(plan.failed.map((r) => [r.index, r]));
  const info = new Map(plan.rows.map((r) => [r.index, r]));
  const { writtenRow, failedRow, batchExitCode, summaryJson } = await import("../core/batch/result.js");
  const progress = new Progress(plan.rows.length, showProgress(process.env, process.stderr.isTTY));
  progress.update(results);
  const pool = new Pool({
    libraryDir,
    templatesDir,
    batchFile: batch.file,
    sharedOrigins: shared?.origins ?? {},
    today: (await import("../core/interview/start.js")).localDate(),
    format,
    lineNumbers: flags.lineNumbers ?? false,
    notes: flags.notes !== false,
    ...(flags.paper ? { paper: flags.paper } : {}),
    ...(flags.date ? { date: flags.date } : {}),
  });

  // Completed drafts stay on an interruption; the one being written is never half there (writes are synchronous here).
  const onSignal = (sig: NodeJS.Signals): void => {
    pool.stop();
    removePendingTempFiles();
    progress.clear();
    const written = [...results.values()].filter((r) => r.status === "written").length;
    process.stderr.write(`\nordkit: interrupted (${sig}): ${written} of ${plan.rows.length} drafts were written to ${displayPath(outDir)} and stay there; no partial file was left\n`);
    process.exit(130);
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  try {
    await pool.run(plan.jobs, Math.min(jobs, plan.jobs.length), (job, reply) => {
      const row = info.get(job.index)!;
      if (!reply.ok) {
        if (reply.internal && debug && reply.stack) process.stderr.write(`${reply.stack}\n`);
        results.set(job.index, failedRow(row, reply.problems));
      } else {
        try {
          writeAtomic(job.out!, reply.data, { force });
          results.set(job.index, writtenRow(row, job.out!, reply.riskNotes, reply.notes));
        } catch (err) {
          if (!(err instanceof UserError)) throw err;
          results.set(job.index, failedRow(row, err.problems));
        }
      }
      progress.update(results);
    });
  } finally {
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
    progress.clear();
  }

  const ordered = [...results.values()].sort((a, b) => a.index - b.index);
  for (const r of ordered) {
    for (const n of r.notes) process.stderr.write(`note: row ${r.index} (line ${r.line}): ${visible(n)}\n`);
    if (r.status === "failed") process.stderr.write(`ordkit: row ${r.index} (line ${r.line}${r.jurisdiction ? `, ${visibleLine(r.jurisdiction)}` : ""}) failed:\n${indent(r.problems.map(formatProblem).join("\n"))}\n`);
  }
  process.stdout.write(await summaryTable(ordered, outDir));
  if (flags.summary) {
    const meta = { batch: displayPath(batchFile), answers: flags.answers ? displayPath(flags.answers) : null, outDir: displayPath(outDir), format };
    writeAtomic(flags.summary, summaryJson(ordered, meta, displayPath), { force });
    process.stderr.write(`wrote the summary to ${displayPath(flags.summary)}\n`);
  }
  process.exitCode = batchExitCode(ordered);
}

function jobCount(given: string | undefined): number {
  if (given === undefined) return Math.max(1, availableParallelism());
  if (!/^\d+$/.test(given) || Number(given) < 1) throw new UserError({ message: `--jobs must be a whole number of at least 1, got "${given}"`, hint: "e.g. --jobs 4; leave it out to use every CPU" }, "usage");
  return Number(given);
}

/** The template of every instrument the rows ask for, checked once before any drafting (a broken template stops the batch). */
async function checkTemplates(dirs: string[], instruments: Array<string | null>): Promise<void> {
  const { templateFor, templateSet } = await import("../core/assemble/templates.js");
  const set = templateSet(dirs);
  const known = ["ordinance", "executive-order", "resolution"] as const;
  for (const i of known) if (instruments.includes(i)) templateFor(set, i);
}

/** Every output that exists already, reported at once (nothing is written unless --force). */
function checkOutputs(jobs: readonly RowJob[], force: boolean, inputs: string[]): void {
  const problems: Problem[] = [];
  for (const job of jobs) {
    if (job.out === null) continue;
    try {
      checkOutput(job.out, { force, inputs, elsewhere: "choose another --out-dir" });
    } catch (err) {
      if (!(err instanceof UserError)) throw err;
      problems.push(...err.problems);
    }
  }
  if (problems.length === 0) return;
  // One hint for the lot, after the list.
  const shown: Problem[] = problems.slice(0, 10).map(({ hint: _hint, ...p }) => p);
  if (problems.length > shown.length) shown.push({ message: `... and ${problems.length - shown.length} more` });
  const exists = problems.every((p) => /already exists/.test(p.message));
  shown[shown.length - 1] = { ...shown[shown.length - 1]!, hint: exists ? "pass --force to replace them (the same rows give the same files), or choose another --out-dir" : problems[0]!.hint ?? "choose another --out-dir" };
  throw new UserError(shown, exists ? "exists" : "usage");
}

function indent(s: string): string {
  return s
    .split("\n")
    .map((l) => `  ${l}`)
    .join("\n");
}

// ---------------------------------------------------------------- the workers

class Pool {
  private readonly workers = new Set<Worker>();
  constructor(private readonly init: WorkerInit) {}

  /** Drafts every job on up to `size` workers; onDone runs here, in the main thread, once per job. */
  run(jobs: readonly RowJob[], size: number, onDone: (job: RowJob, reply: WorkerReply) => void): Promise<void> {
    const queue = [...jobs];
    return new Promise((resolve, reject) => {
      if (queue.length === 0) return resolve();
      let live = 0;
      const settle = (job: RowJob, reply: WorkerReply): boolean => {
        try {
          onDone(job, reply);
          return true;
        } catch (err) {
          queue.length = 0;
          this.stop();
          reject(err);
          return false;
        }
      };
      const start = (): void => {
        const w = new Worker(new URL("./draft-batch-worker.js", import.meta.url), { workerData: this.init });
        this.workers.add(w);
        live++;
        let current: RowJob | undefined;
        const feed = (): void => {
          current = queue.shift();
          if (current) w.postMessage(current);
          else void w.terminate();
        };
        w.on("message", (reply: WorkerReply) => {
          const job = current!;
          current = undefined;
          if (settle(job, reply)) feed();
        });
        w.on("error", (err) => {
          // A worker that dies takes only its current row with it; the others drain the queue.
          if (current) settle(current, { index: current.index, ok: false, problems: [{ message: `internal error: a worker stopped (${err.message})`, hint: "run again with --jobs 1; report it with the row that caused it" }], internal: true });
          current = undefined;
        });
        w.on("exit", () => {
          this.workers.delete(w);
          live--;
          if (live > 0) return;
          for (const job of queue.splice(0)) settle(job, { index: job.index, ok: false, problems: [{ message: "not drafted: every worker stopped", hint: "run again with --jobs 1" }], internal: true });
          resolve();
        });
        feed();
      };
      for (let k = 0; k < size; k++) start();
    });
  }

  stop(): void {
    for (const w of this.workers) void w.terminate();
  }
}

// ---------------------------------------------------------------- progress and summary

function showProgress(env: Record<string, string | undefined>, stderrIsTTY: boolean | undefined): boolean {
  const ci = env.CI;
  return Boolean(stderrIsTTY) && (ci === undefined || ci === "" || ci === "0" || ci === "false");
}

/** A one-line bar on stderr, redrawn at most ten times a second. */
class Progress {
  private last = 0;
  private drawn = false;
  constructor(
    private readonly total: number,
    private readonly enabled: boolean,
  ) {}

  update(results: ReadonlyMap<number, RowResult>): void {
    if (!this.enabled) return;
    const done = results.size;
    const now = Date.now();
    if (done < this.total && now - this.last < 100) return;
    this.last = now;
    const failed = [...results.values()].filter((r) => r.status === "failed").length;
    const width = 30;
    const filled = Math.round((done / Math.max(1, this.total)) * width);
    process.stderr.write(`\r\x1b[Kdrafting [${"#".repeat(filled)}${"-".repeat(width - filled)}] ${done}/${this.total}${failed ? ` (${failed} failed)` : ""}`);
    this.drawn = true;
  }

  clear(): void {
    if (this.drawn) process.stderr.write("\r\x1b[K");
    this.drawn = false;
  }
}

/** One line per row, in batch order: the file and its risk notes by severity, or why it failed. */
async function summaryTable(rows: readonly RowResult[], outDir: string): Promise<string> {
  const color = await (await import("./color.js")).chalkFor(process.stdout);
  const red = (s: string): string => (color ? color.red(s) : s);
  const clip = (s: string, n: number): string => (s.length > n ? `${s.slice(0, n - 1)}…` : s);
  const head = ["line", "jurisdiction", "file", "high", "medium", "low", "info"];
  const body = rows.map((r) => {
    // Names and messages come from the batch file: control characters are shown, never sent to the terminal.
    const name = clip(visibleLine(r.jurisdiction ?? `(row ${r.index})`), 40);
    if (r.status === "written") {
      const n = r.riskNotes!;
      return [String(r.line), name, visibleLine(path.relative(outDir, r.file!)), String(n.high), String(n.medium), String(n.low), String(n.info)];
    }
    const p = r.problems[0];
    const where = p ? [p.file, p.line, p.col].filter((x) => x !== undefined).join(":") : "";
    const first = p ? clip(visibleLine(`${where ? `${where}: ` : ""}${p.message.split("\n")[0]}`), 100) : "";
    return [String(r.line), name, `FAILED: ${first}${r.problems.length > 1 ? ` (+${r.problems.length - 1} more)` : ""}`];
  });
  const widths = head.map((h, k) => Math.max(h.length, ...body.filter((b) => b.length === head.length).map((b) => b[k]!.length)));
  const line = (cells: string[]): string => {
    if (cells.length < head.length) return `${cells[0]!.padStart(widths[0]!)}  ${cells[1]!.padEnd(widths[1]!)}  ${red(cells[2]!)}`;
    return cells.map((c, k) => (k === 0 || k >= 3 ? c.padStart(widths[k]!) : c.padEnd(widths[k]!))).join("  ").trimEnd();
  };
  const written = rows.filter((r) => r.status === "written").length;
  const failed = rows.length - written;
  const total = `${written} of ${rows.length} draft(s) written to ${displayPath(outDir)}${failed ? `; ${failed} row(s) failed (problems above, on stderr)` : ""}`;
  return [line(head), ...body.map(line), "", total, ""].join("\n");
}
