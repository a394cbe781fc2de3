#!/usr/bin/env node
// Entry point: the compiled CLI lives in dist/ (built by `npm install`). The
// bundled CLI (dist/bundle) starts faster; it is used only while it was built
// from the current TypeScript output, else dist/src/cli.js runs.
import { readFileSync, statSync } from "node:fs";

function entry() {
  try {
    const manifest = JSON.parse(readFileSync(new URL("../dist/bundle/manifest.json", import.meta.url), "utf8"));
    const info = statSync(new URL("../dist/.tsbuildinfo", import.meta.url));
    if (manifest.builtFrom.mtimeMs === info.mtimeMs && manifest.builtFrom.size === info.size) return "../dist/bundle/cli.js";
  } catch {
    // no bundle: run the unbundled build
  }
  return "../dist/src/cli.js";
}

import(entry()).then(
  async (cli) => {
    process.exitCode = await cli.main(process.argv);
  },
  (err) => {
    if (err && err.code === "ERR_MODULE_NOT_FOUND") {
      process.stderr.write("ordkit: error: ordkit is not built yet\n  hint: run `npm install` (or `npm run build`) in the ordkit directory\n");
    } else {
      process.stderr.write(`ordkit: internal error: ${err && err.message}\n`);
    }
    process.exitCode = 2;
  },
);
