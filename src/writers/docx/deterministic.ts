// docx stamps "now" into docProps/core.xml and into every zip entry. Zip the
// package ourselves with fixed dates so identical inputs give identical bytes
// in any time zone.
import { Packer, type Document } from "docx";
import { unzipSync, zipSync, type Zippable } from "fflate";

type PartData = string | Uint8Array | ArrayBuffer;
interface Compiler {
  compile(file: Document, prettify?: unknown, overrides?: unknown[]): Map<string, PartData>;
}

/**
 * The document's package, zipped deterministically. docx's Packer zips and
 * compresses every part, only for normalizeDocx to unzip and re-zip it: when
 * docx exposes its part compiler, zip its parts once instead (same bytes).
 */
export async function packDocx(doc: Document, isoDate: string): Promise<Uint8Array> {
  const compiler = (Packer as unknown as { compiler?: Compiler }).compiler;
  if (!compiler || typeof compiler.compile !== "function") return normalizeDocx(await Packer.toBuffer(doc), isoDate);
  const files: Record<string, Uint8Array> = {};
  const utf8 = new TextEncoder();
  for (const [name, data] of compiler.compile(doc, undefined, [])) {
    files[name] = typeof data === "string" ? utf8.encode(data) : ArrayBuffer.isView(data) ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength) : new Uint8Array(data);
  }
  return zipParts(files, isoDate);
}

/** isoDate is YYYY-MM-DD: the draft's own date stands for created/modified. */
export function normalizeDocx(bytes: Uint8Array, isoDate: string): Uint8Array {
  return zipParts(unzipSync(bytes), isoDate);
}

function zipParts(files: Record<string, Uint8Array>, isoDate: string): Uint8Array {
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
