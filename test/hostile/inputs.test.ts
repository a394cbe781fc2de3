// Hostile YAML, fed to every command in every role a YAML file plays: an
// answers file, a clause file in a copied library, and the library's
// library.yaml. Each must end in one located message, exit 2, no stack trace
// and nothing written.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fromRoot } from "../helpers.js";
import { runCli } from "../run-cli.js";
import { EXAMPLES, assertRefused, assertUnchanged, listTree, prng, runMain, workspace, type Refusal } from "./harness.js";

interface BadInput {
  name: string;
  bytes: () => Buffer;
  /** What the message must show beyond the file name. */
  expect: Omit<Refusal, "file">;
}

const fixture = (name: string) => () => readFileSync(fromRoot("test/fixtures/hostile", name));

/** Random bytes, seeded; with or without NUL bytes. */
function garbage(seed: number, size: number, nul: boolean): Buffer {
  const rnd = prng(seed);
  const b = Buffer.alloc(size);
  for (let i = 0; i < size; i++) b[i] = nul ? Math.floor(rnd() * 256) : 0x80 + Math.floor(rnd() * 0x80);
  return b;
}

const BAD: BadInput[] = [
  { name: "malformed YAML", bytes: fixture("malformed.yaml"), expect: { lineCol: true, words: [/YAML syntax/] } },
  { name: "duplicate keys", bytes: fixture("duplicate-keys.yaml"), expect: { lineCol: true, words: [/duplicate key/] } },
  { name: "alias bomb (billion laughs)", bytes: fixture("alias-bomb.yaml"), expect: { lineCol: true, words: [/alias/i] } },
  { name: "50-level nesting", bytes: fixture("deep-nesting.yaml"), expect: { lineCol: true } },
  { name: "10,000-level nesting", bytes: () => Buffer.from(`title: ${"[".repeat(10_000)}x${"]".repeat(10_000)}\n`), expect: { lineCol: true, words: [/nests too deeply/] } },
  // Generated here, never committed.
  { name: "a 20 MB file", bytes: () => Buffer.alloc(20 * 1024 * 1024, "title: a\n"), expect: { words: [/too large/] } },
  { name: "binary garbage", bytes: () => garbage(7, 4096, true), expect: { words: [/binary/] } },
  { name: "bytes that are not UTF-8", bytes: () => Buffer.concat([Buffer.from("version: \"1.0.0\"\ntitle: Caf"), Buffer.from([0xe9]), Buffer.from("\n"), garbage(8, 64, false)]), expect: { lineCol: true, words: [/not UTF-8/] } },
  { name: "an empty file", bytes: () => Buffer.alloc(0), expect: { lineCol: true, words: [/empty/] } },
  { name: "only a comment", bytes: () => Buffer.from("# nothing here\n"), expect: { lineCol: true, words: [/empty/] } },
  { name: "the wrong top-level type (a list)", bytes: fixture("wrong-top-level.yaml"), expect: { lineCol: true, words: [/mapping/] } },
  { name: "the wrong top-level type (a string)", bytes: () => Buffer.from("just a sentence\n"), expect: { lineCol: true, words: [/mapping/] } },
];

interface Role {
  name: string;
  /** Where the bad bytes go, relative to the workspace (also the name the message shows). */
  file: string;
  /** Each command that reads a file in this role; out/ must stay empty. */
  commands: Array<{ name: string; args: string[] }>;
}

const ROLES: Role[] = [
  {
    name: "answers file",
    file: "answers.yaml",
    commands: [
      { name: "draft", args: ["draft", "--answers", "answers.yaml", "--out", "out/draft.docx"] },
      { name: "check", args: ["check", "answers.yaml"] },
      { name: "diff", args: ["diff", "answers.yaml", EXAMPLES.alameda, "--out", "out/diff.md"] },
    ],
  },
  {
    name: "clause file in a copied library",
    file: "lib/property-use/staging-ban.yaml",
    commands: [
      { name: "draft --library", args: ["draft", "--answers", EXAMPLES.alameda, "--library", "lib", "--out", "out/draft.md"] },
      { name: "check --library", args: ["check", EXAMPLES.alameda, "--library", "lib"] },
      { name: "diff of libraries", args: ["diff", "lib", fromRoot("clauses"), "--out", "out/diff.json"] },
      { name: "diff of clause files", args: ["diff", "lib/property-use/staging-ban.yaml", fromRoot("clauses/property-use/staging-ban.yaml")] },
    ],
  },
  {
    name: "library.yaml",
    file: "lib/library.yaml",
    commands: [
      { name: "draft --library", args: ["draft", "--answers", EXAMPLES.alameda, "--library", "lib", "--out", "out/draft.docx"] },
      { name: "check --library", args: ["check", EXAMPLES.alameda, "--library", "lib"] },
      { name: "diff of libraries", args: ["diff", fromRoot("clauses"), "lib", "--out", "out/diff.md"] },
    ],
  },
];

