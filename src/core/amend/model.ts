// An amending ordinance in the Draft: for each code section it amends, adds
// or repeals, the amendatory instruction and the code text with additions and
// deletions marked (the legislative convention: underline and strike-through,
// not tracked changes). Writers number the ordinance's sections and compute
// subsection labels; code section numbers are the code's own and are kept.

export type Mark = "ins" | "del" | null;

export interface MarkedRun {
  text: string;
  mark: Mark;
}

export interface MarkedParagraph {
  /** Anchor id in the code as amended ("code-2.72.030#p2"); a deleted paragraph's ends in "~deleted". */
  id: string;
  /** 0 for paragraphs directly under the section. */
  depth: number;
  /** false for lead-in text and definitions, which carry no (a)/(1) label. */
  numbered: boolean;
  /** equal: unchanged; change: marked word by word; insert: added whole; delete: removed whole. */
  status: "equal" | "change" | "insert" | "delete";
  runs: MarkedRun[];
}

export type CodeAction = "amend" | "add" | "repeal";

export interface CodeChange {
  /** The ordinance section that makes this change (an id in Draft.sections): "code-2.72.030". */
  id: string;
  action: CodeAction;
  /** The code section number, "2.72.030". */
  number: string;
  /** How the code heads the section: "2.72.030", "§ 72.03", "Sec. 2-72.". */
  caption: string;
  /** "Section 2.72.030 of the Alameda Bay Municipal Code is amended to read as follows:". */
  instruction: string;
  /** The section's heading, marked. */
  heading: MarkedRun[];
  paragraphs: MarkedParagraph[];
  /** The draft provision that became this section (clause id or "definitions"), null for a repeal. */
  clauseId: string | null;
}

export interface Amendment {
  /** "Alameda Bay Municipal Code". */
  code: string;
  chapter: string;
  /** The chapter's heading in the file, or "". */
  chapterTitle: string;
  /** The sentence that explains the marks. */
  legend: string;
  changes: CodeChange[];
  /** Sections of the chapter the ordinance leaves as they are. */
  unchanged: string[];
}
