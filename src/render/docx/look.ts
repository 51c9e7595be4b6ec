import type { Theme } from "../theme.js";

/** Monospace font for code; Courier New exists in Word everywhere and LibreOffice maps it metrically. */
export const MONO_FONT = "Courier New";
/** Font for the ☐/☒ of task lists: Arial has no ballot boxes, Segoe UI Symbol has them in Word. */
export const SYMBOL_FONT = "Segoe UI Symbol";

const TWIPS_PER_MM = 1440 / 25.4;

/** Millimetres to twentieths of a point (twips, "DXA"), the unit of Word's page geometry. */
export function mmToTwips(mm: number): number {
  return Math.round(mm * TWIPS_PER_MM);
}

/** Points to the half-points that Word uses for font sizes. */
export function halfPoints(points: number): number {
  return Math.round(points * 2);
}

/**
 * The theme resolved for one document: font sizes in points (large or normal type), page geometry
 * in twips, and a scale for spacing and indents so large type keeps its proportions.
 */
export interface Look {
  theme: Theme;
  large: boolean;
  /** Body size relative to the theme's normal body size; 1 for normal documents. */
  scale: number;
  size: {
    body: number;
    small: number;
    table: number;
    /** Tables with many columns: hand-out type would leave one word per line. */
    wideTable: number;
    code: number;
    h1: number;
    h2: number;
    h3: number;
    title: number;
    subtitle: number;
  };
  page: {
    width: number;
    height: number;
    top: number;
    bottom: number;
    left: number;
    right: number;
  };
  /** Width between the margins, in twips: what tables fill. */
  textWidth: number;
}

/** Builds the look of a document from the theme; `large` switches to hand-out type. */
export function buildLook(theme: Theme, large: boolean): Look {
  const body = large ? theme.size.handout : theme.size.body;
  const scale = body / theme.size.body;
  // Headings grow with the body so they still stand out above large hand-out text.
  const grow = (points: number): number => Math.round(points * scale);
  const page = {
    width: mmToTwips(theme.page.width),
    height: mmToTwips(theme.page.height),
    top: mmToTwips(theme.page.marginTop),
    bottom: mmToTwips(theme.page.marginBottom),
    left: mmToTwips(theme.page.marginLeft),
    right: mmToTwips(theme.page.marginRight),
  };
  return {
    theme,
    large,
    scale,
    size: {
      body,
      small: theme.size.small,
      // Nothing in the body below 11 pt (accessibility): tables get the body size; in large
      // hand-outs a little smaller than the large body.
      table: large ? Math.round(body * 0.85) : body,
      wideTable: theme.size.body,
      code: large ? Math.round(body * 0.85) : body,
      h1: grow(theme.size.h1),
      h2: grow(theme.size.h2),
      h3: grow(theme.size.h3),
      title: Math.max(theme.size.title, grow(theme.size.h1) + 4),
      subtitle: Math.max(theme.size.subtitle, body + 2),
    },
    page,
    textWidth: page.width - page.left - page.right,
  };
}

/** Scales a spacing or indent in twips with the type size, rounded to whole twips. */
export function space(look: Look, twips: number): number {
  return Math.round(twips * look.scale);
}
