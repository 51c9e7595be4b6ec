/**
 * Markdown → .docx renderer for the documents of a pack (draaiboek, briefing, casuslijst,
 * handleiding, werkafsprakenformulier).
 *
 * The Markdown dialect, for template authors:
 *
 * - `#`, `##`, `###` headings become Word's Heading 1–3 (they show in the navigation pane);
 *   deeper headings look like `###`. A heading always stays on the page of the text after it.
 *   A heading or title too long for one line is split into lines of similar width (never one
 *   word alone on the last line), and "IDO-…" compounds get a non-breaking hyphen.
 * - Paragraphs with `**vet**`, `*cursief*`, `` `code` ``, `~~doorgehaald~~`, links
 *   (`[tekst](https://…)` prints as "tekst (…)") and hard line breaks (two spaces or `\` at the
 *   end of a line, or `<br>`).
 * - Bullet lists (`-`) and numbered lists (`1.`), nested by indenting; every numbered list starts
 *   at its own first number. Task items `- [ ] …` and `- [x] …` print ☐ and ☒ (checklists).
 * - `> …` quotes: indented, italic, with a coloured bar (a customer's opening line).
 * - GFM tables: the header row repeats on every page and rows never split across pages; a short
 *   table (up to eight rows) stays on one page as a whole.
 * - A short paragraph right before a list, table or quote ("Belonen. Dit gedrag …:") stays on
 *   the page of what it introduces.
 * - `***` on its own line: a thin horizontal rule. Do not use `---` for rules.
 * - Values inserted by templates are backslash-escaped (`Bieb \*Zuid\* \& \<Oost\>`) and print
 *   literally; HTML entities such as `&amp;` are decoded; other HTML tags are left out.
 *
 * Layout directives are HTML comments on a line of their own:
 *
 * - `<!-- titelpagina -->` … `<!-- /titelpagina -->`: the title page. Its first `#` heading is the
 *   big title, paragraphs are subtitle lines and a bullet list holds key facts. The theme's logo
 *   appears above the title. The title page has no header or footer; the text after it starts on
 *   a new page.
 * - `<!-- pagina -->`: start a new page.
 * - `<!-- bijeen -->` … `<!-- /bijeen -->`: keep everything in between on one page (a role card):
 *   it moves to the next page as a whole when it does not fit. A part longer than a page still
 *   breaks, as Word must.
 * - `<!-- kolommen: 15,25,60 -->` directly before a table: relative column widths in percent of
 *   the text width, one number per column. Without it, widths follow the content.
 * - `<!-- invulregels: 5 -->`: five empty lines to write on (fill-in forms).
 * - `<!-- rijhoogte: 12 -->` directly before a table: its rows are at least 12 mm high (room to
 *   sign a presentielijst or write in a cell).
 * - `<!-- kaartjes: 2, 62 -->` directly before a list: each item becomes a card to cut out, in a
 *   grid of 2 columns, each card 62 mm high, with dashed cutting lines (voornemenkaartjes).
 * - `<!-- kaart -->` … `<!-- /kaart -->`: a card to cut out: the Markdown between the two comments
 *   in a box with a dashed border, half a page high, so two cards fit on a page. A card never
 *   splits across pages; a card with more text grows and the next card moves to the next page.
 *   Inside a card: headings, paragraphs, lists and quotes (no tables).
 *
 * Any other comment is ignored.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  ImageRun,
  PageNumber,
  Paragraph,
  SectionType,
  TextRun,
  type File,
  type FileChild,
  type ISectionOptions,
} from "docx";
import type { Logo, Theme } from "../theme.js";
import { BlockBuilder } from "./blocks.js";
import { buildLook, halfPoints, type Look } from "./look.js";
import type { BlockData, ParagraphData } from "./model.js";
import { NumberingRegistry } from "./numbering.js";
import { withSeededRandom } from "../seeded-random.js";
import { abstractNumXml, frameFor, numXml } from "./frame.js";
import { buildCoreXml, zipParts } from "./pack.js";
import { BodyWriter, escapeText } from "./xml.js";
import { STYLE, buildStyles } from "./styles.js";
import type { RenderedDocument } from "../rendered.js";
import { stripControlCharacters } from "../text.js";
import { lexMarkdown } from "../markdown.js";

export interface DocxOptions {
  theme: Theme;
  /** Document title for metadata (docProps) */
  title: string;
  /** Text in the page header on every page except the title page, e.g. the library name. Optional. */
  header?: string;
  /** Large type (theme.size.handout) for hand-outs to participants. */
  large?: boolean;
  /** Fixed creation time for reproducible output (docProps and zip entry dates). Optional. */
  created?: Date;
}

