import { parentPort, workerData } from "node:worker_threads";
import { readCheckedSheetHere, serializeError, type ReadOptions } from "./read.js";
import type { SheetCheckSetup } from "./sheet-check.js";

/**
 * The reading thread: reads one spreadsheet, checks every row where the cells are, posts only the
 * outcome (or the error) and ends.
 */
const port = parentPort;
if (!port) throw new Error("read-worker.ts runs as a worker thread only");
const { file, options, setup } = workerData as {
  file: string;
  options: ReadOptions;
  setup: SheetCheckSetup;
};
try {
  port.postMessage({ checked: await readCheckedSheetHere(file, options, setup) });
} catch (error) {
  port.postMessage({ error: serializeError(error) });
}
