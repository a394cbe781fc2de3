// The walks along the pipeline that several commands share.
import { existsSync } from "node:fs";
import { readInputBytes } from "./io/read-input.js";
import path from "node:path";
import { loadLibrary, type LibrarySpec } from "./library/load.js";
import { checkAnswers, resolvedOptions, type LoadedAnswers } from "./interview/answers.js";
import { withAnswerHints } from "./answer-hints.js";
import { YamlSource } from "./shared/yaml-source.js";
import { assemble } from "./assemble/assemble.js";
import { displayPath } from "./paths.js";
import { UserError } from "./errors.js";
import { buildContext, withRiskNotes, type CheckInstrument } from "./risk/index.js";
import { parseTextDocument, textFormatFor, type LineRange } from "./parse/text.js";
import { readDocx } from "./parse/docx.js";
import { textFileIssue } from "./text/utf8.js";
import { INSTRUMENTS } from "./draft.js";
import type { AmendInput } from "./amend/build.js";
import type { PublishedLines } from "./amend/chapter.js";
import type { Draft, Instrument } from "./draft.js";
import type { Library } from "./shared/library-types.js";
import type { TemplateSet } from "./assemble/templates.js";

export interface BuildInput {
  answersFile: string;
  /** The library directory, or the --library layers in order. */
  libraryDir: LibrarySpec;
  /** An extra templates directory above the library's (--templates). */
  templatesDir?: string | undefined;
  date?: string;
  /** The amending step, for answers with existing.code (prepareCode). */
  code?: CodeStep | undefined;
}

/** answers file + library + templates -> Draft with its risk notes. */
export function buildDraft(input: BuildInput, override: ContextOverride = {}): Draft {
  const answersSrc = YamlSource.read(input.answersFile, displayPath(input.answersFile));
  const library = loadLibrary(input.libraryDir);
  const answers = checkAnswers(answersSrc, library);
  return draftFromAnswers(library, answers, input.templatesDir, input.date, override, input.code);
}

/** What `check --state/--instrument` overrides in the risk context of an assembled draft. */
export interface ContextOverride {
  state?: string;
  instrument?: CheckInstrument;
}

/** Assembles checked answers and runs the risk rules in the context the answers give. */
export function draftFromAnswers(library: Library, answers: LoadedAnswers, templatesDir?: string | TemplateSet, date?: string, override: ContextOverride = {}, code?: CodeStep): Draft {
  const draft = assemble({ library, answers, templatesDir, ...(date ? { date } : {}) });
  const a = answers.answers;
  const context = buildContext({ state: override.state ?? a.jurisdiction.state, instrument: override.instrument ?? a.instrument, existing: a.existing });
  // Answers that point at the code's current text make an amending ordinance.
  if (a.existing.code) {
    if (!code) throw new UserError(answers.source.problem(["existing", "code"], "amending ordinances are drafted by ordkit draft --answers and checked by ordkit check, not here", "draft this jurisdiction on its own with ordkit draft --answers FILE"), "usage");
    return withAnswerHints(code.amend({ draft, answers, context, published: code.published }), library, resolvedOptions(a, library));
  }
  return withAnswerHints(withRiskNotes(draft, context), library, resolvedOptions(a, library));
}

/** The amending step: loaded only for answers that amend a code (it brings the diff engine), with a PDF or HTML chapter read. */
export interface CodeStep {
  amend: (input: AmendInput) => Draft;
  published: PublishedLines | undefined;
}

/**
 * What draftFromAnswers needs to draft an amending ordinance, or undefined
 * when the answers do not amend a code. A PDF or HTML chapter is read here
 * (asynchronously); a missing file is reported later where the answers name it.
 */
export async function prepareCode(answers: LoadedAnswers): Promise<CodeStep | undefined> {
  if (!answers.answers.existing.code) return undefined;
  const { amendingDraft, codeSpecOf } = await import("./amend/build.js");
  const spec = codeSpecOf(answers);
  const published = spec && publishedKind(spec.file) && existsSync(spec.file) ? ((await readPublished(spec.file)) ?? undefined) : undefined;
  return { amend: amendingDraft, published };
}

/** buildDraft for answers that may amend a code. */
export async function buildDraftAsync(input: BuildInput, override: ContextOverride = {}): Promise<Draft> {
  const code = input.code ?? (await prepareCode(checkAnswers(YamlSource.read(input.answersFile, displayPath(input.answersFile)))));
  return buildDraft({ ...input, code }, override);
}

export interface CheckInput {
  file: string;
  libraryDir: LibrarySpec;
  templatesDir?: string | undefined;
  state?: string;
  instrument?: CheckInstrument;
  /** Paragraphs already read from a PDF or HTML file (readPublished). */
  published?: { kind: "pdf" | "html"; lines: string[] };
  /** For an answers file with existing.code: the amending step (prepareCode). */
  code?: CodeStep | undefined;
}

export interface CheckResult {
  draft: Draft;
  kind: "answers" | "md" | "txt" | "docx" | "pdf" | "html";
  /** The state whose law and circuit the notes assumed (null: unknown). */
  state: string | null;
  /** What the notes read the draft as (a statute is never a Draft's own instrument). */
  instrument: CheckInstrument;
  /** Source lines of each anchor, for text drafts. */
  lines: Map<string, LineRange>;
  /** A DOCX ordkit wrote: what its properties said (state, instrument, library), used where no flag overrides them. */
  fromProperties?: { state?: string; instrument?: Instrument; library?: string };
}

