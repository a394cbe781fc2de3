// Instrument templates: a Handlebars skeleton rendered to tagged lines
// (@title, @recitals, @sections ...) that become the Draft's layout.
import { existsSync, readdirSync, readFileSync, realpathSync, statSync } from "node:fs";
import path from "node:path";
import { UserError, type Problem } from "../errors.js";
import { displayPath } from "../paths.js";
import type { Instrument, LayoutBlock } from "../draft.js";
import { checkTemplate, type TemplateIssue } from "../shared/handlebars.js";
import { templateScope } from "../library/globals.js";
import { partialCycles, partialRefs, type PartialRef } from "./partial-graph.js";
import { renderMarked } from "./structured.js";
import { LAYOUT_TAGS, layoutProblems } from "./layout-check.js";

export interface InstrumentTemplate {
  name: string;
  file: string;
  source: string;
  partials: Map<string, { file: string; source: string }>;
}

/**
 * The instrument template and its partials from a stack of template
 * directories (lowest first): a higher directory's file wins by name.
 */
export function loadTemplate(dirs: string | readonly string[], instrument: Instrument): InstrumentTemplate {
  const stack = typeof dirs === "string" ? [dirs] : dirs;
  const file = [...stack].reverse().map((d) => path.join(d, `${instrument}.hbs`)).find((f) => existsSync(f));
  if (!file) {
    const top = stack[stack.length - 1] ?? ".";
    throw new UserError({ message: `no template for ${instrument}`, file: displayPath(path.join(top, `${instrument}.hbs`)), hint: `add ${instrument}.hbs to the templates directory` });
  }
  const partials = new Map<string, { file: string; source: string }>();
  const problems: Problem[] = [];
  for (const dir of stack) {
    const pdir = path.join(dir, "partials");
    if (!existsSync(pdir)) continue;
    if (!statSync(pdir).isDirectory()) {
      problems.push({ message: "partials is not a directory", file: displayPath(pdir), hint: "partials/ holds one NAME.hbs file per partial" });
      continue;
    }
    for (const name of readdirSync(pdir).sort()) {
      if (!name.endsWith(".hbs")) continue;
      const pfile = path.join(pdir, name);
      partials.set(name.slice(0, -4), { file: pfile, source: readTemplateFile(dir, pfile, problems) });
    }
  }
  const home = stack.find((d) => path.join(d, `${instrument}.hbs`) === file) ?? path.dirname(file);
  const t: InstrumentTemplate = { name: `${instrument}.hbs`, file, source: readTemplateFile(home, file, problems), partials };
  if (problems.length) throw new UserError(problems);
  const names = new Set(partials.keys());
  for (const [f, src] of [[file, t.source] as const, ...[...partials.values()].map((p) => [p.file, p.source] as const)]) {
    for (const issue of checkTemplate(src, templateScope(), names)) {
      const lineText = src.split("\n")[issue.line - 1] ?? "";
      problems.push(templateProblem(issue, f, lineText));
    }
  }
  const refs = new Map<string, PartialRef[]>([...partials].map(([name, p]) => [name, partialRefs(p.source)]));
  for (const c of partialCycles(refs)) {
    const p = partials.get(c.partial)!;
    problems.push({
      file: displayPath(p.file),
      line: c.at.line,
      col: c.at.col,
      snippet: p.source.split("\n")[c.at.line - 1] ?? "",
      message: c.path.length === 2 ? `partial "${c.partial}" includes itself` : `partials include each other in a cycle: ${c.path.join(" -> ")}`,
      hint: "a partial may not include itself, directly or through other partials (it would never end)",
    });
  }
  if (problems.length) throw new UserError(problems);
  problems.push(...layoutProblems(t, partials));
  if (problems.length) throw new UserError(problems);
  return t;
}

/** A template issue as a problem at its file position. */
function templateProblem(issue: TemplateIssue, file: string, snippet: string): Problem {
  const hint = issue.hint ?? (issue.name ? "templates may use the globals in docs/templates.md and the partials in partials/ of any layer" : "check the {{ }} expressions");
  return { file: displayPath(file), line: issue.line, col: issue.col, snippet, message: issue.message, hint };
}

/** Template directories whose templates are read and checked once each, then reused (batch drafting). */
export interface TemplateSet {
  dirs: string[];
  loaded: Map<Instrument, InstrumentTemplate>;
}

export function templateSet(dirs: string[]): TemplateSet {
  return { dirs, loaded: new Map() };
}

/** The instrument's template from the set, loaded on first use. */
export function templateFor(templates: TemplateSet, instrument: Instrument): InstrumentTemplate {
  let t = templates.loaded.get(instrument);
  if (!t) {
    t = loadTemplate(templates.dirs, instrument);
    templates.loaded.set(instrument, t);
  }
  return t;
}

/**
 * A template file's text. A link to a file outside the templates directory is
 * not read: its text (any file on the machine) could end up in a draft.
 */
