// Benchmarks (not tests): each figure is a ratio to a baseline measured in the
// same run, because machines are shared and noisy. Run with `npm run bench`.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const bin = path.join(root, "bin", "ordkit.js");
const runs = Number(process.env.BENCH_RUNS ?? 7);
const work = mkdtempSync(path.join(tmpdir(), "ordkit-bench-"));
const hasTime = existsSync("/usr/bin/time");

/** Median wall time (ms) and peak RSS (MB, where /usr/bin/time exists) of a command. */
function measure(cmd, args) {
  const times = [];
  let rss = null;
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    const r = hasTime
      ? spawnSync("/usr/bin/time", ["-f", "%M", cmd, ...args], { cwd: root, encoding: "utf8" })
      : spawnSync(cmd, args, { cwd: root, encoding: "utf8" });
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
    if (r.status !== 0) throw new Error(`${cmd} ${args.join(" ")} failed:\n${r.stderr}`);
    if (hasTime) {
      const kb = Number(r.stderr.trim().split("\n").pop());
      if (Number.isFinite(kb)) rss = Math.max(rss ?? 0, kb / 1024);
    }
  }
  times.sort((a, b) => a - b);
  return { ms: times[Math.floor(times.length / 2)], rss };
}

const example = path.join(root, "examples", "alameda-bay-ca-ordinance.yaml");
const md = path.join(work, "draft.md");
writeFileSync(md, spawnSync(process.execPath, [bin, "draft", "-a", example, "--format", "md"], { encoding: "utf8" }).stdout);

const floor = measure(process.execPath, ["-e", "0"]);
const help = measure(process.execPath, [bin, "--help"]);
const draft = measure(process.execPath, [bin, "draft", "-a", example, "-o", path.join(work, "d.docx"), "--force"]);
const check = measure(process.execPath, [bin, "check", example, "--fail-on", "none"]);
const pandocOk = spawnSync("pandoc", ["--version"]).status === 0;
const pandoc = pandocOk ? measure("pandoc", [md, "-o", path.join(work, "p.docx")]) : null;

const row = (name, m, base, baseName) =>
  `${name.padEnd(34)} ${m.ms.toFixed(0).padStart(6)} ms  ${(m.ms / base.ms).toFixed(2).padStart(6)}x ${baseName.padEnd(14)} ${m.rss ? `${m.rss.toFixed(0)} MB RSS` : ""}`;
console.log(`ordkit benchmarks: median of ${runs} runs, node ${process.version}, ${process.platform}/${process.arch}`);
console.log(row("node -e 0 (floor)", floor, floor, "floor"));
console.log(row("ordkit --help", help, floor, "floor (1.5x)"));
console.log(row("ordkit draft (largest example, docx)", draft, floor, "floor (2.5x)"));
if (pandoc) {
  console.log(row("pandoc md -> docx (same draft)", pandoc, floor, "floor"));
  console.log(`${"ordkit draft vs pandoc".padEnd(34)} ${(draft.ms / pandoc.ms).toFixed(2).padStart(16)}x pandoc (target 1.25x)`);
} else {
  console.log("pandoc is not installed: the comparison with pandoc is skipped");
}
console.log(row("ordkit check (answers file)", check, floor, "floor"));
rmSync(work, { recursive: true, force: true });
