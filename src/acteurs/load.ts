import { existsSync, readFileSync } from "node:fs";
import { basename, extname, join } from "node:path";
import { InputError } from "../errors.js";
import { parseActorTable, parseActorYaml, type ActorList } from "./parse.js";

/** The file name of a POI's actor list, as written by `sjablonen exporteer`. */
export const ACTORS_FILE = "trainingsacteurs.yaml";

/**
 * Reads a POI's list of trainingsacteurs: YAML (`trainingsacteurs.yaml`), or a spreadsheet
 * (.xlsx or .csv) with the columns Naam, Bureau, E-mail, Telefoon, Regio, Specialiteiten. A list
 * with problems is an input error that names file, row or line, and field.
 */
export async function loadActorList(file: string): Promise<ActorList> {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(
      code === "ENOENT"
        ? `De lijst met trainingsacteurs "${file}" bestaat niet.`
        : `De lijst met trainingsacteurs "${file}" kan niet worden gelezen (${code ?? "onbekende fout"}).`,
      {
        hint: `Controleer het pad. Een lege lijst om in te vullen staat in een geëxporteerde sjablonenmap (${ACTORS_FILE}).`,
      },
    );
  }
  const extension = extname(file).toLowerCase();
  let parsed;
  if (extension === ".csv" || extension === ".txt") {
    const { parseCsvTable } = await import("../batch/read-csv.js");
    parsed = parseActorTable({ ...parseCsvTable(bytes, basename(file)), source: file });
  } else if (extension === ".xlsx" || extension === ".xlsm") {
    const { parseXlsxTable } = await import("../batch/read-xlsx.js");
    parsed = parseActorTable({ ...(await parseXlsxTable(bytes, basename(file))), source: file });
  } else {
    parsed = parseActorYaml(new TextDecoder().decode(bytes), file);
  }
  if (!parsed.list)
    throw new InputError(`De lijst met trainingsacteurs in ${file} klopt niet.`, {
      problems: parsed.problems,
      hint: "Verbeter de lijst en probeer het opnieuw. Per acteur: naam (nodig), bureau, email, telefoon, regio, specialiteiten.",
    });
  return parsed.list;
}

/** The actor list beside a POI's templates, if the folder has one. */
export function actorListIn(templatesDir: string | undefined): string | undefined {
  if (templatesDir === undefined) return undefined;
  const file = join(templatesDir, ACTORS_FILE);
  return existsSync(file) ? file : undefined;
}
