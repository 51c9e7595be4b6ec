import type {
  BlockData,
  BorderData,
  CellData,
  CellMargins,
  ParagraphData,
  RowData,
  RunData,
  TableData,
} from "./model.js";

/**
 * Writes idokit's block model (model.ts) as WordprocessingML: the body of word/document.xml.
 *
 * The children of `w:pPr`, `w:rPr`, `w:tblPr`, `w:trPr` and `w:tcPr` must come in the order of
 * their schema sequence (ISO 29500-1, CT_PPr and friends), or Word refuses the file; the order
 * below is that sequence, and it is also the order the docx library writes, so the output is
 * byte for byte the library's (test/render/docx-emitter.test.ts compares the two).
 */

/* eslint-disable no-control-regex -- the characters XML 1.0 forbids */
const SPECIAL = /[&<>"'\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;
const SPECIAL_ALL = /[&<>"'\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
/* eslint-enable no-control-regex */
const ESCAPES: Readonly<Record<string, string>> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&apos;",
};

/**
 * Escapes text for element content and attribute values, as the docx library does: the five
 * markup characters as entities, and characters XML 1.0 forbids left out. The Markdown is
 * cleaned before it is parsed (stripControlCharacters), but a parser may still make one.
 */
export function escapeText(text: string): string {
  return SPECIAL.test(text) ? text.replace(SPECIAL_ALL, (c) => ESCAPES[c] ?? "") : text;
}

/** A colour as Word writes it: six hex digits without "#", or "auto". */
function color(value: string): string {
  return value.charCodeAt(0) === 35 /* # */ ? value.slice(1) : value;
}

/** `<w:x/>` for on, `<w:x w:val="false"/>` for off. */
function onOff(name: string, on: boolean): string {
  return on ? `<w:${name}/>` : `<w:${name} w:val="false"/>`;
}

function border(name: string, b: BorderData): string {
  return (
    `<w:${name} w:val="${b.style}" w:color="${color(b.color)}" w:sz="${b.size}"` +
    (b.space === undefined ? "/>" : ` w:space="${b.space}"/>`)
  );
}

function width(name: string, twips: number): string {
  return `<w:${name} w:type="dxa" w:w="${twips}"/>`;
}

function margins(name: string, m: CellMargins): string {
  return (
    `<w:${name}>` +
    width("top", m.top) +
    width("left", m.left) +
    width("bottom", m.bottom) +
    width("right", m.right) +
    `</w:${name}>`
  );
}

/** CT_RPr: rFonts, b, bCs, i, iCs, strike, color, sz, szCs. */
function runProperties(run: RunData): string {
  let xml = "";
  if (run.font) {
    const font = escapeText(run.font);
    xml += `<w:rFonts w:ascii="${font}" w:cs="${font}" w:eastAsia="${font}" w:hAnsi="${font}"/>`;
  }
  if (run.bold !== undefined) xml += onOff("b", run.bold) + onOff("bCs", run.bold);
  if (run.italics !== undefined) xml += onOff("i", run.italics) + onOff("iCs", run.italics);
  if (run.strike !== undefined) xml += onOff("strike", run.strike);
  if (run.color) xml += `<w:color w:val="${color(run.color)}"/>`;
  if (run.size !== undefined) xml += `<w:sz w:val="${run.size}"/>`;
  if (run.size) xml += `<w:szCs w:val="${run.size}"/>`;
  return xml === "" ? "" : `<w:rPr>${xml}</w:rPr>`;
}

function runXml(run: RunData): string {
  let xml = "<w:r>" + runProperties(run);
  if (run.noBreakHyphen) return xml + "<w:noBreakHyphen/></w:r>";
  if (run.pageBreak) xml += '<w:br w:type="page"/>';
  if (run.break) xml += "<w:br/>";
  if (run.text !== undefined) xml += `<w:t xml:space="preserve">${escapeText(run.text)}</w:t>`;
  if (run.tab) xml += "<w:tab/>";
  return xml + "</w:r>";
}

/** An empty element with the attributes that have a value, in the order given. */
function empty(name: string, attributes: Record<string, string | number | undefined>): string {
  let xml = `<${name}`;
  for (const [key, value] of Object.entries(attributes))
    if (value !== undefined) xml += ` ${key}="${value}"`;
  return `${xml}/>`;
}

/**
 * CT_PPr: pStyle, keepNext, keepLines, pageBreakBefore, numPr, pBdr, spacing, ind, jc, rPr,
 * sectPr. `sectionProperties` ends a section at this paragraph (all sections but the last).
 */
function paragraphProperties(p: ParagraphData, sectionProperties: string): string {
  let xml = "";
  if (p.heading) xml += `<w:pStyle w:val="${p.heading}"/>`;
  if (p.style) xml += `<w:pStyle w:val="${escapeText(p.style)}"/>`;
  if (p.keepNext !== undefined) xml += onOff("keepNext", p.keepNext);
  if (p.keepLines !== undefined) xml += onOff("keepLines", p.keepLines);
  if (p.pageBreakBefore) xml += "<w:pageBreakBefore/>";
  if (p.numbering) {
    xml += `<w:numPr><w:ilvl w:val="${p.numbering.level}"/><w:numId w:val="${p.numbering.instance}"/></w:numPr>`;
  }
  if (p.border) xml += `<w:pBdr>${border("bottom", p.border.bottom)}</w:pBdr>`;
  if (p.spacing) {
    const { after, before, line, lineRule } = p.spacing;
    xml += empty("w:spacing", {
      "w:after": after,
      "w:before": before,
      "w:line": line,
      "w:lineRule": lineRule,
    });
  }
  if (p.indent) xml += empty("w:ind", { "w:left": p.indent.left, "w:hanging": p.indent.hanging });
  if (p.alignment) xml += `<w:jc w:val="${p.alignment}"/>`;
  if (p.markSize !== undefined) xml += runProperties({ size: p.markSize });
  xml += sectionProperties;
  return xml === "" ? "" : `<w:pPr>${xml}</w:pPr>`;
}

/**
 * Numbered paragraphs carry the instance of idokit's numbering registry; `numId` turns it into
 * the w:numId of numbering.xml.
 */
export type NumIdOf = (reference: string, instance: number) => number;

export class BodyWriter {
  constructor(private readonly numIdOf: NumIdOf) {}

  paragraph(p: ParagraphData, sectionProperties = ""): string {
    const resolved = p.numbering
      ? {
          ...p,
          numbering: {
            ...p.numbering,
            instance: this.numIdOf(p.numbering.reference, p.numbering.instance),
          },
        }
      : p;
    const props = paragraphProperties(resolved, sectionProperties);
    if (props === "" && p.runs.length === 0) return "<w:p/>";
    let xml = "<w:p>" + props;
    for (const run of p.runs) xml += runXml(run);
    return xml + "</w:p>";
  }

  table(t: TableData): string {
    const b = t.borders;
    let xml =
      "<w:tbl><w:tblPr>" +
      width("tblW", t.width) +
      "<w:tblBorders>" +
      border("top", b.top) +
      border("left", b.left) +
      border("bottom", b.bottom) +
      border("right", b.right) +
      border("insideH", b.insideH) +
      border("insideV", b.insideV) +
      "</w:tblBorders>" +
      '<w:tblLayout w:type="fixed"/>' +
      (t.margins ? margins("tblCellMar", t.margins) : "") +
      "</w:tblPr><w:tblGrid>";
    for (const w of t.columnWidths) xml += `<w:gridCol w:w="${w}"/>`;
    xml += "</w:tblGrid>";
    for (const row of t.rows) xml += this.row(row);
    return xml + "</w:tbl>";
  }

  /**
   * Blocks in order. With `sectionProperties`, the blocks end a section: its properties go into
   * the last paragraph, or into an empty paragraph after a table.
   */
  blocks(blocks: readonly BlockData[], sectionProperties = ""): string {
    let xml = "";
    const last = blocks.length - 1;
    blocks.forEach((block, i) => {
      if (block.type === "p") xml += this.paragraph(block, i === last ? sectionProperties : "");
      else xml += this.table(block);
    });
    if (sectionProperties !== "" && blocks[last]?.type !== "p")
      xml += `<w:p><w:pPr>${sectionProperties}</w:pPr></w:p>`;
    return xml;
  }

  /** CT_TrPr as the docx library orders it: cantSplit, tblHeader, trHeight. */
  private row(row: RowData): string {
    let props = "";
    if (row.cantSplit) props += "<w:cantSplit/>";
    if (row.tableHeader) props += "<w:tblHeader/>";
    if (row.height)
      props += `<w:trHeight w:val="${row.height.value}" w:hRule="${row.height.rule}"/>`;
    let xml = props === "" ? "<w:tr>" : `<w:tr><w:trPr>${props}</w:trPr>`;
    for (const cell of row.cells) xml += this.cell(cell);
    return xml + "</w:tr>";
  }

  /** CT_TcPr: tcW, shd, tcMar, vAlign. */
  private cell(cell: CellData): string {
    let xml =
      "<w:tc><w:tcPr>" +
      width("tcW", cell.width) +
      (cell.shading
        ? `<w:shd w:fill="${color(cell.shading)}" w:color="auto" w:val="clear"/>`
        : "") +
      (cell.margins ? margins("tcMar", cell.margins) : "") +
      (cell.verticalAlign ? `<w:vAlign w:val="${cell.verticalAlign}"/>` : "") +
      "</w:tcPr>";
    xml += this.blocks(cell.children);
    return xml + "</w:tc>";
  }
}
