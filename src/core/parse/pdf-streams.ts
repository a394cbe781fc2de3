// A decompression bomb check for PDFs, before PDF.js sees the file: every
// Flate stream is inflated once with a ceiling on the total output, so a few
// megabytes that would inflate to gigabytes are refused in bounded time and
// memory. (PDF.js itself inflates into buffers outside the JavaScript heap,
// which a worker's heap limit does not bound.)
import { inflateSync } from "node:zlib";

/** What the streams of a readable draft may inflate to, all together. */
export const MAX_INFLATED_BYTES = 256 * 1024 * 1024;

const STREAM = Buffer.from("stream");
const ENDSTREAM = Buffer.from("endstream");

/** The total inflated size of the file's Flate streams, or null when it passes the ceiling. */
export function inflatedSize(data: Uint8Array, ceiling = MAX_INFLATED_BYTES): number | null {
  const buf = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  let total = 0;
  let at = 0;
  for (;;) {
    const s = buf.indexOf(STREAM, at);
    if (s < 0) return total;
    // "endstream" contains "stream": skip it; a stream keyword is followed by CRLF or LF.
    if (s >= 3 && buf.subarray(s - 3, s).toString("latin1") === "end") { at = s + STREAM.length; continue; }
    let begin = s + STREAM.length;
    if (buf[begin] === 0x0d) begin++;
    if (buf[begin] !== 0x0a) { at = begin; continue; }
    begin++;
    const end = buf.indexOf(ENDSTREAM, begin);
    if (end < 0) return total;
    const dict = buf.subarray(Math.max(0, s - 512), s).toString("latin1");
    if (/\/FlateDecode|\/Fl\b/.test(dict.slice(dict.lastIndexOf("<<")))) {
      try {
        total += inflateSync(buf.subarray(begin, end), { maxOutputLength: Math.max(1, ceiling - total), finishFlush: 2 /* Z_SYNC_FLUSH: a stream cut short still counts */ }).length;
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE") return null;
        // Not Flate data after all, or damaged: PDF.js will judge it.
      }
      if (total >= ceiling) return null;
    }
    at = end + ENDSTREAM.length;
  }
}
