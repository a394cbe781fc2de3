// Batch throughput (a benchmark, not a test): drafts N generated jurisdictions
// with one `ordkit draft --batch` and compares it with what N cold single
// `ordkit draft` runs would cost, estimated from a sample of the same rows.
//
//   node bench/batch.mjs [--rows 500] [--sample 20] [--jobs N] [--format docx|md|json] [--keep]
//   node bench/batch.mjs --scale 3000,20000 [--jobs N]   (peak memory as rows grow)
//
// benchBatch(opts) returns the numbers, for bench/run.mjs to report.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const bin = path.join(root, "bin", "ordkit.js");
const hasTime = existsSync("/usr/bin/time");

const SHARED = `answers_version: 1
date: "2026-12-01"
number: "2026-100"
authority: Section 4.02 of the Charter
jurisdiction:
  legislative_body: Council
  executive_title: Mayor
  clerk_title: Clerk
existing:
  records_office: the Clerk
variables:
  public-records/foia-cadence:
    office: Attorney
`;

const PLACES = ["Alder", "Birch", "Cedar", "Dogwood", "Elm", "Fir", "Garnet", "Hazel", "Iris", "Juniper", "Kestrel", "Laurel", "Maple", "Nettle", "Oak", "Pine", "Quail", "Rowan", "Spruce", "Tamarack", "Upland", "Vale", "Willow", "Yarrow", "Zinnia"];
const SUFFIXES = ["", " Falls", " Heights", " Springs", " Harbor", " Ridge", " Crossing", " Grove"];
const KINDS = ["city", "county", "town", "village", "borough"];
// States whose law leaves room for every module, and states that limit localities to transparency.
const OPEN_STATES = ["CA", "IL", "WA", "NJ", "MD", "OR", "NY", "MA", "CO", "MN", "PA", "MI"];
const BARRED_STATES = ["TX", "FL", "GA", "MO"];
const MODULE_SETS = {
  ordinance: ["property-use;public-records", "facial-coverings;identification", "public-records;documentation;detainers;information", "property-use;facial-coverings;identification;public-records"],
  resolution: ["public-records", "public-records;documentation"],
  "executive-order": ["public-records", "property-use;public-records"],
};

/** The batch CSV: names, kinds, states, instruments, modules and one typed value vary from row to row. */
export function batchCsv(rows) {
  const lines = ["jurisdiction.name,jurisdiction.kind,jurisdiction.state,instrument,modules,variables.public-records/foia-cadence.interval_days"];
  for (let i = 0; i < rows; i++) {
    const kind = KINDS[i % KINDS.length];
    const name = `${kind[0].toUpperCase()}${kind.slice(1)} of ${PLACES[i % PLACES.length]}${SUFFIXES[Math.floor(i / PLACES.length) % SUFFIXES.length]} ${Math.floor(i / (PLACES.length * SUFFIXES.length)) + 1}`;
    const barred = i % 7 === 6;
    const state = barred ? BARRED_STATES[i % BARRED_STATES.length] : OPEN_STATES[i % OPEN_STATES.length];
    const instrument = i % 5 === 3 ? "resolution" : i % 11 === 4 ? "executive-order" : "ordinance";
    const sets = barred ? ["public-records", "public-records;documentation"] : MODULE_SETS[instrument];
    const modules = sets[i % sets.length];
    lines.push([`"${name}"`, kind, state, instrument, modules, String(30 + (i % 10) * 15)].join(","));
  }
  return lines.join("\n") + "\n";
}

/** Wall time (ms) and peak RSS (MB, when /usr/bin/time exists) of one ordkit run. */
function timed(args, cwd) {
  const start = process.hrtime.bigint();
  const r = hasTime ? spawnSync("/usr/bin/time", ["-f", "%M", process.execPath, bin, ...args], { cwd, encoding: "utf8" }) : spawnSync(process.execPath, [bin, ...args], { cwd, encoding: "utf8" });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.status !== 0) throw new Error(`ordkit ${args.join(" ")} exited ${r.status}:\n${r.stderr.slice(-2000)}`);
  let rss = null;
  if (hasTime) {
    const kb = Number(r.stderr.trim().split("\n").pop());
    if (Number.isFinite(kb)) rss = kb / 1024;
  }
  return { ms, rss };
}

