import type { Vocabulary } from "../domain/vocabulary.js";
import type { PackFile } from "../pack/manifest.js";
import { getPath, type SchemaNode } from "../questions/define.js";
import { bijeenkomstSchema, type BijeenkomstAnswers } from "../questions/bijeenkomst.js";
import { trainingSchema, type TrainingAnswers } from "../questions/training.js";
import type { Logo } from "../render/theme.js";

/**
 * The kinds of pack a batch can make. Everything batch code needs to know about a pack lives in
 * one entry here: its question schema (columns, validation, the empty spreadsheet), how to name
 * its folder, and how to make its files. Heavy modules load inside the functions, so a worker
 * or the template command pays only for what it uses. Adding a pack kind is one entry.
 */

export type Schema = { readonly [key: string]: SchemaNode };

export const PACK_KIND_IDS = ["training", "bijeenkomst"] as const;
export type PackKindId = (typeof PACK_KIND_IDS)[number];

export interface ResourceOptions {
  vocabulary: Vocabulary;
  casussenDirs: readonly string[];
  /** Only the own casus folders, not the built-in library; only the training uses it. */
  ownCasussenOnly?: boolean | undefined;
  templatesDir?: string | undefined;
  huisstijl?: string | undefined;
  /** The POI's list of trainingsacteurs (a file); only the training uses it. */
  acteurs?: string | undefined;
}

export interface MakeOptions {
  today: string;
  seed: number;
  created: Date;
  logo?: Logo | undefined;
  pdf?: boolean | undefined;
}

export interface PackKind {
  id: PackKindId;
  /** Dutch name in messages: "trainingspakket". */
  label: string;
  schema: Schema;
  /** The answer that names the library in reports and summaries. */
  libraryKey: string;
  /** The answer holding a logo path, read by the worker that makes the pack. */
  logoKey?: string;
  /** Parts of the folder name (library, location, date), from possibly incomplete answers. */
  folderParts(draft: unknown): string[];
  /** Realistic answers for the example row of the empty spreadsheet. */
  exampleAnswers(today: string): Promise<Record<string, unknown>>;
  /** Loads what every pack is made from (casussen, templates); once per process or worker. */
  loadResources(options: ResourceOptions): Promise<{ resources: unknown; notices: string[] }>;
  /**
   * Loads the modules `make` uses, ahead of the first pack: a batch worker does this while the
   * spreadsheet is still being read, so the first pack does not wait for them.
   */
  preload?(): Promise<void>;
  /** Checks what the schema cannot (pinned casussen exist); throws an `InputError`. Cheap. */
  check?(answers: unknown, resources: unknown, seed: number): Promise<void>;
  /** Makes every file of one pack in memory, manifest included. */
  make(answers: unknown, resources: unknown, options: MakeOptions): Promise<PackFile[]>;
}

const text = (value: unknown): string => (typeof value === "string" ? value : "");

/** The modules that render and check a pack's documents, which load on first use otherwise. */
async function preloadRenderers(): Promise<void> {
  await Promise.all([
    import("../render/docx/index.js"),
    import("../render/pptx/index.js"),
    import("../render/html.js"),
    import("../render/plain.js"),
    import("../render/calendar.js"),
    import("../check/index.js"),
  ]);
}

const training: PackKind = {
  id: "training",
  label: "trainingspakket",
  schema: trainingSchema,
  libraryKey: "bibliotheek.organisatie",
  logoKey: "huisstijl.logo",
  // Same parts as `idokit training` uses, so a batch pack and a single pack are named alike.
  folderParts: (draft) => [
    "training",
    text(getPath(draft, "bibliotheek.organisatie")),
    text(getPath(draft, "bibliotheek.vestiging")),
    text(getPath(draft, "training.datum")),
  ],
  exampleAnswers: async (today) => {
    const { readExampleAnswers } = await import("../commands/training.js");
    return readExampleAnswers(today);
  },
  loadResources: async (options) => {
    const [{ loadTrainingResources }, { actorListIn, loadActorList }] = await Promise.all([
      import("../pack/resources.js"),
      import("../acteurs/load.js"),
    ]);
    const file = options.acteurs ?? actorListIn(options.templatesDir);
    const acteurs = file === undefined ? undefined : await loadActorList(file);
    return loadTrainingResources({ ...options, acteurs });
  },
  preload: async () => {
    await Promise.all([import("../pack/training.js"), preloadRenderers()]);
  },
  check: async (answers, resources, seed) => {
    const { selectForTraining } = await import("../pack/training.js");
    selectForTraining(
      answers as TrainingAnswers,
      resources as Parameters<typeof selectForTraining>[1],
      seed,
    );
  },
  make: async (answers, resources, options) => {
    const { makeTrainingPack } = await import("../pack/training.js");
    const pack = await makeTrainingPack(
      answers as TrainingAnswers,
      resources as Parameters<typeof makeTrainingPack>[1],
      options,
    );
    return pack.files;
  },
};

const bijeenkomst: PackKind = {
  id: "bijeenkomst",
  label: "bijeenkomstpakket",
  schema: bijeenkomstSchema,
  libraryKey: "bibliotheek.organisatie",
  logoKey: "huisstijl.logo",
  folderParts: (draft) => [
    "bijeenkomst",
    text(getPath(draft, "bibliotheek.organisatie")),
    text(getPath(draft, "bibliotheek.vestiging")),
    text(getPath(draft, "bijeenkomst.datum")),
  ],
  exampleAnswers: async (today) => {
    const { readExampleBijeenkomstAnswers } = await import("../commands/bijeenkomst.js");
    return readExampleBijeenkomstAnswers(today);
  },
  loadResources: async (options) => {
    const { loadBijeenkomstResources } = await import("../commands/bijeenkomst.js");
    return loadBijeenkomstResources(options);
  },
  preload: async () => {
    await Promise.all([import("../pack/bijeenkomst.js"), preloadRenderers()]);
  },
  make: async (answers, resources, options) => {
    const { makeBijeenkomstPack } = await import("../pack/bijeenkomst.js");
    const pack = await makeBijeenkomstPack(
      answers as BijeenkomstAnswers,
      resources as Parameters<typeof makeBijeenkomstPack>[1],
      options,
    );
    return pack.files;
  },
};

/** The pack kinds batch can make. */
const KINDS: Partial<Record<PackKindId, () => Promise<PackKind>>> = {
  training: async () => training,
  bijeenkomst: async () => bijeenkomst,
};

/** The pack kinds that are available in this build. */
export function availablePackKinds(): PackKindId[] {
  return PACK_KIND_IDS.filter((id) => KINDS[id] !== undefined);
}

/** Loads one pack kind, or undefined when this build cannot make it yet. */
export async function loadPackKind(id: PackKindId): Promise<PackKind | undefined> {
  return KINDS[id]?.();
}
