// Output formats. Each writer is imported only when used (docx is heavy).
import type { Draft } from "../core/draft.js";

export interface WriteOptions {
  lineNumbers?: boolean;
  /** DOCX page size (default letter). */
  paper?: "letter" | "legal" | "a4";
  /** false: no risk notes, drafter's notes or memo (a clean copy for the council packet). */
  notes?: boolean;
}

export interface Writer {
  description: string;
  extension: string;
  /** Binary formats are never printed to a terminal. */
  binary: boolean;
  write(draft: Draft, opts: WriteOptions): Promise<string | Uint8Array>;
}

export const WRITERS = {
  docx: {
    description: "Word document with legislative numbering, comments and risk memo",
    extension: ".docx",
    binary: true,
    write: async (d, o) => (await import("./docx/index.js")).writeDocx(d, o),
  },
  md: {
    description: "Markdown",
    extension: ".md",
    binary: false,
    write: async (d, o) => (await import("./markdown.js")).writeMarkdown(d, o),
  },
  json: {
    description: "the Draft as JSON (stable, documented in docs/draft-json.md)",
    extension: ".json",
    binary: false,
    write: async (d) => (await import("./json.js")).writeJson(d),
  },
} satisfies Record<string, Writer>;

export type FormatName = keyof typeof WRITERS;
export const FORMAT_NAMES = Object.keys(WRITERS) as FormatName[];

export function formatFromPath(file: string): FormatName | null {
  const lower = file.toLowerCase();
  for (const name of FORMAT_NAMES) if (lower.endsWith(WRITERS[name].extension)) return name;
  if (lower.endsWith(".markdown")) return "md";
  return null;
}
