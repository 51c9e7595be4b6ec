import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { ANSWERS_FILE, MANIFEST_FILE } from "../pack/files.js";
import type { Manifest, PackFile } from "../pack/manifest.js";
import { writePack } from "../pack/write.js";
import type { PlannedDocument } from "../plan/training-plan.js";

/**
 * The last step of a pack command: where the pack goes (`--map`, or the plan's folder name), and
 * either the written files or, on a dry run (`files` undefined), the files it would write.
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
    /** Told when the old pack could not be removed after the new one is in place. */
    warn?(message: string): void;
  },
): {
  map: string;
  bestanden: Array<{ naam: string; bytes?: number }>;
  vorigPakket?: PreviousPack;
} {
  const map = resolve(options.cwd, options.out ?? plan.folderName);
  if (!files) {
    const names = [
      ...plan.documents.map((d) => d.file),
      ...(options.extraFiles ?? []),
      ANSWERS_FILE,
      MANIFEST_FILE,
    ];
    return { map, bestanden: names.map((naam) => ({ naam })) };
  }
  const vorigPakket = compareWithPrevious(map, files);
  writePack(map, files, {
    force: options.force,
    cwd: options.cwd,
    answersFile: options.answers && resolve(options.cwd, options.answers),
    warn: options.warn,
  });
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
