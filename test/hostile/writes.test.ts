// Writing outputs where the file system says no: names at the length limit,
// paths through a file, directories that cannot be made, targets that are not
// regular files, links, and two runs racing for one name. Each ends in a
// located error (exit 2) or a complete file, never a stack trace, a hang, a
// temp file left behind, or a device replaced.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { existsSync, lstatSync, mkdirSync, readFileSync, readdirSync, readlinkSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fromRoot } from "../helpers.js";
import { runCli } from "../run-cli.js";
import { EXAMPLES, assertNoStackTrace, assertRefused, listTree, runMain, workspace } from "./harness.js";

const hasMkfifo = process.platform !== "win32" && spawnSync("mkfifo", ["--version"]).status === 0;

function noTemp(dir: string, label: string): void {
  assert.ok(!listTree(dir).some((f) => f.endsWith(".tmp")), `${label}: temp file left: ${listTree(dir).join(", ")}`);
}

test("an output name of 249 bytes is written (the temp file's name does not grow with it)", async () => {
  const ws = workspace();
  for (const ext of [".md", ".docx"]) {
    const name = `${"a".repeat(249 - ext.length)}${ext}`;
    assert.equal(Buffer.byteLength(name), 249);
    const r = await runMain(["draft", "--answers", EXAMPLES.riverton, "--out", `out/${name}`], ws.dir);
    assert.equal(r.status, 0, r.stderr);
    assert.ok(existsSync(path.join(ws.out, name)), ext);
  }
  // Past the file system's limit: a located error, not an internal one.
  const long = `${"b".repeat(260)}.md`;
  const r = await runMain(["draft", "--answers", EXAMPLES.riverton, "--out", `out/${long}`], ws.dir);
  assertRefused(r, { file: `out/${long}`, words: [/too long/] }, "a 264-byte name");
  noTemp(ws.dir, "names");
});

test("an output path through a file is refused, located, for every writing command", async () => {
  const ws = workspace();
  writeFileSync(path.join(ws.dir, "afile"), "x");
  const cases = [
    ["draft", "--answers", EXAMPLES.riverton, "--out", "afile/draft.md"],
    ["draft", "--answers", EXAMPLES.riverton, "--format", "md", "--save-answers", "afile/answers.yaml"],
    ["diff", EXAMPLES.alameda, EXAMPLES.riverton, "--out", "afile/diff.md"],
    ["clauses", "list", "--out", "afile/list.md"],
  ];
  for (const args of cases) {
    const r = await runMain(args, ws.dir);
    assertRefused(r, { file: "afile", words: [/not a directory/] }, args.join(" "));
  }
  noTemp(ws.dir, "through a file");
});

test("directories that cannot be made are named: --out-dir and init under a file, init under /proc (no hang)", async () => {
  const ws = workspace();
  writeFileSync(path.join(ws.dir, "afile"), "x");
  writeFileSync(path.join(ws.dir, "rows.csv"), "jurisdiction.name,jurisdiction.state\nCity of A,CA\n");
  const outDir = await runMain(["draft", "--batch", "rows.csv", "--answers", EXAMPLES.riverton, "--out-dir", "afile/drafts", "--format", "md"], ws.dir);
  assertRefused(outDir, { file: "afile", words: [/cannot create the directory/] }, "--out-dir under a file");
  symlinkSync(path.join(ws.dir, "nowhere"), path.join(ws.dir, "dangling"));
  const dangling = await runMain(["draft", "--batch", "rows.csv", "--answers", EXAMPLES.riverton, "--out-dir", "dangling/drafts", "--format", "md"], ws.dir);
  assertRefused(dangling, { file: "dangling", words: [/cannot create the directory/, /not a directory/] }, "--out-dir under a dangling link");
  const init = await runMain(["init", "afile/layer"], ws.dir);
  assertRefused(init, { file: "afile", words: [/is a file, not a directory/] }, "init under a file");
  if (process.platform === "linux" && existsSync("/proc/self")) {
    // fs.mkdirSync's recursive mode never returns here: ordkit makes one level at a time.
    const proc = runCli(["init", "/proc/ordkit-no-such-dir/layer"], { cwd: ws.dir });
    assert.equal(proc.status, 2, proc.stderr);
    assert.match(proc.stderr, /\/proc\/ordkit-no-such-dir: cannot create the directory/);
    assertNoStackTrace(proc.stderr, "init under /proc");
  }
});

test("a batch --summary through a file is refused, located, before anything is drafted", async () => {
  const ws = workspace();
  writeFileSync(path.join(ws.dir, "afile"), "x");
  writeFileSync(path.join(ws.dir, "rows.csv"), "jurisdiction.name,jurisdiction.state\nCity of A,CA\n");
  const r = await runMain(["draft", "--batch", "rows.csv", "--answers", EXAMPLES.riverton, "--out-dir", "out", "--format", "md", "--summary", "afile/summary.json"], ws.dir);
  assertRefused(r, { file: "afile", words: [/not a directory/] }, "--summary under a file");
  assert.deepEqual(listTree(ws.out), []);
});

