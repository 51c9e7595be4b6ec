import { loadCasusLibrary } from "../casussen/load.js";
import type { Vocabulary } from "../domain/vocabulary.js";
import { InputError } from "../errors.js";
import { parseProgrammeTexts } from "../plan/training-plan.js";
import { createTemplateEngine } from "../templates/engine.js";
import { loadTemplates } from "../templates/load.js";
import { VERSION } from "../version.js";
import type { TrainingResources } from "./training.js";

/** Loads the casus library and templates once; returns them with notices for the user. */
export function loadTrainingResources(options: {
  vocabulary: Vocabulary;
  casussenDirs?: readonly string[];
  templatesDir?: string | undefined;
}): { resources: TrainingResources; notices: string[] } {
  const library = loadCasusLibrary({
    vocabulary: options.vocabulary,
    extraDirs: options.casussenDirs ?? [],
  });
  const templates = loadTemplates(options.templatesDir);
  let programme;
  try {
    programme = parseProgrammeTexts(
      templates.data.get("training/programma"),
      "training/programma.yaml",
    );
  } catch (error) {
    throw new InputError((error as Error).message, {
      hint: "Vergelijk het bestand met het ingebouwde sjabloon (idokit sjablonen exporteer MAP).",
    });
  }
  const notices = [
    ...library.notices,
    ...[...templates.overridden.entries()].map(
      ([name, file]) => `Eigen sjabloon gebruikt voor ${name}: ${file}`,
    ),
    ...templates.unused.map(
      (file) =>
        `${file} hoort bij geen enkel sjabloon en wordt niet gebruikt. Controleer de bestandsnaam.`,
    ),
  ];
  return {
    resources: {
      vocabulary: options.vocabulary,
      casussen: library.casussen,
      engine: createTemplateEngine(templates.sources),
      programme,
      version: VERSION,
    },
    notices,
  };
}
