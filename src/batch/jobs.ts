import { resolve } from "node:path";
import { readLogo } from "../answers/load.js";
import { loadVocabulary } from "../domain/load-vocabulary.js";
import { IdokitError, type Problem } from "../errors.js";
import type { PackFile } from "../pack/manifest.js";
import { getPath } from "../questions/define.js";
import type { Logo } from "../render/theme.js";
import { loadPackKind, type MakeOptions, type PackKind, type PackKindId } from "./kinds.js";
import { unpackAnswers, type PackedAnswers } from "./packed-answers.js";
import { zipPackFiles } from "./zip.js";

/** What every pack of a batch shares; sent once to each worker. */
export interface JobSetup {
  kind: PackKindId;
  casussenDirs: string[];
  /** Only the own casus folders, not the built-in library (`--alleen-eigen-casussen`). */
  ownCasussenOnly?: boolean | undefined;
  templatesDir?: string | undefined;
  /** The house style file, if one was given. */
  huisstijl?: string | undefined;
  /** The POI's list of trainingsacteurs, if one was given. */
  acteurs?: string | undefined;
  today: string;
  seed: number;
  /** ISO time stamped into every pack of the batch. */
  created: string;
  zip: boolean;
  /** PDFs will be added by the main thread: the read-me and mails say so. */
  pdf?: boolean;
  /**
   * Packs will be made (not only checked): load the modules that make them while the worker
   * starts, which is while the spreadsheet is being read, instead of in the first pack.
   */
  preload?: boolean;
}

/** One pack to make, or (with `check`) one row to check against the resources. */
export interface PackJob {
  id: number;
  /** Only check what the schema cannot (pinned casussen exist); make nothing. */
  check?: boolean;
  answers: PackedAnswers;
  /** Folder that a relative logo path starts from (the spreadsheet's folder). */
  baseDir: string;
  /** With `zip`: the name of the one zip file the pack becomes. */
  zipName?: string;
}

export type JobResult =
  | { id: number; ok: true; files: PackFile[] }
  | {
      id: number;
      ok: false;
      message: string;
      problems: Problem[];
      /** A bug or crash rather than a problem with the row. */
      internal: boolean;
      stack?: string | undefined;
    };

/** Makes packs one at a time with resources loaded once; used by workers and in-process alike. */
export type JobMaker = (job: PackJob) => Promise<JobResult>;

/**
 * Loads the pack kind, vocabulary and resources (casussen, templates) once, and returns a
 * function that checks or makes one pack per job, with the resources' notices (own templates
 * used). Logos are read once per file.
 */
export async function createJobMaker(
  setup: JobSetup,
): Promise<{ make: JobMaker; notices: string[] }> {
  const kind = (await loadPackKind(setup.kind)) as PackKind;
  const vocabulary = loadVocabulary();
  const { resources, notices } = await kind.loadResources({
    vocabulary,
    casussenDirs: setup.casussenDirs,
    ownCasussenOnly: setup.ownCasussenOnly,
    templatesDir: setup.templatesDir,
    huisstijl: setup.huisstijl,
    acteurs: setup.acteurs,
  });
  if (setup.preload) await kind.preload?.();
  const created = new Date(setup.created);
  const logos = new Map<string, Logo | undefined>();
  const logoFor = (answers: unknown, baseDir: string): Pick<MakeOptions, "logo"> => {
    const path = kind.logoKey ? getPath(answers, kind.logoKey) : undefined;
    if (typeof path !== "string" || path === "") return {};
    const logoPath = resolve(baseDir, path);
    if (!logos.has(logoPath)) logos.set(logoPath, readLogo(logoPath, baseDir).logo);
    return { logo: logos.get(logoPath) };
  };
  const make: JobMaker = async (job) => {
    try {
      const answers = unpackAnswers(job.answers);
      if (job.check) {
        await kind.check?.(answers, resources, setup.seed);
        return { id: job.id, ok: true, files: [] };
      }
      const files = await kind.make(answers, resources, {
        today: setup.today,
        seed: setup.seed,
        created,
        pdf: setup.pdf ?? false,
        ...logoFor(answers, job.baseDir),
      });
      if (!setup.zip) return { id: job.id, ok: true, files };
      const name = job.zipName ?? "pakket.zip";
      return { id: job.id, ok: true, files: [{ name, data: zipPackFiles(files, created) }] };
    } catch (error) {
      return failure(job.id, error);
    }
  };
  return { make, notices };
}

/** A job's error as plain data, so it crosses a worker boundary intact. */
export function failure(id: number, error: unknown): JobResult {
  if (error instanceof IdokitError)
    return {
      id,
      ok: false,
      message: error.message,
      problems: [...error.problems],
      internal: false,
    };
  const message = error instanceof Error ? error.message : String(error);
  return {
    id,
    ok: false,
    message: `interne fout: ${message}`,
    problems: [],
    internal: true,
    stack: error instanceof Error ? error.stack : undefined,
  };
}
