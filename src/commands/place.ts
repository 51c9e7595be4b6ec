import { existsSync, mkdirSync, statSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { writeFileAtomic } from "../batch/pack-output.js";
import { zipPackFiles } from "../batch/zip.js";
import { InputError } from "../errors.js";
import { ANSWERS_FILE, MANIFEST_FILE } from "../pack/files.js";
import type { PackFile } from "../pack/manifest.js";
import { assertWritable, writePack } from "../pack/write.js";
import type { PlannedDocument } from "../plan/training-plan.js";

/** Where a single pack goes: a folder, or with `--zip` one zip file (`.zip` added if missing). */
export function packTarget(
  out: string | undefined,
  folderName: string,
  options: { cwd: string; zip?: boolean | undefined },
): string {
  const path = resolve(options.cwd, out ?? folderName);
  return options.zip && !/\.zip$/i.test(path) ? `${path}.zip` : path;
}

/** Checks up front that a pack may be written to `target`, so nobody answers questions in vain. */
export function assertPackWritable(
  target: string,
  options: { zip?: boolean | undefined; force: boolean },
): void {
  if (!options.zip) return assertWritable(target, options.force);
  if (!existsSync(target)) return;
  if (statSync(target).isDirectory())
    throw new InputError(`"${target}" bestaat al en is een map, geen zip-bestand.`, {
      hint: "Kies een andere naam met --out NAAM.zip.",
    });
  if (!options.force)
    throw new InputError(`Het bestand "${target}" bestaat al. Er is niets overschreven.`, {
      hint: "Kies een andere naam met --out, of gebruik --force om het bestand te vervangen.",
    });
}

/**
 * The last step of a pack command: where the pack goes (`--map`, or the plan's folder name), and
 * either the written files or, on a dry run (`files` undefined), the files it would write. With
 * `zip` the pack becomes one zip file, written atomically.
 */
export function placePack(
  plan: { folderName: string; documents: readonly PlannedDocument[] },
  files: readonly PackFile[] | undefined,
  options: {
    out?: string | undefined;
    force: boolean;
    cwd: string;
    extraFiles?: readonly string[];
    zip?: boolean | undefined;
    /** Time stamped on the zip's entries. */
    created?: Date | undefined;
  },
): { map: string; bestanden: Array<{ naam: string; bytes?: number }> } {
  const map = packTarget(options.out, plan.folderName, options);
  if (!files) {
    const names = [
      ...plan.documents.map((d) => d.file),
      ...(options.extraFiles ?? []),
      ANSWERS_FILE,
      MANIFEST_FILE,
    ];
    return { map, bestanden: names.map((naam) => ({ naam })) };
  }
  if (options.zip) {
    assertPackWritable(map, { zip: true, force: options.force });
    mkdirSync(dirname(map), { recursive: true });
    writeFileAtomic(map, zipPackFiles(files, options.created ?? new Date()));
  } else {
    writePack(map, files, { force: options.force });
  }
  return { map, bestanden: files.map((f) => ({ naam: f.name, bytes: f.data.byteLength })) };
}
