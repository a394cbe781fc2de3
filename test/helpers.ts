import { fileURLToPath } from "node:url";
import path from "node:path";

/** The repository root (tests run from dist/test/...). */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

export function fromRoot(...parts: string[]): string {
  return path.join(repoRoot, ...parts);
}
