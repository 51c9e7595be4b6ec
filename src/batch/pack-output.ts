import { randomBytes } from "node:crypto";
import {
  existsSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { basename, dirname, join } from "node:path";
import { unzipSync } from "fflate";
import type { Manifest } from "../pack/manifest.js";
import { MANIFEST_FILE } from "../pack/files.js";

/** Writes one file atomically: into a temporary file beside it, then renamed into place. */
export function writeFileAtomic(dest: string, data: Uint8Array): void {
  const temp = join(
    dirname(dest),
    `.idokit-tmp-${basename(dest)}-${process.pid}-${randomBytes(4).toString("hex")}`,
  );
  try {
    writeFileSync(temp, data);
    renameSync(temp, dest);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}

/**
 * The answers hash of a complete pack at `target` (a folder, or a zip with `zip`), or undefined
 * when there is no pack or it is not complete: the manifest must exist and every file it lists
 * must be there with the listed size.
 */
export function readCompletePackHash(target: string, zip: boolean): string | undefined {
  try {
    if (!existsSync(target)) return undefined;
    if (zip) return readZipPackHash(target);
    if (!statSync(target).isDirectory()) return undefined;
    const manifest = JSON.parse(readFileSync(join(target, MANIFEST_FILE), "utf8")) as Manifest;
    const complete = manifest.bestanden.every((file) => {
      const path = join(target, file.naam);
      return existsSync(path) && statSync(path).size === file.bytes;
    });
    return complete ? manifest.antwoordenHash : undefined;
  } catch {
    return undefined;
  }
}

function readZipPackHash(target: string): string | undefined {
  const sizes = new Map<string, number>();
  const entries = unzipSync(readFileSync(target), {
    filter: (file) => {
      sizes.set(file.name, file.originalSize);
      return file.name === MANIFEST_FILE;
    },
  });
  const data = entries[MANIFEST_FILE];
  if (!data) return undefined;
  const manifest = JSON.parse(new TextDecoder().decode(data)) as Manifest;
  const complete = manifest.bestanden.every((file) => sizes.get(file.naam) === file.bytes);
  return complete ? manifest.antwoordenHash : undefined;
}

// `.idokit-tmp-NAME-PID-HEX` (writePack and writeFileAtomic) and `.idokit-old-NAME-PID-HEX`.
const LEFTOVER = /^\.idokit-(?:tmp|old)-.*-(\d+)-[0-9a-f]{8}$/;

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

/**
 * Removes half-written packs left in `dir` by a run that was killed (SIGKILL, power loss): the
 * temporary folders and files whose writing process no longer runs. Returns their names.
 */
export function removeLeftovers(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const removed: string[] = [];
  for (const name of readdirSync(dir)) {
    const match = LEFTOVER.exec(name);
    if (!match || isRunning(Number(match[1]))) continue;
    rmSync(join(dir, name), { recursive: true, force: true });
    removed.push(name);
  }
  return removed;
}
