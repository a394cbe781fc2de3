// The body of `ordkit draft`, loaded only when the command runs.
import path from "node:path";
import { UserError } from "../core/errors.js";
import { existsSync, rmSync } from "node:fs";
import { displayPath } from "../core/paths.js";
import { answersSchemaFile, schemaReference } from "../core/library/answers-schema.js";
import type { Library } from "../core/shared/library-types.js";
import { isCalendarDate } from "../core/text/answer-text.js";
import { librarySpec, templatesDir as extraTemplates } from "./library-flags.js";
import { checkOutput, writeAtomic } from "../core/io/output.js";
import { WRITERS, type FormatName } from "../writers/index.js";
import { resolveFormat as pickFormat } from "../writers/formats.js";
import type { DraftFlags } from "./draft.js";

export async function runDraft(flags: DraftFlags): Promise<void> {
  checkDateFlag(flags.date);
  const interview = await import("../core/interview/start.js");
  const libraryDir = librarySpec(flags);
  const templatesDir = extraTemplates(flags);
  const prompting = interview.canPrompt(process.env, process.stdin.isTTY);
  const why = "stdin is not a terminal (or CI is set), so ordkit cannot ask for";
  if (!flags.answers && !prompting) {
    const { missing } = interview.startInterview({ libraryDir, today: interview.localDate(), ...(flags.date ? { date: flags.date } : {}) });
    throw new UserError(
      { message: `no answers file given, and ${why} the answers. Missing answers:\n${interview.missingList(missing)}`, hint: "pass --answers FILE (see examples/ and docs/answers-format.md), or run ordkit draft in a terminal to be asked (docs/interview.md)" },
      "usage",
    );
  }
  const format = resolveFormat(flags);
  const writer = WRITERS[format];
  if (!flags.out && writer.binary) {
    throw new UserError({ message: `${format} output needs --out FILE`, hint: `e.g. --out draft${writer.extension}, or use --format md to print Markdown` }, "usage");
  }
  const inputs = [flags.answers, ...libraryDir, flags.templates, flags.redlineAgainst].filter((x): x is string => !!x);
  if (flags.out) checkOutput(flags.out, { force: flags.force ?? false, inputs });
  if (flags.saveAnswers) {
    if (flags.out && path.resolve(flags.out) === path.resolve(flags.saveAnswers)) {
      throw new UserError({ message: "--save-answers and --out name the same file", hint: "save the answers to a .yaml file of their own" }, "usage");
    }
    checkOutput(flags.saveAnswers, { force: flags.force ?? false, inputs, elsewhere: "choose another --save-answers path" });
  }

  // What the answers (if any) lack: ask for it in a terminal, else list it.
  // An interview interrupted earlier left its answers in the partial file: resume from it.
  const { startInterview, withDefaults, missingList, localDate } = interview;
  const partial = partialAnswersPath(flags);
  const resuming = prompting && !flags.answers && existsSync(partial);
  if (resuming) process.stderr.write(`ordkit: resuming the interview from the answers kept in ${displayPath(partial)} (delete that file to start over)\n`);
  const answersFile = flags.answers ?? (resuming ? partial : undefined);
  const start = startInterview({ libraryDir, today: localDate(), ...(answersFile ? { answersFile } : {}), ...(flags.date ? { date: flags.date } : {}) });
  const { YamlSource } = await import("../core/shared/yaml-source.js");
  let answersSrc = resuming ? null : start.source;
  let savedText: string | null = null;
  let keptPartial = false;
  if (start.missing.length > 0 || flags.saveAnswers || !answersSrc) {
    let answers = start.answers;
    if (start.missing.length > 0) {
      if (!prompting) {
        throw new UserError(
          { message: `the answers file lacks ${start.missing.length} answer(s), and ${why} them:\n${missingList(start.missing)}`, file: displayPath(flags.answers!), hint: "add them to the file (docs/answers-format.md), or run ordkit draft in a terminal to be asked (docs/interview.md)" },
          "usage",
        );
      }
      const { runInterview } = await import("./draft-interview.js");
      const { answersYaml } = await import("../core/interview/save.js");
      const output = process.stdout.isTTY ? process.stdout : process.stderr;
      // Every answer is kept in the partial file as it is given, so Ctrl-C (or a lost terminal) loses none.
      const keep = (a: Record<string, unknown>): void => {
        writeAtomic(partial, answersYaml(a, [], schemaRef(partial, start.library), "partial"), { force: true });
        keptPartial = true;
      };
      try {
        answers = (await runInterview(start, { output }, keep)).answers;
      } catch (err) {
        // The input ended (Ctrl-D): say where the answers so far are, as for Ctrl-C.
        if (err instanceof UserError && keptPartial) throw new UserError({ ...err.problems[0]!, hint: `your answers so far are kept in ${displayPath(partial)}: run the same command again to resume` }, err.code);
        if ((err as { name?: string })?.name !== "ExitPromptError") throw err;
        const again = keptPartial ? `; your answers so far are kept in ${displayPath(partial)}: run the same command again to resume` : "";
        process.stderr.write(`ordkit: interrupted; no draft was written${again}\n`);
        throw new UserError({ message: "interrupted" }, "interrupted");
      }
    }
    const { plan } = await import("../core/interview/questions.js");
    const { answersYaml } = await import("../core/interview/save.js");
    answers = withDefaults(start, answers);
    // The chapter an amending ordinance reads is named relative to the answers file: keep naming it from the new place.
    const { rebaseCodeFile } = await import("../core/amend/spec.js");
    answers = rebaseCodeFile(answers, flags.answers, flags.saveAnswers);
    savedText = answersYaml(answers, plan(start.def, start.library, answers, start.ctx), flags.saveAnswers ? schemaRef(flags.saveAnswers, start.library) : undefined);
    answersSrc = YamlSource.parse(Buffer.from(savedText, "utf8"), flags.saveAnswers ? displayPath(flags.saveAnswers) : "(interview answers)");
  }

  const { checkAnswers } = await import("../core/interview/answers.js");
  const { draftFromAnswers, prepareCode } = await import("../core/pipeline.js");
  const loaded = checkAnswers(answersSrc, start.library);
  const draft = draftFromAnswers(start.library, loaded, templatesDir, flags.date, {}, await prepareCode(loaded));
  if (flags.redlineAgainst) {
    await writeRedlineAgainst(flags, answersSrc, templatesDir, draft);
    return;
  }
  const data = await writer.write(draft, { lineNumbers: flags.lineNumbers ?? false, paper: flags.paper ?? start.library.paper ?? "letter", notes: flags.notes !== false });
  if (flags.saveAnswers && savedText !== null) {
    writeAtomic(flags.saveAnswers, savedText, { force: flags.force ?? false });
    process.stderr.write(`saved the answers to ${displayPath(flags.saveAnswers)}\n`);
  }
  if (flags.out) {
    writeAtomic(flags.out, data, { force: flags.force ?? false });
    const counts = (["high", "medium", "low", "info"] as const).map((sev) => `${draft.riskNotes.filter((n) => n.severity === sev).length} ${sev}`).join(", ");
    const summary = `wrote ${displayPath(flags.out)} (${draft.instrument}, ${draft.sections.length} sections; risk notes: ${counts})`;
    process.stderr.write(`${summary}\n`);
    if (keptPartial || resuming) rmSync(partial, { force: true });
    if (flags.notes === false) process.stderr.write("note: --no-notes: the risk notes, drafter's notes and risk memo are left out of this copy; draft without --no-notes (or run ordkit check) to see them\n");
    for (const n of draft.notes) process.stderr.write(`note: ${n}\n`);
  } else {
    process.stdout.write(data);
    if (keptPartial || resuming) rmSync(partial, { force: true });
  }
}

