// Handlebars' parser reports a brace left open or closed twice as a list of
// token names at a position of its own; this finds the brace itself, so the
// problem can point at it in the clause or template file.
import { didYouMean } from "../nearest.js";

export interface SyntaxSpot {
  /** 0-based offset of the offending braces in the source. */
  offset: number;
  message: string;
  hint: string;
  /** The source text at the spot (to find it again in the file it came from). */
  excerpt: string;
}

/** The first unbalanced "{{" or "}}" in the source, or null when the braces pair up. */
export function braceProblem(source: string): SyntaxSpot | null {
  let i = 0;
  for (;;) {
    const open = source.indexOf("{{", i);
    const close = source.indexOf("}}", i);
    if (close !== -1 && (open === -1 || close < open)) {
      // A "}}}" right after a "{{{...}}" close is the triple form, handled below; anything else is stray.
      return spot(source, close, "}} closes nothing", "remove it, or add the {{ that opens it");
    }
    if (open === -1) return null;
    const triple = source.startsWith("{{{", open);
    const end = triple ? source.indexOf("}}}", open + 3) : close;
    const next = source.indexOf("{{", open + 2 + (triple ? 1 : 0));
    if (end === -1 || (next !== -1 && next < end)) {
      const single = source.indexOf("}", open + 2);
      const near = single !== -1 && (next === -1 || single < next) && source[single + 1] !== "}";
      return spot(source, open, `${triple ? "{{{" : "{{"} is not closed`, near ? `close it with ${triple ? "}}}" : "}}"} (there is a single } after it)` : `close the expression with ${triple ? "}}}" : "}}"}`);
    }
    i = end + (triple ? 3 : 2);
  }
}

function spot(source: string, offset: number, message: string, hint: string): SyntaxSpot {
  const rest = source.slice(offset);
  const excerpt = /^\S+/.exec(rest)?.[0] ?? rest.slice(0, 2);
  return { offset, message: `template syntax error: ${message}`, hint, excerpt };
}

/** The parser's own message, made readable: what it got, where the line says. */
export function parserMessage(raw: string): { message: string; line: number } {
  const line = Number(/line (\d+)/.exec(raw)?.[1] ?? 1);
  const got = /got '([A-Z_]+)'/.exec(raw)?.[1];
  const words: Record<string, string> = { INVALID: "a character that cannot appear there", EOF: "the end of the text", CLOSE: "}}", OPEN: "{{", OPEN_ENDBLOCK: "{{/", OPEN_BLOCK: "{{#", ID: "a name" };
  const what = got ? `unexpected ${words[got] ?? got.toLowerCase().replace(/_/g, " ")}` : raw.split("\n").slice(-1)[0] ?? raw;
  return { message: `template syntax error: ${what}`, line };
}

/** "did you mean" for a misspelled helper, over the helpers (not the variables). */
export function helperHint(name: string, helpers: Iterable<string>): string {
  const list = [...helpers];
  return didYouMean(name, list, `the helpers are: ${list.join(", ")} (docs/clause-format.md)`);
}
