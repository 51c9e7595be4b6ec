/**
 * Slide sources → frames: the chrome of each layout (bands, title, footer, logo, slide number)
 * around the body, and continuation slides when the body does not fit.
 */
import type { Theme } from "../theme.js";
import {
  chooseSize,
  countPages,
  MIN_BODY_SIZE,
  pageHeight,
  placePage,
  planFlow,
  planFlowAt,
  sizeSteps,
  type FlowContext,
  type FlowItem,
  type FlowPlan,
} from "./flow.js";
import type { Frame, ParagraphSpec, Shape, SlideNumberSpec, TextShape } from "./frame.js";
import {
  ACCENT_GAP,
  ACCENT_RULE,
  BODY_BOTTOM,
  BODY_GAP,
  CONTENT_WIDTH,
  CORNER_LOGO,
  fitImage,
  FOOTER_HEIGHT,
  FOOTER_RULE_Y,
  FOOTER_Y,
  MARGIN_X,
  SLIDE_HEIGHT,
  SLIDE_NUMBER_WIDTH,
  SLIDE_WIDTH,
  TITLE_LOGO,
  TITLE_MAX_HEIGHT,
  TITLE_TOP,
} from "./geometry.js";
import { countLines, faceFactor, lineHeight, splitRuns, type MeasureStyle } from "./measure.js";
import type { Block, Run, SlideSource } from "./model.js";

export interface LayoutContext extends FlowContext {
  theme: Theme;
  footer: string | undefined;
}

/** Note text on continuation slides, before the slide's own notes. */
export const CONTINUATION_NOTE = "Vervolg van de vorige dia.";
const CONTINUATION_SUFFIX = " (vervolg)";
const COLUMN_GAP = 0.4;
const PANEL_PADDING = 0.25;
const QUOTE_INDENT = 1.1;
const BOTTOM_STRIP = 0.35;

/** Lays out one source slide as one or more frames. */
export function layoutSlide(source: SlideSource, ctx: LayoutContext): Frame[] {
  switch (source.layout) {
    case "titel":
      return [layoutTitleSlide(source, ctx)];
    case "sectie":
      return [layoutSectionSlide(source, ctx)];
    case "twee-kolommen":
      return layoutColumns(source, ctx);
    case "citaat":
      return layoutQuote(source, ctx);
    default:
      return layoutBody(source, source.blocks, ctx);
  }
}

// ---------------------------------------------------------------------------------------------
// Text fitting helpers

interface FittedText {
  runs: Run[];
  sizePt: number;
  lines: number;
  height: number;
  /** The text was cut to fit. */
  truncated: boolean;
}

/**
 * The largest size at which the runs take at most `maxLines` lines; at the smallest size the
 * text may take `hardMaxLines`, and beyond that it is cut with an ellipsis.
 */
function fitText(
  runs: Run[],
  width: number,
  sizes: readonly number[],
  maxLines: number,
  hardMaxLines: number,
  style: { bold: boolean; font: string },
): FittedText {
  const measure = (sizePt: number): MeasureStyle => ({
    sizePt,
    bold: style.bold,
    factor: faceFactor(style.font),
  });
  for (const sizePt of sizes) {
    const lines = countLines(runs, width, measure(sizePt));
    if (lines <= maxLines)
      return { runs, sizePt, lines, height: lines * lineHeight(sizePt), truncated: false };
  }
  const sizePt = sizes[sizes.length - 1]!;
  const lines = countLines(runs, width, measure(sizePt));
  if (lines <= hardMaxLines)
    return { runs, sizePt, lines, height: lines * lineHeight(sizePt), truncated: false };
  const cut = truncate(runs, width, hardMaxLines, measure(sizePt));
  return {
    runs: cut,
    sizePt,
    lines: hardMaxLines,
    height: hardMaxLines * lineHeight(sizePt),
    truncated: true,
  };
}

