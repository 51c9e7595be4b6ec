import { serializeAnswers } from "../answers/serialize.js";
import { formatDate } from "../domain/format.js";
import type { Vocabulary } from "../domain/vocabulary.js";
import type { QuestionContext } from "../questions/define.js";
import { bijeenkomstSchema, type BijeenkomstAnswers } from "../questions/bijeenkomst.js";
import { trainingSchema } from "../questions/training.js";
import { buildTheme, type Logo } from "../render/theme.js";
import type { LoadedHuisstijl } from "../huisstijl/load.js";
import { themeOptionsFor } from "../huisstijl/parse.js";
import type { TemplateEngine } from "../templates/engine.js";
import {
  buildBijeenkomstPlan,
  toWerkafsprakenAnswers,
  type AgendaTexts,
  type BijeenkomstView,
} from "../plan/bijeenkomst-plan.js";
import type { PackPlan } from "../plan/training-plan.js";
import { ANSWERS_FILE, renderPackFiles, withPackLogo } from "./files.js";
import type { PackFile } from "./manifest.js";

/** Everything a bijeenkomstpakket is made from besides the answers; loaded once. */
export interface BijeenkomstResources {
  vocabulary: Vocabulary;
  engine: TemplateEngine;
  huisstijl: LoadedHuisstijl;
  texts: AgendaTexts;
  version: string;
}

export interface BijeenkomstPackOptions {
  today: string;
  logo?: Logo | undefined;
  /** Creation time stamped into the documents and the manifest. */
  created: Date;
  /** PDFs will be added (`--pdf` with LibreOffice found): the read-me says so. */
  pdf?: boolean | undefined;
}

export interface BijeenkomstPack {
  plan: PackPlan<BijeenkomstView>;
  files: PackFile[];
}

/** The meeting's outcome as a training answers file. */
export const WERKAFSPRAKEN_FILE = "werkafspraken.yaml";

/** Plans a bijeenkomstpakket without rendering (for --proefdraai and for generating). */
export function planBijeenkomstPack(
  answers: BijeenkomstAnswers,
  resources: BijeenkomstResources,
  options: Pick<BijeenkomstPackOptions, "today">,
): PackPlan<BijeenkomstView> {
  const ctx: QuestionContext = {
    today: options.today,
    vocabulary: resources.vocabulary,
    mode: "file",
  };
  return buildBijeenkomstPlan({
    answers,
    texts: resources.texts,
    ctx,
    version: resources.version,
  });
}

/**
 * Makes all files of a bijeenkomstpakket in memory: the handleiding, the presentation, the
 * werkafspraken form, the werkafspraken as a training answers file, the answers and the
 * manifest. No I/O; the caller writes the files with `writePack`.
 */
export async function makeBijeenkomstPack(
  answers: BijeenkomstAnswers,
  resources: BijeenkomstResources,
  options: BijeenkomstPackOptions,
): Promise<BijeenkomstPack> {
  const planned = planBijeenkomstPack(answers, resources, options);
  const plan = options.pdf
    ? { ...planned, view: { ...planned.view, pakket: { ...planned.view.pakket, pdf: true } } }
    : planned;
  const { bibliotheek, bijeenkomst } = answers;
  const werkafspraken = withPackLogo(toWerkafsprakenAnswers(answers), options.logo);
  const werkafsprakenText = serializeAnswers(
    trainingSchema,
    werkafspraken,
    [
      `Werkafspraken van het IDO van ${bibliotheek.organisatie} (${bibliotheek.vestiging}), uit de lokale IDO-bijeenkomst van ${formatDate(bijeenkomst.datum)}.`,
      "Werk dit bestand na de bijeenkomst bij met wat jullie hebben afgesproken (zie werkafspraken-formulier.docx).",
      "Vul daarna de vragen over de training zelf aan, met: idokit training --antwoorden werkafspraken.yaml",
      "(de vragen die nog ontbreken, stelt idokit dan zelf).",
    ].join("\n"),
  );
  const files = await renderPackFiles({
    plan,
    engine: resources.engine,
    theme: buildTheme(
      themeOptionsFor(
        resources.huisstijl.settings,
        { primary: answers.huisstijl.kleur, logo: options.logo },
        resources.huisstijl.logo,
      ),
    ),
    meta: {
      header: `${bibliotheek.organisatie} · ${bibliotheek.vestiging}`,
      footer: `${bibliotheek.organisatie} · lokale IDO-bijeenkomst ${formatDate(bijeenkomst.datum)}`,
      created: options.created,
    },
    extraFiles: [{ name: WERKAFSPRAKEN_FILE, data: new TextEncoder().encode(werkafsprakenText) }],
    logo: options.logo,
    answersText: serializeAnswers(
      bijeenkomstSchema,
      withPackLogo(answers, options.logo),
      `Antwoorden voor de lokale IDO-bijeenkomst van ${bibliotheek.organisatie}, gemaakt met idokit ${resources.version}.\nPas aan en maak het pakket opnieuw met: idokit bijeenkomst --antwoorden ${ANSWERS_FILE}`,
    ),
    pakket: "bijeenkomst",
    version: resources.version,
    answers,
  });
  return { plan, files };
}
