// Output paths that cannot or must not be written (a missing or read-only
// directory, an existing file without --force, an input), and interruptions
// by SIGINT or SIGTERM: exit 2 (or 130), a clear message, and never a partial
// output or a temp file left behind.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { chmodSync, constants, copyFileSync, existsSync, mkdirSync, openSync, closeSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { open } from "node:fs/promises";
import path from "node:path";
import { fromRoot } from "../helpers.js";
import { runCli } from "../run-cli.js";
import { EXAMPLES, assertNoStackTrace, assertRefused, assertUnchanged, listTree, runMain, workspace } from "./harness.js";

/** The commands that write a file, with OUT standing for the output path. */
const WRITERS: Array<{ name: string; args: (out: string) => string[] }> = [
  { name: "draft (docx)", args: (out) => ["draft", "--answers", "answers.yaml", "--out", `${out}.docx`] },
  { name: "draft (md)", args: (out) => ["draft", "--answers", "answers.yaml", "--out", `${out}.md`] },
  { name: "draft --save-answers", args: (out) => ["draft", "--answers", "answers.yaml", "--format", "json", "--save-answers", `${out}.yaml`] },
  { name: "draft --redline-against", args: (out) => ["draft", "--answers", "answers.yaml", "--library", "lib", "--redline-against", fromRoot("clauses"), "--out", `${out}.docx`] },
  { name: "diff (md)", args: (out) => ["diff", "answers.yaml", EXAMPLES.riverton, "--out", `${out}.md`] },
  { name: "diff (docx redline)", args: (out) => ["diff", fromRoot("clauses"), "lib", "--out", `${out}.docx`] },
];

/** The output path a writer's arguments name for a base path (with its extension). */
function outOf(w: (typeof WRITERS)[number], base: string): string {
  return w.args(base).find((a) => a.startsWith(base))!;
}

function setup(): ReturnType<typeof workspace> {
  const ws = workspace();
  copyFileSync(EXAMPLES.alameda, path.join(ws.dir, "answers.yaml"));
  return ws;
}

test("an output in a missing directory is refused, naming the directory; nothing is created", async () => {
  const ws = setup();
  const before = listTree(ws.dir);
  for (const w of WRITERS) {
    const r = await runMain(w.args("missing/deeper/result"), ws.dir);
    assertRefused(r, { file: "missing/deeper", words: [/does not exist/] }, w.name);
    assertUnchanged(ws.dir, before, w.name);
  }
  assert.ok(!existsSync(path.join(ws.dir, "missing")));
});

test("an output in a read-only directory is refused with a hint, and leaves no temp file", { skip: process.getuid?.() === 0 ? "running as root: root ignores directory permissions, so a read-only directory is writable" : false }, async () => {
  const ws = setup();
  const locked = path.join(ws.dir, "locked");
  mkdirSync(locked);
  chmodSync(locked, 0o555);
  try {
    for (const w of WRITERS) {
      const r = await runMain(w.args("locked/result"), ws.dir);
      assertRefused(r, { file: outOf(w, "locked/result"), words: [/cannot write the output/, /not writable/] }, w.name);
      assert.deepEqual(listTree(locked), [], `${w.name}: something was left in the read-only directory`);
    }
  } finally {
    chmodSync(locked, 0o755);
  }
});

test("an output in a directory that even root cannot write (Linux /sys) is refused with a hint", { skip: process.platform !== "linux" || !existsSync("/sys/kernel") ? "needs Linux sysfs" : false }, async () => {
  const ws = setup();
  for (const w of WRITERS.filter((x) => x.name.startsWith("draft ("))) {
    const r = await runMain(w.args("/sys/ordkit-result"), ws.dir);
    assertRefused(r, { file: outOf(w, "/sys/ordkit-result"), words: [/cannot write the output/] }, w.name);
  }
});

