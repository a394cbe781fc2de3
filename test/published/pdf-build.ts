// Builds small PDF files by hand for the reader's tests: pages of text at
// given positions, image-only pages (a scan), Flate streams, and damage.
import { deflateSync } from "node:zlib";

export interface PlacedText {
  text: string;
  x: number;
  y: number;
  size?: number;
}

export type PageSpec = { texts: PlacedText[] } | { image: true } | { rawStream: Buffer; filter?: string };

function escapePdf(s: string): string {
  return s.replace(/[\\()]/g, (c) => `\\${c}`);
}

/** A PDF 1.4 file with one object per page and content stream, Helvetica text, US Letter pages. */
export function buildPdf(pages: PageSpec[]): Buffer {
  const objects: Buffer[] = [];
  const add = (body: string | Buffer): number => {
    objects.push(typeof body === "string" ? Buffer.from(body, "latin1") : body);
    return objects.length;
  };
  const catalog = add("");
  const pagesObj = add("");
  const font = add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>");
  const kids: number[] = [];
  for (const spec of pages) {
    let content: Buffer;
    let filter = "";
    let resources = `/Font << /F1 ${font} 0 R >>`;
    if ("texts" in spec) {
      content = Buffer.from(spec.texts.map((t) => `BT /F1 ${t.size ?? 12} Tf ${t.x} ${t.y} Td (${escapePdf(t.text)}) Tj ET`).join("\n"), "latin1");
    } else if ("image" in spec) {
      const pixels = deflateSync(Buffer.alloc(100 * 100, 0x80));
      const img = add(Buffer.concat([Buffer.from(`<< /Type /XObject /Subtype /Image /Width 100 /Height 100 /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode /Length ${pixels.length} >>\nstream\n`, "latin1"), pixels, Buffer.from("\nendstream", "latin1")]));
      resources = `/XObject << /Im1 ${img} 0 R >>`;
      content = Buffer.from("q 500 0 0 700 50 50 cm /Im1 Do Q", "latin1");
    } else {
      content = spec.rawStream;
      filter = spec.filter ? ` /Filter /${spec.filter}` : "";
    }
    const stream = add(Buffer.concat([Buffer.from(`<< /Length ${content.length}${filter} >>\nstream\n`, "latin1"), content, Buffer.from("\nendstream", "latin1")]));
    kids.push(add(`<< /Type /Page /Parent ${pagesObj} 0 R /MediaBox [0 0 612 792] /Resources << ${resources} >> /Contents ${stream} 0 R >>`));
  }
  objects[catalog - 1] = Buffer.from(`<< /Type /Catalog /Pages ${pagesObj} 0 R >>`, "latin1");
  objects[pagesObj - 1] = Buffer.from(`<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(" ")}] /Count ${kids.length} >>`, "latin1");
  const parts: Buffer[] = [Buffer.from("%PDF-1.4\n%\xE2\xE3\xCF\xD3\n", "latin1")];
  let offset = parts[0]!.length;
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(offset);
    const obj = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`, "latin1"), body, Buffer.from("\nendobj\n", "latin1")]);
    parts.push(obj);
    offset += obj.length;
  });
  const xref = [`xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`, ...offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`)].join("");
  parts.push(Buffer.from(`${xref}trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R >>\nstartxref\n${offset}\n%%EOF\n`, "latin1"));
  return Buffer.concat(parts);
}

/** Lines of body text placed as a word processor would: top to bottom, 14 pt apart. */
export function textPage(lines: Array<string | { text: string; x?: number; gap?: number; size?: number }>, top = 720): PageSpec {
  let y = top;
  const texts: PlacedText[] = [];
  for (const l of lines) {
    const o = typeof l === "string" ? { text: l } : l;
    y -= o.gap ?? 14;
    texts.push({ text: o.text, x: o.x ?? 72, y, ...(o.size ? { size: o.size } : {}) });
  }
  return { texts };
}
