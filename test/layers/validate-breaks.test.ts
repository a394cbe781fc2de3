// validate catches what would break a draft or silently change it: template
// lines, conditions that never hold, YAML indentation, Handlebars syntax and
// misspelled helpers, each at the file, line and column where it is written.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { fromRoot } from "../helpers.js";
import { tempTree } from "../tmp.js";
import { runCli } from "../run-cli.js";
import { editDistance, nearest } from "../../src/core/nearest.js";
import { indentationCause } from "../../src/core/library/yaml-indent.js";

const LAYER = 'layer_version: 1\nname: planted\nversion: "0.1.0"\nextends: ordkit\ncategories:\n  - id: extra\n    title: Extra\n';

function clause(id: string, opts: { when?: string; body?: string; extra?: string } = {}): string {
  return `id: ${id}
version: "1.0.0"
title: A clause
category: extra
kind: operative
instruments: [ordinance, executive-order]
when: ${opts.when ?? "{ answer: modules, includes: extra }"}
regulates: { who: own-personnel, where: not-applicable, does: directs-staff }
terms: [department]
${opts.extra ?? ""}heading: A heading
body:
  - text: ${opts.body ?? "Each Department shall keep a record."}
`;
}

interface JsonProblem {
  file: string | null;
  line: number | null;
  col: number | null;
  message: string;
  hint: string | null;
}

function validate(files: Record<string, string>): JsonProblem[] {
  const r = runCli(["validate", "--format", "json"], { cwd: tempTree({ "ordkit.yaml": LAYER, ...files }) });
  assert.equal(r.stderr, "");
  return (JSON.parse(r.stdout) as { problems: JsonProblem[] }).problems;
}

function position(text: string, marker: string): { line: number; col: number } {
  const lines = text.split("\n");
  const i = lines.findIndex((l) => l.includes(marker));
  assert.ok(i >= 0, marker);
  return { line: i + 1, col: lines[i]!.indexOf(marker) + 1 };
}

function expectAt(problems: JsonProblem[], file: string, text: string, marker: string, message: RegExp, hint?: RegExp): void {
  const { line, col } = position(text, marker);
  const hit = problems.find((p) => p.file === file && p.line === line && message.test(p.message));
  assert.ok(hit, `no ${message} at ${file}:${line}; got:\n${problems.map((p) => `${p.file}:${p.line}:${p.col} ${p.message}`).join("\n")}`);
  assert.equal(hit.col, col, `${file}:${line} column of ${marker}`);
  if (hint) assert.match(hit.hint ?? "", hint);
}

