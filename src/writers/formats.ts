// The one registry of output formats: for each kind of output (a draft, a
// check report, a diff, a clause listing, a validation report) the formats it
// can be written in, their file extensions and their help text. --format
// choices, the format an --out extension picks, and the help all come from here.
import { UserError } from "../core/errors.js";

export interface OutputFormat {
  name: string;
  /** Other names --format accepts (e.g. txt for text). */
  aliases: readonly string[];
  /** File extensions (lower case, with the dot) that pick this format; the first is the usual one. */
  extensions: readonly string[];
  /** Binary formats are never printed to a terminal: they need --out. */
  binary: boolean;
  description: string;
}

const f = (name: string, extensions: string[], description: string, aliases: string[] = [], binary = false): OutputFormat => ({ name, aliases, extensions, binary, description });

const TEXT = (what: string): OutputFormat => f("text", [".txt"], what, ["txt", "human"]);
const JSON_ = (what: string): OutputFormat => f("json", [".json"], what);
const MD = (what: string): OutputFormat => f("md", [".md", ".markdown"], what);

export const OUTPUTS = {
  draft: [
    f("docx", [".docx"], "Word document with legislative numbering, comments and risk memo", [], true),
    MD("Markdown"),
    JSON_("the draft as JSON (docs/draft-json.md)"),
  ],
  check: [TEXT("the notes for people"), JSON_("the notes as JSON (docs/check.md)")],
  diff: [
    TEXT("the changes, coloured on a terminal"),
    MD("the changes in Markdown"),
    JSON_("the changes as JSON (docs/diff.md)"),
    f("docx", [".docx"], "a redline with tracked changes", [], true),
  ],
  clauses: [TEXT("a table"), JSON_("the listing as JSON"), MD("a Markdown catalog of every clause")],
  validate: [TEXT("the problems for people"), JSON_("the problems as JSON (docs/customizing.md)")],
  law: [TEXT("the facts for people"), JSON_("the facts as JSON (docs/legal-data.md)")],
} as const satisfies Record<string, readonly OutputFormat[]>;

export type OutputKind = keyof typeof OUTPUTS;

/** Every name --format accepts for this kind of output (names, then aliases). */
export function formatChoices(kind: OutputKind): string[] {
  const list: readonly OutputFormat[] = OUTPUTS[kind];
  return [...list.map((x) => x.name), ...list.flatMap((x) => x.aliases)];
}

/** The help text of --format: each format with its extensions. */
export function formatHelp(kind: OutputKind, dflt: string): string {
  const list: readonly OutputFormat[] = OUTPUTS[kind];
  return `output format: ${list.map((x) => `${x.name} (${x.extensions.join(", ")})`).join(", ")}; default: ${dflt}`;
}

/** The help text of --out. */
export function outHelp(kind: OutputKind, what = "write to a file instead of stdout"): string {
  const list: readonly OutputFormat[] = OUTPUTS[kind];
  return `${what}; its extension picks the format (${list.map((x) => x.extensions[0]).join(", ")})`;
}

export function findFormat(kind: OutputKind, name: string): OutputFormat | undefined {
  const list: readonly OutputFormat[] = OUTPUTS[kind];
  return list.find((x) => x.name === name || x.aliases.includes(name));
}

export function formatOfPath(kind: OutputKind, file: string): OutputFormat | undefined {
  const lower = file.toLowerCase();
  const list: readonly OutputFormat[] = OUTPUTS[kind];
  return list.find((x) => x.extensions.some((e) => lower.endsWith(e)));
}

/**
 * The format to write: --format if given (it must agree with --out's
 * extension when that names a format), else the one --out's extension names,
 * else `dflt`. An --out whose extension names no format needs --format.
 */
export function resolveFormat(kind: OutputKind, flags: { format?: string | undefined; out?: string | undefined }, dflt: string): OutputFormat {
  const given = flags.format !== undefined ? findFormat(kind, flags.format.toLowerCase()) : undefined;
  if (flags.format !== undefined && !given) {
    throw new UserError({ message: `--format ${flags.format} is not a format of this command`, hint: `use one of ${formatChoices(kind).join(", ")}` }, "usage");
  }
  const fromOut = flags.out ? formatOfPath(kind, flags.out) : undefined;
  if (given && fromOut && given.name !== fromOut.name) {
    throw new UserError({ message: `--format ${flags.format} does not match the extension of --out ${flags.out}`, hint: "make them agree, or leave one out" }, "usage");
  }
  if (given) return given;
  if (fromOut) return fromOut;
  if (flags.out) {
    const list: readonly OutputFormat[] = OUTPUTS[kind];
    throw new UserError({ message: `cannot tell the format from "${flags.out}"`, hint: `end --out with ${list.flatMap((x) => x.extensions).join(", ")}, or pass --format` }, "usage");
  }
  return findFormat(kind, dflt)!;
}
