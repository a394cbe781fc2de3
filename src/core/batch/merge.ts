// A row's answers over the shared answers file: the merged answers as the
// text of an answers file (what a single `ordkit draft --answers` of that file
// would read), and where each value came from, so that problems found in the
// merged text are reported in the batch file or the shared file.
import { Document } from "yaml";
import type { Locator, YamlPath, YamlSource } from "../shared/yaml-source.js";
import { completeAnswers } from "../interview/save.js";
import { setAnswer, type PartialAnswers } from "../interview/questions.js";
import type { BatchRow, SourcePos } from "./rows.js";

/** Positions of values (at) and of the keys naming them (keyAt), by path key (pathKey). */
/** exact: a mapping the row merges into, not replaces; it locates problems at its own path only. */
export type Origins = Record<string, { at: SourcePos; keyAt: SourcePos; exact?: boolean }>;

export interface SharedAnswers {
  answers: PartialAnswers;
  origins: Origins;
}

export interface MergedRow {
  answers: PartialAnswers;
  /** The merged answers file; drafts record the hash of exactly these bytes. */
  text: string;
  /** Where the row's own values are in the batch file. */
  origins: Origins;
}

export function pathKey(path: YamlPath): string {
  return JSON.stringify(path.map(String));
}

/** The shared answers file (already checked) with the position of every value in it. */
export function sharedAnswers(src: YamlSource): SharedAnswers {
  const origins: Origins = {};
  const walk = (value: unknown, path: Array<string | number>): void => {
    if (path.length > 0) {
      const at = src.locate(path);
      const keyAt = src.locate(path, true);
      origins[pathKey(path)] = { at: { file: src.file, line: at.line, col: at.col, snippet: at.snippet }, keyAt: { file: src.file, line: keyAt.line, col: keyAt.col, snippet: keyAt.snippet } };
    }
    if (Array.isArray(value)) value.forEach((v, i) => walk(v, [...path, i]));
    else if (value && typeof value === "object") for (const [k, v] of Object.entries(value)) walk(v, [...path, k]);
  };
  walk(src.data, []);
  return { answers: src.data as PartialAnswers, origins };
}

/**
 * The row's values set over a copy of the shared answers: mappings merge key by
 * key, while a scalar or a list (modules, multi-choice values) replaces the
 * shared value whole. answers_version defaults to 1.
 */
export function mergeRow(shared: SharedAnswers | null, row: BatchRow): MergedRow {
  const { answers, origins } = mergeAnswers(shared, row);
  return { answers, text: answersText(answers), origins };
}

/** mergeRow without the text (planning needs only the names; the text is made when the row is drafted). */
export function mergeAnswers(shared: SharedAnswers | null, row: BatchRow): Omit<MergedRow, "text"> {
  let answers: PartialAnswers = shared ? structuredClone(shared.answers) : {};
  const origins: Origins = {};
  for (const m of row.maps ?? []) origins[pathKey(m.path)] = { at: m.at, keyAt: m.keyAt, exact: true };
  for (const v of row.values) {
    answers = setAnswer(answers, v.path, structuredClone(v.value));
    origins[pathKey(v.path)] = { at: v.at, keyAt: v.keyAt };
    v.itemsAt?.forEach((at, i) => (origins[pathKey([...v.path, i])] = { at, keyAt: at }));
  }
  if (answers.answers_version === undefined) answers = { answers_version: 1, ...answers };
  return { answers, origins };
}

/** Answers as an answers file: keys in the documented order, long lines never folded. */
export function answersText(answers: PartialAnswers): string {
  return new Document(completeAnswers(answers)).toString({ lineWidth: 0 });
}

/**
 * Where a problem at a path of the merged text is reported: the row's value (or
 * column) when the row set it or a mapping above it, else the shared file's,
 * else the start of the row.
 */
export function mergedLocator(rowOrigins: Origins, sharedOrigins: Origins, rowAt: SourcePos): Locator {
  // A value the row set replaces everything under it, so the row is asked first at every depth.
  return (path, key) => {
    for (const origins of [rowOrigins, sharedOrigins]) {
      for (let n = path.length; n > 0; n--) {
        const o = origins[pathKey(path.slice(0, n))];
        if (o && (n === path.length || !o.exact)) return key && n === path.length ? o.keyAt : o.at;
      }
    }
    return rowAt;
  };
}
