// An assembled draft turned into an amending ordinance: the same title,
// recitals, formula and closing sections, with one section per code section
// amended, added or repealed. The risk rules run over the chapter as amended
// (every section of it, changed or not) plus the ordinance's own closing
// sections, so an exemption the amendment leaves in place is still found.
import { UserError, type Problem } from "../errors.js";
import type { Draft, Paragraph, RiskNote, Section } from "../draft.js";
import type { LoadedAnswers } from "../interview/answers.js";
import { withRiskNotes, type RiskContext, type RunOptions } from "../risk/index.js";
import { readChapter, type ExistingChapter, type ExistingSection, type PublishedLines } from "./chapter.js";
import { codifyParagraphs, mergeDefinitions } from "./codify.js";
import { markedHeading, markedParagraphs, wholeParagraphs } from "./marks.js";
import type { Amendment, CodeChange } from "./model.js";
import { sectionCaption } from "./numbering.js";
import { codifiedProvisions, isDefinitions, planChanges, type PlannedChange } from "./plan.js";
import { readCodeSpec, type CodeSpec } from "./spec.js";

/** The code spec of the answers, or null when they do not amend a code. Throws located problems. */
export function codeSpecOf(answers: LoadedAnswers): CodeSpec | null {
  const problems: Problem[] = [];
  const spec = readCodeSpec(answers.answers.existing, answers.source, problems);
  if (problems.length) throw new UserError(problems);
  return spec;
}

export interface AmendInput {
  /** The assembled draft, before risk notes. */
  draft: Draft;
  answers: LoadedAnswers;
  context: RiskContext;
  /** The code text when it is a PDF or HTML file, read beforehand. */
  published?: PublishedLines | undefined;
  runOptions?: RunOptions;
}

/** "the Alameda Bay Municipal Code" in a sentence. */
export function theCode(name: string): string {
  return /^the\s/i.test(name) ? name : `the ${name}`;
}

export function amendingDraft(input: AmendInput): Draft {
  const spec = codeSpecOf(input.answers);
  if (!spec) throw new Error("amendingDraft needs answers with existing.code");
  const chapter = readChapter(spec, input.published);
  const problems: Problem[] = [];
  const plan = planChanges(spec, chapter, codifiedProvisions(input.draft.sections), problems);
  if (problems.length) throw new UserError(problems);

  const number = input.draft.number;
  const code = theCode(spec.name);
  const built = plan.changes.map((c) => buildChange(c, spec, code, number));
  const changedNumbers = new Set(plan.changes.map((c) => c.number));
  const closing = input.draft.sections.filter((s) => s.role === "closing");

  // The chapter as amended, in code order.
  const asAmended: Array<{ value: number; section: Section }> = [];
  for (const s of chapter.sections) if (!changedNumbers.has(s.number)) asAmended.push({ value: s.value, section: existingSection(s) });
  for (const b of built) if (b.amended) asAmended.push({ value: b.value, section: b.amended });
  asAmended.sort((a, b) => a.value - b.value);
  const checked = withRiskNotes({ ...input.draft, sections: [...asAmended.map((x) => x.section), ...closing] }, input.context, input.runOptions);
  const unchanged = chapter.sections.filter((s) => !changedNumbers.has(s.number));
  const riskNotes = checked.riskNotes.map((n) => aboutUnchanged(n, unchanged));

  const amendment: Amendment = {
    code: spec.name,
    chapter: spec.chapter,
    chapterTitle: chapter.title,
    legend: `In the code sections set out in this ordinance, text added to ${code} is underlined and text deleted from it is struck through. A section added in full is set out without marks, and a repealed section is set out struck through. Sections of Chapter ${spec.chapter} not set out are unchanged.`,
    changes: built.map((b) => b.change),
    unchanged: unchanged.map((s) => s.number),
  };
  const title = input.answers.answers.title ? input.draft.title : amendingTitle(input.draft.title, spec, code);
  return {
    ...input.draft,
    title,
    layout: input.draft.layout.map((b) => (b.type === "title" && b.text === input.draft.title ? { ...b, text: title } : b)),
    sections: [...built.map((b) => b.ordinanceSection), ...closing],
    notes: [
      ...input.draft.notes,
      ...plan.notes,
      `Amends Chapter ${spec.chapter} of ${code} as read from ${spec.written}; the risk notes concern the chapter as amended (${asAmended.length} sections, ${unchanged.length} of them unchanged).`,
    ],
    riskNotes,
    legalAsOf: checked.legalAsOf,
    amendment,
  };
}

