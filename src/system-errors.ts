import { existsSync, statSync } from "node:fs";
import { dirname, parse, resolve } from "node:path";
import { SystemError } from "./errors.js";

/**
 * The machine's problems in the user's words: an error of the operating system (no permission,
 * a full or read-only disk, a path that is too long, a file that is in use) becomes a Dutch
 * `SystemError` that names the path and says what to do. Anything else is left alone: it is
 * either the input's fault (reported as such) or a bug in idokit.
 */

/** Error codes that are the machine's, not idokit's. */
const MACHINE_CODES = new Set([
  "EACCES",
  "EPERM",
  "ENOSPC",
  "EDQUOT",
  "EROFS",
  "ENOTDIR",
  "EEXIST",
  "ENAMETOOLONG",
  "EBUSY",
  "EIO",
  "ENOENT",
]);

/**
 * What idokit was doing, for the message: writing a pack or a file, reading one, or not known
 * (an error that reached the CLI on its own: the operating system's call decides).
 */
export type Action = "write" | "read" | "any";

const WRITING = new Set(["mkdir", "rename", "write", "unlink", "rmdir", "rm", "copyfile", "utime"]);
const READING = new Set(["read", "scandir", "stat", "lstat", "access", "readlink", "realpath"]);

function actionOf(errno: NodeJS.ErrnoException): Action {
  if (WRITING.has(errno.syscall ?? "")) return "write";
  if (READING.has(errno.syscall ?? "")) return "read";
  return "any";
}

/** The first part of `path` that exists and is a file (where a folder was expected). */
function fileInPath(path: string): string | undefined {
  for (let current = resolve(path); ; current = dirname(current)) {
    try {
      if (existsSync(current)) return statSync(current).isDirectory() ? undefined : current;
    } catch {
      return undefined;
    }
    if (parse(current).root === current) return undefined;
  }
}

/** The closest folder of `path` that exists: where the person can look. */
function existingFolder(path: string): string {
  for (let current = resolve(path); ; current = dirname(current)) {
    if (existsSync(current) || parse(current).root === current) return current;
  }
}

const CHOOSE = "Kies een andere map met --map MAP.";

/**
 * A Dutch `SystemError` for an operating-system error, naming `path` (what the person knows:
 * the pack folder, not idokit's temporary folder beside it); undefined when the error is not
 * the machine's. `ENOENT` counts only while writing (a drive or network folder that is gone).
 */
export function toSystemError(
  error: unknown,
  options: { path?: string | undefined; action?: Action; platform?: NodeJS.Platform } = {},
): SystemError | undefined {
  if (error instanceof SystemError) return error;
  const errno = error as NodeJS.ErrnoException | undefined;
  const code = errno?.code;
  if (!code || !MACHINE_CODES.has(code)) return undefined;
  const action =
    options.action === undefined || options.action === "any" ? actionOf(errno!) : options.action;
  if (code === "ENOENT" && action !== "write") return undefined;
  const path = options.path ?? errno?.path ?? "";
  const platform = options.platform ?? process.platform;
  const make = (message: string, hint: string): SystemError =>
    new SystemError(message, { code, hint, cause: error });
  // mkdir -p through a file gives EEXIST on some systems, ENOTDIR on others: same problem.
  const file = code === "EEXIST" || code === "ENOTDIR" ? fileInPath(path) : undefined;
  if (file)
    return make(`"${file}" is een bestand, geen map, en staat in het pad "${path}".`, CHOOSE);
  switch (code) {
    case "EACCES":
    case "EPERM":
      if (action === "write")
        return make(
          `Geen toestemming om te schrijven in "${path}".`,
          "Kies een map waarin je wel mag schrijven, bijvoorbeeld een map in Documenten, met --map MAP. Staat er een bestand uit die map open in een ander programma, sluit het dan eerst.",
        );
      return make(
        action === "read"
          ? `Geen toestemming om "${path}" te lezen.`
          : `Geen toestemming voor "${path}".`,
        "Kopieer het naar een eigen map, of vraag de beheerder van de computer om toestemming.",
      );
    case "ENOSPC":
    case "EDQUOT":
      return make(
        `De schijf is vol: er past niets meer bij in "${existingFolder(path)}".`,
        "Maak ruimte vrij op de schijf (een pakket is ongeveer 300 kB), of kies een map op een andere schijf met --map MAP.",
      );
    case "EROFS":
      return make(
        `In "${existingFolder(path)}" kan niet worden geschreven: de schijf is alleen-lezen (zoals een cd, een beveiligde USB-stick of een netwerkmap waarin je alleen mag lezen).`,
        "Kies een map op een andere schijf met --map MAP.",
      );
    case "ENOTDIR":
      return make(`Een deel van het pad "${path}" is een bestand, geen map.`, CHOOSE);
    case "EEXIST":
      return make(
        `"${path}" bestaat al; het is er net bij gekomen terwijl idokit bezig was.`,
        "Maakt iemand anders (of een tweede idokit) tegelijk een pakket in deze map? Wacht tot die klaar is en probeer opnieuw, of kies een andere map met --map MAP.",
      );
    case "ENAMETOOLONG":
      return make(
        `Het pad is te lang voor het bestandssysteem (${path.length} tekens): "${path}".`,
        platform === "win32"
          ? "Kies een map met een korter pad, dichter bij de schijf (bijvoorbeeld C:\\idokit), met --map MAP."
          : "Kies een map met een korter pad en kortere namen met --map MAP.",
      );
    case "EBUSY":
      return make(
        `"${path}" is in gebruik door een ander programma.`,
        "Sluit het bestand of de map (in Word, Excel, PowerPoint of de Verkenner) en probeer opnieuw.",
      );
    case "EIO":
      return make(
        `De schijf gaf een fout bij "${path}".`,
        "Controleer de schijf of USB-stick (zit hij goed vast?) en probeer opnieuw, of kies een andere map met --map MAP.",
      );
    case "ENOENT":
      return make(
        `De map "${path}" kan niet worden gemaakt: "${existingFolder(path)}" is het laatste deel dat bestaat.`,
        "Bestaat de schijf of netwerkmap nog? Kies een andere map met --map MAP.",
      );
  }
  return undefined;
}

/** Runs `action`; an operating-system error comes out as a Dutch `SystemError` naming `path`. */
export function withSystemErrors<T>(path: string, action: Action, run: () => T): T {
  try {
    return run();
  } catch (error) {
    throw toSystemError(error, { path, action }) ?? error;
  }
}
