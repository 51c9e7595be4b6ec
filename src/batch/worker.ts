import { parentPort, workerData } from "node:worker_threads";
import { createJobMaker, failure, type JobSetup, type PackJob } from "./jobs.js";

/**
 * A batch worker: loads the resources once, then makes one pack per message and posts the files
 * back; the main thread writes them. Jobs run one after another, so at most one pack per worker
 * is being built while the next waits in the port.
 */
const port = parentPort;
if (!port) throw new Error("worker.ts runs as a worker thread only");

try {
  const { make, notices } = await createJobMaker(workerData as JobSetup);
  let queue = Promise.resolve();
  port.on("message", (job: PackJob) => {
    queue = queue.then(async () => {
      const result = await make(job).catch((error: unknown) => failure(job.id, error));
      // Hand the file buffers over instead of copying them, but only buffers a file owns whole:
      // a Node Buffer may be a slice of a shared pool that must not be detached.
      const transfer = result.ok
        ? result.files
            .map((file) => file.data)
            .filter((data) => data.byteOffset === 0 && data.byteLength === data.buffer.byteLength)
            .map((data) => data.buffer as ArrayBuffer)
        : [];
      port.postMessage({ type: "result", result }, [...new Set(transfer)]);
    });
  });
  port.postMessage({ type: "ready", notices });
} catch (error) {
  port.postMessage({ type: "failed", result: failure(-1, error) });
}
