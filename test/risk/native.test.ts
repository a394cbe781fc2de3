// The reader's patterns are compiled to machine code before their first use
// (src/core/risk/read/native.ts): native() must not change what a pattern
// matches, and every pattern defined at module level in the reader and its
// rules goes through it, so that a new pattern does not quietly bring back
// the interpreter's first-use cost.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { compileForReading, native } from "../../src/core/risk/read/native.js";
import { fromRoot } from "../helpers.js";

test("native() returns the same pattern, ready to use from the start of a string, before and after compilation", () => {
  const early = native(/\bshall\b/g);
  early.lastIndex = 3;
  compileForReading();
  assert.equal(early.lastIndex, 0, "compiled when the first read starts, and reset");
  const g = /\bshall\s+not\b/gi;
  assert.equal(native(g), g);
  assert.equal(g.lastIndex, 0);
  assert.deepEqual([..."It shall not; it SHALL NOT.".matchAll(g)].map((m) => m.index), [3, 17]);
  const sticky = native(/\s*be\s+\w+ed\b/y);
  assert.equal(sticky.lastIndex, 0);
  assert.equal(sticky.test(" be adopted"), true);
  const anchored = native(/\bby\s+(?:the\s+)?$/i);
  assert.equal(anchored.test("requested by the "), true);
  assert.equal(anchored.test(" ".repeat(2000)), false);
});

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return tsFiles(p);
    return e.name.endsWith(".ts") && !/\.gen(?:erated)?\.ts$/.test(e.name) ? [p] : [];
  });
}

test("every module-level pattern in src/core/risk is compiled with native()", () => {
  const missing: string[] = [];
  for (const file of tsFiles(fromRoot("src", "core", "risk"))) {
    const sf = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node, inFunction: boolean): void => {
      const fn = inFunction || ts.isFunctionLike(node) || ts.isClassLike(node);
      const isPattern = node.kind === ts.SyntaxKind.RegularExpressionLiteral || (ts.isNewExpression(node) && node.expression.getText(sf) === "RegExp");
      if (isPattern && !fn) {
        const call = node.parent;
        if (!(ts.isCallExpression(call) && call.expression.getText(sf) === "native")) {
          const { line, character } = sf.getLineAndCharacterOfPosition(node.getStart(sf));
          missing.push(`${path.relative(fromRoot(), file)}:${line + 1}:${character + 1}`);
        }
        return;
      }
      ts.forEachChild(node, (c) => visit(c, fn));
    };
    visit(sf, false);
  }
  assert.deepEqual(missing, [], "wrap these patterns in native() (src/core/risk/read/native.ts)");
});
