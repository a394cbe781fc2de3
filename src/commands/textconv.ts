// `ordkit textconv FILE.docx`: a draft's text, one paragraph a line, for
// git's textconv so that `git diff` of DOCX drafts is readable.
import { Command } from "commander";

export function textconvCommand(): Command {
  return new Command("textconv")
    .description("print the text of a DOCX draft, one paragraph per line (for git diff textconv)")
    .argument("<file>", "a .docx file")
    .addHelpText(
      "after",
      `
Make git diff show DOCX drafts as text:
  $ echo '*.docx diff=ordkit' >> .gitattributes
  $ git config diff.ordkit.textconv "npx ordkit textconv"`,
    )
    .action(async (file: string) => {
      const { docxText } = await import("../core/diff/textconv.js");
      process.stdout.write(docxText(file));
    });
}
