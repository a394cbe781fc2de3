// The question graph of the guided interview: which questions apply to the
// answers given so far, in which order, and what is still missing. Pure data
// in, data out: it never prints and never prompts (src/commands/draft-interview.ts
// does the asking).
import { resolvedVariables } from "./answers.js";
import { holds } from "../shared/conditions.js";
import { jurisdiction, type JurisdictionEntry } from "../legal/index.js";
import { kindFromName, officeFor } from "./offices.js";
import { isoDate, stateCode } from "./plain-input.js";
import { valueProblem } from "../library/values.js";
import type { Clause, Condition, Library, VariableDecl } from "../shared/library-types.js";
import type { Include, InterviewDefinition, QuestionDef } from "./definition.js";

/** Answers as they are being gathered: any subset of an answers file. */
export type PartialAnswers = Record<string, unknown>;

export interface InterviewContext {
  /** Default for `default_from: today` (YYYY-MM-DD). */
  today: string;
}

export type QuestionKind = "interview" | "modules" | "option" | "variable";

export interface Question {
  /** Dotted answers path as shown to users: jurisdiction.state, variables.public-records/foia-cadence.office. */
  path: string;
  /** The same path as keys (a clause id is one key). */
  keys: string[];
  kind: QuestionKind;
  /** Type, prompt, help, choices, bounds and the default to offer. */
  decl: VariableDecl;
  /** Title of the group it belongs to (for headings and the review screen). */
  group: string;
  /** false: may be left blank, which answers null. */
  required: boolean;
  /** The library declares a default that fills the answer when a file leaves it out (options and variables). */
  hasStaticDefault: boolean;
  /** One more line of context (for example why some modules are not offered). */
  note?: string;
  /** Labels for choices (module titles). */
  choiceLabels?: Record<string, string>;
  /** One line about each choice, shown under the list (module descriptions). */
  choiceDescriptions?: Record<string, string>;
  check?: "state";
  /** A list of text answers (each checked with decl), asked one at a time. */
  many?: boolean;
}

// ---------------------------------------------------------------- answers paths

export function getAnswer(answers: PartialAnswers, keys: readonly string[]): unknown {
  let cur: unknown = answers;
  for (const k of keys) {
    if (cur === null || typeof cur !== "object" || Array.isArray(cur) || !Object.prototype.hasOwnProperty.call(cur, k)) return undefined;
    cur = (cur as Record<string, unknown>)[k];
  }
  return cur;
}

/** A copy of answers with the value at keys set (undefined removes it). */
export function setAnswer(answers: PartialAnswers, keys: readonly string[], value: unknown): PartialAnswers {
  const [head, ...rest] = keys;
  if (head === undefined) return answers;
  const out: PartialAnswers = { ...answers };
  // Keys are data: "__proto__" or "constructor" become own keys (reported as unknown later), never a prototype.
  const put = (v: unknown): void => void Object.defineProperty(out, head, { value: v, enumerable: true, writable: true, configurable: true });
  if (rest.length === 0) {
    if (value === undefined) delete out[head];
    else put(value);
    return out;
  }
  const child = Object.hasOwn(out, head) ? out[head] : undefined;
  put(setAnswer(child && typeof child === "object" && !Array.isArray(child) ? (child as PartialAnswers) : {}, rest, value));
  return out;
}

export function isAnswered(answers: PartialAnswers, q: Question): boolean {
  return getAnswer(answers, q.keys) !== undefined;
}

// ---------------------------------------------------------------- the plan

/** Every question that applies to these answers, in the order they are asked (each path once). */
export function plan(def: InterviewDefinition, lib: Library, answers: PartialAnswers, ctx: InterviewContext): Question[] {
  const out: Question[] = [];
  const seen = new Set<string>();
  const push = (q: Question): void => {
    if (seen.has(q.path)) return;
    seen.add(q.path);
    out.push(q);
  };
  const included = new Set<Include>();
  const generate = (what: Include): void => {
    included.add(what);
    if (what === "modules") {
      const q = modulesQuestion(def, lib, answers);
      if (q) push(q);
    } else if (what === "options") optionQuestions(def, lib, answers).forEach(push);
    else if (Array.isArray(answers.modules) || offeredModules(def, lib, answers).offered.length === 0) variableQuestions(lib, answers).forEach(push);
  };
  for (const e of def.entries) {
    if ("include" in e) generate(e.include);
    else if (holds(e.when, answers)) push(fixedQuestion(def, e, answers, ctx));
  }
  for (const what of ["modules", "options", "variables"] as const) if (!included.has(what)) generate(what);
  return out;
}

