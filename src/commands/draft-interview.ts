// The terminal side of the guided interview of `ordkit draft`: turns each
// question of the graph (src/core/interview/questions.ts) into an inquirer
// prompt, then shows a review screen. The only interview code that touches the
// terminal; draft-run.ts imports it only when it has to ask.
import { checkbox, confirm, input, select } from "@inquirer/prompts";
import {
  formatValue,
  getAnswer,
  parseInput,
  pending,
  plan,
  prune,
  questionProblem,
  setAnswer,
  staleAnswer,
  type InterviewContext,
  type PartialAnswers,
  type Question,
} from "../core/interview/questions.js";
import type { InterviewDefinition } from "../core/interview/definition.js";
import type { Library } from "../core/shared/library-types.js";
import { UserError } from "../core/errors.js";
import { removePendingTempFiles } from "../core/io/output.js";
import { detachFromTerminal } from "./interrupt.js";

/** inquirer's prompt context (input and output streams, abort signal). */
export type Context = NonNullable<Parameters<typeof input>[1]>;
type InputConfig = Parameters<typeof input>[0];
type ConfirmConfig = Parameters<typeof confirm>[0];
interface Choice {
  value: string;
  name: string;
  description?: string;
  checked?: boolean;
}
interface SelectConfig {
  message: string;
  choices: Choice[];
  default?: string;
  pageSize?: number;
}
interface CheckboxConfig {
  message: string;
  choices: Choice[];
  pageSize?: number;
  validate: (items: readonly { value: string }[]) => string | boolean;
}

/** Which inquirer prompt asks a question, with its configuration (tests render it with @inquirer/testing). */
export type PromptSpec =
  | { kind: "input"; config: InputConfig; parse: (raw: string) => unknown }
  | { kind: "confirm"; config: ConfirmConfig; parse: (raw: boolean) => unknown }
  | { kind: "select"; config: SelectConfig; parse: (raw: string) => unknown }
  | { kind: "checkbox"; config: CheckboxConfig; parse: (raw: string[]) => unknown }
  | { kind: "list"; item: (n: number) => InputConfig; parse: (items: string[]) => unknown };

/** What a prompt returns when the user asks for the previous question. */
export const BACK = Symbol("back");
/** Typed alone in a text answer, or chosen in a list: go back one question. */
export const BACK_TEXT = "<";
const BACK_CHOICE = "\u0000back";

/** Choices in the order offered: the lowest legal risk first when the library ranks them. */
function orderedChoices(q: Question): string[] {
  const choices = q.decl.choices ?? [];
  const ranked = Object.keys(q.decl.choice_risks ?? {}).filter((c) => choices.includes(c));
  return [...ranked, ...choices.filter((c) => !ranked.includes(c))];
}

/** The prompt for a question, offering the current answer (else the default); canGoBack adds a way back. */
export function promptFor(q: Question, current?: unknown, canGoBack = false): PromptSpec {
  const offered = current !== undefined ? current : q.decl.default;
  const message = q.decl.prompt.replace(/\s+/g, " ").trim();
  const label = (c: string): string => {
    const base = q.choiceLabels?.[c] ? `${q.choiceLabels[c]} (${c})` : c;
    const risk = q.decl.choice_risks?.[c];
    return risk ? `${base}: ${risk}` : base;
  };
  const back: Choice[] = canGoBack ? [{ value: BACK_CHOICE, name: "« Previous question" }] : [];
  const orBack = (v: string): unknown => (v === BACK_CHOICE ? BACK : v);
  switch (q.decl.type) {
    case "boolean": {
      // A list rather than y/n, so that the previous question is one choice away.
      const config: SelectConfig = { message, choices: [{ value: "yes", name: "yes" }, { value: "no", name: "no" }, ...back], default: offered === true ? "yes" : "no" };
      return { kind: "select", config, parse: (s) => (s === BACK_CHOICE ? BACK : s === "yes") };
    }
    case "choice": {
      const choices = [...orderedChoices(q).map((c) => ({ value: c, name: label(c), ...(q.choiceDescriptions?.[c] ? { description: q.choiceDescriptions[c] } : {}) })), ...back];
      const config: SelectConfig = { message, choices, pageSize: Math.min(choices.length, 12) };
      if (typeof offered === "string" && q.decl.choices?.includes(offered)) config.default = offered;
      return { kind: "select", config, parse: orBack };
    }
    case "multi-choice": {
      const on = Array.isArray(offered) ? offered : [];
      return {
        kind: "checkbox",
        config: {
          message,
          choices: (q.decl.choices ?? []).map((c) => ({ value: c, name: label(c), checked: on.includes(c), ...(q.choiceDescriptions?.[c] ? { description: q.choiceDescriptions[c] } : {}) })),
          pageSize: Math.min((q.decl.choices ?? []).length, 12),
          validate: (items) => questionProblem(q, items.map((i) => i.value)) ?? true,
        },
        // Keep the declared order of choices.
        parse: (list) => (q.decl.choices ?? []).filter((c) => list.includes(c)),
      };
    }
    default: {
      if (q.many) {
        const one = { ...q, many: false, required: true };
        return {
          kind: "list",
          item: (n) => ({ message: n === 1 ? message : `${n}. next one (leave blank when done)`, validate: (raw) => (raw.trim() === "" ? true : (questionProblem(one, parseInput(one, raw)) ?? true)) }),
          parse: (items) => (items.length ? items.map((i) => parseInput(one, i)) : null),
        };
      }
      const isBack = (raw: string): boolean => canGoBack && raw.trim() === BACK_TEXT;
      const config: InputConfig = { message, validate: (raw) => (isBack(raw) ? true : (questionProblem(q, parseInput(q, raw)) ?? true)) };
      // A code shows in capitals as typed; a name as written (it is saved as the code).
      if (q.check === "state") config.transformer = (raw) => (raw.trim().length <= 2 ? raw.toUpperCase() : raw);
      if (offered !== undefined && offered !== null) config.default = String(offered);
      return { kind: "input", config, parse: (raw) => (isBack(raw) ? BACK : parseInput(q, raw)) };
    }
  }
}

