// Imported by test/helpers.ts, which every test file loads (directly or
// through run-cli.ts and the hostile harness): the parse cache goes to a fresh
// temporary directory, never the cache of the user running the tests, and is
// removed afterwards. Child processes and worker threads inherit it.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

if (!process.env.ORDKIT_CACHE_DIR) {
  const dir = mkdtempSync(path.join(tmpdir(), "ordkit-test-cache-"));
  process.env.ORDKIT_CACHE_DIR = dir;
  process.once("exit", () => rmSync(dir, { recursive: true, force: true }));
}
