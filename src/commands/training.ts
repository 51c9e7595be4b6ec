import { resolve } from "node:path";
import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { fileInspector, readAnswersFile, readLogo } from "../answers/load.js";
import { validateAnswers, type Validation } from "../answers/validate.js";
import { addDays } from "../answers/values.js";
import { loadVocabulary } from "../domain/load-vocabulary.js";
import { InputError, UsageError, type Problem } from "../errors.js";
import type { QuestionContext } from "../questions/define.js";
import { trainingSchema, type TrainingAnswers } from "../questions/training.js";
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
  const problems: Problem[] = validation.missing.map((q) => ({
    where: q.key,
    message: `${q.label} ontbreekt${q.example ? ` (bijvoorbeeld: ${q.example})` : ""}.`,
  }));
  return new UsageError(
    `Er ontbreken ${problems.length} antwoorden${source ? ` in ${source}` : ""}, en er is geen terminal om ze te vragen.`,
    {
      problems,
      hint: "Vul ze aan in het antwoordenbestand (de sleutels hierboven, bijvoorbeeld `training:` met daaronder `  datum: 13-04-2027`) en start opnieuw met --answers BESTAND, of start idokit training in een terminal om de vragen te beantwoorden.",
    },
  );
}

/** Collects the answers: from the example, an answers file, or (later) the wizard. */
export function collectTrainingAnswers(
  options: TrainingOptions,
  context: CommandContext,
  ctx: QuestionContext,
): { answers: TrainingAnswers; warnings: Problem[]; baseDir: string } {
  if (options.voorbeeld && options.answers)
    throw new UsageError("Gebruik --voorbeeld óf --answers, niet allebei.");
  const raw = options.voorbeeld
    ? {
        data: readExampleAnswers(context.today),
        file: "het ingebouwde voorbeeld",
        baseDir: context.cwd,
      }
    : options.answers
      ? readAnswersFile(resolve(context.cwd, options.answers))
      : { data: {}, file: "", baseDir: context.cwd };
  const validation = validateAnswers(trainingSchema, raw.data, {
    ...ctx,
    inspectFile: fileInspector(raw.baseDir),
  });
  if (validation.answers)
    return { answers: validation.answers, warnings: validation.warnings, baseDir: raw.baseDir };
  if (validation.problems.length > 0) {
    const where = raw.file ? `${raw.file}: ` : "";
    throw new InputError(
      `${where}${validation.problems.length + validation.missing.length} antwoorden kloppen niet of ontbreken. Er is niets gemaakt.`,
      {
        problems: [
          ...validation.problems,
          ...validation.missing.map((q) => ({ where: q.key, message: `${q.label} ontbreekt.` })),
        ],
        hint: raw.file
          ? `Verbeter de genoemde velden in ${raw.file} en start opnieuw.`
          : "Verbeter de genoemde antwoorden en start opnieuw.",
      },
    );
  }
  throw missingAnswersError(validation, raw.file);
}

/**
 * `idokit training`: answers → plan → documents → a pack folder, written atomically.
 * Reports progress through the context; returns the result for the CLI to print.
 */
export async function runTraining(
  options: TrainingOptions,
  context: CommandContext,
): Promise<TrainingResult> {
  const vocabulary = loadVocabulary();
  const ctx: QuestionContext = { today: context.today, vocabulary, mode: "file" };
  // 1. Refuse an existing output folder before any work is done.
  if (options.out && !options.dryRun)
    assertWritable(resolve(context.cwd, options.out), options.force);

  // 2. Answers, and what they are made from.
  const { answers, warnings, baseDir } = collectTrainingAnswers(options, context, ctx);
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
