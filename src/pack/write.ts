import {
  existsSync,
  mkdirSync,
  renameSync,
  rmSync,
  writeFileSync,
  readdirSync,
  statSync,
} from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { randomBytes } from "node:crypto";
import { InputError } from "../errors.js";
import type { PackFile } from "./manifest.js";

/** Temporary folders being written right now; removed on Ctrl-C by the CLI. */
const active = new Set<string>();

/** Removes every temporary folder still being written (called from signal handlers; synchronous). */
export function removeUnfinishedPacks(): void {
  for (const dir of active) rmSync(dir, { recursive: true, force: true });
  active.clear();
}

/** Checks up front that a pack may be written to `dest`, so nobody answers questions in vain. */
export function assertWritable(dest: string, force: boolean): void {
  if (!existsSync(dest)) return;
  if (!statSync(dest).isDirectory())
    throw new InputError(`"${dest}" bestaat al en is geen map.`, {
      hint: "Kies een andere plek met --map MAP.",
    });
  if (!force && readdirSync(dest).length > 0)
    throw new InputError(`De map "${dest}" bestaat al en is niet leeg. Er is niets overschreven.`, {
      hint: "Kies een andere map met --map MAP, of gebruik --vervang om de bestaande map te vervangen.",
    });
}

/**
 * Writes a pack atomically: all files go into a temporary folder beside `dest`, which is renamed
 * into place only when every file is written. An existing, non-empty `dest` is replaced only with
 * `force`; the old folder is removed after the new one is in place.
 */
export function writePack(
  dest: string,
  files: readonly PackFile[],
  options: { force: boolean },
): string {
  const target = resolve(dest);
  assertWritable(target, options.force);
  const parent = dirname(target);
  mkdirSync(parent, { recursive: true });
  const suffix = `${process.pid}-${randomBytes(4).toString("hex")}`;
  const temp = join(parent, `.idokit-tmp-${basename(target)}-${suffix}`);
  active.add(temp);
  try {
    mkdirSync(temp);
    for (const file of files) {
      const path = join(temp, file.name);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, file.data);
    }
    if (existsSync(target)) {
      const old = join(parent, `.idokit-old-${basename(target)}-${suffix}`);
      renameSync(target, old);
      renameSync(temp, target);
      rmSync(old, { recursive: true, force: true });
    } else {
      renameSync(temp, target);
    }
    return target;
  } catch (error) {
    rmSync(temp, { recursive: true, force: true });
    throw error;
  } finally {
    active.delete(temp);
  }
}
