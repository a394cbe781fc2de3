// Reading a batch file: one row per jurisdiction, from CSV (a header row of
// answers paths) or YAML (a list of mappings). Every value keeps the position
// it came from, so a row's problems name the batch file's line and column.
import { readInputBytes } from "../io/read-input.js";
import { UserError, type Problem } from "../errors.js";
import { YamlSource } from "../shared/yaml-source.js";
import type { InterviewDefinition } from "../interview/definition.js";
import type { Library } from "../shared/library-types.js";
import { isBlank, parseCsv, type CsvField } from "./csv.js";
import { cellValue, columnProblem, columnType } from "./columns.js";

export interface SourcePos {
  file: string;
  line: number;
  col: number;
  snippet: string;
}

/** One answer a row gives: its path, its value, where the value and its key (column) are. */
export interface RowValue {
  path: string[];
  value: unknown;
  at: SourcePos;
  keyAt: SourcePos;
  /** Where each item of a list value is (YAML rows), so a bad item is shown, not the whole list. */
  itemsAt?: SourcePos[];
}

export interface BatchRow {
  /** 1-based position among the rows. */
  index: number;
  /** Where the row starts in the batch file. */
  at: SourcePos;
  values: RowValue[];
  /** Where the row's mappings are (YAML rows): a problem with a mapping's key (unknown key) is shown there. */
  maps?: Array<{ path: string[]; at: SourcePos; keyAt: SourcePos }>;
  /** A problem with the row as a whole (it is reported, and the row is not drafted). */
  problem?: Problem;
}

export interface BatchFile {
  file: string;
  kind: "csv" | "yaml";
  rows: BatchRow[];
}

/** CSV files may be larger than YAML ones; this is still far beyond any campaign. */
const MAX_CSV_BYTES = 32 * 1024 * 1024;

export function batchKind(file: string): "csv" | "yaml" | null {
  const lower = file.toLowerCase();
  if (lower.endsWith(".csv")) return "csv";
  if (lower.endsWith(".yaml") || lower.endsWith(".yml")) return "yaml";
  return null;
}

/** Reads and checks the batch file as a whole; throws a UserError when it cannot be used at all. */
export function readBatchFile(file: string, shown: string, lib: Library, def: InterviewDefinition): BatchFile {
  const kind = batchKind(file);
  if (!kind) throw new UserError({ message: "cannot tell what kind of batch file this is", file: shown, hint: "a batch file is CSV (.csv, a header row of answers paths) or YAML (.yaml, a list of mappings); see docs/batch.md" }, "usage");
  const rows = kind === "csv" ? csvRows(readBytes(file, shown), shown, lib, def) : yamlRows(YamlSource.read(file, shown));
  if (rows.length === 0) {
    throw new UserError({ message: "the batch file has no rows", file: shown, line: 1, col: 1, hint: kind === "csv" ? "add one line per jurisdiction under the header row" : "list one mapping per jurisdiction, e.g.\n    - jurisdiction.name: City of Alameda Bay\n      jurisdiction.state: CA" });
  }
  return { file: shown, kind, rows };
}

function readBytes(file: string, shown: string): Buffer {
  const bytes = readInputBytes(file, shown, MAX_CSV_BYTES, { message: "the batch file is too large (over 32 MB)", hint: "split it into several batch files" });
  if (bytes.includes(0)) throw new UserError({ message: "file is binary, not CSV text", file: shown, hint: "save the sheet as CSV (UTF-8)" });
  return bytes;
}

