/**
 * A spreadsheet as batch code sees it: a header row and rows of text cells, whatever file it came
 * from. Every cell is text here; the question schema converts it later, so no reader decides what
 * a value means (no lost leading zeros, no US dates).
 */
export interface SheetTable {
  /** For messages: the file, and the sheet for workbooks. */
  source: string;
  headers: string[];
  rows: SheetRow[];
  /** Things worth telling the user about the file itself (encoding, sheet chosen). */
  notices: string[];
}

export interface SheetRow {
  /** The row number as the user sees it in Excel: the header is row 1. */
  number: number;
  cells: string[];
}

/** True when every cell of a row is empty or whitespace. */
export function isEmptyRow(row: SheetRow): boolean {
  return row.cells.every((cell) => cell.trim() === "");
}

/**
 * The rows up to the last one with any text: a sheet that was formatted, validated or saved by
 * another program often reaches far below its data, and those rows are not "empty rows" to the
 * person who filled in the sheet.
 */
export function withoutTrailingEmptyRows(rows: readonly SheetRow[]): SheetRow[] {
  let end = rows.length;
  while (end > 0 && isEmptyRow(rows[end - 1]!)) end -= 1;
  return rows.slice(0, end);
}

/**
 * Rows that are exact copies of an earlier row (every cell the same, spaces around a value and
 * empty cells at the end not counted), by row number → the number of the first. Empty rows never
 * count.
 */
export function duplicateRows(rows: readonly SheetRow[]): Map<number, number> {
  const first = new Map<string, number>();
  const copies = new Map<number, number>();
  for (const row of rows) {
    if (isEmptyRow(row)) continue;
    const cells = row.cells.map((cell) => cell.trim());
    while (cells.length > 0 && cells.at(-1) === "") cells.pop();
    const key = JSON.stringify(cells);
    const earlier = first.get(key);
    if (earlier === undefined) first.set(key, row.number);
    else copies.set(row.number, earlier);
  }
  return copies;
}

/** The spreadsheet letter of a 0-based column index: 0 → A, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let letters = "";
  while (n > 0) {
    const rest = (n - 1) % 26;
    letters = String.fromCharCode(65 + rest) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}
