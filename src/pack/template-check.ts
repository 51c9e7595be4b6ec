import { validateAnswers } from "../answers/validate.js";
import { loadCasusLibrary } from "../casussen/load.js";
import type { Casus } from "../casussen/types.js";
import { EXAMPLES } from "../domain/examples.js";
import type { Vocabulary } from "../domain/vocabulary.js";
import type { Problem } from "../errors.js";
import { readExampleBijeenkomstAnswers, readExampleTrainingAnswers } from "../commands/examples.js";
import { buildBijeenkomstPlan, parseAgendaTexts } from "../plan/bijeenkomst-plan.js";
import { parseProgrammeTexts, type PlannedDocument } from "../plan/training-plan.js";
import { planTrainingPack } from "./training.js";
import type { QuestionContext, SchemaNode } from "../questions/define.js";
import { bijeenkomstSchema } from "../questions/bijeenkomst.js";
import { trainingSchema, type TrainingAnswers } from "../questions/training.js";
import type { BijeenkomstAnswers } from "../questions/bijeenkomst.js";
import { analyzeTemplates, type TemplateAnalysis } from "../templates/check.js";
import { checkSlideTemplates } from "../templates/check-slides.js";
import { mergeShapes, shapeOf, shapeOfSchema, type Shape } from "../templates/check-shape.js";
import { helpers } from "../templates/helpers.js";
import type { TemplateSet } from "../templates/load.js";
import { VERSION } from "../version.js";

/**
 * What each template is given, taken from the real plans: every pack kind's plan is built for
 * every built-in example, with the template set's own texts, and the shape of its view model is
 * what the kind's document templates may use. The template check and the LEESMIJ both read it,
 * so neither can drift from the code.
 */

/** A kind of pack and the data its document templates get. */
export interface TemplateKind {
  id: "training" | "bijeenkomst";
  /** "trainingspakket", for the LEESMIJ. */
  label: string;
  documents: readonly PlannedDocument[];
  /** The plan's view model for each built-in example. */
  views: unknown[];
  shape: Shape;
}

type Schema = { readonly [key: string]: SchemaNode };

function kindOf(
  id: TemplateKind["id"],
  label: string,
  schema: Schema,
  plans: Array<{ documents: readonly PlannedDocument[]; view: unknown }>,
): TemplateKind {
  return {
    id,
    label,
    documents: plans[0]?.documents ?? [],
    views: plans.map((plan) => plan.view),
    // Answers that no example gives still exist for the templates: the schema adds them.
    shape: plans.map((plan) => shapeOf(plan.view)).reduce(mergeShapes, shapeOfSchema(schema)),
  };
}

/**
 * Builds the plans of every pack kind for every built-in example, with the set's own data files
 * (programme and agenda texts). A data file that does not fit is a problem, not an exception.
 */
export function buildTemplateKinds(
  set: Pick<TemplateSet, "data" | "overridden">,
  context: {
    vocabulary: Vocabulary;
    casussen: readonly Casus[];
    today: string;
    /** Only this kind (making one pack). */
    only?: TemplateKind["id"] | undefined;
  },
): { kinds: TemplateKind[]; problems: Problem[] } {
  const wanted = (id: TemplateKind["id"]): boolean =>
    context.only === undefined || context.only === id;
  const problems: Problem[] = [];
  const ctx: QuestionContext = {
    today: context.today,
    vocabulary: context.vocabulary,
    mode: "file",
  };
  const fileOf = (name: string, ext: string) =>
    set.overridden.get(name) ?? `templates/${name}${ext}`;
  const kinds: TemplateKind[] = [];

  let programme;
  if (wanted("training"))
    try {
      programme = parseProgrammeTexts(
        set.data.get("training/programma"),
        fileOf("training/programma", ".yaml"),
      );
    } catch (error) {
      problems.push({
        where: fileOf("training/programma", ".yaml"),
        message: (error as Error).message,
      });
    }
  if (programme) {
    const plans = EXAMPLES.map((example) => {
      const answers = validateAnswers(
        trainingSchema,
        readExampleTrainingAnswers(context.today, example.naam),
        ctx,
      ).answers as TrainingAnswers;
      return planTrainingPack(
        answers,
        {
          casussen: context.casussen,
          vocabulary: context.vocabulary,
          programme: programme!,
          version: VERSION,
        },
        { today: context.today, seed: 1 },
      ).plan;
    });
    kinds.push(kindOf("training", "trainingspakket", trainingSchema, plans));
  }

  let texts;
  if (wanted("bijeenkomst"))
    try {
      texts = parseAgendaTexts(
        set.data.get("bijeenkomst/agenda"),
        fileOf("bijeenkomst/agenda", ".yaml"),
      );
    } catch (error) {
      problems.push({
        where: fileOf("bijeenkomst/agenda", ".yaml"),
        message: (error as Error).message,
      });
    }
  if (texts) {
    const plans = EXAMPLES.map((example) => {
      const answers = validateAnswers(
        bijeenkomstSchema,
        readExampleBijeenkomstAnswers(context.today, example.naam),
        ctx,
      ).answers as BijeenkomstAnswers;
      return buildBijeenkomstPlan({ answers, texts: texts!, ctx, version: VERSION });
    });
    kinds.push(kindOf("bijeenkomst", "bijeenkomstpakket", bijeenkomstSchema, plans));
  }
  return { kinds, problems };
}

/** Where each template was read from: the user's file, or idokit's own. */
export function templateFiles(set: Pick<TemplateSet, "texts" | "overridden">): Map<string, string> {
  const files = new Map<string, string>();
  for (const name of set.texts.keys())
    files.set(name, set.overridden.get(name) ?? `templates/${name}.hbs`);
  return files;
}

export interface TemplateSetCheck {
  problems: Problem[];
  kinds: TemplateKind[];
  analysis: TemplateAnalysis;
}

/**
 * Checks a template set: data files, Handlebars syntax, variables, helpers, partials and the
 * slides of every presentation. Every problem names file, line and column.
 */
export function checkTemplateSet(
  set: TemplateSet,
  context: {
    vocabulary: Vocabulary;
    today: string;
    casussen?: readonly Casus[];
    /** Without the slide check (which renders every deck): for the LEESMIJ. */
    slides?: boolean;
    /** Only these kinds' documents with their data (making one pack); the rest by syntax. */
    only?: TemplateKind["id"];
  },
): TemplateSetCheck {
  // The bijeenkomst needs no casussen; the training's plan does.
  const casussen =
    context.only === "bijeenkomst"
      ? []
      : (context.casussen ?? loadCasusLibrary({ vocabulary: context.vocabulary }).casussen);
  const { kinds, problems } = buildTemplateKinds(set, { ...context, casussen });
  const files = templateFiles(set);
  const analysis = analyzeTemplates({
    sources: set.sources,
    files,
    roots: kinds.flatMap((kind) =>
      kind.documents.map((doc) => ({ template: doc.template, shape: kind.shape })),
    ),
    helpers: Object.keys(helpers),
  });
  const slides =
    context.slides === false
      ? []
      : checkSlideTemplates({
          sources: set.sources,
          files,
          decks: kinds.flatMap((kind) =>
            kind.documents
              .filter((doc) => doc.format === "pptx")
              .map((doc) => ({ template: doc.template, views: kind.views })),
          ),
        });
  return { problems: [...problems, ...analysis.problems, ...slides], kinds, analysis };
}