test("conditions that can never hold are errors, with a did-you-mean", () => {
  const files: Record<string, string> = {
    "clauses/extra/instrument.yaml": clause("extra/instrument", { when: "{ answer: instrument, equals: ordnance }" }),
    "clauses/extra/option.yaml": clause("extra/option", { when: "{ answer: options.coverings_scope, in: [all-officers, own-oficers] }" }),
    "clauses/extra/module.yaml": clause("extra/module", { when: "{ answer: modules, includes: extr }" }),
    "clauses/extra/list.yaml": clause("extra/list", { when: "{ answer: modules, equals: extra }" }),
    "clauses/extra/kind.yaml": clause("extra/kind", { when: "{ answer: jurisdiction.kind, equals: Cities }" }),
    "clauses/extra/flag.yaml": clause("extra/flag", { when: '{ answer: existing.agreement_287g, equals: "yes" }' }),
    "clauses/extra/var.yaml": clause("extra/var", { extra: "variables:\n  mode: { type: choice, prompt: Which?, choices: [strict, lenient], default: strict }\n", body: "Text.\n    when: { answer: variables.extra/var.mode, equals: stricct }" }),
    "clauses/extra/fine.yaml": clause("extra/fine", { when: "{ all: [{ answer: instrument, in: [ordinance, resolution] }, { answer: options.coverings_scope, equals: own-officers }, { answer: modules, includes: extra }] }" }),
  };
  const ps = validate(files);
  expectAt(ps, "clauses/extra/instrument.yaml", files["clauses/extra/instrument.yaml"]!, "ordnance", /"ordnance" is not one of the choices of instrument, so the condition never holds/, /did you mean "ordinance"\?/);
  expectAt(ps, "clauses/extra/option.yaml", files["clauses/extra/option.yaml"]!, "own-oficers", /"own-oficers" is not one of the choices of options\.coverings_scope/, /did you mean "own-officers"\?/);
  expectAt(ps, "clauses/extra/module.yaml", files["clauses/extra/module.yaml"]!, "extr ", /"extr" is not a category of this library/, /did you mean "extra"\?/);
  expectAt(ps, "clauses/extra/list.yaml", files["clauses/extra/list.yaml"]!, "extra }", /modules is a list, so it never equals one value/, /includes: "extra"/);
  expectAt(ps, "clauses/extra/kind.yaml", files["clauses/extra/kind.yaml"]!, "Cities", /"Cities" is not one of the choices of jurisdiction\.kind/, /did you mean "cities"|the choices are: city/);
  expectAt(ps, "clauses/extra/flag.yaml", files["clauses/extra/flag.yaml"]!, '"yes"', /existing\.agreement_287g is true or false/);
  expectAt(ps, "clauses/extra/var.yaml", files["clauses/extra/var.yaml"]!, "stricct", /"stricct" is not one of the choices of variables\.extra\/var\.mode/, /did you mean "strict"\?/);
  assert.ok(!ps.some((p) => p.file === "clauses/extra/fine.yaml"), JSON.stringify(ps.filter((p) => p.file === "clauses/extra/fine.yaml")));
});

test("template lines without a tag, misspelled tags, and zero or two @recitals are reported in the layer's file", () => {
  const files: Record<string, string> = {
    "templates/partials/not-legal-advice.hbs": "@note Not legal advice.\nThis line has no tag.\n@tittle Misspelled\n",
    "templates/partials/sponsor.hbs": "{{#if sponsor}}\n@para Introduced by {{sponsor}}.\n{{/if}}\n@recitals\n",
  };
  const ps = validate(files);
  const nla = files["templates/partials/not-legal-advice.hbs"]!;
  expectAt(ps, "templates/partials/not-legal-advice.hbs", nla, "This line", /does not start with a block tag/, /@heading, @title/);
  expectAt(ps, "templates/partials/not-legal-advice.hbs", nla, "@tittle", /unknown block tag @tittle/, /did you mean "@title"\?/);
  expectAt(ps, "templates/partials/sponsor.hbs", files["templates/partials/sponsor.hbs"]!, "@recitals", /a second @recitals line \(the other is at .*ordinance\.hbs:\d+\)/);
  const resolution = readFileSync(fromRoot("templates/resolution.hbs"), "utf8").replace(/^@recitals\n/m, "").replace(/^@formula/m, "{{#if number}}\n@title Alternative {{number}}\n{{/if}}\n@formula");
  assert.notEqual(resolution, readFileSync(fromRoot("templates/resolution.hbs"), "utf8"));
  const missing = validate({ "templates/resolution.hbs": resolution });
  assert.deepEqual(missing.map((p) => [p.file, p.message]), [["templates/resolution.hbs", "the template has no @recitals line"]], "a conditional alternative is not a second @title");
  // draft fails the same way, naming the layer's file and line, not ordkit's template.
  const dir = tempTree({ "ordkit.yaml": LAYER, ...files });
  const r = runCli(["draft", "-a", fromRoot("examples/alameda-bay-ca-ordinance.yaml"), "--format", "md"], { cwd: dir });
  assert.equal(r.status, 2);
  assert.match(r.stderr, /templates\/partials\/not-legal-advice\.hbs:2:1: this template line does not start with a block tag/);
});

