// The reader's data and outputs: the compiled word lists are current, `check
// --explain` shows the frames the rules read, and `--instrument statute`
// reads a state law at the state's level.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { fromRoot } from "../helpers.js";
import { runCli } from "../run-cli.js";
import { tempDir } from "../tmp.js";

test("src/core/risk/read/words.gen.ts is compiled from the current words/*.yaml (npm run gen:words)", async () => {
  const { generate } = (await import(pathToFileURL(fromRoot("scripts", "gen-words.mjs")).href)) as { generate: () => string };
  assert.equal(readFileSync(fromRoot("src", "core", "risk", "read", "words.gen.ts"), "utf8"), generate());
});

function draft(text: string): string {
  const file = path.join(tempDir(), "d.md");
  writeFileSync(file, text);
  return file;
}

test("check --explain shows each provision's frame: bound party, modality, actions, operative words", () => {
  const file = draft("# ORDINANCE NO. 1\n\nSection 1. Rule.\n\nNo City department shall permit any law enforcement agency to use a non-public area of City property as a staging area.\n");
  const r = runCli(["check", file, "--state", "CA", "--format", "json", "--explain", "--fail-on", "none"]);
  assert.equal(r.status, 0, r.stderr);
  const out = JSON.parse(r.stdout) as { frames: Array<{ unit: string; bound: { cls: string } | null; modality: string; actions: string[]; operative: string | null }> };
  const f = out.frames.find((x) => x.unit === "section-1#p1")!;
  assert.equal(f.bound?.cls, "own-personnel");
  assert.equal(f.modality, "must-not");
  assert.ok(f.actions.includes("restricts-access"), f.actions.join(","));
  assert.ok(f.operative?.startsWith("No City department shall"), f.operative ?? "");
});

test("check --explain without --format json is a usage error", () => {
  const file = draft("# ORDINANCE NO. 1\n\nSection 1. Rule.\n\nThe City shall publish a report.\n");
  const r = runCli(["check", file, "--explain"]);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /--explain needs --format json/);
});

test("--instrument statute reads the state's own agencies as its own", () => {
  const text = "Sec. 1. Limits.\n\n(a) A State or local law enforcement agency shall not enter into an agreement under 8 U.S.C. 1357(g).\n\n(b) Illinois law enforcement agencies shall not detain any person solely on the basis of an immigration detainer.\n";
  const file = draft(text);
  const asStatute = JSON.parse(runCli(["check", file, "--state", "IL", "--instrument", "statute", "--format", "json", "--explain", "--fail-on", "none"]).stdout) as { instrument: string; notes: unknown[]; frames: Array<{ bound: { cls: string } | null }> };
  assert.equal(asStatute.instrument, "statute");
  assert.deepEqual(asStatute.notes, [], "a state's limits on its own agencies draw no note");
  for (const f of asStatute.frames) if (f.bound) assert.equal(f.bound.cls, "own-personnel");
});