test("--force never replaces what is not a regular file: a named pipe, a character device, a link to a directory", { skip: hasMkfifo ? false : "needs mkfifo" }, async () => {
  const ws = workspace();
  const fifo = path.join(ws.dir, "pipe.md");
  assert.equal(spawnSync("mkfifo", [fifo]).status, 0);
  const r = await runMain(["draft", "--answers", EXAMPLES.riverton, "--out", "pipe.md", "--force"], ws.dir);
  assertRefused(r, { file: "pipe.md", words: [/named pipe/, /only regular files/] }, "a FIFO");
  assert.ok(lstatSync(fifo).isFIFO(), "the pipe was replaced");
  // A character device of our own (made only where we may: as root, in a temp directory).
  const dev = path.join(ws.dir, "null.md");
  if (process.getuid?.() === 0 && spawnSync("mknod", [dev, "c", "1", "3"]).status === 0) {
    const d = await runMain(["draft", "--answers", EXAMPLES.riverton, "--out", "null.md", "--force"], ws.dir);
    assertRefused(d, { file: "null.md", words: [/character device/] }, "a character device");
    assert.ok(lstatSync(dev).isCharacterDevice(), "the device was replaced");
  }
  mkdirSync(path.join(ws.dir, "realdir"));
  symlinkSync(path.join(ws.dir, "realdir"), path.join(ws.dir, "dirlink.md"));
  const l = await runMain(["draft", "--answers", EXAMPLES.riverton, "--out", "dirlink.md", "--force"], ws.dir);
  assertRefused(l, { file: "dirlink.md", words: [/directory/] }, "a link to a directory");
  noTemp(ws.dir, "non-regular");
});

test("a symbolic link counts as existing, dangling or not; --force replaces the link itself, never its target", async () => {
  const ws = workspace();
  symlinkSync(path.join(ws.dir, "nowhere.md"), path.join(ws.out, "dangling.md"));
  writeFileSync(path.join(ws.dir, "target.md"), "keep me");
  symlinkSync(path.join(ws.dir, "target.md"), path.join(ws.out, "link.md"));
  for (const name of ["dangling.md", "link.md"]) {
    const r = await runMain(["draft", "--answers", EXAMPLES.riverton, "--out", `out/${name}`], ws.dir);
    assertRefused(r, { file: `out/${name}`, words: [/already exists/, /symbolic link/] }, name);
    assert.ok(lstatSync(path.join(ws.out, name)).isSymbolicLink(), `${name}: the link was replaced`);
  }
  assert.ok(!existsSync(path.join(ws.dir, "nowhere.md")), "written through a dangling link");
  const forced = await runMain(["draft", "--answers", EXAMPLES.riverton, "--out", "out/link.md", "--force"], ws.dir);
  assert.equal(forced.status, 0, forced.stderr);
  assert.ok(lstatSync(path.join(ws.out, "link.md")).isFile(), "the link was not replaced by the draft");
  assert.equal(readFileSync(path.join(ws.dir, "target.md"), "utf8"), "keep me", "written through the link");
  assert.equal(readlinkSync(path.join(ws.out, "dangling.md")), path.join(ws.dir, "nowhere.md"));
});

test("runs racing for one output without --force: exactly one writes it, the others are refused, the file is whole", async () => {
  const ws = workspace();
  const expected = runCli(["draft", "--answers", EXAMPLES.riverton, "--format", "md"], { cwd: ws.dir }).stdout;
  // Each run pauses just before it puts its file in place (the check "does it exist?" already passed).
  const runs = Array.from({ length: 4 }, () =>
    new Promise<{ code: number | null; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, ["--import", fromRoot("test/fixtures/hostile/pause-before-placing.mjs"), fromRoot("bin/ordkit.js"), "draft", "--answers", EXAMPLES.riverton, "--out", "out/race.md"], {
        cwd: ws.dir,
        env: { ...process.env, NO_COLOR: "1", CI: "1", ORDKIT_TEST_PAUSE_MS: "1500" },
        stdio: ["ignore", "ignore", "pipe"],
      });
      let stderr = "";
      child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
      child.on("exit", (code) => resolve({ code, stderr }));
    }),
  );
  const results = await Promise.all(runs);
  const codes = results.map((r) => r.code).sort();
  assert.deepEqual(codes, [0, 2, 2, 2], results.map((r) => r.stderr).join("\n---\n"));
  for (const r of results.filter((x) => x.code === 2)) assert.match(r.stderr, /already exists/);
  assert.equal(readFileSync(path.join(ws.out, "race.md"), "utf8"), expected);
  assert.deepEqual(readdirSync(ws.out), ["race.md"]);
});
