import { setFlagsFromString } from "node:v8";
import { Worker } from "node:worker_threads";
import { InputError } from "../errors.js";
import { createJobMaker, type JobResult, type JobSetup, type PackJob } from "./jobs.js";

/** Checks or makes packs, in worker threads or in this thread. */
export interface PackRunner {
  /** How many jobs may be in flight at once without anyone waiting idle. */
  readonly capacity: number;
  /**
   * Keeps at most `count` workers and stops the rest; called before the first job, once the
   * number of packs is known (the workers start while the spreadsheet is still being read).
   */
  limit(count: number): Promise<void>;
  /** What loading the resources had to say (own templates used, unused files). */
  readonly notices: readonly string[];
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
 * Heap limits per worker. V8 grows a heap long before it collects; a pack needs well under 48 MB
 * of heap (measured with 20 local partners and 12 casussen), so these keep each worker — and the
 * whole batch — flat in memory: about 250 MB for the process at 100 and at 1,000 rows, where
 * unlimited workers grew past 450 MB. A worker that runs out anyway is replaced by one with twice
 * the room, and its pack is tried again.
 */
const WORKER_LIMITS = { maxOldGenerationSizeMb: 64, maxYoungGenerationSizeMb: 8 };

/**
 * How much a function runs before V8 compiles it optimised (its "interrupt budget", in bytecode
 * executed; V8's default is 67,584). A batch worker starts cold and makes a few dozen packs: at
 * the default, V8's helper threads spent about a quarter of a 40-row batch's CPU compiling
 * optimised code, again in every worker, for functions that had run only a little. Six times the
 * budget leaves those to the interpreter and baseline code and optimises what is really hot:
 * measured on 40 rows, a fifth less CPU for the whole run, the same packs per second later on.
 */
const INTERRUPT_BUDGET = 400_000;

/** A runner being started: `ready` once every worker has loaded its resources. */
export interface PackRunnerStart {
  /** Rejects when a worker cannot load its resources (a broken template). */
  ready: Promise<PackRunner>;
  /** Stops every worker, whether ready, still starting or failed; never rejects. */
  stop(): Promise<void>;
}

/**
 * Starts `workers` worker threads that each load the resources once, or works in this thread
 * when `workers` is 0 (or workers cannot run). `ready` resolves when every worker is ready; a
 * worker that cannot load its resources (a broken template) rejects it with that error. Until
 * then nothing waits on it: a rejection that nobody awaits is not reported.
 */
export function startPackRunner(setup: JobSetup, workers: number): PackRunnerStart {
  const control = { cancelled: false, stop: async () => undefined as void };
  const ready =
    workers < 1 || !CAN_USE_WORKERS ? startInProcess(setup) : startWorkers(setup, workers, control);
  ready.catch(() => undefined);
  return {
    ready,
    stop: async () => {
      control.cancelled = true;
      await control.stop();
      await ready.then(
        (runner) => runner.close(),
        () => undefined,
      );
    },
  };
}

async function startInProcess(setup: JobSetup): Promise<PackRunner> {
  const { make, notices } = await createJobMaker(setup);
  let queue: Promise<unknown> = Promise.resolve();
  return {
    capacity: 1,
    notices,
    limit: async () => undefined,
    run: (job) => {
      const result = queue.then(() => make(job));
      queue = result;
      return result;
    },
    close: async () => undefined,
  };
}

interface Pending {
  job: PackJob;
  settle: (result: JobResult) => void;
  /** Times this job was under way in a worker that died. */
  lost: number;
}

interface Slot {
  worker: Worker;
  pending: Map<number, Pending>;
}

interface WorkerMessage {
  type: "ready" | "failed" | "result";
  result: JobResult;
  notices?: string[];
}

const internalFailure = (id: number, message: string): JobResult => ({
  id,
  ok: false,
  message: `interne fout: ${message}`,
  problems: [],
  internal: true,
});

async function startWorkers(
  setup: JobSetup,
  count: number,
  control: { cancelled: boolean; stop: () => Promise<void> },
): Promise<PackRunner> {
  // V8's flags hold for the whole process (the workers share its V8): set once, before they start.
  setFlagsFromString(`--interrupt-budget=${INTERRUPT_BUDGET}`);
  const slots: Slot[] = [];
  // Every worker started, ready or not, so that a cancelled start stops them all at once.
  const started = new Set<Worker>();
  let restarts = 0;
  let closing = false;
  let notices: string[] = [];
  let limits = WORKER_LIMITS;
  // Jobs waiting for a replacement worker after theirs died.
  const orphans: Pending[] = [];

  const dispatch = (pending: Pending): void => {
    // The least busy worker; the caller keeps the total within `capacity`.
    const slot = slots.reduce<Slot | undefined>(
      (best, each) => (!best || each.pending.size < best.pending.size ? each : best),
      undefined,
    );
    if (!slot) {
      if (restarts < MAX_RESTARTS && !closing) orphans.push(pending);
      else pending.settle(internalFailure(pending.job.id, "geen enkel werkproces draait meer."));
      return;
    }
    slot.pending.set(pending.job.id, pending);
    slot.worker.postMessage(pending.job);
  };

  const spawn = (): Promise<Slot> =>
    new Promise((resolve, reject) => {
      if (control.cancelled) {
        reject(new Error("cancelled"));
        return;
      }
      const worker = new Worker(WORKER_URL, { workerData: setup, resourceLimits: limits });
      started.add(worker);
      worker.once("exit", () => started.delete(worker));
      const slot: Slot = { worker, pending: new Map() };
      let ready = false;
      let gone = false;
      worker.on("message", (message: WorkerMessage) => {
        if (message.type === "ready") {
          ready = true;
          notices = message.notices ?? [];
          resolve(slot);
        } else if (message.type === "failed") {
          const failed = message.result;
          reject(
            failed.ok
              ? new Error("worker failed")
              : new InputError(failed.message, { problems: failed.problems }),
          );
        } else {
          const pending = slot.pending.get(message.result.id);
          slot.pending.delete(message.result.id);
          pending?.settle(message.result);
        }
      });
      const lost = (reason: string, outOfMemory: boolean): void => {
        if (gone) return;
        gone = true;
        const index = slots.indexOf(slot);
        if (index >= 0) slots.splice(index, 1);
        const victims = [...slot.pending.values()];
        slot.pending.clear();
        // Out of memory: the next worker gets twice the room (large own casus libraries or
        // templates need more than the packs measured here).
        if (outOfMemory)
          limits = {
            maxOldGenerationSizeMb: limits.maxOldGenerationSizeMb * 2,
            maxYoungGenerationSizeMb: limits.maxYoungGenerationSizeMb,
          };
        if (!ready) {
          if (outOfMemory && restarts < MAX_RESTARTS) {
            restarts += 1;
            spawn().then(resolve, reject);
          } else reject(new Error(reason));
          return;
        }
        // A job that ran out of memory gets one more try in the roomier worker; any other crash
        // fails the job that was being made, and the rest carry on.
        for (const victim of victims) {
          victim.lost += 1;
          if (outOfMemory && victim.lost === 1) orphans.push(victim);
          else victim.settle(internalFailure(victim.job.id, reason));
        }
        if (closing || restarts >= MAX_RESTARTS) {
          for (const orphan of orphans.splice(0))
            orphan.settle(internalFailure(orphan.job.id, reason));
          return;
        }
        restarts += 1;
        spawn().then(
          (fresh) => {
            slots.push(fresh);
            for (const orphan of orphans.splice(0)) dispatch(orphan);
          },
          () => {
            for (const orphan of orphans.splice(0))
              orphan.settle(internalFailure(orphan.job.id, reason));
          },
        );
      };
      worker.on("error", (error) =>
        lost(
          `het maken stopte onverwacht (${error.message})`,
          (error as NodeJS.ErrnoException).code === "ERR_WORKER_OUT_OF_MEMORY",
        ),
      );
      worker.on("exit", (code) => {
        if (!closing) lost(`het maken stopte onverwacht (code ${code})`, false);
        else if (!ready) reject(new Error("stopped before it was ready"));
      });
    });

  const stopAll = async (): Promise<void> => {
    closing = true;
    await Promise.all([...started].map((worker) => worker.terminate()));
  };
  control.stop = stopAll;
  try {
    slots.push(...(await Promise.all(Array.from({ length: count }, spawn))));
  } catch (error) {
    await stopAll();
    throw error;
  }

  let capacity = count * JOBS_PER_WORKER;
  return {
    get capacity() {
      return capacity;
    },
    notices,
    limit: async (wanted) => {
      const surplus = slots.splice(Math.max(1, wanted));
      capacity = slots.length * JOBS_PER_WORKER;
      // Stopped on purpose: not a crash to recover from.
      for (const slot of surplus) slot.worker.removeAllListeners("exit");
      await Promise.all(surplus.map((slot) => slot.worker.terminate()));
    },
    run: (job) => new Promise((settle) => dispatch({ job, settle, lost: 0 })),
    close: stopAll,
  };
}

/**
 * Runs jobs through a runner with never more in flight than it can hold, handing each result to
 * `settle` as it arrives (in completion order). Memory stays flat however many jobs there are:
 * only `capacity` results exist at any time, and each is released once settled. When `signal`
 * is aborted (Ctrl-C), no new job starts; the jobs under way finish and are settled.
 */
export function runBounded(
  runner: PackRunner,
  jobs: readonly PackJob[],
  // A settle that returns a promise holds its slot until the promise settles (back-pressure).
  settle: (result: JobResult) => void | Promise<void>,
  signal?: AbortSignal,
): Promise<void> {
  return new Promise((done) => {
    let next = 0;
    let active = 0;
    const launch = (): void => {
      if ((next >= jobs.length || signal?.aborted) && active === 0) {
        signal?.removeEventListener("abort", launch);
        done();
        return;
      }
      while (active < runner.capacity && next < jobs.length && !signal?.aborted) {
        active += 1;
        void runner
          .run(jobs[next++]!)
          .then((result) => settle(result))
          .then(() => {
            active -= 1;
            launch();
          });
      }
    };
    signal?.addEventListener("abort", launch);
    launch();
  });
}
