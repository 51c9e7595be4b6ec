import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { basename, dirname, resolve } from "node:path";
import { readCasusFolder } from "../casussen/load.js";
import { buildCasusScaffold, toCasusId } from "../casussen/scaffold.js";
import { loadVocabulary } from "../domain/load-vocabulary.js";
import { InputError, UsageError } from "../errors.js";
import { BUILTIN_CASUSSEN_DIR } from "../paths.js";
import type { CommandContext } from "./context.js";

export interface NewCasusResult {
  ok: true;
  bestand: string;
  id: string;
  /** The built-in casus this one replaces once its folder is used, if the id is taken. */
  vervangt: string | null;
}

const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * `idokit casussen nieuw BESTAND`: writes the scaffold of a casus to fill in, named after its id.
 * Never overwrites a file without `force`; makes the folder when it is not there yet.
 */
export function writeNewCasus(
  file: string,
  options: { force: boolean },
  context: Pick<CommandContext, "cwd">,
): NewCasusResult {
  const target = resolve(context.cwd, file.toLowerCase().endsWith(".md") ? file : `${file}.md`);
  const id = basename(target).replace(/\.md$/i, "");
  if (!ID_PATTERN.test(id)) {
    const suggestion = toCasusId(id) || "mijn-casus";
    throw new UsageError(
      `"${basename(target)}" kan geen casusbestand zijn: de naam is het id van de casus, in kleine letters, cijfers en streepjes.`,
      {
        hint: `Bijvoorbeeld: idokit casussen nieuw ${resolve(dirname(target), `${suggestion}.md`)}`,
      },
    );
  }
  if (existsSync(target) && !options.force)
    throw new InputError(`Het bestand ${target} bestaat al. Er is niets overschreven.`, {
      hint: "Kies een andere naam, of gebruik --vervang om het te overschrijven met een lege casus.",
    });
  const vocabulary = loadVocabulary();
  const builtIn = readCasusFolder(BUILTIN_CASUSSEN_DIR, vocabulary, {
    builtIn: true,
  }).casussen.find((casus) => casus.id === id);
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, buildCasusScaffold(id, vocabulary), { flag: options.force ? "w" : "wx" });
  return { ok: true, bestand: target, id, vervangt: builtIn ? builtIn.titel : null };
}
