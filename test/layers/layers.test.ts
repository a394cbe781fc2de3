// Layers: precedence, overrides, disables, new categories and options,
// template overrides, defaults, and the ordkit.yaml found by walking up.
import { test } from "node:test";
import assert from "node:assert/strict";
import { cpSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fromRoot } from "../helpers.js";
import { tempDir, tempTree } from "../tmp.js";
import { runCli } from "../run-cli.js";
import { loadLibrary } from "../../src/core/library/load.js";
import { UserError, type Problem } from "../../src/core/errors.js";
import { YamlSource } from "../../src/core/shared/yaml-source.js";
import { checkAnswers } from "../../src/core/interview/answers.js";
import { assemble } from "../../src/core/assemble/assemble.js";
import { loadInterview } from "../../src/core/interview/definition.js";
import { plan } from "../../src/core/interview/questions.js";

const MINI = fromRoot("test/fixtures/mini-library");
const RULE = readFileSync(path.join(MINI, "ops/rule.yaml"), "utf8");

/** A mini library and layers over it, side by side in one temp dir. */
function stack(layers: Record<string, Record<string, string>>): { root: string; mini: string; dirs: Record<string, string> } {
  const root = tempDir();
  const mini = path.join(root, "mini");
  cpSync(MINI, mini, { recursive: true });
  const dirs: Record<string, string> = {};
  for (const [name, files] of Object.entries(layers)) {
    dirs[name] = path.join(root, name);
    tempTree(files, dirs[name]);
  }
  return { root, mini, dirs };
}

function layerYaml(name: string, extra = ""): string {
  return `layer_version: 1\nname: ${name}\nversion: "0.1.0"\nextends: ../mini\n${extra}`;
}

function problems(spec: string[]): Problem[] {
  try {
    loadLibrary(spec);
  } catch (err) {
    if (err instanceof UserError) return err.problems;
    throw err;
  }
  return [];
}

test("a later layer overrides a clause by id; an override may not lower the version", () => {
  const { dirs } = stack({
    a: { "ordkit.yaml": layerYaml("a"), "clauses/ops/rule.yaml": RULE.replace('version: "1.2.0"', 'version: "1.3.0"').replace("The rule", "Rule of A") },
    b: { "ordkit.yaml": layerYaml("b"), "clauses/ops/rule.yaml": RULE.replace('version: "1.2.0"', 'version: "1.4.0"').replace("The rule", "Rule of B") },
  });
  const ab = loadLibrary([dirs.a!, dirs.b!]);
  assert.deepEqual(ab.layers.map((l) => l.name), ["mini", "a", "b"]);
  const rule = ab.clauses.get("ops/rule")!;
  assert.equal(rule.title, "Rule of B");
  assert.equal(rule.layer, "b");
  assert.deepEqual({ layer: rule.overrides?.layer, version: rule.overrides?.version }, { layer: "a", version: "1.3.0" });
  assert.equal(loadLibrary([dirs.a!]).clauses.get("ops/rule")!.title, "Rule of A");

  const ba = problems([dirs.b!, dirs.a!]);
  assert.equal(ba.length, 1);
  assert.match(ba[0]!.message, /overrides ops\/rule 1\.4\.0 \(layer b\) with the lower version 1\.3\.0/);
  assert.equal(ba[0]!.line, 2);
  assert.ok(ba[0]!.file!.endsWith(path.join("a", "clauses", "ops", "rule.yaml")));
});

test("disable removes a clause; disabling an unknown clause or a used definition is reported where it is written", () => {
  const { dirs } = stack({
    ok: { "ordkit.yaml": layerYaml("ok", "disable: [findings/one]\n") },
    bad: { "ordkit.yaml": layerYaml("bad", "disable:\n  - findings/nope\n  - definitions/zone\n") },
  });
  const lib = loadLibrary([dirs.ok!]);
  assert.equal(lib.clauses.has("findings/one"), false);
  assert.equal(lib.disabled.get("findings/one"), "ok");
  const ps = problems([dirs.bad!]);
  const nope = ps.find((p) => /no clause "findings\/nope" to disable/.test(p.message));
  assert.ok(nope, JSON.stringify(ps));
  assert.deepEqual([nope!.line, nope!.col], [6, 5]);
  const zone = ps.find((p) => /term "zone" is defined by definitions\/zone, which layer bad disables/.test(p.message));
  assert.ok(zone, JSON.stringify(ps));
  assert.ok(zone!.file!.endsWith(path.join("ops", "rule.yaml")));
});

