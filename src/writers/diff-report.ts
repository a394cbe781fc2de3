// A comparison (DiffResult) in a report format: what `ordkit diff` writes, and
// what `draft --redline-against` writes for Markdown and JSON. Each reporter
// is imported only when used.
import type { ChalkInstance } from "chalk";
import type { DiffResult } from "../core/diff/model.js";

export type DiffFormat = "text" | "md" | "json" | "docx";

export async function renderDiff(r: DiffResult, format: DiffFormat, chalk: ChalkInstance | null = null): Promise<string | Uint8Array> {
  switch (format) {
    case "md":
      return (await import("../reporters/diff-md.js")).reportMarkdown(r);
    case "json":
      return (await import("../reporters/diff-json.js")).reportJson(r);
    case "docx":
      return (await import("./docx/redline.js")).writeRedline(r);
    case "text":
      return (await import("../reporters/diff-terminal.js")).reportTerminal(r, chalk);
  }
}
