// The example amending ordinance's answers and chapter in a temp dir, edited per test.
import { copyFileSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fromRoot } from "../helpers.js";
import { tempDir } from "../tmp.js";

const EXAMPLE = fromRoot("examples", "alameda-bay-ca-amending-ordinance.yaml");
const CHAPTER = fromRoot("examples", "existing", "alameda-bay-chapter-2.72.md");

/** The example's answers and chapter in a temp dir, with the answers edited. */
export function workspace(edit: (answers: string) => string = (a) => a, chapterText?: string, chapterName = "chapter.md"): { dir: string; answers: string } {
  const dir = tempDir();
  if (chapterText === undefined) copyFileSync(CHAPTER, path.join(dir, chapterName));
  else writeFileSync(path.join(dir, chapterName), chapterText);
  const answers = path.join(dir, "answers.yaml");
  writeFileSync(answers, edit(readFileSync(EXAMPLE, "utf8").replace("file: existing/alameda-bay-chapter-2.72.md", `file: ${chapterName}`)));
  return { dir, answers };
}