interface Built {
  value: number;
  change: CodeChange;
  ordinanceSection: Section;
  /** The section in the chapter as amended (null when repealed). */
  amended: Section | null;
}

function buildChange(c: PlannedChange, spec: CodeSpec, code: string, ordinance: string): Built {
  const id = `code-${c.number}`;
  const caption = sectionCaption(spec.numbering, c.number);
  const prefix = `${id}#p`;
  let change: CodeChange;
  let amended: Section | null = null;
  if (c.action === "repeal") {
    change = {
      id,
      action: "repeal",
      number: c.number,
      caption,
      instruction: `Section ${c.number} of ${code} is repealed.`,
      heading: [{ text: c.old.heading, mark: "del" }],
      paragraphs: wholeParagraphs(c.old.paragraphs, "del", "~deleted"),
      clauseId: null,
    };
  } else {
    const merged = c.action === "amend" && c.merged;
    const source = merged ? mergeDefinitions(c.old.paragraphs, c.provision.paragraphs) : c.provision.paragraphs;
    const paragraphs = codifyParagraphs(source, ordinance, prefix);
    const heading = merged ? c.old.heading : c.provision.heading;
    const definitions = c.provision.role === "definitions" || merged;
    amended = { id, clauseId: c.provision.clauseId, role: definitions ? "definitions" : "operative", heading, paragraphs };
    change =
      c.action === "amend"
        ? {
            id,
            action: "amend",
            number: c.number,
            caption,
            instruction: `Section ${c.number} of ${code} is amended to read as follows:`,
            heading: markedHeading(c.old.heading, heading),
            paragraphs: markedParagraphs(c.old.paragraphs, paragraphs),
            clauseId: c.provision.id,
          }
        : {
            id,
            action: "add",
            number: c.number,
            caption,
            instruction: `Chapter ${spec.chapter} of ${code} is amended by adding Section ${c.number} to read as follows:`,
            heading: [{ text: heading, mark: null }],
            paragraphs: wholeParagraphs(paragraphs, null),
            clauseId: c.provision.id,
          };
  }
  const word = c.action === "amend" ? "Amendment" : c.action === "add" ? "Addition" : "Repeal";
  const headingText = change.heading.filter((r) => r.mark !== "del").map((r) => r.text).join("") || (c.action === "repeal" ? c.old.heading : "");
  const plain: Paragraph[] = [
    { id: `${id}#instruction`, text: change.instruction, numbered: false, children: [] },
    ...(amended ? [{ id: `${id}#caption`, text: `${[caption, headingText].filter(Boolean).join(" ")}.`.replace(/\.\.$/, "."), numbered: false, children: [] }, ...amended.paragraphs] : []),
  ];
  return {
    value: c.value,
    change,
    amended,
    ordinanceSection: { id, clauseId: c.action === "repeal" ? null : c.provision.clauseId, role: "operative", heading: `${word} of Section ${c.number}`, paragraphs: plain },
  };
}

function existingSection(s: ExistingSection): Section {
  const role = isDefinitions(s) ? "definitions" : /\b(?:severab\w*|effective\s+date)\b/i.test(s.heading) ? "closing" : "operative";
  return { id: `code-${s.number}`, clauseId: null, role, heading: s.heading, paragraphs: s.paragraphs };
}

/** A note on a section the ordinance does not touch says so, and how to act on it. */
function aboutUnchanged(n: RiskNote, unchanged: ExistingSection[]): RiskNote {
  const s = unchanged.find((x) => `code-${x.number}` === n.section);
  if (!s) return n;
  const where = `In existing Section ${s.number}, which this ordinance leaves unchanged`;
  const msg = /^[A-Z][a-z]/.test(n.message) ? n.message[0]!.toLowerCase() + n.message.slice(1) : n.message;
  return { ...n, message: `${where}: ${msg}`, suggestion: `Amend Section ${s.number} in this ordinance: ${n.suggestion}` };
}

/** "An Ordinance ... amending Chapter 2.72 of the Alameda Bay Municipal Code, relating to ...", in the title's own case. */
function amendingTitle(title: string, spec: CodeSpec, code: string): string {
  const phrase = `amending Chapter ${spec.chapter} of ${code}`;
  const upper = title === title.toUpperCase() && /[A-Z]/.test(title);
  const insert = upper ? phrase.toUpperCase() : phrase;
  const at = title.search(/\s(?:relating to|RELATING TO)\s/);
  if (at >= 0) return `${title.slice(0, at)} ${insert},${title.slice(at)}`;
  return `${title} ${insert}`;
}

export type { ExistingChapter };
