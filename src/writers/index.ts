// Output formats. Each writer is imported only when used (docx is heavy).
import type { Draft } from "../core/draft.js";
import { findFormat } from "./formats.js";

export interface WriteOptions {
  lineNumbers?: boolean;
  /** DOCX page size (default letter). */
  paper?: "letter" | "legal" | "a4";
  /** false: no risk notes, drafter's notes or memo (a clean copy for the council packet). */
  notes?: boolean;
}

export interface Writer {
  /** Binary formats are never printed to a terminal. */
  binary: boolean;
  extension: string;
  write(draft: Draft, opts: WriteOptions): Promise<string | Uint8Array>;
}

const meta = (name: FormatName): { binary: boolean; extension: string } => {
  const f = findFormat("draft", name)!;
  return { binary: f.binary, extension: f.extensions[0]! };
};

export type FormatName = "docx" | "md" | "json";

export const WRITERS: Record<FormatName, Writer> = {
  docx: { ...meta("docx"), write: async (d, o) => (await import("./docx/index.js")).writeDocx(d, o) },
  md: { ...meta("md"), write: async (d, o) => (await import("./markdown.js")).writeMarkdown(d, o) },
  json: { ...meta("json"), write: async (d) => (await import("./json.js")).writeJson(d) },
};