function readTemplateFile(dir: string, file: string, problems: Problem[]): string {
  try {
    const rel = path.relative(realpathSync(dir), realpathSync(file));
    if (rel.startsWith("..") || path.isAbsolute(rel)) {
      problems.push({ message: "the template is a link to a file outside the templates directory; it is not read", file: displayPath(file), hint: "copy the file into the templates directory instead" });
      return "";
    }
    return readFileSync(file, "utf8");
  } catch (err) {
    problems.push({ message: `cannot read the template (${(err as NodeJS.ErrnoException).code ?? String(err)})`, file: displayPath(file), hint: "check the templates directory" });
    return "";
  }
}

const TAGS = new Set<string>(LAYOUT_TAGS);

/**
 * Renders the template and parses its tagged lines into layout blocks. The
 * lines are read with every value still a marker (structured.ts), and values
 * are filled in only then: structure comes from the template alone.
 */
export function renderLayout(t: InstrumentTemplate, context: object): LayoutBlock[] {
  let marked: ReturnType<typeof renderMarked>;
  try {
    marked = renderMarked(t.source, new Map([...t.partials].map(([name, p]) => [name, p.source])), context);
  } catch (err) {
    throw runtimeError(err, displayPath(t.file));
  }
  const { text, fill } = marked;
  const blocks: LayoutBlock[] = [];
  const lineOf = new Map<LayoutBlock, number>();
  const problems: Problem[] = [];
  const where = (i: number): Problem => ({ message: "", file: displayPath(t.file), hint: `line ${i + 1} of the rendered template` });
  text.split("\n").forEach((line, i) => {
    if (line.trim() === "") return;
    if (/^\s/.test(line) && blocks.length) {
      const last = blocks[blocks.length - 1]!;
      if ("text" in last) last.text = `${last.text} ${line.trim()}`;
      else if (last.type === "signature") last.name = `${last.name} ${line.trim()}`;
      return;
    }
    const m = /^@([a-z]+)(?:\s+(.*))?$/.exec(line.trimEnd());
    if (!m || !TAGS.has(m[1]!)) {
      problems.push({ ...where(i), message: `template line does not start with a known block tag: ${JSON.stringify(line.slice(0, 60))}`, hint: "start every line with @heading, @title, @para, @formula, @recitals, @sections, @signature or @note (see docs/templates.md)" });
      return;
    }
    const tag = m[1]!;
    const rest = (m[2] ?? "").trim();
    if (tag === "recitals" || tag === "sections") blocks.push({ type: tag });
    else if (tag === "signature") {
      const [label, name] = rest.split("|").map((s) => s.trim());
      blocks.push({ type: "signature", label: label ?? "", name: name ?? "" });
    } else {
      const b: LayoutBlock = { type: tag as "heading", text: rest };
      lineOf.set(b, i);
      blocks.push(b);
    }
  });
  // Values go in only now that the lines have been read as tags.
  for (const b of blocks) {
    if (b.type === "signature") {
      b.label = fill(b.label).trim();
      b.name = fill(b.name).trim();
    } else if ("text" in b) {
      b.text = fill(b.text).trim();
      if (!b.text) problems.push({ ...where(lineOf.get(b) ?? 0), message: `@${b.type} renders as empty text`, hint: "a value it uses is empty; give it in the answers or guard it with {{#if}}" });
    }
  }
  for (const tag of ["title", "recitals", "formula", "sections"] as const) {
    const n = blocks.filter((b) => b.type === tag).length;
    if (n !== 1) problems.push({ message: `the template must have exactly one @${tag} line (found ${n})`, file: displayPath(t.file), hint: "see docs/templates.md" });
  }
  if (problems.length) throw new UserError(problems);
  return blocks;
}

/** A Handlebars runtime error (strict mode: a missing value) as a UserError. */
export function runtimeError(err: unknown, file: string, line?: number, col?: number): UserError {
  const e = err as Error & { lineNumber?: number; column?: number };
  const missing = /"([^"]+)" not defined/.exec(e.message ?? "") ?? /"([^"]+)" was given a value that is not defined/.exec(e.message ?? "");
  if (missing && /was given/.test(e.message)) {
    return new UserError({
      message: `the helper ${missing[1]} is used with a value the answers do not give`,
      file,
      ...(line !== undefined ? { line } : {}),
      ...(col !== undefined ? { col } : {}),
      hint: "give the value in the answers file, or guard the expression with {{#if}} (a draft law must not contain a blank)",
    });
  }
  if (missing) {
    return new UserError({
      message: `the answers give no value for "${missing[1]}", which the text uses`,
      file,
      ...(line !== undefined ? { line } : e.lineNumber !== undefined ? { line: e.lineNumber } : {}),
      ...(col !== undefined ? { col } : e.column !== undefined ? { col: e.column + 1 } : {}),
      hint: `add ${missing[1]} to the answers file (a draft law must not contain a blank)`,
    });
  }
  return new UserError({ message: `cannot render: ${e.message ?? String(err)}`, file, ...(line !== undefined ? { line } : {}) });
}
