// What ordkit says when SIGINT, SIGTERM or SIGHUP ends it. The CLI handles
// the signal (temp files removed, exit 130); a command that knows better what
// was done (a batch counts its drafts) supplies the message.
import { closeSync, openSync } from "node:fs";

export const INTERRUPT_SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"] as const;

type Reporter = (signal: NodeJS.Signals) => string;
let reporter: Reporter | null = null;

/** Makes report() the message of an interruption until the returned function is called. */
export function reportInterruptionWith(report: Reporter): () => void {
  reporter = report;
  return () => {
    if (reporter === report) reporter = null;
  };
}

export function interruptionMessage(signal: NodeJS.Signals, written: readonly string[]): string {
  if (reporter) return reporter(signal);
  return `ordkit: interrupted (${signal}); ${written.length ? `already written in full: ${written.join(", ")}` : "no output was written"}`;
}

/**
 * When the terminal has gone (SIGHUP, or its input ended), Node's exit would
 * restore the terminal's settings, fail with EIO and abort with a core dump:
 * point the standard streams that were the terminal at /dev/null first
 * (Node leaves alone a descriptor that was reopened).
 */
export function detachFromTerminal(): void {
  const streams = [process.stdin, process.stdout, process.stderr] as Array<{ isTTY?: boolean }>;
  streams.forEach((s, fd) => {
    if (!s.isTTY) return;
    try {
      closeSync(fd);
      openSync("/dev/null", fd === 0 ? "r" : "w"); // takes the lowest free descriptor: fd
    } catch {
      // not on this system: nothing to protect
    }
  });
}
