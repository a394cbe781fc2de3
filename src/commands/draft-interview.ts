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
  type InterviewContext,
  type PartialAnswers,
  type Question,
} from "../core/interview/questions.js";
import type { InterviewDefinition } from "../core/interview/definition.js";
import type { Library } from "../core/library/types.js";
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
  | { kind: "checkbox"; config: CheckboxConfig; parse: (raw: string[]) => unknown };

/** The prompt for a question, offering the current answer (else the default). */
export function promptFor(q: Question, current?: unknown): PromptSpec {
  const offered = current !== undefined ? current : q.decl.default;
  const message = q.decl.prompt.replace(/\s+/g, " ").trim();
  const label = (c: string): string => (q.choiceLabels?.[c] ? `${q.choiceLabels[c]} (${c})` : c);
  switch (q.decl.type) {
    case "boolean":
      return { kind: "confirm", config: { message, default: typeof offered === "boolean" ? offered : false }, parse: (b) => b };
    case "choice": {
      const choices = (q.decl.choices ?? []).map((c) => ({ value: c, name: label(c) }));
      const config: SelectConfig = { message, choices, pageSize: Math.min(choices.length, 12) };
      if (typeof offered === "string" && q.decl.choices?.includes(offered)) config.default = offered;
      return { kind: "select", config, parse: (s) => s };
    }
    case "multi-choice": {
      const on = Array.isArray(offered) ? offered : [];
      return {
        kind: "checkbox",
        config: {
          message,
          choices: (q.decl.choices ?? []).map((c) => ({ value: c, name: label(c), checked: on.includes(c) })),
          pageSize: Math.min((q.decl.choices ?? []).length, 12),
          validate: (items) => questionProblem(q, items.map((i) => i.value)) ?? true,
        },
        // Keep the declared order of choices.
        parse: (list) => (q.decl.choices ?? []).filter((c) => list.includes(c)),
      };
    }
    default: {
      const config: InputConfig = { message, validate: (raw) => questionProblem(q, parseInput(q, raw)) ?? true };
      if (q.check === "state") config.transformer = (raw) => raw.toUpperCase();
      if (offered !== undefined && offered !== null) config.default = String(offered);
      return { kind: "input", config, parse: (raw) => parseInput(q, raw) };
    }
  }
}

/** The lines shown above a question: its group when it changes, a note, and the one-line help. */
export function questionHeader(q: Question, previousGroup: string | null): string[] {
  const lines: string[] = [];
  if (q.group !== previousGroup) lines.push("", `── ${q.group} ──`);
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
 * "Write the draft". Ctrl-C rejects with inquirer's ExitPromptError.
 */
export async function runInterview(
  start: { def: InterviewDefinition; library: Library; answers: PartialAnswers; ctx: InterviewContext },
  context?: Context,
): Promise<InterviewResult> {
  const ended = inputEnded();
  try {
    return await interview(start, ended.promise, context);
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
          { message: "the input ended (Ctrl-D) before every question was answered; no output was written", hint: "run ordkit draft again and answer each question (Ctrl-C stops it), or pass --answers FILE (docs/answers-format.md)" },
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
      process.stderr.write("ordkit: error: the terminal closed before every question was answered; no output was written\n");
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
): Promise<InterviewResult> {
  const { def, library, ctx } = start;
  const out = context?.output ?? process.stdout;
  let answers = start.answers;
  const asked = new Map<string, readonly string[]>();
  let group: string | null = null;

  const ask = async (q: Question): Promise<void> => {
    out.write(questionHeader(q, group).join("\n") + "\n");
    group = q.group;
    const value = await Promise.race([runPrompt(promptFor(q, getAnswer(answers, q.keys)), context), ended]);
    answers = setAnswer(answers, q.keys, value);
    asked.set(q.path, q.keys);
  };
  const fill = async (): Promise<void> => {
    for (let guard = 0; guard < 10_000; guard++) {
      const next = pending(def, library, answers, ctx)[0];
      if (!next) return;
      await ask(next);
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
    await ask(q);
    answers = prune(def, library, answers, ctx, asked);
    await fill();
  }
}
