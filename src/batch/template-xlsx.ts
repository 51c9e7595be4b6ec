import type { Worksheet } from "exceljs";
import { itemPrefix } from "./columns.js";
import { columnLetter } from "./table.js";
import { requiredText, type TemplateDescription } from "./template.js";

/** Rows that get dropdowns and text formatting: enough for every IDO location in the country. */
const DATA_ROWS = 1000;
export const DATA_SHEET = "Bibliotheken";
export const HELP_SHEET = "Uitleg";
const CHOICES_SHEET = "Keuzes";

const HEADER_FILL = "FF1F4E79";
const OPTIONAL_FILL = "FF5B7FA6";
const EXAMPLE_FONT = "FF595959";

// exceljs supports ranges in data validations but leaves the collection out of its types.
interface RangeValidations {
  add(range: string, validation: Record<string, unknown>): void;
}

/**
 * Writes the empty spreadsheet as an .xlsx: the data sheet (header with a note per column, text
 * columns, dropdowns, one example row), the "Uitleg" sheet with every column explained, and a
 * hidden "Keuzes" sheet that the dropdowns read their choices from.
 */
export async function buildTemplateXlsx(description: TemplateDescription): Promise<Uint8Array> {
  const { default: ExcelJS } = await import("exceljs");
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "idokit";
  const data = workbook.addWorksheet(DATA_SHEET, { views: [{ state: "frozen", ySplit: 1 }] });
  const help = workbook.addWorksheet(HELP_SHEET);
  const choices = workbook.addWorksheet(CHOICES_SHEET, { state: "hidden" });

  // 1. Columns: header, width, text format (so Excel keeps leading zeros and typed dates).
  const { columns } = description;
  data.columns = columns.map((column) => ({
    header: column.header,
    key: column.header,
    width: Math.min(
      Math.max(column.header.length + 4, String(column.example).length * 0.9, 14),
      45,
    ),
    ...(column.numeric ? {} : { style: { numFmt: "@" } }),
  }));
  const header = data.getRow(1);
  header.height = 32;
  columns.forEach((column, index) => {
    const cell = header.getCell(index + 1);
    cell.font = { bold: true, color: { argb: "FFFFFFFF" } };
    cell.fill = {
      type: "pattern",
      pattern: "solid",
      fgColor: { argb: column.required === "ja" ? HEADER_FILL : OPTIONAL_FILL },
    };
    cell.alignment = { vertical: "middle", wrapText: true };
    cell.numFmt = "General";
    cell.note = [
      column.label,
      "",
      column.help,
      "",
      `Verplicht: ${requiredText(column.required)}.`,
      `Invullen: ${column.allowed}.`,
    ].join("\n");
  });

  // 2. The example row, in grey so it reads as an example.
  const example = data.getRow(2);
  columns.forEach((column, index) => {
    const cell = example.getCell(index + 1);
    cell.value = column.example === "" ? null : column.example;
    cell.font = { italic: true, color: { argb: EXAMPLE_FONT } };
  });

  // 3. Dropdowns: choices listed on the hidden sheet, one column per question.
  const validations = (data as unknown as { dataValidations: RangeValidations }).dataValidations;
  let choiceColumn = 0;
  const listed = new Map<string, string>();
  columns.forEach((column, index) => {
    if (!column.dropdown) return;
    const id = column.dropdown.join("\u0000");
    let range = listed.get(id);
    if (!range) {
      choiceColumn += 1;
      const letter = columnLetter(choiceColumn - 1);
      choices.getCell(`${letter}1`).value = column.header;
      column.dropdown.forEach((value, i) => {
        choices.getCell(`${letter}${i + 2}`).value = value;
      });
      range = `${CHOICES_SHEET}!$${letter}$2:$${letter}$${column.dropdown.length + 1}`;
      listed.set(id, range);
    }
    const letter = columnLetter(index);
    validations.add(`${letter}2:${letter}${DATA_ROWS + 1}`, {
      type: "list",
      allowBlank: true,
      formulae: [range],
      showErrorMessage: column.dropdownStrict,
      errorStyle: "stop",
      errorTitle: column.header,
      error: `Kies een waarde uit de lijst. ${column.allowed}.`,
      showInputMessage: !column.dropdownStrict,
      promptTitle: column.header.slice(0, 32),
      prompt: column.dropdownStrict ? "" : "Meer waarden? Scheid ze met een puntkomma (;).",
    });
  });

  writeHelpSheet(help, description);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

function writeHelpSheet(sheet: Worksheet, description: TemplateDescription): void {
  sheet.columns = HELP_WIDTHS.map((width) => ({ width }));
  // Printed, the explanation fits the width of a landscape page.
  sheet.pageSetup = { orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
  const title = sheet.addRow([`Uitleg bij het sjabloon voor het ${description.kind.label}`]);
  title.font = { bold: true, size: 14 };
  for (const paragraph of description.intro) {
    const row = sheet.addRow([paragraph]);
    sheet.mergeCells(row.number, 1, row.number, 6);
    row.getCell(1).alignment = { wrapText: true, vertical: "top" };
    row.height = Math.max(15, Math.ceil(paragraph.length / 150) * 15);
  }
  sheet.addRow([]);
  const head = sheet.addRow([
    "Kolom",
    "Vraag",
    "Uitleg",
    "Voorbeeld",
    "Verplicht",
    "Mogelijke waarden",
  ]);
  head.font = { bold: true, color: { argb: "FFFFFFFF" } };
  head.eachCell((cell) => {
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: HEADER_FILL } };
  });
  const repeated = new Set<string>();
  for (const column of description.columns) {
    const item = column.spec.item;
    if (item && item.index > 1) {
      // Later items repeat the first; one line says so instead of repeating every field.
      if (repeated.has(column.spec.key)) continue;
      repeated.add(column.spec.key);
      const last = Math.max(
        ...description.columns
          .filter((c) => c.spec.key === column.spec.key)
          .map((c) => c.spec.item!.index),
      );
      const row = sheet.addRow([
        `${itemPrefix(item.list)} 2 t/m ${last}`,
        `${item.list.label} 2 t/m ${last}`,
        `Dezelfde kolommen als ${itemPrefix(item.list)} 1, voor de volgende ${item.list.label.toLowerCase()}. Laat ze leeg als je ze niet nodig hebt.`,
        "",
        requiredText("nee"),
        "",
      ]);
      row.alignment = { wrapText: true, vertical: "top" };
      row.height = rowHeight(row.values);
      continue;
    }
    const row = sheet.addRow([
      column.header,
      column.label,
      column.help,
      String(column.example),
      requiredText(column.required),
      column.allowed,
    ]);
    row.alignment = { wrapText: true, vertical: "top" };
    row.height = rowHeight(row.values);
  }
}

const HELP_WIDTHS = [30, 40, 60, 36, 26, 60];
const LINE_HEIGHT = 15;

/**
 * The height a row of the help table needs for its wrapped text. Spreadsheet programs do not all
 * grow a row for wrapped text in a file they did not write themselves (LibreOffice does not).
 */
function rowHeight(values: unknown): number {
  const cells = Array.isArray(values) ? values.slice(1) : [];
  const lines = cells.map((value, index) => {
    const width = HELP_WIDTHS[index] ?? 30;
    return Math.ceil(String(value ?? "").length / (width * 1.1)) || 1;
  });
  return Math.max(1, ...lines) * LINE_HEIGHT;
}
