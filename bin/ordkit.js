#!/usr/bin/env node
// Entry point. The published package holds the bundled CLI (dist/bundle), with
// every dependency but PDF.js inside it, and runs it. In a checkout (`npm run build`) the
// bundle is used only while it was built from the current TypeScript output
// (dist/.tsbuildinfo), else dist/src/cli.js runs, so a stale bundle never runs.
import { readFileSync, statSync } from "node:fs";

function entry() {
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(new URL("../dist/bundle/manifest.json", import.meta.url), "utf8"));
  } catch {
    return "../dist/src/cli.js"; // no bundle: run the unbundled build
  }
  let info;
  try {
    info = statSync(new URL("../dist/.tsbuildinfo", import.meta.url));
  } catch {
    return "../dist/bundle/cli.js"; // an installed package: the bundle is all there is
  }
  return manifest.builtFrom.mtimeMs === info.mtimeMs && manifest.builtFrom.size === info.size ? "../dist/bundle/cli.js" : "../dist/src/cli.js";
}

import(entry()).then(
  async (cli) => {
    process.exitCode = await cli.main(process.argv);
  },
  (err) => {
    if (err && err.code === "ERR_MODULE_NOT_FOUND") {
      process.stderr.write("ordkit: error: ordkit is not built yet\n  hint: run `npm run build` in the ordkit directory\n");
    } else {
      process.stderr.write(`ordkit: internal error: ${err && err.message}\n`);
    }
    process.exitCode = 2;
  },
);
