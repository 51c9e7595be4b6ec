import { dirname, isAbsolute, join, relative, resolve } from "node:path";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { parse } from "yaml";
import { fileInspector, readAnswersFile, readLogo } from "../answers/load.js";
import type { Validation } from "../answers/validate.js";
import { serializeAnswers } from "../answers/serialize.js";
import { addDays } from "../answers/values.js";
import { loadVocabulary } from "../domain/load-vocabulary.js";
import { UsageError, type Problem } from "../errors.js";
import {
  getPath,
  listQuestions,
  setPath,
  type Draft,
  type QuestionContext,
} from "../questions/define.js";
import { TRAINING_SECTIONS, trainingSchema, type TrainingAnswers } from "../questions/training.js";
import type { WizardPrompts } from "../questions/wizard.js";
import {
  completeAnswers,
  missingAnswersError as missingFor,
  shellQuote,
} from "../questions/wizard-session.js";
import { EXAMPLE_TRAINING_FILE } from "../paths.js";
import { assertWritable, writePack } from "../pack/write.js";
import {
  ANSWERS_FILE,
  MANIFEST_FILE,
  makeTrainingPack,
  planTrainingPack,
} from "../pack/training.js";
import { loadTrainingResources } from "../pack/resources.js";
import type { Selection } from "../casussen/select.js";
import type { PackFile } from "../pack/manifest.js";
import type { PackPlan, TrainingView } from "../plan/training-plan.js";
import type { CommandContext } from "./context.js";

export interface TrainingOptions {
  answers?: string | undefined;
  voorbeeld: boolean;
  out?: string | undefined;
  force: boolean;
  dryRun: boolean;
  casussen: string[];
  templates?: string | undefined;
  seed: number;
  /** Take the defaults for everything not given; ask only what has none (`--yes`). */
  yes?: boolean;
  /** Ask every question again, with the answers file's values as defaults (`--bewerk`). */
  bewerk?: boolean;
}

export interface TrainingResult {
  ok: true;
  dryRun: boolean;
  map: string;
  bestanden: Array<{ naam: string; bytes?: number }>;
  programma: Array<{ start: string; eind: string; onderdeel: string }>;
  casussen: Array<{ id: string; titel: string; redenen: string[] }>;
  nietGedekt: string[];
  waarschuwingen: string[];
}

/** The first Tuesday at least nine weeks after today (so the whole countdown still lies ahead): a realistic date for the example pack. */
export function exampleTrainingDate(today: string): string {
  let date = addDays(today, 63);
  while (new Date(`${date}T12:00:00Z`).getUTCDay() !== 2) date = addDays(date, 1);
  return date;
}

/** Reads the built-in example answers, with the training date moved to a date ahead. */
export function readExampleAnswers(today: string): Record<string, unknown> {
  const data = parse(readFileSync(EXAMPLE_TRAINING_FILE, "utf8")) as Record<
    string,
    Record<string, unknown>
  >;
  return { ...data, training: { ...data.training, datum: exampleTrainingDate(today) } };
}

/** Lists every missing answer by key, with how to give it; for runs where no one can be asked. */
export function missingAnswersError(validation: Validation<unknown>, source: string): UsageError {
  return missingFor(validation, source, "idokit training");
}

/** Refuses contradictory flags before anything is asked or read. */
export function checkTrainingFlags(options: TrainingOptions, context: CommandContext): void {
  if (options.voorbeeld && options.answers)
    throw new UsageError("Gebruik --voorbeeld óf --answers, niet allebei.");
  if (options.bewerk && options.voorbeeld)
    throw new UsageError("--bewerk past een eigen antwoordenbestand aan, niet het voorbeeld.", {
      hint: "Bewaar eerst een pakket van het voorbeeld en bewerk dan zijn antwoorden.yaml: idokit training --answers MAP/antwoorden.yaml --bewerk",
    });
  if (options.bewerk && !options.answers)
    throw new UsageError("--bewerk heeft een antwoordenbestand nodig om aan te passen.", {
      hint: "Gebruik het samen met --answers BESTAND, bijvoorbeeld: idokit training --answers antwoorden.yaml --bewerk",
    });
  if (options.bewerk && options.yes)
    throw new UsageError(
      "Gebruik --bewerk óf --yes: --bewerk stelt alle vragen opnieuw, --yes zo min mogelijk.",
    );
  if (options.bewerk && !context.interactive)
    throw new UsageError(
      "--bewerk stelt alle vragen opnieuw en heeft daarvoor een terminal nodig.",
      {
        hint: "Start het commando in een terminal (zonder --json), of pas het antwoordenbestand zelf aan.",
      },
    );
}