test("an existing output is kept without --force, byte for byte", async () => {
  const ws = setup();
  for (const w of WRITERS) {
    const out = outOf(w, "out/existing");
    writeFileSync(path.join(ws.dir, out), "keep me");
    const before = listTree(ws.dir);
    const r = await runMain(w.args("out/existing"), ws.dir);
    assertRefused(r, { file: out, words: [/already exists/, /--force/] }, w.name);
    assert.equal(readFileSync(path.join(ws.dir, out), "utf8"), "keep me", w.name);
    assertUnchanged(ws.dir, before, w.name);
  }
});

test("an output that is a directory is refused", async () => {
  const ws = setup();
  mkdirSync(path.join(ws.dir, "out/dir.md"));
  const r = await runMain(["draft", "--answers", "answers.yaml", "--out", "out/dir.md", "--force"], ws.dir);
  assertRefused(r, { file: "out/dir.md", words: [/is a directory/] }, "draft");
});

test("an output that is one of the inputs is refused even with --force, and the input is untouched", async () => {
  const ws = setup();
  symlinkSync(path.join(ws.dir, "answers.yaml"), path.join(ws.dir, "link.yaml"));
  const clause = "lib/general/effective-date.yaml";
  const cases: Array<{ name: string; args: string[]; file: string }> = [
    { name: "draft --out the answers file", args: ["draft", "--answers", "answers.yaml", "--format", "md", "--out", "answers.yaml", "--force"], file: "answers.yaml" },
    { name: "draft --out a link to the answers file", args: ["draft", "--answers", "answers.yaml", "--format", "md", "--out", "link.yaml", "--force"], file: "link.yaml" },
    { name: "draft --save-answers the answers file", args: ["draft", "--answers", "answers.yaml", "--format", "md", "--save-answers", "answers.yaml", "--force"], file: "answers.yaml" },
    { name: "draft --out a clause of --library", args: ["draft", "--answers", "answers.yaml", "--library", "lib", "--format", "md", "--out", clause, "--force"], file: clause },
    { name: "draft --out a template of --templates", args: ["draft", "--answers", "answers.yaml", "--templates", "tpl", "--format", "md", "--out", "tpl/ordinance.hbs", "--force"], file: "tpl/ordinance.hbs" },
    { name: "diff --out the old answers file", args: ["diff", "answers.yaml", EXAMPLES.riverton, "--format", "md", "--out", "answers.yaml", "--force"], file: "answers.yaml" },
    { name: "diff --out a clause of a compared library", args: ["diff", fromRoot("clauses"), "lib", "--format", "text", "--out", clause, "--force"], file: clause },
  ];
  for (const c of cases) {
    const before = listTree(ws.dir);
    const bytes = readFileSync(path.join(ws.dir, c.file));
    const r = await runMain(c.args, ws.dir);
    assertRefused(r, { file: c.file, words: [/input/] }, c.name);
    assert.deepEqual(readFileSync(path.join(ws.dir, c.file)), bytes, `${c.name}: the input changed`);
    assertUnchanged(ws.dir, before, c.name);
  }
  // --save-answers and --out naming the same new file is refused too.
  const same = runCli(["draft", "--answers", "answers.yaml", "--out", "out/x.md", "--save-answers", "out/x.md"], { cwd: ws.dir });
  assert.equal(same.status, 2, same.stderr);
  assert.match(same.stderr, /same file/);
  assertNoStackTrace(same.stderr, "same file");
  assert.deepEqual(listTree(ws.out), []);
});

// ---------------------------------------------------------------- interruptions

const BIN = fromRoot("bin/ordkit.js");
const hasMkfifo = process.platform !== "win32" && spawnSync("mkfifo", ["--version"]).status === 0;

interface Interrupted {
  code: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
}

/**
 * Runs `ordkit draft` with its answers behind a named pipe. ordkit installs its
 * signal handlers before it reads its input, and opening the pipe for writing
 * completes only once ordkit has opened it to read: so once open, the signal is
 * sent to a process that is running and has everything still to do (library
 * loaded, answers half-read, nothing assembled or written). Then the answers are
 * released and ordkit must stop at its next step.
 */
