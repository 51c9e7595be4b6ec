import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { renameWithRetry } from "../pack/retry.js";
import { restoreOrRemoveLeftovers } from "../pack/write.js";
import { unzipSync } from "fflate";
import type { Manifest } from "../pack/manifest.js";
import { MANIFEST_FILE } from "../pack/files.js";

/**
 * Writes one file atomically: into a temporary file beside it, then renamed into place (retried
 * for a moment when Windows reports the file busy: a virus scanner, Excel closing rapport.csv).
 */
export function writeFileAtomic(dest: string, data: Uint8Array): void {
  const temp = join(
    dirname(dest),
    `.idokit-tmp-${basename(dest)}-${process.pid}-${randomBytes(4).toString("hex")}`,
  );
  try {
    writeFileSync(temp, data);
    renameWithRetry(temp, dest);
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

/**
 * Removes half-written packs left in `dir` by a run that was killed (SIGKILL, power loss), and
 * puts back a pack that was being replaced. Returns the names of what was cleaned up.
 */
export function removeLeftovers(dir: string): string[] {
  const { removed, restored } = restoreOrRemoveLeftovers(dir);
  return [...removed, ...restored];
}

/**
 * Why the file at `target` may not be replaced by a pack zip, or nothing when it is one: a zip
 * made by idokit (its manifest.json says so) with nothing else in it.
 */
export function zipPackProblem(target: string, flag: string): string | undefined {
  const refuse = `"${basename(target)}" bestaat al en is geen zip-bestand van idokit; ${flag} vervangt alleen een eerder pakket. Er is niets overschreven.`;
  try {
    if (!statSync(target).isFile()) return refuse;
    const names: string[] = [];
    const entries = unzipSync(readFileSync(target), {
      filter: (file) => {
        names.push(file.name);
        return file.name === MANIFEST_FILE;
      },
    });
    const data = entries[MANIFEST_FILE];
    if (!data) return refuse;
    const manifest = JSON.parse(new TextDecoder().decode(data)) as Partial<Manifest>;
    if (typeof manifest.idokit !== "string" || !Array.isArray(manifest.bestanden)) return refuse;
    const listed = new Set([MANIFEST_FILE, ...manifest.bestanden.map((file) => file.naam)]);
    const extra = names.filter((name) => !listed.has(name) && !name.endsWith("/"));
    return extra.length > 0
      ? `"${basename(target)}" is een zip van idokit, maar er is iets aan toegevoegd (${extra.slice(0, 3).join(", ")}). Er is niets overschreven.`
      : undefined;
  } catch {
    return refuse;
  }
}
