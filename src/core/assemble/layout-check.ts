// The static check of an instrument template's lines, before anything is
// rendered: every line starts with a known @tag (or is a continuation, a
// partial or a block helper), and @title, @recitals, @formula and @sections
// each appear once. Problems name the template or partial file and line, so a
// layer's mistake is reported where it is, not in the rendered template.
import type { Problem } from "../errors.js";
import path from "node:path";
import { DEFAULT_TEMPLATES_DIR, displayPath } from "../paths.js";
import { didYouMean } from "../nearest.js";

export const LAYOUT_TAGS = ["heading", "title", "para", "formula", "recitals", "sections", "signature", "note"] as const;
const ONCE = ["title", "recitals", "formula", "sections"] as const;

export interface TemplateFile {
  file: string;
  source: string;
}

interface TagSpot {
  file: string;
  line: number;
  col: number;
  snippet: string;
  /** Inside an {{#if}} or other block: it may be one of alternatives. */
  conditional: boolean;
  /** In ordkit's own templates. */
  own: boolean;
}

/** Leading tokens that print nothing themselves: block opens/closes, else, comments. */
const SILENT = /^(?:\{\{!--[\s\S]*?--\}\}|\{\{![^}]*\}\}|\{\{~?\s*(?:[#^/]|else\b)[^}]*\}\})/;
const PARTIAL = /^\{\{~?>\s*([^\s}]+)[^}]*\}\}/;

export function layoutProblems(template: TemplateFile, partials: ReadonlyMap<string, TemplateFile>): Problem[] {
  const problems: Problem[] = [];
  const tags = new Map<string, TagSpot[]>();
  const visit = (t: TemplateFile, depth: number, stack: string[]): void => {
    const lines = t.source.split("\n");
    let level = depth;
    lines.forEach((raw, i) => {
      const text = raw.replace(/\r$/, "");
      if (text.trim() === "") return;
      const continuation = /^\s/.test(text);
      let rest = text.trimStart();
      let col = text.length - rest.length + 1;
      let lineStartPartial = false;
      for (;;) {
        const silent = SILENT.exec(rest);
        const partial = silent ? null : PARTIAL.exec(rest);
        if (!silent && !partial) break;
        const token = (silent ?? partial)![0];
        if (silent) level += opens(token);
        if (partial) {
          lineStartPartial = true;
          const p = partials.get(partial[1]!);
          if (p && !stack.includes(partial[1]!)) visit(p, level, [...stack, partial[1]!]);
        }
        rest = rest.slice(token.length);
        col += token.length;
        const trimmed = rest.trimStart();
        col += rest.length - trimmed.length;
        rest = trimmed;
      }
      // Blocks opened or closed later on the line change the level of the lines after it.
      const after = rest;
      if (rest !== "" && !continuation && !lineStartPartial && !rest.startsWith("{{")) {
        const m = /^@([A-Za-z]+)/.exec(rest);
        const spot = { file: displayPath(t.file), line: i + 1, col, snippet: text };
        if (!m) {
          problems.push({ ...spot, message: "this template line does not start with a block tag", hint: `start it with one of ${LAYOUT_TAGS.map((x) => `@${x}`).join(", ")}, or indent it to continue the line above (docs/templates.md)` });
        } else if (!(LAYOUT_TAGS as readonly string[]).includes(m[1]!)) {
          problems.push({ ...spot, message: `unknown block tag @${m[1]}`, hint: didYouMean(m[1]!, LAYOUT_TAGS, `the tags are: ${LAYOUT_TAGS.map((x) => `@${x}`).join(", ")}`).replace(/"([a-z]+)"/g, '"@$1"') });
        } else {
          const list = tags.get(m[1]!) ?? [];
          list.push({ ...spot, conditional: level > 0, own: !path.relative(DEFAULT_TEMPLATES_DIR, t.file).startsWith("..") });
          tags.set(m[1]!, list);
        }
      }
      level += opens(after);
      level = Math.max(level, 0);
    });
  };
  visit(template, 0, []);
  for (const tag of ONCE) {
    const spots = tags.get(tag) ?? [];
    if (spots.length === 0) {
      problems.push({ file: displayPath(template.file), message: `the template has no @${tag} line`, hint: `an instrument needs exactly one @${tag} line (docs/templates.md)` });
      continue;
    }
    const plain = spots.filter((s) => !s.conditional);
    if (plain.length >= 2) {
      // Blame a layer's file rather than ordkit's own template.
      const second = plain.find((s) => !s.own) ?? plain[1]!;
      const first = plain.find((s) => s !== second)!;
      problems.push({ file: second.file, line: second.line, col: second.col, snippet: second.snippet, message: `a second @${tag} line (the other is at ${first.file}:${first.line})`, hint: `an instrument has exactly one @${tag} line; remove one, or choose between them with {{#if}} ... {{else}} ... {{/if}}` });
    }
  }
  return problems;
}

/** Blocks opened minus blocks closed in a piece of template text. */
function opens(text: string): number {
  let n = 0;
  for (const m of text.matchAll(/\{\{~?\s*([#^/])/g)) n += m[1] === "/" ? -1 : 1;
  return n;
}
