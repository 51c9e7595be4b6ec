/**
 * Frames → pptxgenjs calls. No decisions are made here: positions and sizes come from the
 * layout; this module only knows pptxgenjs's option names and quirks.
 */
import type { Logo } from "../theme.js";
import type { CellSpec, Frame, ParagraphSpec, Shape, TableShape, TextShape } from "./frame.js";
import type { Presentation, PptxSlide, PptxTableCell, PptxTextRun } from "./pptxgenjs.js";

export const LANGUAGE = "nl-NL";

/** Adds one slide for the frame. */
export function drawFrame(pptx: Presentation, frame: Frame, logo: Logo | undefined): PptxSlide {
  const slide = pptx.addSlide();
  if (frame.background) slide.background = { color: frame.background };
  for (const shape of frame.shapes) drawShape(pptx, slide, shape, logo);
  if (frame.slideNumber) {
    const n = frame.slideNumber;
    slide.slideNumber = {
      x: inches(n.x),
      y: inches(n.y),
      w: inches(n.w),
      h: inches(n.h),
      fontFace: n.font,
      fontSize: n.sizePt,
      color: n.color,
      align: "right",
      // Bottom-aligned like the footer text, so both sit on one baseline.
      valign: "bottom",
      margin: 0,
    };
  }
  // No slide.addNotes: pptxgenjs writes a notes slide for every slide anyway, and finishPackage
  // replaces each one with the notes as proper paragraphs (notesSlideXml), so the text given to
  // pptxgenjs was only encoded to be thrown away.
  return slide;
}

/** Rounds to 1/1000 inch and refuses NaN, which pptxgenjs would write into the XML. */
function inches(value: number): number {
  if (!Number.isFinite(value)) throw new Error(`Invalid slide coordinate: ${value}`);
  return Math.round(value * 1000) / 1000;
}

function drawShape(
  pptx: Presentation,
  slide: PptxSlide,
  shape: Shape,
  logo: Logo | undefined,
): void {
  switch (shape.type) {
    case "rect":
      slide.addShape(shape.rounded ? pptx.ShapeType.roundRect : pptx.ShapeType.rect, {
        x: inches(shape.x),
        y: inches(shape.y),
        w: inches(shape.w),
        h: inches(shape.h),
        fill: { color: shape.fill },
        ...(shape.rounded ? { rectRadius: 0.08 } : {}),
        objectName: shape.name,
      });
      return;
    case "text":
      drawText(slide, shape);
      return;
    case "table":
      drawTable(slide, shape);
      return;
    case "image":
      if (!logo) return;
      slide.addImage({
        data: `image/${logo.type};base64,${toBase64(logo.data)}`,
        x: inches(shape.x),
        y: inches(shape.y),
        w: inches(shape.w),
        h: inches(shape.h),
        altText: "Logo",
        objectName: shape.name,
      });
      return;
  }
}

/**
 * The logo's bytes as base64, encoded once per logo: it is on almost every slide, and encoding it
 * anew for each was a quarter of a deck's time with a 40 KB logo.
 */
const base64ByData = new WeakMap<Uint8Array, string>();

function toBase64(data: Uint8Array): string {
  let encoded = base64ByData.get(data);
  if (encoded === undefined) {
    encoded = encodeBase64(data);
    base64ByData.set(data, encoded);
  }
  return encoded;
}

function encodeBase64(data: Uint8Array): string {
  let binary = "";
  const chunk = 0x8000;
  for (let i = 0; i < data.length; i += chunk) {
    binary += String.fromCharCode(...data.subarray(i, i + chunk));
  }
  return btoa(binary);
}

function paragraphRuns(paragraph: ParagraphSpec, last: boolean): PptxTextRun[] {
  return paragraph.runs.map((run, i) => {
    const options: NonNullable<PptxTextRun["options"]> = {
      fontFace: paragraph.font,
      fontSize: paragraph.sizePt,
      color: paragraph.color,
      bold: paragraph.bold === true || run.bold,
      italic: paragraph.italic === true || run.italic,
      lang: LANGUAGE,
      // Every run repeats the alignment: pptxgenjs starts a new paragraph when it changes.
      align: paragraph.align,
    };
    if (i === 0) {
      if (paragraph.bullet) {
        const b = paragraph.bullet;
        options.bullet =
          b.kind === "number"
            ? { type: "number", indent: b.indentPt, numberStartAt: b.startAt }
            : { characterCode: b.level === 0 ? "2022" : "2013", indent: b.indentPt };
        if (b.level > 0) options.indentLevel = b.level;
      }
      if (paragraph.spaceBeforePt > 0) options.paraSpaceBefore = paragraph.spaceBeforePt;
    } else if (run.breakBefore) {
      options.softBreakBefore = true;
    }
    if (i === paragraph.runs.length - 1 && !last) options.breakLine = true;
    return { text: run.text, options };
  });
}

function drawText(slide: PptxSlide, shape: TextShape): void {
  const runs = shape.paragraphs.flatMap((p, i) =>
    paragraphRuns(p, i === shape.paragraphs.length - 1),
  );
  if (runs.length === 0) return;
  slide.addText(runs, {
    x: inches(shape.x),
    y: inches(shape.y),
    // Text boxes get a hair of extra room: the layout's estimate already has the margin it needs.
    w: inches(shape.w + 0.02),
    h: inches(shape.h + 0.04),
    margin: 0,
    valign: shape.valign,
    wrap: true,
    // No `fit: "shrink"`: it only sets a flag, which LibreOffice honours by shrinking text that
    // already fits. The layout guarantees the fit itself.
    lang: LANGUAGE,
    objectName: shape.name,
  });
}

function cell(spec: CellSpec, borderColor: string): PptxTableCell {
  const runs: PptxTextRun[] = spec.runs.map((run, i) => ({
    text: run.text,
    options: {
      bold: spec.bold || run.bold,
      italic: run.italic,
      fontFace: spec.font,
      fontSize: spec.sizePt,
      color: spec.color,
      lang: LANGUAGE,
      ...(i > 0 && run.breakBefore ? { softBreakBefore: true } : {}),
    },
  }));
  return {
    text: runs,
    options: {
      fill: { color: spec.fill },
      color: spec.color,
      fontFace: spec.font,
      fontSize: spec.sizePt,
      bold: spec.bold,
      align: spec.align,
      valign: "middle",
      margin: [0.06, 0.1, 0.06, 0.1],
      border: [
        { type: "none" },
        { type: "none" },
        { type: "solid", pt: 0.75, color: borderColor },
        { type: "none" },
      ],
    },
  };
}

function drawTable(slide: PptxSlide, shape: TableShape): void {
  slide.addTable(
    shape.rows.map((row) => row.map((spec) => cell(spec, shape.borderColor))),
    {
      x: inches(shape.x),
      y: inches(shape.y),
      w: inches(shape.w),
      colW: shape.colW.map(inches),
      rowH: shape.rowH.map(inches),
      objectName: shape.name,
    },
  );
}
