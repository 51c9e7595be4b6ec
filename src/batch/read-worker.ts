import { parentPort, workerData } from "node:worker_threads";
import { readSheetTableHere, serializeError, type ReadOptions } from "./read.js";

/** The reading thread: reads one spreadsheet, posts the table (or the error) and ends. */
const port = parentPort;
if (!port) throw new Error("read-worker.ts runs as a worker thread only");
const { file, options } = workerData as { file: string; options: ReadOptions };
try {
  port.postMessage({ table: await readSheetTableHere(file, options) });
} catch (error) {
  port.postMessage({ error: serializeError(error) });
}
