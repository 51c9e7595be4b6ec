import type { Token, Tokens } from "marked";
import { inlinePlainText, renderInline } from "./inline.js";
import type {
  BlockData,
  BorderData,
  CellData,
  ParagraphData,
  RowData,
  TableData,
} from "./model.js";
import { space, type Look } from "./look.js";
import { STYLE } from "./styles.js";
import { fontWidthFactor, measureEm } from "./text-width.js";

/** Twips in a millimetre (1440 per inch). */
const TWIPS_PER_MM = 1440 / 25.4;
/** Left and right cell padding in twips (about 1.8 mm). */
const CELL_PADDING = 100;
/** No column narrower than this (about 1.4 cm), so short headers like "Wie" stay on one line. */
const MIN_COLUMN = 800;
/**
 * A template's own widths (`kolommen`) may go narrower, down to 8 mm: a tick-box column of a
 * form (☐) needs no more, and its text column gets the room.
 */
const MIN_GIVEN_COLUMN = 454;
/** Tables with more columns than this keep normal type in large (hand-out) documents. */
const WIDE_TABLE = 3;
/** Lines wider than this (in ems) wrap anyway, so they ask for no more width. */
const LONG_LINE_EM = 24;
/** Tables with at most this many body rows stay on one page as a whole. */
const SHORT_TABLE_ROWS = 8;
/** Rows at the start and the end of a long table that keep together (orphan and widow rows). */
const SPLIT_KEEP_ROWS = 2;

/**
 * How a table holds together across pages: rows never split; `rows` keeps a short table on one
 * page; `all` also keeps it with what follows (a table inside a `bijeen` block).
 */
export type TableKeep = "split" | "rows" | "all";

export interface ColumnSizing {
  /** Width between the margins, in twips. */
  textWidth: number;
  /** Font size of the table text in points. */
  fontSize: number;
  /** How much wider than Arial the table's font is (`fontWidthFactor`); 1 when left out. */
  fontFactor?: number;
}

/** One table cell's visible text for sizing; header cells are bold. */
export interface CellText {
  text: string;
  bold?: boolean;
}

/** Fits widths to exactly `total` twips, keeping their proportions; the rounding goes to the last. */
const sumOf = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0);

function fitTo(widths: readonly number[], total: number): number[] {
  const sum = widths.reduce((a, b) => a + b, 0);
  const scaled = widths.map((w) => Math.max(1, Math.floor((w / sum) * total)));
  const rest = total - scaled.reduce((a, b) => a + b, 0);
  scaled[scaled.length - 1] = (scaled[scaled.length - 1] ?? 0) + rest;
  return scaled;
}

/** Measures of one column's content, in ems. */
interface ColumnMeasure {
  longestWord: number;
  longestLine: number;
  averageLine: number;
}

function measureColumn(rows: readonly (readonly CellText[])[], column: number): ColumnMeasure {
  let longestWord = 0;
  let longestLine = 0;
  let total = 0;
  let count = 0;
  for (const row of rows) {
    const cell = row[column];
    for (const line of (cell?.text ?? "").split("\n")) {
      const width = Math.min(measureEm(line.trim(), cell?.bold), LONG_LINE_EM);
      longestLine = Math.max(longestLine, width);
      total += width;
      count++;
      for (const word of line.split(/\s+/)) {
        if (word !== "") longestWord = Math.max(longestWord, measureEm(word, cell?.bold));
      }
    }
  }
  return { longestWord, longestLine, averageLine: count > 0 ? total / count : 0 };
}

/**
 * Column widths in twips that fill the text width, from relative widths (a `kolommen` directive)
 * when given and matching the column count, otherwise from the content. Every column gets room for
 * its longest word; when everything fits on one line, widths follow the longest lines; otherwise
 * the width is shared by the average amount of text, so wordy columns get the room they need
 * without any column growing wider than its longest line.
 */