/** The lines shown above a question: its group when it changes, its place ("12 of 41"), a note, and the one-line help. */
export function questionHeader(q: Question, previousGroup: string | null, progress?: { at: number; of: number; back: boolean }, stale?: string | null): string[] {
  const lines: string[] = [];
  if (q.group !== previousGroup) lines.push("", `── ${q.group} ──`);
  if (progress) lines.push(`  Question ${progress.at} of ${progress.of}${progress.back ? ` (to go back one question: type ${BACK_TEXT}, or choose « Previous question)` : ""}`);
  if (stale) lines.push(`  ! ${stale}`);
  if (q.note) lines.push(`  ! ${q.note}`);
  if (q.decl.help) lines.push(`  ${q.decl.help.replace(/\s+/g, " ").trim()}`);
  if (!q.required && q.decl.type !== "boolean") lines.push("  (optional: Enter on an empty line leaves it blank; Backspace clears an offered answer, Tab edits it)");
  return lines;
}

export async function runPrompt(spec: PromptSpec, context?: Context): Promise<unknown> {
  switch (spec.kind) {
    case "input":
      return spec.parse(await input(spec.config, context));
    case "confirm":
      return spec.parse(await confirm(spec.config, context));
    case "select":
      return spec.parse(await select(spec.config, context));
    case "checkbox":
      return spec.parse(await checkbox(spec.config, context));
    case "list": {
      const items: string[] = [];
      for (;;) {
        const raw = (await input(spec.item(items.length + 1), context)).trim();
        if (!raw) return spec.parse(items);
        items.push(raw);
      }
    }
  }
}

export const WRITE = "\u0000write";

/** The review screen: every answer, with "Write the draft" first. */
export function reviewPrompt(questions: readonly Question[], answers: PartialAnswers): SelectConfig {
  return {
    message: "Review the answers: choose one to change, or write the draft",
    pageSize: 15,
    default: WRITE,
    choices: [
      { value: WRITE, name: "Write the draft" },
      ...questions.map((q) => ({ value: q.path, name: `${q.path} = ${formatValue(getAnswer(answers, q.keys))}`, description: q.decl.prompt.replace(/\s+/g, " ") })),
    ],
  };
}

export interface InterviewResult {
  answers: PartialAnswers;
  /** Every question that applies to the final answers (for the comments of a saved file). */
  questions: Question[];
}

/**
 * Asks every question the answers lack, in order, then the review screen until
 * "Write the draft". Ctrl-C rejects with inquirer's ExitPromptError; onAnswer
 * sees the answers after each one (the caller keeps them for a resume).
 */
