// Where ordkit's own data lives. Compiled code sits in dist/src/core, so the
// package root is three levels up from here; the bundled CLI (dist/bundle,
// scripts/build.mjs) defines how far up it sits instead.
import path from "node:path";
import { fileURLToPath } from "node:url";

declare const ORDKIT_ROOT_FROM_HERE: string | undefined;
const UP = typeof ORDKIT_ROOT_FROM_HERE === "string" ? ORDKIT_ROOT_FROM_HERE : "../../..";

export const PACKAGE_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), UP);
export const DEFAULT_LIBRARY_DIR = path.join(PACKAGE_ROOT, "clauses");
export const DEFAULT_TEMPLATES_DIR = path.join(PACKAGE_ROOT, "templates");
export const SCHEMA_DIR = path.join(PACKAGE_ROOT, "schema");
export const LEGAL_DIR = path.join(PACKAGE_ROOT, "legal");

/** A path as shown to users: relative to the working directory when inside it. */
export function displayPath(file: string): string {
  const rel = path.relative(process.cwd(), file);
  return rel && !rel.startsWith("..") && !path.isAbsolute(rel) ? rel : file;
}
