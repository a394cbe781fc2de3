// Every clause of the default library, rendered with its defaults in every
// instrument it declares, and checked as a drafter would: the section is
// there, nothing is left blank or doubled, every defined term is defined and
// every definition used, and no section number or place name is typed in.
// Everything is derived from the loaded library (test/library-audit.ts), so
// new clauses are covered without editing this file.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { parse, stringify } from "yaml";
import { YamlSource } from "../src/core/shared/yaml-source.js";
import { checkAnswers } from "../src/core/interview/answers.js";
import { assemble } from "../src/core/assemble/assemble.js";
import { writeMarkdown } from "../src/writers/markdown.js";
import { loadLibrary } from "../src/core/library/load.js";
import { INSTRUMENTS } from "../src/core/draft.js";
import { fromRoot } from "./helpers.js";
import { tempTree } from "./tmp.js";
import { auditLibrary, renderedProblems, sourceProblems, termProblems, type Audit } from "./library-audit.js";
import { baseAnswers, conditionData, satisfy, termClosure } from "./library-scenarios.js";
import { nameForms, placementProblems, renderedTextProblems, termsUsed, withoutExpressions } from "./library-checks.js";

const lib = loadLibrary(fromRoot("clauses"));
const TEMPLATES = fromRoot("templates");
const clauses = [...lib.clauses.values()];

/**
 * Problems the current library or code is known to have, by check. Each entry
 * must still occur (a fixed one fails the test until it is removed here), and
 * any problem not listed fails the test.
 */
const KNOWN: Record<string, string[]> = {
  coverage: [],
  terms: [],
};

function assertOnlyKnown(check: string, problems: Iterable<string>): void {
  const found = [...new Set(problems)].sort();
  const known = new Set(KNOWN[check] ?? []);
  const fresh = found.filter((p) => !known.has(p));
  const fixed = [...known].filter((p) => !found.includes(p));
  const lines = [...fresh, ...fixed.map((p) => `no longer occurs (remove it from KNOWN["${check}"] in test/library-coverage.test.ts): ${p}`)];
  assert.equal(lines.length, 0, `${check}:\n  ${lines.join("\n  ")}`);
}

let audit: Audit | null = null;
/** One audit of the default library, shared by the tests below. */
function defaultAudit(): Audit {
  audit ??= auditLibrary(lib, TEMPLATES);
  return audit;
}

function exampleNames(): string[] {
  return readdirSync(fromRoot("examples"))
    .filter((f) => /\.ya?ml$/.test(f))
    .sort()
    .flatMap((f) => {
      const name = (parse(readFileSync(fromRoot("examples", f), "utf8")) as { jurisdiction?: { name?: string } }).jurisdiction?.name;
      return name ? nameForms(name) : [];
    });
}

test("every clause renders in every instrument it declares, and every paragraph under some answers", (t) => {
  const a = defaultAudit();
  assert.ok(a.drafts >= INSTRUMENTS.length, "at least one draft per instrument");
  t.diagnostic(`${a.drafts} drafts; ${a.reached.size} clause and paragraph variants reached`);
  for (const idle of a.idle) t.diagnostic(`a definition no clause brings into this instrument: ${idle}`);
  assertOnlyKnown("coverage", a.coverage);
});

test("rendered clause text has no placeholders, blanks, empty paragraphs or doubled words", () => {
  assertOnlyKnown("rendered text", renderedProblems(defaultAudit()));
});

test("defined terms: a clause lists every term it uses and uses every term it lists; every definition is used", () => {
  assertOnlyKnown("terms", termProblems(lib, defaultAudit()));
});

test("clause text carries no typed-in section numbers and no jurisdiction names", () => {
  const names = exampleNames();
  assert.ok(names.length > 0, "the examples name their jurisdictions");
  assertOnlyKnown("placement", sourceProblems(lib, names));
});