export function computeColumnWidths(
  rows: readonly (readonly CellText[])[],
  sizing: ColumnSizing,
  relative?: readonly number[],
): number[] {
  const columns = Math.max(0, ...rows.map((row) => row.length));
  if (columns === 0) return [];
  const { textWidth } = sizing;
  const em = sizing.fontSize * 20 * (sizing.fontFactor ?? 1);
  // Cell padding plus a little slack, as the width estimate is not exact.
  const padding = 2 * CELL_PADDING + em * 0.3;
  const measures = Array.from({ length: columns }, (_, c) => measureColumn(rows, c));
  // A single very long word (a URL) may break rather than squeeze every other column.
  const minimum = measures.map((m) =>
    Math.max(MIN_COLUMN, Math.min(m.longestWord * em + padding, textWidth * 0.35)),
  );
  // Widths set by the template (a `kolommen` directive) are kept, except that no column is
  // narrower than its longest word: "Verklaring getekend" in a wider font must not break
  // inside a word. The room it needs comes from the other columns, in proportion.
  if (relative && relative.length === columns) {
    const minimum = measures.map((m) =>
      Math.max(MIN_GIVEN_COLUMN, Math.min(m.longestWord * em + padding, textWidth * 0.35)),
    );
    const given = fitTo(relative, textWidth);
    if (given.every((w, c) => w >= (minimum[c] ?? 0)) || sumOf(minimum) >= textWidth) return given;
    const raised = given.map((w, c) => Math.max(w, minimum[c] ?? 0));
    const extra = sumOf(raised) - textWidth;
    const spare = raised.map((w, c) => (w > (minimum[c] ?? 0) ? w - (minimum[c] ?? 0) : 0));
    const spareSum = sumOf(spare);
    return fitTo(
      raised.map((w, c) => w - (spareSum > 0 ? (extra * (spare[c] ?? 0)) / spareSum : 0)),
      textWidth,
    );
  }

  const natural = measures.map((m, c) =>
    Math.max(minimum[c] ?? MIN_COLUMN, m.longestLine * em + padding),
  );
  const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);
  if (sum(minimum) >= textWidth) return fitTo(minimum, textWidth);
  if (sum(natural) <= textWidth) return fitTo(natural, textWidth);

  // Share the width by weight; a column whose share falls below its minimum (or above its
  // longest line) is fixed there and the rest is shared again. Each round fixes a column.
  const weight = measures.map((m) => Math.max(0.5, m.averageLine));
  const fixed = new Map<number, number>();
  for (let round = 0; round < columns; round++) {
    const open = weight.map((_, c) => c).filter((c) => !fixed.has(c));
    const room = textWidth - sum([...fixed.values()]);
    const openWeight = sum(open.map((c) => weight[c] ?? 1));
    const share = (c: number) => (room * (weight[c] ?? 1)) / openWeight;
    const tooNarrow = open.filter((c) => share(c) < (minimum[c] ?? 0));
    const tooWide = open.filter((c) => share(c) > (natural[c] ?? Infinity));
    if (tooNarrow.length > 0) {
      tooNarrow.forEach((c) => fixed.set(c, minimum[c] ?? MIN_COLUMN));
    } else if (tooWide.length > 0 && tooWide.length < open.length) {
      tooWide.forEach((c) => fixed.set(c, natural[c] ?? MIN_COLUMN));
    } else {
      open.forEach((c) => fixed.set(c, share(c)));
      break;
    }
  }
  return fitTo(
    Array.from({ length: columns }, (_, c) => fixed.get(c) ?? minimum[c] ?? MIN_COLUMN),
    textWidth,
  );
}

function alignmentOf(align: Tokens.TableCell["align"]): Pick<ParagraphData, "alignment"> {
  if (align === "center") return { alignment: "center" };
  if (align === "right") return { alignment: "right" };
  return {};
}

/**
 * Renders a GFM table: a shaded header row repeated on every page, rows that never split across
 * pages, light stripes, and widths in twips on both the grid and every cell (LibreOffice ignores
 * percentages and auto widths).
 */
