import { LineCounter, isMap, isScalar, parseDocument } from "yaml";
import { z } from "zod";
import { yamlProblem } from "../domain/yaml-errors.js";
import { cleanLine, toColor } from "../answers/values.js";
import { didYouMean } from "../domain/suggest.js";
import type { Problem } from "../errors.js";
import {
  DEFAULT_ACCENT,
  DEFAULT_FONT,
  DEFAULT_PRIMARY,
  contrastWarnings,
  type ThemeOptions,
} from "../render/theme.js";

/**
 * A POI's house style (`huisstijl.yaml`): colours, fonts, logo, footer line and the name on title
 * pages, for every document of every pack. Pure: the caller reads the file and the logo.
 */

/** The settings of a huisstijl file, checked and normalised (colours as `RRGGBB`). */
export interface HuisstijlSettings {
  naam?: string | undefined;
  hoofdkleur: string;
  accentkleur: string;
  lettertypeKoppen: string;
  lettertypeTekst: string;
  /** The logo's path as written, relative to the file's folder. */
  logo?: string | undefined;
  voettekst?: string | undefined;
}

export interface ParsedHuisstijl {
  /** Present when the file has no problems. */
  settings?: HuisstijlSettings;
  problems: Problem[];
  /** Not wrong, but worth saying: colours that make text or lines hard to read. */
  warnings: string[];
  /** The line of each field in the file, for messages about it (the logo, once read). */
  lines: Readonly<Record<string, number>>;
}

const FONT_PATTERN = /^(?:[\p{L}\p{N}][\p{L}\p{N} .,&'()-]*)?$/u;

const colour = z.unknown().transform((raw, ctx) => {
  const converted = toColor(raw);
  if (converted.error === undefined) return converted.value;
  ctx.addIssue({ code: "custom", message: converted.error });
  return z.NEVER;
});

const font = z
  .union([z.null(), z.string()], {
    error: "moet de naam van een lettertype zijn, bijvoorbeeld Arial.",
  })
  .transform((raw) => cleanLine(raw ?? ""))
  .pipe(
    z
      .string()
      .min(
        1,
        "is leeg. Vul de naam van een lettertype in, bijvoorbeeld Arial, of haal de regel weg.",
      )
      .max(60, "is te lang voor de naam van een lettertype (maximaal 60 tekens).")
      .regex(
        FONT_PATTERN,
        "is geen naam van een lettertype: gebruik alleen letters, cijfers en spaties, bijvoorbeeld Arial.",
      ),
  );

/** Text that may be left empty: empty, `""` and nothing at all mean "none". */
const optionalLine = (max: number) =>
  z
    .union([z.null(), z.string(), z.number()], { error: "moet tekst zijn." })
    .transform((raw) => (raw === null ? "" : cleanLine(String(raw))))
    .pipe(
      z
        .string()
        .max(max, `is te lang (maximaal ${max} tekens). Kort het in.`)
        .transform((text) => text || undefined),
    );

/** The fields of `huisstijl.yaml`; a field that is left out gets idokit's default. */
export const huisstijlSchema = z.object({
  naam: optionalLine(80).optional(),
  hoofdkleur: colour.default(DEFAULT_PRIMARY),
  accentkleur: colour.default(DEFAULT_ACCENT),
  lettertypeKoppen: font.default(DEFAULT_FONT),
  lettertypeTekst: font.default(DEFAULT_FONT),
  logo: optionalLine(500).optional(),
  voettekst: optionalLine(120).optional(),
});

export const HUISSTIJL_FIELDS = Object.keys(huisstijlSchema.shape);

/** idokit's own house style, when no file is given. */
export const DEFAULT_HUISSTIJL: HuisstijlSettings = huisstijlSchema.parse({});

/**
 * Checks the text of a huisstijl file. Every problem names the file, the line and the field, and
 * says what to do; an unknown field gets a "bedoelde je …?".
 */
export function parseHuisstijl(text: string, file: string): ParsedHuisstijl {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text.replace(/^\uFEFF/, ""), { lineCounter, uniqueKeys: true });
  const lines: Record<string, number> = {};
  const at = (line: number | undefined): string =>
    line === undefined ? file : `${file}, regel ${line}`;
  if (doc.errors.length > 0)
    return {
      problems: doc.errors.map((error) => yamlProblem(error, file)),
      warnings: [],
      lines,
    };
  const contents = doc.contents;
  if (contents !== null && !isMap(contents))
    return {
      problems: [
        {
          where: file,
          message:
            "moet een lijst van instellingen zijn, één per regel, zoals 'hoofdkleur: \"#1F4E79\"'.",
        },
      ],
      warnings: [],
      lines,
    };

  const problems: Problem[] = [];
  for (const item of contents?.items ?? []) {
    const key = isScalar(item.key) ? String(item.key.value) : String(item.key);
    const offset = isScalar(item.key) ? item.key.range?.[0] : undefined;
    const line = offset === undefined ? undefined : lineCounter.linePos(offset).line;
    if (line !== undefined) lines[key] = line;
    if (!HUISSTIJL_FIELDS.includes(key))
      problems.push({
        where: at(line),
        message: `onbekend veld "${key}".${didYouMean(key, HUISSTIJL_FIELDS)} De velden zijn: ${HUISSTIJL_FIELDS.join(", ")}.`,
      });
  }
  const data = (doc.toJS() ?? {}) as Record<string, unknown>;
  const known = Object.fromEntries(
    Object.entries(data).filter(([key]) => HUISSTIJL_FIELDS.includes(key)),
  );
  const result = huisstijlSchema.safeParse(known);
  if (!result.success)
    for (const issue of result.error.issues) {
      const field = String(issue.path[0] ?? "");
      problems.push({ where: at(lines[field]), message: `${field}: ${issue.message}` });
    }
  if (problems.length > 0 || !result.success) return { problems, warnings: [], lines };

  const settings = result.data as HuisstijlSettings;
  const warnings = contrastWarnings(
    { primary: settings.hoofdkleur, accent: settings.accentkleur },
    { primary: `${file}: de hoofdkleur`, accent: `${file}: de accentkleur` },
  );
  return { settings, problems: [], warnings, lines };
}

/**
 * The theme of one pack: the house style, with the library's own colour and logo (from its
 * answers) laid over it; those win.
 */
export function themeOptionsFor(
  settings: HuisstijlSettings,
  own: Pick<ThemeOptions, "primary" | "logo">,
  houseLogo?: ThemeOptions["logo"],
): ThemeOptions {
  return {
    primary: own.primary ?? settings.hoofdkleur,
    accent: settings.accentkleur,
    headingFont: settings.lettertypeKoppen,
    bodyFont: settings.lettertypeTekst,
    logo: own.logo ?? houseLogo,
    titleName: settings.naam,
    footerText: settings.voettekst,
  };
}
