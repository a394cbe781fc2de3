// The Draft itself as stable JSON (keys in declaration order, 2-space indent).
import type { Draft } from "../core/draft.js";

export const DRAFT_JSON_FORMAT = 1;

export function writeJson(draft: Draft): string {
  return JSON.stringify({ format: "ordkit-draft", format_version: DRAFT_JSON_FORMAT, ...draft }, null, 2) + "\n";
}
