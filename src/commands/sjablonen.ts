import { cpSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { ACTORS_FILE, actorListIn } from "../acteurs/load.js";
import { parseActorYaml } from "../acteurs/parse.js";
import { join, resolve } from "node:path";
import { loadVocabulary } from "../domain/load-vocabulary.js";
import { suggestClosest } from "../domain/suggest.js";
import { InputError, type Problem } from "../errors.js";
import {
  BUILTIN_HUISSTIJL_FILE,
  checkHuisstijlFile,
  findHuisstijlFile,
  HUISSTIJL_FILE,
} from "../huisstijl/load.js";
import { readCasusFolder } from "../casussen/load.js";
import { SETTINGS_FILE, type Settings } from "../config/settings.js";
import { checkTemplateSet } from "../pack/template-check.js";
import { BUILTIN_CASUSSEN_DIR, BUILTIN_TEMPLATES_DIR } from "../paths.js";
import { LAYOUT_NAMES } from "../render/pptx/model.js";
import { buildTemplateGuide } from "../templates/guide.js";
import { helpers } from "../templates/helpers.js";
import { loadTemplates, type TemplateSet } from "../templates/load.js";
import { VERSION } from "../version.js";
import type { CommandContext } from "./context.js";

/** The guide written into an exported templates folder. */
export const GUIDE_FILE = "LEESMIJ.md";

export interface ExportResult {
  ok: true;
  map: string;
  bestanden: string[];
}

/** The names of a template set as files: `training/draaiboek.md.hbs`, `training/programma.yaml`. */
function fileNames(set: Pick<TemplateSet, "sources" | "data">): string[] {
  return [
    ...[...set.sources.keys()].map((n) => `${n}.hbs`),
    ...[...set.data.keys()].map((n) => `${n}.yaml`),
  ].sort();
}

/** The LEESMIJ of a template set: per template the names and helpers it can use. */
export function buildGuideFor(set: TemplateSet, context: { today: string }): string {
  const { kinds, analysis } = checkTemplateSet(set, {
    vocabulary: loadVocabulary(),
    today: context.today,
    slides: false,
  });
  return buildTemplateGuide({
    version: VERSION,
    kinds: kinds.map((kind) => ({
      label: kind.label,
      documents: kind.documents.map((doc) => ({ template: doc.template, file: doc.file })),
      shape: kind.shape,
    })),
    partials: analysis.partials,
    partialNames: [...set.sources.keys()].filter((name) => name.startsWith("partials/")).sort(),
    helpers: Object.keys(helpers),
    layouts: LAYOUT_NAMES,
  });
}

/**
 * `idokit sjablonen exporteer MAP`: copies the built-in templates and house style into a folder
 * of the user's, with a LEESMIJ.md that lists what each template can use; to edit and use with
 * `--sjablonen MAP`. Refuses a non-empty folder without `force`.
 */
export function exportTemplates(
  dir: string,
  options: { force: boolean },
  context: CommandContext,
): ExportResult {
  const target = resolve(context.cwd, dir);
  if (existsSync(target) && readdirSync(target).length > 0 && !options.force)
    throw new InputError(
      `De map "${target}" bestaat al en is niet leeg. Er is niets overschreven.`,
      {
        hint: "Kies een nieuwe map, of gebruik --vervang om bestaande sjablonen te overschrijven.",
      },
    );
  const set = loadTemplates();
  const guide = buildGuideFor(set, context);
  cpSync(BUILTIN_TEMPLATES_DIR, target, { recursive: true, force: options.force });
  writeFileSync(join(target, GUIDE_FILE), guide);
  return {
    ok: true,
    map: target,
    bestanden: [...fileNames(set), HUISSTIJL_FILE, ACTORS_FILE, SETTINGS_FILE, GUIDE_FILE].sort(),
  };
}

export interface CheckFolderResult {
  ok: true;
  map: string;
  /** Templates in the folder that differ from idokit's own. */
  gewijzigd: string[];
  /** The house style file that was checked, if the folder has one. */
  huisstijl: string | null;
  waarschuwingen: string[];
}

/**
 * `idokit sjablonen controleer MAP`: checks a folder of templates as making a pack would, and
 * more: every template with the data of every kind of pack, the house style, and files that
 * match no template. Throws an InputError that lists every problem with file, line and column.
 */
export function checkTemplatesFolder(dir: string, context: CommandContext): CheckFolderResult {
  const target = resolve(context.cwd, dir);
  if (!existsSync(target) || !statSync(target).isDirectory())
    throw new InputError(`De map "${dir}" bestaat niet of is geen map.`, {
      hint: "Maak een eigen kopie met: idokit sjablonen exporteer MAP",
    });
  const set = loadTemplates(target);
  const known = fileNames(set);
  const problems: Problem[] = set.unused.map((file) => {
    const relative = file
      .slice(target.length + 1)
      .split("\\")
      .join("/");
    const suggestion = suggestClosest(relative, known);
    return {
      where: file,
      message: `hoort bij geen enkel sjabloon, dus idokit gebruikt het niet.${
        suggestion === undefined ? " Controleer de bestandsnaam." : ` Bedoelde je "${suggestion}"?`
      }`,
    };
  });
  problems.push(...misnamedFiles(target, known));
  problems.push(
    ...checkTemplateSet(set, { vocabulary: loadVocabulary(), today: context.today }).problems,
  );
  const huisstijlFile = join(target, HUISSTIJL_FILE);
  const warnings: string[] = [];
  if (existsSync(huisstijlFile)) {
    const checked = checkHuisstijlFile(huisstijlFile);
    problems.push(...checked.problems);
    warnings.push(...checked.warnings);
  }
  const actorsFile = join(target, ACTORS_FILE);
  if (existsSync(actorsFile))
    problems.push(...parseActorYaml(readFileSync(actorsFile, "utf8"), actorsFile).problems);
  if (problems.length > 0)
    throw new InputError(
      `${problems.length === 1 ? "Eén fout" : `${problems.length} fouten`} in de sjablonen in ${dir}.`,
      {
        problems,
        hint: `In ${GUIDE_FILE} (maak een nieuw met idokit sjablonen exporteer MAP) staat per sjabloon welke namen en helpers je kunt gebruiken.`,
      },
    );
  return {
    ok: true,
    map: target,
    gewijzigd: [...set.changed].map((name) => set.overridden.get(name) ?? name).sort(),
    huisstijl: existsSync(huisstijlFile) ? huisstijlFile : null,
    waarschuwingen: warnings,
  };
}

/** Extensions a template or text file may have been saved with by mistake (an editor's choice). */
const MISNAMED = /\.(md|txt|yml|handlebars|html?)$/i;
/** Files that belong in a templates folder without being templates. */
const COMPANIONS = /^(LEESMIJ|README)(\.md)?$|\.(png|jpe?g|gif|svg)$|^\./i;

function walk(dir: string, prefix = ""): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) return walk(join(dir, entry.name), rel);
    return entry.isFile() ? [rel] : [];
  });
}

