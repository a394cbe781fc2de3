// Table-driven tests for the text analyzer: who a provision governs, what it
// exempts, where it applies and what it does.
import { test } from "node:test";
import assert from "node:assert/strict";
import { analyzeText, buildTermTable, parseDefinition, selfNamesFor, type AnalyzerEnv, type Does, type ExemptionKind, type Where, type Who } from "../../src/core/risk/read/index.js";

const self = selfNamesFor({ name: "City of Alameda Bay", kind: "city" });
const terms = buildTermTable(
  [
    { id: "d1", text: "“Law Enforcement Agency” means any federal, state, or local agency authorized to enforce criminal or civil law, including the City Police Department." },
    { id: "d2", text: "“Law Enforcement Officer” means any officer, agent, or employee of a Law Enforcement Agency." },
    { id: "d3", text: "“Federal Immigration Authority” means any officer, employee, or person acting on behalf of U.S. Immigration and Customs Enforcement or U.S. Customs and Border Protection." },
    { id: "d4", text: "“Non-Local Law Enforcement” means any law enforcement agency other than the City Police Department." },
    { id: "d5", text: "“Covered Officer” means any federal, state, or local law enforcement officer, other than an officer of the City Police Department." },
    { id: "d6", text: "“Non-Public Area” means any area of City property that is not open to the general public." },
    { id: "d7", text: "“Civil Immigration Enforcement” means any action to investigate, arrest, detain, or remove a person for a violation of federal civil immigration law." },
    { id: "d8", text: "“Covered Area” means any City park, plaza, street, or sidewalk." },
    { id: "d9", text: "“Personal Information” means a person's home address, release date, and immigration or citizenship status." },
  ],
  self,
);
const env: AnalyzerEnv = { terms, self };

interface Row {
  text: string;
  who: Who;
  exempts?: ExemptionKind[];
  where?: Where;
  does?: Does[];
  penalties?: string[];
}

const rows: Row[] = [
  // who
  { text: "No Law Enforcement Officer shall wear a facial covering while performing enforcement duties.", who: "all-law-enforcement", where: "anywhere", does: ["regulates-conduct"] },
  { text: "No Federal Immigration Authority shall use a Non-Public Area as a staging area.", who: "immigration-officers", where: "non-public-property", does: ["restricts-access"] },
  { text: "No federal agent shall conceal the agent's identity while making an arrest.", who: "federal-officers", does: ["regulates-conduct"] },
  { text: "No City department shall permit U.S. Immigration and Customs Enforcement to use City parking lots as a staging area.", who: "named-agency", where: "jurisdiction-facilities", does: ["restricts-access"] },
  { text: "No City agency shall permit Non-Local Law Enforcement to enter a Non-Public Area without a judicial warrant.", who: "non-local-officers", where: "non-public-property", does: ["restricts-access"] },
  { text: "Every officer of the City Police Department shall display the officer's name and badge number while on duty.", who: "own-personnel", does: ["directs-staff"] },
  { text: "No City department shall permit any federal, state, or local government entity to use non-public areas of City property as a staging area.", who: "all-law-enforcement", where: "non-public-property", does: ["restricts-access"] },
  { text: "No person shall obstruct a City sidewalk.", who: "everyone", where: "public-places" },
  { text: "No City department shall permit any Law Enforcement Agency, including U.S. Immigration and Customs Enforcement, to enter a Non-Public Area without a judicial warrant.", who: "all-law-enforcement", where: "non-public-property", does: ["restricts-access"] },
  // exemptions
  { text: "No Law Enforcement Officer shall wear a mask, except officers of the City Police Department.", who: "all-law-enforcement", exempts: ["own-personnel"], does: ["regulates-conduct"] },
  { text: "This section does not apply to officers of the California Highway Patrol.", who: "none", exempts: ["state-officers"] },
  { text: "Every Covered Officer shall visibly display the officer's name or badge number.", who: "all-law-enforcement", exempts: ["own-personnel"], does: ["regulates-conduct"] },
  { text: "No Law Enforcement Officer shall wear a face covering, except an officer working undercover or an officer wearing a medical mask.", who: "all-law-enforcement", exempts: ["function", "function"], does: ["regulates-conduct"] },
  { text: "No federal or local officer shall wear a mask while performing enforcement duties.", who: "all-law-enforcement", exempts: ["state-officers"], does: ["regulates-conduct"] },
  // where
  { text: "No Law Enforcement Agency shall use any Covered Area as a staging area.", who: "all-law-enforcement", where: "public-places", does: ["restricts-access"] },
  { text: "No Law Enforcement Officer shall enter any City park to conduct a civil arrest.", who: "all-law-enforcement", where: "public-places", does: ["restricts-access", "regulates-conduct"] },
  { text: "No City department shall permit City-owned parking lots to be used as a staging area for Civil Immigration Enforcement.", who: "own-personnel", where: "jurisdiction-facilities", does: ["restricts-access"] },
  // does
  { text: "No City department shall use City funds or personnel to assist in civil immigration enforcement.", who: "own-personnel", does: ["declines-assistance"] },
  { text: "The City Police Department shall not hold any person solely on the basis of a civil immigration detainer.", who: "own-personnel", does: ["declines-assistance"] },
  { text: "No City department shall share Personal Information with any Federal Immigration Authority.", who: "own-personnel", does: ["declines-assistance"] },
  { text: "A violation of Section 2 is a misdemeanor punishable by a fine of not more than $1,000.", who: "none", does: ["penalizes"], penalties: ["misdemeanor", "fine"] },
  { text: "Any federal agent who fails to display the agent's badge number is subject to a civil penalty of $500.", who: "federal-officers", does: ["regulates-conduct", "penalizes"], penalties: ["civil-penalty"] },
  { text: "A City employee who violates Section 1 is subject to discipline.", who: "own-personnel", penalties: [] },
  { text: "The City Attorney shall file requests under the Freedom of Information Act with the Department of Homeland Security quarterly.", who: "own-personnel", does: ["directs-staff", "transparency"] },
  { text: "If any provision of this Ordinance, or its application to any person or circumstance, is held invalid, the remainder is not affected.", who: "everyone", does: ["legal-effect"] },
  { text: "The City shall not enter into any agreement with ICE under Section 287(g).", who: "own-personnel", does: ["declines-assistance"] },
  { text: "No City employee shall provide U.S. Immigration and Customs Enforcement with access to the City jail.", who: "own-personnel", where: "non-public-property", does: ["declines-assistance"] },
  { text: "Fixed-base operators shall not service aircraft chartered by U.S. Immigration and Customs Enforcement for deportation flights.", who: "named-agency", does: ["restricts-access"] },
  { text: "No person, including any federal officer, shall obstruct a sidewalk.", who: "everyone", exempts: [] },
  { text: "No law enforcement officer, other than a federal officer, shall wear a mask.", who: "all-law-enforcement", exempts: ["federal-officers"], does: ["regulates-conduct"] },
  { text: "No Law Enforcement Officer shall wear a Facial Covering while engaged in enforcement activity, whether employed by the City, by the State, or by the United States.", who: "all-law-enforcement", exempts: [], does: ["regulates-conduct"] },
];

