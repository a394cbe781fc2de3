// The walks along the pipeline that several commands share.
import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import { loadLibrary, type LibrarySpec } from "./library/load.js";
import { checkAnswers, resolvedOptions, type LoadedAnswers } from "./interview/answers.js";
import { withAnswerHints } from "./answer-hints.js";
import { YamlSource } from "./library/yaml-source.js";
import { assemble } from "./assemble/assemble.js";
import { displayPath } from "./paths.js";
import { UserError } from "./errors.js";
import { buildContext, withRiskNotes } from "./risk/index.js";
import { parseTextDocument, textFormatFor, type LineRange } from "./parse/text.js";
import { readDocx } from "./parse/docx.js";
import { INSTRUMENTS } from "./draft.js";
import type { Draft, Instrument } from "./draft.js";
import type { Library } from "./library/types.js";
import type { TemplateSet } from "./assemble/templates.js";

export interface BuildInput {
  answersFile: string;
  /** The library directory, or the --library layers in order. */
  libraryDir: LibrarySpec;
  /** An extra templates directory above the library's (--templates). */
  templatesDir?: string | undefined;
  date?: string;
}

/** answers file + library + templates -> Draft with its risk notes. */
export function buildDraft(input: BuildInput, override: ContextOverride = {}): Draft {
  const answersSrc = YamlSource.read(input.answersFile, displayPath(input.answersFile));
  const library = loadLibrary(input.libraryDir);
  const answers = checkAnswers(answersSrc, library);
  return draftFromAnswers(library, answers, input.templatesDir, input.date, override);
}

/** What `check --state/--instrument` overrides in the risk context of an assembled draft. */
export interface ContextOverride {
  state?: string;
  instrument?: Instrument;
}

/** Assembles checked answers and runs the risk rules in the context the answers give. */
export function draftFromAnswers(library: Library, answers: LoadedAnswers, templatesDir?: string | TemplateSet, date?: string, override: ContextOverride = {}): Draft {
  const draft = assemble({ library, answers, templatesDir, ...(date ? { date } : {}) });
  const a = answers.answers;
  const checked = withRiskNotes(draft, buildContext({ state: override.state ?? a.jurisdiction.state, instrument: override.instrument ?? a.instrument, existing: a.existing }));
  return withAnswerHints(checked, library, resolvedOptions(a, library));
}

export interface CheckInput {
  file: string;
  libraryDir: LibrarySpec;
  templatesDir?: string | undefined;
  state?: string;
  instrument?: Instrument;
}

export interface CheckResult {
  draft: Draft;
  kind: "answers" | "md" | "txt" | "docx";
  /** The state whose law and circuit the notes assumed (null: unknown). */
  state: string | null;
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
    const draft = buildDraft({ answersFile: input.file, libraryDir: input.libraryDir, templatesDir: input.templatesDir }, override);
    return { draft, kind: "answers", state: input.state ?? draft.jurisdiction.state, lines: new Map() };
  }
  let text: string;
  let format: "md" | "txt";
  let kind: CheckResult["kind"];
  let fromProperties: CheckResult["fromProperties"];
  if (lower.endsWith(".docx")) {
    const docx = readDocx(input.file);
    text = docx.lines.join("\n\n");
    format = "txt";
    kind = "docx";
    fromProperties = ordkitProperties(docx.properties);
    if (fromProperties) {
      input = { ...input, ...(!input.state && fromProperties.state ? { state: fromProperties.state } : {}), ...(!input.instrument && fromProperties.instrument ? { instrument: fromProperties.instrument } : {}) };
    }
  } else {
    const f = textFormatFor(input.file);
    if (!f) throw new UserError({ message: `cannot tell what kind of draft "${path.basename(input.file)}" is`, file: shown, hint: "check reads answers files (.yaml), Markdown (.md), plain text (.txt) and Word (.docx)" }, "usage");
    text = readText(input.file);
    format = f;
    kind = f;
  }
  const parsed = parseTextDocument(text, { file: shown, format, ...(input.instrument ? { instrument: input.instrument } : {}), ...(input.state ? { state: input.state } : {}) });
  const draft = parsed.draft;
  const state = input.state ?? (draft.jurisdiction.state || null);
  const ctx = buildContext({ state, instrument: input.instrument ?? draft.instrument, existing: {} });
  return { draft: withRiskNotes(draft, ctx), kind, state, lines: kind === "docx" ? new Map() : parsed.lines, ...(fromProperties ? { fromProperties } : {}) };
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
  try {
    if (statSync(file).size > MAX_TEXT_BYTES) throw new UserError({ message: "file is too large to be a draft (over 8 MB)", file: shown });
    const bytes = readFileSync(file);
    if (bytes.includes(0)) throw new UserError({ message: "file is binary, not text", file: shown, hint: "pass a Markdown, plain-text or .docx draft" });
    return bytes.toString("utf8");
  } catch (err) {
    if (err instanceof UserError) throw err;
    throw new UserError({ message: `cannot read file: ${(err as NodeJS.ErrnoException).code ?? String(err)}`, file: shown, hint: "check the path" }, "io");
  }
}