/** The questions of the plan that have no answer yet, in order. */
export function pending(def: InterviewDefinition, lib: Library, answers: PartialAnswers, ctx: InterviewContext): Question[] {
  return plan(def, lib, answers, ctx).filter((q) => !isAnswered(answers, q) || staleAnswer(q, answers) !== null);
}

/**
 * Why a module or option answer no longer fits the answers around it (an
 * executive order cannot use `coverings_scope: all-officers`), or null. Such an
 * answer is asked again rather than dropped from the draft.
 */
export function staleAnswer(q: Question, answers: PartialAnswers): string | null {
  if (q.kind !== "modules" && q.kind !== "option") return null;
  const value = getAnswer(answers, q.keys);
  if (value === undefined) return null;
  return questionProblem(q, value);
}

/**
 * What a draft cannot do without: unanswered questions that are required and
 * have no static default (a computed default, such as today's date, is only
 * offered in the interview, never assumed).
 */
export function missingAnswers(def: InterviewDefinition, lib: Library, answers: PartialAnswers, ctx: InterviewContext): Question[] {
  // Only what has no answer: an answer that no longer fits is asked again in the interview, but a file's answer is not "missing".
  return plan(def, lib, answers, ctx).filter((q) => !isAnswered(answers, q) && q.required && !q.hasStaticDefault);
}

/**
 * Drops answers to questions that were asked in this session but no longer
 * apply (after a change on the review screen), so the saved answers hold only
 * what the draft uses. Answers that came from a file are kept.
 */
export function prune(def: InterviewDefinition, lib: Library, answers: PartialAnswers, ctx: InterviewContext, asked: ReadonlyMap<string, readonly string[]>): PartialAnswers {
  let out = answers;
  for (let round = 0; round < 5; round++) {
    const live = new Set(plan(def, lib, out, ctx).map((q) => q.path));
    const dead = [...asked].filter(([p]) => !live.has(p) && getAnswer(out, asked.get(p)!) !== undefined);
    if (dead.length === 0) break;
    for (const [, keys] of dead) out = setAnswer(out, keys, undefined);
    out = dropEmptyClauses(out);
  }
  return out;
}

function dropEmptyClauses(a: PartialAnswers): PartialAnswers {
  const vars = a.variables;
  if (!vars || typeof vars !== "object") return a;
  const kept = Object.fromEntries(Object.entries(vars as Record<string, object>).filter(([, v]) => v && Object.keys(v).length > 0));
  return { ...a, variables: kept };
}

// ---------------------------------------------------------------- values

/** Turns what was typed into the typed value the answers hold (validate it with questionProblem). */
export function parseInput(q: Question, text: string): unknown {
  const t = text.trim();
  if (t === "" && !q.required) return null;
  if (q.check === "state") return stateCode(t) ?? t;
  if (q.decl.type === "date") return isoDate(t) ?? t;
  if (q.decl.type === "integer" || q.decl.type === "number") return /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(t) ? Number(t) : t;
  return t;
}

/** Why a value does not answer the question, or null when it does. */
export function questionProblem(q: Question, value: unknown): string | null {
  if (value === null && !q.required) return null;
  if (q.many) {
    if (!Array.isArray(value) || value.length === 0) return "an answer is needed";
    for (const item of value) {
      const why = questionProblem({ ...q, many: false, required: true }, item);
      if (why) return why;
    }
    return null;
  }
  if ((value === undefined || value === "" || value === null) && q.decl.type !== "boolean") return "an answer is needed";
  if (q.check === "state" && !jurisdiction(String(value))) return `"${String(value)}" is not a state or territory: type its name or postal code (e.g. California or CA)`;
  if (q.decl.type === "date" && (typeof value !== "string" || isoDate(value) !== value)) return `"${String(value)}" is not a date: type it as 2026-12-15, 12/15/2026 or December 15, 2026`;
  return valueProblem(q.decl, value);
}

/** One-line form of a value for the review screen. */
export function formatValue(v: unknown): string {
  if (v === undefined) return "(not answered)";
  if (v === null) return "(none)";
  if (typeof v === "boolean") return v ? "yes" : "no";
  if (Array.isArray(v)) return v.length ? v.join(", ") : "(none)";
  return String(v);
}

// ---------------------------------------------------------------- generated questions

