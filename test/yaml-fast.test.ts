// The fast YAML reader must give exactly the yaml package's data, or give up
// (null) so that the yaml package parses and reports problems.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { parseDocument } from "yaml";
import { fastYaml } from "../src/core/shared/yaml-fast.js";
import { YamlSource } from "../src/core/shared/yaml-source.js";
import { fromRoot, yamlFiles } from "./helpers.js";

function slow(text: string): unknown {
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true, strict: true });
  if (doc.errors.length) return `errors: ${doc.errors.map((e) => e.code).join(", ")}`;
  if (doc.warnings.length) return `warnings: ${doc.warnings.map((e) => e.code).join(", ")}`;
  return doc.toJS({ maxAliasCount: 100 });
}

/** Asserts agreement; returns whether the fast reader took the text. */
function agrees(text: string, label: string): boolean {
  const fast = fastYaml(text);
  if (fast === null) return false;
  assert.deepEqual(fast, slow(text), `${label}:\n${text}`);
  return true;
}

const REPO_FILES = [...yamlFiles(fromRoot("clauses")), ...yamlFiles(fromRoot("examples")), ...yamlFiles(fromRoot("test/fixtures")).filter((f) => !f.includes(`${path.sep}hostile${path.sep}`))] // hostile fixtures are meant to be refused;

test("reads every YAML file of the repository, as the yaml package does", () => {
  for (const f of REPO_FILES) assert.ok(agrees(readFileSync(f, "utf8"), f), `the fast reader gave up on ${f}`);
});

test("agrees on the forms it reads, and gives up on the others", () => {
  const read = [
    "a: >-\n  foo\n  bar\n\n  baz\n\n\n  qux\nb: 1\n",
    "a: >\n  foo\n  bar\n\n",
    "a: |\n  foo\n  bar\n\n  baz\n",
    "a: |-\n  foo\n\n  bar\n\n\nb: x\n",
    "a:\n- 1\n- 2\nb:\n  - x\n  -  y\n",
    "a:\n  - k: v\n    j: w\n  - k: v2\n",
    "a: [1, 2, [3, 4], {x: y}]\nb: {a: [b, c], d: 'e''f'}\n",
    'a: "x\\"y\\u00e9\\n"\nb: \'it\'\'s\'\n',
    "a: true\nb: False\nc: ~\nd: null\ne:\nf: 007\n",
    'a: x # c\nb: x#c\nc: "q" # c\n',
    "a: b\n  # c\nd: e\n",
    "a:\n  b:\n    c: >-\n      deep\n      text\n  d: 1\n",
    "a: >-\n  # not a comment\n  x\n",
    "a: http://x.y/z\nb: a:b\nc: 12:30\n",
    "a: {}\nb: []\nk-1/x.y: v\n",
    "list:\n  - one\n  - two\n  # comment\n  - three\nnext: 1\n",
    "a: |\n  x\n # less\n",
  ];
  for (const t of read) assert.ok(agrees(t, "sample"), `expected the fast reader to take:\n${t}`);
  const refused = [
    "- a\n",
    "a: b\n  c: d\n",
    "a: >-\n    more\n      indented\n    back\n",
    "a: [a, b,]\n",
    "a: 'x' y\n",
    "a: - b\n",
    "a: 1e3\n",
    "a: 0x1F\n",
    "a: &x 1\nb: *x\n",
    "a: !!str 1\n",
    "a: 1\na: 2\n",
    "a: b\r\nc: d\r\n",
    "a:\tb\n",
    "---\na: 1\n",
    "a: plain\n  continued\n",
    'a: "open\n  quote"\n',
    "a: [1,\n  2]\n",
    "",
  ];
  for (const t of refused) assert.equal(fastYaml(t), null, `expected the fast reader to give up on:\n${t}`);
});

test("agrees with the yaml package on mutated library files (or gives up)", () => {
  let seed = 20260301;
  const rnd = (): number => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed / 0x7fffffff;
  };
  const pick = <T>(xs: T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const bits = [" ", "  ", "\u00a0", "\u2003", "\u3000", "-", "- ", ":", ": ", "#", " #", '"', "'", "[", "]", "{", "}", ">", "|", "\n", "\n  ", "&a ", "*a", "!", "0", ".", "1.5", "~", "\\", ",", "null", "true", "x: y", "\n- ", ">-\n", "|\n  a\n", "%"];
  const texts = REPO_FILES.map((f) => readFileSync(f, "utf8"));
  let taken = 0;
  for (let k = 0; k < 1500; k++) {
    let t = pick(texts);
    for (let j = 0; j < 1 + Math.floor(rnd() * 3); j++) {
      const lines = t.split("\n");
      const r = rnd();
      const p = Math.floor(rnd() * t.length);
      const i = Math.floor(rnd() * lines.length);
      if (r < 0.5) t = t.slice(0, p) + pick(bits) + t.slice(p);
      else if (r < 0.65) t = t.slice(0, p) + t.slice(p + 1 + Math.floor(rnd() * 3));
      else if (r < 0.75) (lines.splice(i, 0, lines[i]!), (t = lines.join("\n")));
      else if (r < 0.85) (lines.splice(i, 1), (t = lines.join("\n")));
      else ((lines[i] = (rnd() < 0.5 ? " " : "") + lines[i]!.replace(/^ /, rnd() < 0.5 ? "" : " ")), (t = lines.join("\n")));
    }
    if (agrees(t, `mutation ${k}`)) taken++;
  }
  assert.ok(taken > 300, `the fast reader took ${taken} of the mutations`);
});

test("a YamlSource read by the fast reader still locates problems", () => {
  const src = YamlSource.parse(Buffer.from("a: 1\nb:\n  c: [x, y]\n"), "t.yaml");
  assert.deepEqual(src.data, { a: 1, b: { c: ["x", "y"] } });
  assert.deepEqual(src.locate(["b", "c", 1]), { line: 3, col: 10, snippet: "  c: [x, y]" });
  assert.equal(src.problem(["b", "c"], "m").line, 3);
});
