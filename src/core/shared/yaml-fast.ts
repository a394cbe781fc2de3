// A fast reader for the plain YAML that clause, manifest and answers files are
// written in: block mappings and sequences, one-line flow collections, one-line
// quoted scalars, folded and literal block scalars, comments. It returns the
// same data the yaml package's toJS() gives, or null whenever the text holds
// anything else or anything doubtful (anchors, tags, multi-line plain or quoted
// scalars, floats, duplicate keys, odd indentation ...): the caller then parses
// with the yaml package, which also reports every syntax problem. Parsing with
// the yaml package takes most of a cold `ordkit draft`; this takes a fraction.

/** Thrown inside the reader to give up; never escapes fastYaml. */
class Unsupported extends Error {}
const bail = (): never => {
  throw new Unsupported();
};

/** Characters after which the yaml package behaves differently, or may report a problem: tabs, CR, control and odd line-break characters, BOM. */
const AWKWARD = /[\u0000-\u0009\u000B-\u001F\u007F\u0085\u2028\u2029\uFEFF]/;
const DOC_MARKER = /^(?:---|\.\.\.)(?:\s|$)|^%/m;
/** Keys the fast reader accepts: plain, starting with a letter or underscore. */
const KEY = /^([A-Za-z_][\w\-./]*):(?: +(.*))?$/;
/** KEY, tested at a line's indent (sticky) instead of on a copy of the rest of the line. */
const KEY_AT = /([A-Za-z_][\w\-./]*):(?: +(.*))?$/y;
/** Plain scalars that resolve to something other than a string or a decimal integer in YAML 1.2's core schema. */
const RESERVED_KEY = /^(?:[Nn]ull|NULL|[Tt]rue|TRUE|[Ff]alse|FALSE|__proto__)$/;
const NULL = /^(?:~|[Nn]ull|NULL)$/;
const BOOL = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const INT = /^[0-9]+$/;
const OTHER_NUMBER = /^(?:0o[0-7]+|0x[0-9a-fA-F]+|[0-9]+\.[0-9]*|[0-9]+(?:\.[0-9]*)?[eE][-+]?[0-9]+)$/;
/** A plain scalar may not start with an indicator (nor with characters that may start a number or a special float). */
const PLAIN_START_BAD = /^[-?:,[\]{}#&*!|>'"%@`.+\s]/;

/** Deeper nesting than this is left to the yaml package, which reports it (ordkit's own files nest a few levels). */
const MAX_DEPTH = 64;

/** The data of a YAML text, or null when the fast reader does not handle it. */
export function fastYaml(text: string): unknown {
  if (text.length === 0 || AWKWARD.test(text) || DOC_MARKER.test(text)) return null;
  try {
    return new Reader(text).document();
  } catch (err) {
    if (err instanceof Unsupported) return null;
    throw err;
  }
}

function indentOf(line: string): number {
  let i = 0;
  while (line.charCodeAt(i) === 32) i++;
  return i;
}

// YAML's white space is the space and the tab (refused above): String.trim()
// would also take no-break and other Unicode spaces, which YAML reads as text.
function isBlank(line: string): boolean {
  return indentOf(line) === line.length;
}

function trimStart(s: string): string {
  return s.slice(indentOf(s));
}

function trimEnd(s: string): string {
  let end = s.length;
  while (end > 0 && s.charCodeAt(end - 1) === 32) end--;
  return s.slice(0, end);
}

class Reader {
  private readonly lines: string[];
  /** Each line's indent, and -1 for blank and comment lines (computed once: the reader asks often). */
  private readonly indents: Int32Array;
  private pos = 0;

  constructor(text: string) {
    this.lines = text.split("\n");
    this.indents = new Int32Array(this.lines.length);
    this.lines.forEach((line, i) => {
      const at = indentOf(line);
      this.indents[i] = at < line.length && line.charCodeAt(at) !== 35 ? at : -1; // 35: "#"
    });
  }

  document(): unknown {
    this.skip();
    if (this.pos >= this.lines.length) bail();
    const first = this.lines[this.pos]!;
    if (indentOf(first) !== 0 || !KEY.test(first)) bail();
    const data = this.map(0);
    this.skip();
    if (this.pos < this.lines.length) bail();
    return data;
  }

  /** Moves past blank and comment lines. */
  private skip(): void {
    while (this.pos < this.lines.length && this.indents[this.pos] === -1) this.pos++;
  }

  /** Indent of the next significant line, or -1 at the end. */
  private nextIndent(): number {
    this.skip();
    return this.pos < this.lines.length ? this.indents[this.pos]! : -1;
  }

  private depth = 0;

  private map(indent: number): Record<string, unknown> {
    if (++this.depth > MAX_DEPTH) bail();
    const out: Record<string, unknown> = {};
    for (;;) {
      const at = this.nextIndent();
      if (at < indent) break;
      if (at > indent) bail();
      KEY_AT.lastIndex = indent;
      const m = KEY_AT.exec(this.lines[this.pos]!);
      if (!m) {
        // A sequence at the map's own indent belongs to the key before it and was read with it.
        bail();
      }
      const key = m![1]!;
      if (RESERVED_KEY.test(key) || Object.prototype.hasOwnProperty.call(out, key) || key.length > 1000) bail();
      this.pos++;
      out[key] = this.value(m![2] ?? "", indent, true);
    }
    this.depth--;
    return out;
  }

  private seq(indent: number): unknown[] {
    if (++this.depth > MAX_DEPTH) bail();
    const out: unknown[] = [];
    for (;;) {
      const at = this.nextIndent();
      if (at < indent) break;
      if (at > indent) bail();
      const line = this.lines[this.pos]!;
      const rest = line.slice(indent);
      if (!rest.startsWith("- ")) {
        if (rest === "-" || rest.startsWith("-#")) bail();
        break; // the next key of the mapping this sequence is the value of
      }
      const content = rest.slice(2);
      const col = indent + 2 + indentOf(content);
      const item = trimStart(content);
      if (item.startsWith("- ") || item === "-") bail();
      if (KEY.test(item)) {
        // "- key: value": a mapping whose keys line up with the first one.
        this.lines[this.pos] = " ".repeat(col) + item;
        this.indents[this.pos] = col;
        out.push(this.map(col));
      } else {
        this.pos++;
        out.push(this.value(item, indent, false));
      }
    }
    this.depth--;
    return out;
  }

  /**
   * The value after "key:" or "- " (rest of that line, already past the
   * indicator); parent is the indent of the mapping or sequence holding it.
   */
  private value(rest: string, parent: number, inMap: boolean): unknown {
    const text = trimStart(rest);
    if (text === "" || text.startsWith("#")) {
      if (!inMap) bail();
      const at = this.nextIndent();
      if (at > parent) {
        const line = this.lines[this.pos]!.slice(at);
        if (line.startsWith("- ")) return this.seq(at);
        if (KEY.test(line)) return this.map(at);
        bail(); // a scalar on lines of its own
      }
      if (at === parent && this.lines[this.pos]!.slice(at).startsWith("- ")) return this.seq(at);
      return null;
    }
    const c = text[0]!;
    if (c === ">" || c === "|") return this.blockScalar(text, parent);
    let value: unknown;
    let after: string;
    if (c === '"' || c === "'") {
      const q = quoted(text, 0);
      value = q.value;
      after = text.slice(q.end);
    } else if (c === "[" || c === "{") {
      const f = new FlowReader(text);
      value = f.node();
      after = text.slice(f.i);
    } else {
      const hash = text.indexOf(" #");
      const raw = trimEnd(hash === -1 ? text : text.slice(0, hash));
      if (PLAIN_START_BAD.test(raw) || raw.includes(": ") || raw.endsWith(":")) bail();
      value = plainScalar(raw);
      after = hash === -1 ? "" : text.slice(hash);
    }
    const tail = trimStart(after);
    if (tail !== "" && !(tail.startsWith("#") && (after.length > tail.length || after === ""))) bail();
    // A more-indented line after a one-line value would continue it (or be an error).
    if (this.nextIndent() > parent) bail();
    return value;
  }

  /** ">", ">-", "|" or "|-" and the lines indented under it. */
  private blockScalar(header: string, parent: number): string {
    const m = /^([>|])(-?)(?: +#.*)? *$/.exec(header);
    if (!m) bail();
    const folded = m![1] === ">";
    const strip = m![2] === "-";
    const body: string[] = [];
    let indent = -1;
    let i = this.pos;
    for (; i < this.lines.length; i++) {
      const line = this.lines[i]!;
      if (line === "") {
        body.push("");
        continue;
      }
      if (isBlank(line)) bail();
      const at = indentOf(line);
      if (indent === -1) {
        if (at <= parent || body.length > 0) bail();
        indent = at;
      }
      if (at < indent) break;
      if (at > indent || line.endsWith(" ")) bail();
      body.push(line.slice(indent));
    }
    if (indent === -1) bail();
    this.pos = i;
    while (body.length && body[body.length - 1] === "") body.pop();
    let out: string;
    if (folded) {
      out = "";
      let empties = 0;
      let started = false;
      for (const l of body) {
        if (l === "") {
          empties++;
          continue;
        }
        if (started) out += empties ? "\n".repeat(empties) : " ";
        out += l;
        started = true;
        empties = 0;
      }
    } else {
      out = body.join("\n");
    }
    return strip ? out : out + "\n";
  }
}

/** Resolves a plain scalar as YAML 1.2's core schema does (giving up on floats and other numbers). */
function plainScalar(raw: string): unknown {
  if (raw === "") bail();
  if (NULL.test(raw)) return null;
  if (BOOL.test(raw)) return raw[0] === "t" || raw[0] === "T";
  if (INT.test(raw)) return parseInt(raw, 10);
  if (OTHER_NUMBER.test(raw)) bail();
  return raw;
}

const ESCAPES: Record<string, string> = { '"': '"', "\\": "\\", "/": "/", n: "\n", t: "\t" };

/** A one-line quoted scalar starting at text[start]; end is the index after the closing quote. */
function quoted(text: string, start: number): { value: string; end: number } {
  const q = text[start]!;
  let out = "";
  let i = start + 1;
  for (;;) {
    if (i >= text.length) bail();
    const c = text[i]!;
    if (q === "'") {
      if (c === "'") {
        if (text[i + 1] === "'") {
          out += "'";
          i += 2;
          continue;
        }
        return { value: out, end: i + 1 };
      }
      out += c;
      i++;
      continue;
    }
    if (c === '"') return { value: out, end: i + 1 };
    if (c === "\\") {
      const e = text[i + 1];
      if (e !== undefined && e in ESCAPES) {
        out += ESCAPES[e];
        i += 2;
        continue;
      }
      if (e === "u" && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) {
        const code = parseInt(text.slice(i + 2, i + 6), 16);
        if (code >= 0xd800 && code <= 0xdfff) bail();
        out += String.fromCharCode(code);
        i += 6;
        continue;
      }
      bail();
    }
    out += c;
    i++;
  }
}

/** One-line flow collections: [a, "b", {k: v}] and { k: v, k2: [x] }. */
class FlowReader {
  i = 0;
  private depth = 0;
  constructor(private readonly text: string) {}

  node(): unknown {
    this.space();
    const c = this.text[this.i];
    if (c === "[" || c === "{") {
      if (++this.depth > MAX_DEPTH) bail();
      const v = c === "[" ? this.seq() : this.map();
      this.depth--;
      return v;
    }
    if (c === '"' || c === "'") {
      const q = quoted(this.text, this.i);
      this.i = q.end;
      return q.value;
    }
    return this.plain();
  }

  private space(): void {
    while (this.text[this.i] === " ") this.i++;
  }

  private seq(): unknown[] {
    this.i++;
    const out: unknown[] = [];
    this.space();
    if (this.text[this.i] === "]") {
      this.i++;
      return out;
    }
    for (;;) {
      out.push(this.node());
      this.space();
      const c = this.text[this.i];
      this.i++;
      if (c === "]") return out;
      if (c !== ",") bail();
      this.space();
      if (this.text[this.i] === "]" || this.text[this.i] === ",") bail(); // trailing or empty entry
    }
  }

  private map(): Record<string, unknown> {
    this.i++;
    const out: Record<string, unknown> = {};
    this.space();
    if (this.text[this.i] === "}") {
      this.i++;
      return out;
    }
    for (;;) {
      this.space();
      const m = /^([A-Za-z_][\w\-./]*): /.exec(this.text.slice(this.i));
      if (!m) bail();
      const key = m![1]!;
      if (RESERVED_KEY.test(key) || Object.prototype.hasOwnProperty.call(out, key)) bail();
      this.i += m![0].length;
      out[key] = this.node();
      this.space();
      const c = this.text[this.i];
      this.i++;
      if (c === "}") return out;
      if (c !== ",") bail();
      this.space();
      if (this.text[this.i] === "}" || this.text[this.i] === ",") bail();
    }
  }

  private plain(): unknown {
    const start = this.i;
    while (this.i < this.text.length && !",[]{}".includes(this.text[this.i]!)) this.i++;
    const raw = trimEnd(this.text.slice(start, this.i));
    if (PLAIN_START_BAD.test(raw) || raw.includes(":") || raw.includes("#")) bail();
    return plainScalar(raw);
  }
}
