// Every pass of the reader (text parsing, the provision reader, the rules) is
// linear in its input: reading four times as much text must take about four
// times as long, not sixteen. Measured as a ratio of the CPU time (not wall
// time, which a shared machine stretches at random) of the fastest of several
// interleaved runs.
import { test } from "node:test";
import assert from "node:assert/strict";
import { parseTextDocument } from "../../src/core/parse/text.js";
import { buildContext } from "../../src/core/risk/context.js";
import { runRules } from "../../src/core/risk/engine.js";

const context = buildContext({ state: "CA", instrument: "ordinance" });

function checkText(text: string, format: "md" | "txt"): void {
  const { draft } = parseTextDocument(text, { file: `scale.${format}`, format });
  runRules(draft, context);
}

function cpuMs(fn: () => void): number {
  const t = process.cpuUsage();
  fn();
  const d = process.cpuUsage(t);
  return (d.user + d.system) / 1000;
}

/** Fastest of `runs` interleaved timings of small and large inputs, as large / small. */
function ratio(make: (size: number) => string, small: number, format: "md" | "txt" = "md", runs = 5): number {
  const a = make(small);
  const b = make(small * 4);
  checkText(a, format); // warm up
  let ta = Infinity;
  let tb = Infinity;
  for (let i = 0; i < runs; i++) {
    ta = Math.min(ta, cpuMs(() => checkText(a, format)));
    tb = Math.min(tb, cpuMs(() => checkText(b, format)));
  }
  // A floor of 5 ms: below it a pause of the collector, not the input, decides the ratio.
  return tb / Math.max(ta, 5);
}

function paragraphOf(unit: string) {
  return (size: number): string => {
    const p = unit.repeat(Math.ceil(size / unit.length));
    return `# ORDINANCE NO. 1\n\nSection 1. Definitions.\n\n"Covered Officer" means any federal officer.\n\nSection 2. Rule.\n\n${p}\n`;
  };
}

// Linear growth gives a ratio near 4, quadratic near 16.
const LIMIT = 9;

const PARAGRAPHS: Record<string, string> = {
  "duties with mentions and exemptions": "Federal immigration officers shall not enter City property or a public park, except the City Police Department, including ICE agents, and no person shall share immigration status with undercover officers. ",
  "one endless sentence with exemption cues": "No person shall, except undercover officers, medical masks, or state police: ",
  "a restriction listing whom it keeps out": "The City shall not permit any federal agent, state officer or Covered Officer to use a parking lot, ",
  "capitalized phrases": "aaaa bbbb Eeee Ffff Agency Gggg Area any Staging Location of the Department ",
  "recital-like clauses": 'WHEREAS, the "Covered Agency" (ICE) shall not detain; except (a) the Sheriff, or ',
};

for (const [name, unit] of Object.entries(PARAGRAPHS)) {
  test(`check is linear in a paragraph's length: ${name}`, () => {
    const r = ratio(paragraphOf(unit), 50_000);
    assert.ok(r < LIMIT, `4x the text took ${r.toFixed(1)}x the time`);
  });
}

const SPACES: Record<string, (n: number) => string> = {
  "a heading line": (n) => `ORDINANCE NO. 5${" ".repeat(n)}\n\nSection 1. Rule.${" ".repeat(n)}\n\nNo officer shall enter.\n`,
  "a Markdown heading": (n) => `## Section 1. Rule${" ".repeat(n)}#\n\nNo officer shall enter.${" ".repeat(n)}\n`,
  "a recital": (n) => `WHEREAS, the City${" ".repeat(n)};\n\nSection 1. Rule.\n\nNo officer shall enter.\n`,
  "a definition": (n) => `Section 1. Definitions.\n\n"Officer" means${" ".repeat(n)}any person.\n\nSection 2. Rule.\n\nNo Officer shall enter.\n`,
  "front matter": (n) => `---\nstate: CA${" ".repeat(n)}\n---\n\nSection 1. Rule.\n\nNo officer shall enter.\n`,
};

for (const [name, make] of Object.entries(SPACES)) {
  for (const format of ["md", "txt"] as const) {
    test(`check is linear in trailing white space: ${name} (${format})`, () => {
      const r = ratio(make, 400_000, format);
      assert.ok(r < LIMIT, `4x the spaces took ${r.toFixed(1)}x the time`);
    });
  }
}

test("check is linear in the number of defined terms and sections (a municipal code)", () => {
  // Each tenth section defines a term of its own, as a code's articles do.
  const code = (size: number): string => {
    const out = ["# CODE OF ORDINANCES", ""];
    for (let n = 1; n <= size / 200; n++) {
      if (n % 10 === 1) out.push(`Sec. 10-${n}. Definitions.`, "", `"Class ${n} Vendor" means a person who sells goods from a cart under a Class ${n} permit.`, "");
      else out.push(`Sec. 10-${n}. Permits.`, "", `No Class ${n - (n % 10) + 1} Vendor shall operate without a permit issued by the City Manager, and no City department shall assist federal civil immigration enforcement.`, "");
    }
    return out.join("\n");
  };
  const r = ratio(code, 100_000);
  assert.ok(r < LIMIT, `4x the code took ${r.toFixed(1)}x the time`);
});
