/**
 * The one theme shared by the .docx and .pptx renderers: fonts, colours, sizes and margins.
 * Colours are 6-digit hex without '#', as both libraries want them.
 */
export interface Logo {
  data: Uint8Array;
  type: "png" | "jpeg";
  /** Pixel size, used to keep the aspect ratio. */
  width: number;
  height: number;
}

export interface Theme {
  font: { body: string; heading: string };
  color: {
    /** The house colour as chosen: fills (bands, title slides, table header rows). */
    primary: string;
    /** A darker shade of the house colour, for fills next to it (strips). */
    primaryDark: string;
    /** The house colour for text on white: the chosen one, or a darker tint that reads (4.5:1). */
    heading: string;
    /** A darker shade of `heading`, for third-level headings. */
    headingDark: string;
    accent: string;
    text: string;
    muted: string;
    tableHeaderText: string;
    tableStripe: string;
    border: string;
    background: string;
  };
  /** Font sizes in points. */
  size: {
    body: number;
    small: number;
    h1: number;
    h2: number;
    h3: number;
    title: number;
    subtitle: number;
    slideTitle: number;
    slideBody: number;
    slideSmall: number;
    handout: number;
  };
  /** Page geometry for documents, in millimetres (A4 portrait). */
  page: {
    width: number;
    height: number;
    marginTop: number;
    marginBottom: number;
    marginLeft: number;
    marginRight: number;
  };
  logo?: Logo;
  /** The name on title pages and the title slide, beside the logo (a POI's or library's name). */
  titleName?: string;
  /** A line in the footer of every page and content slide. */
  footerText?: string;
}

export const DEFAULT_PRIMARY = "1F4E79";
export const DEFAULT_ACCENT = "D97700";
export const DEFAULT_FONT = "Arial";

/** WCAG AA: normal text needs 4.5:1 against its background; lines and shapes 3:1. */
export const TEXT_CONTRAST = 4.5;
export const GRAPHIC_CONTRAST = 3;

/** Mixes a colour towards black (`amount` < 0) or white (`amount` > 0), amount in -1..1. */
export function shade(hex: string, amount: number): string {
  const channels = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16));
  const mixed = channels.map((c) => {
    const target = amount < 0 ? 0 : 255;
    return Math.round(c + (target - c) * Math.abs(amount));
  });
  return mixed
    .map((c) => c.toString(16).padStart(2, "0"))
    .join("")
    .toUpperCase();
}

/** Relative luminance (WCAG) of a hex colour, 0 (black) to 1 (white). */
export function luminance(hex: string): number {
  const [r, g, b] = [0, 2, 4].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

/** WCAG contrast ratio of two colours, 1 (none) to 21 (black on white). */
export function contrast(a: string, b: string): number {
  const [high, low] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (high! + 0.05) / (low! + 0.05);
}

/**
 * Text on a coloured background: white or near-black, whichever reads better; pure black for the
 * few mid-tones where near-black stays just under 4.5:1.
 */
export function readableOn(hex: string): string {
  const best = contrast(hex, "FFFFFF") >= contrast(hex, "111111") ? "FFFFFF" : "111111";
  return contrast(hex, best) >= TEXT_CONTRAST ? best : "000000";
}

/** The colour itself when text in it reads on white (4.5:1), else the lightest darker tint that does. */
export function readableOnWhite(hex: string): string {
  for (let step = 0; step <= 20; step++) {
    const tint = shade(hex, -step / 20);
    if (contrast(tint, "FFFFFF") >= TEXT_CONTRAST) return tint;
  }
  return "000000";
}

/** Formats a contrast ratio the Dutch way: `2,9:1`. */
const ratio = (value: number): string => `${value.toFixed(1).replace(".", ",")}:1`;

/**
 * What a person should know about colours that make text or lines hard to see (WCAG AA), in
 * Dutch; `where` names the setting ("de hoofdkleur in huisstijl.yaml"). Empty when all is well.
 */
export function contrastWarnings(
  colours: { primary?: string | undefined; accent?: string | undefined },
  where: { primary: string; accent: string },
): string[] {
  const warnings: string[] = [];
  const { primary, accent } = colours;
  if (primary !== undefined) {
    const onWhite = contrast(primary, "FFFFFF");
    if (onWhite < TEXT_CONTRAST)
      warnings.push(
        `${where.primary} #${primary} is te licht voor tekst op wit (contrast ${ratio(onWhite)}; minimaal ${ratio(TEXT_CONTRAST)}). Koppen krijgen daarom de donkerdere tint #${readableOnWhite(primary)}; vlakken houden jullie eigen kleur. Kies een donkerdere kleur als je dat niet wilt.`,
      );
  }
  if (accent !== undefined) {
    const onWhite = contrast(accent, "FFFFFF");
    if (onWhite < GRAPHIC_CONTRAST)
      warnings.push(
        `${where.accent} #${accent} is op wit nauwelijks te zien (contrast ${ratio(onWhite)}; minimaal ${ratio(GRAPHIC_CONTRAST)} voor lijnen en accenten). Kies een donkerdere kleur.`,
      );
  }
  return warnings;
}

/** What a theme is built from: a POI's huisstijl with the library's own answers laid over it. */
export interface ThemeOptions {
  primary?: string | undefined;
  accent?: string | undefined;
  headingFont?: string | undefined;
  bodyFont?: string | undefined;
  logo?: Logo | undefined;
  titleName?: string | undefined;
  footerText?: string | undefined;
}

/** Builds the theme: the defaults, with a house style's colours, fonts, logo and texts. */
export function buildTheme(options: ThemeOptions = {}): Theme {
  const primary = options.primary ?? DEFAULT_PRIMARY;
  // A light house colour would make headings unreadable on white: text gets a darker tint.
  const heading = readableOnWhite(primary);
  return {
    font: {
      body: options.bodyFont ?? DEFAULT_FONT,
      heading: options.headingFont ?? options.bodyFont ?? DEFAULT_FONT,
    },
    color: {
      primary,
      primaryDark: shade(primary, -0.35),
      heading,
      headingDark: shade(heading, -0.35),
      accent: options.accent ?? DEFAULT_ACCENT,
      text: "222222",
      muted: "5F6B76",
      tableHeaderText: readableOn(primary),
      tableStripe: shade(primary, 0.9),
      border: "B8C2CC",
      background: "FFFFFF",
    },
    size: {
      body: 11,
      small: 9,
      h1: 18,
      h2: 14,
      h3: 12,
      title: 30,
      subtitle: 16,
      slideTitle: 28,
      slideBody: 20,
      slideSmall: 14,
      handout: 20,
    },
    page: {
      width: 210,
      height: 297,
      marginTop: 25,
      marginBottom: 22,
      marginLeft: 22,
      marginRight: 22,
    },
    ...(options.logo ? { logo: options.logo } : {}),
    ...(options.titleName ? { titleName: options.titleName } : {}),
    ...(options.footerText ? { footerText: options.footerText } : {}),
  };
}