/** Merged answers files for a sample of rows, exactly as the batch drafts them (needs a build: dist/). */
async function sampleAnswers(dir, batchFile, sharedFile, sample, rows) {
  const dist = (p) => pathToFileURL(path.join(root, "dist", "src", p)).href;
  const { loadLibrary } = await import(dist("core/library/load.js"));
  const { loadInterview } = await import(dist("core/interview/definition.js"));
  const { readBatchFile } = await import(dist("core/batch/rows.js"));
  const { mergeRow, sharedAnswers } = await import(dist("core/batch/merge.js"));
  const { YamlSource } = await import(dist("core/shared/yaml-source.js"));
  const library = loadLibrary(path.join(root, "clauses"));
  const batch = readBatchFile(batchFile, "batch.csv", library, loadInterview(library));
  const shared = sharedAnswers(YamlSource.read(sharedFile, "shared.yaml"));
  const step = Math.max(1, Math.floor(rows / sample));
  const files = [];
  for (let k = 0; k < sample && k * step < batch.rows.length; k++) {
    const file = path.join(dir, `sample-${k}.yaml`);
    writeFileSync(file, mergeRow(shared, batch.rows[k * step]).text);
    files.push(file);
  }
  return files;
}

export async function benchBatch(opts = {}) {
  const rows = opts.rows ?? 500;
  const sample = Math.min(opts.sample ?? 20, rows);
  const format = opts.format ?? "docx";
  const work = mkdtempSync(path.join(tmpdir(), "ordkit-bench-batch-"));
  try {
    const batchFile = path.join(work, "batch.csv");
    const sharedFile = path.join(work, "shared.yaml");
    writeFileSync(batchFile, batchCsv(rows));
    writeFileSync(sharedFile, SHARED);

    const jobsArgs = opts.jobs ? ["--jobs", String(opts.jobs)] : [];
    const batch = timed(["draft", "--batch", batchFile, "--answers", sharedFile, "--out-dir", path.join(work, "out"), "--format", format, ...jobsArgs], work);
    const written = readdirSync(path.join(work, "out")).length;
    if (written !== rows) throw new Error(`the batch wrote ${written} of ${rows} drafts`);

    const cold = [];
    mkdirSync(path.join(work, "single"));
    for (const [k, file] of (await sampleAnswers(work, batchFile, sharedFile, sample, rows)).entries()) {
      cold.push(timed(["draft", "--answers", file, "--out", path.join(work, "single", `${k}.${format}`)], work));
    }
    const coldMean = cold.reduce((s, c) => s + c.ms, 0) / cold.length;
    const coldEstimateMs = coldMean * rows;
    const result = {
      rows,
      sample: cold.length,
      format,
      jobs: opts.jobs ?? availableParallelism(),
      batchMs: batch.ms,
      draftsPerSecond: rows / (batch.ms / 1000),
      coldMeanMs: coldMean,
      coldEstimateMs,
      ratio: coldEstimateMs / batch.ms,
      batchRssMb: batch.rss,
      coldRssMb: cold.some((c) => c.rss !== null) ? Math.max(...cold.map((c) => c.rss ?? 0)) : null,
      dir: opts.keep ? work : null,
    };
    return result;
  } finally {
    if (!opts.keep) rmSync(work, { recursive: true, force: true });
  }
}

/**
 * Peak RSS of whole batches (main thread and workers: one process) for each
 * row count, DOCX, the default --jobs: memory must stay flat as rows grow.
 * Returns [{ rows, seconds, draftsPerSecond, peakMb }].
 */
