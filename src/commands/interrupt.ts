// What ordkit says when SIGINT, SIGTERM or SIGHUP ends it. The CLI handles
// the signal (temp files removed, exit 130); a command that knows better what
// was done (a batch counts its drafts) supplies the message.
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
