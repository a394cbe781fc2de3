// Batch CSV files, read by csv-parse (RFC 4180: comma-separated, fields
// quoted with ", a quote inside written twice, line breaks inside quotes;
// CRLF, LF and CR all end a record). ordkit adds what a problem report needs:
// where every field starts (FILE:line:col), whether it was quoted, and the
// refusal of bytes that are not UTF-8.
import { createRequire } from "node:module";
import { UserError } from "../errors.js";
import { firstInvalidUtf8, lineColAt } from "../text/utf8.js";

export interface CsvField {
  /** The field's text: unquoted, with "" turned into ", and line breaks inside quotes as \n. */
  value: string;
  quoted: boolean;
  /** 1-based line and column (UTF-16 units) where the field starts. */
  line: number;
  col: number;
}

export interface CsvRecord {
  /** Line where the record starts. */
  line: number;
  fields: CsvField[];
}

export interface CsvTable {
  records: CsvRecord[];
  /** The text of a physical line, for snippets. */
  lineText(line: number): string;
}

interface CsvInfo {
  bytes: number;
}
interface CsvError extends Error {
  code?: string;
  /** Index of the field being read. */
  column?: number;
}
type ParseSync = (input: Uint8Array, options: object) => Array<{ record: string[]; info: CsvInfo }>;

let csvParse: ParseSync | null = null;
function parser(): ParseSync {
  // Loaded on first use, synchronously (CommonJS build): only batch drafting reads CSV.
  return (csvParse ??= (createRequire(import.meta.url)("csv-parse/sync") as { parse: ParseSync }).parse);
}

const QUOTE = 0x22;
const COMMA = 0x2c;
const QUOTE_HINT = 'quote the whole value and write a quote inside it twice, e.g. "the ""Main Street"" lot"';
const ERRORS: Record<string, { message: string; hint: string }> = {
  CSV_QUOTE_NOT_CLOSED: { message: "a quoted value is never closed", hint: 'end it with a quote ("); a quote inside a quoted value is written twice ("")' },
  INVALID_OPENING_QUOTE: { message: "a quote inside a value that does not start with one", hint: QUOTE_HINT },
  CSV_INVALID_CLOSING_QUOTE: { message: "text after the closing quote of a value", hint: QUOTE_HINT },
};

/** Byte offsets where the first `count` fields of the record starting at `start` begin (quotes already checked by the parser). */
function fieldStarts(bytes: Uint8Array, start: number, count: number): number[] {
  const out = [start];
  let quoted = false;
  for (let k = start; k < bytes.length && out.length < count; k++) {
    const b = bytes[k];
    if (b === QUOTE) quoted = !quoted;
    else if (b === COMMA && !quoted) out.push(k + 1);
    else if (!quoted && (b === 0x0a || b === 0x0d)) break;
  }
  return out;
}

/** Where in the field starting at `start` the parser's complaint is: the stray quote, or the text after the closing one. */
function problemOffset(bytes: Uint8Array, start: number, code: string | undefined): number {
  if (code === "INVALID_OPENING_QUOTE") {
    const q = bytes.indexOf(QUOTE, start);
    return q === -1 ? start : q;
  }
  if (code === "CSV_INVALID_CLOSING_QUOTE" && bytes[start] === QUOTE) {
    for (let k = start + 1; k < bytes.length; k++) {
      if (bytes[k] !== QUOTE) continue;
      if (bytes[k + 1] === QUOTE) k++;
      else return k + 1;
    }
  }
  return start;
}

export function parseCsv(input: Uint8Array, file: string): CsvTable {
  const bytes = input[0] === 0xef && input[1] === 0xbb && input[2] === 0xbf ? input.subarray(3) : input;
  const bad = firstInvalidUtf8(bytes);
  if (bad !== -1) {
    const at = lineColAt(bytes, bad);
    throw new UserError({ message: "file is not UTF-8 text", file, ...at, hint: "save the sheet as CSV UTF-8 (a Latin-1 or UTF-16 file needs converting)" });
  }
  const text = new TextDecoder().decode(bytes);
  const lines = text.split(/\r\n|\r|\n/);
  const lineText = (line: number): string => lines[line - 1] ?? "";
  // Line starts in bytes, so byte offsets from the parser map to line and column.
  const lineStarts = [0];
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b === 0x0a || (b === 0x0d && bytes[i + 1] !== 0x0a)) lineStarts.push(i + 1);
  }
  // Fields come in order: the column of each is counted on from the one before on its line (linear in the line).
  let last = { line: 0, offset: 0, col: 1 };
  const at = (offset: number): { line: number; col: number } => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    const line = lo + 1;
    const from = last.line === line && last.offset <= offset ? last : { line, offset: lineStarts[lo]!, col: 1 };
    last = { line, offset, col: from.col + new TextDecoder().decode(bytes.subarray(from.offset, offset)).length };
    return { line, col: last.col };
  };

  let parsed: Array<{ record: string[]; info: CsvInfo }>;
  /** Where the record being read starts: the end of the last one read. */
  let recordStart = 0;
  const onRecord = (record: unknown, context: CsvInfo): unknown => {
    recordStart = context.bytes;
    return record;
  };
  try {
    parsed = parser()(bytes, { info: true, relax_column_count: true, skip_empty_lines: false, record_delimiter: ["\r\n", "\n", "\r"], on_record: onRecord });
  } catch (err) {
    const e = err as CsvError;
    const known = ERRORS[e.code ?? ""];
    const starts = fieldStarts(bytes, recordStart, (e.column ?? 0) + 1);
    const p = at(problemOffset(bytes, starts[starts.length - 1]!, e.code));
    throw new UserError({ ...(known ?? { message: `cannot read the CSV: ${e.message}`, hint: "save the sheet as CSV (UTF-8, comma-separated)" }), file, ...p, snippet: lineText(p.line) });
  }
  const records: CsvRecord[] = [];
  let start = 0;
  for (const { record, info } of parsed) {
    const starts = fieldStarts(bytes, start, record.length);
    // A line break inside quotes reads as \n whichever way the file ends its lines.
    const fields = record.map((value, k): CsvField => ({ value: value.replace(/\r\n?/g, "\n"), quoted: bytes[starts[k]!] === QUOTE, ...at(starts[k] ?? start) }));
    records.push({ line: at(start).line, fields });
    start = info.bytes;
  }
  return { records, lineText };
}

/** A record with nothing in it (an empty line, or only commas). */
export function isBlank(r: CsvRecord): boolean {
  return r.fields.every((f) => !f.quoted && f.value.trim() === "");
}
