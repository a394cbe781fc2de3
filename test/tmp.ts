// Throw-away directories for tests.
import { mkdtempSync, rmSync, mkdirSync, writeFileSync, cpSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after } from "node:test";

const made: string[] = [];
after(() => {
  for (const d of made) rmSync(d, { recursive: true, force: true });
});

export function tempDir(prefix = "ordkit-test-"): string {
  const d = mkdtempSync(path.join(tmpdir(), prefix));
  made.push(d);
  return d;
}

/** Writes files (path -> content) under a new temp dir and returns it. */
export function tempTree(files: Record<string, string>, base?: string): string {
  const root = base ?? tempDir();
  for (const [rel, content] of Object.entries(files)) {
    const full = path.join(root, rel);
    mkdirSync(path.dirname(full), { recursive: true });
    writeFileSync(full, content);
  }
  return root;
}

export function copyDir(from: string): string {
  const d = tempDir();
  cpSync(from, d, { recursive: true });
  return d;
}
