// The cache of parsed files: in the cache directory only, never in the
// project or a layer; the same output warm, cold and without it; safe
// against damaged entries, an unusable directory and concurrent writers;
// off with --no-cache or ORDKIT_NO_CACHE=1.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { cpSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fromRoot } from "./helpers.js";
import { runCli } from "./run-cli.js";
import { tempDir } from "./tmp.js";
import { cacheDir } from "../src/core/cache/parsed-cache.js";

const ANSWERS = fromRoot("examples/riverton-il-ordinance.yaml");

function files(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const n of readdirSync(d).sort()) {
      const f = path.join(d, n);
      if (statSync(f).isDirectory()) walk(f);
      else out.push(path.relative(dir, f));
    }
  };
  walk(dir);
  return out;
}

function setup(): { dir: string; lib: string; cache: string; env: Record<string, string> } {
  const dir = tempDir("ordkit-cache-");
  const lib = path.join(dir, "lib");
  cpSync(fromRoot("clauses"), lib, { recursive: true });
  const cache = path.join(tempDir("ordkit-cache-dir-"), "c");
  return { dir, lib, cache, env: { ORDKIT_CACHE_DIR: cache } };
}

const draftArgs = ["draft", "--answers", ANSWERS, "--library", "lib", "--format", "md"];

test("the cache directory: ORDKIT_CACHE_DIR, else XDG_CACHE_HOME/ordkit, else ~/.cache/ordkit; off with ORDKIT_NO_CACHE", () => {
  assert.equal(cacheDir({ ORDKIT_CACHE_DIR: "/x/y" }), "/x/y");
  assert.equal(cacheDir({ XDG_CACHE_HOME: "/xdg" }), "/xdg/ordkit");
  assert.match(cacheDir({ XDG_CACHE_HOME: "relative/ignored", HOME: "/home/u" }) ?? "", /[\\/]\.cache[\\/]ordkit$/);
  assert.equal(cacheDir({ ORDKIT_NO_CACHE: "1", ORDKIT_CACHE_DIR: "/x" }), null);
  assert.equal(cacheDir({ ORDKIT_NO_CACHE: "0", ORDKIT_CACHE_DIR: "/x" }), "/x");
});

test("entries go to the cache directory only; warm, cold and --no-cache drafts are byte-identical", () => {
  const s = setup();
  const before = files(s.dir);
  const cold = runCli(draftArgs, { cwd: s.dir, env: s.env });
  assert.equal(cold.status, 0, cold.stderr);
  const entries = files(s.cache);
  assert.ok(entries.length >= 30, `expected an entry per clause file, got ${entries.length}`);
  assert.ok(entries.every((e) => /^yaml-v1\/[0-9a-f]{2}\/[0-9a-f]{62}\.json$/.test(e)), entries.slice(0, 3).join(", "));
  assert.deepEqual(files(s.dir), before, "nothing was written into the project or the library");
  const warm = runCli(draftArgs, { cwd: s.dir, env: s.env });
  assert.equal(warm.stdout, cold.stdout);
  const unused = path.join(tempDir("ordkit-unused-"), "c");
  const off = runCli(["--no-cache", ...draftArgs], { cwd: s.dir, env: { ORDKIT_CACHE_DIR: unused } });
  assert.equal(off.status, 0, off.stderr);
  assert.equal(off.stdout, cold.stdout);
  assert.throws(() => statSync(unused), "--no-cache wrote entries");
  const offAfter = runCli([...draftArgs, "--no-cache"], { cwd: s.dir, env: { ORDKIT_NO_CACHE: "1", ORDKIT_CACHE_DIR: path.join(s.cache, "never") } });
  assert.equal(offAfter.stdout, cold.stdout);
  assert.ok(!files(s.cache).some((f) => f.startsWith("never")), "ORDKIT_NO_CACHE wrote entries");
});

test("an edited file is parsed again; a problem in a cached file is still reported at its line and column", () => {
  const s = setup();
  assert.equal(runCli(draftArgs, { cwd: s.dir, env: s.env }).status, 0);
  const file = path.join(s.lib, "general/severability.yaml");
  const text = readFileSync(file, "utf8");
  const heading = /^heading: (.*)$/m.exec(text)![1]!;
  writeFileSync(file, text.replace(`heading: ${heading}`, "heading: Severability of provisions, edited"));
  const edited = runCli(draftArgs, { cwd: s.dir, env: s.env });
  assert.match(edited.stdout, /Severability of provisions, edited/);
  // Valid YAML that the library refuses: the data comes from the cache on the second run, the position from a full parse.
  writeFileSync(file, text.replace(`heading: ${heading}`, "heading: 42"));
  const first = runCli(draftArgs, { cwd: s.dir, env: s.env });
  const second = runCli(draftArgs, { cwd: s.dir, env: s.env });
  assert.equal(first.status, 2, first.stderr);
  assert.match(first.stderr, /lib\/general\/severability\.yaml:\d+:\d+: /);
  assert.equal(second.stderr, first.stderr);
});

test("damaged entries and an unusable cache directory never change the result", () => {
  const s = setup();
  const cold = runCli(draftArgs, { cwd: s.dir, env: s.env });
  for (const [i, e] of files(s.cache).entries()) {
    const f = path.join(s.cache, e);
    const damage = [(t: string) => t.slice(0, t.length / 2), () => "", () => '{"format":1}', () => '{"format":1,"data":{"id":"x/forged"}}'.slice(0, 10), () => "\u0000\u0001"];
    writeFileSync(f, damage[i % damage.length]!(readFileSync(f, "utf8")));
  }
  const damaged = runCli(draftArgs, { cwd: s.dir, env: s.env });
  assert.equal(damaged.status, 0, damaged.stderr);
  assert.equal(damaged.stdout, cold.stdout);
  // The cache directory is a file: nothing can be cached, everything still works.
  const blocked = path.join(tempDir("ordkit-blocked-"), "cache");
  writeFileSync(blocked, "not a directory");
  const r = runCli(draftArgs, { cwd: s.dir, env: { ORDKIT_CACHE_DIR: blocked } });
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout, cold.stdout);
  assert.equal(r.stderr.includes("cache"), false, r.stderr);
});

test("concurrent runs filling one cache all succeed and leave only whole entries", async () => {
  const s = setup();
  const run = (): Promise<{ status: number | null; stdout: string }> =>
    new Promise((resolve) => {
      const p = spawn(process.execPath, [fromRoot("bin/ordkit.js"), ...draftArgs], { cwd: s.dir, env: { ...process.env, ...s.env, NO_COLOR: "1" } });
      let stdout = "";
      p.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
      p.on("close", (status) => resolve({ status, stdout }));
    });
  const results = await Promise.all([run(), run(), run(), run()]);
  for (const r of results) assert.equal(r.status, 0);
  assert.equal(new Set(results.map((r) => r.stdout)).size, 1);
  const entries = files(s.cache);
  assert.ok(!entries.some((e) => e.endsWith(".tmp")), "a temp file was left");
  for (const e of entries) JSON.parse(readFileSync(path.join(s.cache, e), "utf8"));
});