/**
 * Files that look like a template saved under the wrong extension (`draaiboek.md` instead of
 * `draaiboek.md.hbs`): idokit would silently skip them, and the POI's edits with them.
 */
function misnamedFiles(dir: string, known: readonly string[]): Problem[] {
  return (
    walk(dir)
      // A POI's casussen may live in the same folder: those are Markdown by design.
      .filter((rel) => !rel.startsWith("casussen/"))
      .filter((rel) => MISNAMED.test(rel) && !COMPANIONS.test(rel.split("/").at(-1) ?? rel))
      .map((rel) => {
        const suggestion = suggestClosest(rel, known);
        return {
          where: join(dir, rel),
          message: `is geen sjabloon (dat eindigt op .hbs of .yaml), dus idokit gebruikt het niet.${
            suggestion === undefined ? "" : ` Bedoelde je "${suggestion}"?`
          }`,
        };
      })
  );
}

/** Where one of a POI's things comes from. */
export type Source = "ingebouwd" | "optie" | "instellingen" | "naast de sjablonen";

export interface ListResult {
  instellingen: { bestand: string | null; gevonden: string; gezocht?: string | undefined };
  sjablonen: { map: string | null; bron: Source; gewijzigd: number; totaal: number };
  huisstijl: { bestand: string; bron: Source };
  acteurs: { bestand: string | null; bron: Source };
  /** Every casus folder; the built-in one with `gebruikt: false` when only own casussen count. */
  casussen: Array<{ map: string; bron: Source; aantal: number; gebruikt: boolean }>;
  bestanden: Array<{ naam: string; bron: string; gewijzigd: boolean }>;
}

