import { unzipSync } from "fflate";
import { formatBytes } from "../answers/load-file.js";
import { InputError, UsageError } from "../errors.js";
import { cellText } from "./cells.js";
import type { SheetRow, SheetTable } from "./table.js";

/**
 * Reads one sheet of an .xlsx workbook into a table of text cells: the first visible sheet, or
 * the one named by `--blad`. exceljs is imported here, on first use only (it costs ≈190 ms).
 */
export async function parseXlsxTable(
  bytes: Uint8Array,
  source: string,
  sheetName?: string,
): Promise<SheetTable> {
  checkUnpackedSize(bytes, source);
  const { default: ExcelJS } = await import("exceljs");
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs's types predate Node's generic Buffer; the bytes are what it reads.
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch (error) {
    throw new InputError(`${source} kan niet worden gelezen als Excel-werkmap (.xlsx).`, {
      hint: "Is het een ouder .xls-bestand of een beschadigd bestand? Open het in Excel en sla het op als Excel-werkmap (.xlsx), of als CSV.",
      cause: error,
    });
  }
  const sheets = workbook.worksheets;
  const names = sheets.map((sheet) => sheet.name);
  let sheet;
  if (sheetName !== undefined) {
    const wanted = sheetName.trim().toLowerCase();
    sheet = sheets.find((candidate) => candidate.name.trim().toLowerCase() === wanted);
    if (!sheet)
      throw new UsageError(`${source} heeft geen blad "${sheetName}".`, {
        hint: `De bladen in dit bestand: ${names.map((n) => `"${n}"`).join(", ")}.`,
      });
  } else {
    sheet = sheets.find((candidate) => candidate.state === "visible") ?? sheets[0];
  }
  if (!sheet) throw new InputError(`${source} bevat geen werkbladen.`);
  const where = `${source}, blad "${sheet.name}"`;

  const width = sheet.columnCount;
  const readRow = (number: number): string[] => {
    const row = sheet.getRow(number);
    const cells: string[] = [];
    for (let column = 1; column <= width; column++) {
      const cell = row.getCell(column);
      cells.push(cellText(cell.value, cell.numFmt));
    }
    return cells;
  };
  const headers = sheet.rowCount >= 1 ? readRow(1) : [];
  if (headers.every((cell) => cell.trim() === ""))
    throw new InputError(`${where} is leeg of heeft geen kopregel in rij 1.`, {
      hint: "Rij 1 moet de kolomnamen bevatten. Maak een leeg sjabloon met: idokit batch sjabloon bibliotheken.xlsx",
    });
  const rows: SheetRow[] = [];
  for (let number = 2; number <= sheet.rowCount; number++)
    rows.push({ number, cells: readRow(number) });
  // Our own template has an "Uitleg" sheet beside the data; only other sheets make a choice.
  const others = sheets.filter(
    (other) => other !== sheet && other.state === "visible" && other.name !== "Uitleg",
  );
  const notices =
    sheetName === undefined && others.length > 0
      ? [`${source}: blad "${sheet.name}" gelezen (kies een ander blad met --blad NAAM).`]
      : [];
  return { source: where, headers, rows, notices };
}

/** The most an .xlsx may unpack to: a sheet of 300 libraries unpacks to about 1 MB. */
export const XLSX_MAX_UNPACKED = 200 * 1024 * 1024;

/**
 * Refuses a workbook that would unpack to more than `XLSX_MAX_UNPACKED` before anything is
 * unpacked: the sizes come from the zip's directory, so a "zip bomb" costs nothing to refuse.
 * Bytes that are no zip at all are left to exceljs, which says so.
 */
function checkUnpackedSize(bytes: Uint8Array, source: string): void {
  let total = 0;
  try {
    unzipSync(bytes, {
      filter: (file) => {
        total += file.originalSize;
        return false;
      },
    });
  } catch {
    return;
  }
  if (total > XLSX_MAX_UNPACKED)
    throw new InputError(
      `${source} pakt uit tot ${formatBytes(total)}; idokit leest werkmappen tot ${formatBytes(XLSX_MAX_UNPACKED)} uitgepakt.`,
      {
        hint: "Staan er veel lege of opgemaakte rijen of kolommen in? Kopieer alleen de ingevulde rijen naar een nieuw werkblad, of sla het op als CSV.",
      },
    );
}