test("a layer adds categories (before general unless after: says otherwise) and options that the interview asks", () => {
  const extra = 'id: extra/thing\nversion: "0.1.0"\ntitle: Thing\ncategory: extra\nkind: operative\ninstruments: [ordinance]\nwhen: { all: [{ answer: modules, includes: extra }, { answer: options.tone, equals: firm }] }\nregulates: { who: own-personnel, where: not-applicable, does: directs-staff }\nheading: A thing\nbody:\n  - text: Each Department shall do the thing.\n';
  const { dirs } = stack({
    l: {
      "ordkit.yaml": layerYaml("l", "categories:\n  - id: extra\n    title: Extra\n  - id: early\n    title: Early\n    after: findings\noptions:\n  tone:\n    type: choice\n    prompt: Which tone?\n    choices: [firm, mild]\n    default: mild\n"),
      "clauses/extra/thing.yaml": extra,
    },
  });
  const lib = loadLibrary([dirs.l!]);
  assert.deepEqual(lib.categories.map((c) => c.id), ["findings", "early", "definitions", "ops", "extra", "general"]);
  assert.equal(lib.clauses.get("extra/thing")!.layer, "l");
  const def = loadInterview(lib);
  const asked = plan(def, lib, { instrument: "ordinance", modules: ["ops", "extra"] }, { today: "2026-01-01" }).map((q) => q.path);
  assert.ok(asked.includes("options.tone"), asked.join(" "));
});

test("a layer's defaults replace the declared defaults; the answers file still wins", () => {
  const { dirs } = stack({ d: { "ordkit.yaml": layerYaml("d", "defaults:\n  variables:\n    ops/rule:\n      days: 45\n  options:\n    scope: own\n") } });
  const lib = loadLibrary([dirs.d!]);
  assert.equal(lib.clauses.get("ops/rule")!.variables.days!.default, 45);
  assert.equal(lib.options.scope!.default, "own");
  const render = (answers: string): string => {
    const src = YamlSource.parse(Buffer.from(answers), "answers.yaml");
    const d = assemble({ library: lib, answers: checkAnswers(src, lib), templatesDir: fromRoot("test/fixtures/mini-templates") });
    return JSON.stringify(d.sections);
  };
  const base = readFileSync(fromRoot("test/fixtures/mini-answers.yaml"), "utf8");
  assert.match(render(base), /forty-five \(45\) days/);
  assert.match(render(base), /Narrow scope sentence/);
  assert.match(render(base.replace("office: Town Clerk", "office: Town Clerk\n    days: 10")), /ten \(10\) days/);

  const { dirs: bad } = stack({ e: { "ordkit.yaml": layerYaml("e", "defaults:\n  variables:\n    ops/rule:\n      days: 0\n      nope: 1\n    ops/none: { x: 1 }\n") } });
  const ps = problems([bad.e!]).map((p) => `${p.line}: ${p.message}`);
  assert.equal(ps.length, 3, ps.join("\n"));
  assert.ok(ps.some((p) => /^8: default of ops\/rule days/.test(p)), ps.join("\n"));
  assert.ok(ps.some((p) => /^9: clause ops\/rule has no variable "nope"/.test(p)), ps.join("\n"));
  assert.ok(ps.some((p) => /^10: no clause "ops\/none"/.test(p)), ps.join("\n"));
});

test("a layer overrides a partial by name, and --templates sits above every layer", () => {
  const layer = tempTree({
    "ordkit.yaml": 'layer_version: 1\nname: brand\nversion: "1.0.0"\nextends: ordkit\n',
    "templates/partials/not-legal-advice.hbs": "@note Model language of the Example Fund. Not legal advice. As of {{date_long legal_as_of}}.\n",
  });
  const r = runCli(["draft", "-a", "examples/riverton-il-ordinance.yaml", "--library", layer, "--format", "md"]);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /Model language of the Example Fund/);
  assert.doesNotMatch(r.stdout, /prepared with ordkit from model clauses/);
  const top = tempTree({ "partials/not-legal-advice.hbs": "@note Top notice, not legal advice.\n" });
  const r2 = runCli(["draft", "-a", "examples/riverton-il-ordinance.yaml", "--library", layer, "--templates", top, "--format", "md"]);
  assert.equal(r2.status, 0, r2.stderr);
  assert.match(r2.stdout, /Top notice/);
});

