// User-facing errors. A UserError is something the user can fix (bad input,
// a missing file); anything else that escapes is an internal error.
import { visible, visibleLine } from "./text/terminal.js";

export interface Problem {
  message: string;
  file?: string;
  line?: number;
  col?: number;
  hint?: string;
  /** The offending source line, shown under the message. */
  snippet?: string;
}

export type ErrorCode = "usage" | "input" | "exists" | "io" | "interrupted";

export class UserError extends Error {
  readonly code: ErrorCode;
  readonly problems: Problem[];

  constructor(problems: Problem | Problem[], code: ErrorCode = "input") {
    const list = Array.isArray(problems) ? problems : [problems];
    super(list.map(formatProblem).join("\n"));
    this.name = "UserError";
    this.code = code;
    this.problems = list;
  }
}

export function formatLocation(p: Problem): string {
  if (!p.file) return "";
  let loc = p.file;
  if (p.line !== undefined) {
    loc += `:${p.line}`;
    if (p.col !== undefined) loc += `:${p.col}`;
  }
  return loc;
}

/** Snippets longer than this are shown as a window around the column (a minified or one-line file). */
const SNIPPET_WIDTH = 160;

export function formatProblem(p: Problem): string {
  const loc = visibleLine(formatLocation(p));
  const message = visible(p.message);
  let out = loc ? `${loc}: ${message}` : message;
  if (p.snippet !== undefined && p.col !== undefined) {
    const { text, caret } = snippetWindow(p.snippet, p.col);
    out += `\n    ${text}\n    ${" ".repeat(caret)}^`;
  }
  if (p.hint) out += `\n  hint: ${visible(p.hint)}`;
  return out;
}

/** The snippet as shown (control characters escaped, a long line cut around the column) and the caret's offset in it. */
function snippetWindow(snippet: string, col: number): { text: string; caret: number } {
  const at = Math.max(0, Math.min(col - 1, snippet.length));
  const from = snippet.length > SNIPPET_WIDTH ? Math.max(0, Math.min(at - SNIPPET_WIDTH / 2, snippet.length - SNIPPET_WIDTH)) : 0;
  const to = Math.min(snippet.length, from + SNIPPET_WIDTH);
  const head = (from > 0 ? "…" : "") + visibleLine(snippet.slice(from, at));
  return { text: head + visibleLine(snippet.slice(at, to)) + (to < snippet.length ? "…" : ""), caret: head.length };
}

/** Collects problems so validation can report every one, not the first. */
export class ProblemList {
  readonly items: Problem[] = [];
  add(p: Problem): void {
    this.items.push(p);
  }
  get size(): number {
    return this.items.length;
  }
  throwIfAny(): void {
    if (this.items.length > 0) throw new UserError(sortProblems(this.items));
  }
}

export function sortProblems(problems: Problem[]): Problem[] {
  return [...problems].sort(
    (a, b) =>
      (a.file ?? "").localeCompare(b.file ?? "") ||
      (a.line ?? 0) - (b.line ?? 0) ||
      (a.col ?? 0) - (b.col ?? 0),
  );
}
