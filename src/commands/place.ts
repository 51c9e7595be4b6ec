import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { writeFileAtomic, zipPackProblem } from "../batch/pack-output.js";
import { zipPackFiles } from "../batch/zip.js";
import { InputError } from "../errors.js";
import { ANSWERS_FILE, MANIFEST_FILE } from "../pack/files.js";
import type { Manifest, PackFile } from "../pack/manifest.js";
import type { DestinationRules } from "../pack/existing.js";
import { assertWritable, writePack } from "../pack/write.js";
import { newNameProblem } from "../pack/names.js";
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

/**
 * Checks up front that a pack may be written to `target`, so nobody answers questions in vain. A
 * zip is replaced only with `--vervang`, and only when it is an earlier pack zip of idokit.
 */
export function assertPackWritable(
  target: string,
  rules: DestinationRules & { zip?: boolean | undefined },
): void {
  if (!rules.zip) {
    assertWritable(target, rules);
    return;
  }
  if (!existsSync(target)) {
    const badName = newNameProblem(target);
    if (badName) throw badName;
    return;
  }
  if (!rules.force)
    throw new InputError(`Het bestand "${target}" bestaat al. Er is niets overschreven.`, {
      hint: "Kies een andere naam met --map, of gebruik --vervang om een eerder pakket te vervangen.",
    });
  const problem = zipPackProblem(target, "--vervang");
  if (problem) throw new InputError(problem, { hint: "Kies een andere naam met --map NAAM.zip." });
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
    /** The answers file of this run (`--answers`): it may be the pack's own, edited. */
    answers?: string | undefined;
    extraFiles?: readonly string[];
    zip?: boolean | undefined;
    /** Time stamped on the zip's entries. */
    created?: Date | undefined;
    /** Told when the old pack could not be removed after the new one is in place. */
    warn?(message: string): void;
  },
): {
  map: string;
  bestanden: Array<{ naam: string; bytes?: number }>;
  vorigPakket?: PreviousPack;
} {
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
  const vorigPakket = options.zip ? undefined : compareWithPrevious(map, files);
  if (options.zip) {
    assertPackWritable(map, { zip: true, force: options.force, cwd: options.cwd });
    mkdirSync(dirname(map), { recursive: true });
    writeFileAtomic(map, zipPackFiles(files, options.created ?? new Date()));
  } else {
    writePack(map, files, {
      force: options.force,
      cwd: options.cwd,
      answersFile: options.answers && resolve(options.cwd, options.answers),
      warn: options.warn,
    });
  }
  return {
    map,
    bestanden: files.map((f) => ({ naam: f.name, bytes: f.data.byteLength })),
    ...(vorigPakket ? { vorigPakket } : {}),
  };
}

/** How a remade pack compares with the idokit pack it replaces (by their manifests). */
export interface PreviousPack {
  /** Byte for byte the same pack: same `pakketHash`. */
  ongewijzigd: boolean;
  /** Files that are new or differ from the previous pack's. */
  gewijzigd: string[];
}

function compareWithPrevious(map: string, files: readonly PackFile[]): PreviousPack | undefined {
  let previous: Manifest;
  try {
    previous = JSON.parse(readFileSync(join(map, MANIFEST_FILE), "utf8")) as Manifest;
  } catch {
    return undefined; // nothing there, or not an idokit pack
  }
  const manifestFile = files.find((f) => f.name === MANIFEST_FILE);
  if (!manifestFile || !Array.isArray(previous.bestanden)) return undefined;
  const next = JSON.parse(new TextDecoder().decode(manifestFile.data)) as Manifest;
  const before = new Map(previous.bestanden.map((f) => [f.naam, f.sha256]));
  return {
    ongewijzigd: previous.pakketHash === next.pakketHash,
    gewijzigd: next.bestanden.filter((f) => before.get(f.naam) !== f.sha256).map((f) => f.naam),
  };
}
