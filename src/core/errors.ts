// User-facing errors. A UserError is something the user can fix (bad input,
// a missing file); anything else that escapes is an internal error.

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

export function formatProblem(p: Problem): string {
  const loc = formatLocation(p);
  let out = loc ? `${loc}: ${p.message}` : p.message;
  if (p.snippet !== undefined && p.col !== undefined) {
    out += `\n    ${p.snippet}\n    ${" ".repeat(Math.max(0, p.col - 1))}^`;
  }
  if (p.hint) out += `\n  hint: ${p.hint}`;
  return out;
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
