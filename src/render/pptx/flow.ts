/**
 * The body engine: blocks flow top to bottom in a box. It picks the largest font size at which
 * the blocks need the fewest slides, splits them over continuation pages (balanced, headings
 * kept with what follows, table headers repeated), and places text boxes and tables.
 */
import type { Theme } from "../theme.js";
import type { CellSpec, ParagraphSpec, Shape, TableShape, TextShape } from "./frame.js";
import {
  countLines,
  faceFactor,
  lineHeight,
  naturalWidth,
  splitRuns,
  widestWord,
  type MeasureStyle,
} from "./measure.js";
import type { Block, CellAlign, Run, TableBlock, TextBlock } from "./model.js";

/** How a block is dressed: ordinary body text, a heading, a quote or a quote's attribution. */
export type Role = "body" | "heading" | "quote" | "attribution";

export interface FlowItem {
  block: Block;
  role: Role;
  /** Space before, as a multiple of the font size; overrides the role's default. */
  spaceBefore?: number;
}

export interface FlowContext {
  theme: Theme;
}

/** The smallest body size we allow before continuing on another slide. */
export const MIN_BODY_SIZE = 14;
const CELL_PAD_X = 0.1;
const CELL_PAD_Y = 0.06;
const ROW_SAFETY = 0.02;

interface RoleStyle {
  sizePt: number;
  color: string;
  font: string;
  bold: boolean;
  italic: boolean;
  spaceBefore: number;
}

function roleStyle(role: Role, size: number, theme: Theme): RoleStyle {
  switch (role) {
    case "heading":
      return {
        sizePt: size,
        color: theme.color.heading,
        font: theme.font.heading,
        bold: true,
        italic: false,
        spaceBefore: 0.9,
      };
    case "quote":
      return {
        sizePt: size,
        color: theme.color.heading,
        font: theme.font.heading,
        bold: false,
        italic: true,
        spaceBefore: 0.5,
      };
    case "attribution":
      return {
        sizePt: Math.max(MIN_BODY_SIZE, Math.round(size * 0.65)),
        color: theme.color.muted,
        font: theme.font.body,
        bold: false,
        italic: false,
        spaceBefore: 0.25,
      };
    default:
      return {
        sizePt: size,
        color: theme.color.text,
        font: theme.font.body,
        bold: false,
        italic: false,
        spaceBefore: 0.5,
      };
  }
}

interface TextUnit {
  kind: "text";
  paragraph: ParagraphSpec;
  /** For ordered lists: the item number, to restart numbering on a new slide. */
  number: number;
  height: number;
  spaceBefore: number;
  keepWithNext: boolean;
}

interface TableLayout {
  colW: number[];
  headerH: number;
  header: CellSpec[];
}

interface RowUnit {
  kind: "row";
  table: TableLayout;
  cells: CellSpec[];
  height: number;
  spaceBefore: number;
  keepWithNext: false;
}

type Unit = TextUnit | RowUnit;

/**
 * Bullet indent in points per block: room for "•", "9." or "10." before the text. Nested items
 * use their list's top-level indent, so their bullet lines up with the text above them.
 */
function bulletIndents(items: readonly FlowItem[], size: number): Map<Block, number> {
  const indents = new Map<Block, number>();
  let list: Block[] = [];
  const flush = (): void => {
    const top = list.filter((block) => block.kind === "bullet" && block.level === 0);
    const ordered = top.some((block) => block.kind === "bullet" && block.ordered);
    const widest = Math.max(
      0,
      ...list.map((block) => (block.kind === "bullet" ? block.number : 0)),
    );
    const indent = Math.round(size * (ordered ? (widest >= 10 ? 2 : 1.6) : 1.2));
    for (const block of list) indents.set(block, indent);
    list = [];
  };
  for (const item of items) {
    if (item.block.kind === "bullet") list.push(item.block);
    else flush();
  }
  flush();
  return indents;
}

function measureStyle(style: { sizePt: number; bold: boolean; font: string }): MeasureStyle {
  return { sizePt: style.sizePt, bold: style.bold, factor: faceFactor(style.font) };
}

/** Builds the units of a flow at one font size for a box of the given width and capacity. */
function buildUnits(
  items: readonly FlowItem[],
  width: number,
  capacity: number,
  size: number,
  ctx: FlowContext,
): Unit[] {
  const units: Unit[] = [];
  const indents = bulletIndents(items, size);
  items.forEach((item, index) => {
    const next = items[index + 1];
    if (item.block.kind === "table") {
      units.push(...tableUnits(item.block, width, capacity, size, ctx));
      return;
    }
    const keepWithNext =
      next !== undefined &&
      (item.block.kind === "heading" ||
        (item.block.kind === "paragraph" &&
          /:\s*$/.test(item.block.runs.map((r) => r.text).join("")) &&
          next.block.kind !== "paragraph"));
    units.push(
      ...textUnits(
        item,
        item.block,
        width,
        capacity,
        size,
        keepWithNext,
        indents.get(item.block) ?? 0,
        ctx,
      ),
    );
  });
  return units;
}

