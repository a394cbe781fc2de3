// V8 runs a regular expression in its interpreter the first time and compiles
// it to machine code on its next use, except on a subject of 1,000 characters
// or more, which it compiles to machine code at once. The reader's patterns
// run many times in any read, even of one section, so interpreting each first
// only adds a compilation: about a third of a cold check's reading time.
// native() registers a pattern; when the first read starts (compileForReading),
// each registered pattern is run once on a long blank subject, so that its
// first real use is already compiled, and so is each pattern registered later.
// Importing the reader compiles nothing. Nothing changes in what a pattern
// matches; if the engine's rule changes, only this saving is lost.
const BLANK = " ".repeat(1024);

let reading = false;
const pending: RegExp[] = [];

function compile(re: RegExp): void {
  re.test(BLANK);
  re.lastIndex = 0;
}

export function native<T extends RegExp>(re: T): T {
  if (reading) compile(re);
  else pending.push(re);
  return re;
}

/** Compiles every registered pattern, and from now on each one as it is registered. */
export function compileForReading(): void {
  if (reading) return;
  reading = true;
  for (const re of pending) compile(re);
  pending.length = 0;
}

/** A shared global or sticky pattern, ready to search from the start of a new text. */
export function fromStart<T extends RegExp>(re: T): T {
  re.lastIndex = 0;
  return re;
}
