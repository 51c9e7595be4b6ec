import { loadCasusLibrary } from "../casussen/load.js";
import type { Vocabulary } from "../domain/vocabulary.js";
import { InputError } from "../errors.js";
import { parseProgrammeTexts } from "../plan/training-plan.js";
import { createTemplateEngine, type TemplateEngine } from "../templates/engine.js";
import { loadTemplates } from "../templates/load.js";
import { VERSION } from "../version.js";
import type { TrainingResources } from "./training.js";

/** Templates loaded once: the engine, the data files (programme texts, agenda texts) and notices. */
export interface LoadedTemplates {
  engine: TemplateEngine;
  data: ReadonlyMap<string, unknown>;
  notices: string[];
}

/**
 * Loads the built-in templates with the user's folder (`--sjablonen DIR`) on top; the notices
 * say which templates were replaced and which files in the folder match no template.
 */
export function loadTemplateSet(templatesDir: string | undefined): LoadedTemplates {
  const templates = loadTemplates(templatesDir);
  return {
    engine: createTemplateEngine(templates.sources),
    data: templates.data,
    notices: [
      ...[...templates.overridden.entries()].map(
        ([name, file]) => `Eigen sjabloon gebruikt voor ${name}: ${file}`,
      ),
      ...templates.unused.map(
        (file) =>
          `${file} hoort bij geen enkel sjabloon en wordt niet gebruikt. Controleer de bestandsnaam.`,
      ),
    ],
  };
}

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
  const templates = loadTemplateSet(options.templatesDir);
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
  return {
    resources: {
      vocabulary: options.vocabulary,
      casussen: library.casussen,
      engine: templates.engine,
      programme,
      version: VERSION,
    },
    notices: [...library.notices, ...templates.notices],
  };
}
