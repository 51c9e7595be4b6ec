import {
  closeSync,
  openSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeSync,
} from "node:fs";
import { hostname } from "node:os";
import { SystemError } from "../errors.js";
import { toSystemError } from "../system-errors.js";

/**
 * One run per output folder at a time. A run that makes packs holds a lock file
 * (`.idokit-bezig`, JSON: process, computer, start) while it writes; a second run on the same
 * folder is refused with a message that says who is busy since when. A lock is stale, and taken
 * over, when its process no longer runs on this computer (a crash, SIGKILL, power loss), or when
 * it has not been refreshed for `STALE_AFTER_MS` (a run on another computer that died: the holder
 * refreshes it every `REFRESH_MS`).
 */

export const LOCK_FILE = ".idokit-bezig";
export const REFRESH_MS = 10_000;
export const STALE_AFTER_MS = 2 * 60_000;

interface LockInfo {
  pid: number;
  host: string;
  started: string;
}

/** Lock files held by this process, released on exit and on Ctrl-C. */
const held = new Map<string, NodeJS.Timeout>();

/** Releases every lock this process holds (synchronous: called from signal handlers). */
export function releaseLocks(): void {
  for (const [path, timer] of held) {
    clearInterval(timer);
    rmSync(path, { force: true });
  }
  held.clear();
}

/** True when process `pid` still runs (EPERM: it exists but belongs to someone else). */
export function isRunning(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function readLock(path: string): { info: LockInfo | undefined; age: number } | undefined {
  try {
    const age = Date.now() - statSync(path).mtimeMs;
    let info: LockInfo | undefined;
    try {
      info = JSON.parse(readFileSync(path, "utf8")) as LockInfo;
    } catch {
      info = undefined; // being written, or damaged: judged by its age alone
    }
    return { info, age };
  } catch {
    return undefined;
  }
}

/** The lock is left by a run that no longer runs. */
function isStale(lock: { info: LockInfo | undefined; age: number }, now = hostname()): boolean {
  if (lock.age > STALE_AFTER_MS) return true;
  return lock.info !== undefined && lock.info.host === now && !isRunning(lock.info.pid);
}

const clock = (iso: string): string => {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return "onbekend";
  const pad = (n: number): string => String(n).padStart(2, "0");
  return `${pad(date.getDate())}-${pad(date.getMonth() + 1)}-${date.getFullYear()} om ${pad(date.getHours())}.${pad(date.getMinutes())} uur`;
};

/**
 * Takes the lock `path` for this process, or throws a Dutch `SystemError` when another run holds
 * it. `folder` is what the message names. Returns a function that releases the lock.
 */
export function acquireLock(path: string, folder: string): () => void {
  for (let attempt = 0; attempt < 3; attempt++) {
    let fd: number;
    try {
      fd = openSync(path, "wx");
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST")
        throw toSystemError(error, { path: folder, action: "write" }) ?? error;
      const lock = readLock(path);
      if (lock && !isStale(lock)) {
        const who = lock.info
          ? `${lock.info.host === hostname() ? "op deze computer" : `op computer ${lock.info.host}`}, sinds ${clock(lock.info.started)}`
          : "";
        throw new SystemError(
          `In "${folder}" maakt idokit al pakketten${who ? ` (${who})` : ""}. Er is niets veranderd.`,
          {
            code: "BUSY",
            hint: "Wacht tot die andere keer klaar is en probeer het dan opnieuw, of kies een andere map met --map MAP.",
          },
        );
      }
      // Stale: a run that crashed. Remove it and try again (another run may win the race).
      rmSync(path, { force: true });
      continue;
    }
    try {
      const info: LockInfo = {
        pid: process.pid,
        host: hostname(),
        started: new Date().toISOString(),
      };
      writeSync(fd, JSON.stringify(info));
    } finally {
      closeSync(fd);
    }
    const timer = setInterval(() => {
      try {
        const now = new Date();
        utimesSync(path, now, now);
      } catch {
        // The folder went away; the run itself will report that.
      }
    }, REFRESH_MS);
    timer.unref();
    held.set(path, timer);
    return () => {
      clearInterval(timer);
      if (held.delete(path)) rmSync(path, { force: true });
    };
  }
  throw new SystemError(`In "${folder}" kon idokit niet beginnen: een andere run is net gestart.`, {
    code: "BUSY",
    hint: "Probeer het over een minuut opnieuw, of kies een andere map met --map MAP.",
  });
}
