// The --library / --templates flags every library-using command shares, and
// the ordkit.yaml found by walking up from the working directory.
import path from "node:path";
import type { Command } from "commander";
import { findLayerUp } from "../core/library/find-layer.js";

export interface LibraryFlags {
  library?: string[];
  templates?: string;
}

/** Adds the shared flags; `what` says what the library is used for. */
export function libraryOptions(cmd: Command, what = ""): Command {
  return cmd
    .option(
      "--library <dir>",
      `clause library or layer${what}; repeat to stack layers, later ones on top (default: the ordkit.yaml in this directory or above, else ordkit's own library)`,
      (value: string, previous: string[] | undefined) => [...(previous ?? []), value],
    )
    .option("--templates <dir>", "a templates directory above the library's own templates (default: none)");
}

/** The layers to load: --library as given, else the nearest ordkit.yaml, else ordkit's own library ([]). */
export function librarySpec(flags: LibraryFlags, cwd = process.cwd()): string[] {
  if (flags.library?.length) return flags.library.map((d) => path.resolve(d));
  const found = findLayerUp(cwd);
  return found ? [found] : [];
}

export function templatesDir(flags: LibraryFlags): string | undefined {
  return flags.templates ? path.resolve(flags.templates) : undefined;
}
