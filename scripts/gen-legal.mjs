#!/usr/bin/env node
// Compiles legal/ (jurisdictions.yaml, authorities.yaml) into what ordkit
// reads at run time, so no run parses them:
//   src/core/legal/data.generated.ts   the checked data
//   schema/answers.schema.json         jurisdiction.state: the codes of jurisdictions.yaml
//   docs/rules/<id>.md                 the authority list between the markers, from each rule's meta
//   src/core/risk/rule-ids.generated.ts  the rule ids, for `validate` without loading the rules
// It reads the files with ordkit's own loader (every problem with file:line:col),
// so it runs on a build: `npm run gen:legal` builds, generates and builds again.
//
//   node scripts/gen-legal.mjs          write the files
//   node scripts/gen-legal.mjs --check  exit 1 when any is out of date
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const core = path.join(root, "dist", "src", "core");
const load = (rel) => import(pathToFileURL(path.join(core, rel)).href);

/** Every file the data decides: path relative to root -> wanted text. */
export async function wanted() {
  const { loadLegalData } = await load("legal/load.js");
  const gen = await load("legal/generate.js");
  const { RULES } = await load("risk/rules/index.js");
  const data = loadLegalData(path.join(root, "legal"));
  const byId = new Map(data.authorities.map((a) => [a.id, a]));
  const out = new Map();
  out.set("src/core/legal/data.generated.ts", gen.renderDataModule(data));
  out.set("src/core/risk/rule-ids.generated.ts", gen.renderRuleIdsModule(RULES.map((r) => r.meta.id)));
  const answers = path.join("schema", "answers.schema.json");
  out.set(answers, gen.answersSchemaWithStates(readFileSync(path.join(root, answers), "utf8"), data.jurisdictions.map((j) => j.code)));
  for (const rule of RULES) {
    const rel = path.join("docs", "rules", `${rule.meta.id}.md`);
    const list = rule.meta.authorities.map((id) => {
      const a = byId.get(id);
      if (!a) throw new Error(`rule ${rule.meta.id} cites unknown authority "${id}"`);
      return a;
    });
    const page = gen.withAuthorityList(readFileSync(path.join(root, rel), "utf8"), list);
    if (page === null) throw new Error(`${rel} has no authority markers`);
    out.set(rel, page);
  }
  return out;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  let files;
  try {
    files = await wanted();
  } catch (err) {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(2);
  }
  const stale = [];
  for (const [rel, text] of files) {
    const file = path.join(root, rel);
    let current = "";
    try {
      current = readFileSync(file, "utf8");
    } catch {
      // missing: out of date
    }
    if (current === text) continue;
    stale.push(rel);
    if (!process.argv.includes("--check")) writeFileSync(file, text);
  }
  if (process.argv.includes("--check")) {
    if (stale.length) {
      process.stderr.write(`out of date (run \`npm run gen:legal\`): ${stale.join(", ")}\n`);
      process.exit(1);
    }
  } else {
    process.stderr.write(stale.length ? `wrote ${stale.join(", ")}\n` : "legal data is up to date\n");
  }
}
