// Where an interview starts: the library, its interview definition, the answers
// a file already gives (if any), and what is still missing.
import { loadLibrary, type LibrarySpec } from "../library/load.js";
import type { Library } from "../shared/library-types.js";
import type { YamlSource } from "../shared/yaml-source.js";
import { loadInterview, type InterviewDefinition } from "./definition.js";
import { checkPartialAnswers, readPartialAnswers } from "./partial.js";
import { getAnswer, missingAnswers, plan, setAnswer, type InterviewContext, type PartialAnswers, type Question } from "./questions.js";

export interface Start {
  library: Library;
  def: InterviewDefinition;
  answers: PartialAnswers;
  /** The answers file as read, when one was given. */
  source: YamlSource | null;
  ctx: InterviewContext;
  /** Required answers with no value and no default (date is not missing when --date is given). */
  missing: Question[];
}

export function startInterview(input: { answersFile?: string; libraryDir: LibrarySpec; date?: string; today: string }): Start {
  const library = loadLibrary(input.libraryDir);
  const def = loadInterview(library);
  const read = input.answersFile ? readPartialAnswers(input.answersFile, library) : null;
  return startWith(library, def, read, input);
}

/** The start for answers already checked, with a library and definition loaded once (batch drafting). */
export function startFrom(library: Library, def: InterviewDefinition, source: YamlSource, input: { date?: string; today: string }): Start {
  return startWith(library, def, checkPartialAnswers(source, library), input);
}

function startWith(library: Library, def: InterviewDefinition, read: { answers: PartialAnswers; source: YamlSource } | null, input: { date?: string; today: string }): Start {
  const answers = read?.answers ?? {};
  const ctx: InterviewContext = { today: input.date ?? input.today };
  const missing = missingAnswers(def, library, answers, ctx).filter((q) => !(q.path === "date" && input.date));
  return { library, def, answers, source: read?.source ?? null, ctx, missing };
}

/** The answers with every applicable default written out (what --save-answers saves when nothing was asked). */
export function withDefaults(s: Pick<Start, "def" | "library" | "ctx">, answers: PartialAnswers): PartialAnswers {
  let out = answers;
  for (let round = 0; round < 10; round++) {
    const todo = plan(s.def, s.library, out, s.ctx).filter((q) => getAnswer(out, q.keys) === undefined && q.hasStaticDefault);
    if (todo.length === 0) break;
    for (const q of todo) out = setAnswer(out, q.keys, q.decl.default);
  }
  return out;
}

/** The message listing what is missing, one answers path per line. */
export function missingList(missing: readonly Question[]): string {
  const width = Math.max(...missing.map((q) => q.path.length));
  return missing.map((q) => `  ${q.path.padEnd(width)}  ${q.decl.prompt.replace(/\s+/g, " ")}`).join("\n");
}

/** Prompts only in a terminal, and never when CI is set. */
export function canPrompt(env: Record<string, string | undefined>, stdinIsTTY: boolean | undefined): boolean {
  const ci = env.CI;
  return Boolean(stdinIsTTY) && (ci === undefined || ci === "" || ci === "0" || ci === "false");
}

/** Today's local date, YYYY-MM-DD. */
export function localDate(d = new Date()): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}