/** What a run would use: the flags given, and the POI's settings under them. */
export interface ListOptions {
  templates?: string | undefined;
  huisstijl?: string | undefined;
  acteurs?: string | undefined;
  casussen?: string[];
  /** `--alleen-eigen-casussen`: the built-in library is left out. */
  alleenEigenCasussen?: boolean | undefined;
}

/**
 * `idokit sjablonen lijst`: where every template, the house style, the list of trainingsacteurs
 * and each casus folder of a run come from: idokit itself, a flag, the POI's settings, or the
 * templates folder.
 */
export function listTemplates(
  flags: ListOptions,
  settings: Settings,
  context: CommandContext,
): ListResult {
  const from = (flag: string | undefined, setting: string | undefined): Source =>
    flag !== undefined ? "optie" : setting !== undefined ? "instellingen" : "ingebouwd";
  const templatesDir = flags.templates ?? settings.sjablonen;
  const dir = templatesDir === undefined ? undefined : resolve(context.cwd, templatesDir);
  const set = loadTemplates(dir);
  const huisstijlFile = flags.huisstijl ?? settings.huisstijl;
  const besideTemplates = findHuisstijlFile({ templatesDir: dir });
  const actorFile = flags.acteurs ?? settings.acteurs;
  const actorsBeside = actorListIn(dir);
  const vocabulary = loadVocabulary();
  const ownOnly = flags.alleenEigenCasussen === true || settings.alleenEigenCasussen === true;
  const folders: Array<{ map: string; bron: Source }> = [
    { map: BUILTIN_CASUSSEN_DIR, bron: "ingebouwd" },
    ...settings.casussen.map((map) => ({ map, bron: "instellingen" as const })),
    ...(flags.casussen ?? []).map((map) => ({
      map: resolve(context.cwd, map),
      bron: "optie" as const,
    })),
  ];
  return {
    instellingen: {
      bestand: settings.file ?? null,
      gevonden: settings.via,
      ...(settings.lookedAt ? { gezocht: settings.lookedAt } : {}),
    },
    sjablonen: {
      map: dir ?? null,
      bron: from(flags.templates, settings.sjablonen),
      gewijzigd: set.changed.size,
      totaal: set.texts.size,
    },
    huisstijl:
      huisstijlFile !== undefined
        ? {
            bestand: resolve(context.cwd, huisstijlFile),
            bron: from(flags.huisstijl, settings.huisstijl),
          }
        : besideTemplates !== undefined
          ? { bestand: besideTemplates, bron: "naast de sjablonen" }
          : { bestand: BUILTIN_HUISSTIJL_FILE, bron: "ingebouwd" },
    acteurs:
      actorFile !== undefined
        ? { bestand: resolve(context.cwd, actorFile), bron: from(flags.acteurs, settings.acteurs) }
        : actorsBeside !== undefined
          ? { bestand: actorsBeside, bron: "naast de sjablonen" }
          : { bestand: null, bron: "ingebouwd" },
    casussen: folders.map((folder) => ({
      ...folder,
      aantal: readCasusFolder(folder.map, vocabulary, { builtIn: folder.bron === "ingebouwd" })
        .casussen.length,
      gebruikt: !(folder.bron === "ingebouwd" && ownOnly),
    })),
    bestanden: fileNames(set).map((naam) => {
      const key = naam.replace(/\.(hbs|yaml)$/, "");
      return {
        naam,
        bron: set.overridden.get(key) ?? "ingebouwd",
        gewijzigd: set.changed.has(key),
      };
    }),
  };
}
