import { writeFileSync } from "node:fs";
import ExcelJS from "exceljs";
import iconv from "iconv-lite";
import { loadPackKind, type PackKind } from "../../src/batch/kinds.js";
import { describeTemplate } from "../../src/batch/template.js";
import { fileContext, TODAY } from "../helpers/context.js";

export type Cell = string | number | Date | null;

/** The training pack kind. */
export async function trainingKind(): Promise<PackKind> {
  return (await loadPackKind("training"))!;
}

/** The columns and example row of a pack kind's template: a complete, valid spreadsheet row. */
export async function templateSheet(
  kindName: "training" | "bijeenkomst" = "training",
): Promise<{ headers: string[]; example: Cell[] }> {
  const kind = (await loadPackKind(kindName))!;
  const description = describeTemplate(kind, await kind.exampleAnswers(TODAY), fileContext());
  return {
    headers: description.columns.map((c) => c.header),
    example: description.columns.map((c) => (c.example === "" ? null : c.example)),
  };
}

/** A copy of the example row with cells replaced by header. */
export function rowWith(
  headers: readonly string[],
  example: readonly Cell[],
  changes: Record<string, Cell>,
): Cell[] {
  const row = [...example];
  for (const [header, value] of Object.entries(changes)) {
    const index = headers.indexOf(header);
    if (index < 0) throw new Error(`no column ${header}`);
    row[index] = value;
  }
  return row;
}

/** Writes an .xlsx with exceljs: one sheet, header row and data rows as given. */
export async function writeXlsx(
  file: string,
  headers: readonly string[],
  rows: ReadonlyArray<readonly Cell[]>,
  options: { sheet?: string; formats?: Record<number, string> } = {},
): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(options.sheet ?? "Bibliotheken");
  sheet.addRow([...headers]);
  for (const values of rows) {
    const row = sheet.addRow([...values]);
    for (const [column, format] of Object.entries(options.formats ?? {}))
      row.getCell(Number(column)).numFmt = format;
  }
  await workbook.xlsx.writeFile(file);
}

const quote = (value: string): string =>
  /[;"\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;

/**
 * Writes a CSV as Dutch Excel on Windows does: `;`-separated, CRLF, Windows-1252, optionally
 * behind a UTF-8 BOM (what some tools add).
 */
export function writeCsv1252(
  file: string,
  headers: readonly string[],
  rows: ReadonlyArray<readonly Cell[]>,
  options: { bom?: boolean } = {},
): void {
  const text = [headers, ...rows]
    .map((row) => row.map((cell) => quote(cell === null ? "" : String(cell))).join(";"))
    .join("\r\n");
  const body = iconv.encode(`${text}\r\n`, "windows-1252");
  writeFileSync(file, options.bom ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), body]) : body);
}

/** Parses rapport.csv (BOM, `;`, CRLF, quoted fields) into records by header. */
export function readReport(text: string): Array<Record<string, string>> {
  const records: string[][] = [];
  let field = "";
  let record: string[] = [];
  let quoted = false;
  const body = text.replace(/^\uFEFF/, "");
  for (let i = 0; i < body.length; i++) {
    const char = body[i]!;
    if (quoted) {
      if (char === '"' && body[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ";") {
      record.push(field);
      field = "";
    } else if (char === "\r" && body[i + 1] === "\n") {
      record.push(field);
      records.push(record);
      record = [];
      field = "";
      i++;
    } else field += char;
  }
  const [header, ...rest] = records;
  return rest.map((values) => Object.fromEntries(header!.map((h, i) => [h, values[i] ?? ""])));
}
