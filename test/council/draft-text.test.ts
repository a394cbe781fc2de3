// What council staff file: the right body and executive, no doubled words,
// signature lines that follow the answers, a number that may be blank, and
// repealed provisions each named in full.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { stringify } from "yaml";
import { loadLibrary } from "../../src/core/library/load.js";
import { checkAnswers } from "../../src/core/interview/answers.js";
import { YamlSource } from "../../src/core/library/yaml-source.js";
import { draftFromAnswers } from "../../src/core/pipeline.js";
import { writeMarkdown } from "../../src/writers/markdown.js";
import { titledOffice } from "../../src/core/assemble/handlebars.js";
import type { Draft } from "../../src/core/draft.js";
import { fromRoot } from "../helpers.js";

const library = loadLibrary(fromRoot("clauses"));

function draftOf(answers: Record<string, unknown>): Draft {
  const src = YamlSource.parse(Buffer.from(stringify(answers)), "answers.yaml");
  return draftFromAnswers(library, checkAnswers(src, library));
}

function example(name: string): Record<string, unknown> {
  return YamlSource.parse(readFileSync(fromRoot("examples", name)), name).data as Record<string, unknown>;
}

const CASCADE = example("cascade-county-wa-resolution.yaml");

test("the FOIA office is named once whether or not the answer includes the jurisdiction word", () => {
  assert.equal(titledOffice("City", "Attorney"), "City Attorney");
  assert.equal(titledOffice("City", "City Attorney"), "City Attorney");
  assert.equal(titledOffice("County", "clerk of the county board"), "clerk of the county board");
  const alameda = example("alameda-bay-ca-ordinance.yaml");
  const variables = { ...(alameda.variables as object), "public-records/foia-cadence": { office: "City Attorney" } };
  const md = writeMarkdown(draftOf({ ...alameda, variables }));
  assert.doesNotMatch(md, /City City/);
  assert.match(md, /The City Attorney shall submit requests/);
});

test("no clerk's title, no attestation line; a clerk's title gives one", () => {
  const j = CASCADE.jurisdiction as Record<string, unknown>;
  const none = writeMarkdown(draftOf({ ...CASCADE, jurisdiction: { ...j, clerk_title: null } }));
  assert.doesNotMatch(none, /ATTEST|Clerk/);
  const some = writeMarkdown(draftOf(CASCADE));
  assert.match(some, /ATTEST:[\s\S]*Clerk of the Board/);
});

test("a draft without a number yet reads No. ____", () => {
  const md = writeMarkdown(draftOf({ ...CASCADE, number: null }));
  assert.match(md, /\*\*RESOLUTION NO\. \\_\\_\\_\\_\*\*/);
});

test("repealed provisions are a list, each named in full", () => {
  const schuyler = example("schuyler-falls-pa-ordinance.yaml");
  const provisions = ["Section 12-913 of the Schuyler Falls Code", "Resolution No. 2019-4; as amended"];
  const d = draftOf({ ...schuyler, existing: { ...(schuyler.existing as object), repealed_provisions: provisions } });
  const text = d.sections.flatMap((s) => s.paragraphs.map((p) => p.text)).join("\n");
  assert.match(text, /hereby repeals Section 12-913 of the Schuyler Falls Code and Resolution No\. 2019-4; as amended\./);
});

test("a county's body named like a city's is warned about in the draft (and so in check)", () => {
  const j = CASCADE.jurisdiction as Record<string, unknown>;
  const wrong = draftOf({ ...CASCADE, jurisdiction: { ...j, legislative_body: "City Council", executive_title: "City Manager" } });
  const notes = wrong.riskNotes.filter((n) => n.rule === "jurisdiction-office-names");
  assert.equal(notes.length, 2, JSON.stringify(notes));
  assert.match(notes[0]!.message, /"City Council", a city's body, for a county \(Cascade County\)/);
  assert.match(notes[1]!.message, /"City Manager"/);
  assert.equal(draftOf(CASCADE).riskNotes.filter((n) => n.rule === "jurisdiction-office-names").length, 0);
});

test("a California all-officers draft: the high note names the answer to change and carries the clause's own note", () => {
  const alameda = example("alameda-bay-ca-ordinance.yaml");
  const d = draftOf({ ...alameda, options: { ...(alameda.options as object), coverings_scope: "all-officers" } });
  const high = d.riskNotes.find((n) => n.severity === "high" && n.clause === "facial-coverings/all-officers");
  assert.ok(high, JSON.stringify(d.riskNotes.map((n) => [n.rule, n.severity, n.clause])));
  assert.deepEqual({ answer: high.change?.answer, value: high.change?.value }, { answer: "options.coverings_scope", value: "own-officers" });
  assert.match(high.libraryNote ?? "", /own-officers variant/);
  // The own-officers draft has no such note and nothing to change.
  assert.ok(draftOf(alameda).riskNotes.every((n) => !n.change));
});
