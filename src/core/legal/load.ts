// Reads legal/jurisdictions.yaml and legal/authorities.yaml, checks them
// against their schemas and against each other, and reports every problem
// with file, line and column. The build compiles the result into
// data.generated.ts (scripts/gen-legal.mjs), so a run of ordkit never parses
// these files; `ordkit law --data DIR` and the tests read them with this.
import path from "node:path";
import { ProblemList } from "../errors.js";
import { displayPath } from "../paths.js";
import { schemaProblems } from "../library/schema.js";
import { YamlSource } from "../library/yaml-source.js";
import type { AuthorityEntry, JurisdictionEntry, LegalData, StateLawEntry } from "./types.js";

export const JURISDICTIONS_FILE = "jurisdictions.yaml";
export const AUTHORITIES_FILE = "authorities.yaml";

/** Where each authority id and jurisdiction code is written, for later located errors. */
export interface LegalSources {
  jurisdictions: YamlSource;
  authorities: YamlSource;
}

export function readLegalSources(dir: string): LegalSources {
  const read = (name: string): YamlSource => {
    const file = path.join(dir, name);
    return YamlSource.read(file, displayPath(file));
  };
  return { jurisdictions: read(JURISDICTIONS_FILE), authorities: read(AUTHORITIES_FILE) };
}

/** Loads and checks the legal data folder; throws a UserError listing every problem. */
export function loadLegalData(dir: string): LegalData {
  return checkLegalSources(readLegalSources(dir));
}

export function checkLegalSources(src: LegalSources): LegalData {
  const problems = new ProblemList();
  for (const p of schemaProblems(src.jurisdictions, "jurisdictions")) problems.add(p);
  for (const p of schemaProblems(src.authorities, "authorities")) problems.add(p);
  problems.throwIfAny();
  const jurisdictions = src.jurisdictions.data as JurisdictionEntry[];
  const listed = src.authorities.data as AuthorityEntry[];

  const codes = new Map<string, number>();
  jurisdictions.forEach((j, i) => {
    if (codes.has(j.code)) problems.add(src.jurisdictions.problem([i, "code"], `the jurisdiction ${j.code} is listed twice`, `its first entry is number ${codes.get(j.code)! + 1}`));
    else codes.set(j.code, i);
  });
  const names = new Map<string, string>();
  for (const j of jurisdictions) names.set(j.name.toLowerCase(), j.code);

  const seen = new Map<string, string>();
  const authorities: AuthorityEntry[] = [];
  const addId = (id: string, where: () => ReturnType<YamlSource["problem"]>, label: string): boolean => {
    const first = seen.get(id);
    if (first) {
      problems.add({ ...where(), message: `the authority id "${id}" is used twice`, hint: `the other is ${first}; ids must be unique across authorities.yaml and every state's laws` });
      return false;
    }
    seen.set(id, label);
    return true;
  };
  listed.forEach((a, i) => {
    const { line } = src.authorities.locate([i, "id"]);
    if (!addId(a.id, () => src.authorities.problem([i, "id"], ""), `${src.authorities.file}:${line}`)) return;
    const state = a.binds.state;
    if (state !== undefined && !codes.has(state)) problems.add(src.authorities.problem([i, "binds", "state"], `unknown jurisdiction "${state}"`, "use a postal code listed in jurisdictions.yaml"));
    authorities.push(a);
  });
  jurisdictions.forEach((j, i) => {
    (j.laws ?? []).forEach((law, k) => {
      const at = [i, "laws", k, "id"];
      const prefix = `${j.code.toLowerCase()}-`;
      if (!law.id.startsWith(prefix)) problems.add(src.jurisdictions.problem(at, `the id "${law.id}" of a ${j.name} law must start with "${prefix}"`, `e.g. ${prefix}${law.id.replace(/^[a-z]{2}-/, "")}`));
      const { line } = src.jurisdictions.locate(at);
      if (addId(law.id, () => src.jurisdictions.problem(at, ""), `${src.jurisdictions.file}:${line}`)) authorities.push(stateLawAuthority(j, law));
    });
  });
  problems.throwIfAny();
  return { jurisdictions, authorities };
}

/** A state's law as an authority: it binds that state. */
export function stateLawAuthority(j: JurisdictionEntry, law: StateLawEntry): AuthorityEntry {
  const url = law.url ?? j.sources?.[0]?.url ?? "";
  return {
    id: law.id,
    citation: law.citation,
    kind: law.kind,
    court: j.name,
    ...(law.date ? { date: law.date } : {}),
    url,
    holding: law.litigation ? `${law.effect} Litigation: ${law.litigation}` : law.effect,
    binds: { scope: "state", state: j.code },
    as_of: j.as_of,
    jurisdiction: j.code,
  };
}

