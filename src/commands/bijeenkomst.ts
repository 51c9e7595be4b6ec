import { resolve } from "node:path";
import { loadVocabulary } from "../domain/load-vocabulary.js";
import type { Vocabulary } from "../domain/vocabulary.js";
import { InputError } from "../errors.js";
import type { QuestionContext } from "../questions/define.js";
import {
  BIJEENKOMST_SECTIONS,
  bijeenkomstSchema,
  type BijeenkomstAnswers,
} from "../questions/bijeenkomst.js";
import {
  makeBijeenkomstPack,
  planBijeenkomstPack,
  WERKAFSPRAKEN_FILE,
  type BijeenkomstResources,
} from "../pack/bijeenkomst.js";
import type { PackFile } from "../pack/manifest.js";
import { loadTemplateSet } from "../pack/resources.js";
import { parseAgendaTexts } from "../plan/bijeenkomst-plan.js";
import { VERSION } from "../version.js";
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
import { readExampleBijeenkomstAnswers } from "./examples.js";
import { canMakePdfs, withPdfs } from "./training.js";
import type { PdfReport } from "../pdf/for-pack.js";

export interface BijeenkomstOptions extends AnswerOptions {
  force: boolean;
  templates?: string | undefined;
  /** One zip file instead of a folder. */
  zip?: boolean | undefined;
  /** Every .docx and .pptx also as PDF, through LibreOffice. */
  pdf?: boolean | undefined;
  /** A house style file (`--huisstijl`); else the one beside the templates, else idokit's. */
  huisstijl?: string | undefined;
}

export interface BijeenkomstResult {
  /** When the pack replaced an earlier idokit pack: whether anything changed. */
  vorigPakket?: PreviousPack;
  ok: true;
  dryRun: boolean;
  map: string;
  bestanden: Array<{ naam: string; bytes?: number }>;
  agenda: Array<{ start: string; eind: string; onderdeel: string }>;
  open: string[];
  /** Notices about templates and answers, already reported while running. */
  waarschuwingen: string[];
  /** Points of attention in the plan itself (little time per topic, training close by). */
  aandachtspunten: string[];
  /** What `--pdf` did; absent without `--pdf`. */
  pdf?: PdfReport;
}

export { readExampleBijeenkomstAnswers } from "./examples.js";

/** Loads the templates and the agenda texts once. */
export function loadBijeenkomstResources(options: {
  templatesDir?: string | undefined;
  huisstijl?: string | undefined;
  /** Already loaded (batch workers); loaded here otherwise. */
  vocabulary?: Vocabulary;
}): {
  resources: BijeenkomstResources;
  notices: string[];
} {
  const vocabulary = options.vocabulary ?? loadVocabulary();
  const templates = loadTemplateSet(options.templatesDir, {
    huisstijl: options.huisstijl,
    check: { kind: "bijeenkomst", vocabulary },
  });
  let texts;
  try {
    texts = parseAgendaTexts(templates.data.get("bijeenkomst/agenda"), "bijeenkomst/agenda.yaml");
  } catch (error) {
    throw new InputError((error as Error).message, {
      hint: "Vergelijk het bestand met het ingebouwde sjabloon templates/bijeenkomst/agenda.yaml.",
    });
  }
  return {
    resources: {
      vocabulary,
      engine: templates.engine,
      huisstijl: templates.huisstijl,
      texts,
      version: VERSION,
    },
    notices: templates.notices,
  };
}

/** How `idokit bijeenkomst` gets its answers: its schema, wizard sections and example. */
export const BIJEENKOMST_ANSWERS: AnswerSpec<typeof bijeenkomstSchema> = {
  schema: bijeenkomstSchema,
  sections: BIJEENKOMST_SECTIONS,
  command: "idokit bijeenkomst",
  packName: "het bijeenkomstpakket",
  example: readExampleBijeenkomstAnswers,
};

/**
 * `idokit bijeenkomst`: answers → plan → handleiding, presentatie, werkafspraken form and
 * werkafspraken.yaml → a pack folder, written atomically. Returns the result for the CLI.
 */
export async function runBijeenkomst(
  options: BijeenkomstOptions,
  context: CommandContext,
  io: AnswerIO = {},
): Promise<BijeenkomstResult> {
  checkAnswerFlags(BIJEENKOMST_ANSWERS, options, context);
  // 1. Refuse an existing output folder before anyone answers a question.
  if (options.out && !options.dryRun)
    assertPackWritable(packTarget(options.out, "", { cwd: context.cwd, zip: options.zip }), {
      zip: options.zip,
      force: options.force,
      cwd: context.cwd,
      answersFile: options.answers && resolve(context.cwd, options.answers),
    });

  // 2. What the pack is made from (a broken template fails before any question), then answers.
  const { resources, notices: resourceNotices } = loadBijeenkomstResources({
    templatesDir: options.templates,
    huisstijl: options.huisstijl,
  });
  const ctx: QuestionContext = {
    today: context.today,
    vocabulary: resources.vocabulary,
    mode: "file",
  };
  const collected = await collectAnswers(BIJEENKOMST_ANSWERS, options, context, ctx, io);
  const notices = [
    ...resourceNotices,
    ...collected.warnings.map((w) => `${w.where}: ${w.message}`),
  ];
  for (const notice of notices) context.report.warn(notice);
  return keepAnswersOnFailure(BIJEENKOMST_ANSWERS, collected, options, context, () =>
    makeBijeenkomst(options, context, resources, collected, notices),
  );
}

/** Step 3: plan only (dry run), or make and write the pack. */
async function makeBijeenkomst(
  options: BijeenkomstOptions,
  context: CommandContext,
  resources: BijeenkomstResources,
  { answers, logoOf }: CollectedAnswers<BijeenkomstAnswers>,
  notices: string[],
): Promise<BijeenkomstResult> {
  let files: PackFile[] | undefined;
  let pdf: PdfReport | undefined;
  let plan;
  if (options.dryRun) {
    plan = planBijeenkomstPack(answers, resources, { today: context.today });
  } else {
    context.report.progress?.("Pakket maken…");
    const logoPath = answers.huisstijl.logo;
    const pack = await makeBijeenkomstPack(answers, resources, {
      today: context.today,
      logo: logoPath ? logoOf(logoPath) : undefined,
      created: context.created ?? packTimestamp(context.today),
      pdf: options.pdf && (await canMakePdfs()),
    });
    ({ plan, files } = pack);
    if (options.pdf) ({ files, pdf } = await withPdfs(files, context));
  }
  const { view } = plan;
  return {
    ok: true,
    dryRun: options.dryRun,
    ...placePack(plan, files, {
      ...options,
      cwd: context.cwd,
      extraFiles: [WERKAFSPRAKEN_FILE],
      created: context.created ?? packTimestamp(context.today),
      warn: (message) => {
        notices.push(message);
        context.report.warn(message);
      },
    }),
    agenda: view.agenda.map((row) => ({ start: row.start, eind: row.eind, onderdeel: row.titel })),
    open: view.openOnderwerpen.map((t) => t.titel),
    waarschuwingen: notices,
    aandachtspunten: view.waarschuwingen,
    ...(pdf ? { pdf } : {}),
  };
}