function fixedQuestion(def: InterviewDefinition, e: QuestionDef, answers: PartialAnswers, ctx: InterviewContext): Question {
  const { answer, group, when: _when, required, default_from, check, many, ...decl } = e;
  const d: VariableDecl = { ...decl };
  if (default_from === "today") d.default = ctx.today;
  if (default_from === "state-law") d.default = stateLawCitations(answers) || "unknown";
  if (default_from === "name-kind") {
    const name = getAnswer(answers, ["jurisdiction", "name"]);
    const kind = typeof name === "string" ? kindFromName(name) : null;
    if (kind) d.default = kind;
  }
  if (default_from === "office-body" || default_from === "office-executive" || default_from === "office-clerk") {
    const kind = getAnswer(answers, ["jurisdiction", "kind"]);
    const state = getAnswer(answers, ["jurisdiction", "state"]);
    const office = officeFor(def.offices, typeof kind === "string" ? kind : undefined, typeof state === "string" ? state : undefined);
    const field = default_from === "office-body" ? "body" : default_from === "office-executive" ? "executive" : "clerk";
    if (office) d.default = office[field];
  }
  return {
    path: answer,
    keys: answer.split("."),
    kind: "interview",
    decl: d,
    group: def.groups[group] ?? group,
    required: required ?? true,
    // The definition's defaults are offers in the interview; an answers file must still say it.
    hasStaticDefault: false,
    ...(check ? { check } : {}),
    ...(many ? { many } : {}),
  };
}

function stateEntry(answers: PartialAnswers): JurisdictionEntry | undefined {
  const state = getAnswer(answers, ["jurisdiction", "state"]);
  return typeof state === "string" ? jurisdiction(state) : undefined;
}

/** The state's laws in force (bills left out), as one line; "" when none is recorded. */
function stateLawCitations(answers: PartialAnswers): string {
  const entry = stateEntry(answers);
  return entry ? lawInForce(entry).map((l) => l.citation).join("; ") : "";
}

function lawInForce(entry: JurisdictionEntry): NonNullable<JurisdictionEntry["laws"]> {
  return (entry.laws ?? []).filter((l) => l.kind !== "bill");
}

function instrumentOf(answers: PartialAnswers): string | undefined {
  const i = answers.instrument;
  return typeof i === "string" ? i : undefined;
}

function hasOperative(lib: Library, category: string, instrument: string | undefined): boolean {
  return [...lib.clauses.values()].some((c) => c.category === category && c.kind === "operative" && (!instrument || c.instruments.includes(instrument as Clause["instruments"][number])));
}

/** The modules offered for these answers: categories with operative clauses for the instrument, limited by state law. */
export function offeredModules(def: InterviewDefinition, lib: Library, answers: PartialAnswers): { offered: string[]; leftOut: string[]; note?: string } {
  const instrument = instrumentOf(answers);
  const all = lib.categories.map((c) => c.id).filter((id) => hasOperative(lib, id, instrument));
  const entry = stateEntry(answers);
  const stateName = entry?.name ?? "the state's";
  const fill = (text: string, leftOut: string[]): string =>
    text
      .replace(/\{state\}/g, stateName)
      .replace(/\{law\}/g, entry ? `${entry.name} law${lawInForce(entry)[0] ? ` (${lawInForce(entry)[0]!.citation})` : ""}` : "unknown")
      .replace(/\{left_out\}/g, leftOut.map((id) => lib.categories.find((c) => c.id === id)?.title ?? id).join(", "))
      .replace(/\s+/g, " ")
      .trim();
  const verdicts = (entry?.modules ?? {}) as Record<string, string>;
  // A state that bars limits leaves only transparency; any state leaves out what its law bars.
  const offered = all.filter((m) => verdicts[m] !== "barred" && (entry?.status !== "bars-limits" || def.modules.transparency.includes(m)));
  const leftOut = all.filter((m) => !offered.includes(m));
  if (leftOut.length) {
    const note = def.modules.barred_note ? fill(def.modules.barred_note, leftOut) : undefined;
    return { offered, leftOut, ...(note ? { note } : {}) };
  }
  if (entry && entry.status === "unknown" && def.modules.unknown_note) return { offered: all, leftOut: [], note: fill(def.modules.unknown_note, []) };
  return { offered: all, leftOut: [] };
}

