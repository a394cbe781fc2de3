// Reading a PDF draft: the text layer is extracted by PDF.js in a worker
// thread with a memory limit (pdf-worker.ts), then laid out into paragraphs
// (pdf-layout.ts). Scanned PDFs (no text layer) and encrypted ones are clear
// errors, as are files too large or too complex to read safely.
import { readInputBytes } from "../io/read-input.js";
import { Worker } from "node:worker_threads";
import { UserError } from "../errors.js";
import { displayPath } from "../paths.js";
import { pdfParagraphs } from "./pdf-layout.js";
import { inflatedSize, MAX_INFLATED_BYTES } from "./pdf-streams.js";
import type { PdfWorkerInput, PdfWorkerReply } from "./pdf-worker.js";

const MAX_FILE_BYTES = 32 * 1024 * 1024;
const MAX_PAGES = 2000;
/** A reader that takes longer than this on one file is stopped (a pathological file). */
const WORKER_TIMEOUT_MS = 60_000;
/** Heap for the reading thread: a bomb that inflates past it ends the thread, not ordkit. */
const WORKER_HEAP_MB = 512;
/** ordkit's own risk memo annex is not part of the instrument. */
const MEMO_HEADING = "DRAFTER'S RISK MEMO";

function extract(data: Uint8Array, shown: string): Promise<PdfWorkerReply> {
  return new Promise((resolve, reject) => {
    const input: PdfWorkerInput = { data, maxPages: MAX_PAGES };
    const worker = new Worker(new URL("./pdf-worker.js", import.meta.url), {
      workerData: input,
      resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
      stdout: true,
      stderr: true,
    });
    let settled = false;
    const timer = setTimeout(() => {
      if (settled) return;
      settled = true;
      void worker.terminate();
      reject(new UserError({ message: `reading the PDF took more than ${WORKER_TIMEOUT_MS / 1000} s; stopped`, file: shown, hint: "the file may be damaged or built to be slow; try its DOCX or text instead" }));
    }, WORKER_TIMEOUT_MS);
    timer.unref();
    worker.once("message", (reply: PdfWorkerReply) => {
      settled = true;
      clearTimeout(timer);
      resolve(reply);
      void worker.terminate();
    });
    worker.once("error", (err: Error & { code?: string }) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (err.code === "ERR_WORKER_OUT_OF_MEMORY") {
        reject(new UserError({ message: `reading the PDF needed more than ${WORKER_HEAP_MB} MB; refusing (a decompression bomb, or a file too complex to read)`, file: shown, hint: "save the draft again as a plain PDF, or check its DOCX or text instead" }));
      } else reject(err);
    });
    worker.once("exit", (code) => {
      clearTimeout(timer);
      if (!settled) reject(new UserError({ message: `the PDF reader stopped (exit ${code}) before reading the file`, file: shown, hint: "the file may be damaged; try its DOCX or text instead" }));
    });
  });
}

/** The paragraphs of a PDF draft, in reading order, without headers, footers and line numbers. */
export async function pdfLines(file: string): Promise<string[]> {
  const shown = displayPath(file);
  const data = new Uint8Array(readInputBytes(file, shown, MAX_FILE_BYTES));
  if (!/^%PDF-/.test(new TextDecoder("latin1").decode(data.subarray(0, 1024)).trimStart())) {
    throw new UserError({ message: "not a PDF file (no %PDF- header)", file: shown, hint: "pass a PDF, or a .docx, .md, .txt or .html draft" });
  }
  if (inflatedSize(data) === null) {
    throw new UserError({ message: `the PDF's compressed streams would inflate past ${MAX_INFLATED_BYTES / 1024 / 1024} MB; refusing (a decompression bomb?)`, file: shown, hint: "a draft's PDF is far smaller; ask for the DOCX or text" });
  }
  const reply = await extract(data, shown);
  if (!reply.ok) {
    if (reply.reason === "encrypted") throw new UserError({ message: "the PDF is encrypted; ordkit cannot read its text", file: shown, hint: "ask for an unprotected copy, or save it again without a password" });
    if (reply.reason === "too-many-pages") throw new UserError({ message: `the PDF has ${reply.pages} pages, more than the ${MAX_PAGES} a draft may have`, file: shown });
    throw new UserError({ message: `not a readable PDF (${reply.message})`, file: shown, hint: "the file may be truncated or damaged" });
  }
  if (reply.chars === 0) {
    throw new UserError({ message: `the PDF has no text layer (${reply.pages.length} page${reply.pages.length === 1 ? "" : "s"} of images): it needs OCR before it can be checked`, file: shown, hint: "run it through OCR (e.g. ocrmypdf) or ask for the DOCX or text" });
  }
  return pdfParagraphs(reply.pages, MEMO_HEADING);
}
