// Whether a stream gets colour: NO_COLOR (set and not empty) always wins;
// FORCE_COLOR is read as chalk documents it (0 or false: off; 1-3, true or
// empty: on); otherwise colour only on a terminal.
import type { ChalkInstance } from "chalk";

export function colorLevel(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv = process.env): 0 | 1 | 2 | 3 {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== "") return 0;
  const force = env.FORCE_COLOR;
  if (force !== undefined) {
    if (force === "" || force === "true") return 1;
    if (force === "false") return 0;
    const n = Number.parseInt(force, 10);
    if (Number.isInteger(n)) return Math.max(0, Math.min(3, n)) as 0 | 1 | 2 | 3;
  }
  return stream.isTTY === true ? 1 : 0;
}

/** A chalk instance for the stream, or null when it gets no colour (chalk loads only then). */
export async function chalkFor(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv = process.env): Promise<ChalkInstance | null> {
  const level = colorLevel(stream, env);
  if (level === 0) return null;
  const { Chalk } = await import("chalk");
  return new Chalk({ level });
}