ROLES.forEach((role, r) => {
  BAD.forEach((bad, b) => {
    test(`${bad.name} as ${role.name}: every command refuses it with a located message, exit 2, no trace, nothing written`, async () => {
      const ws = workspace();
      writeFileSync(path.join(ws.dir, role.file), bad.bytes());
      const before = listTree(ws.dir);
      for (const cmd of role.commands) {
        const label = `${bad.name} as ${role.name}, ${cmd.name}`;
        // Follow-on complaints about other files would bury the one that matters.
        const r = await runMain(cmd.args, ws.dir);
        // diff tells an answers file from a clause file by its keys; a file that no longer
        // looks like its kind is refused as a mismatch, named but without a line.
        const expect = /cannot compare/.test(r.stderr) && cmd.name.startsWith("diff") ? { ...bad.expect, lineCol: false } : bad.expect;
        assertRefused(r, { file: role.file, ...expect, only: true }, label);
        assertUnchanged(ws.dir, before, label);
      }
      // One command of each case also through the real binary, rotating so every command is covered.
      const cmd = role.commands[(b + r) % role.commands.length]!;
      const viaBin = runCli(cmd.args, { cwd: ws.dir });
      const expect = /cannot compare/.test(viaBin.stderr) && cmd.name.startsWith("diff") ? { ...bad.expect, lineCol: false } : bad.expect;
      assertRefused(viaBin, { file: role.file, ...expect, only: true }, `${bad.name} as ${role.name}, ${cmd.name} (bin/ordkit.js)`);
      assertUnchanged(ws.dir, before, `${cmd.name} (bin/ordkit.js)`);
    });
  });
});

test("50 levels of nested paragraphs and conditions in a valid clause: drafted, numbered, checked, compared", () => {
  const ws = workspace();
  const file = path.join(ws.lib, "general/effective-date.yaml");
  let body = "";
  for (let i = 0; i < 50; i++) {
    const pad = "  ".repeat(2 * i + 1);
    body += `${pad}- text: Level ${i} of the nesting.\n`;
    if (i < 49) body += `${pad}  children:\n`;
  }
  let cond = "{ answer: instrument, equals: ordinance }";
  for (let i = 0; i < 50; i++) cond = `{ not: ${cond} }`; // an even number of nots: still true
  const src = readFileSync(file, "utf8").replace("body:\n", `body:\n${body}`).replace(/^order: (\d+)$/m, `order: $1\nwhen: ${cond}`);
  writeFileSync(file, src);
  const md = runCli(["draft", "--answers", EXAMPLES.alameda, "--library", "lib", "--format", "md"], { cwd: ws.dir });
  assert.equal(md.status, 0, md.stderr);
  for (let i = 0; i < 50; i++) assert.ok(md.stdout.includes(`Level ${i} of the nesting.`), `level ${i} missing`);
  const docx = runCli(["draft", "--answers", EXAMPLES.alameda, "--library", "lib", "--out", "out/deep.docx"], { cwd: ws.dir });
  assert.equal(docx.status, 0, docx.stderr);
  const text = runCli(["textconv", "out/deep.docx"], { cwd: ws.dir });
  assert.equal(text.status, 0, text.stderr);
  assert.ok(text.stdout.includes("Level 49 of the nesting."));
  const check = runCli(["check", "out/deep.docx", "--fail-on", "none"], { cwd: ws.dir });
  assert.equal(check.status, 0, check.stderr);
  const diff = runCli(["diff", fromRoot("clauses"), "lib"], { cwd: ws.dir });
  assert.equal(diff.status, 1, diff.stderr);
  assert.match(diff.stdout, /general\/effective-date/);
});

test("a named pipe in a library (as a clause, library.yaml or interview.yaml) is refused instead of blocking the read", { skip: spawnSync("mkfifo", ["--version"]).status === 0 ? false : "needs mkfifo" }, () => {
  for (const rel of ["lib/general/pipe.yaml", "lib/library.yaml", "lib/interview.yaml"]) {
    const ws = workspace();
    rmSync(path.join(ws.dir, rel), { force: true });
    assert.equal(spawnSync("mkfifo", [path.join(ws.dir, rel)]).status, 0);
    // Through the binary, whose timeout turns a hang into a failure instead of a stuck suite.
    const r = runCli(["draft", "--answers", EXAMPLES.alameda, "--library", "lib", "--out", "out/draft.md"], { cwd: ws.dir });
    assertRefused(r, { file: rel, words: [/not a regular file/] }, rel);
    assert.deepEqual(listTree(ws.out), []);
  }
});
