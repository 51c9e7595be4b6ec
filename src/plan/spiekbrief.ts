import { enumerate } from "../domain/format.js";
import { knownFontWidthFactor, measureEm, WIDEST_KNOWN_FONT } from "../render/docx/text-width.js";

/**
 * The spiekbrief is one A4 page, whatever the house style and however many local partners a
 * library has (the wizard allows 20). The skills part is fixed; the library's partners get the
 * room that is left, in the fullest form that fits:
 *
 * 1. `volledig`: each partner with what for and how to hand over;
 * 2. `kort`: each partner with what for; how to hand over is in the draaiboek;
 * 3. `namen`: the partners' names in one sentence, as many as fit, "en nog N andere".
 *
 * The estimate counts lines at 11 pt in the house style's body font (how much wider than Arial it
 * sets text); a font idokit does not know counts as the widest it knows (Verdana, about 21%
 * wider than Arial). Without a house style (a dry run) it assumes that widest font and a logo.
 * The room was measured in LibreOffice with a little to spare; test/pack/extras.test.ts counts
 * the pages of the widest cases.
 */

export interface SpiekbriefFit {
  vorm: "volledig" | "kort" | "namen";
  volledig: boolean;
  kort: boolean;
  namen: boolean;
  /** With `namen`: the names that fit, in the answers' order. */
  getoond: string[];
  /** With `namen`: how many partners are left out of the sentence. */
  overige: number;
  /** With `namen`: the names as a Dutch list, "A, B en nog 12 andere"; empty when none fit. */
  namenTekst: string;
}

export interface PartnerText {
  naam: string;
  waarvoor: string;
  overdracht: string;
}

/** What the room on the page depends on: the body font, and a logo at the top. */
export interface SpiekbriefLayout {
  bodyFont?: string | undefined;
  logo?: boolean | undefined;
  /** The page header's text (library and location): a long one takes more lines. */
  header?: string | undefined;
}

/** Bold names run about 8% wider. */
const BOLD = 1.08;
/** The text width (166 mm) and a list item's (less the 0.25 inch indent), in points. */
const LINE_POINTS = 470;
const ITEM_LINE_POINTS = 470 - 18;
const BODY_POINTS = 11;
/** The space after a list item and after a paragraph, in lines. */
const ITEM_GAP = 0.3;
const PARAGRAPH_GAP = 0.6;
/**
 * Lines left on the page for the partners below the skills part and their heading, with a
 * library name that fits the intro's two lines (measured: 14.8 in Verdana's stand-in); a logo
 * at the top takes two and a half.
 */
const PARTNER_LINES = 13.5;
const LOGO_LINES = 2.5;
/** The header's type (9 pt) next to the body's, and what a second header line takes. */
const HEADER_SCALE = 9 / 11;
const HEADER_LINE = 0.8;
/** The intro sentence around the library's name, in ems (for the lines a long name adds). */
const INTRO =
  "Voor aan de IDO-tafel van . Laat de bezoeker zelf typen en inloggen; bewaar niets op de computer van de bibliotheek.";
const INTRO_LINES = 2;
/** The line under the short forms that says where the rest is. */
const NOTE_LINES = 2;

const linesOf = (em: number, lineEm: number): number => Math.max(1, Math.ceil(em / lineEm));

/** How the spiekbrief lists these partners so that it stays on one page. */
export function fitSpiekbrief(
  organisatie: string,
  partners: readonly PartnerText[],
  layout: SpiekbriefLayout = {},
): SpiekbriefFit {
  const width =
    (layout.bodyFont === undefined ? undefined : knownFontWidthFactor(layout.bodyFont)) ??
    WIDEST_KNOWN_FONT;
  const lineEm = LINE_POINTS / BODY_POINTS / width;
  const itemLineEm = ITEM_LINE_POINTS / BODY_POINTS / width;
  const introLines = linesOf(measureEm(INTRO) + measureEm(organisatie), lineEm);
  const headerLines = linesOf(measureEm(layout.header ?? organisatie) * HEADER_SCALE, lineEm);
  const room =
    PARTNER_LINES -
    (layout.logo === false ? 0 : LOGO_LINES) -
    Math.max(0, introLines - INTRO_LINES) -
    (headerLines - 1) * HEADER_LINE;
  const item = (bold: string, rest: string): number =>
    linesOf(measureEm(bold) * BOLD + measureEm(rest), itemLineEm) + ITEM_GAP;
  const sum = (values: number[]): number => values.reduce((a, b) => a + b, 0);

  const full = sum(partners.map((p) => item(p.naam, `, voor ${p.waarvoor}. ${p.overdracht}`)));
  if (full <= room) return fit("volledig");
  const short = sum(partners.map((p) => item(p.naam, `, voor ${p.waarvoor}.`))) + NOTE_LINES;
  if (short <= room) return fit("kort");

  // Names only: as many as fit in the room, the rest counted.
  const names: string[] = [];
  const sentence = (shown: readonly string[], rest: number): number =>
    linesOf(
      measureEm(
        `Jullie partners: ${shown.join(", ")}${rest > 0 ? `, en nog ${rest} andere` : ""}.`,
      ),
      lineEm,
    ) +
    PARAGRAPH_GAP +
    NOTE_LINES;
  for (const partner of partners) {
    const rest = partners.length - names.length - 1;
    if (sentence([...names, partner.naam], rest) > room) break;
    names.push(partner.naam);
  }
  const overige = partners.length - names.length;
  return {
    ...fit("namen"),
    getoond: names,
    overige,
    namenTekst:
      names.length === 0
        ? ""
        : enumerate(overige > 0 ? [...names, `nog ${overige} andere`] : names),
  };

  function fit(vorm: SpiekbriefFit["vorm"]): SpiekbriefFit {
    return {
      vorm,
      volledig: vorm === "volledig",
      kort: vorm === "kort",
      namen: vorm === "namen",
      getoond: [],
      overige: 0,
      namenTekst: "",
    };
  }
}
