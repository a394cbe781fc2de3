// The bodies of `ordkit clauses list` and `ordkit clauses show`.
import { UserError } from "../core/errors.js";
import { resolveFormat } from "../writers/formats.js";
import { checkOutput, writeAtomic } from "../core/io/output.js";
import { displayPath } from "../core/paths.js";
import type { Library } from "../core/library/types.js";
import { loadLibrary } from "../core/library/load.js";
import { clauseRows, disabledRows, table } from "../core/library/listing.js";
import { librarySpec } from "./library-flags.js";
import type { ClausesFlags } from "./clauses.js";

export async function runClausesList(flags: ClausesFlags): Promise<void> {
  resolveFormat("clauses", flags, "text");
  if (flags.out) checkOutput(flags.out, { force: flags.force ?? false });
  const lib = loadLibrary(librarySpec(flags));
  const text = await listing(lib, resolveFormat("clauses", flags, "text").name);
  if (flags.out) {
    writeAtomic(flags.out, text, { force: flags.force ?? false });
    process.stderr.write(`wrote ${displayPath(flags.out)}\n`);
  } else {
    process.stdout.write(text);
  }
}

async function listing(lib: Library, format: string): Promise<string> {
  if (format === "md") return (await import("../core/library/catalog.js")).libraryCatalog(lib);
  const rows = clauseRows(lib);
  const disabled = disabledRows(lib);
  if (format === "json") {
    const layers = lib.layers.map((l) => ({ name: l.name, version: l.version, kind: l.kind }));
    return `${JSON.stringify({ layers, clauses: rows, disabled }, null, 2)}\n`;
  }
  const body = table(
    ["ID", "VERSION", "KIND", "INSTRUMENTS", "LAYER"],
    rows.map((r) => [r.id, r.version, r.kind, r.instruments.map(short).join(","), r.overrides ? `${r.layer} (overrides ${r.overrides})` : r.layer]),
  );
  const off = disabled.length ? `\nDisabled:\n${disabled.map((d) => `  ${d.id} (by ${d.by})`).join("\n")}\n` : "";
  const layers = lib.layers.map((l) => `${l.name} ${l.version}`).join(" < ");
  return `${layers}: ${rows.length} clauses\n\n${body}${off}`;
}

export async function runClausesShow(id: string, flags: ClausesFlags): Promise<void> {
  const lib = loadLibrary(librarySpec(flags));
  const clause = lib.clauses.get(id);
  if (!clause) {
    const by = lib.disabled.get(id);
    const near = [...lib.clauses.keys()].filter((k) => k.includes(id) || id.includes(k.split("/")[1] ?? "\0")).slice(0, 5);
    throw new UserError(
      { message: by ? `clause "${id}" is disabled by layer ${by}` : `no clause "${id}"`, hint: near.length ? `did you mean ${near.join(", ")}?` : "run ordkit clauses list to see the ids" },
      "usage",
    );
  }
  const over = clause.overrides ? ` (overrides ${clause.overrides.layer} ${clause.overrides.version}, ${clause.overrides.file})` : "";
  const head = `# ${clause.id} ${clause.version} from layer ${clause.layer}: ${clause.source.file}${over}\n`;
  const text = clause.source.text.endsWith("\n") ? clause.source.text : `${clause.source.text}\n`;
  process.stdout.write(head + text);
}

function short(instrument: string): string {
  return instrument === "executive-order" ? "order" : instrument === "ordinance" ? "ord" : "res";
}
