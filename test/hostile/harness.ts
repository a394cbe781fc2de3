// Shared checks for the hostile-input suite: how a refused input must look
// from outside (exit code, message, no stack trace, nothing left on disk).
import assert from "node:assert/strict";
import { cpSync, mkdirSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { fromRoot } from "../helpers.js";
import type { CliResult } from "../run-cli.js";
import { tempDir } from "../tmp.js";

export const EXAMPLES = {
  alameda: fromRoot("examples/alameda-bay-ca-ordinance.yaml"),
  riverton: fromRoot("examples/riverton-il-ordinance.yaml"),
  millbrook: fromRoot("examples/millbrook-pa-executive-order.yaml"),
};

/** Stack frames, or the names of JavaScript's own errors, leaking into what a user reads. */
export function assertNoStackTrace(stderr: string, label: string): void {
  assert.doesNotMatch(stderr, /^\s+at \S/m, `${label}: stack frame on stderr:\n${stderr}`);
  assert.doesNotMatch(stderr, /\b(Type|Range|Reference|Syntax|Eval|URI|Aggregate|YAML[A-Za-z]*)?Error:/, `${label}: JavaScript error name on stderr:\n${stderr}`);
  assert.doesNotMatch(stderr, /internal error/i, `${label}: reported as an internal error:\n${stderr}`);
}

export interface Refusal {
  /** The file the message must name, as shown (relative to the working directory). */
  file: string;
  /** The message must give line:col after the file. */
  lineCol?: boolean;
  /** Key words the message must contain. */
  words?: RegExp[];
  /** Every located problem must be in this file (no cascade of follow-on errors elsewhere). */
  only?: boolean;
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** An input error: exit 2, "ordkit: error:", the file (and line:col), no stack trace. */
export function assertRefused(r: CliResult, e: Refusal, label: string): void {
  const ctx = `${label}\n--- stderr:\n${r.stderr}\n--- stdout (start):\n${r.stdout.slice(0, 400)}`;
  assert.equal(r.status, 2, `${ctx}\nexpected exit code 2, got ${r.status}`);
  assert.match(r.stderr, /^ordkit: error:/, ctx);
  assertNoStackTrace(r.stderr, label);
  const loc = e.lineCol ? new RegExp(`${escapeRe(e.file)}:\\d+:\\d+: `) : new RegExp(`${escapeRe(e.file)}(:\\d+(:\\d+)?)?: `);
  assert.match(r.stderr, loc, `${ctx}\nexpected a message located in ${e.file}${e.lineCol ? ":LINE:COL" : ""}`);
  for (const w of e.words ?? []) assert.match(r.stderr, w, `${ctx}\nexpected the words ${w}`);
  if (e.only) {
    const located = [...r.stderr.matchAll(/^(?:ordkit: error: (?:\d+ problems\n)?)?(\S+?\.(?:ya?ml|hbs))(?::\d+(?::\d+)?)?: /gm)].map((m) => m[1]);
    assert.ok(located.length > 0, ctx);
    for (const f of located) assert.equal(f, e.file, `${ctx}\nfollow-on problem in ${f}`);
  }
}

/** Every file under dir, relative, sorted (hidden and temp files included). */
export function listTree(dir: string): string[] {
  const out: string[] = [];
  const visit = (d: string): void => {
    for (const name of readdirSync(d).sort()) {
      const full = path.join(d, name);
      if (statSync(full).isDirectory()) visit(full);
      else out.push(path.relative(dir, full));
    }
  };
  visit(dir);
  return out;
}

/** The directory holds exactly what it held before: no output, no temp file. */
export function assertUnchanged(dir: string, before: string[], label: string): void {
  const now = listTree(dir);
  assert.deepEqual(now, before, `${label}: files appeared or vanished in ${dir}: ${now.filter((f) => !before.includes(f)).join(", ")}`);
  assert.ok(!now.some((f) => /\.tmp$/.test(f)), `${label}: temp file left in ${dir}`);
}

/** A fresh working directory with a copy of ordkit's clause library (lib/) and templates (tpl/), and an empty out/. */
export function workspace(): { dir: string; lib: string; tpl: string; out: string } {
  const dir = tempDir("ordkit-hostile-");
  const lib = path.join(dir, "lib");
  const tpl = path.join(dir, "tpl");
  const out = path.join(dir, "out");
  cpSync(fromRoot("clauses"), lib, { recursive: true });
  cpSync(fromRoot("templates"), tpl, { recursive: true });
  mkdirSync(out);
  return { dir, lib, tpl, out };
}

/** A small deterministic PRNG (mulberry32): the same seed gives the same bytes. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Runs the CLI program in this process (src/cli.ts main, the code bin/ordkit.js
 * calls), capturing its output: the same messages and exit codes as a child
 * process, at a fraction of the cost, so big tables stay fast. A few cases of
 * each table also go through the real binary.
 */
export async function runMain(args: string[], cwd: string): Promise<CliResult> {
  const { main } = await import("../../src/cli.js");
  const out: string[] = [];
  const err: string[] = [];
  const realOut = process.stdout.write;
  const realErr = process.stderr.write;
  const realCwd = process.cwd();
  const listeners = { SIGINT: process.listeners("SIGINT"), SIGTERM: process.listeners("SIGTERM"), SIGHUP: process.listeners("SIGHUP") };
  const saved = { NO_COLOR: process.env.NO_COLOR, CI: process.env.CI };
  process.env.NO_COLOR = "1";
  process.env.CI = "1";
  // Only ordkit's own writes are captured: the test runner reports on the same
  // stdout, asynchronously, and its messages must pass through untouched.
  const capture = (into: string[], real: typeof process.stdout.write, stream: NodeJS.WriteStream) =>
    function (this: unknown, chunk: string | Uint8Array, ...rest: unknown[]): boolean {
      if (!/[\\/]dist[\\/]src[\\/]/.test(new Error().stack ?? "")) return (real as (...a: unknown[]) => boolean).call(stream, chunk, ...rest);
      into.push(typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8"));
      return true;
    } as typeof process.stdout.write;
  process.exitCode = undefined;
  process.chdir(cwd);
  process.stdout.write = capture(out, realOut, process.stdout);
  process.stderr.write = capture(err, realErr, process.stderr);
  let status: number;
  try {
    status = await main(["node", "ordkit", ...args]);
  } finally {
    process.stdout.write = realOut;
    process.stderr.write = realErr;
    process.chdir(realCwd);
    process.exitCode = undefined;
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
    // main() installs its interruption handlers on every call.
    for (const sig of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
      for (const l of process.listeners(sig)) if (!listeners[sig].includes(l)) process.removeListener(sig, l);
    }
  }
  return { status, stdout: out.join(""), stderr: err.join("") };
}
