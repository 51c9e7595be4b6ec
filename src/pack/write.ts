import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, rmdirSync, rmSync, writeFileSync } from "node:fs";
import path, { basename, dirname, join, resolve } from "node:path";
import { SystemError } from "../errors.js";
import { toSystemError } from "../system-errors.js";
import {
  inspectDestination,
  readPackManifest,
  type Destination,
  type DestinationRules,
} from "./existing.js";
import type { PackFile } from "./manifest.js";
import { acquireLock, isRunning } from "./lock.js";
import { renameWithRetry } from "./retry.js";

/** Temporary folders being written right now; removed on Ctrl-C by the CLI. */
const active = new Set<string>();

/** Removes every temporary folder still being written (called from signal handlers; synchronous). */
export function removeUnfinishedPacks(): void {
  for (const dir of active) rmSync(dir, { recursive: true, force: true });
  active.clear();
}

/**
 * Checks up front that a pack may be written to `dest`, so nobody answers questions in vain: see
 * `inspectDestination` for the rule. Throws a Dutch `InputError` when it may not.
 */
export function assertWritable(dest: string, rules: DestinationRules): Destination {
  return inspectDestination(resolve(dest), rules);
}

export interface WriteOptions extends DestinationRules {
  /** Told when the old pack could not be removed (the new one is in place: not a failure). */
  warn?(message: string): void;
  /**
   * Take the lock of this pack while writing, so that two runs never replace it at once, and
   * clear what a killed run left of it (default). A batch holds the lock of its whole output
   * folder instead and clears the folder's leftovers once, before its first pack: listing the
   * folder again before every pack made a long batch quadratic.
   */
  lock?: boolean;
  /** The platform whose path rules apply; tests pass `win32`. */
  platform?: NodeJS.Platform;
}

/** The longest path Windows programs (Explorer, Word) open: MAX_PATH is 260 with its end mark. */
export const WINDOWS_MAX_PATH = 259;

/**
 * Why the files of a pack would get paths that Windows cannot open, or nothing: Explorer and
 * Word stop at 260 characters, so a pack deep in a folder tree would be written but not opened.
 * The temporary folder beside the pack has a longer name than the pack, so it is checked too.
 */
export function windowsPathProblem(
  target: string,
  names: readonly string[],
  platform: NodeJS.Platform = process.platform,
): SystemError | undefined {
  if (platform !== "win32") return undefined;
  const win = path.win32;
  const temp = win.join(win.dirname(target), tempName("tmp", target, "00000-00000000"));
  const longest = [...names].sort((a, b) => b.length - a.length)[0] ?? "";
  const worst = Math.max(win.join(target, longest).length, win.join(temp, longest).length);
  if (worst <= WINDOWS_MAX_PATH) return undefined;
  return new SystemError(
    `Het pad van de map "${target}" is te lang voor Windows: de bestanden in het pakket zouden paden van ${worst} tekens krijgen, en Windows, Word en de Verkenner openen er niet meer dan 260.`,
    {
      code: "ENAMETOOLONG",
      hint: "Kies een map met een korter pad, dichter bij de schijf (bijvoorbeeld C:\\idokit of een map direct in Documenten), met --map MAP.",
    },
  );
}

// The folder name inside the names of temporary folders is cut short, so that a long pack name
// does not make them longer than a file system allows (255 characters).
const NAME_IN_TEMP = 80;

function tempName(kind: "tmp" | "old", target: string, suffix: string): string {
  const name = target.split(/[\\/]/).pop() ?? "";
  return `.idokit-${kind}-${name.slice(0, NAME_IN_TEMP)}-${suffix}`;
}

/**
 * Removes an old pack file by file: only the files it was found to hold (its manifest's, and
 * what Explorer or Finder added), then its folders if they are empty. Anything else that turned
 * up stays. Returns false when the folder could not be removed completely.
 */
export function removePackFolder(dir: string, files: readonly string[]): boolean {
  try {
    for (const file of files) rmSync(join(dir, file), { force: true });
    const dirs = new Set<string>();
    for (const file of files) {
      const parts = file.split("/").slice(0, -1);
      parts.forEach((_, i) => dirs.add(parts.slice(0, i + 1).join("/")));
    }
    for (const sub of [...dirs].sort((a, b) => b.length - a.length)) rmdirSync(join(dir, sub));
    rmdirSync(dir);
    return true;
  } catch {
    return false;
  }
}

/**
 * Writes a pack atomically: all files go into a temporary folder beside `dest`, which is renamed
 * into place only when every file is written. An existing `dest` is replaced only when
 * `inspectDestination` allows it (empty, or an earlier idokit pack with `force`); the old pack is
 * moved aside first, put back if the new one cannot take its place, and removed only when the new
 * one is in place. A failure to remove it is a warning, not a failed run.
 */
