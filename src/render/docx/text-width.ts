/**
 * Estimated text widths for sizing table columns. Arial shares Helvetica's advance widths, so the
 * standard Helvetica metrics (thousandths of an em) give a close estimate without reading fonts.
 */

// Advance widths of the printable ASCII characters, from U+0020 (space) to U+007E (~).
// prettier-ignore
const ASCII_WIDTHS = [
  278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, // space – /
  556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, // 0 – ?
  1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, // @ – O
  667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, // P – _
  333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, // ` – o
  556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584, // p – ~
] as const;

/** Width of a character outside ASCII: accented letters are about as wide as "e"; emoji and CJK a full em. */
function otherWidth(code: number): number {
  if (code >= 0x2e80) return 1000;
  return 556;
}

/** Estimated width of `text` in Arial, in ems; bold text runs about 8% wider. */
export function measureEm(text: string, bold = false): number {
  let total = 0;
  for (const char of text) {
    const code = char.codePointAt(0) ?? 32;
    total += code >= 32 && code <= 126 ? (ASCII_WIDTHS[code - 32] ?? 556) : otherWidth(code);
  }
  return (total / 1000) * (bold ? 1.08 : 1);
}

// How much wider than Arial a font sets the same text, for the fonts a house style is likely to
// name (measured on running Dutch text). Unknown fonts count a little wide: a column that is a
// bit too wide costs less than a header that breaks in the middle of a word.
const FONT_WIDTH: Readonly<Record<string, number>> = {
  arial: 1,
  helvetica: 1,
  "liberation sans": 1,
  arimo: 1,
  verdana: 1.21,
  tahoma: 1.06,
  "dejavu sans": 1.18,
  "trebuchet ms": 1.04,
  "segoe ui": 1.02,
  "open sans": 1.08,
  georgia: 1.1,
  calibri: 0.92,
  cambria: 0.98,
  "times new roman": 0.9,
  "century gothic": 1.15,
};

/** The width of `font` relative to Arial when idokit knows the font (see above). */
export function knownFontWidthFactor(font: string): number | undefined {
  return FONT_WIDTH[font.trim().toLowerCase()];
}

/** The width of a font idokit knows that sets text the widest (Verdana). */
export const WIDEST_KNOWN_FONT = Math.max(...Object.values(FONT_WIDTH));

/** The width of `font` relative to Arial (see above); 1.1 for a font not in the list. */
export function fontWidthFactor(font: string): number {
  return FONT_WIDTH[font.trim().toLowerCase()] ?? 1.1;
}
