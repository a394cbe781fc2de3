// The walk along the pipeline that several commands share:
// answers file + library + templates -> Draft.
import { loadLibrary } from "./library/load.js";
import { checkAnswers } from "./interview/answers.js";
import { YamlSource } from "./library/yaml-source.js";
import { assemble } from "./assemble/assemble.js";
import { displayPath } from "./paths.js";
import type { Draft } from "./draft.js";

export interface BuildInput {
  answersFile: string;
  libraryDir: string;
  templatesDir: string;
  date?: string;
}

export function buildDraft(input: BuildInput): Draft {
  const answersSrc = YamlSource.read(input.answersFile, displayPath(input.answersFile));
  const library = loadLibrary(input.libraryDir);
  const answers = checkAnswers(answersSrc, library);
  return assemble({ library, answers, templatesDir: input.templatesDir, ...(input.date ? { date: input.date } : {}) });
}
