// Which directories make up a library: a complete library (library.yaml) at
// the bottom, then layers (ordkit.yaml) that each extend what lies below.
import { existsSync, statSync } from "node:fs";
import path from "node:path";
import { UserError } from "../errors.js";
import { DEFAULT_LIBRARY_DIR, displayPath } from "../paths.js";
import { YamlSource } from "../shared/yaml-source.js";
import { LAYER_FILE } from "./find-layer.js";

export { LAYER_FILE };
export const MANIFEST_FILE = "library.yaml";
/** What `extends:` names to mean ordkit's own library. */
export const DEFAULT_BASE = "ordkit";

export interface LayerRef {
  dir: string;
  kind: "library" | "layer";
  /** The parsed ordkit.yaml of a layer. */
  source?: YamlSource;
}

/**
 * The layers the given directories stand for, lowest first. Each directory
 * brings the chain it extends; a directory already in the stack is not added
 * twice, so `--library a --library b` with both extending ordkit gives
 * [ordkit, a, b]. Without directories: ordkit's own library.
 */
export function resolveLayers(dirs: readonly string[]): LayerRef[] {
  const stack: LayerRef[] = [];
  const seen = new Set<string>();
  const push = (ref: LayerRef): void => {
    const key = path.resolve(ref.dir);
    if (seen.has(key)) return;
    seen.add(key);
    stack.push(ref);
  };
  const list = dirs.length ? dirs : [DEFAULT_LIBRARY_DIR];
  for (const d of list) for (const ref of chain(d, [])) push(ref);
  const bases = stack.filter((r) => r.kind === "library");
  if (stack[0]?.kind !== "library" || bases.length > 1) {
    const second = bases[1] ?? stack[0]!;
    throw new UserError(
      {
        message: `"${displayPath(second.dir)}" is a complete library (library.yaml), so it can only be the lowest layer`,
        file: displayPath(second.dir),
        hint: "give it first with --library, or turn it into a layer with an ordkit.yaml that extends the library below it (see docs/customizing.md)",
      },
      "usage",
    );
  }
  return stack;
}

/** The chain of one directory, lowest first; `visiting` guards against cycles. */
function chain(dirArg: string, visiting: string[]): LayerRef[] {
  const dir = layerDir(dirArg);
  if (visiting.includes(dir)) {
    throw new UserError({ message: `layers extend each other in a circle: ${[...visiting, dir].map(displayPath).join(" -> ")}`, file: displayPath(path.join(dir, LAYER_FILE)), hint: "one of them must extend ordkit or a complete library" });
  }
  const hasLayer = existsSync(path.join(dir, LAYER_FILE));
  const hasManifest = existsSync(path.join(dir, MANIFEST_FILE));
  if (hasLayer && hasManifest) {
    throw new UserError({ message: "the directory holds both ordkit.yaml and library.yaml", file: displayPath(dir), hint: "a complete library has library.yaml; a layer over one has ordkit.yaml. Keep one" });
  }
  if (hasManifest) return [{ dir, kind: "library" }];
  if (!hasLayer) {
    throw new UserError({ message: "not a clause library: neither library.yaml nor ordkit.yaml is there", file: displayPath(dir), hint: "a layer has an ordkit.yaml (create one with ordkit init DIR); a complete library has library.yaml" }, "usage");
  }
  const file = path.join(dir, LAYER_FILE);
  const source = YamlSource.read(file, displayPath(file));
  const data = source.data;
  const ext = data && typeof data === "object" && !Array.isArray(data) ? (data as Record<string, unknown>).extends : undefined;
  const self: LayerRef = { dir, kind: "layer", source };
  if (ext === undefined || ext === DEFAULT_BASE) return [...chain(DEFAULT_LIBRARY_DIR, [...visiting, dir]), self];
  if (typeof ext !== "string") return [...chain(DEFAULT_LIBRARY_DIR, [...visiting, dir]), self]; // the schema check reports it
  const target = path.resolve(dir, ext);
  if (!existsSync(target)) {
    throw new UserError({ ...source.problem(["extends"], `extends names "${ext}", which does not exist`), hint: `use "${DEFAULT_BASE}" for ordkit's own library, or a path relative to this file` });
  }
  return [...chain(target, [...visiting, dir]), self];
}

/** A directory given on the command line; an ordkit.yaml or library.yaml path stands for its directory. */
function layerDir(arg: string): string {
  const full = path.resolve(arg);
  const base = path.basename(full);
  if ((base === LAYER_FILE || base === MANIFEST_FILE) && existsSync(full) && statSync(full).isFile()) return path.dirname(full);
  if (!existsSync(full)) throw new UserError({ message: "no such library directory", file: displayPath(full), hint: "check the path given to --library" }, "usage");
  if (!statSync(full).isDirectory()) throw new UserError({ message: "a library is a directory, not a file", file: displayPath(full), hint: "pass the directory that holds library.yaml or ordkit.yaml" }, "usage");
  return full;
}

/** A path inside a layer (for its clauses: and templates: keys), or null when it reaches outside. */
export function insideLayer(layerDirPath: string, rel: string): string | null {
  if (path.isAbsolute(rel) || /^[a-zA-Z]:/.test(rel)) return null;
  const full = path.resolve(layerDirPath, rel);
  const back = path.relative(layerDirPath, full);
  return back.startsWith("..") || path.isAbsolute(back) ? null : full;
}