export function renderTable(
  token: Tokens.Table,
  look: Look,
  relative?: readonly number[],
  /** Minimum height of the body rows in millimetres (a `rijhoogte` directive). */
  rowHeightMm?: number,
  /** Inside a `bijeen` block: every row keeps with the next, the table with what follows. */
  keepWithNext = false,
): TableData {
  const { theme } = look;
  // Large type suits a hand-out's short tables; wider tables keep the normal table size.
  const columnCount = Math.max(token.header.length, ...token.rows.map((row) => row.length));
  const fontSize = columnCount > WIDE_TABLE ? look.size.wideTable : look.size.table;
  const format = fontSize !== look.size.table ? { size: fontSize } : {};
  const texts = [token.header, ...token.rows].map((row, r) =>
    row.map((cell) => ({ text: inlinePlainText(cell.tokens), bold: r === 0 })),
  );
  const widths = computeColumnWidths(
    texts,
    { textWidth: look.textWidth, fontSize, fontFactor: fontWidthFactor(theme.font.body) },
    relative,
  );
  const line: BorderData = { style: "single", size: 4, color: theme.color.border };

  // Keep-with-next on every paragraph of a row but the last keeps a short table on one page.
  const keep: TableKeep = keepWithNext
    ? "all"
    : token.rows.length <= SHORT_TABLE_ROWS
      ? "rows"
      : "split";
  const lastRow = token.rows.length - 1;
  const cellOf = (
    cell: Tokens.TableCell | undefined,
    column: number,
    header: boolean,
    stripe: boolean,
    keepNext: boolean,
  ): CellData => ({
    width: widths[column] ?? MIN_COLUMN,
    // Top and left are Word's defaults; leaving them out keeps large tables' XML small.
    ...(header ? { verticalAlign: "center" } : {}),
    ...(header
      ? { shading: theme.color.primary }
      : stripe
        ? { shading: theme.color.tableStripe }
        : {}),
    // A cell must hold a paragraph even when the Markdown cell is empty.
    children: [
      {
        type: "p",
        style: header ? STYLE.tableHeading : STYLE.tableText,
        ...alignmentOf(cell?.align ?? null),
        ...(keepNext ? { keepNext: true } : {}),
        runs: cell ? renderInline(cell.tokens, look, format) : [],
      },
    ],
  });

  const columns = widths.length;
  const rowOf = (
    cells: readonly Tokens.TableCell[],
    header: boolean,
    stripe: boolean,
    keepNext: boolean,
  ): RowData => ({
    ...(header ? { tableHeader: true } : {}),
    cantSplit: true,
    ...(header ? { height: { value: space(look, 400), rule: "atLeast" } } : {}),
    ...(!header && rowHeightMm
      ? { height: { value: Math.round(rowHeightMm * TWIPS_PER_MM), rule: "atLeast" } }
      : {}),
    cells: Array.from({ length: columns }, (_, c) => cellOf(cells[c], c, header, stripe, keepNext)),
  });

  return {
    type: "tbl",
    width: look.textWidth,
    columnWidths: widths,
    margins: {
      top: space(look, 50),
      bottom: space(look, 50),
      left: CELL_PADDING,
      right: CELL_PADDING,
    },
    borders: { top: line, left: line, bottom: line, right: line, insideH: line, insideV: line },
    rows: [
      rowOf(token.header, true, false, keep !== "split" || lastRow > 0),
      ...token.rows.map((row, i) =>
        rowOf(
          row,
          false,
          i % 2 === 1,
          keep === "all" ||
            (keep === "rows" && i < lastRow) ||
            // A long table may break, but not after its first row or before its last: the
            // header travels with at least two rows, and no single row is left on a page.
            (keep === "split" &&
              (i < SPLIT_KEEP_ROWS || i >= lastRow - SPLIT_KEEP_ROWS) &&
              i < lastRow),
        ),
      ),
    ],
  };
}

/**
 * Renders `count` empty writing lines for fill-in forms: a borderless table whose rows have only
 * a bottom rule, which Word and LibreOffice both draw reliably (paragraph borders merge). The
 * lines keep together, so they move to the next page with what they answer.
 */
