import { readFileSync } from "node:fs";
import { basename, extname } from "node:path";
import { InputError, UsageError } from "../errors.js";
import type { SheetTable } from "./table.js";

/**
 * Reads a spreadsheet file (.xlsx or .csv) into a table of text cells. The format follows the
 * file extension; an .xlsx is read with exceljs, a .csv with csv-parse.
 */
export async function readSheetTable(
  file: string,
  options: { sheet?: string | undefined } = {},
): Promise<SheetTable> {
  const extension = extname(file).toLowerCase();
  if (![".xlsx", ".xlsm", ".csv", ".txt"].includes(extension))
    throw new UsageError(
      `idokit batch leest .xlsx- en .csv-bestanden, geen "${extension || basename(file)}".`,
      {
        hint:
          extension === ".xls" || extension === ".ods"
            ? "Open het bestand in Excel of LibreOffice en sla het op als Excel-werkmap (.xlsx)."
            : "Maak een leeg sjabloon met: idokit batch sjabloon bibliotheken.xlsx",
      },
    );
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(
      code === "ENOENT"
        ? `Het bestand "${file}" bestaat niet.`
        : code === "EISDIR"
          ? `"${file}" is een map, geen bestand.`
          : `Het bestand "${file}" kan niet worden gelezen (${code ?? "onbekende fout"}).`,
      {
        hint:
          code === "EBUSY" || code === "EPERM"
            ? "Staat het bestand nog open in Excel? Sluit het en probeer opnieuw."
            : "Controleer het pad.",
      },
    );
  }
  const source = basename(file);
  if (extension === ".csv" || extension === ".txt") {
    if (options.sheet !== undefined)
      throw new UsageError("--blad werkt alleen bij een .xlsx-bestand, niet bij CSV.");
    const { parseCsvTable } = await import("./read-csv.js");
    return parseCsvTable(bytes, source);
  }
  const { parseXlsxTable } = await import("./read-xlsx.js");
  return parseXlsxTable(bytes, source, options.sheet);
}
