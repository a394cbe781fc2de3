// A worker thread that reads a PDF's text layer with PDF.js. It runs apart
// from the main thread, under a memory limit, so a decompression bomb or a
// pathological file ends in an error the main thread reports (and Ctrl-C
// still works), never in a crash or a hang of ordkit itself.
import { parentPort, workerData } from "node:worker_threads";
import type { PdfPage } from "./pdf-layout.js";

export interface PdfWorkerInput {
  data: Uint8Array;
  maxPages: number;
}

export type PdfWorkerReply =
  | { ok: true; pages: PdfPage[]; chars: number }
  | { ok: false; reason: "encrypted" | "invalid" | "too-many-pages"; message: string; pages?: number };

async function read(input: PdfWorkerInput): Promise<PdfWorkerReply> {
  const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
  let doc;
  try {
    doc = await pdfjs.getDocument({ data: input.data, isEvalSupported: false, disableFontFace: true, useSystemFonts: false, stopAtErrors: false, verbosity: 0 }).promise;
  } catch (err) {
    const name = (err as { name?: string }).name;
    if (name === "PasswordException") return { ok: false, reason: "encrypted", message: "the PDF is encrypted (password protected)" };
    return { ok: false, reason: "invalid", message: (err as Error).message ?? String(err) };
  }
  if (doc.numPages > input.maxPages) return { ok: false, reason: "too-many-pages", message: `${doc.numPages} pages`, pages: doc.numPages };
  const pages: PdfPage[] = [];
  let chars = 0;
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const view = page.getViewport({ scale: 1 });
    const content = await page.getTextContent();
    const runs: PdfPage["runs"] = [];
    for (const item of content.items) {
      if (!("str" in item) || item.str === "") continue;
      const [a, b, , d, e, f] = item.transform as number[];
      // Rotated text (a stamp, a margin note) is not body text.
      if (Math.abs(b!) > Math.abs(a!) * 0.1) continue;
      chars += item.str.length;
      runs.push({ str: item.str, x: e!, y: f!, width: item.width, size: Math.abs(d!) || Math.abs(a!) || 10 });
    }
    pages.push({ width: view.width, height: view.height, runs });
    page.cleanup();
  }
  await doc.destroy();
  return { ok: true, pages, chars };
}

read(workerData as PdfWorkerInput).then(
  (reply) => parentPort!.postMessage(reply),
  (err: unknown) => parentPort!.postMessage({ ok: false, reason: "invalid", message: (err as Error)?.message ?? String(err) } satisfies PdfWorkerReply),
);
