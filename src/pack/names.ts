import { existsSync } from "node:fs";
import path from "node:path";
import { InputError } from "../errors.js";

/**
 * Names that Windows cannot give a file or folder. Most kartrekkers and POI staff work on
 * Windows, and a pack made elsewhere is copied there (a shared drive, a USB stick, OneDrive), so
 * every name idokit creates must be valid on Windows, whatever computer it runs on.
 */

/** Device names Windows reserves, also with an extension (`con.txt`, `COM1.zip`). */
const RESERVED = /^(?:con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(?:\..*)?$/i;

/** Characters Windows does not allow in a name, and control characters. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
const FORBIDDEN = /[<>:"/\\|?*\u0000-\u001f]/;

/** The longest name (one part of a path) Windows and most file systems allow. */
export const MAX_NAME = 255;

/** Why `name` cannot be a file or folder name on Windows, in Dutch; undefined when it can. */
export function windowsNameProblem(name: string): string | undefined {
  const bad = FORBIDDEN.exec(name);
  if (bad) {
    const shown = bad[0] < " " ? "een onzichtbaar stuurteken" : `het teken ${bad[0]}`;
    return `bevat ${shown}, dat Windows niet toestaat in een naam (niet toegestaan: < > : " / \\ | ? *)`;
  }
  if (/[. ]$/.test(name))
    return "eindigt op een punt of een spatie; Windows haalt die weg, en dan klopt de naam niet meer";
  if (RESERVED.test(name))
    return `is een naam die Windows voor een apparaat gebruikt (${name.split(".")[0]!.toUpperCase()})`;
  if (name.length > MAX_NAME)
    return `is ${name.length} tekens lang; een naam mag er hoogstens ${MAX_NAME} hebben`;
  return undefined;
}

/**
 * The names in `target` that idokit would create (every part from the first that does not exist
 * yet), with the first that Windows cannot use as an `InputError`; undefined when all are fine.
 * Folders that exist already are the user's and are not judged.
 */
export function newNameProblem(
  target: string,
  exists: (path: string) => boolean = existsSync,
  p: path.PlatformPath = path,
): InputError | undefined {
  const fresh: string[] = [];
  for (let dir = target; !exists(dir);) {
    fresh.unshift(p.basename(dir));
    const parent = p.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  for (const name of fresh) {
    const problem = windowsNameProblem(name);
    if (problem)
      return new InputError(`De naam "${name}" in "${target}" ${problem}. Er is niets gemaakt.`, {
        hint: "Kies een naam met alleen letters, cijfers, spaties en streepjes, bijvoorbeeld --map pakket-maart.",
      });
  }
  return undefined;
}
