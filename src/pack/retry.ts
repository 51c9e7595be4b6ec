import { renameSync } from "node:fs";

/**
 * Renames with a few short retries when Windows reports the file as busy: a virus scanner, the
 * search indexer or an Explorer window holds a new file or folder for a moment after it is
 * written (EBUSY, EPERM, EACCES). Elsewhere only EBUSY is temporary; EPERM there is a real
 * permission problem and is reported at once.
 */

/** What a retry needs from the platform; tests pass their own. */
export interface RetryIO {
  rename(from: string, to: string): void;
  platform: NodeJS.Platform;
  sleep(ms: number): void;
}

/** Blocks the thread for `ms` (packs are written synchronously; nothing else runs meanwhile). */
function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

const DEFAULT_IO: RetryIO = { rename: renameSync, platform: process.platform, sleep: sleepSync };

/** Waits between tries, in ms: about 2.5 seconds in all. */
export const RETRY_DELAYS = [20, 50, 100, 200, 400, 700, 1000] as const;

/** True for an error that may go away when tried again in a moment. */
export function isTransient(error: unknown, platform: NodeJS.Platform): boolean {
  const code = (error as NodeJS.ErrnoException)?.code;
  if (code === "EBUSY") return true;
  return platform === "win32" && (code === "EPERM" || code === "EACCES");
}

/** `renameSync` that retries briefly on a busy file (see above); throws the last error. */
export function renameWithRetry(from: string, to: string, io: Partial<RetryIO> = {}): void {
  const { rename, platform, sleep } = { ...DEFAULT_IO, ...io };
  for (let attempt = 0; ; attempt++) {
    try {
      rename(from, to);
      return;
    } catch (error) {
      const delay = RETRY_DELAYS[attempt];
      if (delay === undefined || !isTransient(error, platform)) throw error;
      sleep(delay);
    }
  }
}
