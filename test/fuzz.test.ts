// Bounded, seeded fuzzing: random mutations of the example answers files and
// of the clause library (delete, duplicate and swap lines, change the type of
// values, insert unusual Unicode, truncate, shift indentation, add hostile
// keys). Every outcome must be a success or a UserError naming a file; any
// other exception is a crash and fails with the seed and the mutated input.
// Reproduce a run with ORDKIT_FUZZ_SEED=<seed> (the seed is in the test name);
// ORDKIT_FUZZ_SCALE=<n> runs n times as many cases, for a deeper search.
import { test } from "node:test";
import assert from "node:assert/strict";
import { cpSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { UserError } from "../src/core/errors.js";
import { loadLibrary } from "../src/core/library/load.js";
import { YamlSource } from "../src/core/library/yaml-source.js";
import { checkAnswers } from "../src/core/interview/answers.js";
import { readPartialAnswers } from "../src/core/interview/partial.js";
import { loadInterview } from "../src/core/interview/definition.js";
import { missingAnswers } from "../src/core/interview/questions.js";
import { startInterview } from "../src/core/interview/start.js";
import { draftFromAnswers, prepareCode } from "../src/core/pipeline.js";
import { compareDrafts, runComparison } from "../src/core/diff/inputs.js";
import { writeMarkdown } from "../src/writers/markdown.js";
import { writeJson } from "../src/writers/json.js";
import { writeDocx } from "../src/writers/docx/index.js";
import { reportJson } from "../src/reporters/diff-json.js";
import { reportMarkdown } from "../src/reporters/diff-md.js";
import type { Draft } from "../src/core/draft.js";
import { fromRoot } from "./helpers.js";
import { runCli } from "./run-cli.js";
import { tempDir } from "./tmp.js";
import { assertNoStackTrace, prng } from "./hostile/harness.js";
import { docxParts } from "./hostile/xml.js";

const SEED = Number(process.env.ORDKIT_FUZZ_SEED ?? 20_261_121);
const SCALE = Math.max(1, Number(process.env.ORDKIT_FUZZ_SCALE ?? 1));
const ANSWERS_CASES = 150 * SCALE;
const LIBRARY_CASES = 60 * SCALE;
const TEMPLATES = fromRoot("templates");
const TODAY = "2026-11-21";

// ---------------------------------------------------------------- mutations

type Rnd = () => number;
const pick = <T>(rnd: Rnd, xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
const int = (rnd: Rnd, n: number): number => Math.floor(rnd() * n);

const VALUES = [
  "0", "-1", "3.5", "1e309", ".inf", ".nan", "0x1F", "010", "true", "no", "null", "~", "[]", "{}", "[a, b]", "{x: 1}",
  '"2026-13-45"', "2026-12-01", '""', "' '", '"<w:t>&amp;]]>"', "!!binary aGVsbG8=", "!!str 5", "*nowhere", "&anchor value",
  "|\n  block\n  text", `"${"long ".repeat(2000)}"`, '"\\u0000\\u0007"', "@reserved", "`backtick", "- item", ": colon",
];
const UNICODE = ["😀", "𝔘𝔫𝔦", "𠜎", "עברית", "عربى", "\u202E", "\u200F", "\u200D", "e\u0301", "\uFEFF", "\u00A0", "\u2028", "\u0007", "\t", "\u0085", "\uFFFD", "]]>", "<&>", "{{", "}}", "{{constructor}}"];
const KEYS = ["__proto__: {polluted: yes}", "constructor: {prototype: {polluted: yes}}", "toString: x", "bogus: 1", "<<: {a: 1}", "? complex\n: key", "id: a/b", "version: 2", "when: {answer: nope, equals: 1}"];

interface Mutation {
  name: string;
  apply: (lines: string[], rnd: Rnd) => string[];
}

const MUTATIONS: Mutation[] = [
  { name: "delete a line", apply: (l, r) => l.filter((_, i) => i !== int(r, l.length)) },
  {
    name: "duplicate a line",
    apply: (l, r) => {
      const i = int(r, l.length);
      return [...l.slice(0, i + 1), l[i] ?? "", ...l.slice(i + 1)];
    },
  },
  {
    name: "swap two lines",
    apply: (l, r) => {
      const out = [...l];
      const i = int(r, l.length);
      const j = r() < 0.5 ? Math.min(i + 1, l.length - 1) : int(r, l.length);
      [out[i], out[j]] = [out[j]!, out[i]!];
      return out;
    },
  },
  {
    name: "change the type of a value",
    apply: (l, r) => {
      const candidates = l.map((x, i) => (/^\s*(- )?[\w/."-]+:\s*\S/.test(x) ? i : -1)).filter((i) => i >= 0);
      if (!candidates.length) return l;
      const i = pick(r, candidates);
      const out = [...l];
      out[i] = out[i]!.replace(/^(\s*(?:- )?[\w/."-]+:\s*).*$/, (_, k: string) => k + pick(r, VALUES));
      return out;
    },
  },
  {
    name: "insert unicode",
    apply: (l, r) => {
      const i = int(r, l.length);
      const out = [...l];
      const s = out[i] ?? "";
      const at = int(r, s.length + 1);
      out[i] = s.slice(0, at) + pick(r, UNICODE) + s.slice(at);
      return out;
    },
  },
  {
    name: "shift indentation",
    apply: (l, r) => {
      const i = int(r, l.length);
      const out = [...l];
      const s = out[i] ?? "";
      const how = int(r, 4);
      out[i] = how === 0 ? ` ${s}` : how === 1 ? s.replace(/^ {1,2}/, "") : how === 2 ? s.replace(/^ +/, "\t") : `    ${s}`;
      return out;
    },
  },
  {
    name: "insert a hostile key",
    apply: (l, r) => {
      const i = int(r, l.length);
      const indent = /^\s*/.exec(l[i] ?? "")![0];
      return [...l.slice(0, i), indent + pick(r, KEYS), ...l.slice(i)];
    },
  },
];

interface Mutated {
  bytes: Buffer;
  steps: string[];
}

/** One to three mutations of a YAML text; sometimes truncated or with stray bytes. */
function mutate(text: string, rnd: Rnd): Mutated {
  let lines = text.split("\n");
  const steps: string[] = [];
  for (let k = 1 + int(rnd, 3); k > 0; k--) {
    const m = pick(rnd, MUTATIONS);
    lines = m.apply(lines, rnd);
    steps.push(m.name);
  }
  let bytes = Buffer.from(lines.join("\n"), "utf8");
  const tail = rnd();
  if (tail < 0.12) {
    const at = int(rnd, bytes.length + 1); // may split a multi-byte character
    bytes = bytes.subarray(0, at);
    steps.push(`truncate at byte ${at}`);
  } else if (tail < 0.17) {
    bytes = Buffer.from(bytes);
    const at = int(rnd, bytes.length);
    bytes[at] = int(rnd, 256);
    steps.push(`set byte ${at}`);
  }
  return { bytes, steps };
}

// ---------------------------------------------------------------- outcomes

type Outcome = "ok" | "refused";

/** A refusal is a UserError whose every problem names a file. */
function isCleanRefusal(err: unknown): boolean {
  return err instanceof UserError && err.problems.length > 0 && err.problems.every((p) => typeof p.file === "string" && p.file.length > 0);
}

function crashReport(kind: string, caseSeed: number, steps: string[], input: string, err: unknown): string {
  const e = err as Error;
  const detail = err instanceof UserError ? `UserError without a file: ${JSON.stringify(err.problems)}` : `${e?.stack ?? String(err)}`;
  return `${kind} case with seed ${caseSeed} (run seed ${SEED}) crashed after [${steps.join(", ")}]:\n${detail}\n--- mutated input:\n${input.slice(0, 4000)}`;
}

async function outcome(run: () => Promise<void> | void, report: (err: unknown) => string): Promise<Outcome> {
  try {
    await run();
    return "ok";
  } catch (err) {
    if (isCleanRefusal(err)) return "refused";
    assert.fail(report(err));
  }
}

// ---------------------------------------------------------------- the tests

const EXAMPLE_FILES = readdirSync(fromRoot("examples"))
  .filter((f) => f.endsWith(".yaml"))
  .sort()
  .map((f) => fromRoot("examples", f));

test(`fuzz: ${ANSWERS_CASES} mutated answers files never crash draft, check or diff (seed ${SEED})`, async (t) => {
  const lib = loadLibrary(fromRoot("clauses"));
  const def = loadInterview(lib);
  const base = new Map<string, { text: string; draft: Draft }>();
  for (const f of EXAMPLE_FILES) {
    const src = YamlSource.read(f);
    const loaded = checkAnswers(src, lib);
    base.set(f, { text: src.text, draft: draftFromAnswers(lib, loaded, TEMPLATES, undefined, {}, await prepareCode(loaded)) });
  }
  const dir = tempDir("ordkit-fuzz-");
  // The chapter an example amends, where its answers (copied here, mutated) look for it.
  cpSync(fromRoot("examples", "existing"), path.join(dir, "existing"), { recursive: true });
  const counts = { ok: 0, refused: 0 };
  for (let i = 0; i < ANSWERS_CASES; i++) {
    const caseSeed = SEED + i;
    const rnd = prng(caseSeed);
    const example = pick(rnd, EXAMPLE_FILES);
    const { bytes, steps } = mutate(base.get(example)!.text, rnd);
    const file = path.join(dir, `case-${i}.yaml`);
    writeFileSync(file, bytes);
    const report = (err: unknown): string => crashReport("answers", caseSeed, [path.basename(example), ...steps], bytes.toString("utf8"), err);

    // As `ordkit draft` walks it: partial answers, what is missing, then the draft.
    const drafted = await outcome(async () => {
      const partial = readPartialAnswers(file, lib);
      const missing = missingAnswers(def, lib, partial.answers, { today: TODAY });
      if (missing.length > 0) throw new UserError({ message: `lacks ${missing.length} answer(s)`, file });
      const loaded = checkAnswers(partial.source, lib);
      const draft = draftFromAnswers(lib, loaded, TEMPLATES, undefined, {}, await prepareCode(loaded));
      writeMarkdown(draft);
      writeJson(draft);
      if (i % 15 === 0) docxParts(await writeDocx(draft)); // every part well-formed XML
      if (i % 10 === 0) {
        const diff = compareDrafts(base.get(example)!.draft, draft, "example", "mutated");
        reportMarkdown(diff);
        reportJson(diff);
      }
    }, report);
    // As `ordkit check` walks it: no interview, every key required at once.
    await outcome(async () => {
      const loaded = checkAnswers(YamlSource.parse(bytes, file), lib);
      const draft = draftFromAnswers(lib, loaded, TEMPLATES, undefined, i % 2 ? { state: "WA" } : {}, await prepareCode(loaded));
      writeJson(draft);
    }, report);
    counts[drafted]++;
  }
  t.diagnostic(`drafted ${counts.ok}, refused ${counts.refused}`);
  // A fuzzer that only ever hits one outcome is not exploring.
  assert.ok(counts.ok > 0 && counts.refused > 0, `outcomes: ${JSON.stringify(counts)}`);
});

test(`fuzz: ${LIBRARY_CASES} mutated clause libraries never crash loading, drafting or diff (seed ${SEED})`, async (t) => {
  const dir = tempDir("ordkit-fuzz-lib-");
  const libDir = path.join(dir, "lib");
  cpSync(fromRoot("clauses"), libDir, { recursive: true });
  const files: string[] = [];
  const visit = (d: string): void => {
    for (const name of readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(d, name.name);
      if (name.isDirectory()) visit(full);
      else if (name.name.endsWith(".yaml")) files.push(full);
    }
  };
  visit(libDir);
  const counts = { ok: 0, refused: 0 };
  for (let i = 0; i < LIBRARY_CASES; i++) {
    const caseSeed = SEED + 100_000 + i;
    const rnd = prng(caseSeed);
    const roll = rnd();
    const target = roll < 0.15 ? path.join(libDir, "library.yaml") : roll < 0.25 ? path.join(libDir, "interview.yaml") : pick(rnd, files);
    const original = readFileSync(target);
    const { bytes, steps } = mutate(original.toString("utf8"), rnd);
    writeFileSync(target, bytes);
    const answersFile = pick(rnd, EXAMPLE_FILES);
    const label = [path.relative(libDir, target), ...steps];
    const report = (err: unknown): string => crashReport("library", caseSeed, label, bytes.toString("utf8"), err);
    try {
      const result = await outcome(async () => {
        const start = startInterview({ answersFile, libraryDir: libDir, today: TODAY });
        if (start.missing.length > 0) throw new UserError({ message: "answers missing", file: answersFile });
        const draft = draftFromAnswers(start.library, checkAnswers(start.source!, start.library), TEMPLATES);
        writeMarkdown(draft);
        if (i % 20 === 0) docxParts(await writeDocx(draft));
      }, report);
      if (i % 5 === 0) {
        await outcome(async () => {
          const diff = await runComparison({ old: fromRoot("clauses"), new: libDir, libraryDir: libDir, templatesDir: TEMPLATES });
          reportMarkdown(diff);
          reportJson(diff);
        }, report);
      }
      counts[result]++;
    } finally {
      writeFileSync(target, original);
    }
  }
  t.diagnostic(`drafted ${counts.ok}, refused ${counts.refused}`);
  assert.ok(counts.ok > 0 && counts.refused > 0, `outcomes: ${JSON.stringify(counts)}`);
});

test(`fuzz through the CLI: mutated answers and libraries end in 0, 1 or a clean exit 2 (seed ${SEED})`, () => {
  const dir = tempDir("ordkit-fuzz-cli-");
  cpSync(fromRoot("clauses"), path.join(dir, "lib"), { recursive: true });
  const runs: Array<{ args: string[]; input: string; steps: string[]; caseSeed: number }> = [];
  for (let i = 0; i < 6; i++) {
    const caseSeed = SEED + 200_000 + i;
    const rnd = prng(caseSeed);
    const { bytes, steps } = mutate(readFileSync(pick(rnd, EXAMPLE_FILES), "utf8"), rnd);
    writeFileSync(path.join(dir, `answers-${i}.yaml`), bytes);
    runs.push({ args: i % 2 ? ["check", `answers-${i}.yaml`] : ["draft", "--answers", `answers-${i}.yaml`, "--format", "md"], input: bytes.toString("utf8"), steps, caseSeed });
  }
  const clauseFiles = ["lib/property-use/staging-ban.yaml", "lib/library.yaml", "lib/general/severability.yaml"];
  for (const [i, rel] of clauseFiles.entries()) {
    const caseSeed = SEED + 300_000 + i;
    const original = readFileSync(path.join(dir, rel), "utf8");
    const { bytes, steps } = mutate(original, prng(caseSeed));
    writeFileSync(path.join(dir, rel), bytes);
    const args = ["draft", "--answers", EXAMPLE_FILES[0]!, "--library", "lib", "--format", "md"];
    const r = runCli(args, { cwd: dir });
    checkCliOutcome(r, { args, input: bytes.toString("utf8"), steps: [rel, ...steps], caseSeed });
    writeFileSync(path.join(dir, rel), original);
  }
  for (const run of runs) checkCliOutcome(runCli(run.args, { cwd: dir }), run);
});

function checkCliOutcome(r: { status: number | null; stderr: string }, run: { args: string[]; input: string; steps: string[]; caseSeed: number }): void {
  const where = `ordkit ${run.args.join(" ")} with seed ${run.caseSeed} (run seed ${SEED}) after [${run.steps.join(", ")}]\n--- stderr:\n${r.stderr}\n--- mutated input:\n${run.input.slice(0, 4000)}`;
  assert.ok(r.status === 0 || r.status === 1 || r.status === 2, `exit ${r.status}: ${where}`);
  if (r.status === 2) {
    assert.match(r.stderr, /^ordkit: error: /, where);
    assertNoStackTrace(r.stderr, where);
  }
}
