// Finding the ordkit.yaml of the library a user works in. Kept apart from
// layers.ts so that command definitions load no YAML parser.
import { existsSync } from "node:fs";
import path from "node:path";

export const LAYER_FILE = "ordkit.yaml";

/** The nearest directory at or above `from` that holds an ordkit.yaml, or null. */
export function findLayerUp(from: string): string | null {
  let dir = path.resolve(from);
  for (;;) {
    if (existsSync(path.join(dir, LAYER_FILE))) return dir;
    const up = path.dirname(dir);
    if (up === dir) return null;
    dir = up;
  }
}
