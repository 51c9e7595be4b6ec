import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { readLogo } from "../answers/load.js";
import { InputError, type Problem } from "../errors.js";
import { BUILTIN_TEMPLATES_DIR } from "../paths.js";
import type { Logo } from "../render/theme.js";
import { DEFAULT_HUISSTIJL, parseHuisstijl, type HuisstijlSettings } from "./parse.js";

/** The file name of a house style, in a templates folder and as written by `sjablonen exporteer`. */
export const HUISSTIJL_FILE = "huisstijl.yaml";

/** The built-in house style (idokit's defaults, with comments): what `exporteer` copies. */
export const BUILTIN_HUISSTIJL_FILE = join(BUILTIN_TEMPLATES_DIR, HUISSTIJL_FILE);

/** A house style ready for making packs: its settings, its logo read, and where it came from. */
export interface LoadedHuisstijl {
  settings: HuisstijlSettings;
  logo?: Logo | undefined;
  /** The file it came from; the built-in file when none was given. */
  file: string;
  builtIn: boolean;
  /** Contrast warnings, to show once when the pack is made. */
  warnings: string[];
}

/** Checks a house style file, its logo included; every problem names file, line and field. */
export function checkHuisstijlFile(file: string): {
  settings?: HuisstijlSettings;
  logo?: Logo;
  problems: Problem[];
  warnings: string[];
} {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return {
      problems: [
        {
          where: file,
          message:
            code === "ENOENT"
              ? "dit huisstijlbestand bestaat niet. Maak er een met: idokit sjablonen exporteer MAP"
              : `dit huisstijlbestand kan niet worden gelezen (${code ?? "onbekende fout"}).`,
        },
      ],
      warnings: [],
    };
  }
  const parsed = parseHuisstijl(text, file);
  if (!parsed.settings) return { problems: parsed.problems, warnings: parsed.warnings };
  const { settings, lines } = parsed;
  if (settings.logo === undefined) return { settings, problems: [], warnings: parsed.warnings };
  // The same bounded reader as a logo in the answers; relative to the house style's folder.
  const read = readLogo(settings.logo, dirname(resolve(file)));
  if (read.error !== undefined)
    return {
      problems: [
        {
          where: lines.logo === undefined ? file : `${file}, regel ${lines.logo}`,
          message: `logo: ${read.error}`,
        },
      ],
      warnings: parsed.warnings,
    };
  return { settings, logo: read.logo, problems: [], warnings: parsed.warnings };
}

/**
 * Finds and loads the house style of a run: the file given (`--huisstijl`, or the POI's
 * settings), else `huisstijl.yaml` in the templates folder, else idokit's own. A file with
 * problems is an input error that lists them all.
 */
export function loadHuisstijl(
  options: { file?: string | undefined; templatesDir?: string | undefined } = {},
): LoadedHuisstijl {
  const file = findHuisstijlFile(options);
  if (file === undefined)
    return {
      settings: DEFAULT_HUISSTIJL,
      file: BUILTIN_HUISSTIJL_FILE,
      builtIn: true,
      warnings: [],
    };
  const checked = checkHuisstijlFile(file);
  if (!checked.settings)
    throw new InputError(`De huisstijl in ${file} klopt niet. Er is niets gemaakt.`, {
      problems: checked.problems,
      hint: "Verbeter het bestand en controleer het met: idokit sjablonen controleer MAP (of vergelijk het met een nieuw geëxporteerd huisstijl.yaml).",
    });
  return {
    settings: checked.settings,
    logo: checked.logo,
    file,
    builtIn: false,
    warnings: checked.warnings,
  };
}

/** Which house style file a run uses, or undefined for idokit's own. */
export function findHuisstijlFile(options: {
  file?: string | undefined;
  templatesDir?: string | undefined;
}): string | undefined {
  if (options.file !== undefined) return options.file;
  if (options.templatesDir !== undefined) {
    const inFolder = join(options.templatesDir, HUISSTIJL_FILE);
    if (existsSync(inFolder)) return inFolder;
  }
  return undefined;
}
