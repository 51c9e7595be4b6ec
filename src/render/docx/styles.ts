import { AlignmentType, BorderStyle, LineRuleType, ShadingType, type IStylesOptions } from "docx";
import { MONO_FONT, halfPoints, space, type Look } from "./look.js";

/** Ids of the paragraph styles this renderer defines beside Word's built-in headings. */
export const STYLE = {
  subtitle: "Subtitle",
  fact: "TitleFact",
  quote: "Quote",
  code: "Code",
  tableText: "TableText",
  tableHeading: "TableHeading",
  listParagraph: "ListParagraph",
  header: "Header",
  footer: "Footer",
} as const;

/** Line spacing of body text: 1.15 lines, Word's own default, reads well on paper. */
const LINE = 276;

/**
 * Builds the document's styles from the look: defaults, Word's built-in Heading 1–3 (so the
 * navigation pane works) and the renderer's own styles, so paragraphs carry a style id instead of
 * repeating formatting.
 */
export function buildStyles(look: Look): IStylesOptions {
  const { theme, size } = look;
  const heading = (
    points: number,
    color: string,
    before: number,
    after: number,
    level: number,
  ) => ({
    run: { font: theme.font.heading, size: halfPoints(points), bold: true, color },
    paragraph: {
      spacing: {
        before: space(look, before),
        after: space(look, after),
        line: 240,
        lineRule: LineRuleType.AUTO,
      },
      keepNext: true,
      keepLines: true,
      outlineLevel: level,
    },
  });
  return {
    default: {
      document: {
        // Dutch, so Word checks spelling (and hyphenates, if asked) in Dutch.
        run: {
          font: theme.font.body,
          size: halfPoints(size.body),
          color: theme.color.text,
          language: { value: "nl-NL" },
        },
        paragraph: {
          spacing: { after: space(look, 140), line: LINE, lineRule: LineRuleType.AUTO },
        },
      },
      heading1: {
        ...heading(size.h1, theme.color.heading, 360, 140, 0),
        paragraph: {
          ...heading(size.h1, theme.color.heading, 360, 140, 0).paragraph,
          // A thin rule under chapter titles gives long documents a clear rhythm.
          border: {
            bottom: { style: BorderStyle.SINGLE, size: 6, color: theme.color.heading, space: 4 },
          },
        },
      },
      heading2: heading(size.h2, theme.color.heading, 300, 100, 1),
      heading3: heading(size.h3, theme.color.headingDark, 220, 80, 2),
      title: {
        run: {
          font: theme.font.heading,
          size: halfPoints(size.title),
          bold: true,
          color: theme.color.heading,
        },
        paragraph: {
          spacing: { before: 0, after: space(look, 240), line: 240, lineRule: LineRuleType.AUTO },
          keepNext: true,
          border: {
            bottom: { style: BorderStyle.SINGLE, size: 24, color: theme.color.accent, space: 12 },
          },
        },
      },
      listParagraph: {
        paragraph: { spacing: { after: space(look, 60) } },
      },
    },
    paragraphStyles: [
      {
        id: STYLE.subtitle,
        name: "Subtitle",
        basedOn: "Normal",
        next: "Normal",
        quickFormat: true,
        run: { size: halfPoints(size.subtitle), color: theme.color.muted },
        paragraph: { spacing: { after: space(look, 120) } },
      },
      {
        id: STYLE.fact,
        name: "Title Fact",
        basedOn: "Normal",
        run: { size: halfPoints(size.body + 1) },
        paragraph: {
          spacing: { after: space(look, 80) },
          indent: { left: space(look, 200) },
          border: {
            left: { style: BorderStyle.SINGLE, size: 18, color: theme.color.heading, space: 8 },
          },
        },
      },
      {
        id: STYLE.quote,
        name: "Quote",
        basedOn: "Normal",
        next: "Normal",
        quickFormat: true,
        run: { italics: true, color: theme.color.text },
        paragraph: {
          indent: { left: space(look, 400), right: space(look, 400) },
          spacing: { before: space(look, 60), after: space(look, 160) },
          border: {
            left: { style: BorderStyle.SINGLE, size: 24, color: theme.color.accent, space: 10 },
          },
        },
      },
      {
        id: STYLE.code,
        name: "Code",
        basedOn: "Normal",
        run: { font: MONO_FONT, size: halfPoints(size.code) },
        paragraph: {
          spacing: { after: space(look, 140), line: 240, lineRule: LineRuleType.AUTO },
          indent: { left: space(look, 120), right: space(look, 120) },
          shading: { type: ShadingType.CLEAR, color: "auto", fill: "F3F4F6" },
        },
      },
      {
        id: STYLE.tableText,
        name: "Table Text",
        basedOn: "Normal",
        run: { size: halfPoints(size.table) },
        paragraph: { spacing: { before: 0, after: 0, line: 252, lineRule: LineRuleType.AUTO } },
      },
      {
        id: STYLE.tableHeading,
        name: "Table Heading",
        basedOn: STYLE.tableText,
        run: { bold: true, color: theme.color.tableHeaderText },
        paragraph: { keepNext: true },
      },
      {
        id: STYLE.header,
        name: "header",
        basedOn: "Normal",
        run: { size: halfPoints(size.small), color: theme.color.muted },
        paragraph: { alignment: AlignmentType.RIGHT, spacing: { after: 0 } },
      },
      {
        id: STYLE.footer,
        name: "footer",
        basedOn: "Normal",
        run: { size: halfPoints(size.small), color: theme.color.muted },
        paragraph: { alignment: AlignmentType.CENTER, spacing: { after: 0 } },
      },
    ],
  };
}
