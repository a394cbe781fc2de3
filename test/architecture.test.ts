// The layers of docs/architecture.md, enforced: a file imports only its own layer or layers below it,
// and a command imports another command's module only within its own family (`draft` with
// `draft-run`, `draft-batch`, ...) or the shared flag and colour helpers.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import os from "node:os";
import { PACKAGE_ROOT } from "../src/core/paths.js";

/** Bottom first; a path belongs to the layer of its longest matching prefix. */
export const LAYERS: ReadonlyArray<{ name: string; paths: string[] }> = [
  { name: "base", paths: ["core/errors.ts", "core/paths.ts", "core/io/", "core/draft.ts", "core/amendment.ts", "core/text/", "core/cache/", "core/reference-parsers.ts"] },
  { name: "shared", paths: ["core/shared/"] },
  { name: "legal", paths: ["core/legal/"] },
  { name: "library", paths: ["core/library/"] },
  { name: "interview", paths: ["core/interview/"] },
  { name: "assemble", paths: ["core/assemble/"] },
  { name: "read", paths: ["core/risk/", "core/parse/", "core/answer-hints.ts"] },
  { name: "compare", paths: ["core/diff/", "core/amend/"] },
  { name: "pipeline", paths: ["core/pipeline.ts", "core/validate.ts", "core/diff-inputs.ts"] },
  { name: "batch", paths: ["core/batch/"] },
  { name: "output", paths: ["writers/", "reporters/"] },
  { name: "commands", paths: ["commands/"] },
  { name: "cli", paths: ["cli.ts"] },
];

/** Upward edges not yet removed, as "from -> to" (paths under src/). The list may only shrink. */
const KNOWN: readonly string[] = [];

/** Command modules any command may use (flags, colour, interrupt handling). */
const COMMAND_HELPERS = new Set(["library-flags.ts", "color.ts", "interrupt.ts"]);

export function layerOf(rel: string): number {
  let best = -1;
  let bestLen = -1;
  LAYERS.forEach((layer, i) => {
    for (const p of layer.paths) {
      const hit = p.endsWith("/") ? rel.startsWith(p) : rel === p;
      if (hit && p.length > bestLen) [best, bestLen] = [i, p.length];
    }
  });
  return best;
}

const family = (file: string): string => path.basename(file, ".ts").split("-")[0]!;

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sourceFiles(p) : p.endsWith(".ts") ? [p] : [];
  });
}

export interface Edge { file: string; line: number; from: string; to: string; why: string }

/** Every import (static, type-only, re-export or dynamic) from one src file to another that breaks the rule. */
export function violations(srcDir: string): Edge[] {
  const out: Edge[] = [];
  const spec = /\b(?:from|import)\s*\(?\s*["'](\.{1,2}\/[^"']+)["']/g;
  for (const abs of sourceFiles(srcDir)) {
    const from = path.relative(srcDir, abs).split(path.sep).join("/");
    const text = fs.readFileSync(abs, "utf8");
    for (const m of text.matchAll(spec)) {
      const to = path.relative(srcDir, path.resolve(path.dirname(abs), m[1]!)).split(path.sep).join("/").replace(/\.js$/, ".ts");
      const line = text.slice(0, m.index).split("\n").length;
      const [a, b] = [layerOf(from), layerOf(to)];
      let why = "";
      if (a < 0) why = `${from} is in no layer`;
      else if (b < 0) why = `${to} is in no layer`;
      else if (b > a) why = `${LAYERS[a]!.name} imports ${LAYERS[b]!.name}, a layer above it`;
      else if (a === b && LAYERS[a]!.name === "commands" && !COMMAND_HELPERS.has(path.basename(to)) && family(from) !== family(to))
        why = `command ${family(from)} borrows from command ${family(to)}`;
      if (why) out.push({ file: from, line, from, to, why });
    }
  }
  return out;
}

test("every import in src/ points to its own layer or one below it", () => {
  const found = violations(path.join(PACKAGE_ROOT, "src"));
  const fresh = found.filter((e) => !KNOWN.includes(`${e.from} -> ${e.to}`));
  assert.deepEqual(fresh.map((e) => `src/${e.file}:${e.line}: ${e.from} -> ${e.to} (${e.why})`), []);
  const gone = KNOWN.filter((k) => !found.some((e) => `${e.from} -> ${e.to}` === k));
  assert.deepEqual(gone, [], "edges removed from the code must leave the KNOWN list too");
});

test("the layer check sees an upward import, a dynamic one and a borrowed command", (t) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ordkit-arch-"));
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  const write = (rel: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
  };
  write("core/library/load.ts", `import { x } from "../assemble/a.js";\n`);
  write("core/assemble/a.ts", `import type { L } from "../library/load.js";\nexport const x = 1;\n`);
  write("core/legal/index.ts", `\nconst m = await import("../interview/q.js");\n`);
  write("core/interview/q.ts", ``);
  write("commands/init-run.ts", `import { w } from "./schema-run.js";\nimport { f } from "./library-flags.js";\nimport { i } from "./init.js";\n`);
  write("commands/schema-run.ts", ``);
  write("commands/library-flags.ts", ``);
  write("commands/init.ts", ``);
  const got = violations(dir).map((e) => `${e.file}:${e.line} ${e.to}`).sort();
  assert.deepEqual(got, ["commands/init-run.ts:1 commands/schema-run.ts", "core/legal/index.ts:2 core/interview/q.ts", "core/library/load.ts:1 core/assemble/a.ts"]);
});