test("ordkit.yaml is found by walking up; clauses list and show name each clause's layer and file", () => {
  const layer = tempTree({
    "ordkit.yaml": 'layer_version: 1\nname: walker\nversion: "1.0.0"\nextends: ordkit\ndisable: [facial-coverings/own-officers]\n',
    "clauses/general/severability.yaml": readFileSync(fromRoot("clauses/general/severability.yaml"), "utf8").replace(/^version: "(\d+)\.(\d+)\.(\d+)"/m, (_m, a: string, b: string) => `version: "${a}.${Number(b) + 1}.0"`),
    "work/deep/.keep": "",
  });
  const list = runCli(["clauses", "list"], { cwd: path.join(layer, "work", "deep") });
  assert.equal(list.status, 0, list.stderr);
  assert.match(list.stdout, /^ordkit-default \S+ < walker 1\.0\.0: \d+ clauses/);
  assert.match(list.stdout, /general\/severability\s+\S+\s+boilerplate\s+\S+\s+walker \(overrides ordkit-default /);
  assert.match(list.stdout, /Disabled:\n {2}facial-coverings\/own-officers \(by walker\)/);
  const json = JSON.parse(runCli(["clauses", "list", "--format", "json", "--library", layer]).stdout) as { clauses: Array<{ id: string; layer: string }> };
  assert.equal(json.clauses.find((c) => c.id === "general/severability")!.layer, "walker");
  assert.equal(json.clauses.find((c) => c.id === "general/effective-date")!.layer, "ordkit-default");

  const show = runCli(["clauses", "show", "general/severability"], { cwd: layer });
  assert.equal(show.status, 0, show.stderr);
  assert.match(show.stdout, /^# general\/severability \S+ from layer walker: clauses\/general\/severability\.yaml \(overrides ordkit-default/);
  assert.match(show.stdout, /\nid: general\/severability\n/);
  const off = runCli(["clauses", "show", "facial-coverings/own-officers"], { cwd: layer });
  assert.equal(off.status, 2);
  assert.match(off.stderr, /disabled by layer walker/);
});

test("a layer may not reach outside its directory: paths in clauses:/templates: and partials named by a path", () => {
  const outside = tempTree({ "secret.hbs": "SECRET\n" });
  const layer = tempTree({
    "ordkit.yaml": `layer_version: 1\nname: reach\nversion: "1.0.0"\nextends: ordkit\nclauses: ../${path.basename(outside)}\n`,
    "templates/ordinance.hbs": readFileSync(fromRoot("templates/ordinance.hbs"), "utf8").replace("{{> sponsor}}", `{{> ../../${path.basename(outside)}/secret}}`),
  });
  const r = runCli(["validate", layer, "--format", "json"]);
  assert.equal(r.status, 1, r.stderr);
  const ps = (JSON.parse(r.stdout) as { problems: Problem[] }).problems;
  assert.ok(ps.some((p) => /clauses: "\.\.\/.*" reaches outside the layer's directory/.test(p.message) && p.line === 5), JSON.stringify(ps));
  assert.ok(ps.some((p) => /partial "\.\.\/\.\.\/.*secret" names a path/.test(p.message) && p.line === 3), JSON.stringify(ps));
  const d = runCli(["draft", "-a", "examples/riverton-il-ordinance.yaml", "--library", layer, "--format", "md"]);
  assert.equal(d.status, 2);
  assert.doesNotMatch(d.stdout + d.stderr, /SECRET/);
});

test("stacks that cannot be built are usage errors with a hint", () => {
  const root = tempDir();
  tempTree({ "x/ordkit.yaml": 'layer_version: 1\nname: x\nversion: "1.0.0"\nextends: ../y\n', "y/ordkit.yaml": 'layer_version: 1\nname: y\nversion: "1.0.0"\nextends: ../x\n' }, root);
  const cycle = runCli(["clauses", "list", "--library", path.join(root, "x")]);
  assert.equal(cycle.status, 2);
  assert.match(cycle.stderr, /extend each other in a circle/);
  const validated = runCli(["validate", path.join(root, "x")]);
  assert.equal(validated.status, 1, "a broken stack is a finding of validate");
  assert.match(validated.stdout, /extend each other in a circle/);
  assert.equal(runCli(["validate", path.join(root, "missing")]).status, 2, "a path that is not there is a usage error");
  const layer = tempTree({ "ordkit.yaml": 'layer_version: 1\nname: z\nversion: "1.0.0"\n' });
  const second = runCli(["clauses", "list", "--library", layer, "--library", MINI]);
  assert.equal(second.status, 2);
  assert.match(second.stderr, /is a complete library \(library\.yaml\), so it can only be the lowest layer/);
  writeFileSync(path.join(layer, "library.yaml"), "name: z\n");
  const both = runCli(["clauses", "list", "--library", layer]);
  assert.equal(both.status, 2);
  assert.match(both.stderr, /both ordkit\.yaml and library\.yaml/);
});