function textUnits(
  item: FlowItem,
  block: TextBlock,
  width: number,
  capacity: number,
  size: number,
  keepWithNext: boolean,
  indentPt: number,
  ctx: FlowContext,
): TextUnit[] {
  const role: Role = block.kind === "heading" ? "heading" : item.role;
  const style = roleStyle(role, size, ctx.theme);
  const sizePt =
    block.kind === "bullet" && block.level === 1
      ? Math.max(MIN_BODY_SIZE, style.sizePt - 2)
      : style.sizePt;
  const spaceFactor =
    item.spaceBefore ?? (block.kind === "bullet" && block.level === 1 ? 0.25 : style.spaceBefore);
  const spaceBeforePt = Math.round(spaceFactor * sizePt);
  const bullet =
    block.kind === "bullet"
      ? {
          kind: block.ordered ? ("number" as const) : ("bullet" as const),
          level: block.level,
          startAt: 1,
          indentPt,
        }
      : undefined;
  const textWidth = width - (bullet ? (bullet.indentPt * (bullet.level + 1)) / 72 : 0);
  const measure = measureStyle({ sizePt, bold: style.bold, font: style.font });
  const lh = lineHeight(sizePt);
  const maxLines = Math.max(1, Math.floor(capacity / lh));
  const pieces =
    countLines(block.runs, textWidth, measure) > maxLines
      ? splitRuns(block.runs, textWidth, maxLines, measure)
      : [block.runs];
  return pieces.map((runs, i) => ({
    kind: "text",
    paragraph: {
      runs,
      sizePt,
      color: style.color,
      font: style.font,
      bold: style.bold,
      italic: style.italic,
      align: "left",
      // The rest of a split item carries on as plain text: a second bullet would read as a new item.
      ...(bullet && i === 0 ? { bullet } : {}),
      spaceBeforePt: i === 0 ? spaceBeforePt : 0,
    },
    number: block.kind === "bullet" ? block.number : 0,
    height: countLines(runs, i === 0 ? textWidth : width, measure) * lh,
    spaceBefore: (i === 0 ? spaceBeforePt : 0) / 72,
    keepWithNext: keepWithNext && i === pieces.length - 1,
  }));
}

/** Column widths: every column gets its widest word, the rest is shared by content length. */
export function columnWidths(
  minimum: readonly number[],
  natural: readonly number[],
  width: number,
): number[] {
  const sumNatural = natural.reduce((a, b) => a + b, 0);
  const sumMinimum = minimum.reduce((a, b) => a + b, 0);
  if (sumNatural <= width) return natural.map((w) => (w * width) / sumNatural);
  if (sumMinimum >= width) return minimum.map((w) => (w * width) / sumMinimum);
  const spread = natural.map((w, i) => w - minimum[i]!);
  const sumSpread = spread.reduce((a, b) => a + b, 0);
  return minimum.map((w, i) => w + ((width - sumMinimum) * spread[i]!) / sumSpread);
}

function cellRuns(runs: Run[] | undefined): Run[] {
  // An empty cell would make pptxgenjs write a text body without a paragraph.
  return runs && runs.length > 0 ? runs : [{ text: "\u00A0", bold: false, italic: false }];
}

