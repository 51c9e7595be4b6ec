import { existsSync, readFileSync, statSync } from "node:fs";
import { dirname, isAbsolute, join, resolve } from "node:path";
import envPaths from "env-paths";
import { LineCounter, isMap, isScalar, parseDocument } from "yaml";
import { z } from "zod";
import { yamlProblem } from "../domain/yaml-errors.js";
import { didYouMean } from "../domain/suggest.js";
import { InputError, type Problem } from "../errors.js";

/**
 * One place for a POI's settings: a file `instellingen.yaml` that says where the POI's templates,
 * house style, casussen and trainingsacteurs are, so every command uses them without flags. It is
 * found in the user's config folder (the platform's convention: ~/.config/idokit on Linux,
 * ~/Library/Preferences/idokit on macOS, %APPDATA%\idokit\Config on Windows), or wherever the
 * environment variable IDOKIT_INSTELLINGEN points. Flags win over settings.
 */

/** The environment variable that points to a settings file; empty means: no settings at all. */
export const SETTINGS_VARIABLE = "IDOKIT_INSTELLINGEN";
export const SETTINGS_FILE = "instellingen.yaml";

export interface Settings {
  /** The settings file, when there is one. */
  file?: string | undefined;
  /** How the file was found, for `sjablonen lijst`. */
  via: "omgevingsvariabele" | "configuratiemap" | "geen";
  /** Where the file was looked for when there is none. */
  lookedAt?: string | undefined;
  sjablonen?: string | undefined;
  huisstijl?: string | undefined;
  acteurs?: string | undefined;
  casussen: string[];
  /** Only the casussen folders above, not the built-in library. */
  alleenEigenCasussen?: boolean | undefined;
}

const FIELDS = ["sjablonen", "huisstijl", "casussen", "acteurs", "alleenEigenCasussen"];

/** A yes/no setting: YAML's true/false, or ja/nee as a Dutch user writes it. */
const yesNo = z.union(
  [
    z.boolean(),
    z
      .string()
      .trim()
      .toLowerCase()
      .pipe(z.enum(["ja", "nee"]))
      .transform((value) => value === "ja"),
  ],
  { error: "moet ja of nee zijn." },
);

const path = z
  .string({ error: "moet een pad zijn, bijvoorbeeld ./sjablonen of C:\\POI\\sjablonen." })
  .trim()
  .min(1, "is leeg. Vul een pad in, of haal de regel weg.");

const settingsSchema = z.object({
  sjablonen: path.optional(),
  huisstijl: path.optional(),
  acteurs: path.optional(),
  casussen: z
    .union([path, z.array(path)], { error: "moet een map zijn, of een lijst van mappen." })
    .transform((value) => (Array.isArray(value) ? value : [value]))
    .optional(),
  alleenEigenCasussen: yesNo.optional(),
});

/** Where the settings file is: the variable's file, or the one in the user's config folder. */
export function findSettingsFile(env: NodeJS.ProcessEnv): {
  file?: string;
  via: Settings["via"];
  lookedAt?: string;
} {
  const pointed = env[SETTINGS_VARIABLE];
  if (pointed !== undefined) {
    if (pointed.trim() === "") return { via: "geen" };
    const file = resolve(pointed.trim());
    // A folder (a POI's kit) holds its instellingen.yaml.
    const inFolder =
      existsSync(file) && statSync(file).isDirectory() ? join(file, SETTINGS_FILE) : file;
    return { file: inFolder, via: "omgevingsvariabele" };
  }
  const file = join(envPaths("idokit", { suffix: "" }).config, SETTINGS_FILE);
  return existsSync(file) ? { file, via: "configuratiemap" } : { via: "geen", lookedAt: file };
}

/**
 * Reads a settings file. Relative paths start from the file's folder, so a POI can hand out one
 * folder with the settings, templates and casussen in it. Every problem names the file, line and
 * field: a setting that points nowhere is an error, not a silent fallback.
 */
