// `ordkit textconv FILE.docx`: a draft's text, one paragraph a line, for
// git's textconv so that `git diff` of DOCX drafts is readable.
// `ordkit textconv --install` writes the git configuration with this ordkit's
// own absolute path: git never looks the name up in a package registry.
import { Command } from "commander";

export interface TextconvFlags {
  comments?: boolean;
  install?: boolean;
  global?: boolean;
}

export function textconvCommand(): Command {
  return new Command("textconv")
    .description("print the text of a DOCX draft, one paragraph per line (for git diff textconv); --install sets git up to use it")
    .argument("[file]", "a .docx file")
    .option("--comments", "also print each Word comment under its paragraph, and the risk memo")
    .option("--install", "configure git in this repository: diff.ordkit.textconv runs this ordkit by its absolute path, and .gitattributes gets *.docx diff=ordkit")
    .option("--global", "with --install: write the git setting to your global git config (each repository still needs the .gitattributes line)")
    .addHelpText(
      "after",
      `
Make git diff show DOCX drafts as text (run inside the repository):
  $ ordkit textconv --install
  $ ordkit textconv --install --comments     (also comments and the risk memo)
  $ git diff draft.docx

The setting names this ordkit's own files (node and bin/ordkit.js by absolute
path), so git never resolves "ordkit" through npx or a package registry.`,
    )
    .action(async (file: string | undefined, flags: TextconvFlags) => {
      const { runTextconv } = await import("./textconv-run.js");
      await runTextconv(file, flags);
    });
}
