import { serializeAnswers } from "../answers/serialize.js";
import { selectCasussen, type Selection } from "../casussen/select.js";
import { joinDutch } from "../domain/suggest.js";
import { OWN_ONLY_NAMES, type Casus } from "../casussen/types.js";
import { formatDate } from "../domain/format.js";
import type { Vocabulary } from "../domain/vocabulary.js";
import { InputError } from "../errors.js";
import type { QuestionContext } from "../questions/define.js";
import { trainingSchema, type TrainingAnswers } from "../questions/training.js";
import { buildTheme, type Logo } from "../render/theme.js";
import type { LoadedHuisstijl } from "../huisstijl/load.js";
import { withActorDetails } from "../acteurs/apply.js";
import type { ActorList } from "../acteurs/parse.js";
import { themeOptionsFor } from "../huisstijl/parse.js";
import type { TemplateEngine } from "../templates/engine.js";
import {
  buildTrainingPlan,
  type PackPlan,
  type ProgrammeTexts,
  type TrainingView,
} from "../plan/training-plan.js";
import { fitSpiekbrief } from "../plan/spiekbrief.js";
import { ANSWERS_FILE, renderPackFiles, withPackLogo } from "./files.js";
import type { PackFile } from "./manifest.js";

/** Everything a trainingspakket is made from besides the answers; loaded once, reused per pack. */
export interface TrainingResources {
  vocabulary: Vocabulary;
  casussen: readonly Casus[];
  /**
   * The user's own casus folders when the built-in library is left out
   * (`--alleen-eigen-casussen`): too few casussen for a training is then an error naming them.
   */
  ownCasussenOnly?: readonly string[] | undefined;
  engine: TemplateEngine;
  huisstijl: LoadedHuisstijl;
  /** The POI's trainingsacteurs: a name on this list brings its details into the pack. */
  acteurs?: ActorList | undefined;
  programme: ProgrammeTexts;
  version: string;
}

export interface TrainingPackOptions {
  today: string;
  seed: number;
  logo?: Logo | undefined;
  /** Creation time stamped into the documents and the manifest. */
  created: Date;
  /** PDFs will be added (`--pdf` with LibreOffice found): the read-me and mails say so. */
  pdf?: boolean | undefined;
}

export interface TrainingPack {
  plan: PackPlan<TrainingView>;
  selection: Selection;
  files: PackFile[];
}

export { ANSWERS_FILE, MANIFEST_FILE } from "./files.js";

/** Selects the casussen for these answers; unknown pinned ids are an input error. */
export function selectForTraining(
  answers: TrainingAnswers,
  resources: Pick<TrainingResources, "casussen" | "vocabulary" | "ownCasussenOnly">,
  seed: number,
): Selection {
  const wanted = answers.focus.aantalCasussen;
  const own = resources.ownCasussenOnly;
  if (own !== undefined && resources.casussen.length < wanted) {
    const have = resources.casussen.length;
    const folders = joinDutch(own.map((dir) => `"${dir}"`));
    throw new InputError("Te weinig eigen casussen voor deze training.", {
      problems: [
        {
          where: "focus.aantalCasussen",
          message: `${wanted} casussen gevraagd, maar in ${folders} ${have === 1 ? "staat er 1" : `staan er ${have}`}, en de ingebouwde casussen doen niet mee.`,
        },
      ],
      hint: `Voeg casussen toe aan de eigen map (idokit casussen nieuw MAP/naam.md), kies minder casussen (focus.aantalCasussen), of laat ${OWN_ONLY_NAMES} weg, dan komen de ingebouwde casussen erbij.`,
    });
  }
  const selection = selectCasussen(
    [...resources.casussen],
    {
      count: answers.focus.aantalCasussen,
      focus: answers.focus.vaardigheden,
      partners: answers.partners.landelijk,
      localPartnerTypes: answers.partners.lokaal.map((p) => p.soort),
      localPartners: answers.partners.lokaal,
      pinned: answers.focus.casussen ?? [],
      niveau: answers.focus.niveau as "rustig" | "gemengd" | "uitdagend",
      seed,
    },
    resources.vocabulary,
  );
  if (selection.problems.length > 0)
    throw new InputError("De gekozen casussen kloppen niet.", {
      problems: selection.problems,
      hint: "Bekijk de beschikbare casussen met `idokit casussen`.",
    });
  if (selection.chosen.length === 0)
    throw new InputError("Er zijn geen casussen om uit te kiezen.", {
      hint: "Controleer de casusmap met `idokit casussen controleer MAP`.",
    });
  return selection;
}

/** Plans a trainingspakket without rendering (for --proefdraai and for generating). */
export function planTrainingPack(
  given: TrainingAnswers,
  resources: Pick<
    TrainingResources,
    "casussen" | "vocabulary" | "programme" | "version" | "acteurs"
  >,
  options: Pick<TrainingPackOptions, "today" | "seed">,
): { plan: PackPlan<TrainingView>; selection: Selection } {
  const { answers } = withActorDetails(given, resources.acteurs);
  const selection = selectForTraining(answers, resources, options.seed);
  const ctx: QuestionContext = {
    today: options.today,
    vocabulary: resources.vocabulary,
    mode: "file",
  };
  const plan = buildTrainingPlan({
    answers,
    selected: selection.chosen,
    demo: selection.demo,
    uncovered: selection.uncovered,
    programme: resources.programme,
    ctx,
    version: resources.version,
  });
  return { plan, selection };
}

/**
 * Makes all files of a trainingspakket in memory: the documents, the answers file and the
 * manifest. No I/O; the caller writes the files with `writePack`.
 */
export async function makeTrainingPack(
  given: TrainingAnswers,
  resources: TrainingResources,
  options: TrainingPackOptions,
): Promise<TrainingPack> {
  // An actor named from the POI's list brings bureau, e-mail and phone into every document.
  const { answers } = withActorDetails(given, resources.acteurs);
  const planned = planTrainingPack(answers, resources, options);
  const { selection } = planned;
  const theme = buildTheme(
    themeOptionsFor(
      resources.huisstijl.settings,
      { primary: answers.huisstijl.kleur, logo: options.logo },
      resources.huisstijl.logo,
    ),
  );
  const { bibliotheek, training } = answers;
  const header = `${bibliotheek.organisatie} · ${bibliotheek.vestiging}`;
  // What the plan could not know: PDFs, and the house style the spiekbrief must fit one page in.
  const pakket = {
    ...planned.plan.view.pakket,
    spiekbrief: fitSpiekbrief(answers.bibliotheek.organisatie, answers.partners.lokaal, {
      bodyFont: theme.font.body,
      logo: theme.logo !== undefined,
      header,
    }),
    ...(options.pdf ? { pdf: true } : {}),
  };
  const plan = { ...planned.plan, view: { ...planned.plan.view, pakket } };
  const files = await renderPackFiles({
    plan,
    engine: resources.engine,
    theme,
    meta: {
      header,
      footer: `${bibliotheek.organisatie} · vaardigheidstraining ${formatDate(training.datum)}`,
      created: options.created,
    },
    logo: options.logo,
    answersText: serializeAnswers(
      trainingSchema,
      withPackLogo(answers, options.logo),
      `Antwoorden voor de vaardigheidstraining van ${bibliotheek.organisatie}, gemaakt met idokit ${resources.version}.\nPas aan en maak het pakket opnieuw met: idokit training --antwoorden ${ANSWERS_FILE}`,
    ),
    pakket: "training",
    version: resources.version,
    answers,
  });
  return { plan, selection, files };
}
