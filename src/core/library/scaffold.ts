// The files `ordkit init` writes: an organization's layer over ordkit's
// default library, ready to validate and draft with.
import { readFileSync } from "node:fs";
import path from "node:path";
import { parseDocument } from "yaml";
import { DEFAULT_LIBRARY_DIR } from "../paths.js";
import { UserError } from "../errors.js";

export interface ScaffoldInput {
  /** The directory the files go to (used for the relative $schema paths). */
  dir: string;
  /** The layer's name (lowercase, hyphens). */
  name: string;
  /** The organization's name as printed in drafts. */
  title: string;
}

/** The clause the scaffold overrides as an example. */
export const OVERRIDE_EXAMPLE = "public-records/foia-cadence";
/** Where init puts the layer's copy of the schemas. */
export const LAYER_SCHEMA_DIR = "schema";
export const NEW_CATEGORY = "community-information";
export const NEW_CLAUSE = `${NEW_CATEGORY}/rights-information`;

/** Relative path -> file text, in a fixed order. */
export function scaffoldFiles(input: ScaffoldInput): Map<string, string> {
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(input.name)) {
    throw new UserError({ message: `"${input.name}" is not a valid layer name`, hint: "use lowercase letters, digits and single hyphens, e.g. --name acme-advocates" }, "usage");
  }
  if (!input.title.trim() || /[\u0000-\u001f{}]/.test(input.title)) {
    throw new UserError({ message: "the organization's name must be one line of text without { or }", hint: 'e.g. --title "Acme Advocates"' }, "usage");
  }
  const schema = (from: string, file: string): string => {
    // The layer's own copy (init writes schema/): the path keeps working wherever the layer is moved or copied.
    const rel = path.relative(path.join(input.dir, path.dirname(from)), path.join(input.dir, LAYER_SCHEMA_DIR, file)).split(path.sep).join("/");
    return `# yaml-language-server: $schema=${rel}`;
  };
  const files = new Map<string, string>();
  files.set("ordkit.yaml", layerManifest(input, schema("ordkit.yaml", "ordkit.schema.json")));
  const overridePath = `clauses/${OVERRIDE_EXAMPLE}.yaml`;
  files.set(overridePath, overrideClause(input, schema(overridePath, "clause.schema.json")));
  const newPath = `clauses/${NEW_CLAUSE}.yaml`;
  files.set(newPath, newClause(schema(newPath, "clause.schema.json")));
  files.set("templates/partials/not-legal-advice.hbs", noticePartial(input.title));
  files.set("README.md", readme(input));
  return files;
}

function layerManifest(input: ScaffoldInput, schemaLine: string): string {
  return `${schemaLine}
# ${input.title}: a layer over ordkit's default clause library (see README.md).
layer_version: 1
name: ${input.name}
version: "0.1.0"
description: ${JSON.stringify(`Model clauses of ${input.title}.`)}
# "ordkit" is ordkit's own library; a relative path names another layer.
extends: ordkit
clauses: clauses
templates: templates
# New categories; a category is a module drafters choose.
categories:
  - id: ${NEW_CATEGORY}
    title: Public Information
    subject: public information about the rights and protections this instrument provides
# Clauses of ordkit's library that drafts from this layer never use, e.g.
#   - facial-coverings/all-officers
disable: []
# Default answers: an answers file still wins.
defaults:
  variables:
    ${NEW_CLAUSE}:
      publish_days: 60
`;
}