/** The first `maxLines` lines of the runs, ending in "…". */
function truncate(runs: Run[], width: number, maxLines: number, style: MeasureStyle): Run[] {
  const first = splitRuns(runs, width, maxLines, style)[0] ?? [];
  const words = first.flatMap((run) => run.text.split(/(?<= )/).map((text) => ({ ...run, text })));
  while (words.length > 1) {
    const candidate = [
      ...words.map((w) => ({ ...w })),
      { text: "\u2026", bold: false, italic: false },
    ];
    if (countLines(candidate, width, style) <= maxLines) return candidate;
    words.pop();
  }
  // One word longer than the lines allow (a name without spaces): cut it by characters, never
  // inside a surrogate pair, to the longest start that fits with the ellipsis.
  const ellipsis: Run = { text: "\u2026", bold: false, italic: false };
  const word = words[0];
  if (!word) return [ellipsis];
  const chars = Array.from(word.text);
  const fits = (n: number): boolean =>
    countLines([{ ...word, text: chars.slice(0, n).join("") }, ellipsis], width, style) <= maxLines;
  let [low, high] = [0, chars.length];
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (fits(mid)) low = mid;
    else high = mid - 1;
  }
  return [{ ...word, text: chars.slice(0, low).join("") }, ellipsis];
}

function paragraph(
  runs: Run[],
  sizePt: number,
  color: string,
  font: string,
  extra: Partial<ParagraphSpec> = {},
): ParagraphSpec {
  return { runs, sizePt, color, font, align: "left", spaceBeforePt: 0, ...extra };
}

function plainRun(text: string): Run {
  return { text, bold: false, italic: false };
}

function continuationNotes(notes: string[]): string[] {
  return notes.length > 0 ? [CONTINUATION_NOTE, "", ...notes] : [CONTINUATION_NOTE];
}

// ---------------------------------------------------------------------------------------------
// Content slide chrome

interface Chrome {
  shapes: Shape[];
  bodyTop: number;
  slideNumber: SlideNumberSpec;
}

function titleWidth(theme: Theme): number {
  if (!theme.logo) return CONTENT_WIDTH;
  const logo = fitImage(
    theme.logo.width,
    theme.logo.height,
    CORNER_LOGO.maxWidth,
    CORNER_LOGO.maxHeight,
  );
  return CONTENT_WIDTH - logo.w - 0.3;
}

/**
 * Titles: one line if a size or two smaller achieves it (a title that just misses one line
 * would otherwise leave a gap under it), else the largest size that needs two lines.
 */
function fitTitle(runs: Run[], theme: Theme): FittedText {
  const sizes = sizeSteps(theme.size.slideTitle, 4, 2, 20);
  const style = { bold: true, font: theme.font.heading };
  const oneLine = fitText(runs, titleWidth(theme), sizes.slice(0, 3), 1, 1, style);
  if (!oneLine.truncated) return oneLine;
  const smallest = sizes[sizes.length - 1]!;
  const hardMax = Math.max(2, Math.floor(TITLE_MAX_HEIGHT / lineHeight(smallest)));
  return fitText(runs, titleWidth(theme), sizes, 2, hardMax, style);
}

function bodyTopFor(title: FittedText | undefined): number {
  return title
    ? TITLE_TOP + title.height + ACCENT_GAP + ACCENT_RULE.height + BODY_GAP
    : TITLE_TOP + 0.1;
}

