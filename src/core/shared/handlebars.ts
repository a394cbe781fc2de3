// One isolated Handlebars instance for clause text and instrument templates:
// strict, unescaped (output is not HTML; writers escape for their format), with
// a static check that every name a template uses is declared before rendering.
import Handlebars from "handlebars";
import { nestingIssue } from "./nesting.js";
import { REFERENCE_HANDLEBARS } from "../reference-parsers.js";
import { HELPERS } from "./helpers.js";
import { braceProblem, helperHint, parserMessage, type SyntaxSpot } from "./template-syntax.js";
import { didYouMean } from "./nearest.js";

type HbsNode = hbs.AST.Node;

const hb = Handlebars.create();
/** Instrument templates render in an instance of their own: it holds their partials and the value marker (structured.ts). */
export const layoutHb = Handlebars.create();

export { HELPERS, joinList, longDate, numberWords, titledOffice } from "./helpers.js";

for (const [name, fn] of Object.entries(HELPERS)) {
  // Handlebars passes an options object last; helpers take only their arguments.
  // Strict mode does not check helper arguments, so a missing value is caught here
  // rather than printed as "undefined" in a draft law.
  const helper = (...args: unknown[]): unknown => {
    const given = args.slice(0, -1);
    if (name !== "eq" && given.some((a) => a === undefined || a === null)) throw new MissingValueError(name);
    return fn(...given);
  };
  hb.registerHelper(name, helper);
  layoutHb.registerHelper(name, helper);
}

export class MissingValueError extends Error {
  constructor(readonly helper: string) {
    super(`"${helper}" was given a value that is not defined`);
  }
}

const BUILTIN_BLOCKS = new Set(["if", "unless", "each", "with"]);

export interface TemplateIssue {
  message: string;
  /** 1-based, relative to the template source. */
  line: number;
  col: number;
  /** The name as written, e.g. "jurisdiction.nmae". */
  name?: string;
  /** What to do about it, when the issue knows better than its caller. */
  hint?: string;
  /** Text at the position, to find it in the file the template came from (when there is no name). */
  at?: string;
}

/** What a template may reference: top-level names, with the known keys of object-valued ones. */
export type Scope = Map<string, Set<string> | null>;

/**
 * Parses a template and checks every path against the scope. Returns issues
 * instead of throwing, so validation can report all of them.
 */
export function checkTemplate(source: string, scope: Scope, partials?: Set<string>): TemplateIssue[] {
  if (isPlainText(source)) return [];
  return (REFERENCE_HANDLEBARS ? null : quickCheck(source, scope)) ?? parsedCheck(source, scope, partials);
}

/** The check by Handlebars' parser and a walk of the tree (any template; checkTemplate takes a shortcut for the common ones). */
export function parsedCheck(source: string, scope: Scope, partials?: Set<string>): TemplateIssue[] {
  const deep = nestingIssue(source);
  if (deep) return [deep];
  // A stray "}}" parses as text and would be printed in the draft.
  const spot = braceProblem(source);
  if (spot) return [spotIssue(source, spot)];
  let ast: hbs.AST.Program;
  try {
    ast = parseOnce(source);
  } catch (err) {
    const { message, line } = parserMessage((err as Error).message);
    return [{ message, line, col: 1, hint: "check the {{ }} expressions on this line (docs/clause-format.md)" }];
  }
  const issues: TemplateIssue[] = [];
  walk(ast, scope, [], issues, partials);
  return issues;
}

function spotIssue(source: string, spot: SyntaxSpot): TemplateIssue {
  const before = source.slice(0, spot.offset);
  return { message: spot.message, line: before.split("\n").length, col: spot.offset - before.lastIndexOf("\n"), hint: spot.hint, at: spot.excerpt };
}