function overrideClause(input: ScaffoldInput, schemaLine: string): string {
  const file = path.join(DEFAULT_LIBRARY_DIR, `${OVERRIDE_EXAMPLE}.yaml`);
  const doc = parseDocument(readFileSync(file, "utf8"));
  const base = String(doc.get("version"));
  const [major, minor] = base.split(".").map(Number);
  const version = `${major}.${(minor ?? 0) + 1}.0`;
  doc.set("version", version);
  const log = doc.get("changelog") as { items: unknown[] } | undefined;
  const entry = doc.createNode({ version, note: `${input.title}'s version of ordkit's ${base}: adapt the text here.` });
  if (log && Array.isArray(log.items)) log.items.unshift(entry);
  else doc.set("changelog", doc.createNode([{ version, note: `${input.title}'s version of ordkit's ${base}.` }]));
  doc.commentBefore = ` Overrides ordkit's ${OVERRIDE_EXAMPLE} ${base}. Keep the version at least as high as
 the one it overrides; when ordkit raises it, ordkit validate says so: compare the two
 with ordkit diff and carry the change over.`;
  const text = doc.toString({ lineWidth: 0, flowCollectionPadding: false }).replace(/^# yaml-language-server:.*\n/m, "");
  return `${schemaLine}\n${text}`;
}

function newClause(schemaLine: string): string {
  return `${schemaLine}
# A clause of this layer's own. Its category is declared in ordkit.yaml.
id: ${NEW_CLAUSE}
version: "0.1.0"
title: Public information on the rights this instrument protects
category: ${NEW_CATEGORY}
kind: operative
instruments: [ordinance, executive-order, resolution]
order: 100
when: { answer: modules, includes: ${NEW_CATEGORY} }
regulates:
  who: own-personnel
  where: not-applicable
  does: transparency
terms: [department]
variables:
  publish_days:
    type: integer
    prompt: Within how many days must the public information be published?
    help: A deadline makes the duty concrete.
    default: 90
    min: 1
    max: 365
  languages:
    type: multi-choice
    prompt: In which languages must it be published?
    help: Publish in the languages most spoken in the jurisdiction.
    choices: [English, Spanish, Chinese, Vietnamese, Tagalog, Korean, Arabic, Haitian Creole]
    default: [English, Spanish]
    min_items: 1
heading: Public information
body:
  - text: >-
      Within {{words publish_days}} days after the effective date of this
      {{Instrument}}, the {{jurisdiction.executive_title}} shall publish on the
      website of the {{jurisdiction.term}}, and each Department shall make available
      at its public counters, a plain-language summary of the rules this
      {{Instrument}} establishes and of how a member of the public may ask a question
      or make a complaint about them, in {{list languages}}. The summary shall be
      kept current.
    when: { answer: instrument, in: [ordinance, executive-order] }
  - text: >-
      The {{jurisdiction.legislative_body}} requests that the
      {{jurisdiction.executive_title}}, within {{words publish_days}} days after the
      adoption of this {{Instrument}}, publish a plain-language summary of the
      policies it states and of how a member of the public may ask a question or make
      a complaint about them, in {{list languages}}.
    when: { answer: instrument, equals: resolution }
changelog:
  - version: "0.1.0"
    note: First version.
sources: []
`;
}

function noticePartial(title: string): string {
  return `@note This draft was prepared with ordkit from model clauses of ${title}. It is not legal advice; have it reviewed by counsel for the jurisdiction. Legal knowledge as of {{date_long legal_as_of}}.\n`;
}

function readme(input: ScaffoldInput): string {
  return `# ${input.title}: clause library

This directory is a layer over ordkit's default clause library. Drafts made
here use ordkit's clauses, with this layer's changes on top:

- \`ordkit.yaml\`: the layer's name and version, what it extends, its new
  categories, the clauses it disables and its default answers.
- \`clauses/${OVERRIDE_EXAMPLE}.yaml\`: an override of one of ordkit's clauses
  (same id, a version at least as high).
- \`clauses/${NEW_CLAUSE}.yaml\`: a clause of this layer's own, in the
  \`${NEW_CATEGORY}\` category declared in ordkit.yaml.
- \`templates/partials/not-legal-advice.hbs\`: a template override (the notice at
  the end of every draft names ${input.title}).

## Working on it

Run these from this directory (ordkit finds \`ordkit.yaml\` by itself):

    ordkit validate                      # every problem at once, with file:line:col
    ordkit clauses list                  # the clauses drafts can use, and their layer
    ordkit clauses show ${NEW_CLAUSE}
    ordkit draft --answers my-city.yaml --out draft.docx

- Keep every clause generally applicable: it binds all law enforcement agencies
  alike, or only the jurisdiction's own personnel. Courts strike down measures
  aimed only at federal officers.
- Never type a section number or a jurisdiction's name into clause text; the
  writer numbers sections and the answers give names.
- Raise a clause's \`version\` (semver) whenever you change it, and note why
  under \`changelog\`. \`ordkit diff\` compares two versions of this directory.
- Before sharing a release, run \`ordkit validate\` and draft each example.

The clause format is described in ordkit's docs/clause-format.md; the layer
format and this workflow in docs/customizing.md. The files carry a
\`yaml-language-server\` line so editors with YAML support complete and check
them. Drafts made with ordkit are not legal advice.
`;
}
