// The `existing.code` block of an answers file: which code, chapter and file
// hold the text the ordinance amends, and what the draft does to each section.
// The JSON Schema checks its shape; this checks what the schema cannot, with
// every problem located in the answers file.
import path from "node:path";
import type { YamlPath, YamlSource } from "../library/yaml-source.js";
import type { Problem } from "../errors.js";
import { displayPath } from "../paths.js";
import { chapterExample, chapterFits, NUMBERING_STYLES, type NumberingStyle } from "./numbering.js";

export type ChangeKind = "replace" | "add" | "repeal";

export interface ChangeSpec {
  kind: ChangeKind;
  /** The draft provision: a clause id, or "definitions" (replace, add). */
  clause: string | null;
  /** The code section (replace, repeal; add when a number is given). */
  section: string | null;
  /** Where the entry is in the answers file. */
  at: YamlPath;
}

export interface CodeSpec {
  /** "Alameda Bay Municipal Code". */
  name: string;
  numbering: NumberingStyle;
  /** Step new sections count by; null: inferred from the chapter. */
  step: number | null;
  chapter: string;
  /** Absolute path of the file with the current text. */
  file: string;
  /** The path as shown in messages. */
  shownFile: string;
  /** The path as the answers write it (stable across working directories). */
  written: string;
  /** "chapter": the file holds the whole chapter; "sections": only some of its sections. */
  extent: "chapter" | "sections";
  changes: ChangeSpec[];
  source: YamlSource;
  at: YamlPath;
}

interface RawChange {
  clause?: string;
  replaces?: string;
  number?: string;
  repeal?: string;
}

interface RawCode {
  name: string;
  numbering: NumberingStyle;
  step?: number;
  chapter: string;
  file: string;
  extent?: "chapter" | "sections";
  changes?: RawChange[];
}

/** The answers' existing.code block, or null when there is none. Problems are added to the list. */
export function readCodeSpec(existing: Record<string, unknown>, src: YamlSource, problems: Problem[]): CodeSpec | null {
  const raw = existing.code as RawCode | null | undefined;
  if (!raw) return null;
  const at: YamlPath = ["existing", "code"];
  if (!NUMBERING_STYLES.includes(raw.numbering)) {
    problems.push(src.problem([...at, "numbering"], `unknown numbering style "${String(raw.numbering)}"`, `use one of: ${NUMBERING_STYLES.join(", ")}`));
    return null;
  }
  const chapter = String(raw.chapter).trim();
  if (!chapterFits(raw.numbering, chapter)) {
    problems.push(src.problem([...at, "chapter"], `chapter "${chapter}" does not fit the numbering style ${raw.numbering}`, `a chapter in that style is written like "${chapterExample(raw.numbering)}"; or choose the style the code uses: ${NUMBERING_STYLES.join(", ")}`));
  }
  // Relative to the answers file, as a drafter keeps the two side by side.
  const file = path.resolve(path.dirname(src.file), raw.file);
  const changes: ChangeSpec[] = (raw.changes ?? []).map((c, i) => {
    const where: YamlPath = [...at, "changes", i];
    if (c.repeal !== undefined) return { kind: "repeal", clause: null, section: String(c.repeal).trim(), at: where };
    if (c.replaces !== undefined) return { kind: "replace", clause: c.clause ?? null, section: String(c.replaces).trim(), at: where };
    return { kind: "add", clause: c.clause ?? null, section: c.number === undefined ? null : String(c.number).trim(), at: where };
  });
  return {
    name: raw.name.trim(),
    numbering: raw.numbering,
    step: raw.step ?? null,
    chapter,
    file,
    shownFile: displayPath(file),
    written: raw.file,
    extent: raw.extent ?? "chapter",
    changes,
    source: src,
    at,
  };
}

/**
 * Answers about to be written somewhere else (--save-answers) or re-read
 * from the working directory: existing.code.file rewritten so it still names
 * the same file relative to its new place. Absolute paths stay as they are.
 */
export function rebaseCodeFile<T>(answers: T, fromFile: string | undefined, toFile: string | undefined): T {
  const a = answers as { existing?: { code?: { file?: unknown } | null } };
  const file = a.existing?.code?.file;
  if (typeof file !== "string" || path.isAbsolute(file)) return answers;
  const from = path.dirname(path.resolve(fromFile ?? "answers.yaml"));
  const to = path.dirname(path.resolve(toFile ?? "answers.yaml"));
  if (from === to) return answers;
  const moved = path.relative(to, path.resolve(from, file)).split(path.sep).join("/");
  return { ...a, existing: { ...a.existing, code: { ...a.existing!.code, file: moved } } } as T;
}
