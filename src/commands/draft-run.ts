// The body of `ordkit draft`, loaded only when the command runs.
import path from "node:path";
import { UserError } from "../core/errors.js";
import { DEFAULT_LIBRARY_DIR, DEFAULT_TEMPLATES_DIR, displayPath } from "../core/paths.js";
import { checkOutput, writeAtomic } from "../core/io/output.js";
import { WRITERS, formatFromPath, type FormatName } from "../writers/index.js";
import type { DraftFlags } from "./draft.js";

export async function runDraft(flags: DraftFlags): Promise<void> {
  if (!flags.answers) {
    throw new UserError({ message: "no answers file given", hint: "pass --answers FILE (see examples/ and docs/answers-format.md)" }, "usage");
  }
  if (flags.date !== undefined && !/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/.test(flags.date)) {
    throw new UserError({ message: `--date must be YYYY-MM-DD, got "${flags.date}"`, hint: "e.g. --date 2026-04-01" }, "usage");
  }
  const format = resolveFormat(flags);
  const writer = WRITERS[format];
  if (!flags.out && writer.binary) {
    throw new UserError({ message: `${format} output needs --out FILE`, hint: `e.g. --out draft${writer.extension}, or use --format md to print Markdown` }, "usage");
  }
  if (flags.out) checkOutput(flags.out, { force: flags.force ?? false, inputs: [flags.answers] });

  const { buildDraft } = await import("../core/pipeline.js");
  const draft = buildDraft({
    answersFile: flags.answers,
    libraryDir: flags.library ? path.resolve(flags.library) : DEFAULT_LIBRARY_DIR,
    templatesDir: flags.templates ? path.resolve(flags.templates) : DEFAULT_TEMPLATES_DIR,
    ...(flags.date ? { date: flags.date } : {}),
  });
  const data = await writer.write(draft, { lineNumbers: flags.lineNumbers ?? false });
  if (flags.out) {
    writeAtomic(flags.out, data, { force: flags.force ?? false });
    const summary = `wrote ${displayPath(flags.out)} (${draft.instrument}, ${draft.sections.length} sections)`;
    process.stderr.write(`${summary}\n`);
    for (const n of draft.notes) process.stderr.write(`note: ${n}\n`);
  } else {
    process.stdout.write(data);
  }
}

function resolveFormat(flags: DraftFlags): FormatName {
  const fromOut = flags.out ? formatFromPath(flags.out) : null;
  if (flags.format) {
    const f = flags.format as FormatName;
    if (fromOut && fromOut !== f) {
      throw new UserError({ message: `--format ${f} does not match the extension of --out ${flags.out}`, hint: `use --out with ${WRITERS[f].extension}` }, "usage");
    }
    return f;
  }
  if (flags.out && !fromOut) {
    throw new UserError({ message: `cannot tell the format from "${flags.out}"`, hint: "end --out with .docx, .md or .json, or pass --format" }, "usage");
  }
  return fromOut ?? "docx";
}
