// Deterministic inputs for the benchmarks: a large clause library made from
// the default library's own clauses, a copy of it with a share of its clauses
// revised, and a long Markdown draft made from a real one.
//
//   node bench/generate.mjs library DIR [COUNT]        a valid COUNT-clause library (default 1000)
//   node bench/generate.mjs changed FROM TO [PERCENT]  FROM with PERCENT % of its clauses revised (default 10)
//   node bench/generate.mjs draft SOURCE.md OUT.md [N] a draft of N sections (default 200) from SOURCE.md
import { cpSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const DEFAULT_LIBRARY = path.join(root, "clauses");
/** The library option that switches the generated variants on; off by default, so a draft selects what it would from the default library. */
export const VARIANT_OPTION = "bench_variants";

function clauseFiles(dir) {
  const out = [];
  for (const name of readdirSync(dir).sort()) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) out.push(...clauseFiles(full));
    else if (name.endsWith(".yaml") && full !== path.join(DEFAULT_LIBRARY, "library.yaml") && full !== path.join(DEFAULT_LIBRARY, "interview.yaml")) out.push(full);
  }
  return out;
}

/**
 * A variant of a clause file, written the way people write clause files: a
 * new id (and file name), a title and one body line that say which variant it
 * is, and a condition that holds only when the variants option is on.
 */
function variant(text, id, n) {
  const tag = `v${String(n).padStart(4, "0")}`;
  const lines = text.split("\n");
  const out = [];
  let tagged = false;
  let hasWhen = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.startsWith("id: ")) out.push(`id: ${id}-${tag}`);
    else if (line.startsWith("title: ") && !/^title: ["']/.test(line)) out.push(`${line} (variant ${n})`);
    else if (line.startsWith("when: {")) {
      hasWhen = true;
      out.push(`when: { all: [${line.slice("when: ".length)}, { answer: options.${VARIANT_OPTION}, equals: true }] }`);
    } else if (line === "when:" && lines[i + 1] === "  all:") {
      // when: / all: / - {...} lines: one more item.
      hasWhen = true;
      out.push(line, lines[++i]);
      while (lines[i + 1]?.startsWith("    - ")) out.push(lines[++i]);
      out.push(`    - { answer: options.${VARIANT_OPTION}, equals: true }`);
    } else if (line === "when:") throw new Error(`${id}: this form of when is not handled by the generator`);
    else out.push(line);
    if (line.startsWith("instruments: ") && !lines.some((l) => l.startsWith("when:"))) {
      hasWhen = true;
      out.push(`when: { answer: options.${VARIANT_OPTION}, equals: true }`);
    }
    if (!tagged && /^\s*- text: >-?$/.test(line) && lines[i + 1]) {
      // One more line of the folded paragraph: the text differs from variant to variant.
      const indent = lines[i + 1].match(/^\s*/)[0];
      out.push(lines[i + 1], `${indent}(variant ${n})`);
      i++;
      tagged = true;
    }
  }
  if (!hasWhen || !tagged) throw new Error(`${id}: the generator found no place for its condition or its variant line`);
  return out.join("\n");
}

/** Writes a valid library of `count` clauses into dir: the default library's clauses and variants of its findings, operative and closing clauses. */
export function generateLibrary(dir, count = 1000) {
  mkdirSync(dir, { recursive: true });
  const manifest = readFileSync(path.join(DEFAULT_LIBRARY, "library.yaml"), "utf8");
  if (!/^options:$/m.test(manifest)) throw new Error("library.yaml has no options: block");
  writeFileSync(
    path.join(dir, "library.yaml"),
    manifest
      .replace(/^name: .*$/m, "name: ordkit-bench")
      .replace(/^options:$/m, `options:\n  ${VARIANT_OPTION}:\n    type: boolean\n    prompt: Include the generated variants of the clauses?\n    help: Benchmark library only.\n    default: false`),
  );
  const originals = clauseFiles(DEFAULT_LIBRARY).map((file) => {
    const text = readFileSync(file, "utf8");
    const rel = path.relative(DEFAULT_LIBRARY, file).replace(/\\/g, "/");
    return { rel, id: rel.replace(/\.yaml$/, ""), text, kind: /^kind: (\S+)/m.exec(text)?.[1] };
  });
  for (const o of originals) {
    mkdirSync(path.join(dir, path.dirname(o.rel)), { recursive: true });
    writeFileSync(path.join(dir, o.rel), o.text);
  }
  // Definitions stay single (a term is defined once); so do the few clauses whose form the generator does not handle.
  const varies = (o) => {
    try {
      variant(o.text, o.id, 1);
      return true;
    } catch {
      return false;
    }
  };
  const bases = originals.filter((o) => o.kind !== "definition" && varies(o));
  for (let n = 1; originals.length + n - 1 < count; n++) {
    const base = bases[(n - 1) % bases.length];
    const file = path.join(dir, `${base.id}-v${String(n).padStart(4, "0")}.yaml`);
    writeFileSync(file, variant(base.text, base.id, n));
  }
  return dir;
}

