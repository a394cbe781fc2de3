// Bytes that must be UTF-8 text (YAML, CSV, the XML parts of a DOCX): decoding
// anyway would put U+FFFD into a draft in place of the user's letters, so the
// first byte that is not UTF-8 is found and shown instead.

/** Offset of the first byte that is not valid UTF-8, or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return -1;
  } catch {
    // Rare path: find the offending byte by decoding growing prefixes.
    let lo = 0;
    let hi = bytes.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (validPrefix(bytes, mid + 1)) lo = mid + 1;
      else hi = mid;
    }
    // A valid-looking prefix may end in a sequence that the byte at lo cuts short: the bad sequence starts at its lead byte.
    for (let k = 1; k <= 3 && lo - k >= 0; k++) {
      const b = bytes[lo - k]!;
      if ((b & 0xc0) === 0x80) continue;
      const length = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
      return length > k ? lo - k : lo;
    }
    return lo;
  }
}

/** Whether bytes[0..n) is valid UTF-8, allowing a sequence cut off at the end. */
function validPrefix(bytes: Uint8Array, n: number): boolean {
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes.subarray(0, n), { stream: true });
    return true;
  } catch {
    return false;
  }
}

/** 1-based line and column (UTF-16 units) of a byte offset in valid UTF-8 text before it. */
export function lineColAt(bytes: Uint8Array, offset: number): { line: number; col: number } {
  const before = new TextDecoder().decode(bytes.subarray(0, offset));
  const line = before.split("\n").length;
  return { line, col: before.length - before.lastIndexOf("\n") };
}

export interface TextFileIssue {
  message: string;
  line: number;
  col: number;
  /** The line, with the problem at col (absent when the line cannot be shown as text). */
  snippet?: string;
  hint: string;
}

// eslint-disable-next-line no-control-regex
const DRAFT_CONTROL = /[\u0000-\u0008\u000B\u000E-\u001F\u007F-\u0084\u0086-\u009F]/;

/**
 * Why the bytes of a text draft or code chapter cannot be read as the text of
 * a law, or null: bytes that are not UTF-8 (never read as U+FFFD) and control
 * characters other than tab, line breaks and form feed (an ESC sequence would
 * reach a report or a draft).
 */
export function textFileIssue(bytes: Uint8Array): TextFileIssue | null {
  const bad = firstInvalidUtf8(bytes);
  if (bad !== -1) return { message: "is not UTF-8 text", ...lineColAt(bytes, bad), hint: "save it as UTF-8 (a Latin-1 or UTF-16 file needs converting)" };
  const text = new TextDecoder().decode(bytes);
  const control = DRAFT_CONTROL.exec(text);
  if (!control) return null;
  const start = text.lastIndexOf("\n", control.index - 1) + 1;
  const end = text.indexOf("\n", control.index);
  return {
    message: `contains a control character (U+${text.charCodeAt(control.index).toString(16).toUpperCase().padStart(4, "0")})`,
    line: text.slice(0, start).split("\n").length,
    col: control.index - start + 1,
    snippet: text.slice(start, end === -1 ? undefined : end).replace(/\r$/, ""),
    hint: "remove it; a draft holds printable text",
  };
}
