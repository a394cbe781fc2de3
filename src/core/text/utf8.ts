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
