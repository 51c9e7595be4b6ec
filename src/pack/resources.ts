import { loadCasusLibrary } from "../casussen/load.js";
import type { Vocabulary } from "../domain/vocabulary.js";
import { InputError } from "../errors.js";
import { parseProgrammeTexts } from "../plan/training-plan.js";
import { createTemplateEngine, type TemplateEngine } from "../templates/engine.js";
import { loadTemplates } from "../templates/load.js";
import { loadHuisstijl, type LoadedHuisstijl } from "../huisstijl/load.js";
import { VERSION } from "../version.js";
import type { TrainingResources } from "./training.js";

/** Templates loaded once: the engine, the data files (programme texts, agenda texts) and notices. */
export interface LoadedTemplates {
  engine: TemplateEngine;
  data: ReadonlyMap<string, unknown>;
  /** The house style: `--huisstijl FILE`, else `huisstijl.yaml` beside the templates, else idokit's. */
  huisstijl: LoadedHuisstijl;
  notices: string[];
}

/**
 * Loads the built-in templates with the user's folder (`--sjablonen DIR`) on top, and the house
 * style; the notices say which templates were replaced, which files in the folder match no
 * template, and which colours are hard to read.
 */
export function loadTemplateSet(
  templatesDir: string | undefined,
  options: { huisstijl?: string | undefined } = {},
): LoadedTemplates {
  const templates = loadTemplates(templatesDir);
  const huisstijl = loadHuisstijl({ file: options.huisstijl, templatesDir });
  return {
    engine: createTemplateEngine(templates.sources),
    data: templates.data,
    huisstijl,
    notices: [
      ...(huisstijl.builtIn ? [] : [`Huisstijl gebruikt: ${huisstijl.file}`]),
      ...huisstijl.warnings,
      // Only what was changed: an exported folder holds every template, most as they were.
      ...[...templates.overridden.entries()]
        .filter(([name]) => templates.changed.has(name))
        .map(([name, file]) => `Eigen sjabloon gebruikt voor ${name}: ${file}`),
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
  huisstijl?: string | undefined;
}): { resources: TrainingResources; notices: string[] } {
  const library = loadCasusLibrary({
    vocabulary: options.vocabulary,
    extraDirs: options.casussenDirs ?? [],
  });
  const templates = loadTemplateSet(options.templatesDir, { huisstijl: options.huisstijl });
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
      huisstijl: templates.huisstijl,
      programme,
      version: VERSION,
    },
    notices: [...library.notices, ...templates.notices],
  };
}
