// The published package: packed, installed into an empty directory with
// --engine-strict on this Node, and run through npx. It must install without
// warnings, pull in nothing but PDF.js (every other dependency is inside the bundle) and
// draft with the shipped bundle.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fromRoot } from "./helpers.js";
import { tempDir } from "./tmp.js";

function npm(args: string[], cwd: string): { status: number | null; out: string } {
  const r = spawnSync("npm", args, { cwd, encoding: "utf8", timeout: 180_000, env: { ...process.env, npm_config_update_notifier: "false", npm_config_fund: "false", npm_config_audit: "false" } });
  return { status: r.status, out: `${r.stdout}\n${r.stderr}` };
}

test("npm pack, install the tarball in an empty directory (--engine-strict), draft through npx with the bundle", () => {
  const packDir = tempDir();
  // `npm test` has built dist/ already; --ignore-scripts skips prepack's second build.
  const pack = npm(["pack", "--ignore-scripts", "--json", "--pack-destination", packDir], fromRoot());
  assert.equal(pack.status, 0, pack.out);
  const tarball = readdirSync(packDir).find((f) => f.endsWith(".tgz"));
  assert.ok(tarball, pack.out);
  const files = (JSON.parse(pack.out.slice(pack.out.indexOf("["), pack.out.lastIndexOf("]") + 1)) as Array<{ files: Array<{ path: string }> }>)[0]!.files.map((f) => f.path);
  assert.ok(files.includes("dist/bundle/cli.js") && files.includes("dist/bundle/manifest.json"), "the bundle is shipped");
  assert.ok(files.includes("dist/bundle/vendor/yaml.cjs"), "yaml is inside the bundle");
  assert.ok(!files.some((f) => f.startsWith("dist/src/") || f.startsWith("dist/test/")), "no unbundled build");

  const pkg = JSON.parse(readFileSync(fromRoot("package.json"), "utf8")) as { dependencies?: object; scripts: Record<string, string> };
  // Only PDF.js stays a package import at run time (it loads its own worker module); everything else is in the bundle.
  assert.deepEqual(Object.keys(pkg.dependencies ?? {}), ["pdfjs-dist"], "consumers resolve nothing else that could need a newer Node");
  for (const hook of ["preinstall", "install", "postinstall", "prepare"]) assert.equal(pkg.scripts[hook], undefined, `no ${hook} script`);

  const app = tempDir();
  writeFileSync(path.join(app, "package.json"), '{ "name": "app", "private": true }\n');
  const install = npm(["install", "--engine-strict", "--offline", "--no-audit", "--no-fund", path.join(packDir, tarball)], app);
  assert.equal(install.status, 0, install.out);
  assert.doesNotMatch(install.out, /EBADENGINE|notsup|install-scripts|npm warn/i, install.out);
  const installed = readdirSync(path.join(app, "node_modules")).filter((n) => !n.startsWith("."));
  assert.ok(installed.includes("ordkit") && installed.includes("pdfjs-dist"), installed.join(", "));
  for (const bundled of ["docx", "nanoid", "@inquirer", "handlebars", "yaml", "ajv", "commander", "chalk"]) assert.ok(!installed.includes(bundled), `${bundled} is in the bundle, not installed`);

  const answers = path.join(app, "node_modules/ordkit/examples/alameda-bay-ca-ordinance.yaml");
  const r = spawnSync("npx", ["--no", "ordkit", "draft", "-a", answers, "--out", "draft.docx"], { cwd: app, encoding: "utf8", timeout: 120_000 });
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stderr, /wrote draft\.docx \(ordinance, \d+ sections/);
  assert.equal(readFileSync(path.join(app, "draft.docx")).subarray(0, 2).toString(), "PK");
  assert.ok(!existsSync(path.join(app, "node_modules/ordkit/dist/src")), "only the bundle could have run");
  const md = spawnSync("npx", ["--no", "ordkit", "draft", "-a", answers, "--format", "md"], { cwd: app, encoding: "utf8", timeout: 120_000 });
  assert.equal(md.status, 0, md.stderr);
  assert.match(md.stdout, /Section 1\./);
  const v = spawnSync("npx", ["--no", "ordkit", "validate"], { cwd: app, encoding: "utf8", timeout: 120_000 });
  assert.equal(v.status, 0, v.stdout + v.stderr);
});
