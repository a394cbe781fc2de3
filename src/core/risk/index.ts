// The risk engine's public API, for commands and writers.
export { runRules, withRiskNotes, sortNotes, knowledgeAsOf, LEGAL_AS_OF, type RunOptions } from "./engine.js";
export { buildContext, CHECK_INSTRUMENTS, type CheckInstrument, circuitFor, circuitName, stateLawFor, type RiskContext, type StateLaw, type StateLawStatus, type ContextInput } from "./context.js";
export { RULES, ruleById } from "./rules/index.js";
export { explainFrames } from "./explain.js";
export type { Rule, RuleMeta } from "./types.js";
export { analyzeText, buildTermTable, selfNamesFor, type Analysis, type Who, type Where, type Does } from "./read/index.js";
