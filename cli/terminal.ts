/**
 * What the CLI writes to a terminal. Scenario text (titles, names, the keys and values quoted in
 * error messages) and file paths are the author's or anyone's, and a terminal obeys the control
 * characters in what it prints: ESC ]0;...BEL retitles the window, ESC [2J clears the screen, a
 * carriage return or a bidi override makes a line read as something else. So every character
 * that controls rather than shows is written as its `\uXXXX` escape (ESC is `\u001b`): the C0
 * controls, DEL, the C1 controls U+0080 to U+009F, and the bidi overrides and isolates U+202A to
 * U+202E and U+2066 to U+2069.
 *
 * `\uXXXX` is JSON's own escape, so the JSON report passes through unchanged in meaning: its
 * strings already have C0 escaped by JSON.stringify, and a C1 or bidi character in them (data,
 * which JSON.stringify leaves raw) becomes an escape that JSON.parse reads back as the same
 * character. The JSON stays valid JSON.
 */

/** Everything that controls the terminal, line breaks included. */
const CONTROLS = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
/** The same but line breaks, for output whose lines the CLI laid out itself. */
const CONTROLS_BUT_LINE_BREAKS = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

const escape = (c: string) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

/**
 * `text` with each control character written as its `\uXXXX` escape.
 * @param keepLineBreaks keep `\n` as a line break (text the CLI laid out in lines); tabs are escaped either way
 */
export function visible(text: string, keepLineBreaks = false): string {
  return text.replace(keepLineBreaks ? CONTROLS_BUT_LINE_BREAKS : CONTROLS, escape);
}

/** Where the CLI writes: standard output and standard error. */
export interface Terminal {
  out: (s: string) => void;
  err: (s: string) => void;
  /** A piece of a long standard output (a streamed report), with its own line breaks. */
  write?: (chunk: string) => void;
}

/**
 * `io` with everything written to it made visible: the one place CLI output passes through. Standard
 * output keeps its line breaks (tables, the JSON report); each write to standard error is one
 * message line, so a line break in it is escaped too and no text can forge a `path:LINE:COL` line.
 */
export function visibleIo<T extends Terminal>(io: T): T {
  const { write } = io;
  return {
    ...io,
    out: (s: string) => io.out(visible(s, true)),
    err: (s: string) => io.err(visible(s)),
    write: write && ((s: string) => write(visible(s, true))),
  };
}