/** How the command reaches a person; injected by the CLI (a terminal) or by tests (a script). */
export interface TrainingIO {
  /** Creates the wizard's prompts; only called when a question is asked. */
  prompts?: () => Promise<WizardPrompts>;
}

/** File answers (logo) are relative to the answers file; typed ones to the current folder. */
function rebaseFiles(data: unknown, baseDir: string, cwd: string): unknown {
  if (!data || typeof data !== "object" || baseDir === cwd) return data;
  const copy = structuredClone(data) as Record<string, unknown>;
  for (const q of listQuestions(trainingSchema).filter((q) => q.kind === "file")) {
    const value = getPath(copy, q.key);
    if (typeof value === "string" && value.trim() && !isAbsolute(value.trim()))
      setPath(copy, q.key, relative(cwd, resolve(baseDir, value.trim())));
  }
  return copy;
}

/**
 * Writes answers that are not complete yet to `idokit-concept-<date>-<time>.yaml` in `dir`,
 * never over an existing file. Returns the path as the person can type it (relative when in `cwd`).
 */
export function writeAnswersDraft(
  draft: Draft,
  options: { dir: string; cwd: string; now: Date; command: string },
): string {
  const pad = (n: number): string => String(n).padStart(2, "0");
  const { now } = options;
  const stamp = `${now.getFullYear()}${pad(now.getMonth() + 1)}${pad(now.getDate())}-${pad(now.getHours())}${pad(now.getMinutes())}`;
  for (let n = 1; ; n++) {
    const file = join(options.dir, `idokit-concept-${stamp}${n > 1 ? `-${n}` : ""}.yaml`);
    const shown = relative(options.cwd, file).startsWith("..") ? file : relative(options.cwd, file);
    const header = [
      `Antwoorden voor ${options.command}, bewaard op ${pad(now.getDate())}-${pad(now.getMonth() + 1)}-${now.getFullYear()} om ${pad(now.getHours())}.${pad(now.getMinutes())} uur.`,
      `Ga verder met: ${options.command} --answers ${shellQuote(shown)}`,
    ].join("\n");
    try {
      writeFileSync(file, serializeAnswers(trainingSchema, draft, header), { flag: "wx" });
      return shown;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST" || n > 50) throw error;
    }
  }
}

/** The folder for a draft: beside the pack folder when --out has an existing parent, else here. */
function draftDir(options: TrainingOptions, context: CommandContext): string {
  if (!options.out) return context.cwd;
  const parent = dirname(resolve(context.cwd, options.out));
  return existsSync(parent) ? parent : context.cwd;
}

/**
 * Collects the answers: from the example, an answers file, or the wizard (in a terminal), which
 * asks what is missing or wrong, or everything with --bewerk. Without a terminal, missing answers
 * are a usage error that lists them.
 */
export async function collectTrainingAnswers(
  options: TrainingOptions,
  context: CommandContext,
  ctx: QuestionContext,
  io: TrainingIO = {},
): Promise<{ answers: TrainingAnswers; warnings: Problem[]; baseDir: string; asked: number }> {
  checkTrainingFlags(options, context);
  const raw = options.voorbeeld
    ? {
        data: readExampleAnswers(context.today),
        file: "het ingebouwde voorbeeld",
        baseDir: context.cwd,
      }
    : options.answers
      ? readAnswersFile(resolve(context.cwd, options.answers))
      : { data: {}, file: "", baseDir: context.cwd };
  // The example is complete by design: never start asking about it.
  const interactive = context.interactive && !options.voorbeeld && io.prompts !== undefined;
  const baseDir = interactive ? context.cwd : raw.baseDir;
  const { answers, warnings, asked } = await completeAnswers({
    schema: trainingSchema,
    sections: TRAINING_SECTIONS,
    raw: interactive ? rebaseFiles(raw.data, raw.baseDir, context.cwd) : raw.data,
    source: raw.file,
    ctx: { ...ctx, inspectFile: fileInspector(baseDir) },
    interactive,
    edit: Boolean(options.bewerk),
    acceptDefaults: Boolean(options.yes) || options.voorbeeld,
    prompts: io.prompts,
    confirmLabel: options.dryRun
      ? "Ja, laat zien wat er gemaakt wordt"
      : "Ja, maak het trainingspakket",
    command: "idokit training",
    saveDraft: (draft) =>
      writeAnswersDraft(draft, {
        dir: draftDir(options, context),
        cwd: context.cwd,
        now: context.now,
        command: "idokit training",
      }),
    warn: (message) => context.report.warn(message),
  });
  return { answers, warnings, baseDir, asked };
}