/** Where an interview keeps the answers given so far: beside --out, named after it (draft.docx -> draft.partial-answers.yaml). */
export function partialAnswersPath(flags: Pick<DraftFlags, "out">): string {
  if (!flags.out) return "ordkit-draft.partial-answers.yaml";
  const ext = path.extname(flags.out);
  return path.join(path.dirname(flags.out), `${path.basename(flags.out, ext)}.partial-answers.yaml`);
}

/**
 * The answers schema of the library in use (the layer's own, or the one ordkit
 * ships for its library), as a path relative to the file that names it, for
 * editors' completion and checks.
 */
function schemaRef(file: string, library: Library): string {
  return schemaReference(file, answersSchemaFile(library));
}

/** --date, when given, must be a calendar-shaped YYYY-MM-DD (also used by --batch). */
export function checkDateFlag(date: string | undefined): void {
  if (date !== undefined && !isCalendarDate(date)) {
    throw new UserError({ message: `--date must be YYYY-MM-DD, a day of the calendar; got ${JSON.stringify(date)}`, hint: "e.g. --date 2026-04-01" }, "usage");
  }
}

function resolveFormat(flags: DraftFlags): FormatName {
  return pickFormat("draft", flags, "docx").name as FormatName;
}

/** --redline-against OLD: the same answers drafted with the OLD library, compared with this draft. */
async function writeRedlineAgainst(flags: DraftFlags, answersSrc: import("../core/shared/yaml-source.js").YamlSource, templatesDir: string | undefined, draft: import("../core/draft.js").Draft): Promise<void> {
  if (!flags.out) throw new UserError({ message: "--redline-against needs --out FILE", hint: "e.g. --out changes.docx (tracked changes), changes.md or changes.json" }, "usage");
  const oldDir = path.resolve(flags.redlineAgainst!);
  const { loadLibrary } = await import("../core/library/load.js");
  const { checkAnswers } = await import("../core/interview/answers.js");
  const { draftFromAnswers, prepareCode } = await import("../core/pipeline.js");
  const oldLibrary = loadLibrary(oldDir);
  const oldAnswers = checkAnswers(answersSrc, oldLibrary);
  const oldDraft = draftFromAnswers(oldLibrary, oldAnswers, templatesDir, flags.date, {}, await prepareCode(oldAnswers));
  const { compareDrafts } = await import("../core/diff-inputs.js");
  const result = compareDrafts(oldDraft, draft, displayPath(oldDir), flags.library?.length ? flags.library.map((d) => displayPath(path.resolve(d))).join(" + ") : "ordkit's library");
  const fmt = resolveFormat(flags);
  // DOCX: the new draft itself, in full legislative form, with the changes tracked inside it.
  const data = fmt === "docx" ? await (await import("../writers/docx/tracked.js")).writeDraftRedline(draft, result, { lineNumbers: flags.lineNumbers ?? false }) : await (await import("../writers/diff-report.js")).renderDiff(result, fmt);
  writeAtomic(flags.out, data, { force: flags.force ?? false });
  const { summaryText } = await import("../reporters/diff-common.js");
  process.stderr.write(`wrote ${displayPath(flags.out)} (${summaryText(result)})\n`);
}
