/**
 * Drawing-ready slides: every shape with its position (inches) and every paragraph with its
 * final font size. Layout decides these; `draw.ts` only translates them for pptxgenjs.
 */
import type { CellAlign, Run } from "./model.js";

export interface ParagraphSpec {
  runs: Run[];
  sizePt: number;
  color: string;
  font: string;
  bold?: boolean;
  italic?: boolean;
  align: CellAlign;
  bullet?: {
    kind: "bullet" | "number";
    level: 0 | 1;
    startAt: number;
    indentPt: number;
    hidden?: boolean;
  };
  spaceBeforePt: number;
}

export interface TextShape {
  type: "text";
  name: string;
  x: number;
  y: number;
  w: number;
  h: number;
  valign: "top" | "middle" | "bottom";
  paragraphs: ParagraphSpec[];
}

export interface RectShape {
  type: "rect";
  name: string;
  x: number;
  y: number;
  w: number;
  h: number;
  fill: string;
  rounded?: boolean;
}

export interface CellSpec {
  runs: Run[];
  sizePt: number;
  color: string;
  font: string;
  bold: boolean;
  fill: string;
  align: CellAlign;
}

export interface TableShape {
  type: "table";
  name: string;
  x: number;
  y: number;
  w: number;
  colW: number[];
  rowH: number[];
  rows: CellSpec[][];
  borderColor: string;
}

export interface ImageShape {
  type: "image";
  name: string;
  x: number;
  y: number;
  w: number;
  h: number;
}

export type Shape = TextShape | RectShape | TableShape | ImageShape;

export interface SlideNumberSpec {
  x: number;
  y: number;
  w: number;
  h: number;
  color: string;
  sizePt: number;
  font: string;
}

export interface Frame {
  /** Solid background colour; white when absent. */
  background?: string;
  shapes: Shape[];
  slideNumber?: SlideNumberSpec;
  /** Speaker notes, one entry per line. */
  notes: string[];
}