/** The application named as the documents' creator. */
const CREATOR = "idokit";
/** Footer text around the page numbers: "Pagina 3 van 7". */
const PAGE_LABEL = { page: "Pagina ", of: " van " } as const;
/** The logo fits in this box on the title page, keeping its aspect ratio (pixels at 96 dpi). */
const LOGO_BOX = { width: 188, height: 94 } as const; // just under 5 cm × 2.5 cm

/** The logo at the top of a document without a title page (a hand-out): smaller, to the right. */
const SMALL_LOGO_BOX = { width: 132, height: 48 } as const; // 3.5 cm × 1.3 cm

function logoParagraph(logo: Logo, box: { width: number; height: number } = LOGO_BOX): Paragraph {
  const scale = Math.min(box.width / logo.width, box.height / logo.height);
  return new Paragraph({
    spacing: { before: 0, after: 0 },
    ...(box === LOGO_BOX ? {} : { alignment: AlignmentType.RIGHT, keepNext: true }),
    children: [
      new ImageRun({
        type: logo.type === "jpeg" ? "jpg" : "png",
        data: logo.data,
        transformation: {
          width: Math.max(1, Math.round(logo.width * scale)),
          height: Math.max(1, Math.round(logo.height * scale)),
        },
        // docx counts drawing ids across all documents of the process; the logo is this
        // document's only drawing, and a fixed id keeps batch output reproducible.
        altText: { id: "1", name: "Logo", description: "Logo", title: "Logo" },
      }),
    ],
  });
}

function pageHeader(text: string | undefined, look: Look): Header {
  if (!text) return new Header({ children: [new Paragraph({ style: STYLE.header })] });
  return new Header({
    children: [
      new Paragraph({
        style: STYLE.header,
        border: {
          bottom: { style: BorderStyle.SINGLE, size: 4, color: look.theme.color.border, space: 4 },
        },
        children: [new TextRun(text)],
      }),
    ],
  });
}

/** "Pagina 3 van 7", after the house style's footer line when it has one. */
function pageFooter(text: string | undefined): Footer {
  return new Footer({
    children: [
      new Paragraph({
        style: STYLE.footer,
        alignment: AlignmentType.CENTER,
        children: [
          new TextRun({
            children: [
              ...(text ? [`${text} · `] : []),
              PAGE_LABEL.page,
              PageNumber.CURRENT,
              PAGE_LABEL.of,
              PageNumber.TOTAL_PAGES,
            ],
          }),
        ],
      }),
    ],
  });
}

/** The house style's name on the title page, under the logo, in the heading colour. */
function titleNameParagraph(name: string, look: Look): ParagraphData {
  const { theme } = look;
  return {
    type: "p",
    spacing: { before: 120, after: 480 },
    keepNext: true,
    runs: [
      {
        text: name,
        bold: true,
        font: theme.font.heading,
        color: theme.color.heading,
        size: halfPoints(theme.size.subtitle),
      },
    ],
  };
}

function sectionPage(look: Look) {
  const { page } = look;
  return {
    size: { width: page.width, height: page.height },
    margin: {
      top: page.top,
      bottom: page.bottom,
      left: page.left,
      right: page.right,
      // Header and footer sit halfway in the margins.
      header: Math.round(page.top / 2),
      footer: Math.round(page.bottom / 2),
      gutter: 0,
    },
  };
}

/**
 * Renders Markdown (the output of a document template) into .docx bytes, styled with the theme.
 * Pure: no I/O. See the top of this file for the Markdown dialect and layout directives.
 *
 * The body is idokit's own block model written as XML (xml.ts). The docx library builds the rest
 * (styles, settings, headers, footers, section properties, the logo, list definitions) around a
 * placeholder paragraph per section, once per process for documents that share it (frame.ts);
 * the body takes the placeholders' place in word/document.xml, and the document's own lists and
 * title go into numbering.xml and core.xml.
 *
 * @example
 * const bytes = await renderDocx("# Draaiboek\n\nTekst", { theme: buildTheme(), title: "Draaiboek" });
 */
export async function renderDocx(markdown: string, options: DocxOptions): Promise<Uint8Array> {
  return (await renderDocxDocument(markdown, options)).data;
}

/**
 * `renderDocx`, with the package's parts as written into the zip beside its bytes: the pack's
 * own check reads the parts instead of unzipping what was just zipped.
 */