export function writePack(dest: string, files: readonly PackFile[], options: WriteOptions): string {
  const target = resolve(dest);
  const parent = dirname(target);
  const tooLong = windowsPathProblem(
    target,
    files.map((file) => file.name),
    options.platform,
  );
  if (tooLong) throw tooLong;
  try {
    mkdirSync(parent, { recursive: true });
  } catch (error) {
    throw toSystemError(error, { path: target, action: "write" }) ?? error;
  }
  const release =
    options.lock === false
      ? () => {}
      : acquireLock(
          join(parent, `.idokit-bezig-${basename(target).slice(0, NAME_IN_TEMP)}`),
          target,
        );
  try {
    if (options.lock !== false) restoreOrRemoveLeftovers(parent, basename(target));
    return replaceWith(target, files, options);
  } finally {
    release();
  }
}

/** Steps of `writePack` once the pack's lock is held. */
function replaceWith(target: string, files: readonly PackFile[], options: WriteOptions): string {
  const parent = dirname(target);
  const existing = assertWritable(target, options);
  const suffix = `${process.pid}-${randomBytes(4).toString("hex")}`;
  const temp = join(parent, tempName("tmp", target, suffix));
  active.add(temp);
  try {
    mkdirSync(temp);
    // Each folder is made once, not asked for again before every file it holds.
    const folders = new Set([temp]);
    for (const file of files) {
      const path = join(temp, file.name);
      const folder = dirname(path);
      if (!folders.has(folder)) {
        mkdirSync(folder, { recursive: true });
        folders.add(folder);
      }
      writeFileSync(path, file.data);
    }
    if (existing.state === "new") {
      renameWithRetry(temp, target);
    } else if (existing.state === "empty") {
      // rmdir refuses a folder that is no longer empty: nothing that arrived meanwhile is lost.
      rmdirSync(target);
      renameWithRetry(temp, target);
    } else {
      const old = join(parent, tempName("old", target, suffix));
      renameWithRetry(target, old);
      try {
        renameWithRetry(temp, target);
      } catch (error) {
        renameWithRetry(old, target);
        throw error;
      }
      if (!removePackFolder(old, existing.files))
        options.warn?.(
          `Het nieuwe pakket staat in ${target}, maar het oude pakket kon niet helemaal worden verwijderd. Het staat in ${old}; verwijder die map zelf als je hem niet meer nodig hebt.`,
        );
    }
    return target;
  } catch (error) {
    try {
      rmSync(temp, { recursive: true, force: true, maxRetries: 3 });
    } catch {
      // Left for the next run, which removes leftovers of processes that ended.
    }
    throw toSystemError(error, { path: target, action: "write" }) ?? error;
  } finally {
    active.delete(temp);
  }
}

// `.idokit-tmp-NAME-PID-HEX` (writePack and writeFileAtomic) and `.idokit-old-NAME-PID-HEX`.
const LEFTOVER = /^\.idokit-(tmp|old)-(.*)-(\d+)-[0-9a-f]{8}$/;

/** What `restoreOrRemoveLeftovers` did. */
export interface Leftovers {
  /** Half-written packs and files removed. */
  removed: string[];
  /** Earlier packs put back under their own name (a run stopped while replacing them). */
  restored: string[];
}

/**
 * Cleans up after a run that was killed (SIGKILL, power loss) in `dir`: half-written temporary
 * folders and files are removed; an old pack moved aside to be replaced goes back to its name
 * when no new pack took its place, and is removed file by file otherwise. Only leftovers of
 * processes that no longer run are touched; with `name`, only those of that pack.
 */
export function restoreOrRemoveLeftovers(dir: string, name?: string): Leftovers {
  const result: Leftovers = { removed: [], restored: [] };
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return result;
  }
  for (const entry of entries) {
    const match = LEFTOVER.exec(entry);
    if (!match || isRunning(Number(match[3]))) continue;
    const [, kind, packName] = match;
    if (name !== undefined && packName !== name.slice(0, NAME_IN_TEMP)) continue;
    const path = join(dir, entry);
    try {
      if (kind === "tmp") {
        rmSync(path, { recursive: true, force: true });
        result.removed.push(entry);
        continue;
      }
      const original = join(dir, packName!);
      if (!existsSync(original) && packName!.length < NAME_IN_TEMP) {
        renameWithRetry(path, original);
        result.restored.push(packName!);
        continue;
      }
      const manifest = readPackManifest(path);
      const files = manifest ? [...manifest.bestanden.map((f) => f.naam), "manifest.json"] : [];
      if (removePackFolder(path, files)) result.removed.push(entry);
    } catch {
      // Left for a later run: cleaning up must never stop this one.
    }
  }
  return result;
}