test("the audit reports a broken library clause by clause", () => {
  const dir = tempTree({
    "library.yaml": [
      "name: broken",
      'version: "1.0.0"',
      'legal_as_of: "2026-11-01"',
      "categories:",
      "  - { id: definitions, title: Definitions }",
      "  - { id: ops, title: Operations }",
      "  - { id: general, title: General }",
      "options:",
      "  scope: { type: choice, prompt: Whom?, choices: [all, own], default: all }",
      "definitions_heading: Definitions",
      'definitions_intro: "As used in this {{Instrument}}:"',
    ].join("\n"),
    "definitions/agency.yaml": definition("agency", "Agency", "“Agency” means any law enforcement agency."),
    "definitions/zone.yaml": definition("zone", "Zone", "“Zone” means an area closed to every Agency."),
    "definitions/unused.yaml": definition("unused", "Unused Thing", "“Unused Thing” means nothing at all."),
    "ops/rule.yaml": operative("ops/rule", "[ordinance]", "{ answer: modules, includes: ops }", "[zone, agency]", [
      "  days: { type: integer, prompt: How many days?, min: 1 }",
    ], [
      "  - text: Every Zone shall be posted within {{words days}} days, as provided in Section 3, by the the {{jurisdiction.term}}.",
      "  - text: Only in a resolution.",
      "    when: { answer: instrument, equals: resolution }",
      "  - text: Only for own officers in the City of Springfield.",
      "    when: { answer: options.scope, equals: own }",
    ]),
    "ops/flag.yaml": operative("ops/flag", "[ordinance, resolution]", "{ answer: modules, includes: ops }", "[]", [
      "  extra: { type: boolean, prompt: Extra?, default: false }",
    ], [
      "  - text: The {{jurisdiction.term}} keeps a register.",
      "  - text: The register is public.",
      "    when: { answer: variables.ops/flag.extra, equals: true }",
    ]),
    "ops/never.yaml": operative("ops/never", "[ordinance]", "{ all: [{ answer: modules, includes: ops }, { not: { answer: modules, includes: ops } }] }", "[]", [], [
      "  - text: Never drafted.",
    ]),
    "general/effective.yaml": [
      "id: general/effective",
      'version: "1.0.0"',
      "title: Effective date",
      "category: general",
      "kind: boilerplate",
      "instruments: [ordinance, executive-order, resolution]",
      "regulates: { who: none, where: not-applicable, does: legal-effect }",
      "heading: Effective date",
      "body:",
      "  - text: This {{Instrument}} takes effect on adoption.",
    ].join("\n"),
  });
  const broken = loadLibrary(dir);
  const a = auditLibrary(broken, TEMPLATES);
  const has = (list: string[], re: RegExp): void => assert.ok(list.some((p) => re.test(p)), `${re} in:\n${list.join("\n")}`);
  has(a.coverage, /^ops\/never \(ordinance\): no answers select it$/);
  has(a.coverage, /^ops\/rule body\[1\]: no answers keep this paragraph \(ordinance\)$/);
  assert.ok(!a.coverage.some((p) => p.startsWith("ops/flag")), `the flag paragraph is reached by a targeted run: ${a.coverage.join("; ")}`);
  assert.ok(a.reached.has("ops/flag body[1]") && a.reached.has("ops/rule body[2]"), "a boolean variable and an option reach their paragraphs");
  assert.ok(a.idle.length === 0 || a.idle.every((x) => x.startsWith("definitions/")));
  has(renderedProblems(a), /^ops\/rule \(ordinance\): doubled word "the the"/);
  const terms = termProblems(broken, a);
  has(terms, /^definitions\/zone: uses the defined term "Agency" but does not list agency under terms:$/);
  has(terms, /^ops\/rule: lists agency under terms: but its text never uses "Agency"$/);
  has(terms, /^definitions\/unused: "Unused Thing" is defined but no clause lists unused under terms:$/);
  const sources = sourceProblems(broken, nameForms("City of Alameda Bay"));
  has(sources, /^ops\/rule body\[0\]: section number "Section 3"/);
  has(sources, /^ops\/rule body\[2\]: jurisdiction name "City of Springfield"/);
  assert.ok(!sources.some((p) => p.startsWith("ops/flag")), "clean clauses pass");
});

function definition(slug: string, term: string, text: string): string {
  return [`id: definitions/${slug}`, 'version: "1.0.0"', `title: ${term}`, "category: definitions", "kind: definition", "instruments: [ordinance, executive-order, resolution]", `term: ${term}`, "body:", `  - text: "${text}"`].join("\n");
}

