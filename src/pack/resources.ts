import { loadCasusLibrary } from "../casussen/load.js";
import type { Vocabulary } from "../domain/vocabulary.js";
import { InputError, type Problem } from "../errors.js";
import { parseProgrammeTexts } from "../plan/training-plan.js";
import { createTemplateEngine, type TemplateEngine } from "../templates/engine.js";
import { loadTemplates } from "../templates/load.js";
import { loadHuisstijl, type LoadedHuisstijl } from "../huisstijl/load.js";
import { VERSION } from "../version.js";
import type { Casus } from "../casussen/types.js";
import type { ActorList } from "../acteurs/parse.js";
import { checkTemplateSet, type TemplateKind } from "./template-check.js";
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
  options: {
    huisstijl?: string | undefined;
    /** Check changed templates against this kind's data before anything is made. */
    check?: { kind: TemplateKind["id"]; vocabulary: Vocabulary; casussen?: readonly Casus[] };
  } = {},
): LoadedTemplates {
  const templates = loadTemplates(templatesDir);
  // A broken house style and broken templates are reported together, as `sjablonen controleer`
  // does: a POI fixes everything in one go.
  const problems: Problem[] = [];
  let huisstijl: LoadedHuisstijl | undefined;
  try {
    huisstijl = loadHuisstijl({ file: options.huisstijl, templatesDir });
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    problems.push(...error.problems);
  }
  // A POI's changed templates are checked as `idokit sjablonen controleer` would: a broken one
  // stops the pack before anything is asked or made, with the same messages.
  if (options.check && templates.changed.size > 0)
    problems.push(
      ...checkTemplateSet(templates, {
        vocabulary: options.check.vocabulary,
        today: new Date().toISOString().slice(0, 10),
        only: options.check.kind,
        ...(options.check.casussen ? { casussen: options.check.casussen } : {}),
      }).problems,
    );
  if (problems.length > 0 || !huisstijl)
    throw new InputError(
      `${problems.length === 1 ? "Eén fout" : `${problems.length} fouten`} in ${templatesDir === undefined ? "de huisstijl" : `de sjablonen in ${templatesDir}`}. Er is niets gemaakt.`,
      {
        problems,
        hint:
          templatesDir === undefined
            ? "Verbeter het bestand en vergelijk het met een nieuw geëxporteerd huisstijl.yaml (idokit sjablonen exporteer MAP)."
            : `Verbeter ze en controleer ze met: idokit sjablonen controleer ${templatesDir}. In LEESMIJ.md in een geëxporteerde map staat per sjabloon welke namen en helpers je kunt gebruiken.`,
      },
    );
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
  /** Only the own casus folders, not the built-in library (`--alleen-eigen-casussen`). */
  ownCasussenOnly?: boolean | undefined;
  templatesDir?: string | undefined;
  huisstijl?: string | undefined;
  /** The POI's list of trainingsacteurs, read already (it may be a spreadsheet). */
  acteurs?: ActorList | undefined;
}): { resources: TrainingResources; notices: string[] } {
  const library = loadCasusLibrary({
    vocabulary: options.vocabulary,
    extraDirs: options.casussenDirs ?? [],
    ownOnly: options.ownCasussenOnly,
  });
  const templates = loadTemplateSet(options.templatesDir, {
    huisstijl: options.huisstijl,
    check: { kind: "training", vocabulary: options.vocabulary, casussen: library.casussen },
  });
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
      ...(library.ownOnly ? { ownCasussenOnly: library.ownOnly } : {}),
      engine: templates.engine,
      huisstijl: templates.huisstijl,
      acteurs: options.acteurs,
      programme,
      version: VERSION,
    },
    notices: [...library.notices, ...templates.notices],
  };
}
