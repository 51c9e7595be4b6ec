/**
 * Removing what has no place in a document: C0 controls except tab and newline, DEL, C1
 * controls and the non-characters U+FFFE/U+FFFF (some make OOXML invalid, all are invisible
 * junk), and lone surrogate halves (they cannot be written as UTF-8). One definition for answers,
 * casus files and both renderers.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point here
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]/g;
const LONE_SURROGATES = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Normalises line endings and removes control characters, a BOM and lone surrogates. Every kind
 * of line break (CR LF, CR, NEL U+0085, line and paragraph separators U+2028/U+2029) becomes a
 * newline, so a break typed or pasted between two words keeps them apart instead of gluing them.
 */
export function stripControlCharacters(text: string): string {
  return text
    .replace(/^\uFEFF/, "")
    .replace(/\r\n?|\u0085|\u2028|\u2029/g, "\n")
    .replace(CONTROL_CHARACTERS, "")
    .replace(LONE_SURROGATES, "");
}
