// A parsed YAML file that remembers where every value came from, so that any
// problem found later (schema, types, templates) can name file:line:col.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Document, LineCounter, Node } from "yaml";
import { UserError, type Problem } from "../errors.js";
import { fastYaml } from "./yaml-fast.js";
import { firstInvalidUtf8, lineColAt } from "../text/utf8.js";
import { readCached, writeCached } from "../cache/parsed-cache.js";
import { REFERENCE_YAML } from "../reference-parsers.js";
import { indentationCause } from "./yaml-indent.js";

export type YamlPath = ReadonlyArray<string | number>;

export interface Position {
  line: number;
  col: number;
  snippet: string;
  /** Set when the position is in another file than this source (see Locator). */
  file?: string;
}

/**
 * For a text generated from other files (a batch row merged over shared
 * answers): where the value or key at a path really came from, so problems
 * name the file the user wrote. null: fall back to this text.
 */
export type Locator = (path: YamlPath, key: boolean) => (Position & { file: string }) | null;

/** Files larger than this are refused before parsing (they are not clause or answers files). */
export const MAX_YAML_BYTES = 2 * 1024 * 1024;

const PARSE_OPTIONS = { prettyErrors: false, uniqueKeys: true, strict: true } as const;

let yamlPackage: typeof import("yaml") | null = null;
/** The yaml package, loaded on first use: files the fast reader takes never need it. */
function yaml(): typeof import("yaml") {
  // CommonJS require keeps parsing synchronous; it loads the same build an import would.
  return (yamlPackage ??= createRequire(import.meta.url)("yaml") as typeof import("yaml"));
}

export class YamlSource {
  readonly file: string;
  readonly text: string;
  readonly bytes: Buffer;
  readonly data: unknown;
  /** The yaml package's document with positions; built on first use when the fast reader gave the data. */
  private parsed: { doc: Document.Parsed; lines: LineCounter } | null;
  private readonly locator: Locator | null;

  private constructor(file: string, bytes: Buffer, text: string, parsed: { doc: Document.Parsed; lines: LineCounter } | null, data: unknown, locator: Locator | null = null) {
    this.file = file;
    this.bytes = bytes;
    this.text = text;
    this.parsed = parsed;
    this.data = data;
    this.locator = locator;
  }

  get doc(): Document.Parsed {
    return this.full().doc;
  }

  private get lines(): LineCounter {
    return this.full().lines;
  }

  private full(): { doc: Document.Parsed; lines: LineCounter } {
    if (!this.parsed) {
      const { LineCounter, parseDocument } = yaml();
      const lines = new LineCounter();
      this.parsed = { doc: parseDocument(this.text, { lineCounter: lines, ...PARSE_OPTIONS }), lines };
    }
    return this.parsed;
  }

  /** Reads and parses a file; throws a UserError listing every syntax problem. */
  static read(file: string, displayName = file): YamlSource {
    let bytes: Buffer;
    try {
      bytes = readFileSync(file);
    } catch (err) {
      throw new UserError({ message: `cannot read file: ${(err as NodeJS.ErrnoException).code ?? String(err)}`, file: displayName, hint: "check the path" }, "io");
    }
    return YamlSource.parse(bytes, displayName, null, true);
  }

  /**
   * Parses bytes; throws a UserError listing every syntax problem. With
   * `cached`, a file parsed before (same bytes) comes from the parse cache
   * (cache/parsed-cache.ts); positions, needed only for a problem, then come
   * from a full parse, as after the fast reader.
   */
  static parse(bytes: Buffer, file: string, locator: Locator | null = null, cached = false): YamlSource {
    if (bytes.length > MAX_YAML_BYTES) {
      throw new UserError({ message: `file is too large (${bytes.length} bytes; the limit is ${MAX_YAML_BYTES})`, file, hint: "ordkit's YAML files are small; is this the right file?" });
    }
    if (bytes.includes(0)) {
      throw new UserError({ message: "file is binary, not YAML text", file, hint: "pass a UTF-8 YAML file" });
    }
    const bad = firstInvalidUtf8(bytes);
    if (bad !== -1) {
      // Decoding anyway would put U+FFFD into the draft in place of the user's letters.
      const { line, col } = lineColAt(bytes, bad);
      throw new UserError({ message: "file is not UTF-8 text", file, line, col, hint: "save it as UTF-8 (a Latin-1 or UTF-16 file needs converting)" });
    }
    const text = bytes.toString("utf8");
    const hit = cached ? readCached("yaml", bytes) : undefined;
    if (hit) return new YamlSource(file, bytes, text, null, hit.data, locator);
    // Most files are plain YAML that the fast reader gives the same data for;
    // positions (only needed to report a problem) then come from a full parse.
    const fast = REFERENCE_YAML ? null : fastYaml(text);
    if (fast !== null) {
      if (cached) writeCached("yaml", bytes, fast);
      return new YamlSource(file, bytes, text, null, fast, locator);
    }
    const { LineCounter, parseDocument } = yaml();
    const lines = new LineCounter();
    const doc = parseDocument(text, { lineCounter: lines, ...PARSE_OPTIONS });
    const src = new YamlSource(file, bytes, text, { doc, lines }, undefined);
    if (doc.errors.length > 0) throw new UserError(firstCause(src, doc.errors, file));
    let data: unknown;
    try {
      data = doc.toJS({ maxAliasCount: 100 });
    } catch (err) {
      // The only toJS failure with valid syntax: aliases expanding too far. Point at the first one.
      let at: number | undefined;
      const { visit } = yaml();
      visit(doc, { Alias: (_, node) => ((at = node.range?.[0]), visit.BREAK) });
      const pos = at !== undefined ? src.position(at) : undefined;
      throw new UserError({ message: `cannot load YAML: ${(err as Error).message}`, file, ...(pos ?? {}), hint: "aliases may expand too far; write the values out" });
    }
    if (text.trim() === "" || data === null || data === undefined) {
      throw new UserError({ message: "file is empty", file, line: 1, col: 1, hint: "it should hold a YAML mapping (key: value lines)" });
    }
    if (cached) writeCached("yaml", bytes, data);
    return new YamlSource(file, bytes, text, { doc, lines }, data, locator);
  }

