// ordkit init, and the customizing tutorial run command by command.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fromRoot } from "../helpers.js";
import { tempDir } from "../tmp.js";
import { runCli } from "../run-cli.js";

const SCAFFOLD = [
  "README.md",
  "clauses/community-information/rights-information.yaml",
  "clauses/public-records/foia-cadence.yaml",
  "ordkit.yaml",
  "schema/answers.schema.json",
  "schema/clause.schema.json",
  "schema/interview.schema.json",
  "schema/library.schema.json",
  "schema/ordkit.schema.json",
  "templates/partials/not-legal-advice.hbs",
];

function files(dir: string, base = ""): string[] {
  return readdirSync(path.join(dir, base), { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? files(dir, path.join(base, e.name)) : [path.join(base, e.name).split(path.sep).join("/")]))
    .sort();
}

test("init scaffolds a layer that validates, drafts, and carries $schema lines; same input, same bytes", () => {
  const root = tempDir();
  const r = runCli(["init", "acme", "--title", "Acme Advocates"], { cwd: root });
  assert.equal(r.status, 0, r.stderr);
  const dir = path.join(root, "acme");
  assert.deepEqual(files(dir), SCAFFOLD);
  const layer = readFileSync(path.join(dir, "ordkit.yaml"), "utf8");
  assert.match(layer, /^# yaml-language-server: \$schema=schema\/ordkit\.schema\.json\n/);
  assert.match(layer, /\nname: acme\n[\s\S]*\nextends: ordkit\n/);
  for (const f of ["clauses/community-information/rights-information.yaml", "clauses/public-records/foia-cadence.yaml"]) {
    const first = readFileSync(path.join(dir, f), "utf8").split("\n")[0]!;
    const schema = /\$schema=(\S+)$/.exec(first)?.[1];
    assert.ok(schema, f);
    assert.ok(existsSync(path.resolve(path.dirname(path.join(dir, f)), schema)), `${f}: ${schema} resolves to the layer's copy of the schema`);
    assert.ok(!schema.startsWith("/") && !schema.includes("node_modules") && schema.startsWith("../../schema/"), `${f}: ${schema} stays inside the layer`);
  }
  const v = runCli(["validate"], { cwd: dir });
  assert.equal(v.status, 0, v.stdout + v.stderr);
  const list = runCli(["clauses", "list"], { cwd: dir });
  assert.match(list.stdout, /public-records\/foia-cadence\s+\S+\s+operative\s+\S+\s+acme \(overrides ordkit-default /);
  assert.match(list.stdout, /community-information\/rights-information\s+0\.1\.0\s+operative\s+\S+\s+acme\n/);

  // The same command elsewhere gives the same files, byte for byte.
  const again = tempDir();
  assert.equal(runCli(["init", "acme", "--title", "Acme Advocates"], { cwd: again }).status, 0);
  for (const f of SCAFFOLD) assert.equal(readFileSync(path.join(again, "acme", f), "utf8"), readFileSync(path.join(dir, f), "utf8"), f);

  const answers = readFileSync(fromRoot("examples/riverton-il-ordinance.yaml"), "utf8").replace("modules: [", "modules: [community-information, ");
  writeFileSync(path.join(dir, "city.yaml"), answers);
  const d = runCli(["draft", "-a", "city.yaml", "--format", "md"], { cwd: dir });
  assert.equal(d.status, 0, d.stderr);
  assert.match(d.stdout, /## Section \d+\. Public information\.\n\nWithin sixty \(60\) days/, "the layer's clause, with the layer's default");
  assert.match(d.stdout, /model clauses of Acme Advocates\. It is not legal advice/);
});

test("init never overwrites without --force, and refuses bad names before writing anything", () => {
  const root = tempDir();
  assert.equal(runCli(["init", "lib"], { cwd: root }).status, 0);
  writeFileSync(path.join(root, "lib", "ordkit.yaml"), "mine\n");
  const again = runCli(["init", "lib"], { cwd: root });
  assert.equal(again.status, 2);
  assert.match(again.stderr, /already exists/);
  assert.doesNotMatch(again.stderr, /--out/, "init has no --out flag to suggest");
  assert.match(again.stderr, /give ordkit init another directory/);
  assert.equal(readFileSync(path.join(root, "lib", "ordkit.yaml"), "utf8"), "mine\n");
  assert.equal(runCli(["init", "lib", "--force"], { cwd: root }).status, 0);
  assert.match(readFileSync(path.join(root, "lib", "ordkit.yaml"), "utf8"), /layer_version: 1/);

  const bad = runCli(["init", "other", "--name", "Bad Name"], { cwd: root });
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /not a valid layer name/);
  assert.equal(existsSync(path.join(root, "other")), false);
  const braces = runCli(["init", "third", "--title", "{{evil}}"], { cwd: root });
  assert.equal(braces.status, 2);
  assert.equal(existsSync(path.join(root, "third")), false);
});

test("docs/customizing.md: the tutorial's commands run as written, in order", () => {
  const doc = readFileSync(fromRoot("docs/customizing.md"), "utf8");
  const blocks = [...doc.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => m[1]!);
  assert.ok(blocks.length >= 3, "the tutorial has its command blocks");
  const work = tempDir();
  const bin = path.join(work, "bin");
  mkdirSync(bin);
  const shim = path.join(bin, "ordkit");
  writeFileSync(shim, `#!/bin/sh\nexec "${process.execPath}" "${fromRoot("bin/ordkit.js")}" "$@"\n`);
  chmodSync(shim, 0o755);
  const script = `set -eu\n${blocks.join("\n")}`;
  const r = spawnSync("bash", ["-c", script], { cwd: work, encoding: "utf8", env: { ...process.env, PATH: `${bin}${path.delimiter}${process.env.PATH ?? ""}`, NO_COLOR: "1" }, timeout: 120_000 });
  assert.equal(r.status, 0, `the tutorial failed:\n${r.stdout}\n${r.stderr}`);
  assert.match(r.stdout, /no problems/);
  assert.match(r.stdout, /community-information\/information-sessions\s+0\.1\.0\s+operative\s+\S+\s+acme-library/);
  assert.ok(existsSync(path.join(work, "acme-library", "my-city.docx")));
});
