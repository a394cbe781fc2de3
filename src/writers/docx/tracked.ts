// Tracked changes inside a draft: for `draft --redline-against`, the DOCX
// writer writes the new draft in its full legislative form (title, recitals,
// formula, numbered sections) and asks this, paragraph by paragraph, for the
// runs with insertions and deletions (w:ins / w:del) against the old draft,
// and for the paragraphs and sections that were deleted before each one.
import type { ParagraphChild } from "docx";
import type { DiffResult, ParaChange, UnitChange } from "../../core/diff/model.js";
import { Marks, paraRuns, plain } from "./redline.js";
import { metaText, movedText, sideText, summaryText } from "../../reporters/diff-common.js";
import type { Draft } from "../../core/draft.js";

export interface TrackedRuns {
  runs: ParagraphChild[];
  /** The whole paragraph is new (its paragraph mark is an insertion). */
  inserted: boolean;
  /** The prefix asked to be left out (e.g. "WHEREAS, ") was equal and is not in the runs. */
  stripped: boolean;
}

export interface DeletedPara {
  runs: ParagraphChild[];
  depth: number;
  heading: boolean;
}

interface UnitPlan {
  unit: UnitChange;
  /** New paragraph path -> its change and the deleted paragraphs just before it. */
  at: Map<string, { change: ParaChange; before: ParaChange[] }>;
  trailing: ParaChange[];
}

export class TrackedChanges {
  readonly marks: Marks;
  private readonly units = new Map<string, UnitPlan>();
  /** New unit id -> removed units that stood just before it; "" -> after the last. */
  private readonly removed = new Map<string, UnitChange[]>();

  constructor(readonly result: DiffResult) {
    this.marks = new Marks(`${result.date}T00:00:00Z`);
    let pendingUnits: UnitChange[] = [];
    for (const u of result.units) {
      if (u.type === "removed") {
        pendingUnits.push(u);
        continue;
      }
      this.removed.set(u.id, pendingUnits);
      pendingUnits = [];
      const plan: UnitPlan = { unit: u, at: new Map(), trailing: [] };
      let pending: ParaChange[] = [];
      for (const c of u.paras) {
        if (c.new && c.op !== "moveFrom") {
          plan.at.set(c.new.path, { change: c, before: pending });
          pending = [];
        } else pending.push(c);
      }
      plan.trailing = pending;
      this.units.set(u.id, plan);
    }
    this.removed.set("", pendingUnits);
  }

  /** Runs for the paragraph at unit/path with its changes, or null when it is unchanged. */
  runs(unit: string, path: string, bold: boolean, prefix = ""): TrackedRuns | null {
    const plan = this.units.get(unit);
    const hit = plan?.at.get(path);
    if (!plan || !hit) return null;
    const c = hit.change;
    const notes = path === firstPath(plan) ? unitNotes(plan.unit) : [];
    if (unit === "front" && path === "1") notes.unshift(`Tracked changes by ordkit against ${sideText(this.result, "old")}: ${summaryText(this.result)}. Accept or reject them in Word or LibreOffice.`);
    if (c.op === "equal" && !notes.length) return null;
    let change = c;
    let stripped = false;
    if (prefix && c.op === "change" && c.words?.[0]?.op === "equal" && c.words[0].text.startsWith(prefix)) {
      change = { ...c, words: [{ ...c.words[0], text: c.words[0].text.slice(prefix.length) }, ...c.words.slice(1)].filter((w) => w.text !== "") };
      stripped = true;
    }
    if (prefix && c.op === "equal") return { runs: this.marks.comment([plain(c.new!.text.startsWith(prefix) ? c.new!.text.slice(prefix.length) : c.new!.text, { bold })], notes), inserted: false, stripped: c.new!.text.startsWith(prefix) };
    const { runs, mark } = paraRuns(plan.unit, forBold(change, bold), this.marks);
    return { runs: this.marks.comment(runs, notes), inserted: mark === "ins", stripped };
  }

  /** The deleted paragraphs of a unit that stood before `path` (null: after its last paragraph). */
  deleted(unit: string, path: string | null): DeletedPara[] {
    const plan = this.units.get(unit);
    if (!plan) return [];
    const list = path === null ? plan.trailing : (plan.at.get(path)?.before ?? []);
    return list.map((c) => this.deletedPara(plan.unit, c));
  }

  /** Units (sections) removed that stood before the unit `id` (null: after the last one). */
  removedBefore(id: string | null): UnitChange[] {
    return this.removed.get(id ?? "") ?? [];
  }

  /** A whole removed unit's paragraphs, deleted. */
  removedParas(u: UnitChange): DeletedPara[] {
    return u.paras.map((c) => this.deletedPara(u, c));
  }

  private deletedPara(u: UnitChange, c: ParaChange): DeletedPara {
    const heading = c.old!.role === "heading";
    // A section heading ends with a full stop in the draft (the DOCX writer adds it).
    const runs = [...paraRuns(u, c, this.marks).runs, ...(heading ? [this.marks.del(".", true)] : [])];
    return { runs, depth: c.old!.depth, heading };
  }

  revision(): { id: number; author: string; date: string } {
    return this.marks.revision();
  }
}

function firstPath(plan: UnitPlan): string | undefined {
  return plan.at.keys().next().value;
}

/** Headings of sections are bold; paraRuns reads the role. */
function forBold(c: ParaChange, bold: boolean): ParaChange {
  if (!bold) return c;
  const ref = (r: ParaChange["new"]): ParaChange["new"] => (r ? { ...r, role: "heading" } : r);
  return { ...c, old: ref(c.old), new: ref(c.new) };
}

/** What a comment on a unit's first paragraph says: moved, renamed, metadata. */
function unitNotes(u: UnitChange): string[] {
  const notes: string[] = [];
  const moved = movedText(u);
  if (moved) notes.push(`This ${u.kind === "front" ? "part" : "section"} ${moved}.`);
  for (const m of u.meta) notes.push(`Metadata ${metaText(m)}`);
  return notes;
}

/** The new draft in its full form, numbered as drafts are, with its changes against the old draft tracked. */
export async function writeDraftRedline(draft: Draft, result: DiffResult, opts: { lineNumbers?: boolean } = {}): Promise<Uint8Array> {
  const { writeDocx } = await import("./index.js");
  return writeDocx(draft, { ...opts, tracked: new TrackedChanges(result) });
}
