// `ordkit check` of published formats for `npm run bench`: a 50-page PDF
// (text layer, running header, page numbers, line numbers, as council
// packets are printed) generated here, timed against the `node -e 0` floor.
import { writeFileSync } from "node:fs";
import path from "node:path";
import { deflateSync } from "node:zlib";

const WORDS = "the City shall not permit any department officer agency to use non-public areas of property as staging area for civil immigration enforcement except as required by federal or state law and each request shall be reported".split(" ");

/** 44 lines of a page, filled greedily to 80 characters of a monospaced font, as a typesetter fills them. */
function bodyLines(page) {
  const lines = [];
  let seed = page * 7919 + 1;
  const word = () => ((seed = (seed * 48271) % 2147483647), WORDS[seed % WORDS.length]);
  let line = "";
  let next = word();
  for (let i = 0; lines.length < 44; i++) {
    if (lines.length % 11 === 0 && line === "") {
      lines.push(`Section ${page * 4 + lines.length / 11 + 1}. Use of City property.`);
      line = "(a)";
      continue;
    }
    if (line.length + 1 + next.length > 80) {
      // The block's last line ends its sentence.
      lines.push(lines.length % 11 === 10 ? `${line}.` : line);
      line = lines.length % 11 === 0 ? "" : next;
    } else line = `${line} ${next}`;
    next = word();
  }
  return lines;
}

/** A PDF of `pages` Letter pages of ordinance text, Flate-compressed as word processors write it. */
export function generatePdf(file, pages = 50) {
  const objects = [];
  const add = (b) => (objects.push(Buffer.isBuffer(b) ? b : Buffer.from(b, "latin1")), objects.length);
  add(""); add("");
  const font = add("<< /Type /Font /Subtype /Type1 /BaseFont /Courier /Encoding /WinAnsiEncoding >>");
  const kids = [];
  for (let p = 0; p < pages; p++) {
    const ops = [`BT /F1 9 Tf 420 760 Td (DRAFT - Ordinance 2026-50) Tj ET`, `BT /F1 9 Tf 280 30 Td (Page ${p + 1} of ${pages}) Tj ET`];
    bodyLines(p).forEach((t, i) => {
      const y = 720 - i * 15;
      ops.push(`BT /F1 11 Tf ${54 - String(i + 1).length * 6} ${y} Td (${i + 1}) Tj ET`, `BT /F1 11 Tf 72 ${y} Td (${t}) Tj ET`);
    });
    const data = deflateSync(Buffer.from(ops.join("\n"), "latin1"));
    const stream = add(Buffer.concat([Buffer.from(`<< /Length ${data.length} /Filter /FlateDecode >>\nstream\n`), data, Buffer.from("\nendstream")]));
    kids.push(add(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 ${font} 0 R >> >> /Contents ${stream} 0 R >>`));
  }
  objects[0] = Buffer.from("<< /Type /Catalog /Pages 2 0 R >>");
  objects[1] = Buffer.from(`<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(" ")}] /Count ${kids.length} >>`);
  const parts = [Buffer.from("%PDF-1.4\n")];
  let offset = parts[0].length;
  const offsets = objects.map((body, i) => {
    const at = offset;
    const obj = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`), body, Buffer.from("\nendobj\n")]);
    parts.push(obj);
    offset += obj.length;
    return at;
  });
  parts.push(Buffer.from(`xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("")}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${offset}\n%%EOF\n`));
  writeFileSync(file, Buffer.concat(parts));
  return file;
}

/** The job for bench/run.mjs's measureAll, and how to report it. */
export function pdfJob(work, node, bin, root) {
  const file = generatePdf(path.join(work, "packet-50-pages.pdf"));
  return {
    job: { name: "checkPdf", cmd: node, args: [bin, "check", file, "--fail-on", "none"], cwd: root },
    label: "ordkit check (50-page PDF)",
    target: "< 2 s",
    met: (r) => r.ms < 2000,
  };
}
