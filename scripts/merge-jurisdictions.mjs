#!/usr/bin/env node
// Replaces entries of legal/jurisdictions.yaml with researched entries of the
// same postal code from other YAML files in the same format (one `- code: XX`
// list item each), keeping every other entry, the file's order and each
// entry's text as written. Check the result with `npm run gen:legal`.
//
//   node scripts/merge-jurisdictions.mjs researched.yaml [more.yaml ...]
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const target = path.join(root, "legal", "jurisdictions.yaml");

/** Splits a YAML list of entries into the text before the first entry and one block per `- code:` item. */
export function entryBlocks(text) {
  const parts = text.split(/^(?=- code: )/m);
  const head = /^- code: /.test(parts[0] ?? "") ? "" : parts.shift();
  return { head, blocks: parts.map((b) => ({ code: /^- code: *"?([A-Z]{2})"?/.exec(b)?.[1] ?? null, text: `${b.trimEnd()}\n` })) };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const files = process.argv.slice(2);
  if (!files.length) {
    process.stderr.write("usage: node scripts/merge-jurisdictions.mjs FILE.yaml [...]\n");
    process.exit(2);
  }
  const incoming = new Map();
  for (const f of files) {
    for (const b of entryBlocks(readFileSync(f, "utf8")).blocks) {
      if (!b.code) {
        process.stderr.write(`${f}: an entry without a two-letter code was skipped\n`);
        continue;
      }
      incoming.set(b.code, b.text);
    }
  }
  const { head, blocks } = entryBlocks(readFileSync(target, "utf8"));
  const replaced = [];
  const out = blocks.map((b) => {
    if (b.code && incoming.has(b.code)) {
      replaced.push(b.code);
      const t = incoming.get(b.code);
      incoming.delete(b.code);
      return t;
    }
    return b.text;
  });
  for (const [code, text] of incoming) {
    replaced.push(code);
    out.push(text);
  }
  writeFileSync(target, head.trimEnd() + "\n\n" + out.join("\n"));
  process.stderr.write(`merged ${replaced.length} entries: ${replaced.join(" ")}\n`);
}
