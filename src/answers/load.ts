import { dirname, isAbsolute, resolve } from "node:path";
import iconv from "iconv-lite";
import { parseDocument } from "yaml";
import { InputError } from "../errors.js";
import type { Logo } from "../render/theme.js";
import { formatBytes, readBoundedFile, refusalText, type ReadRefusal } from "./load-file.js";
import { checkLogo, LOGO_MAX_BYTES } from "./logo.js";
import { yamlSyntaxProblems, yamlValue } from "./yaml-problems.js";

/** The largest answers file idokit reads: a complete one is about 5 kB. */
export const ANSWERS_MAX_BYTES = 1024 * 1024;

/** `het bestand "x" bestaat niet.`, `"x" is een map, geen bestand.` */
function describeRefusal(file: string, refusal: ReadRefusal): string {
  return refusal.reason === "missing"
    ? `het bestand "${file}" bestaat niet.`
    : `het bestand "${file}" ${refusalText(refusal)}`;
}

/**
 * The text of an answers file as people save it: UTF-8 with or without a byte order mark, UTF-16
 * (Windows Notepad's "Unicode"), or Windows-1252 (older Notepad's "ANSI"). Binary content (a
 * Word or Excel file given by mistake) is refused in one line.
 */
function decodeAnswersText(file: string, data: Buffer): string {
  if (data[0] === 0xff && data[1] === 0xfe) return iconv.decode(data.subarray(2), "utf16le");
  if (data[0] === 0xfe && data[1] === 0xff) return iconv.decode(data.subarray(2), "utf16be");
  if (data.includes(0)) {
    const office = data[0] === 0x50 && data[1] === 0x4b;
    throw new InputError(
      `"${file}" is geen tekstbestand maar ${office ? "een Word-, Excel- of zip-bestand" : "een binair bestand"}; een antwoordenbestand is YAML-tekst.`,
      {
        hint: office
          ? "Gebruik het antwoorden.yaml uit een pakket, of idokit batch voor een spreadsheet."
          : "Gebruik het antwoorden.yaml uit een pakket, of start zonder --antwoorden om de vragen te beantwoorden.",
      },
    );
  }
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(data).replace(/^\uFEFF/, "");
  } catch {
    return iconv.decode(data, "windows-1252");
  }
}

/** Raw answers read from a YAML file, with the folder that relative paths (logo) start from. */
export interface RawAnswers {
  data: unknown;
  file: string;
  baseDir: string;
}

/** Reads and parses an answers file; a YAML error names the file, line and column. */
export function readAnswersFile(file: string): RawAnswers {
  const read = readBoundedFile(file, ANSWERS_MAX_BYTES);
  if (read.refusal) {
    const { refusal } = read;
    throw new InputError(
      refusal.reason === "too-large"
        ? `Het antwoordenbestand "${file}" is ${formatBytes(refusal.bytes)}; maximaal ${formatBytes(refusal.limit)}.`
        : `Het antwoordenbestand "${file}" ${refusal.reason === "missing" ? "bestaat niet." : refusalText(refusal)}`,
      {
        hint:
          refusal.reason === "too-large"
            ? "Een antwoordenbestand is een paar kB; is dit het goede bestand?"
            : "Controleer het pad, of start zonder --antwoorden om de vragen te beantwoorden.",
      },
    );
  }
  const text = decodeAnswersText(file, read.data);
  return { data: parseAnswersText(text, file), file, baseDir: dirname(resolve(file)) };
}

/**
 * Parses the text of an answers file (read from disk, or opened in the web form); a YAML error
 * names the file, line and column. `name` is how the file is called in messages.
 */
export function parseAnswersText(text: string, name: string): unknown {
  const source = text.replace(/^\uFEFF/, "");
  const doc = parseDocument(source, { uniqueKeys: true });
  const hint =
    "Elke regel heeft de vorm 'vraag: antwoord' en springt in met spaties, niet met tabs. Zet een antwoord met een dubbele punt, # of aanhalingsteken tussen aanhalingstekens.";
  if (doc.errors.length > 0)
    throw new InputError(`"${name}" is geen geldig YAML-bestand.`, {
      problems: yamlSyntaxProblems(doc.errors, name),
      hint,
    });
  const read = yamlValue(doc, source, name);
  if (read.problem)
    throw new InputError(`"${name}" is geen geldig YAML-bestand.`, {
      problems: [read.problem],
      hint,
    });
  return read.value;
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
  const read = readBoundedFile(full, LOGO_MAX_BYTES);
  if (read.refusal)
    return {
      error:
        read.refusal.reason === "too-large"
          ? `het bestand "${full}" is ${formatBytes(read.refusal.bytes)}; een logo mag maximaal ${formatBytes(LOGO_MAX_BYTES)} zijn. Sla het kleiner op.`
          : describeRefusal(full, read.refusal),
    };
  const result = checkLogo(read.data);
  return result.error === undefined ? result : { error: `het bestand "${full}" ${result.error}` };
}

/** The file check for validation: a logo must exist and be PNG or JPEG. */
export function fileInspector(baseDir: string): (path: string) => string | undefined {
  return (path) => readLogo(path, baseDir).error;
}