function contentChrome(title: FittedText | undefined, bodyTop: number, ctx: LayoutContext): Chrome {
  const { theme } = ctx;
  const shapes: Shape[] = [
    { type: "rect", name: "Band", x: 0, y: 0, w: SLIDE_WIDTH, h: 0.1, fill: theme.color.primary },
  ];
  if (title) {
    shapes.push({
      type: "text",
      name: "Titel",
      x: MARGIN_X,
      y: TITLE_TOP,
      w: titleWidth(theme),
      h: title.height,
      valign: "top",
      paragraphs: [
        paragraph(title.runs, title.sizePt, theme.color.heading, theme.font.heading, {
          bold: true,
        }),
      ],
    });
    shapes.push({
      type: "rect",
      name: "Accentlijn",
      x: MARGIN_X,
      y: TITLE_TOP + title.height + ACCENT_GAP,
      w: ACCENT_RULE.width,
      h: ACCENT_RULE.height,
      fill: theme.color.accent,
    });
  }
  if (theme.logo) {
    const logo = fitImage(
      theme.logo.width,
      theme.logo.height,
      CORNER_LOGO.maxWidth,
      CORNER_LOGO.maxHeight,
    );
    shapes.push({
      type: "image",
      name: "Logo",
      x: SLIDE_WIDTH - MARGIN_X - logo.w,
      y: CORNER_LOGO.top + (CORNER_LOGO.maxHeight - logo.h) / 2,
      w: logo.w,
      h: logo.h,
    });
  }
  shapes.push({
    type: "rect",
    name: "Voetlijn",
    x: MARGIN_X,
    y: FOOTER_RULE_Y,
    w: CONTENT_WIDTH,
    h: 0.01,
    fill: theme.color.border,
  });
  const footerSize = footerSizeOf(theme);
  if (ctx.footer) {
    const width = CONTENT_WIDTH - SLIDE_NUMBER_WIDTH - 0.3;
    const fitted = fitText([plainRun(ctx.footer)], width, [footerSize], 1, 1, {
      bold: false,
      font: theme.font.body,
    });
    shapes.push({
      type: "text",
      name: "Voettekst",
      x: MARGIN_X,
      y: FOOTER_Y,
      w: width,
      h: FOOTER_HEIGHT,
      valign: "bottom",
      paragraphs: [paragraph(fitted.runs, footerSize, theme.color.muted, theme.font.body)],
    });
  }
  return { shapes, bodyTop, slideNumber: slideNumberSpec(theme, theme.color.muted) };
}

function footerSizeOf(theme: Theme): number {
  return Math.max(9, theme.size.slideSmall - 3);
}

function slideNumberSpec(theme: Theme, color: string): SlideNumberSpec {
  return {
    x: SLIDE_WIDTH - MARGIN_X - SLIDE_NUMBER_WIDTH,
    y: FOOTER_Y,
    w: SLIDE_NUMBER_WIDTH,
    h: FOOTER_HEIGHT,
    color,
    sizePt: footerSizeOf(theme),
    font: theme.font.body,
  };
}

/**
 * Runs `lay` with the title as written; when the body needs more than one slide, runs it again
 * with room for the longer "(vervolg)" title so every page has the same body area.
 */
function withTitles<T extends { pages: number }>(
  source: SlideSource,
  ctx: LayoutContext,
  lay: (bodyTop: number) => T,
): { result: T; bodyTop: number; titles: (FittedText | undefined)[] } {
  const hasTitle = source.title.length > 0;
  const base = hasTitle ? fitTitle(source.title, ctx.theme) : undefined;
  let bodyTop = bodyTopFor(base);
  let result = lay(bodyTop);
  if (result.pages <= 1) return { result, bodyTop, titles: [base] };
  const continued = hasTitle
    ? fitTitle([...source.title, plainRun(CONTINUATION_SUFFIX)], ctx.theme)
    : undefined;
  bodyTop = Math.max(bodyTop, bodyTopFor(continued));
  result = lay(bodyTop);
  const titles = Array.from({ length: result.pages }, (_, i) => (i === 0 ? base : continued));
  return { result, bodyTop, titles };
}

function frameFor(
  source: SlideSource,
  page: number,
  title: FittedText | undefined,
  bodyTop: number,
  body: Shape[],
  ctx: LayoutContext,
): Frame {
  const chrome = contentChrome(title, bodyTop, ctx);
  return {
    shapes: [...chrome.shapes, ...body],
    slideNumber: chrome.slideNumber,
    notes: page === 0 ? source.notes : continuationNotes(source.notes),
  };
}

