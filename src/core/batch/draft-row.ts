// Drafting one row: the merged answers go through exactly the checks and the
// pipeline of `ordkit draft --answers FILE` (answers checked as a partial file,
// nothing missing, checked against the library, assembled, risk notes), with
// the library, interview definition and templates loaded once per worker.
import { UserError } from "../errors.js";
import { loadLibrary } from "../library/load.js";
import { YamlSource } from "../library/yaml-source.js";
import { loadInterview, type InterviewDefinition } from "../interview/definition.js";
import { checkAnswers } from "../interview/answers.js";
import { missingList, startFrom } from "../interview/start.js";
import { draftFromAnswers } from "../pipeline.js";
import { templateSet, type TemplateSet } from "../assemble/templates.js";
import { templateStack } from "../assemble/assemble.js";
import { mergedLocator, type Origins } from "./merge.js";
import type { RowJob } from "./plan.js";
import type { Draft } from "../draft.js";
import type { Library } from "../library/types.js";

export interface RowDrafterInput {
  /** The --library layers in order ([]: ordkit's own library). */
  libraryDir: string[];
  /** A templates directory above the library's own (--templates). */
  templatesDir?: string | undefined;
  /** The batch file as shown to users (names rows whose problems have no better place). */
  batchFile: string;
  sharedOrigins: Origins;
  /** --date */
  date?: string;
  today: string;
}

export class RowDrafter {
  readonly library: Library;
  private readonly def: InterviewDefinition;
  private readonly templates: TemplateSet;

  constructor(private readonly input: RowDrafterInput) {
    this.library = loadLibrary(input.libraryDir);
    this.def = loadInterview(this.library);
    this.templates = templateSet(templateStack(this.library, input.templatesDir));
  }

  /** The row's draft; a UserError lists the row's problems, located in the batch or shared file. */
  draft(job: RowJob): Draft {
    const { input } = this;
    const src = YamlSource.parse(Buffer.from(job.text, "utf8"), `${input.batchFile} (row ${job.index})`, mergedLocator(job.origins, input.sharedOrigins, job.rowAt));
    const start = startFrom(this.library, this.def, src, { today: input.today, ...(input.date ? { date: input.date } : {}) });
    if (start.missing.length > 0) {
      throw new UserError(
        { ...job.rowAt, message: `the row lacks ${start.missing.length} answer(s) that neither it nor the shared answers give:\n${missingList(start.missing)}`, hint: "add a column (CSV) or key (YAML) for each, or give them in the shared --answers file" },
        "usage",
      );
    }
    const draft = draftFromAnswers(this.library, checkAnswers(src, this.library), this.templates, input.date);
    if (job.out === null) {
      // The checks require a name; a name of only punctuation passes them but names no file.
      throw new UserError(src.problem(["jurisdiction", "name"], "the jurisdiction's name gives no file name (it has no letters or digits)", "give jurisdiction.name in words, e.g. City of Alameda Bay"));
    }
    return draft;
  }
}
