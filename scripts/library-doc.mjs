// Writes docs/library.md, the catalog of the default clause library, from
// clauses/. Run with `npm run docs:library` (it builds dist/ first).
//   --check          exit 1 if the file differs from the library, write nothing
//   --library DIR    another clause library (default: clauses/)
//   --out FILE       another output file (default: docs/library.md)
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const dist = (p) => import(path.join(root, "dist", "src", "core", p));

let args;
try {
  args = parseArgs({ options: { check: { type: "boolean" }, library: { type: "string" }, out: { type: "string" } } }).values;
} catch (err) {
  process.stderr.write(`library-doc: ${err.message}\n`);
  process.exit(2);
}
const libraryDir = path.resolve(args.library ?? path.join(root, "clauses"));
const out = path.resolve(args.out ?? path.join(root, "docs", "library.md"));
const shown = path.relative(process.cwd(), out) || out;

const [{ loadLibrary }, { libraryCatalog }, { writeAtomic }, { UserError, formatProblem }] = await Promise.all([
  dist("library/load.js"),
  dist("library/catalog.js"),
  dist("io/output.js"),
  dist("errors.js"),
]);

try {
  const text = libraryCatalog(loadLibrary(libraryDir));
  const current = existsSync(out) ? readFileSync(out, "utf8") : null;
  if (current === text) {
    process.stdout.write(`${shown} is up to date\n`);
  } else if (args.check) {
    process.stderr.write(`${shown} ${current === null ? "is missing" : "differs from the clause library"}; run npm run docs:library\n`);
    process.exit(1);
  } else {
    writeAtomic(out, text, { force: true });
    process.stdout.write(`wrote ${shown}\n`);
  }
} catch (err) {
  if (!(err instanceof UserError)) throw err;
  process.stderr.write(`library-doc: error: ${err.problems.map(formatProblem).join("\n")}\n`);
  process.exit(2);
}
