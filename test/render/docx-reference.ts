/**
 * The reference for idokit's own .docx body writer (src/render/docx/xml.ts): the same block
 * model turned into the docx library's Paragraph/Table objects and written by the library, as
 * idokit did before it wrote the body itself. Test code only; the product never loads it.
 */
import {
  NoBreakHyphen,
  PageBreak,
  Paragraph,
  ShadingType,
  Tab,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
  type File,
  type FileChild,
  type IBorderOptions,
  type IRunOptions,
  type ParagraphChild,
} from "docx";
import {
  DOCX_RANDOM_SEED,
  buildDocument,
  layoutDocx,
  type DocxOptions,
} from "../../src/render/docx/index.js";
import type {
  BlockData,
  BorderData,
  ParagraphData,
  RunData,
  TableData,
} from "../../src/render/docx/model.js";
import { buildCoreXml, compiler, zipParts } from "../../src/render/docx/pack.js";
import { withSeededRandom } from "../../src/render/seeded-random.js";
import { stripControlCharacters } from "../../src/render/text.js";

function toRun(run: RunData): ParagraphChild {
  if (run.pageBreak) return new PageBreak();
  const format: IRunOptions = {
    ...(run.break ? { break: 1 } : {}),
    ...(run.font !== undefined ? { font: run.font } : {}),
    ...(run.bold !== undefined ? { bold: run.bold } : {}),
    ...(run.italics !== undefined ? { italics: run.italics } : {}),
    ...(run.strike !== undefined ? { strike: run.strike } : {}),
    ...(run.color !== undefined ? { color: run.color } : {}),
    ...(run.size !== undefined ? { size: run.size } : {}),
  };
  if (run.noBreakHyphen) return new TextRun({ ...format, children: [new NoBreakHyphen()] });
  if (run.tab) {
    return new TextRun({
      ...format,
      children: [...(run.text !== undefined ? [run.text] : []), new Tab()],
    });
  }
  return new TextRun({ ...format, ...(run.text !== undefined ? { text: run.text } : {}) });
}

const border = (b: BorderData): IBorderOptions => ({ ...b }) as IBorderOptions;

function toParagraph(p: ParagraphData): Paragraph {
  return new Paragraph({
    ...(p.heading ? { heading: p.heading } : {}),
    ...(p.style !== undefined ? { style: p.style } : {}),
    ...(p.keepNext !== undefined ? { keepNext: p.keepNext } : {}),
    ...(p.keepLines !== undefined ? { keepLines: p.keepLines } : {}),
    ...(p.pageBreakBefore ? { pageBreakBefore: true } : {}),
    ...(p.numbering ? { numbering: { ...p.numbering } } : {}),
    ...(p.border ? { border: { bottom: border(p.border.bottom) } } : {}),
    ...(p.spacing ? { spacing: { ...p.spacing } } : {}),
    ...(p.indent ? { indent: { ...p.indent } } : {}),
    ...(p.alignment ? { alignment: p.alignment } : {}),
    ...(p.markSize !== undefined ? { run: { size: p.markSize } } : {}),
    children: p.runs.map(toRun),
  } as ConstructorParameters<typeof Paragraph>[0]);
}

function toTable(t: TableData): Table {
  const b = t.borders;
  return new Table({
    width: { size: t.width, type: WidthType.DXA },
    columnWidths: t.columnWidths,
    layout: TableLayoutType.FIXED,
    ...(t.margins ? { margins: { ...t.margins } } : {}),
    borders: {
      top: border(b.top),
      left: border(b.left),
      bottom: border(b.bottom),
      right: border(b.right),
      insideHorizontal: border(b.insideH),
      insideVertical: border(b.insideV),
    },
    rows: t.rows.map(
      (row) =>
        new TableRow({
          ...(row.tableHeader ? { tableHeader: true } : {}),
          cantSplit: row.cantSplit,
          ...(row.height ? { height: { ...row.height } } : {}),
          children: row.cells.map(
            (cell) =>
              new TableCell({
                width: { size: cell.width, type: WidthType.DXA },
                ...(cell.verticalAlign ? { verticalAlign: cell.verticalAlign } : {}),
                ...(cell.shading
                  ? { shading: { type: ShadingType.CLEAR, color: "auto", fill: cell.shading } }
                  : {}),
                ...(cell.margins ? { margins: { ...cell.margins } } : {}),
                children: toChildren(cell.children) as (Paragraph | Table)[],
              }),
          ),
        }),
    ),
  } as ConstructorParameters<typeof Table>[0]);
}

export function toChildren(blocks: readonly BlockData[]): FileChild[] {
  return blocks.map((block) => (block.type === "p" ? toParagraph(block) : toTable(block)));
}

/** renderDocx with the body written by the docx library instead of idokit's own writer. */
export function renderDocxWithLibrary(markdown: string, options: DocxOptions): Promise<Uint8Array> {
  return withSeededRandom(DOCX_RANDOM_SEED, async () => {
    const layout = layoutDocx(markdown, options);
    const doc = buildDocument(layout, options, {
      title: toChildren(layout.title ?? []),
      body: toChildren(layout.body ?? []),
    });
    return packDocument(doc, {
      title: stripControlCharacters(options.title),
      creator: "idokit",
      created: options.created,
    });
  });
}

/**
 * A docx-library document packed as idokit packs its own: the library's parts, core properties
 * with a fixed date (reproducible), zipped by idokit's zip writer.
 */
export function packDocument(
  doc: File,
  core: { title: string; creator: string; created?: Date | undefined },
): Promise<Uint8Array> {
  const { created } = core;
  const overrides = created
    ? [{ path: "docProps/core.xml", data: buildCoreXml({ ...core, created }) }]
    : [];
  return Promise.resolve(
    zipParts(compiler.compile(doc, undefined, overrides), created ?? new Date()),
  );
}
