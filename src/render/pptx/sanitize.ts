/**
 * Text clean-up shared by the slide parser: control characters out, entities decoded.
 */

// C0 controls except tab and newline, DEL, C1 controls, and the non-characters U+FFFE/U+FFFF:
// none of them is allowed (or meaningful) in OOXML text, and some make the XML invalid.
// eslint-disable-next-line no-control-regex -- matching control characters is the point here.
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]/g;
// A surrogate half without its partner cannot be encoded as UTF-8.
const LONE_SURROGATES = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Normalises line endings and removes characters that have no place in a document. */
export function stripControlCharacters(text: string): string {
  return text
    .replace(/^\uFEFF/, "")
    .replace(/\r\n?/g, "\n")
    .replace(CONTROL_CHARACTERS, "")
    .replace(LONE_SURROGATES, "");
}

const NAMED_ENTITIES: Record<string, string> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: "\u00A0",
  ndash: "\u2013",
  mdash: "\u2014",
  hellip: "\u2026",
  lsquo: "\u2018",
  rsquo: "\u2019",
  ldquo: "\u201C",
  rdquo: "\u201D",
  laquo: "\u00AB",
  raquo: "\u00BB",
  bull: "\u2022",
  middot: "\u00B7",
  euro: "\u20AC",
  copy: "\u00A9",
  reg: "\u00AE",
  trade: "\u2122",
  deg: "\u00B0",
  times: "\u00D7",
  shy: "\u00AD",
};

/**
 * Decodes HTML character references the way Markdown does (`&amp;` → `&`, `&#233;` → `é`).
 * marked's lexer leaves them in text tokens because its HTML renderer passes them through.
 * Unknown names and invalid code points stay as written.
 */
export function decodeEntities(text: string): string {
  return text.replace(
    /&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,31});/g,
    (whole, ref: string) => {
      if (ref.startsWith("#")) {
        const code =
          ref[1] === "x" || ref[1] === "X"
            ? parseInt(ref.slice(2), 16)
            : parseInt(ref.slice(1), 10);
        const allowed =
          code === 0x9 ||
          code === 0xa ||
          (code >= 0x20 && code <= 0x7e) ||
          (code >= 0xa0 &&
            code <= 0x10ffff &&
            !(code >= 0xd800 && code <= 0xdfff) &&
            code !== 0xfffe &&
            code !== 0xffff);
        return allowed ? String.fromCodePoint(code) : whole;
      }
      return NAMED_ENTITIES[ref] ?? whole;
    },
  );
}
