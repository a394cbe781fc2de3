#!/usr/bin/env node
// The build: TypeScript to dist/, then the CLI bundled with esbuild into
// dist/bundle/ (ESM, one chunk per lazily loaded part), which bin/ordkit.js
// runs. Loading a few bundled chunks instead of some four hundred modules,
// with docx's unused parts left out, is a good part of a cold start.
//
// In a checkout, bin/ordkit.js uses the bundle only while dist/.tsbuildinfo is
// the one it was built from: after a plain `tsc -p .` it runs dist/src/cli.js,
// so a stale bundle never runs. The published package holds the bundle alone
// (no dist/src, no .tsbuildinfo), with every dependency but PDF.js inside it. Without
// esbuild the bundle is skipped and the unbundled build runs.
import { spawnSync } from "node:child_process";
import { rmSync, statSync, writeFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(import.meta.url);
const outdir = path.join(root, "dist", "bundle");

const tsc = spawnSync(process.execPath, [require.resolve("typescript/bin/tsc"), "-p", path.join(root, "tsconfig.json")], { stdio: "inherit" });
if (tsc.status !== 0) process.exit(tsc.status ?? 1);

let esbuild;
try {
  esbuild = await import("esbuild");
} catch {
  process.stderr.write("build: esbuild is not installed; bin/ordkit.js will run the unbundled dist/src/cli.js\n");
  rmSync(outdir, { recursive: true, force: true });
  process.exit(0);
}

/**
 * handlebars requires source-map (when it can) only to map compiled templates
 * back to their source, which ordkit never asks for; without it handlebars
 * uses its own minimal code builder. Leave it out of the bundle and the run.
 */
const withoutSourceMap = {
  name: "without-source-map",
  setup(build) {
    build.onResolve({ filter: /^source-map$/ }, () => ({ path: "source-map", namespace: "empty" }));
    build.onLoad({ filter: /.*/, namespace: "empty" }, () => ({ contents: "module.exports = {};", loader: "js" }));
  },
};

/**
 * yaml, ajv, saxes and csv-parse are loaded synchronously, on first use, with
 * createRequire(import.meta.url)("yaml"), which esbuild leaves alone: point
 * those calls at CommonJS copies of the packages in dist/bundle/vendor, so
 * the bundle needs nothing from node_modules but PDF.js (left external below).
 */
const VENDORED = ["yaml", "ajv", "saxes", "csv-parse/sync"];
const vendored = {
  name: "vendored-requires",
  setup(build) {
    build.onLoad({ filter: /[\\/]dist[\\/]src[\\/].*\.js$/ }, async (args) => {
      let text = await readFile(args.path, "utf8");
      for (const name of VENDORED) text = text.replaceAll(`createRequire(import.meta.url)("${name}")`, `createRequire(import.meta.url)("./vendor/${name}.cjs")`);
      return { contents: text, loader: "js" };
    });
  },
};

rmSync(outdir, { recursive: true, force: true });
await esbuild.build({
  entryPoints: Object.fromEntries(VENDORED.map((name) => [name, require.resolve(name)])),
  outdir: path.join(outdir, "vendor"),
  outExtension: { ".js": ".cjs" },
  bundle: true,
  format: "cjs",
  platform: "node",
  target: "node20",
  minifyWhitespace: true,
  minifySyntax: true,
  legalComments: "none",
  logLevel: "warning",
});
const result = await esbuild.build({
  // The batch worker is a thread's own entry: new URL("./draft-batch-worker.js", import.meta.url) finds it beside the chunks.
  entryPoints: { cli: path.join(root, "dist", "src", "cli.js"), "draft-batch-worker": path.join(root, "dist", "src", "commands", "draft-batch-worker.js"), "pdf-worker": path.join(root, "dist", "src", "core", "parse", "pdf-worker.js") },
  // PDF.js loads its own worker module at run time and is large: it stays a package import.
  external: ["pdfjs-dist", "pdfjs-dist/*"],
  outdir,
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  // Whitespace and syntax only: stack traces (--debug) keep readable names.
  minifyWhitespace: true,
  minifySyntax: true,
  legalComments: "none",
  metafile: true,
  logLevel: "warning",
  chunkNames: "chunk-[hash]",
  define: { ORDKIT_ROOT_FROM_HERE: JSON.stringify("../..") },
  plugins: [withoutSourceMap, vendored],
  // Bundled CommonJS packages (handlebars, commander ...) require Node's built-ins.
  banner: { js: 'import { createRequire as __ordkitRequire } from "node:module"; const require = __ordkitRequire(import.meta.url);' },
});

// Which packages each chunk holds: the test import trace reads it.
const chunks = {};
for (const [file, out] of Object.entries(result.metafile.outputs)) {
  const pkgs = new Set();
  for (const input of Object.keys(out.inputs)) {
    const m = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input);
    if (m) pkgs.add(m[1]);
  }
  chunks[path.relative(outdir, path.resolve(root, file)).split(path.sep).join("/")] = [...pkgs].sort();
}
const info = statSync(path.join(root, "dist", ".tsbuildinfo"));
writeFileSync(path.join(outdir, "manifest.json"), `${JSON.stringify({ builtFrom: { mtimeMs: info.mtimeMs, size: info.size }, chunks }, null, 2)}\n`);
