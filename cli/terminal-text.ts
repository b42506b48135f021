/**
 * Text from a workbook printed to a terminal: cell text is data, so escape sequences
 * (colours, cursor moves, window titles, hyperlinks) and control characters in it must
 * never reach the terminal.
 */

/** ANSI/VT escape sequences: CSI (ESC [ or U+009B), OSC/DCS/APC/PM/SOS strings, and two-byte ESC sequences. */
const ESCAPE_SEQUENCE = new RegExp(
  [
    "(?:\\u001b\\[|\\u009b)[\\u0030-\\u003f]*[\\u0020-\\u002f]*[\\u0040-\\u007e]?", // CSI ... final byte
    "(?:\\u001b[\\]PX^_]|[\\u009d\\u0090\\u0098\\u009e\\u009f])[^\\u0007\\u001b\\u009c]*(?:\\u0007|\\u001b\\\\|\\u009c)?", // OSC/DCS/SOS/PM/APC strings
    "\\u001b[\\u0020-\\u002f]*[\\u0030-\\u007e]?", // other ESC sequences (ESC c, ESC ( B, ...)
  ].join("|"),
  "g",
);

/** C0 and C1 control characters and DEL. */
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;

/** Unicode bidirectional overrides and isolates, which can make printed text lie about its order. */
const BIDI_CONTROL = /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/g;

/**
 * Cell text safe for one line of terminal output: escape sequences removed, line breaks
 * and tabs become a space, other control characters removed.
 */
export function terminalSafe(text: string): string {
  return text
    .replace(ESCAPE_SEQUENCE, "")
    .replace(/[\r\n\t\v\f\u2028\u2029]+/g, " ")
    .replace(CONTROL, "")
    .replace(BIDI_CONTROL, "");
}
