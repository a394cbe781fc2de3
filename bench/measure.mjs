// Timing helpers for the benchmarks. Commands are run as fresh processes,
// interleaved (one run of each per round) so that a noisy neighbour slows
// every command of a round alike, and each figure is the median of its runs.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

const TIME = "/usr/bin/time";
export const hasTime = existsSync(TIME);

/**
 * One run of a command: wall time in ms and, where GNU time exists, peak RSS in MB.
 * Throws when the command fails, so a broken command never passes for a fast one.
 */
export function runOnce(job) {
  const { cmd, args = [], cwd, env, okStatus = [0] } = job;
  const start = process.hrtime.bigint();
  const r = hasTime
    ? spawnSync(TIME, ["-f", "%M", cmd, ...args], { cwd, env, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 })
    : spawnSync(cmd, args, { cwd, env, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (!okStatus.includes(r.status)) {
    throw new Error(`${cmd} ${args.join(" ")} exited ${r.status}:\n${(r.stderr ?? "").slice(0, 2000)}`);
  }
  let rss = null;
  if (hasTime) {
    const kb = Number((r.stderr ?? "").trim().split("\n").pop());
    if (Number.isFinite(kb)) rss = kb / 1024;
  }
  return { ms, rss };
}

export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/**
 * Runs every job `runs` times, interleaved, after one warm-up round (file
 * cache, lazy disk reads); returns { name: { ms, rss, all } } with the median
 * wall time and the highest peak RSS seen.
 */
export function measureAll(jobs, runs, onRound = () => {}) {
  for (const job of jobs) runOnce(job);
  const times = new Map(jobs.map((j) => [j.name, []]));
  const rss = new Map(jobs.map((j) => [j.name, null]));
  for (let i = 0; i < runs; i++) {
    for (const job of jobs) {
      const r = runOnce(job);
      times.get(job.name).push(r.ms);
      if (r.rss !== null) rss.set(job.name, Math.max(rss.get(job.name) ?? 0, r.rss));
    }
    onRound(i + 1);
  }
  const out = {};
  for (const job of jobs) out[job.name] = { ms: median(times.get(job.name)), rss: rss.get(job.name), all: times.get(job.name) };
  return out;
}
