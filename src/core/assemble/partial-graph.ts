// Partials that include themselves, directly or through others, found before
// rendering: Handlebars would recurse until the stack overflows and blame
// whichever file happened to be on top.
import { parseOnce } from "../shared/handlebars.js";

export interface PartialRef {
  name: string;
  line: number;
  col: number;
}

/** The partials a template includes ({{> name}}, {{#> name}}), in order. Empty when the template does not parse. */
export function partialRefs(source: string): PartialRef[] {
  if (!source.includes("{{")) return [];
  let ast: hbs.AST.Program;
  try {
    ast = parseOnce(source);
  } catch {
    return []; // reported by the static check
  }
  const out: PartialRef[] = [];
  const visit = (node: hbs.AST.Node | null | undefined): void => {
    if (!node) return;
    switch (node.type) {
      case "Program":
        for (const s of (node as hbs.AST.Program).body) visit(s);
        return;
      case "BlockStatement": {
        const b = node as hbs.AST.BlockStatement;
        visit(b.program);
        visit(b.inverse);
        return;
      }
      case "PartialStatement":
      case "PartialBlockStatement": {
        const p = node as hbs.AST.PartialStatement;
        if (p.name.type === "PathExpression") out.push({ name: (p.name as hbs.AST.PathExpression).original, line: p.loc.start.line, col: p.loc.start.column + 1 });
        if (node.type === "PartialBlockStatement") visit((node as unknown as { program: hbs.AST.Program }).program);
        return;
      }
    }
  };
  visit(ast);
  return out;
}

export interface PartialCycle {
  /** The partial whose {{> }} closes the cycle, and where. */
  partial: string;
  at: PartialRef;
  /** The names around the cycle, first repeated last: a -> b -> a. */
  path: string[];
}

/** Every cycle among the partials, each reported once, at the include that closes it. Iterative: any number of partials. */
export function partialCycles(refs: ReadonlyMap<string, PartialRef[]>): PartialCycle[] {
  const state = new Map<string, 1 | 2>(); // 1: on the current path, 2: done
  const cycles: PartialCycle[] = [];
  for (const root of [...refs.keys()].sort()) {
    if (state.has(root)) continue;
    const path: string[] = [root];
    const next: number[] = [0];
    state.set(root, 1);
    while (path.length > 0) {
      const name = path[path.length - 1]!;
      const edges = refs.get(name) ?? [];
      const k = next[next.length - 1]!;
      if (k >= edges.length) {
        state.set(name, 2);
        path.pop();
        next.pop();
        continue;
      }
      next[next.length - 1] = k + 1;
      const ref = edges[k]!;
      if (!refs.has(ref.name)) continue; // unknown partials are the static check's to report
      const s = state.get(ref.name);
      if (s === 1) cycles.push({ partial: name, at: ref, path: [...path.slice(path.indexOf(ref.name)), ref.name] });
      else if (s === undefined) {
        state.set(ref.name, 1);
        path.push(ref.name);
        next.push(0);
      }
    }
  }
  return cycles;
}
