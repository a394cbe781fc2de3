// Benchmarks (not tests): `npm run bench`. Each command runs as a fresh
// process; every figure is the median of BENCH_RUNS runs (default 7),
// interleaved with its baseline, and shown as a ratio to a baseline measured
// in the same run, because machines are shared and noisy. Peak RSS is the
// highest seen (GNU time, where present). Inputs are generated
// deterministically into a temporary directory, which is removed at the end.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { hasTime, measureAll } from "./measure.mjs";
import { changedLibrary, generateCode, generateDraft, generateLibrary } from "./generate.mjs";
import { pdfJob } from "./published.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const bin = path.join(root, "bin", "ordkit.js");
const runs = Number(process.env.BENCH_RUNS ?? 7);
const work = mkdtempSync(path.join(os.tmpdir(), "ordkit-bench-"));
// Every ordkit run here caches parsed files in the work directory, never the user's cache; the warm-up round fills it.
process.env.ORDKIT_CACHE_DIR = path.join(work, "cache");
const node = process.execPath;
const MB_LIMIT = 200;

function ordkit(args, okStatus = [0]) {
  const r = spawnSync(node, [bin, ...args], { cwd: root, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  if (!okStatus.includes(r.status)) throw new Error(`ordkit ${args.join(" ")} exited ${r.status}:\n${r.stderr}`);
  return r;
}

function machine() {
  const cpus = os.cpus();
  return `${cpus[0]?.model?.trim() ?? "unknown CPU"}, ${os.availableParallelism?.() ?? cpus.length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB; node ${process.version}, ${process.platform}/${process.arch}; load average ${os.loadavg().map((l) => l.toFixed(2)).join(" ")}`;
}

try {
  if (!existsSync(path.join(root, "dist"))) throw new Error("ordkit is not built: run `npm run build` first");

  // The largest example is the one whose draft is longest.
  const examples = ["alameda-bay-ca-ordinance", "cascade-county-wa-resolution", "millbrook-pa-executive-order", "riverton-il-ordinance"].map((n) => path.join("examples", `${n}.yaml`));
  const drafts = examples.map((e) => ({ example: e, md: ordkit(["draft", "-a", e, "--format", "md"]).stdout }));
  const largest = drafts.reduce((a, b) => (b.md.length > a.md.length ? b : a));
  const md = path.join(work, "draft.md");
  writeFileSync(md, largest.md);

  // A 1,000-clause library, the same with 10 % of its clauses revised, a 200-section draft.
  const lib = generateLibrary(path.join(work, "library"));
  const changed = changedLibrary(lib, path.join(work, "library-changed"), 10);
  const long = path.join(work, "draft-200.md");
  writeFileSync(long, generateDraft(largest.md, 200));
  // A 5,000-section municipal code (Sec. 10-N.), with a definition in every tenth section.
  const code = path.join(work, "code-5000.md");
  writeFileSync(code, generateCode(5000));
  // The reader's start-up cost: a cold check of a small draft.
  const small = path.join(work, "small.md");
  writeFileSync(small, "# ORDINANCE NO. 1\n\nSection 1. Rule.\n\nNo City department shall permit any law enforcement agency to enter a non-public area of City property without a judicial warrant.\n");

  // `ordkit validate` is new; fall back to timing the library load through a draft.
  const validateHelp = spawnSync(node, [bin, "validate", "--help"], { cwd: root, encoding: "utf8" });
  let validate;
  // (commander prints the main help, and exits 0, for an unknown command's --help)
  if (validateHelp.status === 0 && /Usage: ordkit validate\b/.test(validateHelp.stdout)) {
    const positional = /Usage: ordkit validate .*[[<](dir|library|path)[\]>]/i.test(validateHelp.stdout) || !/--library/.test(validateHelp.stdout);
    validate = { label: "ordkit validate (1,000 clauses)", args: ["validate", ...(positional ? [lib] : ["--library", lib])], note: null };
  } else {
    validate = {
      label: "library load via draft (1,000 cl.)",
      args: ["draft", "-a", largest.example, "--library", lib, "--format", "json"],
      note: "`ordkit validate` is not available in this build: timed `ordkit draft --library` on the generated library instead (loads and checks all 1,000 clauses, drafts from the default ones)",
    };
  }

  const pdf = pdfJob(work, node, bin, root);
  const pandocOk = spawnSync("pandoc", ["--version"]).status === 0;
  const jobs = [
    { name: "floor", cmd: node, args: ["-e", "0"] },
    { name: "help", cmd: node, args: [bin, "--help"] },
    { name: "draft", cmd: node, args: [bin, "draft", "-a", largest.example, "-o", path.join(work, "d.docx"), "--force"] },
    { name: "amend", cmd: node, args: [bin, "draft", "-a", path.join(root, "examples", "alameda-bay-ca-amending-ordinance.yaml"), "-o", path.join(work, "a.docx"), "--force"] },
    ...(pandocOk ? [{ name: "pandoc", cmd: "pandoc", args: [md, "-o", path.join(work, "p.docx")] }] : []),
    { name: "validate", cmd: node, args: [bin, ...validate.args], okStatus: [0, 1] },
    // The same with no parse cache: a first run, an upgrade, CI, or --no-cache.
    { name: "validateCold", cmd: node, args: [bin, ...validate.args], okStatus: [0, 1], env: { ...process.env, ORDKIT_NO_CACHE: "1" } },
    { name: "diff", cmd: node, args: [bin, "diff", lib, path.join(work, "library-changed"), "--format", "json"], okStatus: [1] },
    { name: "check", cmd: node, args: [bin, "check", long, "--fail-on", "none"] },
    { name: "checkCode", cmd: node, args: [bin, "check", code, "--fail-on", "none"] },
    { name: "checkSmall", cmd: node, args: [bin, "check", small, "--fail-on", "none"] },
    pdf.job,
  ].map((j) => ({ cwd: root, ...j }));

  console.log(`ordkit benchmarks: median of ${runs} interleaved runs of fresh processes${hasTime ? "" : " (no /usr/bin/time: peak RSS not measured)"}`);
  console.log(`machine: ${machine()}`);
  const m = measureAll(jobs, runs);

  const rows = [];
  const rss = (r) => (r.rss === null ? "n/a" : `${r.rss.toFixed(0)} MB`);
  const verdict = (ok) => (ok ? "met" : "NOT MET");
  const row = (what, r, ratioText, target, ok) => rows.push([what, `${r.ms.toFixed(0)} ms`, ratioText, target, ok === null ? "" : verdict(ok), rss(r)]);
  const x = (a, b) => `${(a.ms / b.ms).toFixed(2)}x`;
  row("node -e 0 (the floor)", m.floor, "1.00x floor", "", null);
  row("ordkit --help", m.help, `${x(m.help, m.floor)} floor`, "<= 1.5x floor", m.help.ms / m.floor.ms <= 1.5);
  row(`ordkit draft ${path.basename(largest.example, ".yaml")} -> docx`, m.draft, `${x(m.draft, m.floor)} floor`, "<= 2.5x floor", m.draft.ms / m.floor.ms <= 2.5);
  row("ordkit draft amending ordinance -> docx", m.amend, `${x(m.amend, m.draft)} draft`, "<= 1.5x draft", m.amend.ms / m.draft.ms <= 1.5);
  if (m.pandoc) {
    row("pandoc, same draft md -> docx", m.pandoc, `${x(m.pandoc, m.floor)} floor`, "", null);
    row("ordkit draft vs pandoc", m.draft, `${x(m.draft, m.pandoc)} pandoc`, "<= 1.25x pandoc", m.draft.ms / m.pandoc.ms <= 1.25);
  }
  row(validate.label, m.validate, `${x(m.validate, m.floor)} floor`, "< 1 s", m.validate.ms < 1000);
  row(`${validate.label}, no cache`, m.validateCold, `${x(m.validateCold, m.floor)} floor`, "< 1 s", m.validateCold.ms < 1000);
  row(`ordkit diff (1,000 clauses, ${changed.changed} revised)`, m.diff, `${x(m.diff, m.floor)} floor`, "< 1 s", m.diff.ms < 1000);
  row("ordkit check (200-section .md)", m.check, `${x(m.check, m.floor)} floor`, "< 1 s", m.check.ms < 1000);
  row("ordkit check (5,000-section code)", m.checkCode, `${x(m.checkCode, m.floor)} floor`, "< 1 s", m.checkCode.ms < 1000);
  row("ordkit check (one-section draft, cold)", m.checkSmall, `${x(m.checkSmall, m.floor)} floor`, "", null);
  row(pdf.label, m.checkPdf, `${x(m.checkPdf, m.floor)} floor`, pdf.target, pdf.met(m.checkPdf));

  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  const header = ["what", "median", "ratio", "target", "", "peak RSS"];
  const line = (cells) => cells.map((c, i) => (i === 1 ? c.padStart(Math.max(widths[i], header[i].length)) : c.padEnd(Math.max(widths[i], header[i].length)))).join("  ").trimEnd();
  console.log(line(header));
  for (const r of rows) console.log(line(r));
  const ours = Object.entries(m).filter(([k]) => k !== "pandoc" && k !== "floor").map(([, r]) => r.rss ?? 0);
  if (hasTime) console.log(`peak RSS of every ordkit command under ${MB_LIMIT} MB: ${verdict(ours.every((r) => r < MB_LIMIT))} (highest ${Math.max(...ours).toFixed(0)} MB)`);
  if (!pandocOk) console.log("note: pandoc is not installed: the comparison with pandoc is skipped");
  if (validate.note) console.log(`note: ${validate.note}`);

  // Batch throughput: bench/batch.mjs (benchBatch) measures `ordkit draft --batch`.
  const batchModule = path.join(root, "bench", "batch.mjs");
  if (!existsSync(batchModule)) {
    console.log("batch: not measured: bench/batch.mjs (ordkit draft --batch) is not in this build");
  } else {
    try {
      const { benchBatch } = await import(pathToFileURL(batchModule).href);
      const result = await benchBatch({ root, runs, work: path.join(work, "batch") });
      console.log(`batch: ${formatBatch(result)}`);
    } catch (err) {
      console.log(`batch: not measured: ${err?.message ?? String(err)}`);
    }
  }
  // Whether the fast YAML reader and the Handlebars fast path earn their keep beside the parse cache.
  try {
    const { benchParsers, formatParsers } = await import(pathToFileURL(path.join(root, "bench", "parsers.mjs")).href);
    console.log(`parsers (work timed inside fresh processes):\n${formatParsers(benchParsers({ library: lib, answers: largest.example, runs }))}`);
  } catch (err) {
    console.log(`parsers: not measured: ${err?.message ?? String(err)}`);
  }
  // Memory as rows grow: long (about an hour for 20,000 rows on a loaded 2-core machine), so on request.
  const scaleRows = process.env.BENCH_SCALE_ROWS;
  if (!scaleRows) {
    console.log("batch scale: not run (BENCH_SCALE_ROWS=3000,20000 npm run bench measures the peak RSS of batches of those sizes; targets: under 300 MB, the largest within 1.3x of the smallest)");
  } else if (existsSync(batchModule)) {
    const { benchScale, reportScale } = await import(pathToFileURL(batchModule).href);
    console.log(`batch scale (DOCX, default jobs):\n${reportScale(await benchScale({ rows: scaleRows.split(",").map(Number) }))}`);
  }
  console.log(`machine after the runs: load average ${os.loadavg().map((l) => l.toFixed(2)).join(" ")}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}

/** benchBatch's numbers, whatever their names; the speed-up against 500 cold runs is checked against its target. */
function formatBatch(result) {
  if (result === null || typeof result !== "object") return String(result);
  const parts = Object.entries(result)
    .filter(([, v]) => typeof v === "number" || typeof v === "string" || typeof v === "boolean")
    .map(([k, v]) => `${k} ${typeof v === "number" ? (Number.isInteger(v) ? v : v.toFixed(2)) : v}`);
  const speedup = Object.entries(result).find(([k, v]) => typeof v === "number" && /speed|ratio|faster|times/i.test(k));
  if (speedup) parts.push(`target >= 5x faster than 500 cold runs: ${speedup[1] >= 5 ? "met" : "NOT MET"}`);
  return parts.join(", ");
}