function operative(id: string, instruments: string, when: string, terms: string, variables: string[], body: string[]): string {
  return [
    `id: ${id}`,
    'version: "1.0.0"',
    `title: ${id}`,
    "category: ops",
    "kind: operative",
    `instruments: ${instruments}`,
    `when: ${when}`,
    "regulates: { who: own-personnel, where: anywhere, does: transparency }",
    `terms: ${terms}`,
    ...(variables.length ? ["variables:", ...variables] : []),
    "heading: A rule",
    "body:",
    ...body,
  ].join("\n");
}

// ------------------------------------------------- the checkers themselves

test("the section-number and jurisdiction-name checker passes citations of external law and catches internal references", () => {
  const names = nameForms("City of Alameda Bay").concat(nameForms("Cascade County"));
  const good = [
    "Nothing in this section prohibits any officer from sending to 8 U.S.C. § 1373 information.",
    "as required by Cal. Gov. Code § 7284.6 and 8 C.F.R. § 287.7",
    "under 5 U.S.C. § 552(a)(6) and 5 U.S.C. §§ 552(b)(6) and (b)(7)(C)",
    "an agreement under section 287(g) of the Immigration and Nationality Act, 8 U.S.C. § 1357(g)",
    "section 1373 of title 8 of the United States Code",
    "Article VI, Section 2 of the United States Constitution",
    "Wash. Rev. Code § 10.93.160 and Tex. Gov't Code § 752.053 and 18 Pa.C.S. § 5101",
    "This section supplements … and the preceding subsection.",
    "the … of … and the Board of Supervisors",
    "the City Council of the … shall",
  ];
  const bad: Array<[string, RegExp]> = [
    ["as provided in Section 3, the Department shall", /section number "Section 3"/],
    ["except as subsection (b) of this section allows", /section number "subsection \(b\)"/],
    ["Nothing in § 2-14 limits", /section number "§ 2-14"/],
    ["see Sec. 4 of this Ordinance", /section number "Sec\. 4"/],
    ["under paragraph (2)", /section number "paragraph \(2\)"/],
    ["Section 5 of the … applies", /section number "Section 5"/],
    ["as Chapter 2.80 of the Municipal Code provides", /section number "Chapter 2\.80"/],
    ["under Municipal Code § 2.80.010", /section number "§ 2\.80\.010"/],
    ["the City of Alameda Bay shall", /jurisdiction name "City of Alameda"/],
    ["the County of Orange shall", /jurisdiction name "County of Orange"/],
    ["property of Cascade County", /jurisdiction name "Cascade County"/],
    ["residents of Alameda Bay", /jurisdiction name "Alameda Bay"/],
  ];
  for (const g of good) assert.deepEqual(placementProblems(g, names), [], g);
  for (const [b, re] of bad) {
    const found = placementProblems(b, names);
    assert.ok(found.some((p) => re.test(p)), `${b} -> ${JSON.stringify(found)}`);
  }
  assert.deepEqual(nameForms("City of Riverton"), ["City of Riverton", "Riverton"]);
  assert.equal(withoutExpressions("the {{jurisdiction.term}} of {{words\n  n}} days"), "the … of … days");
});

test("the rendered-text checker catches leftovers and doubles but passes ordinary legal text", () => {
  assert.deepEqual(renderedTextProblems("Each Department shall, within thirty (30) days, report to the Mayor. Any rule is null and void."), []);
  assert.deepEqual(renderedTextProblems("under 5 U.S.C. § 552(a)(6) and (b)(7)(C); and"), []);
  const cases: Array<[string, RegExp]> = [
    ["", /empty paragraph/],
    ["   ", /empty paragraph/],
    ["within {{days}} days", /unrendered/],
    ["within undefined days", /"undefined"/],
    ["the null office", /"null"/],
    ["NaN (NaN) days", /"NaN"/],
    ["report to the  Mayor", /doubled space/],
    ["report to the the Mayor", /doubled word "the the"/],
    ["report to The the Mayor", /doubled word/],
    ["report to the Mayor .", /space next to "\."/],
    ["the Mayor,, the Clerk", /doubled punctuation/],
  ];
  for (const [text, re] of cases) assert.ok(renderedTextProblems(text).some((p) => re.test(p)), `${JSON.stringify(text)} -> ${JSON.stringify(renderedTextProblems(text))}`);
});

