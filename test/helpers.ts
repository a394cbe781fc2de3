import "./setup.js";
import { fileURLToPath } from "node:url";
import { readdirSync, statSync } from "node:fs";
import path from "node:path";

/** The repository root (tests run from dist/test/...). */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

export function fromRoot(...parts: string[]): string {
  return path.join(repoRoot, ...parts);
}

/** Every .yaml/.yml file below dir, sorted. */
export function yamlFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) out.push(...yamlFiles(full));
    else if (/\.ya?ml$/.test(name)) out.push(full);
  }
  return out;
}
