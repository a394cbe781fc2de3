#!/usr/bin/env node
// Entry point: the compiled CLI lives in dist/ (built by `npm install`).
import("../dist/src/cli.js").then(
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
