// `ordkit validate`: every problem of a library and its layers at once,
// without drafting: files, clauses, references, templates and the interview.
import { UserError, sortProblems, type Problem } from "./errors.js";
import { INSTRUMENTS } from "./draft.js";
import { loadTemplate } from "./assemble/templates.js";
import { templateStack } from "./assemble/assemble.js";
import { loadInterview } from "./interview/definition.js";
import { inspectLibrary, type LibrarySpec } from "./library/load.js";
import type { LayerInfo } from "./shared/library-types.js";
import { citationProblems } from "./legal/citations.js";

export interface ValidationReport {
  layers: LayerInfo[];
  clauses: number;
  templates: string[];
  problems: Problem[];
}

/**
 * ruleIds: the risk rules a clause's `risks` may name (the caller knows them; the library layer does not).
 * templatesDir: a --templates directory above the library's own templates, checked with them.
 */
export function validateLibrary(spec: LibrarySpec, ruleIds?: readonly string[], templatesDir?: string): ValidationReport {
  const { library, problems } = inspectLibrary(spec);
  const all = [...problems];
  if (library && ruleIds) all.push(...citationProblems(library.clauses.values(), ruleIds));
  const templates: string[] = [];
  if (library) {
    for (const instrument of INSTRUMENTS) {
      try {
        const t = loadTemplate(templateStack(library, templatesDir), instrument);
        templates.push(t.file);
      } catch (err) {
        if (!(err instanceof UserError)) throw err;
        all.push(...err.problems);
      }
    }
    // The interview needs a library that loaded cleanly: its checks assume one.
    if (problems.length === 0) {
      try {
        loadInterview(library);
      } catch (err) {
        if (!(err instanceof UserError)) throw err;
        all.push(...err.problems);
      }
    }
  }
  return { layers: library?.layers ?? [], clauses: library?.clauses.size ?? 0, templates, problems: sortProblems(unique(all)) };
}

/** The same problem reached twice (a partial shared by several instruments) is reported once. */
function unique(problems: Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.file ?? ""}:${p.line ?? ""}:${p.col ?? ""}:${p.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
