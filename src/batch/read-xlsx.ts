import { strFromU8, strToU8, unzipSync, zipSync, type Unzipped } from "fflate";
import { formatBytes } from "../answers/load-file.js";
import { InputError, UsageError } from "../errors.js";
import { cellText } from "./cells.js";
import { normalizeHeader } from "./columns.js";
import { withoutTrailingEmptyRows, type SheetRow, type SheetTable } from "./table.js";

/**
 * Reads one sheet of an .xlsx workbook into a table of text cells: the one named by `--blad`, or
 * else the visible sheet whose first row holds the most of `knownHeaders` (normalised column
 * names; a sheet of notes put in front is passed over), or the first visible sheet. Workbooks
 * saved by Excel, LibreOffice Calc, Google Sheets and openpyxl all read; exceljs is imported
 * here, on first use only (it costs ≈190 ms).
 */
export async function parseXlsxTable(
  bytes: Uint8Array,
  source: string,
  sheetName?: string,
  knownHeaders?: ReadonlySet<string>,
): Promise<SheetTable> {
  const entries = unpack(bytes, source);
  const { default: ExcelJS } = await import("exceljs");
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs's types predate Node's generic Buffer; the bytes are what it reads.
    const cleaned = Buffer.from(entries ? withoutNotes(entries) : bytes);
    await workbook.xlsx.load(cleaned as unknown as ArrayBuffer);
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
    const visible = sheets.filter((candidate) => candidate.state === "visible");
    const score = (candidate: (typeof sheets)[number]): number => {
      if (!knownHeaders) return 0;
      const first = candidate.getRow(1);
      let known = 0;
      for (let column = 1; column <= candidate.columnCount; column++) {
        const cell = first.getCell(column);
        if (knownHeaders.has(normalizeHeader(cellText(cell.value, cell.numFmt)))) known += 1;
      }
      return known;
    };
    const best = visible.reduce<{ sheet?: (typeof sheets)[number]; score: number }>(
      (found, candidate) => {
        const points = score(candidate);
        return points > found.score ? { sheet: candidate, score: points } : found;
      },
      { score: 0 },
    );
    sheet = best.sheet ?? visible[0] ?? sheets[0];
  }
  if (!sheet) throw new InputError(`${source} bevat geen werkbladen.`);
  const where = `${source}, blad "${sheet.name}"`;

  const width = sheet.columnCount;
  // Formulas without a stored outcome: written by a program that does not calculate (a script
  // with openpyxl), never opened in Excel or Calc since. They read as empty; the notice says why.
  const uncalculated: string[] = [];
  const readRow = (number: number): string[] => {
    const row = sheet.getRow(number);
    const cells: string[] = [];
    for (let column = 1; column <= width; column++) {
      const cell = row.getCell(column);
      if (formulaWithoutResult(cell.value)) uncalculated.push(cell.address);
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
  if (uncalculated.length > 0)
    notices.push(
      `${where}: ${uncalculated.length === 1 ? `cel ${uncalculated[0]} heeft een formule` : `${uncalculated.length} cellen hebben een formule`} zonder uitkomst (${uncalculated.length > 1 ? `${uncalculated.slice(0, 5).join(", ")}${uncalculated.length > 5 ? ", …" : ""}; ` : ""}idokit leest ${uncalculated.length === 1 ? "die" : "ze"} als leeg). Het bestand is bewaard door een programma dat formules niet uitrekent: open het in Excel of LibreOffice Calc en sla het daar op, dan staan de uitkomsten erin.`,
    );
  return { source: where, headers, rows: withoutTrailingEmptyRows(rows), notices };
}

/** A formula cell whose outcome was never stored (exceljs: a formula without a result). */
function formulaWithoutResult(value: unknown): boolean {
  if (typeof value !== "object" || value === null) return false;
  const cell = value as { formula?: unknown; sharedFormula?: unknown; result?: unknown };
  return (
    (cell.formula !== undefined || cell.sharedFormula !== undefined) && cell.result === undefined
  );
}

/** The most an .xlsx may unpack to: a sheet of 300 libraries unpacks to about 1 MB. */
export const XLSX_MAX_UNPACKED = 200 * 1024 * 1024;

/**
 * Unpacks a workbook, refusing one that would unpack to more than `XLSX_MAX_UNPACKED` before
 * anything is unpacked: the sizes come from the zip's directory, so a "zip bomb" costs nothing to
 * refuse. Returns undefined for bytes that are no zip at all; exceljs says what they are.
 */
function unpack(bytes: Uint8Array, source: string): Unzipped | undefined {
  let total = 0;
  try {
    unzipSync(bytes, {
      filter: (file) => {
        total += file.originalSize;
        return false;
      },
    });
  } catch {
    return undefined;
  }
  if (total > XLSX_MAX_UNPACKED)
    throw new InputError(
      `${source} pakt uit tot ${formatBytes(total)}; idokit leest werkmappen tot ${formatBytes(XLSX_MAX_UNPACKED)} uitgepakt.`,
      {
        hint: "Staan er veel lege of opgemaakte rijen of kolommen in? Kopieer alleen de ingevulde rijen naar een nieuw werkblad, of sla het op als CSV.",
      },
    );
  try {
    return unzipSync(bytes);
  } catch {
    return undefined;
  }
}

// Relationships of a sheet that idokit does not read, and that exceljs 4.4 trips over when
// another program wrote them (openpyxl: comments in xl/comments/ with absolute targets).
const NOTES = /\/(comments|vmlDrawing|drawing|threadedComment|legacyDrawing)$/;

/**
 * The workbook without the sheets' notes and drawings: their relationships and the elements that
 * point to them are taken out, so only cells are left to read. Cell comments (such as the column
 * help in idokit's own template) carry no answers.
 */
function withoutNotes(entries: Unzipped): Uint8Array {
  const out: Unzipped = {};
  const dropped = new Map<string, Set<string>>();
  for (const [name, data] of Object.entries(entries)) {
    const rels = /^xl\/worksheets\/_rels\/(.+)\.rels$/.exec(name);
    if (!rels) continue;
    const ids = new Set<string>();
    const xml = strFromU8(data).replace(/<Relationship\b[^>]*?\/>/g, (element) => {
      const type = /\bType="([^"]*)"/.exec(element)?.[1] ?? "";
      if (!NOTES.test(type)) return element;
      ids.add(/\bId="([^"]*)"/.exec(element)?.[1] ?? "");
      return "";
    });
    out[name] = strToU8(xml);
    dropped.set(`xl/worksheets/${rels[1]}`, ids);
  }
  for (const [name, data] of Object.entries(entries)) {
    if (name in out) continue;
    const ids = dropped.get(name);
    out[name] =
      ids && ids.size > 0
        ? strToU8(
            strFromU8(data).replace(
              /<(?:\w+:)?(?:legacyDrawing|drawing|legacyDrawingHF)\b[^>]*?\/>/g,
              (element) => {
                const id = /\br:id="([^"]*)"/.exec(element)?.[1];
                return id !== undefined && ids.has(id) ? "" : element;
              },
            ),
          )
        : data;
  }
  return zipSync(out, { level: 0 });
}
