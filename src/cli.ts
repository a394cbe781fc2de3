// The ordkit command line: one addCommand per command, and the one place
// where errors become messages and exit codes. Heavy modules load lazily.
import { Command, CommanderError } from "commander";
import { draftCommand } from "./commands/draft.js";
import { checkCommand } from "./commands/check.js";
import { diffCommand } from "./commands/diff.js";
import { textconvCommand } from "./commands/textconv.js";
import { validateCommand } from "./commands/validate.js";
import { clausesCommand } from "./commands/clauses.js";
import { initCommand } from "./commands/init.js";
import { schemaCommand } from "./commands/schema.js";
import { lawCommand } from "./commands/law.js";
import { PACKAGE_ROOT } from "./core/paths.js";
import { removePendingTempFiles, writtenOutputs } from "./core/io/output.js";
import { INTERRUPT_SIGNALS, detachFromTerminal, interruptionMessage } from "./commands/interrupt.js";
import { readFileSync } from "node:fs";

export const EXIT = { ok: 0, findings: 1, error: 2, interrupted: 130 } as const;

function version(): string {
  return (JSON.parse(readFileSync(`${PACKAGE_ROOT}/package.json`, "utf8")) as { version: string }).version;
}

export function buildProgram(): Command {
  const program = new Command("ordkit")
    .description("Draft model local ordinances on outside law enforcement, in legislative form, with risk notes.\nordkit's output is a starting draft, not legal advice.")
    .version(version(), "-V, --version")
    .option("--debug", "show stack traces for errors")
    .option("--no-cache", "do not read or write the cache of parsed files (also ORDKIT_NO_CACHE=1)")
    .showHelpAfterError("(run with --help for usage)")
    .addHelpText(
      "after",
      `
Examples:
  $ ordkit draft --answers examples/alameda-bay-ca-ordinance.yaml --out draft.docx
  $ ordkit draft --answers examples/millbrook-pa-executive-order.yaml --format md

Exit codes: 0 ok; 1 findings or differences; 2 usage, input or internal error; 130 interrupted.`,
    );
  program.addCommand(draftCommand());
  program.addCommand(checkCommand());
  program.addCommand(diffCommand());
  program.addCommand(initCommand());
  program.addCommand(validateCommand());
  program.addCommand(clausesCommand());
  program.addCommand(lawCommand());
  program.addCommand(textconvCommand());
  program.addCommand(schemaCommand());
  // addCommand does not pass settings down: every command, however deep, throws
  // a CommanderError (exit 2 in report) instead of exiting 1 by itself.
  const settle = (cmd: Command): void => {
    cmd.exitOverride().showHelpAfterError("(run with --help for usage)");
    for (const sub of cmd.commands) settle(sub);
  };
  settle(program);
  return program;
}

export async function main(argv: string[]): Promise<number> {
  const debug = argv.includes("--debug");
  // Anywhere on the line, before or after the command; through the environment, so batch workers see it too.
  if (argv.includes("--no-cache")) {
    process.env.ORDKIT_NO_CACHE = "1";
    argv = argv.filter((a) => a !== "--no-cache");
  }
  // Synchronous: an await here would let the command go on and write its output after all.
  // SIGHUP (the terminal closed) ends ordkit like Ctrl-C; the message may go nowhere, the cleanup still happens.
  const onSignal = (sig: NodeJS.Signals): void => {
    removePendingTempFiles();
    try {
      process.stderr.write(`\n${interruptionMessage(sig, writtenOutputs())}\n`);
    } finally {
      if (sig === "SIGHUP") detachFromTerminal();
      process.exit(EXIT.interrupted);
    }
  };
  for (const sig of INTERRUPT_SIGNALS) process.once(sig, onSignal);
  // A reader that stops early (ordkit ... | head) closes the pipe: that is not an error.
  process.stdout.on("error", (err: NodeJS.ErrnoException) => {
    if (err.code === "EPIPE") process.exit(EXIT.ok);
    throw err;
  });
  const program = buildProgram();
  // Commander shows the general help for `ordkit bogus --help`; an unknown command is an error whatever follows it.
  const first = argv.slice(2).find((a) => !a.startsWith("-"));
  if (first !== undefined && argv.slice(2).some((a) => a === "--help" || a === "-h") && !program.commands.some((c) => c.name() === first || c.aliases().includes(first)) && first !== "help") {
    process.stderr.write(`ordkit: error: unknown command '${first}'\n  hint: ordkit --help lists the commands\n`);
    return EXIT.error;
  }
  try {
    await program.parseAsync(argv);
    return typeof process.exitCode === "number" ? process.exitCode : EXIT.ok;
  } catch (err) {
    return await report(err, debug);
  }
}

async function report(err: unknown, debug: boolean): Promise<number> {
  if (err instanceof CommanderError) {
    // --help and --version end through here too.
    if (err.exitCode === 0 || err.code === "commander.helpDisplayed" || err.code === "commander.version") return EXIT.ok;
    return EXIT.error;
  }
  const { UserError, formatProblem } = await import("./core/errors.js");
  const chalk = await (await import("./commands/color.js")).chalkFor(process.stderr);
  const red = (s: string): string => (chalk ? chalk.red.bold(s) : s);
  if (err instanceof UserError) {
    const n = err.problems.length;
    if (err.code === "interrupted") return EXIT.interrupted;
    process.stderr.write(`${red("ordkit: error:")} ${n > 1 ? `${n} problems\n` : ""}${err.problems.map(formatProblem).join("\n")}\n`);
    if (debug) process.stderr.write(`${err.stack ?? ""}\n`);
    return EXIT.error;
  }
  if (err && typeof err === "object" && (err as { name?: string }).name === "ExitPromptError") {
    process.stderr.write("ordkit: interrupted; no output was written\n");
    return EXIT.interrupted;
  }
  const e = err as Error;
  process.stderr.write(`${red("ordkit: internal error:")} ${e?.message ?? String(err)}\n`);
  process.stderr.write(debug ? `${e?.stack ?? ""}\n` : "  hint: run again with --debug for details, and report it with the input that caused it\n");
  return EXIT.error;
}
