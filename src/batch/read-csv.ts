import { parse } from "csv-parse/sync";
import iconv from "iconv-lite";
import { InputError } from "../errors.js";
import { withoutTrailingEmptyRows, type SheetTable } from "./table.js";

export type CsvEncoding = "utf-8" | "utf-16le" | "utf-16be" | "windows-1252";

/**
 * Decodes the bytes of a CSV file the way Dutch Excel writes them: UTF-8 with or without a BOM,
 * "Unicode text" (UTF-16 with a BOM), or Windows-1252 ("CSV (gescheiden door lijstscheidingsteken)"
 * on Windows). Bytes that are not valid UTF-8 are taken as Windows-1252.
 */
export function decodeCsvBytes(bytes: Uint8Array): { text: string; encoding: CsvEncoding } {
  let buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buffer[0] === 0xff && buffer[1] === 0xfe)
    return { text: iconv.decode(buffer.subarray(2), "utf-16le"), encoding: "utf-16le" };
  if (buffer[0] === 0xfe && buffer[1] === 0xff)
    return { text: iconv.decode(buffer.subarray(2), "utf-16be"), encoding: "utf-16be" };
  // Some tools put a UTF-8 BOM before Windows-1252 text, so the BOM alone does not decide.
  if (buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf) buffer = buffer.subarray(3);
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(buffer), encoding: "utf-8" };
  } catch {
    return { text: iconv.decode(buffer, "windows-1252"), encoding: "windows-1252" };
  }
}

const DELIMITERS = [";", ",", "\t"] as const;
export type CsvDelimiter = (typeof DELIMITERS)[number];

/**
 * Guesses the separator from the header line: the one of `;`, `,` and tab that occurs most often
 * outside quotes. Dutch Excel writes `;` (the decimal comma is taken), so a tie goes to `;`.
 */
export function detectDelimiter(text: string): CsvDelimiter {
  const counts = new Map<string, number>(DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === "\n" || char === "\r")) break;
    else if (!quoted && counts.has(char)) counts.set(char, counts.get(char)! + 1);
  }
  let best: CsvDelimiter = ";";
  for (const delimiter of DELIMITERS)
    if (counts.get(delimiter)! > counts.get(best)!) best = delimiter;
  return best;
}

const ENCODING_NAMES: Record<CsvEncoding, string> = {
  "utf-8": "UTF-8",
  "utf-16le": "UTF-16",
  "utf-16be": "UTF-16",
  "windows-1252": "Windows-1252 (ANSI)",
};

const DELIMITER_NAMES: Record<CsvDelimiter, string> = {
  ";": "puntkomma",
  ",": "komma",
  "\t": "tab",
};

/**
 * Parses a CSV file into a table of text cells. Quoted fields may hold separators, quotes and line
 * breaks; one record is one spreadsheet row, so row numbers match what Excel shows.
 */
export function parseCsvTable(bytes: Uint8Array, source: string): SheetTable {
  const { text, encoding } = decodeCsvBytes(bytes);
  const delimiter = detectDelimiter(text);
  let records: string[][];
  try {
    records = parse(text, {
      delimiter,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
    }) as string[][];
  } catch (error) {
    const lines = (error as { lines?: number }).lines;
    throw new InputError(
      `${source} is geen geldig CSV-bestand${lines ? ` (rond regel ${lines})` : ""}: ${(error as Error).message}`,
      {
        hint: 'Staat er ergens een aanhalingsteken (") dat niet wordt afgesloten? Sla het bestand in Excel opnieuw op als CSV.',
        cause: error,
      },
    );
  }
  const [headers, ...rest] = records;
  if (!headers || headers.every((cell) => cell.trim() === ""))
    throw new InputError(`${source} is leeg of heeft geen kopregel.`, {
      hint: "De eerste regel moet de kolomnamen bevatten. Maak een leeg sjabloon met: idokit batch sjabloon bibliotheken.xlsx",
    });
  return {
    source,
    headers,
    rows: withoutTrailingEmptyRows(rest.map((cells, index) => ({ number: index + 2, cells }))),
    notices: [
      `${source} gelezen als ${ENCODING_NAMES[encoding]} met ${DELIMITER_NAMES[delimiter]} als scheidingsteken.`,
    ],
  };
}