/** Copies a library and revises `percent` % of its clause files, spread evenly: new wording in one paragraph and a version bump. */
export function changedLibrary(from, to, percent = 10) {
  cpSync(from, to, { recursive: true });
  const files = [];
  const walk = (d) => {
    for (const name of readdirSync(d).sort()) {
      const full = path.join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (name.endsWith(".yaml") && name !== "library.yaml" && name !== "interview.yaml") files.push(full);
    }
  };
  walk(to);
  const step = 100 / percent;
  let changed = 0;
  for (let i = 0; i < files.length; i += step) {
    const file = files[Math.floor(i)];
    const text = readFileSync(file, "utf8");
    const revised = text
      .replace(/^version: "(\d+)\.(\d+)\.(\d+)"$/m, (_, a, b, c) => `version: "${a}.${b}.${Number(c) + 1}"`)
      .replace(/ shall /, " shall promptly ")
      .replace(/\(variant (\d+)\)/, "(variant $1, revised)");
    if (revised === text) continue;
    writeFileSync(file, revised);
    changed++;
  }
  return { files: files.length, changed };
}

/**
 * A Markdown draft of `sections` sections made from a real one: its title,
 * recitals and definitions, its operative sections repeated (numbered in
 * order), and its closing sections and signatures last.
 */
export function generateDraft(sourceMd, sections = 200) {
  const parts = sourceMd.split(/\n(?=## Section \d+\. )/);
  const preamble = parts[0];
  const bodies = parts.slice(1).map((p) => p.replace(/^## Section \d+\. /, ""));
  if (bodies.length < 4) throw new Error("the source draft has too few sections");
  const [definitions, ...rest] = bodies;
  const closing = rest.slice(-2);
  const operative = rest.slice(0, -2);
  const out = [preamble, `## Section 1. ${definitions}`];
  for (let n = 2; n <= sections - closing.length; n++) out.push(`## Section ${n}. ${operative[(n - 2) % operative.length]}`);
  closing.forEach((c, i) => out.push(`## Section ${sections - closing.length + 1 + i}. ${c}`));
  return out.join("\n");
}

/** Ordinary provisions of a municipal code, and a few on outside law enforcement, that a code of `sections` sections cycles through. */
const CODE_SECTIONS = [
  ["Parking in loading zones", "(a) No person shall park a vehicle in a loading zone for longer than thirty minutes between 7:00 a.m. and 6:00 p.m.\n\n(b) A violation of this section is an infraction punishable by a fine of not more than $100."],
  ["Permit required", "No person shall operate a food truck within the City without a permit issued by the City Manager. The permit shall be displayed in a place visible to the public."],
  ["Hours of parks", "City parks are open from 6:00 a.m. to 10:00 p.m. The Director of Parks may close a park or part of a park when necessary for maintenance or public safety."],
  ["Definitions", "\"Class N Vendor\" means, for purposes of this article, a person who sells food or merchandise from a pushcart, stand, or other non-motorized conveyance upon a public sidewalk under a Class N permit."],
  ["Noise", "No person shall make, continue, or cause to be made any loud and unnecessary noise that disturbs the peace of a neighborhood between 10:00 p.m. and 7:00 a.m."],
  ["Use of City resources", "No department, agency, officer, or employee of the City shall use City funds, personnel, or property to assist in the enforcement of federal civil immigration law, except as required by federal or state law."],
  ["Fees", "The City Council shall set by resolution the fees for permits issued under this chapter. Fees shall be reviewed annually by the Finance Director."],
  ["Access to non-public areas", "No City department shall permit any law enforcement agency to enter a non-public area of City property without a judicial warrant, except in an emergency."],
  ["Appeals", "Any applicant whose permit is denied may appeal to the City Manager within fifteen days. The decision of the City Manager is final."],
  ["Records", "Each licensee shall keep records of sales for three years and shall make them available to the Finance Director on request."],
];

/** A municipal code of `sections` short sections numbered "Sec. 10-N." in the style of real codes. */
export function generateCode(sections = 5000) {
  const out = ["# CODE OF ORDINANCES OF THE CITY OF BENCHMARK", ""];
  for (let n = 1; n <= sections; n++) {
    const [heading, body] = CODE_SECTIONS[(n - 1) % CODE_SECTIONS.length];
    if ((n - 1) % 100 === 0) out.push(`ARTICLE ${Math.floor((n - 1) / 100) + 1}. GENERAL PROVISIONS`, "");
    // Each definitions section defines a term of its own, as the articles of a real code do.
    out.push(`Sec. ${10 + Math.floor((n - 1) / 1000)}-${n}. ${heading}.`, "", body.replaceAll("Class N", `Class ${n}`), "");
  }
  return out.join("\n");
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [what, a, b, c] = process.argv.slice(2);
  if (what === "library" && a) generateLibrary(a, c === undefined && b ? Number(b) : 1000);
  else if (what === "changed" && a && b) console.log(changedLibrary(a, b, c ? Number(c) : 10));
  else if (what === "code" && a) writeFileSync(a, generateCode(b ? Number(b) : 5000));
  else if (what === "draft" && a && b) writeFileSync(b, generateDraft(readFileSync(a, "utf8"), c ? Number(c) : 200));
  else {
    process.stderr.write("usage: node bench/generate.mjs library DIR [COUNT] | changed FROM TO [PERCENT] | draft SOURCE.md OUT.md [SECTIONS] | code OUT.md [SECTIONS]\n");
    process.exit(2);
  }
}