/** Any draft a reviewer hands us -> Draft with risk notes. */
export function checkFile(input: CheckInput): CheckResult {
  const lower = input.file.toLowerCase();
  const shown = displayPath(input.file);
  if (lower.endsWith(".yaml") || lower.endsWith(".yml")) {
    const override: ContextOverride = { ...(input.state ? { state: input.state } : {}), ...(input.instrument ? { instrument: input.instrument } : {}) };
    const draft = buildDraft({ answersFile: input.file, libraryDir: input.libraryDir, templatesDir: input.templatesDir, code: input.code }, override);
    return { draft, kind: "answers", state: input.state ?? draft.jurisdiction.state, instrument: input.instrument ?? draft.instrument, lines: new Map() };
  }
  let text: string;
  let format: "md" | "txt";
  let kind: CheckResult["kind"];
  let fromProperties: CheckResult["fromProperties"];
  if (input.published) {
    text = input.published.lines.join("\n\n");
    format = "txt";
    kind = input.published.kind;
  } else if (lower.endsWith(".docx")) {
    const docx = readDocx(input.file);
    text = docx.lines.join("\n\n");
    format = "txt";
    kind = "docx";
    fromProperties = ordkitProperties(docx.properties);
    if (fromProperties) {
      input = { ...input, ...(!input.state && fromProperties.state ? { state: fromProperties.state } : {}), ...(!input.instrument && fromProperties.instrument ? { instrument: fromProperties.instrument } : {}) };
    }
  } else if (publishedKind(input.file)) {
    throw new UserError({ message: "PDF and HTML files are read with checkAnyFile", file: shown });
  } else {
    const f = textFormatFor(input.file);
    if (!f) throw new UserError({ message: `cannot tell what kind of draft "${path.basename(input.file)}" is`, file: shown, hint: "check reads answers files (.yaml), Markdown (.md), plain text (.txt), Word (.docx), PDF (.pdf) and HTML (.html)" }, "usage");
    text = readText(input.file);
    format = f;
    kind = f;
  }
  const asDraft = input.instrument && input.instrument !== "statute" ? input.instrument : undefined;
  const parsed = parseTextDocument(text, { file: shown, format, ...(asDraft ? { instrument: asDraft } : {}), ...(input.state ? { state: input.state } : {}) });
  const draft = parsed.draft;
  const state = input.state ?? (draft.jurisdiction.state || null);
  const ctx = buildContext({ state, instrument: input.instrument ?? draft.instrument, existing: {} });
  return { draft: withRiskNotes(draft, ctx), kind, state, instrument: ctx.instrument, lines: kind === "md" || kind === "txt" ? parsed.lines : new Map(), ...(fromProperties ? { fromProperties } : {}) };
}

/** PDF or HTML: the formats measures are published in, read asynchronously (PDF.js runs in a worker). */
export function publishedKind(file: string): "pdf" | "html" | null {
  const lower = file.toLowerCase();
  if (lower.endsWith(".pdf")) return "pdf";
  if (lower.endsWith(".html") || lower.endsWith(".htm") || lower.endsWith(".xhtml")) return "html";
  return null;
}

/** The paragraphs of a PDF or HTML measure; the readers load only when needed. */
export async function readPublished(file: string): Promise<{ kind: "pdf" | "html"; lines: string[] } | null> {
  const kind = publishedKind(file);
  if (kind === "pdf") return { kind, lines: await (await import("./parse/pdf.js")).pdfLines(file) };
  if (kind === "html") return { kind, lines: await (await import("./parse/html.js")).htmlLines(file) };
  return null;
}

/** checkFile for every kind of input, PDF and HTML included. */
export async function checkAnyFile(input: CheckInput): Promise<CheckResult> {
  if (/\.ya?ml$/i.test(input.file)) {
    const code = input.code ?? (await prepareCode(checkAnswers(YamlSource.read(input.file, displayPath(input.file)))));
    return checkFile({ ...input, code });
  }
  const published = input.published ?? (await readPublished(input.file));
  return checkFile(published ? { ...input, published } : input);
}

/** The state, instrument and library an ordkit DOCX records in its properties (undefined for other files). */
function ordkitProperties(p: Record<string, string>): CheckResult["fromProperties"] {
  if (!p.ordkit_version) return undefined;
  const out: NonNullable<CheckResult["fromProperties"]> = {};
  if (p.ordkit_state && /^[A-Z]{2}$/.test(p.ordkit_state)) out.state = p.ordkit_state;
  if (p.ordkit_instrument && (INSTRUMENTS as readonly string[]).includes(p.ordkit_instrument)) out.instrument = p.ordkit_instrument as Instrument;
  if (p.ordkit_library) out.library = p.ordkit_library;
  return out;
}

const MAX_TEXT_BYTES = 8 * 1024 * 1024;

function readText(file: string): string {
  const shown = displayPath(file);
  const bytes = readInputBytes(file, shown, MAX_TEXT_BYTES);
  if (bytes.includes(0)) throw new UserError({ message: "file is binary, not text", file: shown, hint: "pass a Markdown, plain-text or .docx draft" });
  // Never a U+FFFD in a reading of a law, nor an ESC sequence on its way to a terminal: refused where it is.
  const issue = textFileIssue(bytes);
  if (issue) throw new UserError({ ...issue, message: issue.message === "is not UTF-8 text" ? "file is not UTF-8 text" : `the draft ${issue.message}`, file: shown });
  return bytes.toString("utf8");
}
