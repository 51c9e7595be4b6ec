import { validateAnswers } from "../../src/answers/validate.js";
import { loadVocabulary } from "../../src/domain/load-vocabulary.js";
import { loadTrainingResources } from "../../src/pack/resources.js";
import { makeTrainingPack, type TrainingPack } from "../../src/pack/training.js";
import { trainingSchema, type TrainingAnswers } from "../../src/questions/training.js";
import type { Logo } from "../../src/render/theme.js";
import { exampleRaw } from "./answers.js";
import { fileContext, TODAY } from "./context.js";

/**
 * Validated answers of a built-in example (default: the first; see `EXAMPLE_NAMES`), changed by
 * `edit` on the raw YAML data first.
 */
export function exampleAnswers(
  edit: (raw: Record<string, Record<string, unknown>>) => void = () => {},
  example?: string,
): TrainingAnswers {
  const raw = exampleRaw(example);
  edit(raw);
  const result = validateAnswers(trainingSchema, raw, fileContext());
  if (!result.answers)
    throw new Error(JSON.stringify([...result.problems, ...result.missing.map((q) => q.key)]));
  return result.answers;
}

/** Makes a complete trainingspakket in memory. */
export async function makeExamplePack(
  answers: TrainingAnswers,
  seed = 1,
  logo?: Logo,
  created = new Date("2026-11-28T12:00:00Z"),
): Promise<TrainingPack> {
  const { resources } = loadTrainingResources({ vocabulary: loadVocabulary() });
  return makeTrainingPack(answers, resources, { today: TODAY, seed, logo, created });
}

/** One file of a pack by name. */
export function fileOf(pack: TrainingPack, name: string): Uint8Array {
  const file = pack.files.find((f) => f.name === name);
  if (!file) throw new Error(`${name} is not in the pack`);
  return file.data;
}
