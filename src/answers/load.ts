import { readFileSync } from "node:fs";
import { dirname, isAbsolute, resolve } from "node:path";
import { parseDocument } from "yaml";
import { InputError } from "../errors.js";
import { toLogo } from "../render/image.js";
import type { Logo } from "../render/theme.js";

/** Raw answers read from a YAML file, with the folder that relative paths (logo) start from. */
export interface RawAnswers {
  data: unknown;
  file: string;
  baseDir: string;
}

/** Reads and parses an answers file; a YAML error names the file, line and column. */
export function readAnswersFile(file: string): RawAnswers {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(
      code === "ENOENT"
        ? `Het antwoordenbestand "${file}" bestaat niet.`
        : `Het antwoordenbestand "${file}" kan niet worden gelezen (${code ?? "onbekende fout"}).`,
      { hint: "Controleer het pad, of start zonder --antwoorden om de vragen te beantwoorden." },
    );
  }
  return { data: parseAnswersText(text, file), file, baseDir: dirname(resolve(file)) };
}

/**
 * Parses the text of an answers file (read from disk, or opened in the web form); a YAML error
 * names the file, line and column. `name` is how the file is called in messages.
 */
export function parseAnswersText(text: string, name: string): unknown {
  const doc = parseDocument(text.replace(/^\uFEFF/, ""), { uniqueKeys: true });
  if (doc.errors.length > 0) {
    throw new InputError(`"${name}" is geen geldig YAML-bestand.`, {
      problems: doc.errors.map((e) => ({
        where: `${name}, regel ${e.linePos?.[0].line ?? "?"}, kolom ${e.linePos?.[0].col ?? "?"}`,
        message: e.message.split("\n")[0] ?? e.message,
      })),
      hint: "Elke regel heeft de vorm 'sleutel: waarde'; springt in met spaties, niet met tabs. Zet tekst met een dubbele punt tussen aanhalingstekens.",
    });
  }
  return doc.toJS();
}

function resolveFrom(baseDir: string, path: string): string {
  return isAbsolute(path) ? path : resolve(baseDir, path);
}

/** Reads a logo file; returns the logo or a Dutch reason why it cannot be used. */
export function readLogo(
  path: string,
  baseDir: string,
): { logo: Logo; error?: undefined } | { error: string; logo?: undefined } {
  const full = resolveFrom(baseDir, path);
  let data: Uint8Array;
  try {
    data = readFileSync(full);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return {
      error:
        code === "ENOENT"
          ? `het bestand "${full}" bestaat niet.`
          : code === "EISDIR"
            ? `"${full}" is een map, geen bestand.`
            : `het bestand "${full}" kan niet worden gelezen (${code ?? "onbekende fout"}).`,
    };
  }
  const result = toLogo(data);
  return result.error === undefined ? result : { error: `"${full}" ${result.error}` };
}

/** The file check for validation: a logo must exist and be PNG or JPEG. */
export function fileInspector(baseDir: string): (path: string) => string | undefined {
  return (path) => readLogo(path, baseDir).error;
}