export async function runInterview(
  start: { def: InterviewDefinition; library: Library; answers: PartialAnswers; ctx: InterviewContext },
  context?: Context,
  onAnswer?: (answers: PartialAnswers) => void,
): Promise<InterviewResult> {
  const ended = inputEnded();
  try {
    return await interview(start, ended.promise, context, onAnswer);
  } finally {
    ended.dispose();
  }
}

/**
 * Rejects with a UserError when no more input can come: the terminal's input
 * ended (Ctrl-D on an empty line closes inquirer's reader; a closed pty ends
 * stdin) while a question waits. Nothing else then keeps Node running, so the
 * process would otherwise end with exit code 0, no message and no file.
 */
function inputEnded(): { promise: Promise<never>; dispose: () => void } {
  let fail: () => void = () => {};
  const promise = new Promise<never>((_, reject) => {
    fail = () =>
      reject(
        new UserError(
          { message: "the input ended (Ctrl-D) before every question was answered; no draft was written", hint: "run ordkit draft again and answer each question (Ctrl-C stops it), or pass --answers FILE (docs/answers-format.md)" },
          "usage",
        ),
      );
  });
  promise.catch(() => {}); // rejected only while a question waits; the race below reports it
  process.once("beforeExit", fail);
  // A terminal that closes ends stdin, and readline, restoring the terminal it
  // no longer has, would throw (setRawMode EIO): stop first, before it runs.
  const hangup = (): void => {
    removePendingTempFiles();
    try {
      process.stderr.write("ordkit: error: the terminal closed before every question was answered; no draft was written (any answers given so far are kept: run the same command again to resume)\n");
    } finally {
      detachFromTerminal();
      process.exit(2);
    }
  };
  process.stdin.prependOnceListener("end", hangup);
  return {
    promise,
    dispose: () => {
      process.off("beforeExit", fail);
      process.stdin.off("end", hangup);
    },
  };
}

async function interview(
  start: { def: InterviewDefinition; library: Library; answers: PartialAnswers; ctx: InterviewContext },
  ended: Promise<never>,
  context?: Context,
  onAnswer?: (answers: PartialAnswers) => void,
): Promise<InterviewResult> {
  const { def, library, ctx } = start;
  const out = context?.output ?? process.stdout;
  let answers = start.answers;
  const asked = new Map<string, readonly string[]>();
  // Questions answered in this pass, with the value each had before, for going back.
  const history: Array<{ q: Question; before: unknown }> = [];
  let group: string | null = null;

  /** Asks one question; false when the user went back instead. */
  const ask = async (q: Question, canGoBack: boolean): Promise<boolean> => {
    const current = getAnswer(answers, q.keys);
    const stale = staleAnswer(q, answers);
    const all = plan(def, library, answers, ctx);
    const done = all.filter((x) => x.path !== q.path && getAnswer(answers, x.keys) !== undefined && staleAnswer(x, answers) === null).length;
    const why = stale ? `The earlier answer ${formatValue(current)} no longer fits the other answers (the instrument or the modules changed): choose again from what does.` : null;
    out.write(questionHeader(q, group, { at: done + 1, of: all.length, back: canGoBack && history.length > 0 && q.decl.type !== "multi-choice" }, why).join("\n") + "\n");
    group = q.group;
    const value = await Promise.race([runPrompt(promptFor(q, stale ? undefined : current, canGoBack && history.length > 0), context), ended]);
    if (value === BACK) {
      const last = history.pop()!;
      answers = setAnswer(answers, last.q.keys, last.before);
      group = null;
      return false;
    }
    history.push({ q, before: current });
    answers = setAnswer(answers, q.keys, value);
    asked.set(q.path, q.keys);
    onAnswer?.(answers);
    return true;
  };
  const fill = async (): Promise<void> => {
    for (let guard = 0; guard < 10_000; guard++) {
      const next = pending(def, library, answers, ctx)[0];
      if (!next) return;
      await ask(next, true);
    }
    throw new Error("the interview does not settle: a question stays unanswered");
  };

  out.write("ordkit: a few questions to draft the instrument; the answers can be reviewed before anything is written.\n");
  await fill();
  for (;;) {
    const questions = plan(def, library, answers, ctx);
    out.write("\n");
    const choice = await Promise.race([select(reviewPrompt(questions, answers), context), ended]);
    if (choice === WRITE) return { answers, questions };
    const q = questions.find((x) => x.path === choice);
    if (!q) continue;
    group = null;
    history.length = 0;
    await ask(q, false);
    answers = prune(def, library, answers, ctx, asked);
    onAnswer?.(answers);
    await fill();
  }
}