  /** 1-based line and column of a character offset, with that line's text. */
  position(offset: number): Position {
    const { line, col } = this.lines.linePos(Math.max(0, Math.min(offset, this.text.length)));
    const start = this.lines.lineStarts[line - 1] ?? 0;
    const end = this.text.indexOf("\n", start);
    const snippet = this.text.slice(start, end === -1 ? undefined : end).replace(/\r$/, "");
    return { line, col, snippet: snippet.length > 200 ? snippet.slice(0, 200) + "…" : snippet };
  }

  /** The node at a path (a value, or with key=true, the map key naming it). */
  node(path: YamlPath, key = false): Node | null {
    if (path.length === 0) return (this.doc.contents as Node | null) ?? null;
    const { isMap, isPair, isScalar } = yaml();
    if (key) {
      const parent = this.doc.getIn(path.slice(0, -1), true);
      if (isMap(parent)) {
        const last = path[path.length - 1];
        for (const item of parent.items) {
          if (isPair(item) && isScalar(item.key) && String(item.key.value) === String(last)) return item.key as Node;
        }
      }
    }
    const found = this.doc.getIn(path, true);
    return found && typeof found === "object" && "range" in (found as object) ? (found as Node) : null;
  }

  /** Position of the value at path, falling back to the nearest ancestor that exists. */
  locate(path: YamlPath, key = false): Position {
    const elsewhere = this.locator?.(path, key);
    if (elsewhere) return elsewhere;
    for (let n = path.length; n >= 0; n--) {
      const node = this.node(path.slice(0, n), key && n === path.length);
      if (node?.range) return this.position(node.range[0]);
    }
    return this.position(0);
  }

  /** A problem located at path. */
  problem(path: YamlPath, message: string, hint?: string, key = false): Problem {
    const pos = this.locate(path, key);
    return { message, file: pos.file ?? this.file, line: pos.line, col: pos.col, snippet: pos.snippet, ...(hint ? { hint } : {}) };
  }

  /** Raw source text and start offset of the scalar at path (for template positions). */
  scalarSource(path: YamlPath): { start: number; end: number; raw: string } | null {
    const node = this.node(path);
    if (!node?.range) return null;
    const [start, end] = node.range;
    return { start, end, raw: this.text.slice(start, end) };
  }
}

/**
 * One syntax problem: YAML reports a single slip (a mis-indented line) as
 * several errors, so only the first is shown, at the mis-indented line when
 * there is one nearby, with a hint about indentation.
 */
function firstCause(src: YamlSource, errors: readonly { code: string; message: string; pos: [number, number] }[], file: string): Problem {
  const first = [...errors].sort((a, b) => a.pos[0] - b.pos[0])[0]!;
  const pos = src.position(first.pos[0]);
  const message = yamlMessage(first.code, first.message);
  if (first.code !== "DUPLICATE_KEY" && first.code !== "TAB_AS_INDENT") {
    const cause = indentationCause(src.text, pos.line);
    if (cause) {
      const at = src.position(src.text.split("\n").slice(0, cause.line - 1).reduce((n, l) => n + l.length + 1, 0) + cause.col - 1);
      return { message: "YAML syntax: this line is not indented like the lines around it", file, line: at.line, col: at.col, snippet: at.snippet, hint: cause.hint };
    }
  }
  return { message, file, line: pos.line, col: pos.col, snippet: pos.snippet, hint: yamlHint(first.code) };
}

function yamlMessage(code: string, message: string): string {
  const first = message.split("\n")[0] ?? message;
  if (/call stack/i.test(first)) return "the file nests too deeply to read";
  if (code === "DUPLICATE_KEY") return "duplicate key: " + first.replace(/^Map keys must be unique.*?$/, "a key appears twice in the same mapping");
  return `YAML syntax: ${first.replace(/ at line \d+, column \d+:?$/, "")}`;
}

function yamlHint(code: string): string {
  switch (code) {
    case "DUPLICATE_KEY":
      return "remove or rename one of the two keys";
    case "TAB_AS_INDENT":
      return "indent with spaces, not tabs";
    case "BAD_INDENT":
    case "MISSING_CHAR":
      return "check the indentation and punctuation on this line and the one before";
    case "RESOURCE_EXHAUSTION":
      return "the file nests or repeats too deeply to load";
    default:
      return "quote values that contain ': ' or start with a special character";
  }
}

