// How deeply a template nests, found by one linear scan of its source before
// Handlebars' parser (which recurses once per level, so 2,000 nested blocks
// overflow the stack and 100,000 take minutes) ever sees it.

/** Far deeper than any legislative template needs, far shallower than the parser can follow. */
export const MAX_TEMPLATE_NESTING = 64;

export interface NestingIssue {
  message: string;
  line: number;
  col: number;
  hint: string;
}

/**
 * The first place where blocks ({{#...}}, {{^...}}, chained {{else if}}) or
 * sub-expressions (parentheses inside {{ }}) nest deeper than the limit, or
 * null. Comments and escaped \{{ are skipped, as the parser skips them.
 */
export function nestingIssue(source: string, max = MAX_TEMPLATE_NESTING): NestingIssue | null {
  /** Each open block's weight: 1, plus 1 per chained {{else ...}} (each is a block inside the last). */
  const open: number[] = [];
  let depth = 0;
  let line = 1;
  let lineStart = 0;
  const at = (i: number, message: string): NestingIssue => ({ message, line, col: i - lineStart + 1, hint: `a template may nest blocks and ( ) at most ${max} deep; split it into partials or simplify the conditions` });
  const n = source.length;
  let i = 0;
  while (i < n) {
    const c = source.charCodeAt(i);
    if (c === 10) {
      line++;
      lineStart = i + 1;
      i++;
      continue;
    }
    if (c !== 123 || source.charCodeAt(i + 1) !== 123 || (i > 0 && source.charCodeAt(i - 1) === 92)) {
      i++;
      continue;
    }
    // At "{{": find the end of the expression, counting lines and parentheses on the way.
    const start = i;
    let j = i + 2;
    while (source.charCodeAt(j) === 123) j++; // {{{ and raw blocks
    if (source.charCodeAt(j) === 126) j++; // ~ whitespace control
    const kind = source[j];
    if (kind === "!") {
      const end = source.startsWith("--", j + 1) ? source.indexOf("--}}", j) : source.indexOf("}}", j);
      const stop = end === -1 ? n : end;
      for (let k = j; k < stop; k++) if (source.charCodeAt(k) === 10) { line++; lineStart = k + 1; }
      i = stop + 2;
      continue;
    }
    let parens = 0;
    let k = j;
    for (; k < n && !(source.charCodeAt(k) === 125 && source.charCodeAt(k + 1) === 125); k++) {
      const ch = source.charCodeAt(k);
      if (ch === 10) {
        line++;
        lineStart = k + 1;
      } else if (ch === 40) {
        parens++;
        if (depth + parens > max) return at(k, `the template nests deeper than ${max} levels`);
      } else if (ch === 41) parens = Math.max(0, parens - 1);
    }
    const inner = source.slice(j, Math.min(k, j + 16));
    if (kind === "#" || (kind === "^" && !/^\^\s*~?$/.test(source.slice(j, k)))) {
      open.push(1);
      depth++;
      if (depth > max) return at(start, `blocks nest deeper than ${max} levels`);
    } else if (kind === "/") {
      depth -= open.pop() ?? 0;
      depth = Math.max(0, depth);
    } else if (/^else\s+\S/.test(inner) && open.length > 0) {
      open[open.length - 1]!++;
      depth++;
      if (depth > max) return at(start, `{{else ...}} chains nest deeper than ${max} levels`);
    }
    i = k + 2;
  }
  return null;
}