export function renderDocxDocument(
  markdown: string,
  options: DocxOptions,
): Promise<RenderedDocument> {
  // docx draws ids for hyperlinks, text boxes and drawings from Math.random: seeded, the same
  // Markdown gives the same bytes (reproducible packs).
  return withSeededRandom(DOCX_RANDOM_SEED, () => buildDocx(markdown, options));
}

export const DOCX_RANDOM_SEED = 20261128;

/** What a document's Markdown becomes before it is written: its look, lists and blocks. */
export interface DocxLayout {
  look: Look;
  numbering: NumberingRegistry;
  /** The title page's blocks (after the logo), when the document has a title page. */
  title: BlockData[] | undefined;
  /** The body's blocks (after the small logo of a hand-out); undefined for a title page only. */
  body: BlockData[] | undefined;
}

/** Parses the Markdown and lays out its blocks. */
export function layoutDocx(markdown: string, options: DocxOptions): DocxLayout {
  const look = buildLook(options.theme, options.large === true);
  const tokens = lexMarkdown(stripControlCharacters(markdown));
  const numbering = new NumberingRegistry(look);
  const builder = new BlockBuilder(look, numbering);
  builder.blocks(tokens);
  const { titlePage, body } = builder.finish();
  const name = oneLine(options.theme.titleName);
  return {
    look,
    numbering,
    title: titlePage && [...(name ? [titleNameParagraph(name, look)] : []), ...titlePage],
    // A document that is only a title page gets no empty second page; Word needs at least one
    // paragraph in a section.
    body:
      titlePage && body.length === 0
        ? undefined
        : body.length > 0
          ? body
          : [{ type: "p", runs: [] }],
  };
}

/** The text of the page header, if any. */
function headerText(options: DocxOptions): string | undefined {
  return options.header ? stripControlCharacters(options.header).trim() || undefined : undefined;
}

function oneLine(text: string | undefined): string | undefined {
  return text ? stripControlCharacters(text).replace(/\s+/g, " ").trim() || undefined : undefined;
}

/**
 * The docx library's document: styles, numbering, headers, footers and sections, with `content`
 * as the sections' children after the logo.
 */
export function buildDocument(
  layout: DocxLayout,
  options: DocxOptions,
  content: { title: FileChild[]; body: FileChild[] },
): File {
  const { look } = layout;
  const page = sectionPage(look);
  const header = headerText(options);
  const sections: ISectionOptions[] = [];
  const { logo } = options.theme;
  if (layout.title) {
    sections.push({
      properties: { page },
      children: [...(logo ? [logoParagraph(logo)] : []), ...content.title],
    });
  }
  if (layout.body) {
    sections.push({
      properties: { page, ...(layout.title ? { type: SectionType.NEXT_PAGE } : {}) },
      headers: { default: pageHeader(header, look) },
      footers: { default: pageFooter(oneLine(options.theme.footerText)) },
      // A hand-out without a title page carries the house style's logo at the top of its first page.
      children: [
        ...(!layout.title && logo ? [logoParagraph(logo, SMALL_LOGO_BOX)] : []),
        ...content.body,
      ],
    });
  }
  return new Document({
    title: stripControlCharacters(options.title),
    creator: CREATOR,
    lastModifiedBy: CREATOR,
    styles: buildStyles(look),
    numbering: layout.numbering.toOptions(),
    sections,
  });
}

/** The text of the placeholder paragraph that marks where a section's blocks go. */
const PLACEHOLDER = { title: "idokit-title-page", body: "idokit-body" } as const;
/** The page header's text in a frame, where each document's own goes (a library's name). */
const HEADER_PLACEHOLDER = "idokit-page-header";
const HEADER_PART = /^word\/header\d+\.xml$/;

function placeholder(text: string): Paragraph {
  return new Paragraph({ children: [new TextRun(text)] });
}

/** The placeholder as the library writes it, with the section properties it may carry. */
function placeholderPattern(text: string): RegExp {
  return new RegExp(
    `<w:p>(?:<w:pPr>(<w:sectPr>(?:(?!</w:sectPr>)[\\s\\S])*</w:sectPr>)</w:pPr>)?` +
      `<w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`,
  );
}

/**
 * Stands for the section properties in the title page's XML until the library has written them;
 * a control character never survives stripControlCharacters, so no text can hold it.
 */
const SECTION_END = "\u0000section\u0000";

/** Puts `xml` in the placeholder's place, with the section properties the placeholder carried. */
function fillPlaceholder(documentXml: string, text: string, xml: string): string {
  const match = placeholderPattern(text).exec(documentXml);
  if (!match) throw new Error(`word/document.xml: placeholder ${text} not found`);
  const sectionProperties = match[1] ?? "";
  const filled = xml.split(SECTION_END).join(sectionProperties);
  return (
    documentXml.slice(0, match.index) + filled + documentXml.slice(match.index + match[0].length)
  );
}