function csvRows(bytes: Uint8Array, file: string, lib: Library, def: InterviewDefinition): BatchRow[] {
  const table = parseCsv(bytes, file);
  const records = table.records.filter((r) => !isBlank(r));
  const header = records.shift();
  if (!header) return [];
  // One snippet string per line, shared by its cells (a batch of 20,000 rows would otherwise hold one per cell).
  let snippetLine = -1;
  let snippet = "";
  const lineText = (line: number): string => (line === snippetLine ? snippet : ((snippetLine = line), (snippet = table.lineText(line))));
  const pos = (f: Pick<CsvField, "line" | "col">): SourcePos => ({ file, line: f.line, col: f.col, snippet: lineText(f.line) });

  // The header as a whole: every column a known answers path, each once.
  const problems: Problem[] = [];
  const columns = header.fields.map((f) => ({ field: f, name: f.value.trim(), path: f.value.trim().split(".") }));
  const seen = new Map<string, CsvField>();
  for (const c of columns) {
    const why = c.name === "" ? { message: "a column has no name", hint: "name every column with an answers path, e.g. jurisdiction.name" } : columnProblem(c.path, lib);
    if (why) problems.push({ ...pos(c.field), ...why });
    const first = seen.get(c.name);
    if (first && c.name !== "") problems.push({ ...pos(c.field), message: `column "${c.name}" appears twice (first at column ${first.col})`, hint: "keep one of them" });
    seen.set(c.name, c.field);
  }
  if (problems.length > 0) throw new UserError(problems);
  const types = columns.map((c) => columnType(c.path, lib, def));
  const keyAts = columns.map((c) => pos(c.field));

  return records.map((r, i) => {
    const row: BatchRow = { index: i + 1, at: pos(r.fields[0]!), values: [] };
    if (r.fields.length !== columns.length) {
      const extra = r.fields[columns.length];
      const last = r.fields[r.fields.length - 1]!;
      row.problem = {
        ...(extra ? pos(extra) : pos({ line: last.line, col: last.col + last.value.length + (last.quoted ? 2 : 0) })),
        message: `the row has ${r.fields.length} value(s) but the header has ${columns.length} column(s)`,
        hint: "each line needs one value per column (an empty value keeps the shared answer); quote values that contain commas",
      };
      return row;
    }
    r.fields.forEach((f, k) => {
      const value = cellValue(f.value, f.quoted, types[k]!);
      if (value !== undefined) row.values.push({ path: columns[k]!.path, value, at: pos(f), keyAt: keyAts[k]! });
    });
    return row;
  });
}

function yamlRows(src: YamlSource): BatchRow[] {
  if (!Array.isArray(src.data)) {
    throw new UserError(src.problem([], "a YAML batch file must hold a list of rows, one mapping per jurisdiction", "write each row as a list item:\n    - jurisdiction.name: City of Alameda Bay\n      jurisdiction.state: CA"));
  }
  const at = (p: Array<string | number>, key = false): SourcePos => {
    const q = src.locate(p, key);
    return { file: src.file, line: q.line, col: q.col, snippet: q.snippet };
  };
  return (src.data as unknown[]).map((item, i) => {
    const row: BatchRow = { index: i + 1, at: at([i]), values: [] };
    if (!isPlainMap(item)) {
      row.problem = { ...at([i]), message: "a row must be a mapping of answers (key: value lines)", hint: "write answers paths as keys, e.g. jurisdiction.name: City of Alameda Bay" };
      return row;
    }
    // Keys may be dotted paths (jurisdiction.name) or nested mappings; lists and scalars are values.
    const walk = (value: Record<string, unknown>, yamlPath: Array<string | number>, answersPath: string[]): void => {
      for (const [k, v] of Object.entries(value)) {
        const yp = [...yamlPath, k];
        const ap = [...answersPath, ...k.split(".")];
        if (isPlainMap(v)) {
          (row.maps ??= []).push({ path: ap, at: at(yp), keyAt: at(yp, true) });
          walk(v, yp, ap);
        }
        else row.values.push({ path: ap, value: v, at: at(yp), keyAt: at(yp, true), ...(Array.isArray(v) ? { itemsAt: v.map((_, k) => at([...yp, k])) } : {}) });
      }
    };
    walk(item, [i], []);
    return row;
  });
}

function isPlainMap(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
