// The body of `ordkit draft --batch FILE --out-dir DIR`: one draft per row,
// drafted by worker threads and written here (atomically, never over an
// existing file without --force), with a progress bar and a summary table.
import { existsSync, statSync } from "node:fs";
import { availableParallelism } from "node:os";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { UserError, formatProblem, type Problem } from "../core/errors.js";
import { displayPath } from "../core/paths.js";
import { visible, visibleLine } from "../core/text/terminal.js";
import { librarySpec, templatesDir as extraTemplates } from "./library-flags.js";
import { checkOutput, makeDirs, removeStaleTempFiles, writeAtomic, writeAtomicChunks } from "../core/io/output.js";
import { reportInterruptionWith } from "./interrupt.js";
import { WRITERS, type FormatName } from "../writers/index.js";
import type { PlannedJob, RowJob } from "../core/batch/plan.js";
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
  const resume = flags.resume ?? false;
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
  const { planBatch, rowJob } = await import("../core/batch/plan.js");
  const library = loadLibrary(libraryDir);
  const def = loadInterview(library);
  let shared = null;
  if (flags.answers) {
    const { YamlSource } = await import("../core/shared/yaml-source.js");
    const { checkPartialAnswers } = await import("../core/interview/partial.js");
    shared = sharedAnswers(checkPartialAnswers(YamlSource.read(flags.answers, displayPath(flags.answers)), library).source);
  }
  const batch = readBatchFile(batchFile, displayPath(batchFile), library, def);
  if (existsSync(outDir) && !statSync(outDir).isDirectory()) throw usage(`--out-dir ${displayPath(outDir)} is a file, not a directory`, "name a directory for the drafts");
  const plan = planBatch(batch, shared, outDir, writer.extension);
  const { templateStack } = await import("../core/assemble/assemble.js");
  await checkTemplates(templateStack(library, templatesDir), plan.rows.map((r) => r.instrument));
  const clash = flags.summary ? plan.jobs.find((j) => j.out !== null && path.resolve(j.out) === path.resolve(flags.summary!)) : undefined;
  if (clash) throw usage(`--summary ${displayPath(flags.summary!)} is the draft of row ${clash.index}`, "write the summary outside --out-dir, or give it a .json name no row has");
  makeDirs(outDir);
  if (resume) {
    const stale = removeStaleTempFiles(outDir);
    if (stale > 0) process.stderr.write(`removed ${stale} temp file(s) a stopped run left in ${displayPath(outDir)}\n`);
  }
  const { writtenRow, failedRow, batchExitCode, summaryChunks } = await import("../core/batch/result.js");
  const info = new Map(plan.rows.map((r) => [r.index, r]));
  const checked = checkOutputs(plan.jobs, { force, resume, inputs });
  if (flags.summary) checkOutput(flags.summary, { force, inputs, elsewhere: "choose another --summary path" });

  // Results by row index; the rows that cannot be drafted are settled already.
  const results: Array<RowResult | undefined> = [];
  const tally = { done: 0, failed: 0, written: 0, unchanged: 0 };
  const settle = (r: RowResult): void => {
    results[r.index] = r;
    tally.done++;
    tally[r.status === "failed" ? "failed" : r.status === "unchanged" ? "unchanged" : "written"]++;
  };
  for (const r of plan.failed) settle(r);
  for (const [index, problem] of checked.failed) settle(failedRow(info.get(index)!, [problem]));
  const progress = new Progress(plan.rows.length, showProgress(process.env, process.stderr.isTTY));
  progress.update(tally);
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

  // The rows are handed out one at a time: each row's answers file is made then, and the planned row let go.
  const queue: Array<PlannedJob | null> = plan.jobs.filter((j) => !checked.failed.has(j.index));
  let cursor = 0;
  const next = (): RowJob | undefined => {
    const planned = queue[cursor];
    if (!planned) return undefined;
    queue[cursor++] = null;
    return rowJob(shared, planned, checked.existing.has(planned.index));
  };

  // Completed drafts stay on an interruption; the one being written is never half there (writes are synchronous here).
  const stopReporting = reportInterruptionWith((sig) => {
    progress.clear();
    return `ordkit: interrupted (${sig}): ${tally.written} of ${plan.rows.length} drafts were written to ${displayPath(outDir)} and stay there; no partial file was left\n  hint: run the same command again with --resume to draft only the rest`;
  });
  try {
    await pool.run(next, Math.min(jobs, queue.length), (job, reply) => {
      const row = info.get(job.index)!;
      if (!reply.ok) {
        if (reply.internal && debug && reply.stack) process.stderr.write(`${reply.stack}\n`);
        settle(failedRow(row, reply.problems));
      } else if (reply.unchanged) {
        settle(writtenRow(row, job.out!, reply.riskNotes, reply.notes, true));
      } else if (job.existing && !force) {
        settle(failedRow(row, [{ message: "the file exists and differs from the draft this row gives now", file: displayPath(job.out!), hint: "pass --force with --resume to replace it (the answers, library or ordkit changed since it was written)" }]));
      } else {
        try {
          writeAtomic(job.out!, reply.data, { force });
          settle(writtenRow(row, job.out!, reply.riskNotes, reply.notes));
        } catch (err) {
          // Whatever befalls one row's file (a full disk, a name the file system refuses) is that row's alone.
          settle(failedRow(row, err instanceof UserError ? err.problems : [{ message: `internal error: ${(err as Error)?.message ?? String(err)}`, file: displayPath(job.out!) }]));
        }
      }
      progress.update(tally);
    });
  } finally {
    stopReporting();
    progress.clear();
  }

  const ordered = results.filter((r): r is RowResult => r !== undefined);
  for (const r of ordered) {
    for (const n of r.notes) process.stderr.write(`note: row ${r.index} (line ${r.line}): ${visible(n)}\n`);
    if (r.status === "failed") process.stderr.write(`ordkit: row ${r.index} (line ${r.line}${r.jurisdiction ? `, ${visibleLine(r.jurisdiction)}` : ""}) failed:\n${indent(r.problems.map(formatProblem).join("\n"))}\n`);
  }
  process.stdout.write(await summaryTable(ordered, outDir));
  if (flags.summary) {
    const meta = { batch: displayPath(batchFile), answers: flags.answers ? displayPath(flags.answers) : null, outDir: displayPath(outDir), format, ...(resume ? { resume } : {}) };
    writeAtomicChunks(flags.summary, summaryChunks(ordered, meta, displayPath), { force });
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

/**
 * Every output checked before anything is drafted. Outputs that exist stop the
 * batch (listed at once) unless --force or --resume; a name the file system
 * refuses fails its row alone. With --resume, existing files are noted: the
 * worker compares their bytes with the row's draft.
 */
function checkOutputs(jobs: readonly PlannedJob[], opts: { force: boolean; resume: boolean; inputs: string[] }): { failed: Map<number, Problem>; existing: Set<number> } {
  const problems: Problem[] = [];
  const failed = new Map<number, Problem>();
  const existing = new Set<number>();
  for (const job of jobs) {
    if (job.out === null) continue;
    try {
      checkOutput(job.out, { force: opts.force || opts.resume, inputs: opts.inputs, elsewhere: "choose another --out-dir" });
      if (opts.resume && existsSync(job.out)) existing.add(job.index);
    } catch (err) {
      if (!(err instanceof UserError)) throw err;
      if (err.code === "io") failed.set(job.index, err.problems[0]!);
      else problems.push(...err.problems);
    }
  }
  if (problems.length === 0) return { failed, existing };
  // One hint for the lot, after the list.
  const shown: Problem[] = problems.slice(0, 10).map(({ hint: _hint, ...p }) => p);
  if (problems.length > shown.length) shown.push({ message: `... and ${problems.length - shown.length} more` });
  const exists = problems.every((p) => /already exists/.test(p.message));
  shown[shown.length - 1] = { ...shown[shown.length - 1]!, hint: exists ? "pass --resume to draft only the rows whose files are missing, --force to replace them (the same rows give the same files), or choose another --out-dir" : problems[0]!.hint ?? "choose another --out-dir" };
  throw new UserError(shown, exists ? "exists" : "usage");
}

function indent(s: string): string {
  return s
    .split("\n")
    .map((l) => `  ${l}`)
    .join("\n");
}

// ---------------------------------------------------------------- the workers

/** Per worker: a small young generation keeps the garbage of each draft from swelling memory; the old-generation cap makes a runaway row kill its worker, not the machine. */
const WORKER_LIMITS = { maxYoungGenerationSizeMb: 8, maxOldGenerationSizeMb: 512 };
/** Workers that die one after another without drafting a row are not replaced after this many. */
const MAX_FRUITLESS_DEATHS = 3;

class Pool {
  constructor(private readonly init: WorkerInit) {}

  /**
   * Drafts every job next() hands out on up to `size` workers; onDone runs
   * here, in the main thread, once per job. A worker that dies takes only its
   * current row with it (reported as failed) and is replaced.
   */
  run(next: () => RowJob | undefined, size: number, onDone: (job: RowJob, reply: WorkerReply) => void): Promise<void> {
    return new Promise((resolve, reject) => {
      let live = 0;
      let fruitless = 0;
      let settled = false;
      const finish = (err?: unknown): void => {
        if (settled) return;
        settled = true;
        if (err) reject(err);
        else resolve();
      };
      const settle = (job: RowJob, reply: WorkerReply): boolean => {
        if (settled) return false;
        try {
          onDone(job, reply);
          return true;
        } catch (err) {
          finish(err);
          return false;
        }
      };
      const start = (): void => {
        const w = new Worker(new URL("./draft-batch-worker.js", import.meta.url), { workerData: this.init, resourceLimits: WORKER_LIMITS });
        live++;
        let current: RowJob | undefined;
        let failure: Error | null = null;
        const feed = (): void => {
          current = settled ? undefined : next();
          if (current) w.postMessage(current);
          else void w.terminate();
        };
        w.on("message", (reply: WorkerReply) => {
          const job = current!;
          current = undefined;
          fruitless = 0;
          if (settle(job, reply)) feed();
          else void w.terminate();
        });
        w.on("error", (err) => {
          failure = err;
        });
        w.on("exit", (code) => {
          live--;
          const lost = current;
          current = undefined;
          if (lost) {
            fruitless++;
            const why = failure ? failure.message : `exit code ${code}`;
            const reported = settle(lost, {
              index: lost.index,
              ok: false,
              internal: true,
              problems: [{ message: `internal error: the worker drafting this row stopped (${why}); the other rows went on`, hint: "run again with --jobs 1 --debug; report it with the row that caused it" }],
            });
            if (reported && fruitless < MAX_FRUITLESS_DEATHS) return start();
          }
          if (live > 0) return;
          // No worker is left: the rows not handed out were not drafted.
          for (let job = next(); job !== undefined && !settled; job = next()) {
            settle(job, { index: job.index, ok: false, internal: true, problems: [{ message: "not drafted: the workers kept stopping", hint: "run again with --jobs 1 --debug; report it with the rows that caused it" }] });
          }
          finish();
        });
        feed();
      };
      if (size === 0) return finish();
      for (let k = 0; k < size; k++) start();
    });
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

  update(tally: { done: number; failed: number }): void {
    if (!this.enabled) return;
    const { done, failed } = tally;
    const now = Date.now();
    if (done < this.total && now - this.last < 100) return;
    this.last = now;
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
    if (r.status !== "failed") {
      const n = r.riskNotes!;
      return [String(r.line), name, `${visibleLine(path.relative(outDir, r.file!))}${r.status === "unchanged" ? " (unchanged)" : ""}`, String(n.high), String(n.medium), String(n.low), String(n.info)];
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
  const unchanged = rows.filter((r) => r.status === "unchanged").length;
  const failed = rows.length - written - unchanged;
  const skipped = unchanged ? `; ${unchanged} skipped (their files already held exactly these drafts)` : "";
  const total = `${written} of ${rows.length} draft(s) written to ${displayPath(outDir)}${skipped}${failed ? `; ${failed} row(s) failed (problems above, on stderr)` : ""}`;
  return [line(head), ...body.map(line), "", total, ""].join("\n");
}
