import { cpSync, existsSync, readdirSync } from "node:fs";
import { resolve } from "node:path";
import { InputError } from "../errors.js";
import { BUILTIN_TEMPLATES_DIR } from "../paths.js";
import { loadTemplates } from "../templates/load.js";
import { HUISSTIJL_FILE } from "../huisstijl/load.js";
import type { CommandContext } from "./context.js";

export interface ExportResult {
  ok: true;
  map: string;
  bestanden: string[];
}

/**
 * `idokit sjablonen exporteer MAP`: copies the built-in templates into a folder of the user's, to
 * edit and use with `--sjablonen MAP`. Refuses a non-empty folder without `force`.
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
  cpSync(BUILTIN_TEMPLATES_DIR, target, { recursive: true, force: options.force });
  const set = loadTemplates();
  const names = [...set.sources.keys()]
    .map((n) => `${n}.hbs`)
    .concat(
      [...set.data.keys()].map((n) => `${n}.yaml`),
      HUISSTIJL_FILE,
    );
  return { ok: true, map: target, bestanden: names.sort() };
}

/** `idokit sjablonen lijst`: the template names, and which ones a user's folder overrides. */
export function listTemplates(
  dir: string | undefined,
  context: CommandContext,
): Array<{ naam: string; bron: string }> {
  const set = loadTemplates(dir === undefined ? undefined : resolve(context.cwd, dir));
  const names = [
    ...[...set.sources.keys()].map((n) => `${n}.hbs`),
    ...[...set.data.keys()].map((n) => `${n}.yaml`),
  ].sort();
  return names.map((naam) => {
    const key = naam.replace(/\.(hbs|yaml)$/, "");
    return { naam, bron: set.overridden.get(key) ?? "ingebouwd" };
  });
}
