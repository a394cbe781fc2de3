// End to end: drives the real CLI in a terminal (tmux) through a whole
// interview, goes back from the review screen, and reads the DOCX it wrote.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { unzipSync } from "fflate";
import { fromRoot } from "../helpers.js";
import { tempDir } from "../tmp.js";

const hasTmux = spawnSync("tmux", ["-V"], { encoding: "utf8" }).status === 0;
const skip = hasTmux ? false : process.env.CI ? false : "tmux is not installed (CI installs it)";
const SOCKET = `ordkit-test-${process.pid}`;

function tmux(...args: string[]): string {
  const r = spawnSync("tmux", ["-L", SOCKET, ...args], { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`tmux ${args.join(" ")}: ${r.stderr}`);
  return r.stdout;
}

class Terminal {
  constructor(readonly name: string) {}

  static start(name: string, cwd: string, args: string[]): Terminal {
    const cmd = ["env", "-u", "CI", "NO_COLOR=1", process.execPath, fromRoot("bin/ordkit.js"), ...args].map(shellQuote).join(" ");
    return Terminal.run(name, cwd, `${cmd}; echo EXIT=$?; sleep 120`);
  }

  /** A session running a shell command as given. */
  static run(name: string, cwd: string, command: string): Terminal {
    // A server whose last session just ended may still be exiting when the next
    // session starts ("server exited unexpectedly"): start again on a fresh one.
    for (let attempt = 1; ; attempt++) {
      try {
        tmux("new-session", "-d", "-s", name, "-x", "200", "-y", "50", "-c", cwd, command);
        return new Terminal(name);
      } catch (err) {
        if (attempt >= 3 || !/server exited unexpectedly|no server running|lost server/.test(String(err))) throw err;
        spawnSync("sleep", ["0.3"]);
      }
    }
  }

  screen(): string {
    return tmux("capture-pane", "-p", "-t", this.name);
  }

  /** Waits until the screen matches; fails with the screen when it does not. */
  async waitFor(re: RegExp, timeout = 10_000): Promise<void> {
    const until = Date.now() + timeout;
    for (;;) {
      if (re.test(this.screen())) return;
      if (Date.now() > until) assert.fail(`timed out waiting for ${re}; the screen:\n${this.screen()}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  /** Waits for the prompt (a line beginning "? " and the question), then types text and the keys. */
  async answer(question: RegExp, text: string, ...keys: string[]): Promise<void> {
    await this.waitFor(new RegExp(`^\\? ${question.source}`, "m"));
    if (text) tmux("send-keys", "-t", this.name, "-l", text);
    for (const k of keys.length ? keys : ["Enter"]) tmux("send-keys", "-t", this.name, k);
    // Wait for the prompt to be answered before the next one.
    await this.waitFor(new RegExp(`^✔ ${question.source}`, "m"));
  }

  keys(...keys: string[]): void {
    for (const k of keys) tmux("send-keys", "-t", this.name, k);
  }
}

function shellQuote(s: string): string {
  return /^[\w./=-]+$/.test(s) ? s : `'${s.replace(/'/g, "'\\''")}'`;
}

function docxText(file: string): string {
  const xml = new TextDecoder().decode(unzipSync(readFileSync(file))["word/document.xml"]);
  return xml.replace(/<w:p[ >][\s\S]*?<\/w:p>/g, (p) => p.replace(/<[^>]+>/g, "") + "\n").replace(/<[^>]+>/g, "");
}

test("a full interview in a terminal, with a change from the review screen, writes the draft and the answers", { skip, timeout: 120_000 }, async (t) => {
  t.after(() => spawnSync("tmux", ["-L", SOCKET, "kill-server"]));
  const dir = tempDir();
  const term = Terminal.start("full", dir, ["draft", "--out", "draft.docx", "--save-answers", "answers.yaml"]);

  await term.answer(/What is the jurisdiction's full formal name\?/, "City of Tmuxville");
  await term.answer(/What kind of jurisdiction is it\?/, "");
  await term.answer(/In which state is it\?/, "wa");
  await term.answer(/What is the legislative body called\?/, "");
  await term.answer(/What is the chief executive's title\?/, "");
  await term.answer(/Which instrument should be drafted\?/, "");
  await term.answer(/Who introduces it\?/, "Councilmember Lee");
  await term.answer(/What is the executive's name\?/, "");
  await term.answer(/Who attests it\?/, "City Clerk");
  await term.answer(/What number should it carry\?/, "2026-042");
  await term.answer(/What date should the draft carry\?/, "June 1, 2026");
  // Modules: property-use (first) and public-records (fourth).
  await term.answer(/Which modules should the draft include\?/, "", "Space", "Down", "Down", "Down", "Space", "Enter");
  // Questions on existing rules come after the modules, and only those the chosen modules use.
  for (const q of [/Does the jurisdiction have a trust/, /Is there an existing rule on access/, /Should the ordinance be codified/, /Does it repeal or rescind existing provisions/]) {
    await term.answer(q, "");
  }
  await term.waitFor(/Keep Washington Working Act/);
  await term.answer(/What is the state's law on local cooperation/, "");
  await term.answer(/Which agencies should the rule on staging areas cover\?/, "");
  await term.answer(/Should the jurisdiction offer private property owners a voluntary program/, "");
  await term.answer(/Which kinds of property should the rule name expressly\?/, "");
  await term.answer(/Within how many days must departments identify/, "");
  await term.answer(/Should departments post signs/, "");
  await term.answer(/Which office should file and track the requests\?/, "");
  await term.answer(/Which federal agencies or components should receive the requests\?/, "");
  // A value out of bounds is refused with the reason, then corrected.
  await term.waitFor(/^\? How often, in days, should new requests be filed\?/m);
  term.keys("1", "0", "Enter");
  await term.waitFor(/must be at least 30/);
  term.keys("BSpace", "BSpace");
  await term.answer(/How often, in days, should new requests be filed\?/, "120");
  await term.answer(/Within how many days after the effective date should the first requests be filed\?/, "");
  await term.answer(/Within how many days after receiving records should they be published\?/, "");
  await term.answer(/How many days after final adoption should the ordinance take effect\?/, "");

  // The review screen lists the answers; go back and make it an executive order.
  await term.waitFor(/^\? Review the answers/m);
  await term.waitFor(/jurisdiction\.name = City of Tmuxville/);
  tmux("send-keys", "-t", "full", "-l", "instrument");
  await term.waitFor(/❯ instrument = ordinance/);
  term.keys("Enter");
  await term.waitFor(/^\? Which instrument should be drafted\?/m);
  term.keys("Down", "Enter");
  // A question that now applies is asked; the others are not asked again.
  await term.answer(/Which charter or code provision authorizes the executive/, "Section 4-100 of the Tmuxville Charter");
  await term.waitFor(/^\? Review the answers/m);
  await term.waitFor(/instrument = executive-order/);
  term.keys("Enter");
  await term.waitFor(/^EXIT=\d+/m, 30_000);
  const screen = term.screen();
  assert.match(screen, /^EXIT=0$/m, screen);
  assert.match(screen, /wrote draft\.docx \(executive-order/);

  const text = docxText(path.join(dir, "draft.docx"));
  assert.match(text, /EXECUTIVE ORDER NO\. 2026-042/);
  assert.match(text, /Section 4-100 of the Tmuxville Charter/);
  assert.match(text, /CITY OF TMUXVILLE|City of Tmuxville/);
  assert.match(text, /one hundred twenty \(120\) days/, "the changed interval");
  const saved = readFileSync(path.join(dir, "answers.yaml"), "utf8");
  // The schema line comes first, with a path that works from where the file is.
  const ref = /^# yaml-language-server: \$schema=(\S+)$/.exec(saved.split("\n")[0]!)?.[1];
  assert.ok(ref, saved.slice(0, 200));
  assert.ok(existsSync(path.resolve(dir, ref)), ref);
  assert.match(saved, /state: WA/);
  assert.match(saved, /date: "2026-06-01"/);
  assert.doesNotMatch(saved, /detainer_policy|records_office/, "questions of modules not chosen are not asked");
  assert.match(saved, /instrument: executive-order/);
  assert.match(saved, /authority: Section 4-100 of the Tmuxville Charter/);
  assert.doesNotMatch(saved, /Councilmember Lee/, "the sponsor no longer applies");
  assert.match(saved, /# How often, in days, should new requests be filed\?\n\s+interval_days: 120/);
});

test("Ctrl-C keeps the answers so far and says where; the same command resumes from them", { skip, timeout: 60_000 }, async (t) => {
  t.after(() => spawnSync("tmux", ["-L", SOCKET, "kill-server"]));
  const dir = tempDir();
  const term = Terminal.start("interrupt", dir, ["draft", "--out", "draft.docx", "--save-answers", "answers.yaml"]);
  await term.answer(/What is the jurisdiction's full formal name\?/, "City of Quitting");
  await term.waitFor(/^\? What kind of jurisdiction is it\?/m);
  term.keys("C-c");
  await term.waitFor(/^EXIT=\d+/m);
  assert.match(term.screen(), /^EXIT=130$/m, term.screen());
  assert.match(term.screen(), /your answers so far are kept in draft\.partial-answers\.yaml/);
  assert.deepEqual(readdirSync(dir), ["draft.partial-answers.yaml"], "no draft, no answers file: only the kept answers");
  assert.match(readFileSync(path.join(dir, "draft.partial-answers.yaml"), "utf8"), /name: City of Quitting/);

  const again = Terminal.start("resume", dir, ["draft", "--out", "draft.docx", "--save-answers", "answers.yaml"]);
  await again.waitFor(/resuming the interview from the answers kept in draft\.partial-answers\.yaml/);
  // The name is not asked again: the next question is the kind.
  await again.waitFor(/^\? What kind of jurisdiction is it\?/m);
  assert.doesNotMatch(again.screen(), /What is the jurisdiction's full formal name/);
  again.keys("C-c");
  await again.waitFor(/^EXIT=\d+/m);
  assert.match(again.screen(), /^EXIT=130$/m);
});

/** Answers every question from the modules on with what is offered (Enter), until the review screen. */
async function acceptTheRest(term: Terminal): Promise<void> {
  const lastQuestion = (screen: string): string | undefined => [...screen.matchAll(/^\? (.*)$/gm)].pop()?.[1];
  for (let i = 0; i < 60; i++) {
    // Decide on a screen that has stopped changing: a prompt half drawn under load is not yet the question.
    let screen = term.screen();
    for (let settled = 0; settled < 3; ) {
      await new Promise((r) => setTimeout(r, 60));
      const again = term.screen();
      settled = again === screen ? settled + 1 : 0;
      screen = again;
    }
    if (/^\? Review the answers/m.test(screen)) return;
    const asked = lastQuestion(screen);
    if (!asked) {
      await new Promise((r) => setTimeout(r, 50));
      continue;
    }
    term.keys("Enter");
    const until = Date.now() + 10_000;
    while (lastQuestion(term.screen()) === asked) {
      if (Date.now() > until) assert.fail(`stuck at ${asked}:\n${term.screen()}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  assert.fail(`no review screen:\n${term.screen()}`);
}

test("a county, without typing a body or executive name: the DOCX names the Board of County Commissioners", { skip, timeout: 120_000 }, async (t) => {
  t.after(() => spawnSync("tmux", ["-L", SOCKET, "kill-server"]));
  const dir = tempDir();
  const term = Terminal.start("county", dir, ["draft", "--out", "county.docx"]);
  await term.answer(/What is the jurisdiction's full formal name\?/, "Cascade County");
  await term.waitFor(/❯ county/);
  await term.answer(/What kind of jurisdiction is it\?/, "");
  await term.answer(/In which state is it\?/, "Washington");
  await term.waitFor(/\(Board of County Commissioners\)/);
  await term.answer(/What is the legislative body called\?/, "");
  await term.answer(/What is the chief executive's title\?/, "");
  await term.answer(/Which instrument should be drafted\?/, "", "Down", "Down", "Enter");
  await term.answer(/Who introduces it\?/, "");
  await term.answer(/What is the executive's name\?/, "");
  await term.answer(/Who attests it\?/, "");
  await term.answer(/What number should it carry\?/, "");
  await term.answer(/What date should the draft carry\?/, "12/15/2026");
  await term.waitFor(/Question 12 of \d+/);
  await term.answer(/Which modules should the draft include\?/, "", "Down", "Down", "Down", "Space", "Enter");
  await acceptTheRest(term);
  await term.waitFor(/jurisdiction\.legislative_body = Board of County Commissioners/);
  term.keys("Enter");
  await term.waitFor(/^EXIT=\d+/m, 30_000);
  assert.match(term.screen(), /^EXIT=0$/m, term.screen());
  const text = docxText(path.join(dir, "county.docx"));
  assert.match(text, /RESOLUTION NO\. ____/);
  assert.match(text, /BE IT RESOLVED BY THE BOARD OF COUNTY COMMISSIONERS OF CASCADE COUNTY/);
  assert.match(text, /Chair of the Board of County Commissioners/);
  assert.match(text, /Clerk of the Board/);
  assert.match(text, /ADOPTED by the Board of County Commissioners of Cascade County on December 15, 2026/);
  assert.doesNotMatch(text, /City Council|Mayor|CITY COUNCIL/);
  assert.ok(!existsSync(path.join(dir, "county.partial-answers.yaml")), "the kept answers go once the draft is written");
});

test("a town, going back one question: the DOCX names the Board of Selectmen and the First Selectman", { skip, timeout: 120_000 }, async (t) => {
  t.after(() => spawnSync("tmux", ["-L", SOCKET, "kill-server"]));
  const dir = tempDir();
  const term = Terminal.start("town", dir, ["draft", "--out", "town.docx"]);
  await term.answer(/What is the jurisdiction's full formal name\?/, "Town of Ashford");
  await term.answer(/What kind of jurisdiction is it\?/, "");
  await term.answer(/In which state is it\?/, "ct");
  await term.answer(/What is the legislative body called\?/, "");
  // Back one question from the executive's title, and the body is asked again.
  await term.waitFor(/^\? What is the chief executive's title\?/m);
  await term.waitFor(/to go back one question: type </);
  tmux("send-keys", "-t", "town", "-l", "<");
  term.keys("Enter");
  await term.waitFor(/^\? What is the legislative body called\? \(Board of Selectmen\)/m);
  term.keys("Enter");
  await term.answer(/What is the chief executive's title\?/, "");
  await term.answer(/Which instrument should be drafted\?/, "");
  await term.answer(/Who introduces it\?/, "");
  await term.answer(/What is the executive's name\?/, "");
  await term.answer(/Who attests it\?/, "");
  await term.answer(/What number should it carry\?/, "2026-7");
  await term.answer(/What date should the draft carry\?/, "December 15, 2026");
  await term.answer(/Which modules should the draft include\?/, "", "Down", "Down", "Down", "Space", "Enter");
  await acceptTheRest(term);
  term.keys("Enter");
  await term.waitFor(/^EXIT=\d+/m, 30_000);
  assert.match(term.screen(), /^EXIT=0$/m, term.screen());
  const text = docxText(path.join(dir, "town.docx"));
  assert.match(text, /THE BOARD OF SELECTMEN OF THE TOWN OF ASHFORD DOES ORDAIN/);
  assert.match(text, /First Selectman/);
  assert.match(text, /Town Clerk/);
  assert.doesNotMatch(text, /City Council|Mayor/);
});

test("switching to an executive order on the review screen asks again for an option the file set, instead of dropping the module", { skip, timeout: 120_000 }, async (t) => {
  t.after(() => spawnSync("tmux", ["-L", SOCKET, "kill-server"]));
  const dir = tempDir();
  writeFileSync(
    path.join(dir, "partial.yaml"),
    [
      "answers_version: 1",
      "instrument: ordinance",
      'number: "2026-09"',
      "jurisdiction: { name: City of Cedar Sound, kind: city, state: WA, legislative_body: City Council, executive_title: Mayor, executive_name: null, clerk_title: City Clerk }",
      "modules: [facial-coverings]",
      "options: { coverings_scope: all-officers }",
      "",
    ].join("\n"),
  );
  const term = Terminal.start("switch", dir, ["draft", "--answers", "partial.yaml", "--out", "eo.docx"]);
  await acceptTheRest(term);
  tmux("send-keys", "-t", "switch", "-l", "instrument");
  await term.waitFor(/❯ instrument = ordinance/);
  term.keys("Enter");
  await term.answer(/Which instrument should be drafted\?/, "", "Down", "Enter");
  await term.answer(/Which charter or code provision authorizes the executive/, "Article V, Section 2 of the Cedar Sound City Charter");
  // The file's all-officers cannot be used in an order: asked again, with the reason, offering what fits.
  await term.waitFor(/The earlier answer all-officers no longer fits the other answers/);
  await term.waitFor(/❯ own-officers: lowest risk/);
  await acceptTheRest(term);
  term.keys("Enter");
  await term.waitFor(/^EXIT=\d+/m, 30_000);
  const screen = term.screen();
  assert.match(screen, /^EXIT=0$/m, screen);
  assert.doesNotMatch(screen, /was requested but/, "no module dropped after the review");
  const text = docxText(path.join(dir, "eo.docx"));
  assert.match(text, /EXECUTIVE ORDER NO\. 2026-09/);
  assert.match(text, /[Ff]acial [Cc]overings?/);
});

test("the end of input (Ctrl-D) in the interview exits 2, says why, and writes no draft", { skip, timeout: 60_000 }, async (t) => {
  t.after(() => spawnSync("tmux", ["-L", SOCKET, "kill-server"]));
  const dir = tempDir();
  const term = Terminal.start("eof", dir, ["draft", "--out", "draft.docx", "--save-answers", "answers.yaml"]);
  await term.answer(/What is the jurisdiction's full formal name\?/, "City of Ending");
  await term.waitFor(/^\? What kind of jurisdiction is it\?/m);
  term.keys("C-d");
  await term.waitFor(/^EXIT=\d+/m);
  const screen = term.screen();
  assert.match(screen, /^EXIT=2$/m, screen);
  assert.match(screen, /the input ended \(Ctrl-D\) before every question was answered; no draft was written/);
  assert.match(screen, /your answers so far are kept in draft\.partial-answers\.yaml/);
  assert.deepEqual(readdirSync(dir), ["draft.partial-answers.yaml"], "no draft, no answers file: only the kept answers");
});

test("closing the terminal during the interview ends ordkit with a message and an error code, never a core dump", { skip, timeout: 60_000 }, async (t) => {
  t.after(() => spawnSync("tmux", ["-L", SOCKET, "kill-server"]));
  const dir = tempDir();
  const status = path.join(dir, "..", `${path.basename(dir)}-status.json`);
  const stderrFile = path.join(dir, "..", `${path.basename(dir)}-stderr.txt`);
  const cmd = ["env", "-u", "CI", "NO_COLOR=1", `ORDKIT_TEST_STATUS_FILE=${status}`, `ORDKIT_TEST_STDERR_FILE=${stderrFile}`, process.execPath, fromRoot("test/fixtures/hostile/exit-status.mjs"), fromRoot("bin/ordkit.js"), "draft", "--out", "draft.docx"].map(shellQuote).join(" ");
  const term = Terminal.run("hangup", dir, cmd);
  await term.waitFor(/^\? What is the jurisdiction's full formal name\?/m);
  tmux("kill-session", "-t", "hangup");
  for (let waited = 0; !existsSync(status) && waited < 20_000; waited += 50) await new Promise((r) => setTimeout(r, 50));
  const ended = JSON.parse(readFileSync(status, "utf8")) as { code: number | null; signal: string | null };
  assert.ok(ended.code === 2 || ended.code === 130, `ended with ${JSON.stringify(ended)}`);
  const stderr = readFileSync(stderrFile, "utf8");
  assert.match(stderr, /terminal closed|interrupted \(SIGHUP\)/, stderr);
  assert.doesNotMatch(stderr, /Assertion failed|setRawMode|^\s+at /m, stderr);
  assert.ok(!existsSync(path.join(dir, "draft.docx")));
  assert.ok(!readdirSync(dir).some((f) => f.endsWith(".tmp")), readdirSync(dir).join(", "));
});
