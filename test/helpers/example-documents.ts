/**
 * Every document of both built-in examples' trainingspakket and bijeenkomstpakket, with the
 * Markdown its template renders: for tests that hold a renderer or the lexer to all of them.
 */
import { validateAnswers } from "../../src/answers/validate.js";
import { loadBijeenkomstResources } from "../../src/commands/bijeenkomst.js";
import { readExampleBijeenkomstAnswers } from "../../src/commands/examples.js";
import { readExampleAnswers } from "../../src/commands/training.js";
import { loadVocabulary } from "../../src/domain/load-vocabulary.js";
import { planBijeenkomstPack } from "../../src/pack/bijeenkomst.js";
import { loadTrainingResources } from "../../src/pack/resources.js";
import { planTrainingPack } from "../../src/pack/training.js";
import type { PlannedDocument } from "../../src/plan/training-plan.js";
import { bijeenkomstSchema } from "../../src/questions/bijeenkomst.js";
import { trainingSchema } from "../../src/questions/training.js";
import { EXAMPLE_NAMES } from "./answers.js";
import { TODAY } from "./context.js";

export interface ExampleDocument {
  /** The built-in example's name. */
  example: string;
  kind: "training" | "bijeenkomst";
  doc: PlannedDocument;
  markdown: string;
  library: { organisatie: string; vestiging: string };
}

export function exampleDocuments(): ExampleDocument[] {
  const out: ExampleDocument[] = [];
  const vocabulary = loadVocabulary();
  const ctx = { today: TODAY, vocabulary, mode: "file" as const };
  const training = loadTrainingResources({ vocabulary }).resources;
  const bijeenkomst = loadBijeenkomstResources({ vocabulary }).resources;
  for (const example of EXAMPLE_NAMES) {
    const t = validateAnswers(trainingSchema, readExampleAnswers(TODAY, example), ctx).answers!;
    const { plan } = planTrainingPack(t, training, { today: TODAY, seed: 1 });
    const b = validateAnswers(
      bijeenkomstSchema,
      readExampleBijeenkomstAnswers(TODAY, example),
      ctx,
    ).answers!;
    const bplan = planBijeenkomstPack(b, bijeenkomst, { today: TODAY });
    for (const [kind, p, engine, library] of [
      ["training", plan, training.engine, t.bibliotheek],
      ["bijeenkomst", bplan, bijeenkomst.engine, b.bibliotheek],
    ] as const)
      for (const doc of p.documents)
        out.push({ example, kind, doc, markdown: engine.render(doc.template, p.view), library });
  }
  return out;
}