function tableUnits(
  table: TableBlock,
  width: number,
  capacity: number,
  size: number,
  ctx: FlowContext,
): RowUnit[] {
  const { theme } = ctx;
  const columns = Math.max(table.header.length, ...table.rows.map((row) => row.length), 1);
  const header = Array.from({ length: columns }, (_, c) => cellRuns(table.header[c]));
  const rows = table.rows.map((row) => Array.from({ length: columns }, (_, c) => cellRuns(row[c])));
  const align = Array.from({ length: columns }, (_, c): CellAlign => table.align[c] ?? "left");
  const factor = faceFactor(theme.font.body);
  const bodyStyle: MeasureStyle = { sizePt: size, factor };
  const headStyle: MeasureStyle = { sizePt: size, bold: true, factor };
  const pad = 2 * CELL_PAD_X;
  const minimum = header.map(
    (cell, c) =>
      Math.max(widestWord(cell, headStyle), ...rows.map((row) => widestWord(row[c]!, bodyStyle))) +
      pad,
  );
  const natural = header.map(
    (cell, c) =>
      Math.max(
        naturalWidth(cell, headStyle),
        ...rows.map((row) => naturalWidth(row[c]!, bodyStyle)),
      ) + pad,
  );
  const colW = columnWidths(minimum, natural, width);
  const lh = lineHeight(size);
  const rowHeight = (cells: Run[][], style: MeasureStyle): number =>
    Math.max(...cells.map((cell, c) => countLines(cell, colW[c]! - pad, style))) * lh +
    2 * CELL_PAD_Y +
    ROW_SAFETY;
  const cellSpec = (runs: Run[], c: number, isHeader: boolean, stripe: boolean): CellSpec => ({
    runs,
    sizePt: size,
    color: isHeader ? theme.color.tableHeaderText : theme.color.text,
    font: theme.font.body,
    bold: isHeader,
    fill: isHeader
      ? theme.color.primary
      : stripe
        ? theme.color.tableStripe
        : theme.color.background,
    align: align[c]!,
  });
  const headerH = rowHeight(header, headStyle);
  const layout: TableLayout = {
    colW,
    headerH,
    header: header.map((cell, c) => cellSpec(cell, c, true, false)),
  };
  const units: RowUnit[] = [];
  const maxLines = Math.max(1, Math.floor((capacity - headerH - 2 * CELL_PAD_Y - ROW_SAFETY) / lh));
  rows.forEach((row, r) => {
    // A row taller than a slide is cut into several rows, each cell at word boundaries.
    const tooTall = headerH + rowHeight(row, bodyStyle) > capacity;
    const parts = tooTall
      ? row.map((cell, c) => splitRuns(cell, colW[c]! - pad, maxLines, bodyStyle))
      : row.map((cell) => [cell]);
    const count = Math.max(...parts.map((p) => p.length));
    for (let i = 0; i < count; i++) {
      const cells = parts.map((p) => cellRuns(p[i]));
      units.push({
        kind: "row",
        table: layout,
        cells: cells.map((cell, c) => cellSpec(cell, c, false, r % 2 === 1)),
        height: rowHeight(cells, bodyStyle),
        spaceBefore: units.length === 0 ? (0.6 * size) / 72 : 0,
        keepWithNext: false,
      });
    }
  });
  return units;
}

/** What a unit adds to a page that already holds `onPage`. */
function unitCost(unit: Unit, onPage: readonly Unit[]): number {
  const previous = onPage[onPage.length - 1];
  const gap = previous ? gapBefore(unit, previous) : 0;
  if (unit.kind === "row" && !(previous?.kind === "row" && previous.table === unit.table)) {
    return gap + unit.table.headerH + unit.height;
  }
  return gap + unit.height;
}

function gapBefore(unit: Unit, previous: Unit): number {
  if (unit.kind === "row")
    return previous.kind === "row" && previous.table === unit.table ? 0 : unit.spaceBefore;
  if (previous.kind === "row") return Math.max(unit.spaceBefore, unit.paragraph.sizePt / 72);
  // A paragraph after a list gets more air than one list item after another.
  if (previous.paragraph.bullet && !unit.paragraph.bullet) return unit.spaceBefore * 1.6;
  return unit.spaceBefore;
}

/** Greedy page filling with keep-with-next. */
function paginate(units: readonly Unit[], capacity: number): Unit[][] {
  const pages: Unit[][] = [[]];
  let used = 0;
  units.forEach((unit, index) => {
    let page = pages[pages.length - 1]!;
    let cost = unitCost(unit, page);
    const next = units[index + 1];
    const overflows = used + cost > capacity + 1e-9;
    const strands =
      unit.keepWithNext &&
      next !== undefined &&
      used + cost + unitCost(next, [...page, unit]) > capacity + 1e-9;
    if (page.length > 0 && (overflows || strands)) {
      page = [];
      pages.push(page);
      used = 0;
      cost = unitCost(unit, page);
    }
    page.push(unit);
    used += cost;
  });
  return pages.filter((page) => page.length > 0);
}

/**
 * Splits over the fewest pages, then evens the pages out: the smallest capacity that still
 * needs no more pages gives every page a similar share.
 */
function paginateBalanced(units: readonly Unit[], capacity: number): Unit[][] {
  const pages = paginate(units, capacity);
  if (pages.length <= 1) return pages;
  let low = Math.max(...units.map((unit) => unitCost(unit, [])));
  let high = capacity;
  let best = pages;
  for (let i = 0; i < 20 && high - low > 0.01; i++) {
    const middle = (low + high) / 2;
    const attempt = paginate(units, middle);
    if (attempt.length <= pages.length) {
      best = attempt;
      high = middle;
    } else {
      low = middle;
    }
  }
  return best;
}

/** The font sizes to try for a flow whose normal size is `base`, largest first. */
export function sizeSteps(
  base: number,
  steps = 2,
  stepSize = 2,
  minimum = MIN_BODY_SIZE,
): number[] {
  const sizes = [base];
  for (let i = 1; i <= steps; i++) {
    const size = base - i * stepSize;
    if (size >= minimum) sizes.push(size);
  }
  return sizes;
}