// ---------------------------------------------------------------------------------------------
// opsomming / tabel

function bodyItems(blocks: readonly Block[]): FlowItem[] {
  return blocks.map((block) => ({ block, role: "body" }));
}

function layoutBody(source: SlideSource, blocks: readonly Block[], ctx: LayoutContext): Frame[] {
  const items = bodyItems(blocks);
  const hasTable = blocks.some((block) => block.kind === "table");
  const sizes = sizeSteps(ctx.theme.size.slideBody, hasTable ? 3 : 2);
  const { result, bodyTop, titles } = withTitles(source, ctx, (top) => {
    const plan =
      items.length > 0
        ? planFlow(items, CONTENT_WIDTH, BODY_BOTTOM - top, sizes, ctx)
        : { size: sizes[0]!, pages: [[]] };
    return { plan, pages: plan.pages.length };
  });
  return result.plan.pages.map((units, page) =>
    frameFor(
      source,
      page,
      titles[page],
      bodyTop,
      placePage(units, MARGIN_X, bodyTop, CONTENT_WIDTH, ctx, "Inhoud"),
      ctx,
    ),
  );
}

// ---------------------------------------------------------------------------------------------
// twee-kolommen

function layoutColumns(source: SlideSource, ctx: LayoutContext): Frame[] {
  const [left, right] = source.columns!;
  const empty = (c: typeof left): boolean => c.blocks.length === 0 && !c.heading;
  if (empty(left) || empty(right)) {
    // One column only: an ordinary body reads better than a half-empty slide.
    const column = empty(left) ? right : left;
    const blocks: Block[] = column.heading
      ? [{ kind: "heading", runs: column.heading }, ...column.blocks]
      : column.blocks;
    return layoutBody(source, blocks, ctx);
  }
  const { theme } = ctx;
  const columnWidth = (CONTENT_WIDTH - COLUMN_GAP) / 2;
  const inner = columnWidth - 2 * PANEL_PADDING;
  const headingSizes = sizeSteps(theme.size.slideBody + 2, 2);
  const headings = [left, right].map((column) =>
    column.heading
      ? fitText(column.heading, inner, headingSizes, 2, 3, { bold: true, font: theme.font.heading })
      : undefined,
  );
  const headingBlock = Math.max(0, ...headings.map((h) => (h ? h.height + 0.15 : 0)));
  const columns = [left, right].map((column) => bodyItems(column.blocks));
  const sizes = sizeSteps(theme.size.slideBody, 2);

  const { result, bodyTop, titles } = withTitles(source, ctx, (top) => {
    const capacity = BODY_BOTTOM - top - 2 * PANEL_PADDING - headingBlock;
    const pagesAt = (size: number): number =>
      Math.max(
        ...columns.map((items) =>
          items.length > 0 ? countPages(items, inner, capacity, size, ctx) : 1,
        ),
      );
    const size = chooseSize(sizes, pagesAt);
    const plans: FlowPlan[] = columns.map((items) =>
      items.length > 0 ? planFlowAt(items, inner, capacity, size, ctx) : { size, pages: [[]] },
    );
    return { plans, pages: Math.max(...plans.map((plan) => plan.pages.length)) };
  });

  const frames: Frame[] = [];
  for (let page = 0; page < result.pages; page++) {
    const body: Shape[] = [];
    // Both panels as tall as the fuller one, not the whole slide: short columns stay compact.
    const contentHeight = Math.max(
      ...result.plans.map((plan) => pageHeight(plan.pages[page] ?? [])),
    );
    const panelHeight = Math.min(
      BODY_BOTTOM - bodyTop,
      Math.max(1.6, headingBlock + contentHeight + 2 * PANEL_PADDING + 0.05),
    );
    result.plans.forEach((plan, c) => {
      const units = plan.pages[page];
      const heading = headings[c];
      if (!units || (units.length === 0 && !heading)) return;
      const x = MARGIN_X + c * (columnWidth + COLUMN_GAP);
      body.push({
        type: "rect",
        name: `Kolom ${c + 1}`,
        x,
        y: bodyTop,
        w: columnWidth,
        h: panelHeight,
        fill: theme.color.tableStripe,
        rounded: true,
      });
      if (heading) {
        body.push({
          type: "text",
          name: `Kolomkop ${c + 1}`,
          x: x + PANEL_PADDING,
          y: bodyTop + PANEL_PADDING,
          w: inner,
          h: heading.height,
          valign: "top",
          paragraphs: [
            paragraph(heading.runs, heading.sizePt, theme.color.heading, theme.font.heading, {
              bold: true,
            }),
          ],
        });
      }
      body.push(
        ...placePage(
          units,
          x + PANEL_PADDING,
          bodyTop + PANEL_PADDING + headingBlock,
          inner,
          ctx,
          `Kolom ${c + 1}`,
        ),
      );
    });
    frames.push(frameFor(source, page, titles[page], bodyTop, body, ctx));
  }
  return frames;
}

