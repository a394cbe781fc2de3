// Every ordkit command shown in README.md and docs/*.md runs as written, in
// a workspace laid out as the docs assume (examples/, clauses/, two library
// versions, a git history, a layer), and ends as the docs say: exit 0 or 1
// (differences, findings), or the documented exit 2 for the few shown failing.
// docs/customizing.md's tutorial blocks run in order in test/layers/init.test.ts.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { chmodSync, cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fromRoot } from "./helpers.js";
import { tempDir } from "./tmp.js";
import { buildPdf } from "./published/pdf-build.js";

interface Shown {
  doc: string;
  line: number;
  command: string;
}

/** Placeholders of synopsis lines (FILE, DIR ...) or interactive runs: not runnable as written. */
const SYNOPSIS = /\[|\b(?:FILE|DIR|OLD|NEW|PATH|XX|KIND|SEVERITY|REV1|REV2|THIS-FILE|A\.yaml|B\.yaml|X\.yaml)\b/;
/** Shown failing on purpose, with what the doc says. */
const FAILS: Record<string, RegExp> = {
  "ordkit draft --answers partial.yaml --library lib --format md < /dev/null": /lacks \d+ answer\(s\), and stdin is not a terminal/,
};
/** A draft without answers asks questions in a terminal (docs/interview.md; tested in test/interview/tmux.test.ts). */
const INTERACTIVE = (command: string): boolean => /^ordkit draft\b/.test(command) && !/\s(?:-a|--answers|--batch)\s/.test(command);

function shownCommands(): Shown[] {
  const docs = ["README.md", ...readdirSync(fromRoot("docs")).filter((f) => f.endsWith(".md") && f !== "library.md").map((f) => `docs/${f}`)];
  const out: Shown[] = [];
  for (const doc of docs) {
    const lines = readFileSync(fromRoot(doc), "utf8").split("\n");
    let fence: string | null = null;
    lines.forEach((raw, i) => {
      const f = /^\s*```(\S*)/.exec(raw);
      if (f) {
        fence = fence === null ? f[1]! || "text" : null;
        return;
      }
      // The tutorial's sh blocks run in order in test/layers/init.test.ts.
      if (doc === "docs/customizing.md" && fence === "sh") return;
      const inBlock = fence !== null || /^ {4}/.test(raw);
      const m = /^\s*(?:\$ )?(?:npx )?(ordkit\s.*)$/.exec(raw);
      if (!inBlock || !m) return;
      const command = m[1]!.replace(/\s{2,}#.*$/, "").replace(/\s{2,}\(.*\)$/, "").trim();
      if (SYNOPSIS.test(command) || INTERACTIVE(command)) return;
      out.push({ doc, line: i + 1, command });
    });
  }
  return out;
}

function sh(cwd: string, script: string, env: NodeJS.ProcessEnv): { status: number | null; stdout: string; stderr: string } {
  return spawnSync("bash", ["-c", script], { cwd, env, encoding: "utf8", timeout: 120_000 });
}

/** The workspace the docs assume. */
function workspace(): { dir: string; env: NodeJS.ProcessEnv } {
  const dir = tempDir();
  const home = tempDir();
  const bin = path.join(home, "bin");
  mkdirSync(bin);
  writeFileSync(path.join(bin, "ordkit"), `#!/bin/sh\nexec "${process.execPath}" "${fromRoot("bin/ordkit.js")}" "$@"\n`);
  chmodSync(path.join(bin, "ordkit"), 0o755);
  const env = { ...process.env, PATH: `${bin}${path.delimiter}${process.env.PATH ?? ""}`, NO_COLOR: "1", HOME: home, GIT_CONFIG_GLOBAL: path.join(home, ".gitconfig"), GIT_CONFIG_NOSYSTEM: "1", GIT_AUTHOR_NAME: "d", GIT_AUTHOR_EMAIL: "d@example.org", GIT_COMMITTER_NAME: "d", GIT_COMMITTER_EMAIL: "d@example.org" };
  cpSync(fromRoot("examples"), path.join(dir, "examples"), { recursive: true });
  cpSync(fromRoot("clauses"), path.join(dir, "clauses"), { recursive: true });
  cpSync(fromRoot("legal"), path.join(dir, "legal"), { recursive: true });
  cpSync(fromRoot("clauses"), path.join(dir, "clauses-v1"), { recursive: true });
  cpSync(fromRoot("clauses"), path.join(dir, "clauses-v2"), { recursive: true });
  const staging = (root: string): string => path.join(dir, root, "property-use", "staging-ban.yaml");
  const edit = (root: string): void => writeFileSync(staging(root), readFileSync(staging(root), "utf8").replace("report the request to the head", "report the request in writing to the head"));
  edit("clauses-v2");
  const example = readFileSync(fromRoot("examples/alameda-bay-ca-ordinance.yaml"), "utf8");
  writeFileSync(path.join(dir, "my-city.yaml"), example);
  writeFileSync(path.join(dir, "old.yaml"), example);
  writeFileSync(path.join(dir, "new.yaml"), example.replace("Councilmember Ana Ruiz", "Councilmember Lee Park"));
  writeFileSync(path.join(dir, "shared.yaml"), example);
  const partial = example.replace(/^ {2}legislative_body: .*\n/m, "");
  assert.notEqual(partial, example);
  writeFileSync(path.join(dir, "partial.yaml"), partial);
  // A signed order as a PDF with a text layer (README's check example).
  const lines = ["EXECUTIVE ORDER NO. 2026-3", "Section 1. Staging areas.", "No City department shall permit any non-public area of City property to be used as a", "staging area by any law enforcement agency.", "Section 2. Severability.", "If any provision of this Order is held invalid, the remainder is not affected."];
  writeFileSync(path.join(dir, "signed-order.pdf"), buildPdf([{ texts: lines.map((text, i) => ({ text, x: 72, y: 720 - i * 20 })) }]));
  const batch = readFileSync(fromRoot("docs/batch.md"), "utf8");
  writeFileSync(path.join(dir, "cities.csv"), `${/```csv\n([\s\S]*?)```/.exec(batch)![1]!}`);
  writeFileSync(path.join(dir, "cities.yaml"), `${/### YAML[\s\S]*?```yaml\n([\s\S]*?)```/.exec(batch)![1]!}`);
  const setup = [
    "set -e",
    "git init -q -b main . && git add -A && git commit -qm v1.0 && git tag v1.0",
    `cp clauses-v2/property-use/staging-ban.yaml clauses/property-use/staging-ban.yaml && git commit -qam v1.1 && git tag v1.1 && git checkout -q -- . && git show v1.0:clauses/property-use/staging-ban.yaml > clauses/property-use/staging-ban.yaml && git commit -qam back`,
    'ordkit init acme-library --title "Acme Advocates" 2>/dev/null',
    `mkdir city-edits && printf 'layer_version: 1\\nname: city-edits\\nversion: "0.1.0"\\nextends: ordkit\\n' > city-edits/ordkit.yaml`,
    "ordkit init lib 2>/dev/null",
    "ordkit draft -a examples/cedar-sound-wa-executive-order.yaml -o their-draft.docx 2>/dev/null",
    "cp their-draft.docx council-draft.docx",
    "ordkit draft -a examples/cascade-county-wa-resolution.yaml --format md > their-draft.md",
    "mkdir -p node_modules && ln -s " + JSON.stringify(fromRoot()) + " node_modules/ordkit",
    "git add -A && git commit -qm workspace",
  ].join("\n");
  const r = sh(dir, setup, env);
  assert.equal(r.status, 0, r.stderr);
  return { dir, env };
}

test("every ordkit command in README.md and docs/*.md runs as shown", () => {
  const shown = shownCommands();
  assert.ok(shown.length >= 15, `found the commands: ${shown.length}`);
  for (const doc of ["README.md", "docs/diff.md", "docs/batch.md", "docs/check.md", "docs/customizing.md", "docs/interview.md"]) {
    assert.ok(shown.some((s) => s.doc === doc) || doc === "docs/check.md", `commands found in ${doc}`);
  }
  const { dir, env } = workspace();
  const before = new Set(readdirSync(dir));
  const failures: string[] = [];
  for (const s of shown) {
    // init makes its directory: run it where that directory does not exist yet.
    const cwd = /^ordkit init /.test(s.command) ? tempDir() : s.command.includes("../node_modules/ordkit") ? path.join(dir, "acme-library") : dir;
    const r = sh(cwd, s.command, env);
    const fails = FAILS[s.command];
    const ok = fails ? r.status === 2 && fails.test(r.stderr) : r.status === 0 || r.status === 1;
    if (!ok) failures.push(`${s.doc}:${s.line}: ${s.command}\n  exit ${r.status}: ${(r.stderr || r.stdout).split("\n").slice(0, 4).join("\n  ")}`);
    if (r.stderr.includes("\n    at ")) failures.push(`${s.doc}:${s.line}: ${s.command}: a stack trace`);
    // Outputs go, so each command starts from the same workspace (and none refuses to overwrite another's file).
    for (const name of readdirSync(dir)) if (!before.has(name)) rmSync(path.join(dir, name), { recursive: true, force: true });
  }
  assert.deepEqual(failures, [], failures.join("\n"));
});

test("docs/customizing.md: the validate output it shows is what validate prints (the clause count aside)", () => {
  const doc = readFileSync(fromRoot("docs/customizing.md"), "utf8");
  const blocks = [...doc.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => m[1]!);
  const shown = /you would see:\n\n```text\n([\s\S]*?)```/.exec(doc)?.[1];
  assert.ok(shown, "the sample output block");
  const { dir, env } = workspace();
  const work = path.join(dir, "tutorial");
  mkdirSync(work);
  // The tutorial up to its clause, then the mistake the page describes.
  const script = `set -e\n${blocks[0]}\n${blocks[1]}\nsed -i 's/{{words sessions}} public sessions/{{hotline}} public sessions/' clauses/community-information/information-sessions.yaml\nordkit validate || true`;
  const r = sh(work, script, env);
  const printed = r.stdout.slice(r.stdout.lastIndexOf("ordkit-default"));
  // The count of clauses grows with ordkit's library; everything else must match.
  const norm = (s: string): string => s.replace(/: \d+ clauses,/, ": N clauses,").trimEnd();
  assert.equal(norm(printed), norm(shown), r.stderr);
});
