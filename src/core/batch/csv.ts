// A small RFC 4180 CSV reader that remembers where every field starts, so a
// problem in a batch file can name FILE:line:col. Comma-separated; fields may
// be quoted with ", a quote inside a quoted field is written twice, and quoted
// fields may span lines. CRLF, LF and CR all end a record.
import { UserError, type Problem } from "../errors.js";

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

const QUOTE_HINT = 'quote the whole value and write a quote inside it twice, e.g. "the ""Main Street"" lot"';

export function parseCsv(input: string, file: string): CsvTable {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "\n" || (c === "\r" && text[i + 1] !== "\n")) lineStarts.push(i + 1);
  }
  const lineOf = (offset: number): number => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
  const lineText = (line: number): string => {
    const start = lineStarts[line - 1] ?? text.length;
    const next = lineStarts[line];
    return text.slice(start, next === undefined ? text.length : next).replace(/\r?\n$|\r$/, "");
  };
  const at = (offset: number): { line: number; col: number } => {
    const line = lineOf(offset);
    return { line, col: offset - lineStarts[line - 1]! + 1 };
  };
  const problems: Problem[] = [];
  const problem = (offset: number, message: string, hint: string): Problem => {
    const p = at(offset);
    return { message, file, line: p.line, col: p.col, snippet: lineText(p.line), hint };
  };

  const records: CsvRecord[] = [];
  const n = text.length;
  let i = 0;
  const atEol = (k: number): boolean => k >= n || text[k] === "\n" || text[k] === "\r";
  while (i < n) {
    const fields: CsvField[] = [];
    const recordLine = at(i).line;
    for (;;) {
      const start = i;
      const pos = at(start);
      let value = "";
      let quoted = false;
      if (text[i] === '"') {
        quoted = true;
        i++;
        let closed = false;
        while (i < n) {
          const c = text[i]!;
          if (c === '"') {
            if (text[i + 1] === '"') {
              value += '"';
              i += 2;
              continue;
            }
            i++;
            closed = true;
            break;
          }
          if (c === "\r") {
            value += "\n";
            i += text[i + 1] === "\n" ? 2 : 1;
            continue;
          }
          value += c;
          i++;
        }
        if (!closed) {
          problems.push(problem(start, "a quoted value is never closed", 'end it with a quote ("); a quote inside a quoted value is written twice ("")'));
          throw new UserError(problems);
        }
        if (!atEol(i) && text[i] !== ",") {
          problems.push(problem(i, "text after the closing quote of a value", QUOTE_HINT));
          while (!atEol(i) && text[i] !== ",") value += text[i++];
        }
      } else {
        while (!atEol(i) && text[i] !== ",") {
          if (text[i] === '"') problems.push(problem(i, "a quote inside a value that does not start with one", QUOTE_HINT));
          value += text[i++];
        }
      }
      fields.push({ value, quoted, line: pos.line, col: pos.col });
      if (text[i] === ",") {
        i++;
        continue;
      }
      break;
    }
    if (text[i] === "\r") i += text[i + 1] === "\n" ? 2 : 1;
    else if (text[i] === "\n") i++;
    records.push({ line: recordLine, fields });
  }
  if (problems.length > 0) throw new UserError(problems);
  return { records, lineText };
}

/** A record with nothing in it (an empty line, or only commas). */
export function isBlank(r: CsvRecord): boolean {
  return r.fields.every((f) => !f.quoted && f.value.trim() === "");
}
