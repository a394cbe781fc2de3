// docx stamps "now" into docProps/core.xml and into every zip entry. Re-zip
// with fixed dates so identical inputs give identical bytes in any time zone.
import { unzipSync, zipSync, type Zippable } from "fflate";

/** isoDate is YYYY-MM-DD: the draft's own date stands for created/modified. */
export function normalizeDocx(bytes: Uint8Array, isoDate: string): Uint8Array {
  const files = unzipSync(bytes);
  const stamp = `${isoDate}T00:00:00Z`;
  const core = files["docProps/core.xml"];
  if (core) {
    const xml = new TextDecoder()
      .decode(core)
      .replace(/(<dcterms:created[^>]*>)[^<]*(<\/dcterms:created>)/, `$1${stamp}$2`)
      .replace(/(<dcterms:modified[^>]*>)[^<]*(<\/dcterms:modified>)/, `$1${stamp}$2`);
    files["docProps/core.xml"] = new TextEncoder().encode(xml);
  }
  const [y, m, d] = isoDate.split("-").map(Number);
  // fflate writes DOS times from local-time parts: build the Date from local
  // parts so every TZ writes the same bytes.
  const mtime = new Date(y!, m! - 1, d!, 12, 0, 0);
  const out: Zippable = {};
  // [Content_Types].xml first, as Word expects; the rest in a stable order.
  const names = Object.keys(files).sort((a, b) => (a === "[Content_Types].xml" ? -1 : b === "[Content_Types].xml" ? 1 : a.localeCompare(b)));
  for (const name of names) out[name] = [files[name]!, { mtime, level: 6 }];
  return zipSync(out, { mtime });
}