// ---------------------------------------------------------------------------------------------
// citaat

function layoutQuote(source: SlideSource, ctx: LayoutContext): Frame[] {
  const { theme } = ctx;
  const quote = source.quote ?? { blocks: [], attribution: [] };
  const items: FlowItem[] = [
    ...quote.blocks.map((block): FlowItem => ({ block, role: "quote" })),
    ...quote.attribution.map((line, i): FlowItem => ({
      block: { kind: "paragraph", runs: i === 0 ? [plainRun("\u2014 "), ...line] : line },
      role: "attribution",
      spaceBefore: i === 0 ? 1.2 : 0.2,
    })),
  ];
  const width = CONTENT_WIDTH - QUOTE_INDENT;
  const sizes = sizeSteps(
    theme.size.slideTitle + 4,
    7,
    2,
    Math.max(MIN_BODY_SIZE, theme.size.slideBody - 2),
  );
  const { result, bodyTop, titles } = withTitles(source, ctx, (top) => {
    const plan =
      items.length > 0
        ? planFlow(items, width, BODY_BOTTOM - top, sizes, ctx)
        : { size: sizes[0]!, pages: [[]] };
    return { plan, pages: plan.pages.length };
  });
  return result.plan.pages.map((units, page) => {
    const capacity = BODY_BOTTOM - bodyTop;
    const height = pageHeight(units);
    const top = bodyTop + Math.max(0, (capacity - height) / 2);
    const mark: TextShape = {
      type: "text",
      name: "Aanhalingsteken",
      x: MARGIN_X,
      y: Math.max(bodyTop - 0.2, top - 0.25),
      w: QUOTE_INDENT - 0.1,
      h: lineHeight(80),
      valign: "top",
      paragraphs: [
        paragraph([plainRun("\u201C")], 80, theme.color.accent, "Georgia", { bold: true }),
      ],
    };
    const body =
      units.length > 0
        ? [mark, ...placePage(units, MARGIN_X + QUOTE_INDENT, top, width, ctx, "Citaat")]
        : [];
    return frameFor(source, page, titles[page], bodyTop, body, ctx);
  });
}

// ---------------------------------------------------------------------------------------------
// titel / sectie

interface TitleBlock {
  title: FittedText | undefined;
  subtitle: FittedText[];
  height: number;
}

/**
 * Fits title and subtitle lines into `available` height: title sizes first, then subtitle
 * sizes; as a last resort the title is cut and subtitle lines that do not fit are left out.
 */
