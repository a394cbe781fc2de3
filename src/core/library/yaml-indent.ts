// When YAML refuses a file, the first error is often a line or two away from
// the real cause: one line indented a step too far or too little. This finds
// that line near the error so the report can point at it, with a hint about
// indentation instead of one about quoting.

export interface IndentCause {
  /** 1-based line of the mis-indented line. */
  line: number;
  col: number;
  hint: string;
}

interface Line {
  n: number;
  indent: number;
  text: string;
}

const KEY = /^(?:-\s+)?(?:"[^"]*"|'[^']*'|[^\s#'"{[][^:#]*?):(?:\s|$)/;
const BLOCK_SCALAR = /:\s*[|>][-+0-9]*\s*(?:#.*)?$/;

/** The content lines (not blank, not comments, not inside a block scalar) up to `upTo`. */
function contentLines(text: string, upTo: number): Line[] {
  const out: Line[] = [];
  const raw = text.split("\n");
  let blockIndent = -1;
  for (let i = 0; i < Math.min(raw.length, upTo); i++) {
    const t = raw[i]!.replace(/\r$/, "");
    if (t.trim() === "" || t.trimStart().startsWith("#")) continue;
    const indent = t.length - t.trimStart().length;
    if (blockIndent >= 0) {
      if (indent > blockIndent) continue;
      blockIndent = -1;
    }
    out.push({ n: i + 1, indent, text: t.trimStart() });
    if (BLOCK_SCALAR.test(t)) blockIndent = indent;
  }
  return out;
}

/**
 * The mis-indented line within a few lines after the error line (YAML often
 * reports the line above the cause), or null when the indentation looks right.
 */
export function indentationCause(text: string, errorLine: number): IndentCause | null {
  const lines = contentLines(text, errorLine + 3);
  for (let k = 1; k < lines.length; k++) {
    const cur = lines[k]!;
    if (cur.n < errorLine - 1) continue;
    const prev = lines[k - 1]!;
    // A key indented under a key that already has a value on its own line.
    if (cur.indent > prev.indent && KEY.test(cur.text) && KEY.test(prev.text) && !/:\s*(?:#.*)?$/.test(prev.text) && !BLOCK_SCALAR.test(prev.text)) {
      const item = prev.text.startsWith("- ") ? 2 : 0;
      return { line: cur.n, col: cur.indent + 1, hint: `this line is indented ${cur.indent} spaces, more than line ${prev.n} above it, whose key already has a value: indent it ${prev.indent + item} spaces, like that key` };
    }
    // A line that lines up with no enclosing level.
    if (cur.indent < prev.indent) {
      const levels = enclosing(lines, k);
      if (!levels.includes(cur.indent)) {
        return { line: cur.n, col: cur.indent + 1, hint: `this line is indented ${cur.indent} spaces, which matches no level above it (${levels.join(", ")} spaces): line it up with the key it belongs beside` };
      }
    }
  }
  return null;
}

/** The indentation of every level open at line k (for a line less indented than the one before). */
function enclosing(lines: Line[], k: number): number[] {
  const levels: number[] = [];
  let min = Infinity;
  for (let j = k - 1; j >= 0; j--) {
    const l = lines[j]!;
    if (l.indent < min) {
      levels.push(l.indent);
      // A list item's key sits after the dash.
      if (l.text.startsWith("- ")) levels.push(l.indent + 2);
      min = l.indent;
    }
    if (min === 0) break;
  }
  return [...new Set(levels)].sort((a, b) => a - b);
}
