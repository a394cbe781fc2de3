// Output file names for a batch: <name>-<state>-<instrument><ext>, from the
// merged answers alone, so the same rows always give the same names.
import type { PartialAnswers } from "../interview/questions.js";

/** A name's bytes (UTF-8) in the file system; names may have at most 255. */
const MAX_BASE_BYTES = 200;

/**
 * Lower-case letters and digits joined by single hyphens; accents dropped,
 * other scripts kept. At most max characters and 200 bytes of UTF-8, cut
 * between characters: with the state, the instrument and the extension the
 * file name stays within the 255 bytes file systems allow, whatever the script.
 */
export function slug(text: string, max = 80): string {
  const chars = [
    ...text
      .normalize("NFKD")
      .replace(/\p{M}/gu, "")
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, "-")
      .replace(/^-+|-+$/g, ""),
  ];
  let out = "";
  let bytes = 0;
  for (const c of chars.slice(0, max)) {
    bytes += Buffer.byteLength(c, "utf8");
    if (bytes > MAX_BASE_BYTES) break;
    out += c;
  }
  return out.replace(/-+$/, "");
}

/**
 * The file name for a row's answers, or null when they give no usable
 * jurisdiction name (the row then fails its checks, or is reported).
 * The state keeps two Springfields apart; the instrument, two drafts for one place.
 */
export function outputName(answers: PartialAnswers, extension: string): string | null {
  const j = answers.jurisdiction;
  const name = j && typeof j === "object" ? (j as Record<string, unknown>).name : undefined;
  if (typeof name !== "string") return null;
  const base = slug(name);
  if (base === "") return null;
  const state = (j as Record<string, unknown>).state;
  const parts = [base, typeof state === "string" ? slug(state) : "", typeof answers.instrument === "string" ? slug(answers.instrument) : ""];
  return parts.filter((p) => p !== "").join("-") + extension;
}