function fitTitleBlock(
  source: SlideSource,
  width: number,
  available: number,
  titleSizes: number[],
  subtitleSizes: number[],
  theme: Theme,
): TitleBlock {
  const heading = { bold: true, font: theme.font.heading };
  const body = { bold: false, font: theme.font.body };
  const gap = (sizePt: number): number => (sizePt * 0.4) / 72;
  const build = (titleSize: number, subtitleSize: number, hardMax: number): TitleBlock => {
    const title =
      source.title.length > 0
        ? fitText(source.title, width, [titleSize], 3, hardMax, heading)
        : undefined;
    const subtitle = source.subtitle.map((line) =>
      fitText(line, width, [subtitleSize], 2, 2, body),
    );
    const subtitleHeight = subtitle.reduce(
      (sum, line, i) => sum + line.height + (i > 0 ? gap(subtitleSize) : 0),
      0,
    );
    const between = title && subtitle.length > 0 ? 0.35 : 0;
    return { title, subtitle, height: (title?.height ?? 0) + between + subtitleHeight };
  };
  for (const titleSize of titleSizes) {
    for (const subtitleSize of subtitleSizes) {
      const block = build(titleSize, subtitleSize, 3);
      const cut = block.title?.truncated === true || block.subtitle.some((line) => line.truncated);
      if (!cut && block.height <= available) return block;
    }
  }
  const smallest = build(
    titleSizes[titleSizes.length - 1]!,
    subtitleSizes[subtitleSizes.length - 1]!,
    3,
  );
  while (smallest.subtitle.length > 0 && smallest.height > available) {
    const removed = smallest.subtitle.pop()!;
    smallest.height -= removed.height + gap(removed.sizePt);
  }
  return smallest;
}

function titleBlockShapes(
  block: TitleBlock,
  x: number,
  y: number,
  width: number,
  color: string,
  theme: Theme,
): Shape[] {
  const shapes: Shape[] = [];
  let cursor = y;
  if (block.title) {
    shapes.push({
      type: "text",
      name: "Titel",
      x,
      y: cursor,
      w: width,
      h: block.title.height,
      valign: "top",
      paragraphs: [
        paragraph(block.title.runs, block.title.sizePt, color, theme.font.heading, { bold: true }),
      ],
    });
    cursor += block.title.height + (block.subtitle.length > 0 ? 0.35 : 0);
  }
  if (block.subtitle.length > 0) {
    const paragraphs = block.subtitle.map((line, i) =>
      paragraph(line.runs, line.sizePt, color, theme.font.body, {
        spaceBeforePt: i > 0 ? Math.round(line.sizePt * 0.4) : 0,
      }),
    );
    shapes.push({
      type: "text",
      name: "Ondertitel",
      x,
      y: cursor,
      w: width,
      h: y + block.height - cursor,
      valign: "top",
      paragraphs,
    });
  }
  return shapes;
}

