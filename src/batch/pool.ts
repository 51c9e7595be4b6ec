import { Worker } from "node:worker_threads";
import { InputError } from "../errors.js";
import { createJobMaker, type JobResult, type JobSetup, type PackJob } from "./jobs.js";

/** Makes packs, in worker threads or in this thread; `run` resolves with files or a failure. */
export interface PackRunner {
  /** How many jobs may be in flight at once without anyone waiting idle. */
  readonly capacity: number;
  run(job: PackJob): Promise<JobResult>;
  close(): Promise<void>;
}

// Workers load compiled JavaScript; from TypeScript sources (tests) packs are made in-process.
const WORKER_URL = new URL("./worker.js", import.meta.url);
const CAN_USE_WORKERS = import.meta.url.endsWith(".js");

/** Each worker holds one job being made and one waiting, so it never idles while we write. */
const JOBS_PER_WORKER = 2;
/** Crashed workers are replaced this many times in one batch before giving up. */
const MAX_RESTARTS = 3;

/**
 * Starts `workers` worker threads that each load the resources once, or makes packs in this
 * thread when `workers` is 0 (or workers cannot run). Resolves when every worker is ready; a
 * worker that cannot load its resources rejects with that error.
 */
export async function startPackRunner(setup: JobSetup, workers: number): Promise<PackRunner> {
  if (workers < 1 || !CAN_USE_WORKERS) return startInProcess(setup);
  return startWorkers(setup, workers);
}

async function startInProcess(setup: JobSetup): Promise<PackRunner> {
  const make = await createJobMaker(setup);
  let queue: Promise<unknown> = Promise.resolve();
  return {
    capacity: 1,
    run: (job) => {
      const result = queue.then(() => make(job));
      queue = result;
      return result;
    },
    close: async () => undefined,
  };
}

interface Slot {
  worker: Worker;
  pending: Map<number, (result: JobResult) => void>;
}

async function startWorkers(setup: JobSetup, count: number): Promise<PackRunner> {
  const slots: Slot[] = [];
  let restarts = 0;
  let closing = false;

  const spawn = (): Promise<Slot> =>
    new Promise((resolve, reject) => {
      const worker = new Worker(WORKER_URL, { workerData: setup });
      const slot: Slot = { worker, pending: new Map() };
      let ready = false;
      worker.on("message", (message: { type: string; result: JobResult }) => {
        if (message.type === "ready") {
          ready = true;
          resolve(slot);
        } else if (message.type === "failed") {
          const failed = message.result;
          reject(
            failed.ok
              ? new Error("worker failed")
              : new InputError(failed.message, { problems: failed.problems }),
          );
        } else if (message.type === "result") {
          const settle = slot.pending.get(message.result.id);
          slot.pending.delete(message.result.id);
          settle?.(message.result);
        }
      });
      const lost = (reason: string): void => {
        const index = slots.indexOf(slot);
        if (index >= 0) slots.splice(index, 1);
        for (const [id, settle] of slot.pending)
          settle({
            id,
            ok: false,
            message: `interne fout: ${reason}`,
            problems: [],
            internal: true,
          });
        slot.pending.clear();
        if (!ready) reject(new Error(reason));
        else if (!closing && restarts < MAX_RESTARTS) {
          restarts += 1;
          spawn().then(
            (fresh) => slots.push(fresh),
            () => undefined,
          );
        }
      };
      worker.on("error", (error) => lost(`het maken stopte onverwacht (${error.message})`));
      worker.on("exit", (code) => {
        if (!closing) lost(`het maken stopte onverwacht (code ${code})`);
      });
    });

  try {
    slots.push(...(await Promise.all(Array.from({ length: count }, spawn))));
  } catch (error) {
    closing = true;
    await Promise.all(slots.map((slot) => slot.worker.terminate()));
    throw error;
  }

  return {
    capacity: count * JOBS_PER_WORKER,
    run: (job) =>
      new Promise((resolve) => {
        // The least busy worker; the caller keeps the total within `capacity`.
        const slot = slots.reduce<Slot | undefined>(
          (best, each) => (!best || each.pending.size < best.pending.size ? each : best),
          undefined,
        );
        if (!slot) {
          resolve({
            id: job.id,
            ok: false,
            message: "interne fout: geen enkel werkproces draait meer.",
            problems: [],
            internal: true,
          });
          return;
        }
        slot.pending.set(job.id, resolve);
        slot.worker.postMessage(job);
      }),
    close: async () => {
      closing = true;
      await Promise.all(slots.map((slot) => slot.worker.terminate()));
    },
  };
}