test("the term finder reads Title Case terms with plurals and possessives, longest first, and skips proper names", () => {
  const terms = ["Department", "Department Officer", "Enforcement Activity", "Staging Area"];
  assert.deepEqual([...termsUsed("Each Department Officer shall", terms)], ["Department Officer"]);
  assert.deepEqual([...termsUsed("Departments and the Department's staff", terms)], ["Department"]);
  assert.deepEqual([...termsUsed("any Enforcement Activities", terms)].sort(), ["Enforcement Activity"]);
  assert.deepEqual([...termsUsed("the U.S. Department of Homeland Security", terms)], []);
  assert.deepEqual([...termsUsed("a staging area of the department", terms)], [], "lower case is not the defined term");
  assert.deepEqual([...termsUsed("“Staging Area” means any Department site", terms, "Staging Area")], ["Department"]);
  assert.deepEqual([...termsUsed("Non-Staging Areas", terms)], [], "word-bounded, hyphens included");
});

test("the scenario builder reaches a clause switched on by a boolean variable and refuses an impossible one", () => {
  const base = baseAnswers(lib, "ordinance");
  const someBoolean = clauses.flatMap((c) => Object.entries(c.variables).filter(([, d]) => d.type === "boolean").map(([n]) => `variables.${c.id}.${n}`))[0];
  if (someBoolean) {
    for (const want of [true, false]) {
      const a = satisfy(lib, base, { all: [{ answer: someBoolean, equals: want }, { answer: "modules", includes: lib.categories[0]!.id }] });
      assert.ok(a, `found answers for ${someBoolean} = ${want}`);
      const [, id, name] = someBoolean.split(".");
      assert.equal((conditionData(lib, a).variables as Record<string, Record<string, unknown>>)[id!]![name!], want);
    }
  }
  const a = satisfy(lib, base, { not: { answer: "modules", includes: lib.categories[0]!.id } });
  assert.ok(a && !a.modules.includes(lib.categories[0]!.id));
  assert.equal(satisfy(lib, base, { answer: "instrument", equals: "resolution" }), null, "the instrument is fixed");
  assert.equal(satisfy(lib, base, { all: [{ answer: "modules", includes: "x" }, { not: { answer: "modules", includes: "x" } }] }), null);
  // Definitions that use other terms bring those definitions along.
  for (const d of clauses.filter((c) => c.kind === "definition" && c.terms.length)) {
    const closure = termClosure(lib, [d.id.slice("definitions/".length)]);
    for (const t of d.terms) assert.ok(closure.has(`definitions/${t}`), `${d.id} brings definitions/${t}`);
  }
});

test("wording adapts to a county and a town, and to the names of their legislative body and executive", () => {
  const places = [
    { kind: "county", name: "Testbury County", word: "County", body: "Board of Supervisors", exec: "County Executive", clerk: "Clerk of the Board" },
    { kind: "town", name: "Town of Testbury", word: "Town", body: "Select Board", exec: "Town Manager", clerk: "Town Clerk" },
  ];
  for (const p of places) {
    for (const instrument of INSTRUMENTS) {
      const a = baseAnswers(lib, instrument);
      a.jurisdiction = { ...a.jurisdiction, name: p.name, kind: p.kind as "county", legislative_body: p.body, executive_title: p.exec, clerk_title: p.clerk };
      const text = markdownOf(a);
      const where = `${p.kind} ${instrument}`;
      assert.doesNotMatch(text, /\bCity\b|\bMayor\b|City Council/, `${where}: a city's words in a ${p.kind}'s draft`);
      assert.match(text, new RegExp(`\\bthe ${p.word}\\b`), `${where}: "the ${p.word}"`);
      assert.ok(text.includes(p.body), `${where}: names the ${p.body}`);
      assert.ok(text.includes(p.exec), `${where}: names the ${p.exec}`);
    }
  }
});

function markdownOf(a: ReturnType<typeof baseAnswers>): string {
  const src = YamlSource.parse(Buffer.from(stringify(a)), "answers.yaml");
  return writeMarkdown(assemble({ library: lib, answers: checkAnswers(src, lib) }));
}
