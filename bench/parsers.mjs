// Do the fast YAML reader and the Handlebars fast path still earn their keep
// now that parsed files are cached? Times, in fresh processes, the work of
// `ordkit validate` on the 1,000-clause library and of `ordkit draft` of the
// largest example, with the parse cache cold (ORDKIT_NO_CACHE) and warm, each
// with both fast paths, with the yaml package only and with Handlebars only
// (ORDKIT_REFERENCE_PARSERS). The time is taken inside the process, around
// the work itself, so process start-up noise stays out of the ratios.
//
//   node bench/parsers.mjs LIBRARY ANSWERS [RUNS]     prints the table (after npm run build)
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { median } from "./measure.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const self = fileURLToPath(import.meta.url);

/** In the child: one timed piece of work, printed in ms. */
async function child(what, library, answers) {
  const url = (p) => pathToFileURL(path.join(root, "dist", "src", p)).href;
  if (what === "validate") {
    const { validateLibrary } = await import(url("core/validate.js"));
    const t = process.hrtime.bigint();
    validateLibrary([library]);
    return Number(process.hrtime.bigint() - t) / 1e6;
  }
  const { buildDraft } = await import(url("core/pipeline.js"));
  const t = process.hrtime.bigint();
  buildDraft({ answersFile: answers, libraryDir: [] });
  return Number(process.hrtime.bigint() - t) / 1e6;
}

const CONFIGS = [
  ["warm cache, both fast paths", { cache: "warm" }],
  ["warm cache, yaml package only", { cache: "warm", reference: "yaml" }],
  ["warm cache, Handlebars only", { cache: "warm", reference: "handlebars" }],
  ["cold cache, both fast paths", { cache: "cold" }],
  ["cold cache, yaml package only", { cache: "cold", reference: "yaml" }],
  ["cold cache, Handlebars only", { cache: "cold", reference: "handlebars" }],
];

/** { validate: { config: ms }, draft: { config: ms } }, medians of `runs` interleaved runs after a warm-up. */
export function benchParsers({ library, answers, runs = 7 }) {
  const cacheDir = mkdtempSync(path.join(os.tmpdir(), "ordkit-bench-cache-"));
  try {
    const out = {};
    for (const what of ["validate", "draft"]) {
      const run = ([, c]) => {
        const env = { ...process.env, ORDKIT_CACHE_DIR: cacheDir, ORDKIT_REFERENCE_PARSERS: c.reference ?? "" };
        if (c.cache === "cold") env.ORDKIT_NO_CACHE = "1";
        else delete env.ORDKIT_NO_CACHE;
        const r = spawnSync(process.execPath, [self, "--child", what, library, answers], { env, encoding: "utf8" });
        const ms = Number(r.stdout.trim());
        if (r.status !== 0 || !Number.isFinite(ms)) throw new Error(`${what}: ${r.stderr.slice(0, 500)}`);
        return ms;
      };
      for (const c of CONFIGS) run(c); // warm-up; fills the cache
      const times = new Map(CONFIGS.map(([name]) => [name, []]));
      for (let i = 0; i < runs; i++) for (const c of CONFIGS) times.get(c[0]).push(run(c));
      out[what] = Object.fromEntries([...times].map(([name, xs]) => [name, median(xs)]));
    }
    return out;
  } finally {
    rmSync(cacheDir, { recursive: true, force: true });
  }
}

/** The table docs/performance.md shows: each configuration as a ratio to the warm cache with both fast paths. */
export function formatParsers(result) {
  const lines = ["| work | configuration | median | ratio |", "|---|---|---|---|"];
  for (const [what, byConfig] of Object.entries(result)) {
    const base = byConfig[CONFIGS[0][0]];
    for (const [name, ms] of Object.entries(byConfig)) lines.push(`| ${what} | ${name} | ${ms.toFixed(0)} ms | ${(ms / base).toFixed(2)}x |`);
  }
  return lines.join("\n");
}

if (process.argv[2] === "--child") {
  process.stdout.write(`${await child(process.argv[3], process.argv[4], process.argv[5])}\n`);
} else if (process.argv[1] === self) {
  const [library, answers, runs] = process.argv.slice(2);
  if (!library || !answers) {
    console.error("usage: node bench/parsers.mjs LIBRARY ANSWERS [RUNS]");
    process.exit(2);
  }
  console.log(formatParsers(benchParsers({ library: path.resolve(library), answers: path.resolve(answers), runs: Number(runs ?? 7) })));
}