export function renderFillLines(count: number, look: Look): TableData {
  const rule: BorderData = { style: "single", size: 4, color: look.theme.color.muted };
  const none: BorderData = { style: "none", size: 0, color: "auto" };
  return {
    type: "tbl",
    width: look.textWidth,
    columnWidths: [look.textWidth],
    margins: { top: 0, bottom: 0, left: 0, right: 0 },
    borders: { top: none, left: none, bottom: rule, right: none, insideH: rule, insideV: none },
    rows: Array.from({ length: count }, (_, i) => ({
      cantSplit: true,
      // About 9 mm per line: room for handwriting, more with large type.
      height: { value: space(look, 500), rule: "exact" },
      cells: [
        {
          width: look.textWidth,
          verticalAlign: "bottom",
          // The lines stay together: two writing lines alone on a page are an empty page.
          children: [
            {
              type: "p",
              style: STYLE.tableText,
              ...(i < count - 1 ? { keepNext: true } : {}),
              runs: [],
            },
          ],
        },
      ],
    })),
  };
}

/**
 * Renders cards to cut out (a `kaartjes` directive): a grid with `columns` cards per row, each a
 * fixed height, drawn with dashed cutting lines. Every card is a cell holding its paragraphs. A
 * layout grid, not a data table: no header row.
 */
export function renderCards(
  cards: ReadonlyArray<ReadonlyArray<readonly Token[]>>,
  look: Look,
  options: { columns: number; heightMm: number },
): TableData {
  const cut: BorderData = { style: "dashed", size: 6, color: look.theme.color.muted };
  const width = Math.floor(look.textWidth / options.columns);
  const rows: RowData[] = [];
  for (let i = 0; i < cards.length; i += options.columns) {
    const row = cards.slice(i, i + options.columns);
    rows.push({
      cantSplit: true,
      height: { value: Math.round(options.heightMm * TWIPS_PER_MM), rule: "exact" },
      cells: Array.from({ length: options.columns }, (_, c): CellData => {
        const paragraphs = row[c] ?? [];
        return {
          width,
          margins: { top: 200, bottom: 120, left: 240, right: 240 },
          children:
            paragraphs.length > 0
              ? paragraphs.map((tokens) => ({
                  type: "p",
                  style: STYLE.tableText,
                  spacing: { after: space(look, 120) },
                  runs: renderInline(tokens, look),
                }))
              : [{ type: "p", style: STYLE.tableText, runs: [] }],
        };
      }),
    });
  }
  return {
    type: "tbl",
    width: width * options.columns,
    columnWidths: Array.from({ length: options.columns }, () => width),
    borders: { top: cut, left: cut, bottom: cut, right: cut, insideH: cut, insideV: cut },
    rows,
  };
}

/**
 * Height of the near-empty paragraph that keeps two adjacent tables apart (Word would merge them):
 * 8 points, in twips.
 */
export const TABLE_SPACER = 160;

/** Inner margin of a card, in twips (5 mm). */
const CARD_PADDING = 283;
/** Slack for rounding in Word and LibreOffice, so two cards always share a page. */
const CARD_SLACK = 120;

/** Width of a card's content: the text width less the card's inner margins. */
export function cardContentWidth(look: Look): number {
  return look.textWidth - 2 * CARD_PADDING;
}

/**
 * Minimum height of a card: half the page's text height, less the spacers that may stand before
 * each card, so two cards fit on one page wherever the spacers fall.
 */
export function cardHeight(look: Look): number {
  const text = look.page.height - look.page.top - look.page.bottom;
  return Math.floor((text - 2 * TABLE_SPACER - CARD_SLACK) / 2);
}

/**
 * A card to cut out: the content in a single cell with a dashed border (the cut line), at least
 * half a page high and never split across pages.
 */
export function renderCard(children: readonly BlockData[], look: Look): TableData {
  const cut: BorderData = { style: "dashed", size: 8, color: look.theme.color.muted };
  return {
    type: "tbl",
    width: look.textWidth,
    columnWidths: [look.textWidth],
    margins: { top: CARD_PADDING, bottom: CARD_PADDING, left: CARD_PADDING, right: CARD_PADDING },
    borders: { top: cut, left: cut, bottom: cut, right: cut, insideH: cut, insideV: cut },
    rows: [
      {
        cantSplit: true,
        height: { value: cardHeight(look), rule: "atLeast" },
        cells: [
          {
            width: look.textWidth,
            // A cell must hold a paragraph; Word also wants one as its last child.
            children:
              children.at(-1)?.type === "p"
                ? [...children]
                : [...children, { type: "p", runs: [] }],
          },
        ],
      },
    ],
  };
}
