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
    primary: string;
    primaryDark: string;
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
}

export const DEFAULT_PRIMARY = "1F4E79";

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

/** Near-black or white, whichever has the higher contrast on the given background colour. */
export function readableOn(hex: string): string {
  return contrast(hex, "FFFFFF") >= contrast(hex, "111111") ? "FFFFFF" : "111111";
}

/** Builds the theme, optionally with the library's own primary colour and logo. */
export function buildTheme(
  options: { primary?: string | undefined; logo?: Logo | undefined } = {},
): Theme {
  // A very light house colour would make headings unreadable on white: darken it for text use.
  const chosen = options.primary ?? DEFAULT_PRIMARY;
  const primary = luminance(chosen) > 0.45 ? shade(chosen, -0.45) : chosen;
  return {
    font: { body: "Arial", heading: "Arial" },
    color: {
      primary,
      primaryDark: shade(primary, -0.35),
      accent: "E07B00",
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
  };
}
