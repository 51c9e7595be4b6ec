import { parentPort, workerData } from "node:worker_threads";
import { readSheetTableHere, serializeError, type ReadOptions } from "./read.js";
import type { SheetCheckSetup } from "./sheet-check.js";

/**
 * The reading thread: reads one spreadsheet and posts the table, or (given `check`) checks every
 * row where the cells are and posts only the outcome; or the error. Then it ends.
 */
const port = parentPort;
if (!port) throw new Error("read-worker.ts runs as a worker thread only");
const { file, options, check } = workerData as {
  file: string;
  options: ReadOptions;
  check?: SheetCheckSetup;
};
try {
  const table = await readSheetTableHere(file, options);
  if (!check) port.postMessage({ table });
  else {
    const { checkSheet } = await import("./sheet-check.js");
    port.postMessage({ checked: await checkSheet(table, file, check) });
  }
} catch (error) {
  port.postMessage({ error: serializeError(error) });
}