async function interruptMidJob(signal: NodeJS.Signals, ws: ReturnType<typeof workspace>, extra: string[]): Promise<Interrupted> {
  const fifo = path.join(ws.dir, "answers-pipe.yaml");
  assert.equal(spawnSync("mkfifo", [fifo]).status, 0);
  const child = spawn(process.execPath, [BIN, "draft", "--answers", fifo, ...extra], { cwd: ws.dir, env: { ...process.env, NO_COLOR: "1", CI: "1" }, stdio: ["ignore", "pipe", "pipe"] });
  let stderr = "";
  child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
  child.stdout.resume();
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on("exit", (code, sig) => resolve({ code, signal: sig })));
  const writer = await Promise.race([open(fifo, "w"), exited.then(() => null)]);
  if (!writer) {
    // ordkit ended before reading: unblock our pending open, then report why.
    closeSync(openSync(fifo, constants.O_RDONLY | constants.O_NONBLOCK));
    assert.fail(`ordkit ended before reading its answers:\n${stderr}`);
  }
  child.kill(signal);
  await writer.writeFile(readFileSync(EXAMPLES.riverton));
  await writer.close();
  return { ...(await exited), stderr };
}

for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
  test(`${signal} in the middle of a job: exit 130, no output, no temp file`, { skip: hasMkfifo ? false : "needs mkfifo" }, async () => {
    for (const out of ["out/draft.docx", "out/draft.md"]) {
      const ws = workspace();
      const extra = ["--out", out, "--save-answers", "out/answers.yaml"];
      const r = await interruptMidJob(signal, ws, extra);
      assert.equal(r.code, 130, `exit ${r.code} (signal ${r.signal}); stderr:\n${r.stderr}`);
      assert.match(r.stderr, new RegExp(`interrupted \\(${signal}\\); no output was written`));
      assertNoStackTrace(r.stderr, signal);
      assert.deepEqual(listTree(ws.out), [], `${signal}: left ${listTree(ws.out).join(", ")}`);
      assert.ok(!listTree(ws.dir).some((f) => f.endsWith(".tmp")), "temp file left");
    }
  });

  test(`${signal} at the moment the output is written: never a partial file or a temp file, and an honest report`, async () => {
    const ws = workspace();
    const clean = runCli(["draft", "--answers", EXAMPLES.riverton, "--out", "out/clean.docx"], { cwd: ws.dir });
    assert.equal(clean.status, 0, clean.stderr);
    const expected = readFileSync(path.join(ws.out, "clean.docx"));
    const r = spawnSync(process.execPath, ["--import", fromRoot("test/fixtures/hostile/signal-while-writing.mjs"), BIN, "draft", "--answers", EXAMPLES.riverton, "--out", "out/draft.docx"], {
      cwd: ws.dir,
      env: { ...process.env, NO_COLOR: "1", CI: "1", ORDKIT_TEST_SIGNAL: signal },
      encoding: "utf8",
      timeout: 60_000,
    });
    assertNoStackTrace(r.stderr, signal);
    assert.ok(!listTree(ws.dir).some((f) => f.endsWith(".tmp")), `temp file left: ${listTree(ws.dir).join(", ")}`);
    const written = existsSync(path.join(ws.out, "draft.docx"));
    if (written) {
      // The signal arrived inside the write, which completes: the file is whole, and the report says so.
      assert.deepEqual(readFileSync(path.join(ws.out, "draft.docx")), expected, "the output is not the complete draft");
      assert.ok(r.status === 0 || r.status === 130, `exit ${r.status}`);
      assert.doesNotMatch(r.stderr, /no output was written/, "claims nothing was written, but the file is there");
      assert.match(r.stderr, r.status === 0 ? /wrote out\/draft\.docx/ : /already written in full/);
    } else {
      assert.equal(r.status, 130, r.stderr);
      assert.match(r.stderr, /no output was written/);
    }
  });
}
