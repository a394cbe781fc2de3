// The provision reader. A draft is read in passes, each its own module that
// returns its own results and changes nothing it did not make:
//
//   sections      parse/text.ts (decimal 2.04, Sec. 10-178, § 46-37, SECTION 1.,
//                 FINDINGS/RECITALS openers) or the assembled Draft
//   definitions   definitions.ts: "X" means ..., what each term covers and leaves out
//   sentences     text.ts: sentences and clauses; lead-ins carried into list items (model.ts)
//   actors        actors.ts: every class of officer or person named
//   paragraph     paragraph.ts: bound party, roles, exemptions, places, purpose, actions
//   frames        frame.ts: the provision frame the rules read
//
// Word lists are data (words/*.yaml, compiled by scripts/gen-words.mjs).
export * from "./types.js";
export { sentences } from "./text.js";
export { parseDefinition, buildTermTable, termRegexes } from "./definitions.js";
export { selfNamesFor, stateSelfNames, selfRegexes } from "./self-names.js";
export { FEDERAL_CLASSES, isNarrow, reachesFederal } from "./classes.js";
export { analyzeText } from "./paragraph.js";
export { frameFor, frameJson, type Frame, type Action, type Modality } from "./frame.js";
