/**
 * Slide geometry in inches (16:9, PowerPoint's "widescreen" 13.333 × 7.5 in).
 */
export const SLIDE_WIDTH = 13.333;
export const SLIDE_HEIGHT = 7.5;
export const MARGIN_X = 0.75;
export const CONTENT_WIDTH = SLIDE_WIDTH - 2 * MARGIN_X;

/** Content slides: the coloured band at the top, the title, the body and the footer line. */
export const TOP_BAND_HEIGHT = 0.1;
export const TITLE_TOP = 0.45;
export const TITLE_MAX_HEIGHT = 1.7;
export const ACCENT_GAP = 0.12;
export const ACCENT_RULE = { width: 1.1, height: 0.06 };
export const BODY_GAP = 0.32;
export const BODY_BOTTOM = 6.7;
export const FOOTER_RULE_Y = 6.88;
export const FOOTER_Y = 6.96;
export const FOOTER_HEIGHT = 0.32;
export const SLIDE_NUMBER_WIDTH = 1.2;
/** Logo in the corner of content slides. */
export const CORNER_LOGO = { maxWidth: 1.7, maxHeight: 0.6, top: 0.35 };
/** Logo on the title slide, on a white card. */
export const TITLE_LOGO = { maxWidth: 2.6, maxHeight: 1.0, padding: 0.18 };

/** Fits an image of the given pixel size into a box, keeping its aspect ratio. */
export function fitImage(
  pixelWidth: number,
  pixelHeight: number,
  maxWidth: number,
  maxHeight: number,
): { w: number; h: number } {
  const ratio = pixelWidth > 0 && pixelHeight > 0 ? pixelWidth / pixelHeight : 1;
  const w = Math.min(maxWidth, maxHeight * ratio);
  return { w, h: w / ratio };
}
