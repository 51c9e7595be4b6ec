import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, rmdirSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import {
  inspectDestination,
  readPackManifest,
  type Destination,
  type DestinationRules,
} from "./existing.js";
import type { PackFile } from "./manifest.js";
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
}

// The folder name inside the names of temporary folders is cut short, so that a long pack name
// does not make them longer than a file system allows (255 characters).
const NAME_IN_TEMP = 80;

function tempName(kind: "tmp" | "old", target: string, suffix: string): string {
  return `.idokit-${kind}-${basename(target).slice(0, NAME_IN_TEMP)}-${suffix}`;
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
  if (existsSync(parent)) restoreOrRemoveLeftovers(parent, basename(target));
  const existing = assertWritable(target, options);
  mkdirSync(parent, { recursive: true });
  const suffix = `${process.pid}-${randomBytes(4).toString("hex")}`;
  const temp = join(parent, tempName("tmp", target, suffix));
  active.add(temp);
  try {
    mkdirSync(temp);
    for (const file of files) {
      const path = join(temp, file.name);
      mkdirSync(dirname(path), { recursive: true });
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
    rmSync(temp, { recursive: true, force: true });
    throw error;
  } finally {
    active.delete(temp);
  }
}

// `.idokit-tmp-NAME-PID-HEX` (writePack and writeFileAtomic) and `.idokit-old-NAME-PID-HEX`.
const LEFTOVER = /^\.idokit-(tmp|old)-(.*)-(\d+)-[0-9a-f]{8}$/;

function isRunning(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

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
