// DOCX files handed to `check` and `textconv` that are empty, truncated,
// damaged, not zips at all, or zip bombs: refused by name (exit 2, no trace),
// or read within bounds. All generated here with fflate, never committed.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { strToU8, zipSync } from "fflate";
import { runCli } from "../run-cli.js";
import { tempDir } from "../tmp.js";
import { EXAMPLES, assertNoStackTrace, assertRefused, runMain } from "./harness.js";

/** Sets the uncompressed size of the first entry in both the local header and the central directory. */
function lieAboutSize(zip: Uint8Array, size: number): Uint8Array {
  const z = new Uint8Array(zip);
  const dv = new DataView(z.buffer, z.byteOffset, z.byteLength);
  dv.setUint32(22, size, true);
  for (let i = z.length - 22; i >= 0; i--) {
    if (dv.getUint32(i, true) === 0x06054b50) {
      dv.setUint32(dv.getUint32(i + 16, true) + 24, size, true);
      break;
    }
  }
  return z;
}

const MB = 1024 * 1024;

interface BadDocx {
  name: string;
  make: (real: Uint8Array, dir: string) => Uint8Array | "dir";
  words?: RegExp;
  /** A bomb that lies about its size may be read (in bounds) rather than refused. */
  mayBeRead?: boolean;
}

const CASES: BadDocx[] = [
  { name: "an empty file", make: () => new Uint8Array(0), words: /not a DOCX/ },
  { name: "plain text", make: () => strToU8("Section 1. This is not a zip.\n"), words: /not a DOCX/ },
  { name: "random bytes", make: () => Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) & 0xff), words: /not a DOCX/ },
  { name: "truncated to its first half", make: (real) => real.subarray(0, Math.floor(real.length / 2)), words: /not a DOCX/ },
  { name: "missing its last 10 bytes", make: (real) => real.subarray(0, real.length - 10), words: /not a DOCX/ },
  {
    name: "damaged compressed data",
    make: (real) => {
      const z = new Uint8Array(real);
      for (let i = 200; i < Math.min(z.length - 200, 2000); i += 3) z[i] = z[i]! ^ 0xa5;
      return z;
    },
    words: /not a DOCX|no text|not well-formed XML|not UTF-8/,
    mayBeRead: true,
  },
  { name: "a zip without word/document.xml", make: () => zipSync({ "hello.txt": strToU8("hi") }), words: /not a DOCX/ },
  { name: "a zip bomb (document.xml inflates to 100 MB)", make: () => zipSync({ "word/document.xml": new Uint8Array(100 * MB) }, { level: 1 }), words: /zip bomb/ },
  { name: "a zip bomb in numbering.xml", make: () => zipSync({ "word/document.xml": strToU8("<w:document/>"), "word/numbering.xml": new Uint8Array(100 * MB) }, { level: 1 }), words: /zip bomb/ },
  { name: "a zip bomb that lies about its size", make: () => lieAboutSize(zipSync({ "word/document.xml": new Uint8Array(100 * MB) }, { level: 1 }), 1000), mayBeRead: true },
  { name: "a file over 32 MB", make: () => new Uint8Array(40 * MB), words: /too large/ },
  { name: "a directory named .docx", make: () => "dir", words: /cannot read/ },
];

test("check and textconv refuse broken DOCX files by name, exit 2, no stack trace; bombs stay bounded", async () => {
  const dir = tempDir("ordkit-hostile-docx-");
  const made = runCli(["draft", "--answers", EXAMPLES.alameda, "--out", "real.docx"], { cwd: dir });
  assert.equal(made.status, 0, made.stderr);
  const real = readFileSync(path.join(dir, "real.docx"));
  for (const [i, c] of CASES.entries()) {
    const file = `bad-${i}.docx`;
    const bytes = c.make(real, dir);
    if (bytes === "dir") mkdirSync(path.join(dir, file));
    else writeFileSync(path.join(dir, file), bytes);
    for (const args of [["check", file], ["textconv", file]]) {
      const label = `${c.name}: ${args[0]}`;
      const r = await runMain(args, dir);
      if (c.mayBeRead && r.status !== 2) {
        // Read within bounds: whatever text came out, it came out cleanly.
        assert.ok(r.status === 0 || r.status === 1, `${label}: exit ${r.status}\n${r.stderr}`);
        assertNoStackTrace(r.stderr, label);
        assert.ok(r.stdout.length < 1 * MB, `${label}: ${r.stdout.length} bytes of output from a bomb`);
        continue;
      }
      assertRefused(r, { file, ...(c.words ? { words: [c.words] } : {}) }, label);
    }
    if (i % 3 === 0) assertRefused(runCli(["check", file], { cwd: dir }), { file, ...(c.words ? { words: [c.words] } : {}) }, `${c.name} (bin/ordkit.js)`);
  }
});

test("a missing DOCX is refused by name", async () => {
  const dir = tempDir();
  for (const cmd of ["check", "textconv"]) assertRefused(await runMain([cmd, "nowhere.docx"], dir), { file: "nowhere.docx", words: [/cannot read/] }, cmd);
});