export function parseSettingsFile(file: string): {
  settings?: Omit<Settings, "via">;
  problems: Problem[];
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
              ? `dit instellingenbestand bestaat niet (${SETTINGS_VARIABLE} wijst ernaar).`
              : `dit instellingenbestand kan niet worden gelezen (${code ?? "onbekende fout"}).`,
        },
      ],
    };
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(text.replace(/^\uFEFF/, ""), { lineCounter, uniqueKeys: true });
  if (doc.errors.length > 0)
    return {
      problems: doc.errors.map((error) => yamlProblem(error, file)),
    };
  const lines: Record<string, number> = {};
  const problems: Problem[] = [];
  const at = (field: string) => (lines[field] ? `${file}, regel ${lines[field]}` : file);
  if (doc.contents !== null && !isMap(doc.contents))
    return {
      problems: [
        {
          where: file,
          message: "moet instellingen bevatten, één per regel, zoals 'sjablonen: ./sjablonen'.",
        },
      ],
    };
  for (const item of isMap(doc.contents) ? doc.contents.items : []) {
    const key = isScalar(item.key) ? String(item.key.value) : String(item.key);
    if (isScalar(item.key) && item.key.range)
      lines[key] = lineCounter.linePos(item.key.range[0]).line;
    if (!FIELDS.includes(key))
      problems.push({
        where: at(key),
        message: `onbekende instelling "${key}".${didYouMean(key, FIELDS)} De instellingen zijn: ${FIELDS.join(", ")}.`,
      });
  }
  const data = Object.fromEntries(
    Object.entries((doc.toJS() ?? {}) as Record<string, unknown>).filter(([key]) =>
      FIELDS.includes(key),
    ),
  );
  const parsed = settingsSchema.safeParse(data);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? "");
      problems.push({ where: at(field), message: `${field}: ${issue.message}` });
    }
    return { problems };
  }
  const base = dirname(resolve(file));
  const absolute = (value: string) => (isAbsolute(value) ? value : resolve(base, value));
  const settings = {
    file,
    sjablonen: parsed.data.sjablonen && absolute(parsed.data.sjablonen),
    huisstijl: parsed.data.huisstijl && absolute(parsed.data.huisstijl),
    acteurs: parsed.data.acteurs && absolute(parsed.data.acteurs),
    casussen: (parsed.data.casussen ?? []).map(absolute),
    alleenEigenCasussen: parsed.data.alleenEigenCasussen,
  };
  if (settings.alleenEigenCasussen === true && settings.casussen.length === 0)
    problems.push({
      where: at("alleenEigenCasussen"),
      message:
        "alleenEigenCasussen: ja werkt alleen met een eigen casusmap. Zet die onder casussen:, of zet alleenEigenCasussen op nee.",
    });
  // A setting that points nowhere would silently fall back to idokit's own: say so instead.
  const expect = (field: string, value: string | undefined, folder: boolean) => {
    if (value === undefined) return;
    const exists = existsSync(value) && statSync(value).isDirectory() === folder;
    if (!exists)
      problems.push({
        where: at(field),
        message: `${field}: ${folder ? "de map" : "het bestand"} "${value}" bestaat niet${folder ? " of is geen map" : ""}.`,
      });
  };
  expect("sjablonen", settings.sjablonen, true);
  expect("huisstijl", settings.huisstijl, false);
  expect("acteurs", settings.acteurs, false);
  for (const folder of settings.casussen) expect("casussen", folder, true);
  return problems.length > 0 ? { problems } : { settings, problems: [] };
}

/** The settings of this run, from the environment and the user's config folder. */
export function loadSettings(env: NodeJS.ProcessEnv = process.env): Settings {
  const found = findSettingsFile(env);
  if (found.file === undefined) return { via: found.via, lookedAt: found.lookedAt, casussen: [] };
  const parsed = parseSettingsFile(found.file);
  if (!parsed.settings)
    throw new InputError(`De instellingen in ${found.file} kloppen niet. Er is niets gemaakt.`, {
      problems: parsed.problems,
      hint:
        found.via === "omgevingsvariabele"
          ? `Verbeter het bestand, of zet ${SETTINGS_VARIABLE} uit (leeg) om zonder instellingen te werken.`
          : "Verbeter het bestand, of haal het weg om zonder instellingen te werken.",
    });
  return { ...parsed.settings, via: found.via };
}

/**
 * Options with the settings filled in where no flag was given; casus folders add up (the
 * settings' first, so a flag's folder wins on an equal id). Only own casussen holds when either
 * the flag or the settings say so.
 */
export function withSettings<
  O extends {
    templates?: string | undefined;
    huisstijl?: string | undefined;
    acteurs?: string | undefined;
    casussen?: string[];
    alleenEigenCasussen?: boolean | undefined;
  },
>(options: O, settings: Settings): O {
  return {
    ...options,
    ...(options.alleenEigenCasussen === true || settings.alleenEigenCasussen === true
      ? { alleenEigenCasussen: true }
      : {}),
    templates: options.templates ?? settings.sjablonen,
    huisstijl: options.huisstijl ?? settings.huisstijl,
    acteurs: options.acteurs ?? settings.acteurs,
    ...(options.casussen === undefined
      ? {}
      : { casussen: [...settings.casussen, ...options.casussen] }),
  };
}