function layoutTitleSlide(source: SlideSource, ctx: LayoutContext): Frame {
  const { theme } = ctx;
  const onPrimary = theme.color.tableHeaderText;
  const shapes: Shape[] = [
    {
      type: "rect",
      name: "Strook",
      x: 0,
      y: SLIDE_HEIGHT - BOTTOM_STRIP,
      w: SLIDE_WIDTH,
      h: BOTTOM_STRIP,
      fill: theme.color.primaryDark,
    },
  ];
  let bottom = SLIDE_HEIGHT - BOTTOM_STRIP - 0.6;
  if (theme.logo) {
    const logo = fitImage(
      theme.logo.width,
      theme.logo.height,
      TITLE_LOGO.maxWidth,
      TITLE_LOGO.maxHeight,
    );
    const cardW = logo.w + 2 * TITLE_LOGO.padding;
    const cardH = logo.h + 2 * TITLE_LOGO.padding;
    const cardX = SLIDE_WIDTH - MARGIN_X - cardW;
    const cardY = SLIDE_HEIGHT - BOTTOM_STRIP - 0.45 - cardH;
    // A white card keeps a coloured logo readable on the coloured background.
    shapes.push({
      type: "rect",
      name: "Logokaart",
      x: cardX,
      y: cardY,
      w: cardW,
      h: cardH,
      fill: "FFFFFF",
      rounded: true,
    });
    shapes.push({
      type: "image",
      name: "Logo",
      x: cardX + TITLE_LOGO.padding,
      y: cardY + TITLE_LOGO.padding,
      w: logo.w,
      h: logo.h,
    });
    bottom = cardY - 0.3;
  }
  const x = MARGIN_X + 0.15;
  const width = SLIDE_WIDTH - 2 * x;
  let top = 0.8;
  // The house style's name sits above the title, in the title's colour, one line at most.
  const name = theme.titleName?.replace(/\s+/g, " ").trim();
  if (name) {
    const size = theme.size.slideBody;
    const fitted = fitText([plainRun(name)], width, sizeSteps(size, 3, 2, MIN_BODY_SIZE), 1, 1, {
      bold: true,
      font: theme.font.heading,
    });
    shapes.push({
      type: "text",
      name: "Naam",
      x,
      y: 0.45,
      w: width,
      h: fitted.height,
      valign: "top",
      paragraphs: [
        paragraph(fitted.runs, fitted.sizePt, onPrimary, theme.font.heading, { bold: true }),
      ],
    });
    top = 0.45 + fitted.height + 0.35;
  }
  const accent = 0.08 + 0.35;
  const titleSizes = sizeSteps(Math.round((theme.size.slideTitle * 1.45) / 2) * 2, 8, 2, 24);
  const subtitleSizes = sizeSteps(theme.size.slideBody + 2, 4, 2, MIN_BODY_SIZE);
  const block = fitTitleBlock(
    source,
    width,
    bottom - top - accent,
    titleSizes,
    subtitleSizes,
    theme,
  );
  const y = top + Math.max(0, (bottom - top - accent - block.height) * 0.45);
  shapes.push({
    type: "rect",
    name: "Accentlijn",
    x,
    y,
    w: 1.4,
    h: 0.08,
    fill: theme.color.accent,
  });
  shapes.push(...titleBlockShapes(block, x, y + accent, width, onPrimary, theme));
  return { background: theme.color.primary, shapes, notes: source.notes };
}

function layoutSectionSlide(source: SlideSource, ctx: LayoutContext): Frame {
  const { theme } = ctx;
  const onPrimary = theme.color.tableHeaderText;
  const barWidth = 0.12;
  const x = MARGIN_X + barWidth + 0.35;
  const width = SLIDE_WIDTH - MARGIN_X - x;
  const top = 0.8;
  const bottom = SLIDE_HEIGHT - BOTTOM_STRIP - 0.9;
  const titleSizes = sizeSteps(theme.size.slideTitle + 8, 8, 2, 24);
  const subtitleSizes = sizeSteps(theme.size.slideBody, 3, 2, MIN_BODY_SIZE);
  const block = fitTitleBlock(source, width, bottom - top, titleSizes, subtitleSizes, theme);
  const y = top + Math.max(0, (bottom - top - block.height) * 0.5);
  return {
    background: theme.color.primary,
    shapes: [
      {
        type: "rect",
        name: "Strook",
        x: 0,
        y: SLIDE_HEIGHT - BOTTOM_STRIP,
        w: SLIDE_WIDTH,
        h: BOTTOM_STRIP,
        fill: theme.color.primaryDark,
      },
      {
        type: "rect",
        name: "Accentbalk",
        x: MARGIN_X,
        y,
        w: barWidth,
        h: Math.max(block.height, 0.5),
        fill: theme.color.accent,
      },
      ...titleBlockShapes(block, x, y, width, onPrimary, theme),
    ],
    slideNumber: { ...slideNumberSpec(theme, onPrimary), y: SLIDE_HEIGHT - BOTTOM_STRIP - 0.55 },
    notes: source.notes,
  };
}
