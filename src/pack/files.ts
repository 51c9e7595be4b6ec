import { renderDocuments, type DocumentMeta } from "../render/documents.js";
import type { Theme } from "../render/theme.js";
import type { PackPlan } from "../plan/training-plan.js";
import type { TemplateEngine } from "../templates/engine.js";
import { buildManifest, type PackFile } from "./manifest.js";

export const ANSWERS_FILE = "antwoorden.yaml";
export const MANIFEST_FILE = "manifest.json";

export interface PackFilesInput {
  plan: PackPlan<unknown>;
  engine: TemplateEngine;
  theme: Theme;
  meta: DocumentMeta & { created: Date };
  /** The answers as a YAML answers file, saved as `antwoorden.yaml`. */
  answersText: string;
  /** Files that follow the documents, such as the werkafspraken of a bijeenkomst. */
  extraFiles?: readonly PackFile[];
  /** Kind of pack in the manifest: `training`, `bijeenkomst`. */
  pakket: string;
  version: string;
  /** The answers the pack was made from; the manifest keeps their hash. */
  answers: unknown;
}

/**
 * Makes every file of a pack in memory, the same way for each kind of pack: the planned
 * documents, any extra files, the answers file and finally the manifest over all of them. No I/O;
 * the caller writes the files with `writePack`.
 */
export async function renderPackFiles(input: PackFilesInput): Promise<PackFile[]> {
  const documents = await renderDocuments(
    input.plan.documents,
    input.plan.view,
    input.engine,
    input.theme,
    input.meta,
  );
  const files: PackFile[] = [
    ...documents,
    ...(input.extraFiles ?? []),
    { name: ANSWERS_FILE, data: new TextEncoder().encode(input.answersText) },
  ];
  const manifest = buildManifest({
    version: input.version,
    pakket: input.pakket,
    created: input.meta.created,
    answers: input.answers,
    files,
  });
  files.push({
    name: MANIFEST_FILE,
    data: new TextEncoder().encode(`${JSON.stringify(manifest, null, 2)}\n`),
  });
  return files;
}