export async function benchScale(opts = {}) {
  const counts = opts.rows ?? [3000, 20000];
  const out = [];
  for (const rows of counts) {
    const work = mkdtempSync(path.join(tmpdir(), "ordkit-bench-scale-"));
    try {
      writeFileSync(path.join(work, "batch.csv"), batchCsv(rows));
      writeFileSync(path.join(work, "shared.yaml"), SHARED);
      const jobsArgs = opts.jobs ? ["--jobs", String(opts.jobs)] : [];
      const r = timed(["draft", "--batch", "batch.csv", "--answers", "shared.yaml", "--out-dir", "out", "--summary", "summary.json", ...jobsArgs], work);
      const written = readdirSync(path.join(work, "out")).length;
      if (written !== rows) throw new Error(`the batch wrote ${written} of ${rows} drafts`);
      out.push({ rows, seconds: r.ms / 1000, draftsPerSecond: rows / (r.ms / 1000), peakMb: r.rss });
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  }
  return out;
}

/** The scale figures against their targets: peak under 300 MB, and the largest batch within 1.3x of the smallest. */
export function reportScale(results) {
  const lines = results.map((r) => `  ${String(r.rows).padStart(6)} rows: ${r.seconds.toFixed(0)} s (${r.draftsPerSecond.toFixed(1)} drafts/s), peak RSS ${r.peakMb === null ? "n/a (no /usr/bin/time)" : `${r.peakMb.toFixed(0)} MB`}`);
  const peaks = results.map((r) => r.peakMb).filter((x) => x !== null);
  if (peaks.length === results.length && peaks.length > 0) {
    const highest = Math.max(...peaks);
    lines.push(`  peak RSS under 300 MB: ${highest < 300 ? "met" : "NOT MET"} (highest ${highest.toFixed(0)} MB)`);
    if (peaks.length > 1) {
      const ratio = peaks[peaks.length - 1] / peaks[0];
      lines.push(`  ${results[results.length - 1].rows} rows vs ${results[0].rows} rows: ${ratio.toFixed(2)}x the peak (target <= 1.3x: ${ratio <= 1.3 ? "met" : "NOT MET"})`);
    }
  }
  return lines.join("\n");
}

export function report(r) {
  const mb = (x) => (x === null ? "n/a (no /usr/bin/time)" : `${x.toFixed(0)} MB`);
  return [
    `ordkit draft --batch: ${r.rows} jurisdictions to ${r.format}, ${r.jobs} job(s), node ${process.version}, ${process.platform}/${process.arch}`,
    `  batch                      ${(r.batchMs / 1000).toFixed(1)} s, ${r.draftsPerSecond.toFixed(1)} drafts/s, peak RSS ${mb(r.batchRssMb)}`,
    `  cold single draft          ${r.coldMeanMs.toFixed(0)} ms mean of ${r.sample} sampled rows, peak RSS ${mb(r.coldRssMb)}`,
    `  ${r.rows} cold runs (estimate)   ${(r.coldEstimateMs / 1000).toFixed(1)} s`,
    `  batch is ${r.ratio.toFixed(1)}x faster than ${r.rows} cold runs (target 5x: ${r.ratio >= 5 ? "met" : "NOT met"})`,
    ...(r.dir ? [`  files kept in ${r.dir}`] : []),
  ].join("\n");
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const { values } = parseArgs({ options: { rows: { type: "string" }, sample: { type: "string" }, jobs: { type: "string" }, format: { type: "string" }, keep: { type: "boolean" }, scale: { type: "string" } } });
  if (values.scale) {
    // node bench/batch.mjs --scale 3000,20000 [--jobs N]
    const results = await benchScale({ rows: values.scale.split(",").map(Number), ...(values.jobs ? { jobs: Number(values.jobs) } : {}) });
    console.log(`ordkit draft --batch, memory as rows grow (DOCX, ${values.jobs ?? "default"} jobs, node ${process.version}):\n${reportScale(results)}`);
    process.exit(0);
  }
  const r = await benchBatch({
    ...(values.rows ? { rows: Number(values.rows) } : {}),
    ...(values.sample ? { sample: Number(values.sample) } : {}),
    ...(values.jobs ? { jobs: Number(values.jobs) } : {}),
    ...(values.format ? { format: values.format } : {}),
    keep: values.keep ?? false,
  });
  console.log(report(r));
}
