// End to end: drives the real CLI in a terminal (tmux) through a whole
// interview, goes back from the review screen, and reads the DOCX it wrote.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, readdirSync } from "node:fs";
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
    // A server whose last session just ended may still be exiting when the next
    // session starts ("server exited unexpectedly"): start again on a fresh one.
    for (let attempt = 1; ; attempt++) {
      try {
        tmux("new-session", "-d", "-s", name, "-x", "200", "-y", "50", "-c", cwd, `${cmd}; echo EXIT=$?; sleep 120`);
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
  await term.answer(/What date should the draft carry\?/, "2026-06-01");
  for (const q of [/Does the jurisdiction have a trust/, /Is there a written policy on immigration detainers/, /Does any local agency have a 287\(g\)/, /Is there an existing rule on access/, /Does the police department have a rule on facial/, /Does the police department have a rule on visible/, /Is there a body-worn camera policy/, /Which office handles public-records requests today/, /Should the ordinance be codified/, /Does it repeal or rescind existing provisions/]) {
    await term.answer(q, "");
  }
  await term.waitFor(/Keep Washington Working Act \(2019\)/);
  await term.answer(/What is the state's law on local cooperation/, "");
  // Modules: property-use (first) and public-records (fourth).
  await term.answer(/Which modules should the draft include\?/, "", "Space", "Down", "Down", "Down", "Space", "Enter");
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
  assert.match(saved, /state: WA/);
  assert.match(saved, /instrument: executive-order/);
  assert.match(saved, /authority: Section 4-100 of the Tmuxville Charter/);
  assert.doesNotMatch(saved, /Councilmember Lee/, "the sponsor no longer applies");
  assert.match(saved, /# How often, in days, should new requests be filed\?\n\s+interval_days: 120/);
});

test("Ctrl-C in the interview exits 130 and writes nothing", { skip, timeout: 60_000 }, async (t) => {
  t.after(() => spawnSync("tmux", ["-L", SOCKET, "kill-server"]));
  const dir = tempDir();
  const term = Terminal.start("interrupt", dir, ["draft", "--out", "draft.docx", "--save-answers", "answers.yaml"]);
  await term.answer(/What is the jurisdiction's full formal name\?/, "City of Quitting");
  await term.waitFor(/^\? What kind of jurisdiction is it\?/m);
  term.keys("C-c");
  await term.waitFor(/^EXIT=\d+/m);
  assert.match(term.screen(), /^EXIT=130$/m, term.screen());
  assert.deepEqual(readdirSync(dir), []);
  assert.ok(!existsSync(path.join(dir, "answers.yaml")));
});

test("the end of input (Ctrl-D) in the interview exits 2, says why, and writes nothing", { skip, timeout: 60_000 }, async (t) => {
  t.after(() => spawnSync("tmux", ["-L", SOCKET, "kill-server"]));
  const dir = tempDir();
  const term = Terminal.start("eof", dir, ["draft", "--out", "draft.docx", "--save-answers", "answers.yaml"]);
  await term.answer(/What is the jurisdiction's full formal name\?/, "City of Ending");
  await term.waitFor(/^\? What kind of jurisdiction is it\?/m);
  term.keys("C-d");
  await term.waitFor(/^EXIT=\d+/m);
  const screen = term.screen();
  assert.match(screen, /^EXIT=2$/m, screen);
  assert.match(screen, /the input ended \(Ctrl-D\) before every question was answered; no output was written/);
  assert.deepEqual(readdirSync(dir), []);
});

test("closing the terminal during the interview ends ordkit with a message and an error code, never a core dump", { skip, timeout: 60_000 }, async (t) => {
  t.after(() => spawnSync("tmux", ["-L", SOCKET, "kill-server"]));
  const dir = tempDir();
  const status = path.join(dir, "..", `${path.basename(dir)}-status.json`);
  const stderrFile = path.join(dir, "..", `${path.basename(dir)}-stderr.txt`);
  const cmd = ["env", "-u", "CI", "NO_COLOR=1", `ORDKIT_TEST_STATUS_FILE=${status}`, `ORDKIT_TEST_STDERR_FILE=${stderrFile}`, process.execPath, fromRoot("test/fixtures/hostile/exit-status.mjs"), fromRoot("bin/ordkit.js"), "draft", "--out", "draft.docx"].map(shellQuote).join(" ");
  tmux("new-session", "-d", "-s", "hangup", "-x", "200", "-y", "50", "-c", dir, cmd);
  const term = new Terminal("hangup");
  await term.waitFor(/^\? What is the jurisdiction's full formal name\?/m);
  tmux("kill-session", "-t", "hangup");
  for (let waited = 0; !existsSync(status) && waited < 20_000; waited += 50) await new Promise((r) => setTimeout(r, 50));
  const ended = JSON.parse(readFileSync(status, "utf8")) as { code: number | null; signal: string | null };
  assert.ok(ended.code === 2 || ended.code === 130, `ended with ${JSON.stringify(ended)}`);
  const stderr = readFileSync(stderrFile, "utf8");
  assert.match(stderr, /terminal closed|interrupted \(SIGHUP\)/, stderr);
  assert.doesNotMatch(stderr, /Assertion failed|setRawMode|^\s+at /m, stderr);
  assert.deepEqual(readdirSync(dir), []);
});
