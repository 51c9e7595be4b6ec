import { basename, extname } from "node:path";
import { Worker } from "node:worker_threads";
import { IdokitError, InputError, UsageError, type Problem } from "../errors.js";
import type { CheckedSheet, SheetCheckSetup } from "./sheet-check.js";
import type { SheetTable } from "./table.js";
import { formatBytes, readBoundedFile, refusalText } from "../answers/load-file.js";

/** The largest spreadsheet file idokit reads (300 libraries take about 100 kB). */
export const SHEET_MAX_BYTES = 50 * 1024 * 1024;
/** Heap of the reading thread: a workbook that needs more is refused, not the whole run. */
const READ_HEAP_MB = 1024;

export interface ReadOptions {
  sheet?: string | undefined;
  /**
   * Normalised column names the sheet should have (see `normalizeHeader`): without `sheet`, the
   * visible sheet that has the most of them is read.
   */
  knownHeaders?: readonly string[] | undefined;
}

/** An error as plain data, so it crosses a thread boundary with its exit code and hint. */
export interface SerializedError {
  exitCode: number;
  message: string;
  problems: Problem[];
  hint?: string | undefined;
  stack?: string | undefined;
}

// Compiled JavaScript can start the reading thread; TypeScript sources (tests) read in-process.
const READ_WORKER_URL = new URL("./read-worker.js", import.meta.url);
const CAN_USE_WORKER = import.meta.url.endsWith(".js");

/**
 * Reads a spreadsheet (.xlsx or .csv; the format follows the file extension) and checks every row
 * against the pack kind's questions, both in a short-lived thread: exceljs, the parsed workbook,
 * the cells and the checking's garbage take tens of MB, all returned when the thread ends. Only
 * each row's outcome reaches this thread (see `checkSheet`).
 */
export async function readCheckedSheet(
  file: string,
  options: ReadOptions,
  setup: SheetCheckSetup,
): Promise<CheckedSheet> {
  if (!CAN_USE_WORKER) return readCheckedSheetHere(file, options, setup);
  const worker = new Worker(READ_WORKER_URL, {
    workerData: { file, options, setup },
    resourceLimits: { maxOldGenerationSizeMb: READ_HEAP_MB },
  });
  try {
    const message = await new Promise<{ checked?: CheckedSheet; error?: SerializedError }>(
      (resolve, reject) => {
        worker.once("message", resolve);
        worker.once("error", (error: NodeJS.ErrnoException) =>
          reject(
            error.code === "ERR_WORKER_OUT_OF_MEMORY"
              ? new InputError(
                  `${basename(file)} is te groot om te lezen: er is meer dan ${READ_HEAP_MB} MB geheugen voor nodig.`,
                  {
                    hint: "Staan er veel lege of opgemaakte rijen of kolommen in? Kopieer alleen de ingevulde rijen naar een nieuw werkblad, of sla het op als CSV.",
                  },
                )
              : error,
          ),
        );
        worker.once("exit", (code) => reject(new Error(`reading stopped (code ${code})`)));
      },
    );
    if (message.checked) return message.checked;
    throw toError(message.error!);
  } finally {
    await worker.terminate();
  }
}

/** `readCheckedSheet` in this thread: what the reading thread runs. */
export async function readCheckedSheetHere(
  file: string,
  options: ReadOptions,
  setup: SheetCheckSetup,
): Promise<CheckedSheet> {
  const { checkSheet } = await import("./sheet-check.js");
  return checkSheet(await readSheetTableHere(file, options), file, setup);
}

/** Turns an error into plain data for `postMessage`. */
export function serializeError(error: unknown): SerializedError {
  if (error instanceof IdokitError)
    return {
      exitCode: error.exitCode,
      message: error.message,
      problems: [...error.problems],
      hint: error.hint,
      // What went wrong underneath (exceljs's own error), shown with --debug.
      stack: error.cause instanceof Error ? error.cause.stack : undefined,
    };
  const plain = error instanceof Error ? error : new Error(String(error));
  return { exitCode: -1, message: plain.message, problems: [], stack: plain.stack };
}

function toError(error: SerializedError): Error {
  const cause = error.stack ? Object.assign(new Error(), { stack: error.stack }) : undefined;
  const details = {
    problems: error.problems,
    ...(error.hint ? { hint: error.hint } : {}),
    ...(cause ? { cause } : {}),
  };
  if (error.exitCode === 2) return new UsageError(error.message, details);
  if (error.exitCode === 1) return new InputError(error.message, details);
  const internal = new Error(error.message);
  if (error.stack) internal.stack = error.stack;
  return internal;
}

/** Reads a spreadsheet in this thread: .xlsx with exceljs, .csv with csv-parse. */
export async function readSheetTableHere(
  file: string,
  options: ReadOptions = {},
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
  const read = readBoundedFile(file, SHEET_MAX_BYTES);
  if (read.refusal) {
    const { refusal } = read;
    throw new InputError(
      refusal.reason === "missing"
        ? `Het bestand "${file}" bestaat niet.`
        : refusal.reason === "too-large"
          ? `Het bestand "${file}" is ${formatBytes(refusal.bytes)}; idokit leest spreadsheets tot ${formatBytes(refusal.limit)}.`
          : `Het bestand "${file}" ${refusalText(refusal)}`,
      {
        hint:
          refusal.reason === "unreadable" && ["EBUSY", "EPERM", "EACCES"].includes(refusal.code)
            ? "Staat het bestand nog open in Excel? Sluit het en probeer opnieuw."
            : refusal.reason === "too-large"
              ? "Kopieer alleen de ingevulde rijen naar een nieuw werkblad, of sla het op als CSV."
              : "Controleer het pad.",
      },
    );
  }
  const bytes = read.data;
  const source = basename(file);
  if (extension === ".csv" || extension === ".txt") {
    if (options.sheet !== undefined)
      throw new UsageError("--blad werkt alleen bij een .xlsx-bestand, niet bij CSV.");
    const { parseCsvTable } = await import("./read-csv.js");
    return parseCsvTable(bytes, source);
  }
  const { parseXlsxTable } = await import("./read-xlsx.js");
  return parseXlsxTable(
    bytes,
    source,
    options.sheet,
    options.knownHeaders ? new Set(options.knownHeaders) : undefined,
  );
}
