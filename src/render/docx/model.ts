/**
 * idokit's own block model of a .docx body: paragraphs, runs and tables as plain data, in Word's
 * units (twips, half-points, eighths of a point). The builders (blocks.ts, inline.ts, table.ts)
 * make it; xml.ts writes it as WordprocessingML. Only what idokit's Markdown dialect needs is here,
 * so every field has exactly one way to be written.
 */

/** A border line: `size` in eighths of a point, `space` in points. */
export interface BorderData {
  style: "single" | "dashed" | "none";
  size: number;
  color: string;
  space?: number;
}

/** One run of text with one format; `size` in half-points. */
export interface RunData {
  /** The run's text; left out, the run has no `w:t` (a tab or break only). */
  text?: string;
  /** A line break before the text. */
  break?: boolean;
  /** A page break (the run's only content). */
  pageBreak?: boolean;
  /** A tab after the text. */
  tab?: boolean;
  /** A non-breaking hyphen (the run's only content). */
  noBreakHyphen?: boolean;
  font?: string;
  bold?: boolean;
  italics?: boolean;
  strike?: boolean;
  color?: string;
  size?: number;
}

export type HeadingStyle = "Title" | "Heading1" | "Heading2" | "Heading3";

export interface ParagraphData {
  type: "p";
  heading?: HeadingStyle;
  style?: string;
  keepNext?: boolean;
  keepLines?: boolean;
  pageBreakBefore?: boolean;
  numbering?: { reference: string; level: number; instance: number };
  border?: { bottom: BorderData };
  spacing?: { before?: number; after?: number; line?: number; lineRule?: "auto" | "exact" };
  indent?: { left?: number; hanging?: number };
  alignment?: "left" | "center" | "right";
  /** Font size of the paragraph mark, in half-points. */
  markSize?: number;
  runs: RunData[];
}

export interface CellMargins {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

export interface CellData {
  /** Width in twips. */
  width: number;
  verticalAlign?: "center" | "bottom";
  /** Background colour. */
  shading?: string;
  margins?: CellMargins;
  /** Block content; Word wants at least one paragraph, and a paragraph last. */
  children: BlockData[];
}

export interface RowData {
  cantSplit: boolean;
  tableHeader?: boolean;
  height?: { value: number; rule: "atLeast" | "exact" };
  cells: CellData[];
}

/** A table with fixed layout, its width and columns in twips. */
export interface TableData {
  type: "tbl";
  width: number;
  columnWidths: number[];
  margins?: CellMargins;
  borders: {
    top: BorderData;
    left: BorderData;
    bottom: BorderData;
    right: BorderData;
    insideH: BorderData;
    insideV: BorderData;
  };
  rows: RowData[];
}

export type BlockData = ParagraphData | TableData;