/** A flow laid out: the chosen size and, per page, the units to place. */
export interface FlowPlan {
  size: number;
  pages: Unit[][];
}

/** Pages needed at a size (for choosing one size for several flows, e.g. two columns). */
export function countPages(
  items: readonly FlowItem[],
  width: number,
  capacity: number,
  size: number,
  ctx: FlowContext,
): number {
  return paginate(buildUnits(items, width, capacity, size, ctx), capacity).length;
}

/** Picks the size with the fewest pages (ties: the larger size). */
export function chooseSize(sizes: readonly number[], pagesAt: (size: number) => number): number {
  let best = sizes[0]!;
  let bestPages = Infinity;
  for (const size of sizes) {
    const pages = pagesAt(size);
    if (pages < bestPages) {
      best = size;
      bestPages = pages;
    }
  }
  return best;
}

/** Lays out a flow at a given size. */
export function planFlowAt(
  items: readonly FlowItem[],
  width: number,
  capacity: number,
  size: number,
  ctx: FlowContext,
): FlowPlan {
  return { size, pages: paginateBalanced(buildUnits(items, width, capacity, size, ctx), capacity) };
}

/** Lays out a flow, choosing the size from `sizes`. */
export function planFlow(
  items: readonly FlowItem[],
  width: number,
  capacity: number,
  sizes: readonly number[],
  ctx: FlowContext,
): FlowPlan {
  const size = chooseSize(sizes, (s) => countPages(items, width, capacity, s, ctx));
  return planFlowAt(items, width, capacity, size, ctx);
}

/** Height of one page of units, as placed. */
export function pageHeight(units: readonly Unit[]): number {
  let height = 0;
  units.forEach((unit, i) => {
    height += unitCost(unit, units.slice(0, i));
  });
  return height;
}

/** Turns one page of units into text boxes and tables, from (x, y) downwards. */
export function placePage(
  units: readonly Unit[],
  x: number,
  y: number,
  width: number,
  ctx: FlowContext,
  name: string,
): Shape[] {
  const shapes: Shape[] = [];
  let cursor = y;
  let i = 0;
  while (i < units.length) {
    const unit = units[i]!;
    if (i > 0) cursor += gapBefore(unit, units[i - 1]!);
    if (unit.kind === "text") {
      const group: TextUnit[] = [];
      const gaps: number[] = [];
      let height = 0;
      while (i < units.length && units[i]!.kind === "text") {
        const current = units[i] as TextUnit;
        const gap = group.length > 0 ? gapBefore(current, group[group.length - 1]!) : 0;
        height += gap + current.height;
        group.push(current);
        gaps.push(gap);
        i++;
      }
      shapes.push(
        textShape(group, gaps, x, cursor, width, height, `${name} tekst ${shapes.length + 1}`),
      );
      cursor += height;
    } else {
      const rows: RowUnit[] = [];
      while (i < units.length) {
        const current = units[i]!;
        if (current.kind !== "row" || current.table !== unit.table) break;
        rows.push(current);
        i++;
      }
      const table = tableShape(rows, x, cursor, width, ctx, `${name} tabel ${shapes.length + 1}`);
      shapes.push(table);
      cursor += table.rowH.reduce((a, b) => a + b, 0);
    }
  }
  return shapes;
}

function textShape(
  group: TextUnit[],
  gaps: number[],
  x: number,
  y: number,
  w: number,
  h: number,
  name: string,
): TextShape {
  const paragraphs = group.map((unit, index): ParagraphSpec => {
    const paragraph: ParagraphSpec = {
      ...unit.paragraph,
      spaceBeforePt: Math.round((gaps[index] ?? 0) * 72 * 10) / 10,
    };
    const bullet = paragraph.bullet;
    if (bullet?.kind === "number") {
      // Numbering restarts in every text box: each list segment starts at its first item's number.
      let first = index;
      for (let j = index - 1; j >= 0; j--) {
        const earlier = group[j]!.paragraph.bullet;
        if (earlier && earlier.level > bullet.level) continue;
        if (earlier && earlier.level === bullet.level && earlier.kind === "number") first = j;
        else break;
      }
      paragraph.bullet = { ...bullet, startAt: group[first]!.number };
    }
    return paragraph;
  });
  return { type: "text", name, x, y, w, h, valign: "top", paragraphs };
}

function tableShape(
  rows: RowUnit[],
  x: number,
  y: number,
  w: number,
  ctx: FlowContext,
  name: string,
): TableShape {
  const layout = rows[0]!.table;
  return {
    type: "table",
    name,
    x,
    y,
    w,
    colW: layout.colW,
    rowH: [layout.headerH, ...rows.map((row) => row.height)],
    rows: [layout.header, ...rows.map((row) => row.cells)],
    borderColor: ctx.theme.color.border,
  };
}
