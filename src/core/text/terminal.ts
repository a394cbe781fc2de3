// Text from input files shown on a terminal (error snippets, names in a batch
// summary): control characters are shown as escapes, never sent raw, so an
// ESC sequence in a cell cannot recolour, move or clear the user's terminal.

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F]/g;
// eslint-disable-next-line no-control-regex
const CONTROL_OR_NEWLINE = /[\u0000-\u001F\u007F-\u009F]/g;

const escape = (c: string): string => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`;

/** The text with control characters other than line feeds shown as \uXXXX. */
export function visible(text: string): string {
  return text.replace(CONTROL, escape);
}

/** One line of the text, every control character (line feeds too) shown as \uXXXX. */
export function visibleLine(text: string): string {
  return text.replace(CONTROL_OR_NEWLINE, escape);
}
