// Instrument templates keep structure and values apart. The template's own
// text makes the layout (@title, @para ... lines); every value an expression
// outputs is rendered as an opaque marker, and markers are replaced by their
// text only after the lines have been read as tags. So no answer, whatever
// it holds, can start a line, add a block or split a signature.
import { randomBytes } from "node:crypto";
import { layoutHb, parseOnce } from "../shared/handlebars.js";

type Node = hbs.AST.Node;

const VALUE_HELPER = "ordkit_value_marker";
/** Private-use delimiters and a per-process nonce: template text cannot forge a marker. */
const NONCE = randomBytes(6).toString("hex");
const MARKER = new RegExp(`\\uE000${NONCE}(\\d+)\\uE001`, "g");

/** The values of one render, by marker number. */
let current: string[] | null = null;

layoutHb.registerHelper(VALUE_HELPER, (value: unknown, ...rest: unknown[]) => {
  if (!current) throw new Error("a value marker outside a layout render");
  // Strict mode checks a lone {{name}} but not a helper's argument: the marker checks it, in Handlebars' words.
  const [name, line, column] = rest.length > 3 ? rest : [];
  if (value === undefined && typeof name === "string") {
    // Located as Handlebars' own strict-mode error would be (runtimeError reads lineNumber and column).
    throw Object.assign(new Error(`"${name}" not defined`), { lineNumber: line, column });
  }
  // What Handlebars itself would output for the value ('' for null and undefined).
  current.push(value === null || value === undefined ? "" : String(value));
  return `\uE000${NONCE}${current.length - 1}\uE001`;
});

/** {{expr ...}} becomes {{marker (expr ...)}} (or {{marker expr}} for a lone name or literal), everywhere in the tree. */
function markValues(node: Node): void {
  const n = node as unknown as Record<string, unknown>;
  switch (node.type) {
    case "Program":
      for (const s of (node as hbs.AST.Program).body) markValues(s);
      return;
    case "BlockStatement": {
      const b = node as hbs.AST.BlockStatement;
      if (b.program) markValues(b.program);
      if (b.inverse) markValues(b.inverse);
      return;
    }
    case "MustacheStatement": {
      const m = node as hbs.AST.MustacheStatement;
      const call = m.params.length > 0 || (m.hash?.pairs.length ?? 0) > 0;
      const inner: hbs.AST.Expression = call ? ({ type: "SubExpression", path: m.path, params: m.params, hash: m.hash, loc: m.loc } as unknown as hbs.AST.SubExpression) : (m.path as hbs.AST.Expression);
      const original = (m.path as hbs.AST.PathExpression).original;
      const literal = (type: string, value: unknown): unknown => ({ type, value, original: value, loc: m.loc });
      // A lone name also passes its name and position, for the error when it has no value.
      const lone = !call && m.path.type === "PathExpression" ? [literal("StringLiteral", original), literal("NumberLiteral", m.loc.start.line), literal("NumberLiteral", m.loc.start.column)] : [];
      n.path = { type: "PathExpression", data: false, depth: 0, parts: [VALUE_HELPER], original: VALUE_HELPER, loc: m.loc } as hbs.AST.PathExpression;
      n.params = [inner, ...(lone as hbs.AST.Expression[])];
      n.hash = undefined;
      return;
    }
  }
}

const compiled = new Map<string, HandlebarsTemplateDelegate>();

function compileMarked(source: string): HandlebarsTemplateDelegate {
  let fn = compiled.get(source);
  if (!fn) {
    // A fresh tree (the cached one is shared with the static check), marked, then compiled.
    parseOnce(source); // the nesting limit
    const ast = layoutHb.parseWithoutProcessing(source);
    markValues(ast);
    fn = layoutHb.compile(ast, { strict: true, noEscape: true });
    compiled.set(source, fn);
  }
  return fn;
}

export interface MarkedText {
  /** The rendered template with a marker where each value goes. */
  text: string;
  /** Replaces the markers in a piece of the rendered text with their values. */
  fill(piece: string): string;
}

/** Renders an instrument template with its partials; values stay markers until fill(). */
export function renderMarked(source: string, partials: ReadonlyMap<string, string>, context: object): MarkedText {
  for (const name of Object.keys(layoutHb.partials)) layoutHb.unregisterPartial(name);
  for (const [name, p] of partials) layoutHb.registerPartial(name, compileMarked(p));
  const values: string[] = [];
  current = values;
  try {
    const text = compileMarked(source)(context);
    return { text, fill: (piece) => piece.replace(MARKER, (_, i: string) => values[Number(i)] ?? "") };
  } finally {
    current = null;
  }
}