test("a rule that exempts federal officers does not bind them", () => {
  assert.equal(analyzeText("No law enforcement officer, other than a federal officer, shall wear a mask.", env).bound, "non-federal-officers");
});

for (const r of rows) {
  test(`analyze: ${r.text}`, () => {
    const a = analyzeText(r.text, env);
    assert.equal(a.who, r.who, "who");
    if (r.exempts) assert.deepEqual(a.exempts.map((e) => e.kind), r.exempts, "exempts");
    if (r.where) assert.equal(a.where, r.where, "where");
    if (r.does) assert.deepEqual(a.does, r.does, "does");
    if (r.penalties) assert.deepEqual(a.penalties.map((p) => p.kind), r.penalties, "penalties");
    for (const s of [a.whoSpan, a.whereSpan, a.purpose, a.statusRestriction, ...a.exempts, ...a.conduct, ...a.actors]) {
      if (s) assert.equal(r.text.slice(s.start, s.end), s.text, "spans are exact substrings");
    }
  });
}

test("definitions: general, narrow, non-local and excluding terms", () => {
  assert.equal(terms.get("law enforcement agency")?.facets.actor?.cls, "all-law-enforcement");
  assert.deepEqual(terms.get("law enforcement agency")?.facets.actor?.exempts, []);
  assert.equal(terms.get("law enforcement officer")?.facets.actor?.cls, "all-law-enforcement");
  assert.equal(terms.get("federal immigration authority")?.facets.actor?.cls, "immigration-officers");
  assert.equal(terms.get("non-local law enforcement")?.facets.actor?.cls, "non-local-officers");
  assert.deepEqual(terms.get("covered officer")?.facets.actor?.exempts.map((e) => e.kind), ["own-personnel"]);
  assert.equal(terms.get("non-public area")?.facets.place, "non-public-property");
  assert.equal(terms.get("covered area")?.facets.place, "public-places");
  assert.equal(terms.get("civil immigration enforcement")?.facets.purpose, true);
  assert.equal(terms.get("personal information")?.facets.status, true);
  assert.equal(terms.get("personal information")?.facets.actor, undefined);
});

test("parseDefinition reads straight and curly quotes", () => {
  assert.deepEqual(parseDefinition("“Staging Area” means a location."), { term: "Staging Area", body: "a location." });
  assert.deepEqual(parseDefinition('"Judicial Warrant" shall mean a warrant.'), { term: "Judicial Warrant", body: "a warrant." });
  assert.equal(parseDefinition("The City shall not ..."), null);
});

test("purpose, status and savings spans", () => {
  const a = analyzeText("No City department shall permit any Law Enforcement Agency to use City lots as a staging area for Civil Immigration Enforcement.", env);
  assert.equal(a.purpose?.text, "Civil Immigration Enforcement");
  const b = analyzeText("No City employee shall disclose any person's immigration status to federal officers.", env);
  assert.equal(b.statusRestriction?.text, "immigration status");
  const c = analyzeText("Except as required by federal law, including 8 U.S.C. §§ 1373 and 1644, no City employee shall disclose any person's immigration status.", env);
  assert.equal(c.savings?.kind, "specific");
  const d = analyzeText("No City employee shall inquire about the immigration status of any person.", env);
  assert.equal(d.statusRestriction, null, "asking is not sharing");
});

test("the jurisdiction's own names: a named police department is own personnel", () => {
  const mv = selfNamesFor({ name: "City of Mounds View", kind: "city" });
  const a = analyzeText("This section does not apply to officers of the Mounds View Police Department.", { self: mv });
  assert.deepEqual(a.exempts.map((e) => e.kind), ["own-personnel"]);
  const county = selfNamesFor({ name: "County of Santa Elena", kind: "county" });
  const b = analyzeText("The County Sheriff shall not hold any person on the basis of an immigration detainer.", { self: county });
  assert.equal(b.who, "own-personnel");
});