const SIMPLE_PATH = /^[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*$/;
/** Words Handlebars reads as literals or keywords rather than names. */
const KEYWORD_PART = /(?:^|\.)(?:true|false|null|undefined|else|this)(?:\.|$)/;

/** A template made only of text, {{name}} and {{helper name ...}}: its parts, with each name's offset in the source. */
type SimplePart = string | Array<{ text: string; at: number }>;
const simpleParts = new Map<string, SimplePart[] | null>();

/**
 * The parts of a simple template, or null for anything else (blocks,
 * partials, literals, comments, escapes, whitespace control, odd names or
 * line breaks), which Handlebars' own parser and compiler handle.
 */
function simpleTemplate(source: string): SimplePart[] | null {
  let parts = simpleParts.get(source);
  if (parts === undefined) {
    parts = scanSimple(source);
    simpleParts.set(source, parts);
  }
  return parts;
}

function scanSimple(source: string): SimplePart[] | null {
  if (/[\r\u2028\u2029]/.test(source) || source.includes("{{{") || source.includes("}}}") || source.includes("\\{{")) return null;
  const parts: SimplePart[] = [];
  let from = 0;
  for (;;) {
    const open = source.indexOf("{{", from);
    if (open === -1) break;
    const close = source.indexOf("}}", open + 2);
    if (close === -1) return null;
    const inner = source.slice(open + 2, close);
    if (!/^[\sA-Za-z0-9_.]+$/.test(inner)) return null;
    const tokens: Array<{ text: string; at: number }> = [];
    const re = /[^\s]+/g;
    let m: RegExpExecArray | null;
    while ((m = re.exec(inner)) !== null) tokens.push({ text: m[0], at: open + 2 + m.index });
    if (tokens.length === 0 || tokens.some((t) => !SIMPLE_PATH.test(t.text) || KEYWORD_PART.test(t.text))) return null;
    if (open > from) parts.push(source.slice(from, open));
    if (open > from && source.slice(from, open).includes("}}")) return null;
    parts.push(tokens);
    from = close + 2;
  }
  if (source.slice(from).includes("}}")) return null;
  if (from < source.length) parts.push(source.slice(from));
  return parts;
}

/**
 * The check of a simple template without Handlebars' parser: the same
 * issues, at the same positions, as walking the parsed template gives.
 * Null when the template is not simple.
 */
export function quickCheck(source: string, scope: Scope): TemplateIssue[] | null {
  if (scope.has("this")) return null;
  const parts = simpleTemplate(source);
  if (!parts) return null;
  const at = (offset: number): { line: number; col: number } => {
    let line = 1;
    let lineStart = 0;
    for (let i = source.indexOf("\n"); i !== -1 && i < offset; i = source.indexOf("\n", i + 1)) {
      line++;
      lineStart = i + 1;
    }
    return { line, col: offset - lineStart + 1 };
  };
  const issues: TemplateIssue[] = [];
  for (const part of parts) {
    if (typeof part === "string") continue;
    const [head, ...params] = part;
    if (hasOwn(HELPERS, head!.text)) {
      for (const p of params) checkSimplePath(p.text, at(p.at), scope, issues);
    } else if (params.length > 0) {
      issues.push({ message: `unknown helper "${head!.text}"`, ...at(head!.at), name: head!.text, hint: helperHint(head!.text, Object.keys(HELPERS)) });
    } else {
      checkSimplePath(head!.text, at(head!.at), scope, issues);
    }
  }
  return issues;
}

const hasOwn = (o: object, k: string): boolean => Object.prototype.hasOwnProperty.call(o, k);
const NOT_SIMPLE = Symbol("not simple");

/** A dotted name's value when every step is an own property of a plain object or array, else NOT_SIMPLE. */
function ownValue(context: object, name: string): unknown {
  let cur: unknown = context;
  for (const key of name.split(".")) {
    if (cur === null || typeof cur !== "object" || !hasOwn(cur, key)) return NOT_SIMPLE;
    cur = (cur as Record<string, unknown>)[key];
  }
  return typeof cur === "function" ? NOT_SIMPLE : cur;
}

/** JavaScript's + as the compiled template applies it (5 + 3 is 8, as in Handlebars). */
function plus(a: unknown, b: unknown): unknown {
  return (a as number) + (b as number);
}

/**
 * Renders a simple template as the compiled Handlebars template would when
 * every name is present (strict mode, no escaping; the compiled code returns
 * '' + (part1 + part2 + ...), each value or "" for null), or returns
 * NOT_SIMPLE to leave anything else, every error included, to Handlebars.
 */
export function quickRender(source: string, context: object): string | typeof NOT_SIMPLE {
  const parts = simpleTemplate(source);
  if (!parts) return NOT_SIMPLE;
  const pieces: unknown[] = [];
  try {
    for (const part of parts) {
      if (typeof part === "string") {
        pieces.push(part);
        continue;
      }
      const [head, ...params] = part;
      let value: unknown;
      if (params.length === 0) {
        // A lone name may be a helper (Handlebars tries helpers first).
        if (hasOwn(hb.helpers, head!.text)) return NOT_SIMPLE;
        value = ownValue(context, head!.text);
        if (value === NOT_SIMPLE) return NOT_SIMPLE;
      } else {
        if (!hasOwn(HELPERS, head!.text) || hb.helpers[head!.text] === undefined) return NOT_SIMPLE;
        const args: unknown[] = [];
        for (const p of params) {
          const v = ownValue(context, p.text);
          if (v === NOT_SIMPLE || v === null || v === undefined) return NOT_SIMPLE;
          args.push(v);
        }
        value = HELPERS[head!.text]!(...args);
      }
      pieces.push(value != null ? value : "");
    }
    let joined = pieces[0];
    for (let i = 1; i < pieces.length; i++) joined = plus(joined, pieces[i]);
    return "" + (joined as string);
  } catch {
    return NOT_SIMPLE;
  }
}

/** checkPath for a plain dotted name outside any block. */
function checkSimplePath(original: string, loc: { line: number; col: number }, scope: Scope, issues: TemplateIssue[]): void {
  const parts = original.split(".");
  const head = parts[0]!;
  if (parts.some((p) => p === "constructor" || p === "__proto__" || p === "prototype")) {
    issues.push({ message: `"${original}" is not allowed in a template`, ...loc, name: original });
    return;
  }
  if (!scope.has(head)) {
    issues.push({ message: `unknown variable "${original}"`, ...loc, name: original });
    return;
  }
  const keys = scope.get(head);
  if (keys && parts.length > 1 && !keys.has(parts[1]!)) {
    issues.push({ message: `unknown variable "${original}"`, ...loc, name: original });
  }
}

function walk(node: HbsNode | undefined | null, scope: Scope, blockParams: string[][], issues: TemplateIssue[], partials?: Set<string>): void {
  if (!node) return;
  const n = node as unknown as Record<string, unknown> & HbsNode;
  switch (node.type) {
    case "Program":
      for (const s of (node as hbs.AST.Program).body) walk(s, scope, blockParams, issues, partials);
      return;
    case "MustacheStatement":
    case "SubExpression": {
      const m = node as hbs.AST.MustacheStatement;
      checkCall(m.path as hbs.AST.PathExpression, m.params, m.hash, scope, blockParams, issues, partials);
      return;
    }
    case "BlockStatement": {
      const b = node as hbs.AST.BlockStatement;
      const head = (b.path as hbs.AST.PathExpression).original;
      if (!BUILTIN_BLOCKS.has(head) && !Object.hasOwn(HELPERS, head)) {
        issues.push({ message: `unknown block helper "${head}"`, line: b.loc.start.line, col: b.loc.start.column + 1, name: head, hint: helperHint(head, [...BUILTIN_BLOCKS]) });
      }
      for (const p of b.params) walk(p, scope, blockParams, issues, partials);
      const inner = b.program?.blockParams ? [...blockParams, b.program.blockParams] : blockParams;
      // Inside #each/#with, "this" and relative paths refer to the item.
      const itemScope = head === "each" || head === "with" ? new Map([...scope, ["this", null]]) : scope;
      walk(b.program, itemScope, inner, issues, partials);
      walk(b.inverse, scope, blockParams, issues, partials);
      return;
    }
    case "PartialStatement":
    case "PartialBlockStatement": {
      const p = node as hbs.AST.PartialStatement;
      const name = p.name.type === "PathExpression" ? (p.name as hbs.AST.PathExpression).original : String((p.name as unknown as { value: unknown }).value);
      if (partials && /[\\/]|^\.|^[a-zA-Z]:/.test(name)) {
        // Partials are named by file name; a path would reach outside the templates directory.
        issues.push({ message: `partial "${name}" names a path: a template may not reach outside its templates directory`, line: p.loc.start.line, col: p.loc.start.column + 1, name, hint: "name a partial by its file name in partials/ (without .hbs), e.g. {{> sponsor}}" });
      } else if (partials && !partials.has(name)) {
        issues.push({ message: `unknown partial "${name}"`, line: p.loc.start.line, col: p.loc.start.column + 1, name, hint: didYouMean(name, partials, `the partials are: ${[...partials].join(", ")}`) });
      } else if (!partials) {
        issues.push({ message: "partials are only allowed in instrument templates", line: p.loc.start.line, col: p.loc.start.column + 1, name });
      }
      return;
    }
    case "PathExpression":
      checkPath(node as hbs.AST.PathExpression, scope, blockParams, issues);
      return;
    case "ContentStatement":
    case "CommentStatement":
    case "StringLiteral":
    case "NumberLiteral":
    case "BooleanLiteral":
    case "UndefinedLiteral":
    case "NullLiteral":
      return;
    default:
      issues.push({ message: `unsupported template construct (${node.type})`, line: n.loc?.start.line ?? 1, col: (n.loc?.start.column ?? 0) + 1 });
  }
}

function checkCall(
  path: hbs.AST.PathExpression,
  params: hbs.AST.Expression[],
  hash: hbs.AST.Hash | undefined,
  scope: Scope,
  blockParams: string[][],
  issues: TemplateIssue[],
  partials?: Set<string>,
): void {
  const isHelperCall = params.length > 0 || (hash?.pairs.length ?? 0) > 0;
  // hasOwn, not `in`: "constructor" or "__proto__" must not pass for a helper.
  if (path.type === "PathExpression" && Object.hasOwn(HELPERS, path.original)) {
    for (const p of params) walk(p, scope, blockParams, issues, partials);
    for (const pair of hash?.pairs ?? []) walk(pair.value, scope, blockParams, issues, partials);
    return;
  }
  if (isHelperCall) {
    issues.push({ message: `unknown helper "${path.original}"`, line: path.loc.start.line, col: path.loc.start.column + 1, name: path.original, hint: helperHint(path.original, Object.keys(HELPERS)) });
    return;
  }
  walk(path, scope, blockParams, issues, partials);
}

function checkPath(path: hbs.AST.PathExpression, scope: Scope, blockParams: string[][], issues: TemplateIssue[]): void {
  if (path.data) return; // @index, @key, @first ...
  const parts = path.parts;
  const loc = { line: path.loc.start.line, col: path.loc.start.column + 1 };
  // Before any early return: ../constructor and blockParam.constructor are refused too.
  if (parts.some((p) => p === "constructor" || p === "__proto__" || p === "prototype")) {
    issues.push({ message: `"${path.original}" is not allowed in a template`, ...loc, name: path.original });
    return;
  }
  if (path.original === "this" || path.original === "." || path.depth > 0) return;
  const head = parts[0];
  if (head === undefined) return;
  if (blockParams.some((bp) => bp.includes(head))) return;
  if (/^(this[./]|\.\/)/.test(path.original) || (scope.has("this") && !scope.has(head))) return; // item fields inside #each/#with
  if (!scope.has(head)) {
    issues.push({ message: `unknown variable "${path.original}"`, ...loc, name: path.original });
    return;
  }
  const keys = scope.get(head);
  if (keys && parts.length > 1 && !keys.has(parts[1]!)) {
    issues.push({ message: `unknown variable "${path.original}"`, ...loc, name: path.original });
  }
}

/** Text without "{{" (or a stray "}}", which the check reports) has no expressions: Handlebars renders it as it is. */
export function isPlainText(source: string): boolean {
  return !source.includes("{{") && !source.includes("}}");
}

const parsed = new Map<string, hbs.AST.Program>();

/**
 * Each template is parsed once: the static check walks the tree and the
 * compiler takes the same tree (it applies the whitespace control that
 * parse() would, so the output is that of compiling the source).
 */
export function parseOnce(source: string): hbs.AST.Program {
  let ast = parsed.get(source);
  if (!ast) {
    // The parser recurses per level: a template nested past the limit never reaches it.
    const deep = nestingIssue(source);
    if (deep) throw new Error(`line ${deep.line}: ${deep.message}`);
    ast = hb.parseWithoutProcessing(source);
    parsed.set(source, ast);
  }
  return ast;
}

const cache = new Map<string, HandlebarsTemplateDelegate>();

/** Compiles (cached) and renders a template that has passed checkTemplate. */
export function render(source: string, context: object): string {
  if (isPlainText(source)) return source;
  // Most clause text needs no compiled template: see quickRender.
  const quick = REFERENCE_HANDLEBARS ? NOT_SIMPLE : quickRender(source, context);
  if (quick !== NOT_SIMPLE) return quick;
  return renderCompiled(source, context);
}

/** Renders with the template compiled by Handlebars (any template; render takes a shortcut for simple ones). */
export function renderCompiled(source: string, context: object): string {
  let fn = cache.get(source);
  if (!fn) {
    fn = hb.compile(parseOnce(source), { strict: true, noEscape: true });
    cache.set(source, fn);
  }
  return fn(context);
}
