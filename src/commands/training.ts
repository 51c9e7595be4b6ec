import { resolve } from "node:path";
import type { Validation } from "../answers/validate.js";
import { loadVocabulary } from "../domain/load-vocabulary.js";
import type { UsageError } from "../errors.js";
import type { QuestionContext } from "../questions/define.js";
import { TRAINING_SECTIONS, trainingSchema, type TrainingAnswers } from "../questions/training.js";
import { missingAnswersError as missingFor } from "../questions/wizard-session.js";
import { readExampleTrainingAnswers } from "./examples.js";
import { makeTrainingPack, planTrainingPack } from "../pack/training.js";
import { loadTrainingResources } from "../pack/resources.js";
import type { Selection } from "../casussen/select.js";
import { createCasusPicker } from "../questions/wizard-casussen.js";
import { createActorPicker } from "../questions/wizard-acteurs.js";
import type { QuestionPicker } from "../questions/wizard.js";
import { withActorDetails } from "../acteurs/apply.js";
import { actorListIn, loadActorList } from "../acteurs/load.js";
import type { PackFile } from "../pack/manifest.js";
import type { PdfReport } from "../pdf/for-pack.js";
import type { PackPlan, TrainingView } from "../plan/training-plan.js";
import {
  checkAnswerFlags,
  collectAnswers,
  keepAnswersOnFailure,
  type AnswerIO,
  type AnswerOptions,
  type AnswerSpec,
  type CollectedAnswers,
} from "./answers.js";
import type { CommandContext } from "./context.js";
import { assertPackWritable, packTarget, placePack, type PreviousPack } from "./place.js";
import { packTimestamp } from "../pack/timestamp.js";

export interface TrainingOptions extends AnswerOptions {
  force: boolean;
  casussen: string[];
  /** Only the own casus folders, not the built-in library (`--alleen-eigen-casussen`). */
  alleenEigenCasussen?: boolean | undefined;
  templates?: string | undefined;
  /** A house style file (`--huisstijl`); else the one beside the templates, else idokit's. */
  huisstijl?: string | undefined;
  /** The POI's list of trainingsacteurs (`--acteurs`); else the one beside the templates. */
  acteurs?: string | undefined;
  seed: number;
  /** One zip file instead of a folder. */
  zip?: boolean | undefined;
  /** Every .docx and .pptx also as PDF, through LibreOffice. */
  pdf?: boolean | undefined;
}

export interface TrainingResult {
  /** When the pack replaced an earlier idokit pack: whether anything changed. */
  vorigPakket?: PreviousPack;
  ok: true;
  dryRun: boolean;
  map: string;
  bestanden: Array<{ naam: string; bytes?: number }>;
  programma: Array<{ start: string; eind: string; onderdeel: string }>;
  /** In the documents' order and numbering; a reserve is played only when there is time. */
  casussen: Array<{
    nummer: number;
    id: string;
    titel: string;
    redenen: string[];
    reserve: boolean;
  }>;
  nietGedekt: string[];
  waarschuwingen: string[];
  /** What `--pdf` did; absent without `--pdf`. */
  pdf?: PdfReport;
}

export { exampleTrainingDate } from "./examples.js";

/** Reads the answers of a built-in example (default: the first), with the training date moved ahead. */
export function readExampleAnswers(
  today: string,
  name?: string | boolean,
): Record<string, unknown> {
  return readExampleTrainingAnswers(today, name);
}

/** How `idokit training` gets its answers: its schema, wizard sections and example. */
export const TRAINING_ANSWERS: AnswerSpec<typeof trainingSchema> = {
  schema: trainingSchema,
  sections: TRAINING_SECTIONS,
  command: "idokit training",
  packName: "het trainingspakket",
  example: readExampleAnswers,
};

/** Lists every missing answer by key, with how to give it; for runs where no one can be asked. */
export function missingAnswersError(validation: Validation<unknown>, source: string): UsageError {
  return missingFor(validation, source, TRAINING_ANSWERS.command);
}

/** How the command reaches a person; injected by the CLI (a terminal) or by tests (a script). */
export type TrainingIO = AnswerIO;

