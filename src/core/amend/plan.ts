// Which code section each provision of the draft becomes: the answers' own
// mapping first (replaces, repeal, an explicit number), then every provision
// left over is added with the next number on the chapter's step. Every
// problem is collected, located at the answers entry it comes from.
import type { Problem } from "../errors.js";
import type { Section } from "../draft.js";
import type { ExistingChapter, ExistingSection } from "./chapter.js";
import { formatNumber, inferStep, maxSection, nextValue, sectionPart } from "./numbering.js";
import type { CodeSpec } from "./spec.js";

export type PlannedChange =
  | { action: "amend"; number: string; value: number; provision: Section; old: ExistingSection; merged: boolean }
  | { action: "add"; number: string; value: number; provision: Section }
  | { action: "repeal"; number: string; value: number; old: ExistingSection };

export interface Plan {
  changes: PlannedChange[];
  notes: string[];
}

/** The draft's provisions that go into the code: its definitions and operative sections. */
export function codifiedProvisions(sections: Section[]): Section[] {
  return sections.filter((s) => s.role !== "closing");
}

export function planChanges(spec: CodeSpec, chapter: ExistingChapter, provisions: Section[], problems: Problem[]): Plan {
  const src = spec.source;
  const existing = new Map(chapter.sections.map((s) => [s.number, s]));
  const byId = new Map(provisions.map((p) => [p.id, p]));
  const listed = chapter.sections.map((s) => s.number).join(", ");
  const provisionList = provisions.map((p) => p.id).join(", ");
  const changes: PlannedChange[] = [];
  const notes: string[] = [];
  const sectionTaken = new Map<string, number>();
  const clauseTaken = new Set<string>();
  /** Provisions named without a number: added, in the order given, before the unnamed ones. */
  const pending: Array<{ p: Section }> = [];

  const checkNumber = (c: CodeSpec["changes"][number], number: string): boolean => {
    if (sectionPart(spec.numbering, spec.chapter, number) === null) {
      problems.push(src.problem([...c.at, c.kind === "repeal" ? "repeal" : c.kind === "replace" ? "replaces" : "number"], `section "${number}" does not fit the numbering style ${spec.numbering} of Chapter ${spec.chapter}`, `sections of Chapter ${spec.chapter} are numbered like ${formatNumber(spec.numbering, spec.chapter, 10)}`));
      return false;
    }
    if (sectionTaken.has(number)) {
      problems.push(src.problem(c.at, `section ${number} is named twice in existing.code.changes`, "give each code section one change"));
      return false;
    }
    sectionTaken.set(number, 1);
    return true;
  };
  const provisionOf = (c: CodeSpec["changes"][number]): Section | null => {
    const id = c.clause!;
    const p = byId.get(id);
    if (!p) {
      problems.push(src.problem([...c.at, "clause"], `the draft has no provision "${id}" to put into the code`, `the draft's provisions: ${provisionList || "none"} (closing sections such as severability stay in the ordinance)`));
      return null;
    }
    if (clauseTaken.has(id)) {
      problems.push(src.problem([...c.at, "clause"], `provision ${id} is named twice in existing.code.changes`, "each provision becomes one code section"));
      return null;
    }
    clauseTaken.add(id);
    return p;
  };

  for (const c of spec.changes) {
    const number = c.section;
    if (c.kind === "repeal" || c.kind === "replace") {
      if (!checkNumber(c, number!)) continue;
      const old = existing.get(number!);
      if (!old) {
        problems.push(src.problem([...c.at, c.kind === "repeal" ? "repeal" : "replaces"], `unknown section ${number}: ${spec.shownFile} has no such section of Chapter ${spec.chapter}`, `its sections: ${listed}`));
        continue;
      }
      if (c.kind === "repeal") {
        changes.push({ action: "repeal", number: old.number, value: old.value, old });
        continue;
      }
      const p = provisionOf(c);
      if (p) changes.push({ action: "amend", number: old.number, value: old.value, provision: p, old, merged: p.id === "definitions" && isDefinitions(old) });
      continue;
    }
    const p = provisionOf(c);
    if (!p || number === null) {
      if (p) pending.push({ p });
      continue;
    }
    if (!checkNumber(c, number)) continue;
    if (existing.has(number)) {
      problems.push(src.problem([...c.at, "number"], `section ${number} already exists in Chapter ${spec.chapter}`, `to rewrite it, write replaces: "${number}"; to add a section, pick a number not in use (in use: ${listed})`));
      continue;
    }
    changes.push({ action: "add", number, value: Number(sectionPart(spec.numbering, spec.chapter, number)), provision: p });
  }

  // The draft's definitions, unmapped, go into the chapter's definitions section.
  const defs = byId.get("definitions");
  const defsSection = chapter.sections.find(isDefinitions);
  if (defs && !clauseTaken.has("definitions") && defsSection && !sectionTaken.has(defsSection.number)) {
    clauseTaken.add("definitions");
    sectionTaken.set(defsSection.number, 1);
    changes.push({ action: "amend", number: defsSection.number, value: defsSection.value, provision: defs, old: defsSection, merged: true });
    notes.push(`The draft's definitions were merged into existing Section ${defsSection.number} (${defsSection.heading}): its other definitions are kept.`);
  }

  // Everything else is added after the highest number in use.
  const unmapped = [...pending.map((x) => x.p), ...provisions.filter((p) => !clauseTaken.has(p.id) && !pending.some((x) => x.p === p))];
  if (unmapped.length && spec.extent === "sections") {
    problems.push(src.problem([...spec.at, "extent"], `${unmapped.map((p) => p.id).join(", ")} need${unmapped.length === 1 ? "s" : ""} a section number, and the file holds only some sections of Chapter ${spec.chapter}`, `give each one under changes: - clause: ${unmapped[0]!.id}\n      number: "${formatNumber(spec.numbering, spec.chapter, 10)}"`));
    return { changes, notes };
  }
  const used = [...chapter.sections.map((s) => s.value), ...changes.map((c) => c.value)];
  const step = spec.step ?? inferStep(chapter.sections.map((s) => s.value));
  for (const p of unmapped) {
    const value = nextValue(used, step);
    if (value > maxSection(spec.numbering)) {
      problems.push(src.problem([...spec.at, "chapter"], `Chapter ${spec.chapter} has no section number left for ${p.id} in the ${spec.numbering} style`, "give the new section a number under changes, or a smaller step"));
      break;
    }
    used.push(value);
    changes.push({ action: "add", number: formatNumber(spec.numbering, spec.chapter, value), value, provision: p });
  }
  changes.sort((a, b) => a.value - b.value);
  return { changes, notes };
}

export function isDefinitions(s: ExistingSection): boolean {
  return /\bdefinitions?\b/i.test(s.heading);
}