/** A number per logo image for frame keys: the same image data, the same number. */
const logoIds = new WeakMap<object, number>();
let nextLogoId = 1;

function logoId(data: object): number {
  let id = logoIds.get(data);
  if (id === undefined) {
    id = nextLogoId++;
    logoIds.set(data, id);
  }
  return id;
}

/**
 * Names everything the library's part of a document depends on: the theme and type size (styles,
 * page, header and footer look), the texts in header and footer, the logo and which sections
 * there are. Not the body, the lists or the title: those are per document.
 */
function frameKey(layout: DocxLayout, options: DocxOptions, titlePlaceholder: boolean): string {
  const { logo, ...theme } = options.theme;
  return JSON.stringify([
    theme,
    logo ? [logoId(logo.data), logo.type, logo.width, logo.height] : null,
    layout.look.large,
    headerText(options) !== undefined,
    layout.title !== undefined,
    titlePlaceholder,
    layout.body !== undefined,
  ]);
}

async function buildDocx(markdown: string, options: DocxOptions): Promise<RenderedDocument> {
  const layout = layoutDocx(markdown, options);
  const title = layout.title && layout.title.length > 0 ? layout.title : undefined;
  // The library's parts, with placeholders for the body and without the document's own lists.
  const header = headerText(options);
  const frame = frameFor(frameKey(layout, options, title !== undefined), () =>
    buildDocument(
      { ...layout, numbering: new NumberingRegistry(layout.look) },
      { ...options, header: header === undefined ? undefined : HEADER_PLACEHOLDER },
      {
        title: title ? [placeholder(PLACEHOLDER.title)] : [],
        body: layout.body ? [placeholder(PLACEHOLDER.body)] : [],
      },
    ),
  );

  // The document's lists: its definitions after the library's, and a list (w:num) for every
  // list in the order the body first uses it, as the library numbers them.
  const { config } = layout.numbering.toOptions();
  const definitions = new Map(
    config.map(({ reference, levels }, i) => [
      reference,
      { id: frame.abstractCount + 1 + i, levels },
    ]),
  );
  const lists = new Map<string, number>();
  let listsXml = "";
  const writer = new BodyWriter((reference, instance) => {
    const key = `${reference}\u0000${instance}`;
    let numId = lists.get(key);
    if (numId === undefined) {
      const definition = definitions.get(reference);
      if (!definition) throw new Error(`numbering: no list ${reference}`);
      numId = frame.numCount + 1 + lists.size;
      lists.set(key, numId);
      listsXml += numXml(numId, definition.id, definition.levels);
    }
    return numId;
  });
  let documentXml = frame.parts.get(DOCUMENT);
  if (typeof documentXml !== "string") throw new Error(`${DOCUMENT} missing`);
  if (title)
    documentXml = fillPlaceholder(
      documentXml,
      PLACEHOLDER.title,
      writer.blocks(title, SECTION_END),
    );
  if (layout.body)
    documentXml = fillPlaceholder(documentXml, PLACEHOLDER.body, writer.blocks(layout.body));
  const { head, middle, tail } = frame.numbering;
  let definitionsXml = "";
  for (const { id, levels } of definitions.values()) definitionsXml += abstractNumXml(levels, id);

  const created = options.created ?? new Date();
  const parts = new Map(frame.parts);
  if (header !== undefined) {
    const written = `<w:t xml:space="preserve">${HEADER_PLACEHOLDER}</w:t>`;
    let filled = 0;
    for (const [path, xml] of parts) {
      if (!HEADER_PART.test(path) || typeof xml !== "string" || !xml.includes(written)) continue;
      parts.set(
        path,
        xml.replace(written, () => `<w:t xml:space="preserve">${escapeText(header)}</w:t>`),
      );
      filled++;
    }
    if (filled !== 1) throw new Error(`page header: ${filled} placeholders filled, expected 1`);
  }
  parts.set(DOCUMENT, documentXml);
  parts.set(NUMBERING, head + definitionsXml + middle + listsXml + tail);
  parts.set(
    CORE,
    buildCoreXml({ title: stripControlCharacters(options.title), creator: CREATOR, created }),
  );
  return { data: zipParts(parts, created), parts };
}

const DOCUMENT = "word/document.xml";
const NUMBERING = "word/numbering.xml";
const CORE = "docProps/core.xml";
