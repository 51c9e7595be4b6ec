/**
 * Slide Markdown → PowerPoint (.pptx), 16:9, with speaker notes.
 *
 * # Slide Markdown, for template authors
 *
 * A presentation is Markdown in which every slide is separated by a line that is exactly `---`.
 *
 * ```markdown
 * <!-- layout: titel -->
 * # Vaardigheidstraining IDO
 * Bibliotheek Zuid
 * 12 maart 2026
 *
 * ???
 * Welkom iedereen. Stel jezelf en de trainingsacteur voor.
 *
 * ---
 *
 * # Wat doen we vandaag?
 *
 * - **Luisteren**, samenvatten en doorvragen
 * - Warm doorverwijzen
 *   - naar partners in de buurt
 * ```
 *
 * - **Layout.** The first line of a slide may be `<!-- layout: NAAM -->`:
 *   - `titel`: title slide in the house colour. The `#` heading is the title; every following
 *     line is a subtitle line (date, place, library).
 *   - `sectie`: section divider in the house colour, with the same title and subtitle lines.
 *   - `opsomming` (the default): title plus a body of paragraphs and lists.
 *   - `twee-kolommen`: the body is split in a left and a right column by a line `|||`; each
 *     column may start with its own heading (`### Kop`).
 *   - `tabel`: an optional introduction followed by a table (GFM, `| a | b |`); the header row
 *     is set in the house colour.
 *   - `citaat`: a large quote, e.g. what a customer says first. Write the quote as `> ...` (or as
 *     the first paragraph); the paragraph after it is the attribution (`— Bezoeker`; a leading
 *     dash is optional).
 *   An unknown layout name is an error that names the slide.
 * - **Title.** The first `#` heading of a slide is its title.
 * - **Body.** Paragraphs; bullet lists with two levels (indent the second level); numbered
 *   lists (`1.`); `**vet**` and `*cursief*`; `##`/`###` headings inside the body; tables (on any
 *   layout). Links show their text, followed by the address when it differs. Images are not
 *   shown (their alt text is). HTML comments are ignored; other HTML is shown as written.
 * - **Speaker notes.** Everything after a line that is exactly `???` is the slide's notes. Notes
 *   are plain text: Markdown markers are removed; paragraphs and list items become lines.
 * - **Literal text.** Backslash-escaped characters (`\*`, `\&`, `\<`, `\|` in tables) and HTML
 *   entities (`&amp;`) come out as the character itself; emoji and accents are kept; control
 *   characters are removed.
 * - **Fitting.** Nothing runs off a slide: a body that is too long is first set a size or two
 *   smaller, then continues on extra slides titled "… (vervolg)" (tables repeat their header
 *   row). Keep slides short anyway: a continuation slide is a hint that a slide says too much.
 */
import { InputError } from "../../errors.js";
import type { Theme } from "../theme.js";
import { drawFrame, LANGUAGE } from "./draw.js";
import { layoutSlide, type LayoutContext } from "./layout.js";
import { finishPackage } from "./package.js";
import type { RenderedDocument } from "../rendered.js";
import { parseSlides } from "./parse-slides.js";
import { createPresentation, writeParts } from "./pptxgenjs.js";
import { stripControlCharacters } from "../text.js";

export interface PptxOptions {
  theme: Theme;
  /** Deck title for metadata. */
  title: string;
  /** Small footer text on content slides, e.g. library name + date. Optional. */
  footer?: string;
  /** Fixed creation time for reproducible output. Optional. */
  created?: Date;
}

/**
 * Renders slide Markdown (see the module comment for the dialect) to the bytes of a .pptx file.
 *
 * @example
 * const pptx = await renderPptx("# Welkom\n\n- eerste punt\n\n???\nZeg hallo.", {
 *   theme: buildTheme(),
 *   title: "Vaardigheidstraining",
 *   footer: "Bibliotheek Zuid · 12 maart 2026",
 *   created: new Date("2026-03-01T09:00:00Z"),
 * });
 */
export async function renderPptx(markdown: string, options: PptxOptions): Promise<Uint8Array> {
  return (await renderPptxDocument(markdown, options)).data;
}

/** `renderPptx`, with the package's parts beside its bytes (for the pack's own check). */
export async function renderPptxDocument(
  markdown: string,
  options: PptxOptions,
): Promise<RenderedDocument> {
  const theme = checkTheme(options.theme);
  // 1. Parse the Markdown into slides.
  const sources = parseSlides(markdown);
  if (sources.length === 0) {
    throw new InputError("De presentatie bevat geen dia's.", {
      hint: "Controleer het sjabloon: dia's worden gescheiden door een regel met alleen ---.",
    });
  }
  // 2. Lay every slide out, adding continuation slides where a body does not fit.
  // The house style's footer line follows the document's own footer.
  const footer = [options.footer, theme.footerText]
    .filter((part): part is string => part !== undefined)
    .map((part) => stripControlCharacters(part).replace(/\s+/g, " ").trim())
    .filter((part) => part !== "")
    .join(" · ");
  const ctx: LayoutContext = { theme, footer: footer || undefined };
  const frames = sources.flatMap((source) => layoutSlide(source, ctx));
  // 3. Draw the frames with pptxgenjs.
  const title = stripControlCharacters(options.title).replace(/\s+/g, " ").trim();
  const pptx = createPresentation();
  pptx.layout = "LAYOUT_WIDE";
  pptx.theme = { headFontFace: theme.font.heading, bodyFontFace: theme.font.body };
  pptx.author = "idokit";
  pptx.company = "";
  pptx.subject = "";
  pptx.title = title;
  for (const frame of frames) drawFrame(pptx, frame, theme.logo);
  const parts = await writeParts(pptx);
  // 4. Repair, add notes and metadata, and compress.
  return finishPackage(parts, {
    notes: frames.map((frame) => frame.notes),
    title,
    created: options.created ?? new Date(),
    language: LANGUAGE,
    bulletColor: theme.color.heading,
  });
}

/** Colours must be 6-digit hex without '#': anything else would corrupt the XML. */
function checkTheme(theme: Theme): Theme {
  const color = { ...theme.color };
  const problems: { where: string; message: string }[] = [];
  for (const [key, value] of Object.entries(color) as [keyof Theme["color"], string][]) {
    const normal = value.trim().replace(/^#/, "").toUpperCase();
    if (/^[0-9A-F]{6}$/.test(normal)) color[key] = normal;
    else
      problems.push({
        where: `thema, kleur ${key}`,
        message: `"${value}" is geen kleur. Gebruik zes hexadecimale cijfers, bijvoorbeeld 1F4E79.`,
      });
  }
  if (problems.length > 0)
    throw new InputError("Het thema bevat een ongeldige kleur.", { problems });
  return { ...theme, color };
}
