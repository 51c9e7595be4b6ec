/**
 * The parsed form of slide Markdown: what a slide says, before any decision about where it goes.
 */

/** The layouts a slide can ask for with `<!-- layout: NAME -->`. */
export const LAYOUT_NAMES = [
  "titel",
  "sectie",
  "opsomming",
  "twee-kolommen",
  "tabel",
  "citaat",
] as const;
export type LayoutName = (typeof LAYOUT_NAMES)[number];

/** A piece of text with one formatting. */
export interface Run {
  text: string;
  bold: boolean;
  italic: boolean;
  /** Starts a new line inside the same paragraph (a Markdown hard break). */
  breakBefore?: boolean;
}

export type CellAlign = "left" | "center" | "right";

export interface ParagraphBlock {
  kind: "paragraph";
  runs: Run[];
}

export interface BulletBlock {
  kind: "bullet";
  /** 0 for a top-level item, 1 for a nested one (deeper nesting is flattened to 1). */
  level: 0 | 1;
  ordered: boolean;
  /** The item's number in an ordered list; 0 for bullets. */
  number: number;
  runs: Run[];
}

export interface HeadingBlock {
  kind: "heading";
  runs: Run[];
}

export interface TableBlock {
  kind: "table";
  header: Run[][];
  rows: Run[][][];
  align: CellAlign[];
}

export type TextBlock = ParagraphBlock | BulletBlock | HeadingBlock;
export type Block = TextBlock | TableBlock;

export interface Column {
  heading: Run[] | undefined;
  blocks: Block[];
}

/** One slide as written in the Markdown (before continuation slides are added). */
export interface SlideSource {
  /** 1-based position in the Markdown, for error messages. */
  position: number;
  layout: LayoutName;
  title: Run[];
  /** `titel`/`sectie`: the subtitle lines. */
  subtitle: Run[][];
  /** `opsomming`/`tabel`: the body. */
  blocks: Block[];
  /** `twee-kolommen`: left and right. */
  columns: [Column, Column] | undefined;
  /** `citaat`: the quote and who said it. */
  quote: { blocks: Block[]; attribution: Run[][] } | undefined;
  /** Speaker notes as plain text, one entry per line (empty string: blank line). */
  notes: string[];
}
