// Conventions every command keeps: usage errors exit 2, colour follows
// NO_COLOR and FORCE_COLOR, and output formats come from one registry.
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Command } from "commander";
import { buildProgram } from "../src/cli.js";
import { colorLevel } from "../src/commands/color.js";
import { OUTPUTS, formatChoices, resolveFormat } from "../src/writers/formats.js";
import { fromRoot } from "./helpers.js";
import { runCli } from "./run-cli.js";
import { tempDir } from "./tmp.js";

const EXAMPLE = fromRoot("examples/alameda-bay-ca-ordinance.yaml");

function leaves(cmd: Command, prefix: string[] = []): string[][] {
  if (cmd.commands.length === 0) return [prefix];
  return cmd.commands.flatMap((c) => leaves(c, [...prefix, c.name()]));
}

test("an unknown option exits 2 in every command, at every depth", () => {
  const all = leaves(buildProgram());
  assert.ok(all.length >= 8, `found the commands: ${all.map((c) => c.join(" ")).join(", ")}`);
  for (const cmd of all) {
    const r = runCli([...cmd, "--bogus"]);
    assert.equal(r.status, 2, `${cmd.join(" ")} --bogus: ${r.stderr}`);
    assert.match(r.stderr, /unknown option '--bogus'/, cmd.join(" "));
  }
});

test("usage errors inside commands exit 2", () => {
  const table: [string[], RegExp][] = [
    [["check", "--fail-on", "hgih", EXAMPLE], /argument 'hgih' is invalid/],
    [["draft", "--bogus"], /unknown option/],
    [["diff", "--format", "pdf", "a", "b"], /argument 'pdf' is invalid/],
    [["validate", "--format", "xml"], /argument 'xml' is invalid/],
    [["clauses", "list", "--format", "csv"], /argument 'csv' is invalid/],
    [["clauses", "show"], /missing required argument 'id'/],
    [["init"], /missing required argument 'dir'/],
    [["textconv"], /missing the \.docx file/],
    [["textconv", "--global", "a.docx"], /--global goes with --install/],
    [["textconv", "a.docx", "b.docx"], /too many arguments/],
    [["check", "--instrument", "law", EXAMPLE], /argument 'law' is invalid/],
    [["draft", "-a", EXAMPLE, "--out", "x.txt"], /cannot tell the format from "x.txt"/],
    [["draft", "-a", EXAMPLE, "--format", "md", "--out", "x.json"], /does not match the extension/],
  ];
  for (const [args, message] of table) {
    const r = runCli(args);
    assert.equal(r.status, 2, `${args.join(" ")}: ${r.stderr}`);
    assert.match(r.stderr, message, args.join(" "));
  }
});

test("colour: NO_COLOR wins, FORCE_COLOR is read as chalk documents it, else only a terminal", () => {
  const tty = { isTTY: true };
  const pipe = { isTTY: false };
  const table: [NodeJS.ProcessEnv, { isTTY: boolean }, number][] = [
    [{}, tty, 1],
    [{}, pipe, 0],
    [{ FORCE_COLOR: "1" }, pipe, 1],
    [{ FORCE_COLOR: "3" }, pipe, 3],
    [{ FORCE_COLOR: "" }, pipe, 1],
    [{ FORCE_COLOR: "true" }, pipe, 1],
    [{ FORCE_COLOR: "0" }, tty, 0],
    [{ FORCE_COLOR: "false" }, tty, 0],
    [{ NO_COLOR: "1", FORCE_COLOR: "1" }, tty, 0],
    [{ NO_COLOR: "", FORCE_COLOR: "1" }, pipe, 1],
    [{ NO_COLOR: "1" }, tty, 0],
  ];
  for (const [env, stream, level] of table) assert.equal(colorLevel(stream, env), level, JSON.stringify(env));
});

test("FORCE_COLOR colours a piped report; NO_COLOR still wins", () => {
  const forced = runCli(["validate"], { env: { NO_COLOR: "", FORCE_COLOR: "1" } });
  assert.equal(forced.status, 0, forced.stderr);
  assert.match(forced.stdout, /\x1b\[/);
  const both = runCli(["validate"], { env: { NO_COLOR: "1", FORCE_COLOR: "1" } });
  assert.doesNotMatch(both.stdout, /\x1b\[/);
  const neither = runCli(["validate"], { env: { NO_COLOR: "" } });
  assert.doesNotMatch(neither.stdout, /\x1b\[/);
});

test("the output registry: --format choices, extensions and help agree for every command", () => {
  for (const [kind, formats] of Object.entries(OUTPUTS) as [keyof typeof OUTPUTS, (typeof OUTPUTS)[keyof typeof OUTPUTS]][]) {
    for (const fmt of formats) {
      for (const ext of fmt.extensions) {
        assert.equal(resolveFormat(kind, { out: `x${ext}` }, formats[0].name).name, fmt.name, `${kind} ${ext}`);
        assert.equal(resolveFormat(kind, { out: `x${ext}`, format: fmt.name }, formats[0].name).name, fmt.name);
      }
      for (const alias of fmt.aliases) assert.equal(resolveFormat(kind, { format: alias }, formats[0].name).name, fmt.name);
    }
  }
  const program = buildProgram();
  const byName = (names: string[]): Command => names.reduce<Command>((c, n) => c.commands.find((x) => x.name() === n)!, program);
  for (const [kind, names] of [["draft", ["draft"]], ["check", ["check"]], ["diff", ["diff"]], ["clauses", ["clauses", "list"]], ["validate", ["validate"]], ["law", ["law"]]] as const) {
    const opt = byName([...names]).options.find((o) => o.long === "--format")!;
    assert.deepEqual(opt.argChoices, formatChoices(kind), kind);
    for (const f of OUTPUTS[kind]) assert.ok(opt.description.includes(f.extensions[0]!), `${kind} help names ${f.extensions[0]}`);
  }
});

test("--format txt and --out x.txt agree (diff, check, clauses list)", () => {
  const dir = tempDir();
  const a = fromRoot("examples/alameda-bay-ca-ordinance.yaml");
  const b = fromRoot("examples/cascade-county-wa-resolution.yaml");
  const viaFormat = runCli(["diff", a, b, "--format", "txt"]);
  assert.equal(viaFormat.status, 1, viaFormat.stderr);
  const out = path.join(dir, "d.txt");
  assert.equal(runCli(["diff", a, b, "--out", out]).status, 1);
  assert.equal(readFileSync(out, "utf8"), viaFormat.stdout);
  const checkOut = path.join(dir, "notes.json");
  const c = runCli(["check", a, "--out", checkOut, "--fail-on", "none"]);
  assert.equal(c.status, 0, c.stderr);
  assert.deepEqual(JSON.parse(readFileSync(checkOut, "utf8")), JSON.parse(runCli(["check", a, "--format", "json", "--fail-on", "none"]).stdout));
  const listOut = path.join(dir, "list.txt");
  assert.equal(runCli(["clauses", "list", "--out", listOut]).status, 0);
  assert.equal(readFileSync(listOut, "utf8"), runCli(["clauses", "list", "--format", "txt"]).stdout);
  assert.ok(!existsSync(path.join(dir, "x.txt")));
});
