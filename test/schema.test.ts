// Editor completion that reaches the user: schemas a YAML file can name from
// wherever it is, and an answers schema made from the library in use, checked
// by yaml-language-server driven over stdio as an editor drives it.
import { test } from "node:test";
import assert from "node:assert/strict";
import { cpSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fromRoot } from "./helpers.js";
import { runCli } from "./run-cli.js";
import { tempDir } from "./tmp.js";
import { YamlLanguageServer, type Diagnostic } from "./lsp-client.js";
import { answersSchema } from "../src/core/library/answers-schema.js";
import { loadLibrary } from "../src/core/library/load.js";

const EXAMPLE = fromRoot("examples/alameda-bay-ca-ordinance.yaml");

function lineOf(text: string, marker: string): number {
  const i = text.split("\n").findIndex((l) => l.includes(marker));
  assert.ok(i >= 0, marker);
  return i;
}

function hasAt(ds: Diagnostic[], line: number, re: RegExp): boolean {
  return ds.some((d) => d.range.start.line === line && re.test(d.message));
}

test("ordkit's shipped answers schema for its own library is current (npm run gen:schema)", () => {
  const shipped = JSON.parse(readFileSync(fromRoot("schema/answers-default.schema.json"), "utf8")) as object;
  assert.deepEqual(shipped, JSON.parse(JSON.stringify(answersSchema(loadLibrary()))));
});

test("yaml-language-server flags the commonest answers mistakes through the schema --save-answers names", async () => {
  const dir = tempDir();
  const saved = path.join(dir, "my-city.yaml");
  const r = runCli(["draft", "-a", EXAMPLE, "--format", "md", "--save-answers", saved]);
  assert.equal(r.status, 0, r.stderr);
  const text = readFileSync(saved, "utf8");
  assert.match(text.split("\n")[0]!, /^# yaml-language-server: \$schema=\S*answers-default\.schema\.json$/);
  const bad = text
    .replace(/^( {2}state: ).*$/m, "$1XX")
    .replace(/^( {2}- )property-use$/m, "$1property-uses")
    .replace(/^(\s+coverings_scope: ).*$/m, "$1everyone");
  assert.notEqual(bad, text);
  const badFile = path.join(dir, "bad.yaml");
  writeFileSync(badFile, bad);
  // A moved copy in another directory: the layer-free schema path is absolute or relative to it.
  const server = new YamlLanguageServer();
  try {
    await server.start(dir);
    assert.deepEqual(await server.diagnose(saved), [], "the saved answers are clean");
    for (const f of readdirSync(fromRoot("examples")).filter((x) => x.endsWith(".yaml"))) {
      assert.deepEqual(await server.diagnose(fromRoot("examples", f)), [], `examples/${f} is clean against the schema its first line names`);
    }
    const ds = await server.diagnose(badFile);
    assert.ok(hasAt(ds, lineOf(bad, "state: XX"), /Value is not accepted|allowed/i), JSON.stringify(ds));
    assert.ok(hasAt(ds, lineOf(bad, "- property-uses"), /Value is not accepted|allowed/i), JSON.stringify(ds));
    assert.ok(hasAt(ds, lineOf(bad, "coverings_scope: everyone"), /Value is not accepted|allowed/i), JSON.stringify(ds));
  } finally {
    await server.stop();
  }
});

test("a layer from init carries its schemas: its files are checked wherever the layer is copied", async () => {
  const made = path.join(tempDir(), "acme");
  assert.equal(runCli(["init", made, "--title", "Acme"]).status, 0);
  const copy = path.join(tempDir(), "elsewhere", "acme-copy");
  cpSync(made, copy, { recursive: true });
  const clause = path.join(copy, "clauses/community-information/rights-information.yaml");
  const text = readFileSync(clause, "utf8");
  assert.match(text.split("\n")[0]!, /^# yaml-language-server: \$schema=\.\.\/\.\.\/schema\/clause\.schema\.json$/);
  // An answers file for the layer: modules and variables of the layer's own clause.
  const answers = path.join(copy, "city.yaml");
  const d = runCli(["draft", "-a", EXAMPLE, "--library", copy, "--format", "md", "--save-answers", answers]);
  assert.equal(d.status, 0, d.stderr);
  const saved = readFileSync(answers, "utf8");
  assert.match(saved.split("\n")[0]!, /\$schema=schema\/answers\.schema\.json$/);
  const schema = JSON.parse(readFileSync(path.join(copy, "schema/answers.schema.json"), "utf8")) as { properties: { modules: { items: { enum: string[] } }; variables: { properties: Record<string, unknown> } } };
  assert.ok(schema.properties.modules.items.enum.includes("community-information"));
  assert.ok("community-information/rights-information" in schema.properties.variables.properties);
  writeFileSync(answers, `${saved}\n`.replace(/^modules:\n/m, "modules:\n  - community-informaton\n"));
  writeFileSync(clause, text.replace("kind: operative", "kind: operative\ncolour: red"));
  const server = new YamlLanguageServer();
  try {
    await server.start(copy);
    const ds = await server.diagnose(clause);
    assert.ok(ds.some((d) => /colour/.test(d.message) || /not allowed/i.test(d.message)), JSON.stringify(ds));
    const manifest = await server.diagnose(path.join(copy, "ordkit.yaml"));
    assert.deepEqual(manifest, [], "the layer's own manifest is clean");
    const as = await server.diagnose(answers);
    assert.ok(hasAt(as, lineOf(readFileSync(answers, "utf8"), "- community-informaton"), /Value is not accepted|allowed/i), JSON.stringify(as));
  } finally {
    await server.stop();
  }
  writeFileSync(clause, text);
  // ordkit schema --out writes the same set anywhere.
  const out = path.join(tempDir(), "s");
  const s = runCli(["schema", "--out", out, "--library", copy]);
  assert.equal(s.status, 0, s.stderr);
  assert.deepEqual(JSON.parse(readFileSync(path.join(out, "answers.schema.json"), "utf8")), JSON.parse(readFileSync(path.join(copy, "schema/answers.schema.json"), "utf8")));
  assert.equal(runCli(["schema", "--out", out, "--library", copy]).status, 2, "never overwrites without --force");
});