test("one mis-indented YAML line is one problem, at that line, with a hint about indentation", () => {
  const good = clause("extra/indent", { extra: "variables:\n  days:\n    type: integer\n    prompt: How many days?\n    default: 30\n" });
  for (const [bad, marker, hint] of [
    [good.replace("    prompt: How many days?", "      prompt: How many days?"), "prompt:", /indented 6 spaces, more than line \d+ above it.*indent it 4 spaces/],
    [good.replace("    default: 30", "   default: 30"), "default:", /indented 3 spaces, which matches no level above it/],
  ] as const) {
    const ps = validate({ "clauses/extra/indent.yaml": bad });
    const mine = ps.filter((p) => p.file === "clauses/extra/indent.yaml");
    assert.equal(mine.length, 1, JSON.stringify(mine));
    assert.equal(ps.length, 1, `no follow-on problems elsewhere: ${JSON.stringify(ps)}`);
    expectAt(ps, "clauses/extra/indent.yaml", bad, marker, /not indented like the lines around it/, hint);
    assert.doesNotMatch(mine[0]!.hint!, /quote/);
  }
  // A colon in a value is still about quoting, not indentation.
  const colon = good.replace("title: A clause", "title: A clause: with a colon");
  const ps = validate({ "clauses/extra/indent.yaml": colon });
  assert.equal(ps.length, 1);
  assert.match(ps[0]!.hint!, /quote/);
  assert.equal(indentationCause("a: 1\nb: 2\n", 1), null);
});

test("unbalanced braces and misspelled helpers point at the clause's file, line and column, with a did-you-mean over helpers", () => {
  const files: Record<string, string> = {
    "clauses/extra/open.yaml": clause("extra/open", { body: ">-\n      The {{jurisdiction.term} shall\n      keep a record within {{words 30}} days." }),
    "clauses/extra/stray.yaml": clause("extra/stray", { body: ">-\n      The Department shall keep\n      a record}} of each request." }),
    "clauses/extra/helper.yaml": clause("extra/helper", { body: ">-\n      Within {{wrds 30}} days the Department\n      shall publish it in {{lst jurisdiction.term}}." }),
    "clauses/extra/block.yaml": clause("extra/block", { body: '"{{#unles sponsor}}The Department shall act.{{/unles}}"' }),
  };
  const ps = validate(files);
  expectAt(ps, "clauses/extra/open.yaml", files["clauses/extra/open.yaml"]!, "{{jurisdiction.term}", /template syntax error: \{\{ is not closed/, /single \}/);
  expectAt(ps, "clauses/extra/stray.yaml", files["clauses/extra/stray.yaml"]!, "}}", /\}\} closes nothing/);
  expectAt(ps, "clauses/extra/helper.yaml", files["clauses/extra/helper.yaml"]!, "wrds", /unknown helper "wrds"/, /did you mean "words"\?/);
  expectAt(ps, "clauses/extra/helper.yaml", files["clauses/extra/helper.yaml"]!, "lst", /unknown helper "lst"/, /did you mean "list"/);
  expectAt(ps, "clauses/extra/block.yaml", files["clauses/extra/block.yaml"]!, "unles", /unknown block helper "unles"/, /did you mean "unless"\?/);
  assert.ok(!ps.some((p) => /Expecting|CLOSE_RAW_BLOCK/.test(p.message)), "no raw parser output");
});

test("did-you-mean: edit distance with swaps, nearest within a third of the length", () => {
  assert.equal(editDistance("ordnance", "ordinance"), 1);
  assert.equal(editDistance("tilte", "title"), 1);
  assert.equal(editDistance("abc", "xyz"), 3);
  assert.deepEqual(nearest("ordnance", ["ordinance", "resolution", "executive-order"]), ["ordinance"]);
  assert.deepEqual(nearest("zzz", ["ordinance"]), []);
});
