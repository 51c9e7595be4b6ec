import { renderDocuments, type DocumentMeta } from "../render/documents.js";
import type { Logo, Theme } from "../render/theme.js";
import type { PackPlan } from "../plan/training-plan.js";
import type { TemplateEngine } from "../templates/engine.js";
import { buildManifest, type PackFile } from "./manifest.js";

export const ANSWERS_FILE = "antwoorden.yaml";
export const MANIFEST_FILE = "manifest.json";

/** The file name of the logo inside a pack: `logo.png` or `logo.jpg`. */
export function logoFileName(logo: Logo): string {
  return logo.type === "png" ? "logo.png" : "logo.jpg";
}

/**
 * Answers as they are saved in a pack: the logo points to the copy in the pack, so the pack's
 * answer files work from the pack folder, wherever the original logo was.
 */
export function withPackLogo<A extends { huisstijl: { logo?: string | undefined } }>(
  answers: A,
  logo: Logo | undefined,
): A {
  if (!logo || answers.huisstijl.logo === undefined) return answers;
  return { ...answers, huisstijl: { ...answers.huisstijl, logo: logoFileName(logo) } };
}

export interface PackFilesInput {
  plan: PackPlan<unknown>;
  engine: TemplateEngine;
  theme: Theme;
  meta: DocumentMeta & { created: Date };
  /** The answers as a YAML answers file, saved as `antwoorden.yaml`. */
  answersText: string;
  /** Files that follow the documents, such as the werkafspraken of a bijeenkomst. */
  extraFiles?: readonly PackFile[];
  /** The library's logo, copied into the pack next to the answers that name it. */
  logo?: Logo | undefined;
  /** Kind of pack in the manifest: `training`, `bijeenkomst`. */
  pakket: string;
  version: string;
  /** The answers the pack was made from; the manifest keeps their hash. */
  answers: unknown;
}

/**
 * Makes every file of a pack in memory, the same way for each kind of pack: the planned
 * documents, any extra files, the answers file and finally the manifest over all of them. Every
 * .docx and .pptx is checked first (see src/check); a failing one stops the pack. No I/O; the
 * caller writes the files with `writePack`.
 */
export async function renderPackFiles(input: PackFilesInput): Promise<PackFile[]> {
  const documents = await renderDocuments(
    input.plan.documents,
    input.plan.view,
    input.engine,
    input.theme,
    input.meta,
  );
  // The same check as `idokit controleer`: a pack that fails it is never reported as done.
  // Loaded here, not at the top: this module's names are also read on the `--help` path.
  const { assertDocumentsValid } = await import("../check/index.js");
  assertDocumentsValid([...documents, ...(input.extraFiles ?? [])]);
  const files: PackFile[] = [
    // The parts were only for the check: never written, never sent to another thread.
    ...documents.map(({ name, data }) => ({ name, data })),
    ...(input.extraFiles ?? []),
    ...(input.logo ? [{ name: logoFileName(input.logo), data: input.logo.data }] : []),
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