/** Collects the answers of a training: see `collectAnswers`. */
export async function collectTrainingAnswers(
  options: TrainingOptions,
  context: CommandContext,
  ctx: QuestionContext,
  io: TrainingIO = {},
): Promise<CollectedAnswers<TrainingAnswers>> {
  return collectAnswers(TRAINING_ANSWERS, options, context, ctx, io);
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
  checkAnswerFlags(TRAINING_ANSWERS, options, context);
  const vocabulary = loadVocabulary();
  const ctx: QuestionContext = { today: context.today, vocabulary, mode: "file" };
  // 1. Refuse an existing output folder before any work is done.
  if (options.out && !options.dryRun)
    assertPackWritable(packTarget(options.out, "", { cwd: context.cwd, zip: options.zip }), {
      zip: options.zip,
      force: options.force,
      cwd: context.cwd,
      answersFile: options.answers && resolve(context.cwd, options.answers),
    });

  // The POI's trainingsacteurs (a spreadsheet is read asynchronously, so before the rest).
  const actorFile = options.acteurs ?? actorListIn(options.templates);
  const acteurs = actorFile === undefined ? undefined : await loadActorList(actorFile);

  // The casus library and templates, loaded once: at the wizard's casus question, or to make.
  let loaded: ReturnType<typeof loadTrainingResources> | undefined;
  const load = (): ReturnType<typeof loadTrainingResources> =>
    (loaded ??= loadTrainingResources({
      vocabulary,
      casussenDirs: options.casussen,
      ownCasussenOnly: options.alleenEigenCasussen,
      templatesDir: options.templates,
      huisstijl: options.huisstijl,
      acteurs,
    }));

  // In a terminal, a broken casus or template folder is reported before anything is typed.
  if (context.interactive && options.voorbeeld === false) load();

  // 2. Answers: from a file, or typed in the wizard, which proposes the casussen to play.
  const picker = createCasusPicker({
    library: () => load().resources.casussen,
    seed: options.seed,
  });
  // With a list of trainingsacteurs, the actor is chosen from it.
  const actorPicker: Record<string, QuestionPicker> =
    acteurs && acteurs.acteurs.length > 0
      ? { "acteur.naam": createActorPicker({ list: () => acteurs }) }
      : {};
  const collected = await collectTrainingAnswers(options, context, ctx, {
    ...io,
    pickers: { "focus.casussen": picker, ...actorPicker, ...io.pickers },
  });
  return keepAnswersOnFailure(TRAINING_ANSWERS, collected, options, context, () =>
    makeTraining(options, context, load(), collected),
  );
}

/** Steps 2–3: what the pack is made from, then plan, make and write it. */
async function makeTraining(
  options: TrainingOptions,
  context: CommandContext,
  { resources, notices: resourceNotices }: ReturnType<typeof loadTrainingResources>,
  {
    answers,
    warnings,
    logoOf,
  }: Pick<CollectedAnswers<TrainingAnswers>, "answers" | "warnings" | "logoOf">,
): Promise<TrainingResult> {
  const notices = [
    ...resourceNotices,
    ...warnings.map((w) => `${w.where}: ${w.message}`),
    ...withActorDetails(answers, resources.acteurs).notices,
  ];
  for (const notice of notices) context.report.warn(notice);

  // 3. Plan only (dry run), or make and write the pack.
  let planned: { plan: PackPlan<TrainingView>; selection: Selection };
  let files: PackFile[] | undefined;
  let pdf: PdfReport | undefined;
  if (options.dryRun) {
    planned = planTrainingPack(answers, resources, { today: context.today, seed: options.seed });
  } else {
    context.report.progress?.("Pakket maken…");
    const logo = answers.huisstijl.logo ? logoOf(answers.huisstijl.logo) : undefined;
    const pack = await makeTrainingPack(answers, resources, {
      today: context.today,
      seed: options.seed,
      logo,
      created: context.created ?? packTimestamp(context.today),
      pdf: options.pdf && (await canMakePdfs()),
    });
    ({ files } = pack);
    planned = pack;
    if (options.pdf) ({ files, pdf } = await withPdfs(files, context));
  }
  const { plan, selection } = planned;
  return {
    ok: true,
    dryRun: options.dryRun,
    ...placePack(plan, files, {
      ...options,
      cwd: context.cwd,
      created: context.created ?? packTimestamp(context.today),
      warn: (message) => {
        notices.push(message);
        context.report.warn(message);
      },
    }),
    programma: plan.view.programma.map((row) => ({
      start: row.start,
      eind: row.eind,
      onderdeel: row.isCasus
        ? `Oefenen met de trainingsacteur (casus ${row.casusVan === row.casusTot ? row.casusVan : `${row.casusVan}–${row.casusTot}`})`
        : row.titel,
    })),
    casussen: plan.view.casussen.map((c) => ({
      nummer: c.nummer,
      id: c.id,
      titel: c.titel,
      redenen: selection.chosen.find((chosen) => chosen.casus.id === c.id)?.reasons ?? [],
      reserve: c.reserve,
    })),
    nietGedekt: selection.uncovered,
    waarschuwingen: notices,
    ...(pdf ? { pdf } : {}),
  };
}

/** True when LibreOffice is there for `--pdf`; loads the PDF module only when asked. */
export async function canMakePdfs(): Promise<boolean> {
  const { locateSoffice } = await import("../pdf/libreoffice.js");
  return locateSoffice() !== undefined;
}

/**
 * `--pdf` for a made pack: adds the PDFs, or warns (LibreOffice missing, a document that failed)
 * and keeps the pack as it is. Loaded only when asked for.
 */
export async function withPdfs(
  files: PackFile[],
  context: CommandContext,
): Promise<{ files: PackFile[]; pdf: PdfReport }> {
  context.report.progress?.("PDF's maken met LibreOffice…");
  const { addPdfsToPack, failedPdfMessage } = await import("../pdf/for-pack.js");
  const made = await addPdfsToPack(files);
  if (made.report.melding) context.report.warn(made.report.melding);
  if (made.report.mislukt.length > 0) context.report.warn(failedPdfMessage(made.report.mislukt));
  return { files: made.files, pdf: made.report };
}