/**
 * `idokit training`: answers → plan → documents → a pack folder, written atomically.
 * Reports progress through the context; returns the result for the CLI to print.
 */
export async function runTraining(
  options: TrainingOptions,
  context: CommandContext,
  io: TrainingIO = {},
): Promise<TrainingResult> {
  checkTrainingFlags(options, context);
  const vocabulary = loadVocabulary();
  const ctx: QuestionContext = { today: context.today, vocabulary, mode: "file" };
  // 1. Refuse an existing output folder before any work is done.
  if (options.out && !options.dryRun)
    assertWritable(resolve(context.cwd, options.out), options.force);

  // 2. Answers: from a file, or typed in the wizard.
  const collected = await collectTrainingAnswers(options, context, ctx, io);
  try {
    return await makeTraining(options, context, vocabulary, collected);
  } catch (error) {
    // Typed answers must survive a failure while making the pack (a folder that exists, a bug).
    if (collected.asked > 0) keepTypedAnswers(collected.answers, options, context);
    throw error;
  }
}

function keepTypedAnswers(
  answers: TrainingAnswers,
  options: TrainingOptions,
  context: CommandContext,
): void {
  try {
    const file = writeAnswersDraft(answers as unknown as Draft, {
      dir: draftDir(options, context),
      cwd: context.cwd,
      now: context.now,
      command: "idokit training",
    });
    context.report.warn(
      `Je antwoorden zijn bewaard in ${file}. Probeer het opnieuw met: idokit training --answers ${shellQuote(file)}`,
    );
  } catch {
    // Nothing more to do: the error that brought us here is reported by the caller.
  }
}

/** Steps 2–3: what the pack is made from, then plan, make and write it. */
async function makeTraining(
  options: TrainingOptions,
  context: CommandContext,
  vocabulary: ReturnType<typeof loadVocabulary>,
  {
    answers,
    warnings,
    baseDir,
  }: { answers: TrainingAnswers; warnings: Problem[]; baseDir: string },
): Promise<TrainingResult> {
  const { resources, notices: resourceNotices } = loadTrainingResources({
    vocabulary,
    casussenDirs: options.casussen,
    templatesDir: options.templates,
  });
  const notices = [...resourceNotices, ...warnings.map((w) => `${w.where}: ${w.message}`)];
  for (const notice of notices) context.report.warn(notice);

  // 3. Plan only (dry run), or make and write the pack.
  let planned: { plan: PackPlan<TrainingView>; selection: Selection };
  let files: PackFile[] | undefined;
  if (options.dryRun) {
    planned = planTrainingPack(answers, resources, { today: context.today, seed: options.seed });
  } else {
    context.report.progress?.("Pakket maken…");
    const logo = answers.huisstijl.logo
      ? readLogo(answers.huisstijl.logo, baseDir).logo
      : undefined;
    const pack = await makeTrainingPack(answers, resources, {
      today: context.today,
      seed: options.seed,
      logo,
      created: context.now,
    });
    ({ files } = pack);
    planned = pack;
  }
  const { plan, selection } = planned;
  const map = resolve(context.cwd, options.out ?? plan.folderName);
  if (files) writePack(map, files, { force: options.force });
  return {
    ok: true,
    dryRun: options.dryRun,
    map,
    bestanden: files
      ? files.map((f) => ({ naam: f.name, bytes: f.data.byteLength }))
      : [
          ...plan.documents.map((d) => ({ naam: d.file })),
          { naam: ANSWERS_FILE },
          { naam: MANIFEST_FILE },
        ],
    programma: plan.view.programma.map((row) => ({
      start: row.start,
      eind: row.eind,
      onderdeel: row.isCasus
        ? `Oefenen met de trainingsacteur (casus ${row.casusVan === row.casusTot ? row.casusVan : `${row.casusVan}–${row.casusTot}`})`
        : row.titel,
    })),
    casussen: selection.chosen.map((c) => ({
      id: c.casus.id,
      titel: c.casus.titel,
      redenen: c.reasons,
    })),
    nietGedekt: selection.uncovered,
    waarschuwingen: notices,
  };
}