function modulesQuestion(def: InterviewDefinition, lib: Library, answers: PartialAnswers): Question | null {
  const { offered, note } = offeredModules(def, lib, answers);
  if (offered.length === 0) return null;
  const labels = Object.fromEntries(lib.categories.filter((c) => offered.includes(c.id)).map((c) => [c.id, c.title]));
  return {
    path: "modules",
    keys: ["modules"],
    kind: "modules",
    decl: { type: "multi-choice", prompt: def.modules.prompt, help: def.modules.help, choices: offered, min_items: 1 },
    group: def.groups[def.modules.group] ?? def.modules.group,
    required: true,
    hasStaticDefault: false,
    choiceLabels: labels,
    choiceDescriptions: Object.fromEntries(lib.categories.filter((c) => offered.includes(c.id) && c.description).map((c) => [c.id, c.description!.replace(/\s+/g, " ").trim()])),
    ...(note ? { note } : {}),
  };
}

/** The answers as conditions see them: option defaults filled, lists and maps present. */
export function conditionData(lib: Library, answers: PartialAnswers): PartialAnswers {
  const options: Record<string, unknown> = {};
  for (const [name, decl] of Object.entries(lib.options)) if (decl.default !== undefined) options[name] = decl.default;
  Object.assign(options, (answers.options as Record<string, unknown> | undefined) ?? {});
  return { ...answers, modules: answers.modules ?? [], options, variables: resolvedVariables(answers.variables as Record<string, unknown> | undefined, lib) };
}

function answerPaths(c: Condition | undefined, out: string[] = []): string[] {
  if (!c) return out;
  if ("all" in c) c.all.forEach((x) => answerPaths(x, out));
  else if ("any" in c) c.any.forEach((x) => answerPaths(x, out));
  else if ("not" in c) answerPaths(c.not, out);
  else out.push(c.answer);
  return out;
}

function optionQuestions(def: InterviewDefinition, lib: Library, answers: PartialAnswers): Question[] {
  const out: Question[] = [];
  const modules = Array.isArray(answers.modules) ? (answers.modules as string[]) : null;
  const instrument = instrumentOf(answers);
  const data = conditionData(lib, answers);
  const group = def.groups[def.modules.group] ?? def.modules.group;
  for (const [name, decl] of Object.entries(lib.options)) {
    const users = [...lib.clauses.values()].filter((c) => answerPaths(c.when).includes(`options.${name}`));
    let d = decl;
    if (users.length > 0) {
      // Asked only once the modules are known, and only when a chosen module's clauses depend on it.
      if (!modules) continue;
      // ... and whose clauses suit the instrument (an ordinance-only clause's option is not asked for an order).
      const relevant = users.filter((c) => modules.includes(c.category) && (!instrument || c.instruments.includes(instrument as Clause["instruments"][number])));
      if (relevant.length === 0) continue;
      if (decl.type === "choice" && decl.choices) {
        // Offer only the choices that select a clause suited to the instrument.
        const fits = decl.choices.filter((ch) =>
          relevant.some((c) => (!instrument || c.instruments.includes(instrument as Clause["instruments"][number])) && holds(c.when, { ...data, options: { ...(data.options as object), [name]: ch } })),
        );
        if (fits.length > 0 && fits.length < decl.choices.length) {
          d = { ...decl, choices: fits, ...(decl.default !== undefined ? { default: fits.includes(decl.default as string) ? decl.default : fits[0] } : {}) };
        }
      }
    }
    out.push({ path: `options.${name}`, keys: ["options", name], kind: "option", decl: d, group, required: true, hasStaticDefault: decl.default !== undefined });
  }
  return out;
}

/** The clauses the answers so far select (the same rule as assembling: instrument and `when`). */
export function selectedClauses(lib: Library, answers: PartialAnswers): Clause[] {
  const instrument = instrumentOf(answers);
  if (!instrument) return [];
  const data = conditionData(lib, answers);
  const catIndex = new Map(lib.categories.map((c, i) => [c.id, i]));
  return [...lib.clauses.values()]
    .filter((c) => c.instruments.includes(instrument as Clause["instruments"][number]) && holds(c.when, data))
    .sort((x, y) => (catIndex.get(x.category) ?? 999) - (catIndex.get(y.category) ?? 999) || x.order - y.order || x.id.localeCompare(y.id));
}

/** Until the modules are chosen, module clauses are unknown: the caller asks these only after. */
function variableQuestions(lib: Library, answers: PartialAnswers): Question[] {
  const out: Question[] = [];
  for (const c of selectedClauses(lib, answers)) {
    for (const [name, decl] of Object.entries(c.variables)) {
      out.push({
        path: `variables.${c.id}.${name}`,
        keys: ["variables", c.id, name],
        kind: "variable",
        decl,
        group: c.title,
        required: true,
        hasStaticDefault: decl.default !== undefined,
      });
    }
  }
  return out;
}
